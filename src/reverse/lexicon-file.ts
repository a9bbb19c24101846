/**
 * The lexicon file format, `latinitsa-lexicon` version 1 (docs/reverse.md, "The lexicon file"):
 * browser-safe encoding and decoding. The shipped file (data/lexicon/lexicon-ru.bin) is this
 * payload compressed with gzip, which both Node (zlib) and browsers (DecompressionStream) read.
 *
 * Payload: one line of UTF-8 JSON (the {@link LexiconHeader}), a line feed, then `count` records
 * in sorted order. A record is the length of the prefix shared with the previous word (one byte,
 * at most 255), the rest of the word as one byte per letter (its index in `alphabet` plus one,
 * at most 127), and a closing byte `0x80 | flags`. Every `block`-th record shares nothing, so a
 * search jumps between block heads and then reads at most one block: 1.7 million Russian word
 * forms take about 6.8 MB this way (1.5 MB gzipped), and are searched where they lie.
 */
import { LatinitsaError } from '../errors.ts';
import type { Lexicon } from './lexicon.ts';

/** The `format` of every lexicon file; `version` says which layout of it. */
const FORMAT = 'latinitsa-lexicon';
const VERSION = 1;
/** Records per block: the search reads at most this many records after a binary search. */
const BLOCK = 32;
const END = 0x80;
/** The longest word a lexicon holds. */
const MAX_LETTERS = 255;

/** The first line of a lexicon file. */
export interface LexiconHeader {
  format: typeof FORMAT;
  version: typeof VERSION;
  /** Language of the words (`ru`). */
  language: string;
  /** The letters of the words, in sort order; a letter's code is its index plus one. */
  alphabet: string;
  /** Number of records. */
  count: number;
  /** Records per block. */
  block: number;
  /** The common English words, lower case, separated by spaces. */
  english: string;
  /** What the file was built from (package versions, file digests), for the check that it is current. */
  inputs: Record<string, string>;
}

/** Options of {@link encodeLexicon}. */
export interface EncodeLexiconOptions {
  /** Language of the words. */
  language: string;
  /** Lower-case words and their flags ({@link LexiconFlag}, below 128); a repeated word's flags are merged. */
  words: Iterable<readonly [string, number]>;
  /** Lower-case common English words. */
  english?: Iterable<string>;
  /** What the words were built from, recorded in the header. */
  inputs?: Record<string, string>;
}

const badFile = (message: string): LatinitsaError => new LatinitsaError('ERR_UNSUPPORTED_FORMAT', `not a latinitsa lexicon file: ${message}`);

/**
 * The payload of a lexicon file (uncompressed) for these words.
 *
 * @example
 * import { decodeLexicon, encodeLexicon } from 'latinitsa/reverse';
 * const bytes = encodeLexicon({ language: 'ru', words: [['зиновьев', 4], ['зима', 1]], english: ['is'] });
 * const lexicon = decodeLexicon(bytes);
 * [lexicon.lookup('зиновьев'), lexicon.lookup('зин'), lexicon.hasPrefix('зин'), lexicon.isEnglish('is')];
 * //=> [4, 0, true, true]
 */
export function encodeLexicon(options: EncodeLexiconOptions): Uint8Array {
  const flags = new Map<string, number>();
  for (const [word, flag] of options.words) {
    if (word === '' || [...word].length > MAX_LETTERS) throw new LatinitsaError('ERR_INVALID_INPUT', `lexicon entry ${JSON.stringify(word.slice(0, 40))}: a word has 1 to ${MAX_LETTERS} letters`);
    if (!Number.isInteger(flag) || flag < 1 || flag >= END) throw new LatinitsaError('ERR_INVALID_INPUT', `lexicon entry ${JSON.stringify(word)}: flags must be an integer from 1 to ${END - 1}`);
    flags.set(word, (flags.get(word) ?? 0) | flag);
  }
  const sorted = [...flags.keys()].sort();
  const letters = [...new Set(sorted.join(''))].sort();
  if (letters.length >= END) throw new LatinitsaError('ERR_INVALID_INPUT', `a lexicon holds at most ${END - 1} distinct letters, not ${letters.length}`);
  const code = new Map(letters.map((ch, i) => [ch, i + 1]));
  const english = [...new Set(options.english ?? [])];
  if (english.some((w) => w === '' || /\s/u.test(w))) throw new LatinitsaError('ERR_INVALID_INPUT', 'an English word must be non-empty and without white space');
  const header: LexiconHeader = { format: FORMAT, version: VERSION, language: options.language, alphabet: letters.join(''), count: sorted.length, block: BLOCK, english: english.join(' '), inputs: options.inputs ?? {} };
  const head = new TextEncoder().encode(`${JSON.stringify(header)}\n`);
  let size = head.length;
  for (const word of sorted) size += word.length + 2;
  const out = new Uint8Array(size);
  out.set(head);
  let at = head.length;
  let previous: string[] = [];
  sorted.forEach((word, i) => {
    const chars = [...word];
    let shared = 0;
    if (i % BLOCK !== 0) while (shared < previous.length && shared < chars.length && previous[shared] === chars[shared]) shared++;
    out[at++] = shared;
    for (let k = shared; k < chars.length; k++) out[at++] = code.get(chars[k]!)!;
    out[at++] = END | flags.get(word)!;
    previous = chars;
  });
  return out.subarray(0, at);
}

