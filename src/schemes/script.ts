/**
 * Which characters a word of a language can hold (docs/rules/words.md, docs/languages.md): the
 * letters of the script its language file names, and the in-word apostrophe of a language that
 * has one. The engine cuts words with these (src/engine/normalize.ts); the scheme validator
 * refuses a letter, a rule or a context that names any other character, since no word would ever
 * hold it (docs/scheme-format.md). The letters come from the language files and Unicode's data,
 * never from a list in code. This module imports no data module, so that the generator of
 * src/schemes/builtin.ts can load the validator even when that file is out of date.
 */
import type { LanguageSource } from './types.ts';

/** The in-word apostrophe letter: an apostrophe of the language between two letters becomes it. */
export const APOSTROPHE_LETTER = 'ʼ';

/**
 * The letters of a script as a character class for patterns with the `v` flag,
 * `[\p{Script=…}&&\p{L}]`: Unicode's definition, of which src/schemes/builtin.ts keeps the ranges
 * for the engine's start-up (docs/performance.md).
 */
export function scriptPropertyClass(script: string): string {
  return `[\\p{Script=${script}}&&\\p{L}]`;
}

const oneLetter = new Map<string, RegExp>();

/**
 * Whether a word of one of `languages` can hold `ch` (one character): a letter of the language's
 * script, or {@link APOSTROPHE_LETTER} in a language that has apostrophes. A scheme serves its
 * own language and those it lists in `languages` (ISO 9), so a letter of any of them counts.
 */
export function inWordOf(languages: readonly LanguageSource[], ch: string): boolean {
  return languages.some((language) => {
    if (ch === APOSTROPHE_LETTER && language.apostrophes !== undefined) return true;
    let re = oneLetter.get(language.script);
    if (re === undefined) oneLetter.set(language.script, (re = new RegExp(`^${scriptPropertyClass(language.script)}$`, 'v')));
    return re.test(ch);
  });
}

/**
 * The letter `ch` looks like on the other side, by the languages' `homoglyphs` (Latin letter →
 * the letter of the script it looks like): for a Latin `e`, the Cyrillic `е` (`script` names the
 * language's script); for a Cyrillic `е`, the Latin `e` (`script` is `Latin`). Undefined when it
 * is no one's look-alike.
 */
export function lookAlikeOf(languages: readonly LanguageSource[], ch: string): { char: string; script: string } | undefined {
  for (const language of languages) {
    for (const [latin, letter] of Object.entries(language.homoglyphs)) {
      if (latin.startsWith('$')) continue;
      if (latin === ch) return { char: letter, script: language.script };
      if (letter === ch) return { char: latin, script: 'Latin' };
    }
  }
  return undefined;
}

/** A character as messages name it: `"q" (U+0071)`. */
export function describeChar(ch: string): string {
  return `${JSON.stringify(ch)} (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
}
