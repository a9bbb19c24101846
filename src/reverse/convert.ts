import { LatinitsaError } from '../errors.ts';
import { explainGiven, romanize } from '../engine/romanize.ts';
import { resolveScheme } from '../engine/resolve.ts';
import type { Scheme } from '../schemes/registry.ts';
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
}

/**
 * Reads the text's words into Cyrillic. The whole text in Cyrillic is then romanized in the
 * target scheme at once, so that its own case rules (acronyms in prose, all-caps lines) apply as
 * to any text.
 */
function readAll(text: string, options: ConvertOptions): Reading {
  if (options === undefined || options.from === undefined || options.to === undefined) {
    throw new LatinitsaError('ERR_INVALID_OPTION', 'convert needs both "from" and "to" schemes');
  }
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
  return { to, read, cyrillic, ranges };
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
  const { to, read, cyrillic, ranges } = readAll(text, options);
  const toOptions = { ...options.toOptions, scheme: to };
  // Offsets in `cyrillic` as it is, which is where the words' ranges are.
  const segments = explainGiven(cyrillic, toOptions);
  const out = romanize(cyrillic, toOptions);
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
  return { text: out, words };
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
  // Every decision of reading and of romanizing is local to a line, so the text is converted in
  // blocks of whole lines: the per-word records of one block at a time, not of the whole text.
  // Only the text is built: not the per-letter records and alternatives of convertDetailed.
  const block = (part: string): string => {
    const { to, cyrillic } = readAll(part, options);
    return romanize(cyrillic, { ...options.toOptions, scheme: to });
  };
  if (text.length === 0) return block(text);
  let out = '';
  for (let start = 0; start < text.length; ) {
    const cut = text.indexOf('\n', start + CONVERT_BLOCK);
    const end = cut === -1 ? text.length : cut + 1;
    out += block(text.slice(start, end));
    start = end;
  }
  return out;
}

/** The least size of a block of lines that {@link convert} converts at once (UTF-16 units). */
const CONVERT_BLOCK = 64 * 1024;