/** The header of a lexicon payload (uncompressed), and where its records start. */
export function readLexiconHeader(bytes: Uint8Array): { header: LexiconHeader; body: number } {
  const nl = bytes.indexOf(10);
  if (nl === -1) throw badFile('no header line');
  let header: LexiconHeader;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, nl))) as LexiconHeader;
  } catch {
    throw badFile('the header is not JSON');
  }
  if (header === null || typeof header !== 'object' || header.format !== FORMAT) throw badFile('wrong format name');
  if (header.version !== VERSION) throw new LatinitsaError('ERR_UNSUPPORTED_FORMAT', `lexicon file version ${String(header.version)} is not supported (this latinitsa reads version ${VERSION})`);
  const ok = typeof header.alphabet === 'string' && Number.isInteger(header.count) && header.count >= 0 && Number.isInteger(header.block) && header.block >= 1 && typeof header.english === 'string';
  if (!ok) throw badFile('a header field is missing');
  return { header, body: nl + 1 };
}

/**
 * A {@link Lexicon} over the payload of a lexicon file (uncompressed, as {@link encodeLexicon}
 * writes it), searched in place; throws `ERR_UNSUPPORTED_FORMAT` for anything else. For the
 * gzipped file as shipped, use {@link lexiconFromBytes}.
 */
