import { assertOptions, LatinitsaError } from '../errors.ts';
import { explainGiven, romanize, romanizeDetailed, type Segment } from '../engine/romanize.ts';
import { mayNeedReport } from '../engine/auto.ts';
import { lineIndex } from '../diagnostics/place.ts';
import { resolveScheme } from '../engine/resolve.ts';
import { getScheme, schemeForLanguage, type Scheme } from '../schemes/registry.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { deromanizeDetailed, type Candidate, type DeromanizeOptions } from './deromanize.ts';

/** Options of {@link convert}. */
export interface ConvertOptions {
  /** Scheme of the input text. */
  from: string | Scheme;
  /** Scheme to write. */
  to: string | Scheme;
  /** Options of the input scheme (e.g. `{ signs: 'ascii' }`). */
  fromOptions?: Readonly<Record<string, unknown>>;
  /** Options of the output scheme (e.g. `{ signBeforeE: 'omit' }`). */
  toOptions?: Readonly<Record<string, unknown>>;
  /** Ranks the readings (see `loadLexicon`). */
  lexicon?: DeromanizeOptions['lexicon'];
  /** Convert every word the input scheme can produce (see `deromanize`). */
  all?: boolean;
}

/** One converted (or kept) word. */
export interface ConvertedWord {
  /** Offsets [start, end) in the input. */
  input: [number, number];
  source: string;
  /** The Cyrillic reading used (undefined when the word was kept). */
  cyrillic: string | undefined;
  output: string;
  converted: boolean;
  /** False when another reading was possible and would be written differently in the target scheme. */
  certain: boolean;
  /** Alternatives in the target scheme (each romanized on its own), with the Cyrillic reading and its score. */
  alternatives: { output: string; cyrillic: string; score: number; attested: string[] }[];
}

/** The result of {@link convertDetailed}. */
export interface ConvertResult {
  text: string;
  words: ConvertedWord[];
  /**
   * Findings: the reading's (`reverse/unchecked-reading`, see `deromanizeDetailed`), and romanize's
   * `romanize/unmapped-letter` for each letter of a reading the target scheme has no value for
   * (docs/languages.md, "Unmapped letters"), placed on the input word it is in; its `actual` is
   * the Cyrillic letter, `data.word` the word.
   */
  diagnostics: Diagnostic[];
}

function target(c: Candidate, source: string, options: ConvertOptions, to: Scheme): string {
  // A word written in capitals stays in capitals (TSK ← TsK is the acronym form; SHCH ← SHCH).
  const letters = [...source].filter((ch) => ch.toLowerCase() !== ch.toUpperCase());
  const allCaps = letters.length >= 2 && letters.every((ch) => ch !== ch.toLowerCase()) ? 'upper' : 'acronym';
  return romanize(c.text, { ...options.toOptions, scheme: to, allCaps });
}

/** The reading of the whole text: the Cyrillic text where words were read (see {@link readAll}). */
interface Reading {
  to: Scheme;
  read: ReturnType<typeof deromanizeDetailed>;
  /** The text in Cyrillic where words were read, the rest as written. */
  cyrillic: string;
  /** Where each read word is in `cyrillic`. */
  ranges: [number, number][];
  options: ConvertOptions;
  /** The language of the source scheme, which the words were read in. */
  lang: string;
}

/**
 * Reads the text's words into Cyrillic. The whole text in Cyrillic is then romanized in the
 * target scheme at once, so that its own case rules (acronyms in prose, all-caps lines) apply as
 * to any text.
 */
/** The names of {@link ConvertOptions}, checked at the functions that take them. */
const CONVERT_OPTIONS: readonly (keyof ConvertOptions)[] = ['from', 'to', 'fromOptions', 'toOptions', 'lexicon', 'all'];

