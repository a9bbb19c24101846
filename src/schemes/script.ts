/**
 * Which characters a word of a language can hold (docs/rules/words.md, docs/languages.md): the
 * letters of the script its language file names, and the in-word apostrophe of a language that
 * has one. The engine cuts words with these (src/engine/normalize.ts); the scheme validator
 * refuses a letter, a rule or a context that names any other character, since no word would ever
 * hold it (docs/scheme-format.md). The letters come from the language files and Unicode's data,
 * never from a list in code. The language's look-alikes (`homoglyphs`) are read here too, once,
 * both ways, for every part that reads a word typed in two scripts. This module imports no data
 * module, so that the generator of src/schemes/builtin.ts can load the validator even when that
 * file is out of date.
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

/** A language's look-alike table (`homoglyphs`, docs/scheme-format.md) read both ways. */
export interface LookAlikes {
  /** The language's script (`Cyrillic`): the other side is always Latin. */
  script: string;
  /** A Latin letter → the letter of the language's script it looks like, as the file writes it. */
  toScript: ReadonlyMap<string, string>;
  /** A letter of the language's script → the Latin letter it looks like. */
  toLatin: ReadonlyMap<string, string>;
}

const lookAlikeTables = new WeakMap<LanguageSource, LookAlikes>();

/**
 * The look-alikes of a language both ways, built once per language: the one reading of the
 * `homoglyphs` table that the checker's mixed-script rule (src/check/mixed.ts), the reader of
 * archival references (src/cite/terms.ts), the MARC record checks (src/marc/parallel.ts) and the
 * scheme validator's hints share. Keys beginning with `$` (`$comment`) are not letters.
 */
export function lookAlikes(language: LanguageSource): LookAlikes {
  let table = lookAlikeTables.get(language);
  if (table === undefined) {
    const toScript = new Map<string, string>();
    const toLatin = new Map<string, string>();
    for (const [latin, letter] of Object.entries(language.homoglyphs)) {
      if (latin.startsWith('$')) continue;
      toScript.set(latin, letter);
      // The first Latin letter a letter looks like names it, should two of them share it.
      if (!toLatin.has(letter)) toLatin.set(letter, latin);
    }
    lookAlikeTables.set(language, (table = { script: language.script, toScript, toLatin }));
  }
  return table;
}

const scriptRes = new Map<string, RegExp>();

/** Whether `ch` (one character) is of `script`, by Unicode's Script property (marks of it too). */
function ofScript(script: string, ch: string): boolean {
  let re = scriptRes.get(script);
  if (re === undefined) scriptRes.set(script, (re = new RegExp(`\\p{Script=${script}}`, 'u')));
  return re.test(ch);
}

/**
 * A word read in one script through the language's look-alikes: in `Latin`, every character of
 * the language's script replaced by the Latin letter it looks like; in the language's script,
 * every Latin character by its twin there. Characters of neither script stay as they are.
 * `Mоscow` with a Cyrillic о is `Moscow` in Latin; in Cyrillic it has no reading, since `s`,
 * `w` look like no Russian letter. Undefined so: when a character to replace has no twin, or when
 * `script` is neither Latin nor the language's.
 */
export function readInScript(word: string, script: string, language: LanguageSource): string | undefined {
  if (script !== 'Latin' && script !== language.script) return undefined;
  const { toLatin, toScript } = lookAlikes(language);
  const [from, twins] = script === 'Latin' ? [language.script, toLatin] : ['Latin', toScript];
  let out = '';
  for (const ch of word) {
    if (!ofScript(from, ch)) out += ch;
    else {
      const twin = twins.get(ch);
      if (twin === undefined) return undefined;
      out += twin;
    }
  }
  return out;
}

/** How many characters of a word are Latin and how many of the language's script (`own`). */
export function scriptCounts(word: string, language: LanguageSource): { latin: number; own: number } {
  let latin = 0;
  let own = 0;
  for (const ch of word) {
    if (ofScript(language.script, ch)) own++;
    else if (ofScript('Latin', ch)) latin++;
  }
  return { latin, own };
}

/**
 * The script most characters of a word are in, Latin or the language's; undefined when they are
 * as many (a mixed word then has no side to be read on by count alone).
 */
export function majorityScript(word: string, language: LanguageSource): string | undefined {
  const { latin, own } = scriptCounts(word, language);
  return latin === own ? undefined : latin > own ? 'Latin' : language.script;
}

/**
 * The letter `ch` looks like on the other side, by the languages' look-alikes ({@link lookAlikes}):
 * for a Latin `e`, the Cyrillic `е` (`script` names the language's script); for a Cyrillic `е`,
 * the Latin `e` (`script` is `Latin`). The first language that has it answers; undefined when it
 * is no one's look-alike.
 */
export function lookAlikeOf(languages: readonly LanguageSource[], ch: string): { char: string; script: string } | undefined {
  for (const language of languages) {
    const { toScript, toLatin } = lookAlikes(language);
    const letter = toScript.get(ch);
    if (letter !== undefined) return { char: letter, script: language.script };
    const latin = toLatin.get(ch);
    if (latin !== undefined) return { char: latin, script: 'Latin' };
  }
  return undefined;
}

/** A character as messages name it: `"q" (U+0071)`. */
export function describeChar(ch: string): string {
  return `${JSON.stringify(ch)} (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
}
