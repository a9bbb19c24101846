import { scriptLetters } from '../schemes/builtin.ts';
import { APOSTROPHE_LETTER, scriptPropertyClass } from '../schemes/script.ts';
import type { LanguageSource } from '../schemes/types.ts';

/** Regular expressions for one language's script, built once. */
export interface ScriptPatterns {
  /** One word: a letter of the script, then letters and combining marks (docs/rules/words.md). */
  readonly word: RegExp;
  /** A letter of the script with the combining marks after it. */
  readonly letterWithMarks: RegExp;
  /** Any letter of the script. */
  readonly anyLetter: RegExp;
  /** Invisible characters between two letters of the script (docs/rules/normalization.md). */
  readonly invisible: RegExp;
  /** A run of letters of any script (for look-alike repair). */
  readonly mixedToken: RegExp;
  /** An apostrophe of the language between two letters (undefined when it has none). */
  readonly apostrophe: RegExp | undefined;
}

const cache = new Map<string, ScriptPatterns>();

// The constant lives with the language data (src/schemes/script.ts), which the scheme validator reads too.
export { APOSTROPHE_LETTER };

const escapeClass = (chars: string): string => [...chars].map((ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`).join('');

/**
 * A character class of the letters of a script (`[\p{Script=…}&&\p{L}]`), for patterns with the
 * `v` flag: the ranges that scripts/generate-schemes.ts wrote for the scripts of the language files,
 * which V8 compiles at almost no cost, where the property names cost it about 1 ms of ICU lookups.
 */
export function scriptLetterClass(script: string): string {
  const ranges = scriptLetters[script];
  return ranges === undefined ? scriptPropertyClass(script) : `[${ranges}]`;
}

/**
 * The script's patterns for a language (cached per script and apostrophes). Each is compiled when
 * first read: most texts need only the word pattern (the others serve stress marks, invisible
 * characters, apostrophes and look-alike repair), and each costs V8 a compilation.
 */
export function scriptPatterns(language: LanguageSource): ScriptPatterns {
  const apostrophes = language.apostrophes ?? '';
  const key = `${language.script} ${apostrophes}`;
  let patterns = cache.get(key);
  if (patterns === undefined) {
    const letter = scriptLetterClass(language.script);
    // A word: letters and marks; with the language's apostrophes, also an apostrophe between two
    // letters (docs/languages.md).
    const inWord = apostrophes === '' ? '' : `(?:[${escapeClass(apostrophes + APOSTROPHE_LETTER)}]${letter}[\\p{M}${letter}]*)*`;
    patterns = lazyPatterns({
      word: () => new RegExp(`${letter}[\\p{M}${letter}]*${inWord}`, 'gv'),
      letterWithMarks: () => new RegExp(`${letter}\\p{M}+`, 'gv'),
      anyLetter: () => new RegExp(letter, 'v'),
      invisible: () => new RegExp(`(?<=${letter}\\p{M}*)[\\u00AD\\u200B\\u200C\\u200D]+(?=${letter})`, 'gv'),
      mixedToken: () => /\p{L}[\p{L}\p{M}]*/gu,
      apostrophe: () => (apostrophes === '' ? undefined : new RegExp(`(?<=${letter}\\p{M}*)[${escapeClass(apostrophes)}](?=${letter})`, 'gv')),
    });
    cache.set(key, patterns);
  }
  return patterns;
}

/** An object whose properties are made by `make` on first read, then kept. */
function lazyPatterns(make: { readonly [K in keyof ScriptPatterns]: () => ScriptPatterns[K] }): ScriptPatterns {
  const patterns = {} as ScriptPatterns;
  for (const name of Object.keys(make) as (keyof ScriptPatterns)[]) {
    Object.defineProperty(patterns, name, {
      enumerable: true,
      configurable: true,
      get: () => {
        const value = make[name]();
        Object.defineProperty(patterns, name, { value, enumerable: true, writable: false, configurable: false });
        return value;
      },
    });
  }
  return patterns;
}

/** Options of {@link normalizeInput}. */
export interface NormalizeOptions {
  language: LanguageSource;
  repairHomoglyphs?: boolean;
}

const STRESS = /[\u0300\u0301]/g;

/**
 * Input normalisation (docs/rules/normalization.md): NFC; stress marks (U+0301, U+0300) after a
 * letter of the script deleted, then NFC again (so that е + acute + diaeresis becomes ё), and ѐ ѝ
 * read as е и; soft hyphen and zero-width characters between two letters deleted; optionally
 * Latin look-alikes inside words of the script replaced by their twins; an apostrophe of the
 * language (Ukrainian, Belarusian) between two letters read as the letter ʼ (U+02BC). A letter
 * whose NFC form has an acute of its own (ѓ, ќ) keeps it: only the marks that follow it are stress
 * marks. Every step looks at one letter and its marks, so normalising line by line gives the same text.
 *
 * @example
 * import { normalizeInput } from 'latinitsa/engine';
 * import { getLanguage } from 'latinitsa/schemes';
 * normalizeInput('Гео\u0301ргий', { language: getLanguage('ru') });
 * //=> 'Георгий'
 * normalizeInput('ѓ\u0301 ѐ', { language: getLanguage('ru') });
 * //=> 'ѓ е'
 */
export function normalizeInput(text: string, options: NormalizeOptions): string {
  const patterns = scriptPatterns(options.language);
  let s = text.normalize('NFC');
  if (/[\u0300\u0301\u0400\u0450\u040D\u045D]/u.test(s)) {
    // ѐ ѝ are е и with a stress mark: written out, so that the next step drops the mark.
    s = s.replace(/[\u0400\u0450\u040D\u045D]/gu, (m) => m.normalize('NFD'));
    // The marks that follow a letter in NFC, without the stress marks; then NFC again.
    s = s.replace(patterns.letterWithMarks, (m) => {
      const letter = String.fromCodePoint(m.codePointAt(0)!);
      return (letter + m.slice(letter.length).replace(STRESS, '')).normalize('NFC');
    });
  }
  if (/[\u00AD\u200B\u200C\u200D]/u.test(s)) s = s.replace(patterns.invisible, '');
  // The language's apostrophes between two letters are one letter, ʼ (same length: offsets keep).
  // (The pattern is compiled only for a text that has one of them.)
  const apostrophes = options.language.apostrophes ?? '';
  for (const a of apostrophes) {
    if (s.includes(a)) {
      s = s.replace(patterns.apostrophe!, APOSTROPHE_LETTER);
      break;
    }
  }
  if (options.repairHomoglyphs) s = repairHomoglyphs(s, options.language, patterns);
  return s;
}

/** Offsets in a text for offsets in its normalised form (see {@link sourceOffsets}). */
export interface SourceOffsets {
  /** Where the character at normalised offset `k` starts in the text (`text.length` at the end). */
  start(k: number): number;
  /** Where the character before normalised offset `k` ends in the text (0 at the start). */
  end(k: number): number;
}

const CLUSTER = /\P{M}\p{M}*|\p{M}+/uy;
const INVISIBLE = /^[\u00AD\u200B\u200C\u200D]$/u;

/**
 * Maps offsets in `normalized` (what {@link normalizeInput} made of `text`) back to `text`, so
 * that a finding about a letter points at the letter the user wrote even when the text was not
 * NFC, carried stress marks or had invisible characters inside words. Normalisation rewrites one
 * letter with its marks at a time and deletes invisible characters, so the two texts are walked
 * together a cluster (a character and the marks after it) at a time: a cluster becomes its NFC
 * form, that form without stress marks, or nothing (a deleted invisible character); a look-alike
 * or an apostrophe read as a letter keeps its length.
 *
 * @example
 * import { normalizeInput, sourceOffsets } from 'latinitsa/engine';
 * import { getLanguage } from 'latinitsa/schemes';
 * const text = 'и\u0306 Ӂ';
 * const normalized = normalizeInput(text, { language: getLanguage('ru') });
 * const at = sourceOffsets(text, normalized);
 * [normalized.indexOf('Ӂ'), at.start(2), at.end(3)];
 * //=> [2, 3, 4]
 */
export function sourceOffsets(text: string, normalized: string): SourceOffsets {
  const starts = new Uint32Array(normalized.length);
  const ends = new Uint32Array(normalized.length);
  let i = 0;
  let j = 0;
  while (i < text.length && j < normalized.length) {
    CLUSTER.lastIndex = i;
    const cluster = CLUSTER.exec(text)![0];
    const nfc = cluster.normalize('NFC');
    const letter = String.fromCodePoint(nfc.codePointAt(0)!);
    const unstressed = (letter + nfc.slice(letter.length).replace(STRESS, '')).normalize('NFC');
    // ѐ ѝ: the letter itself carries the stress mark.
    const plain = nfc.normalize('NFD').replace(STRESS, '').normalize('NFC');
    const form = [nfc, unstressed, plain].find((f) => f !== '' && normalized.startsWith(f, j));
    const length = form?.length ?? (INVISIBLE.test(cluster) ? 0 : Math.min(unstressed.length, normalized.length - j));
    for (let k = j; k < j + length; k++) {
      starts[k] = i;
      ends[k] = i + cluster.length;
    }
    j += length;
    i += cluster.length;
  }
  // What is left (normalisation that this walk does not know) points at the end of the text.
  starts.fill(text.length, j);
  ends.fill(text.length, j);
  return {
    start: (k) => (k < normalized.length ? starts[k]! : text.length),
    end: (k) => (k === 0 ? 0 : ends[k - 1]!),
  };
}

/**
 * Replaces Latin look-alike letters in a run of letters that mixes them with letters of the
 * language's script (`Aнaпa` → `Анапа`), when every Latin letter of the run has a twin. A run
 * with any other Latin letter (`iPhone`, `Kirov`) is left alone.
 */
function repairHomoglyphs(text: string, language: LanguageSource, patterns: ScriptPatterns): string {
  return text.replace(patterns.mixedToken, (token) => {
    if (!patterns.anyLetter.test(token)) return token;
    let changed = '';
    for (const ch of token) {
      if (/\p{Script=Latin}/u.test(ch)) {
        const twin = language.homoglyphs[ch];
        if (twin === undefined) return token;
        changed += twin;
      } else {
        changed += ch;
      }
    }
    return changed;
  });
}