function readAll(text: string, options: ConvertOptions): Reading {
  if (options === undefined || options.from === undefined || options.to === undefined) {
    throw new LatinitsaError('ERR_INVALID_OPTION', 'convert needs both "from" and "to" schemes');
  }
  // The text is in the source scheme's language: the target is written in it too, as romanize
  // writes with `lang` (docs/languages.md): a family named for the target is the family's scheme
  // for that language (sr-gaj → ala-lc is ala-lc-sr), and a scheme serving several languages
  // (ISO 9) reads the language's letters. A target whose family has no scheme for the language
  // (uk-national from Russian) is written as named, its letters without a value reported.
  const lang = resolveScheme({ ...options.fromOptions, scheme: options.from }).language.id;
  const named = options.toOptions?.['lang'] === undefined && schemeForLanguage(typeof options.to === 'string' ? getScheme(options.to) : options.to, lang) !== undefined;
  if (named) options = { ...options, toOptions: { ...options.toOptions, lang } };
  // The target scheme and its options are checked before any work, and looked up once.
  const to = resolveScheme({ ...options.toOptions, scheme: options.to }).scheme;
  const read = deromanizeDetailed(text, {
    scheme: options.from,
    ...(options.fromOptions === undefined ? {} : { schemeOptions: options.fromOptions }),
    ...(options.lexicon === undefined ? {} : { lexicon: options.lexicon }),
    ...(options.all === undefined ? {} : { all: options.all }),
  });
  // Words' ranges are in the text as given (deromanizeDetailed maps them back from NFC).
  let cyrillic = '';
  let pos = 0;
  const ranges: [number, number][] = [];
  for (const w of read.words) {
    cyrillic += text.slice(pos, w.input[0]);
    const start = cyrillic.length;
    cyrillic += w.output;
    ranges.push([start, cyrillic.length]);
    pos = w.input[1];
  }
  cyrillic += text.slice(pos);
  return { to, read, cyrillic, ranges, options, lang };
}

/** A word of letters (and their marks) with a Cyrillic letter and no Latin one. */
const CYRILLIC_WORD = /(?<![\p{L}\p{M}])(?=[\p{L}\p{M}]*\p{Script=Cyrillic})(?![\p{L}\p{M}]*\p{Script=Latin})[\p{L}\p{M}]+/gu;

/**
 * The reading written in the target scheme. Cyrillic words the input had itself (a quotation, a
 * title in the original) are not romanized Russian of the source scheme: they stay as written,
 * like every other word that is not (docs/reverse.md, What is left alone). The text is still
 * romanized at once, so that the case rules see whole lines; the pieces inside those words are
 * then put back as written. A Cyrillic letter inside a Latin word (a look-alike slip) is not such
 * a word and is romanized as before.
 *
 * @param reading The reading of the text.
 * @param segments `explainGiven` of its Cyrillic text, when the caller has them.
 */
function writeReading(reading: Reading, segments?: readonly Segment[]): string {
  const { cyrillic, ranges, read, to } = reading;
  const toOptions = { ...reading.options.toOptions, scheme: to };
  const converted = ranges.filter((_, k) => read.words[k]!.converted);
  const own: [number, number][] = [];
  let r = 0;
  for (const m of cyrillic.matchAll(CYRILLIC_WORD)) {
    const [start, end] = [m.index, m.index + m[0].length];
    while (r < converted.length && converted[r]![1] <= start) r++;
    if (r === converted.length || converted[r]![0] >= end) own.push([start, end]);
  }
  if (own.length === 0) return romanize(cyrillic, toOptions);
  let out = '';
  let pos = 0;
  let k = 0;
  for (const { input: [start, end], output } of segments ?? explainGiven(cyrillic, toOptions)) {
    while (k < own.length && own[k]![1] <= start) k++;
    if (start > pos) out += cyrillic.slice(pos, start);
    if (!(k < own.length && own[k]![0] <= start && end <= own[k]![1])) out += output;
    // A letter written as several pieces repeats its range: its text is put back once.
    else if (end > pos) out += cyrillic.slice(Math.max(pos, start), end);
    pos = Math.max(pos, end);
  }
  out += cyrillic.slice(pos);
  return /\p{M}/u.test(out) ? out.normalize('NFC') : out;
}

/**
 * Romanize's own `romanize/unmapped-letter` diagnostics of the words read (docs/languages.md,
 * "Unmapped letters": a letter is never written in ISO 9 silently), placed on the word of `text`
 * whose reading has the letter. Cyrillic words the input had itself are written as they are
 * (writeReading): nothing of theirs is reported.
 */
function unmappedIn(text: string, reading: Reading): Diagnostic[] {
  const { cyrillic, ranges, read, to } = reading;
  const toOptions = { ...reading.options.toOptions, scheme: to };
  if (!mayNeedReport(cyrillic, resolveScheme(toOptions))) return [];
  const found = romanizeDetailed(cyrillic, toOptions).diagnostics;
  // A target written as named (no `lang`: its family has no scheme for the language, readAll)
  // reads the letters with its own table, but they are the source language's letters: the
  // finding names that language, the one the text is in (docs/languages.md, "Unmapped letters").
  const language = reading.options.toOptions?.['lang'] === undefined ? { lang: reading.lang } : {};
  const lines = lineIndex(text);
  const out: Diagnostic[] = [];
  let k = 0;
  for (const d of found) {
    const at = d.place!.start.offset;
    while (k < ranges.length && ranges[k]![1] <= at) k++;
    const w = read.words[k];
    if (w === undefined || ranges[k]![0] > at || !w.converted) continue;
    out.push({ ...d, place: lines.placeOf(w.input[0], w.input[1]), data: { ...d.data, ...language, word: w.source } });
  }
  return out;
}