export function decodeLexicon(bytes: Uint8Array): Lexicon {
  const { header, body } = readLexiconHeader(bytes);
  const data = bytes.subarray(body);
  const alphabet = [...header.alphabet];
  const code = new Map(alphabet.map((ch, i) => [ch, i + 1]));
  // The codes of the letters of one UTF-16 unit (all of them in practice) by that unit, 0 for none:
  // a search encodes every prefix it asks, and a table is much cheaper than a Map of strings.
  const byUnit = new Uint16Array(Math.max(0, ...alphabet.map((ch) => (ch.length === 1 ? ch.charCodeAt(0) + 1 : 0))));
  alphabet.forEach((ch, i) => {
    if (ch.length === 1) byUnit[ch.charCodeAt(0)] = i + 1;
  });
  // Where each block starts; the scan also checks that the records are well formed.
  const blocks = new Uint32Array(Math.ceil(header.count / header.block));
  let at = 0;
  let previous = 0;
  for (let i = 0; i < header.count; i++) {
    if (at >= data.length) throw badFile(`${header.count} records announced, ${i} found`);
    if (i % header.block === 0) {
      if (data[at] !== 0) throw badFile(`block ${i / header.block} does not start a word afresh`);
      blocks[i / header.block] = at;
    }
    let letters = data[at]!;
    if (letters > previous) throw badFile(`record ${i} shares more letters than the word before it has`);
    at++;
    while (at < data.length && data[at]! < END) {
      if (data[at] === 0 || data[at]! > alphabet.length) throw badFile(`a letter code out of range at byte ${body + at}`);
      letters++;
      at++;
    }
    if (at >= data.length || letters === 0 || letters > MAX_LETTERS) throw badFile(`record ${i} is damaged`);
    previous = letters;
    at++;
  }
  if (at !== data.length) throw badFile('bytes after the last record');
  const english = new Set(header.english === '' ? [] : header.english.split(' '));

  const word = new Uint8Array(MAX_LETTERS);
  let length = 0;
  // The letters searched for, in one array that every search reuses: the reading search asks
  // hundreds of thousands of prefixes, and a new array for each cost more than reading the records.
  const key = new Uint8Array(MAX_LETTERS);
  let keyLength = 0;
  /** How many letters `word` shares with `key` from the start, as {@link seek} leaves them. */
  let common = 0;
  /** Whether the block head at `from` sorts after `key`, compared where it lies. */
  const headAfterKey = (from: number): boolean => {
    for (let i = from + 1, k = 0; ; i++, k++) {
      const c = data[i]!;
      if (c >= END) return false;
      if (k === keyLength) return true;
      if (c !== key[k]) return c > key[k]!;
    }
  };
  /**
   * Leaves the first word not sorting before `key` in `word` (and what it shares with the key in
   * `common`) and returns its flags, or -1 when every word sorts before it.
   */
  const seek = (): number => {
    // The last block whose head does not sort after the key.
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (headAfterKey(blocks[mid]!)) hi = mid - 1;
      else lo = mid;
    }
    // Within the block, a record that keeps more letters of a word sorting before the key than
    // that word shares with the key sorts before it too: only the others are compared.
    let from = blocks[lo] ?? 0;
    common = 0;
    for (let i = lo * header.block; i < header.count; i++) {
      const shared = data[from]!;
      let at = from + 1;
      length = shared;
      while (data[at]! < END) word[length++] = data[at++]!;
      const flags = data[at]! & ~END;
      from = at + 1;
      if (shared > common) continue;
      common = shared;
      while (common < length && common < keyLength && word[common] === key[common]) common++;
      if (common === keyLength || (common < length && word[common]! > key[common]!)) return flags;
    }
    return -1;
  };
  /**
   * Writes the letters of a text into `key`; false when one is not in the alphabet or there are
   * more than any word has (such a text is no word and the prefix of none).
   */
  const encode = (text: string): boolean => {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      let c = unit < byUnit.length ? byUnit[unit]! : 0;
      if (c === 0) {
        // Not a letter of one UTF-16 unit: a letter of two, or none.
        const ch = String.fromCodePoint(text.codePointAt(i)!);
        c = code.get(ch) ?? 0;
        i += ch.length - 1;
      }
      if (c === 0 || n === MAX_LETTERS) return false;
      key[n++] = c;
    }
    keyLength = n;
    return true;
  };
  return {
    lookup(text) {
      if (!encode(text) || keyLength === 0) return 0;
      const flags = seek();
      return flags !== -1 && common === keyLength && length === keyLength ? flags : 0;
    },
    hasPrefix(text) {
      if (!encode(text)) return false;
      if (keyLength === 0) return header.count > 0;
      return seek() !== -1 && common === keyLength;
    },
    isEnglish: (text) => english.has(text),
    ...(typeof header.language === 'string' ? { language: header.language } : {}),
  };
}

/**
 * Every entry of a lexicon payload (uncompressed, as checked by {@link decodeLexicon}), in sorted
 * order: for tools that inspect a lexicon or derive a smaller one.
 */
export function* lexiconEntries(bytes: Uint8Array): Generator<[word: string, flags: number]> {
  const { header, body } = readLexiconHeader(bytes);
  decodeLexicon(bytes);
  const alphabet = [...header.alphabet];
  let letters: string[] = [];
  let at = body;
  for (let i = 0; i < header.count; i++) {
    letters = letters.slice(0, bytes[at++]);
    while (bytes[at]! < END) letters.push(alphabet[bytes[at++]! - 1]!);
    yield [letters.join(''), bytes[at++]! & ~END];
  }
}

/** Whether the bytes start like a gzip stream (the lexicon file as shipped). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * A {@link Lexicon} from the bytes of a lexicon file as shipped (gzipped) or its payload;
 * browser-safe (gunzips with `DecompressionStream`). The web page fetches the file and passes
 * the bytes here.
 *
 * @example
 * import { encodeLexicon, lexiconFromBytes } from 'latinitsa/reverse';
 * const gzipped = new Uint8Array(await new Response(new Blob([encodeLexicon({ language: 'ru', words: [['мир', 1]] })]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
 * (await lexiconFromBytes(gzipped)).lookup('мир');
 * //=> 1
 */
export async function lexiconFromBytes(bytes: Uint8Array): Promise<Lexicon> {
  if (!isGzip(bytes)) return decodeLexicon(bytes);
  let payload: Uint8Array;
  try {
    const stream = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(new DecompressionStream('gzip'));
    payload = new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (error) {
    throw new LatinitsaError('ERR_UNSUPPORTED_FORMAT', `not a latinitsa lexicon file: damaged gzip data (${(error as Error).message})`, { cause: error });
  }
  return decodeLexicon(payload);
}
