/**
 * Romanization with its report (docs/languages.md): the text split into the pieces that take
 * different languages (with `lang: 'auto'`, each paragraph in its detected language and, inside
 * it, a word written in another language's letters in that language), and a diagnostic for every
 * letter the scheme has no value for (it is written with the value of the language's fallback
 * scheme, ISO 9, or as it is when that has none either).
 */
import type { detectParagraphs, ParagraphLanguage } from '../detect/index.ts';
import type { CompiledScheme } from './compile.ts';
import type { LineIndex } from '../diagnostics/place.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { LatinitsaError } from '../errors.ts';
import { AUTO_LANGUAGE } from './lang.ts';
import { scriptLetterClass } from './normalize.ts';

/**
 * The language detector that `lang: 'auto'` runs. The engine does not import it: the detector
 * loads the letter statistics of every language, which a process that romanizes in one language
 * should not pay for at start-up (docs/performance.md). `engine/detector.ts` installs it; the
 * package's entry points import that module (package.json lists it under `sideEffects`, so that
 * bundlers keep the import), and the CLI imports it only for `--lang auto`.
 */
let detector: typeof detectParagraphs | undefined;

/** Installs the language detector for `lang: 'auto'` (called by `engine/detector.ts` only). */
export function installDetector(detect: typeof detectParagraphs): void {
  detector = detect;
}

/** One piece of the text and the language it is romanized in. */
export interface Piece {
  start: number;
  end: number;
  /** The language id, or undefined for the caller's own scheme and language. */
  lang: string | undefined;
}

/** The pieces of a text: one when `lang` is not `auto`, else per paragraph and foreign word. */
export function pieces(text: string, lang: unknown): { pieces: Piece[]; languages: ParagraphLanguage[] | undefined } {
  if (lang !== AUTO_LANGUAGE) return { pieces: [{ start: 0, end: text.length, lang: undefined }], languages: undefined };
  if (detector === undefined) {
    throw new LatinitsaError('ERR_INVALID_OPTION', 'lang "auto" needs the language detector, which this entry point did not load; import "latinitsa" or "latinitsa/engine"');
  }
  const languages = detector(text);
  const out: Piece[] = [];
  for (const p of languages) {
    let at = p.start;
    for (const w of p.words) {
      if (w.start > at) out.push({ start: at, end: w.start, lang: p.lang });
      out.push({ start: w.start, end: w.end, lang: w.lang });
      at = w.end;
    }
    if (p.end > at) out.push({ start: at, end: p.end, lang: p.lang });
  }
  return { pieces: out, languages };
}

const reportableCache = new WeakMap<CompiledScheme, RegExp>();

/**
 * The letters the compiled scheme reports, as a regular expression: the letters of the language's
 * script (Cyrillic), either case, less those with a value of the scheme's own (or a modernisation).
 */
export function reportableLetters(compiled: CompiledScheme): RegExp {
  let re = reportableCache.get(compiled);
  if (re === undefined) {
    const own = new Set<string>();
    for (const letter of [...compiled.letters.keys(), ...compiled.substitute.keys()]) {
      if (compiled.fallback.has(letter)) continue;
      own.add(letter);
      own.add(letter.toUpperCase());
    }
    const escaped = [...own].filter((l) => [...l].length === 1).map((l) => `\\u{${l.codePointAt(0)!.toString(16)}}`).join('');
    re = new RegExp(`[${scriptLetterClass(compiled.language.script)}--[${escaped}]]`, 'gv');
    reportableCache.set(compiled, re);
  }
  return re;
}

/**
 * The text with its letters composed: a reportable letter written decomposed (а + U+0306 for ӑ)
 * is the letter the engine reads after NFC, so it is looked for in the composed text.
 */
const composed = (text: string): string => (/\p{M}/u.test(text) ? text.normalize('NFC') : text);

/** Whether a piece of text may hold a letter the compiled scheme reports. */
export function mayNeedReport(text: string, compiled: CompiledScheme): boolean {
  const re = reportableLetters(compiled);
  re.lastIndex = 0;
  return re.test(composed(text));
}

/** How many of each reportable letter a text holds (the CLI's one-line warning). */
export function countReportable(text: string, compiled: CompiledScheme, counts: Map<string, number>): void {
  const re = reportableLetters(compiled);
  // matchAll starts where the shared pattern's last `test` left it.
  re.lastIndex = 0;
  for (const m of composed(text).matchAll(re)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
}

/**
 * The diagnostic for one letter the scheme has no value for. `lines` is the text's line index,
 * built once by the caller for all its diagnostics (one per letter made many letters quadratic).
 */
export function unmappedLetter(text: string, start: number, end: number, letter: string, output: string, compiled: CompiledScheme, lines: LineIndex): Diagnostic {
  const fallback = compiled.fallback.get(letter);
  const scheme = compiled.scheme.id;
  const reason =
    fallback === undefined
      ? `"${text.slice(start, end)}" has no value in ${scheme} nor in ${compiled.language.fallbackScheme ?? 'a fallback scheme'}; it is kept as written.`
      : `"${text.slice(start, end)}" has no value in ${scheme}; it is written "${output}", its ${compiled.language.fallbackScheme} value.`;
  return {
    ruleId: 'romanize/unmapped-letter',
    source: 'latinitsa',
    severity: 'warning',
    reason,
    place: lines.placeOf(start, end),
    actual: text.slice(start, end),
    ...(fallback === undefined ? {} : { expected: [output] }),
    url: 'docs/languages.md',
    data: { scheme, lang: compiled.language.id, letter, ...(fallback === undefined ? {} : { fallbackScheme: compiled.language.fallbackScheme }) },
  };
}