/**
 * Converts romanized Russian from one scheme to another through the Cyrillic readings, and says
 * per word whether the result is certain. Words that are not romanized Russian stay as they are.
 *
 * @example
 * import { convertDetailed, DEFAULT_SCHEME } from 'latinitsa';
 * const r = convertDetailed('Yuriy Gagarin', { from: 'bgn-pcgn', to: DEFAULT_SCHEME });
 * [r.text, r.words.map((w) => w.certain)];
 * //=> ['Yury Gagarin', [false, true]]
 */
export function convertDetailed(text: string, options: ConvertOptions): ConvertResult {
  assertOptions(options, CONVERT_OPTIONS, 'convertDetailed');
  const reading = readAll(text, options);
  const { to, read, cyrillic, ranges } = reading;
  // The options as read: the target's `lang` is the source's (readAll).
  options = reading.options;
  const toOptions = { ...options.toOptions, scheme: to };
  // Offsets in `cyrillic` as it is, which is where the words' ranges are.
  const segments = explainGiven(cyrillic, toOptions);
  const out = writeReading(reading, segments);
  // The segments of each word, found by one pointer moving forward over both (words and
  // segments are in text order): linear in the text, where a search per word was quadratic.
  let next = 0;
  const words: ConvertedWord[] = read.words.map((w, k) => {
    const [start, end] = ranges[k]!;
    while (next < segments.length && segments[next]!.input[0] < start) next++;
    let output = '';
    for (; next < segments.length && segments[next]!.input[0] < end; next++) {
      if (segments[next]!.input[1] <= end) output += segments[next]!.output;
    }
    if (!w.converted) output = w.output;
    const alternatives = w.candidates.map((c) => ({ output: target(c, w.source, options, to), cyrillic: c.text, score: c.score, attested: c.attested }));
    // Certain when the reading is, or when every reading is written alike in the target scheme.
    const certain = w.converted && (w.certain || alternatives.every((a) => a.output.toLowerCase() === alternatives[0]!.output.toLowerCase()));
    return { input: w.input, source: w.source, cyrillic: w.converted ? w.output : undefined, output, converted: w.converted, certain, alternatives };
  });
  return { text: out, words, diagnostics: [...read.diagnostics, ...unmappedIn(text, reading)] };
}

/**
 * Converts romanized Russian from one scheme to another (see {@link convertDetailed}).
 *
 * @example
 * import { convert, DEFAULT_SCHEME } from 'latinitsa';
 * convert('Zinov’ev, Hello, iPhone; Moscow is big', { from: 'ala-lc-simplified', to: DEFAULT_SCHEME });
 * //=> 'Zinoviev, Hello, iPhone; Moscow is big'
 */
export function convert(text: string, options: ConvertOptions): string {
  assertOptions(options, CONVERT_OPTIONS, 'convert');
  return convertCounting(text, options).text;
}

/**
 * {@link convert}, and how many of each letter the target scheme has no value for its readings
 * wrote (romanize's `romanize/unmapped-letter`, counted as the CLI's one-line warning counts them),
 * with the id of the scheme written.
 */
export function convertCounting(text: string, options: ConvertOptions): { text: string; scheme: string; unmapped: Map<string, number> } {
  const unmapped = new Map<string, number>();
  let scheme = '';
  // Every decision of reading and of romanizing is local to a line, so the text is converted in
  // blocks of whole lines: the per-word records of one block at a time, not of the whole text.
  // Only the text is built: not the per-letter records and alternatives of convertDetailed.
  const block = (part: string): string => {
    const reading = readAll(part, options);
    scheme = reading.to.id;
    for (const d of unmappedIn(part, reading)) {
      const letter = d.actual!.normalize('NFC');
      unmapped.set(letter, (unmapped.get(letter) ?? 0) + 1);
    }
    return writeReading(reading);
  };
  if (text.length === 0) return { text: block(text), scheme, unmapped };
  let out = '';
  for (let start = 0; start < text.length; ) {
    const cut = text.indexOf('\n', start + CONVERT_BLOCK);
    const end = cut === -1 ? text.length : cut + 1;
    out += block(text.slice(start, end));
    start = end;
  }
  return { text: out, scheme, unmapped };
}

/** The least size of a block of lines that {@link convert} converts at once (UTF-16 units). */
const CONVERT_BLOCK = 64 * 1024;
