import { TextDecoder } from 'node:util';
import { firstInvalidUtf8, utf8BomLength } from '../engine/utf8.ts';
import { LatinitsaError } from '../errors.ts';

/** The text encodings latinitsa reads (its output is always UTF-8). */
export type TextEncodingName = 'utf-8' | 'windows-1251' | 'koi8-r';

/** The names accepted for each encoding (case-insensitive), as WHATWG labels and common spellings. */
const ENCODING_LABELS: Record<string, TextEncodingName> = {
  'utf-8': 'utf-8', utf8: 'utf-8',
  'windows-1251': 'windows-1251', windows1251: 'windows-1251', cp1251: 'windows-1251', 'cp-1251': 'windows-1251', 'win-1251': 'windows-1251', win1251: 'windows-1251',
  'koi8-r': 'koi8-r', koi8r: 'koi8-r', koi8: 'koi8-r', 'koi-8-r': 'koi8-r',
};

/**
 * The canonical name of a text encoding latinitsa reads; an unknown name is `ERR_INVALID_OPTION`.
 *
 * @example
 * import { parseEncoding } from 'latinitsa/io';
 * parseEncoding('CP1251');
 * //=> 'windows-1251'
 */
export function parseEncoding(name: string): TextEncodingName {
  const found = ENCODING_LABELS[name.trim().toLowerCase()];
  if (found === undefined) {
    throw new LatinitsaError('ERR_INVALID_OPTION', `unknown encoding "${name}" (known: utf-8, windows-1251, koi8-r)`);
  }
  return found;
}

/** Options of {@link decodeBytes} and {@link decodeUtf8}. */
export interface DecodeOptions {
  /** Encoding of the bytes. Default `'utf-8'`. */
  encoding?: TextEncodingName;
  /** File name for error messages (default `input`). */
  file?: string;
  /** Offset of `bytes[0]` in the whole file or stream, so that errors give the file's byte offset. */
  baseOffset?: number;
  /** Remove a leading UTF-8 byte-order mark. Default `true` for {@link decodeUtf8}, `false` for {@link decodeBytes}. */
  stripBom?: boolean;
  /** What the reading program offers instead, for the hint of an error (see {@link ReaderOptions}). */
  reader?: ReaderOptions;
}

/**
 * The options of the program reading the bytes that read them otherwise: an invalid-UTF-8
 * error's hint names one only where the program has it. Only `latinitsa` itself (romanize) takes
 * `--encoding`; `bib`, `cite`, `check`, `reverse` and `convert` read UTF-8 only (docs/cli.md).
 */
export interface ReaderOptions {
  /** The option that names a legacy encoding (the romanize command's `--encoding`). Without it: convert to UTF-8 first (iconv). */
  encoding?: string;
  /** The option that reads a file as a .docx whatever its name (`check` and `cite`'s `--input-format`). */
  inputFormat?: string;
}

const decoders = new Map<string, TextDecoder>();
function decoder(encoding: TextEncodingName): TextDecoder {
  let d = decoders.get(encoding);
  // ignoreBOM: true keeps U+FEFF in the text: whether to drop it is the caller's choice.
  if (d === undefined) decoders.set(encoding, (d = new TextDecoder(encoding, { fatal: true, ignoreBOM: true })));
  return d;
}

/**
 * Decodes bytes in one of the encodings latinitsa reads. UTF-8 is strict: an invalid sequence is
 * `ERR_INVALID_UTF8` with the byte offset of its first byte (counted from `baseOffset`), and when
 * the bytes look like Cyrillic in a legacy encoding the message names it. A byte-order mark is
 * kept as U+FEFF unless `stripBom` is set.
 *
 * @example
 * import { decodeBytes } from 'latinitsa/io';
 * decodeBytes(new Uint8Array([0xca, 0xe8, 0xf0, 0xee, 0xe2]), { encoding: 'windows-1251' });
 * //=> 'Киров'
 * (() => { try { return decodeBytes(new Uint8Array([0x41, 0xca, 0xe8, 0xf0, 0xee, 0xe2]), { file: 'a.txt' }); } catch (e) { return (e as Error).message; } })();
 * //=> 'a.txt: invalid UTF-8 at byte offset 1 (the bytes look like windows-1251: convert them to UTF-8 first, e.g. with iconv -f windows-1251 -t utf-8)'
 * (() => { try { return decodeBytes(new Uint8Array([0x41, 0xca, 0xe8, 0xf0, 0xee, 0xe2]), { file: 'a.txt', reader: { encoding: '--encoding' } }); } catch (e) { return (e as Error).message; } })();
 * //=> 'a.txt: invalid UTF-8 at byte offset 1 (the bytes look like windows-1251: try --encoding windows-1251)'
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): string {
  const encoding = options.encoding ?? 'utf-8';
  let view = bytes;
  if (options.stripBom === true && encoding === 'utf-8') view = bytes.subarray(utf8BomLength(bytes));
  try {
    return decoder(encoding).decode(view);
  } catch (cause) {
    const base = (options.baseOffset ?? 0) + (bytes.length - view.length);
    const at = firstInvalidUtf8(view);
    const offset = base + (at < 0 ? 0 : at);
    throw new LatinitsaError('ERR_INVALID_UTF8', `${options.file ?? 'input'}: invalid UTF-8 at byte offset ${offset}${encodingHint(view, options.reader)}`, {
      ...(options.file === undefined ? {} : { file: options.file }),
      offset,
      cause,
    });
  }
}

/**
 * What the words of an invalid-UTF-8 error add about the bytes (the start of the input, or a
 * sample of it): that they start with a UTF-16 or UTF-32 byte-order mark or a zip's signature (a
 * .docx read as text), or look like Cyrillic in a legacy encoding; '' when they look like none.
 * What to do names an option of the reader only when `reader` says it has one.
 *
 * @example
 * import { encodingHint } from 'latinitsa/io';
 * encodingHint(new Uint8Array([0xff, 0xfe, 0x1a, 0x04]));
 * //=> ' (this looks like UTF-16 (it starts with the byte-order mark FF FE): save it as UTF-8)'
 */
export function encodingHint(bytes: Uint8Array, reader: ReaderOptions = {}): string {
  const hex = (n: number): string => [...bytes.subarray(0, n)].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
  const utf32 = bytes.length >= 4 && ((bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff));
  if (utf32) return ` (this looks like UTF-32 (it starts with the byte-order mark ${hex(4)}): save it as UTF-8)`;
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return ` (this looks like UTF-16 (it starts with the byte-order mark ${hex(2)}): save it as UTF-8)`;
  }
  // A zip's local-file signature: a .docx piped in (`check - < book.docx`) or named .txt.
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return reader.inputFormat === undefined ? ' (this looks like a zip archive, such as a .docx, not a text file)' : ` (this looks like a zip archive, such as a .docx: name it .docx, or give ${reader.inputFormat} docx)`;
  }
  const guess = guessLegacyEncoding(bytes);
  if (guess === undefined) return '';
  return reader.encoding === undefined ? ` (the bytes look like ${guess}: convert them to UTF-8 first, e.g. with iconv -f ${guess} -t utf-8)` : ` (the bytes look like ${guess}: try ${reader.encoding} ${guess})`;
}

/**
 * Decodes UTF-8 strictly: invalid bytes are an error (`ERR_INVALID_UTF8`) that gives the byte
 * offset of the first bad sequence, never a silent U+FFFD. A leading byte-order mark is removed.
 *
 * @example
 * import { decodeUtf8 } from 'latinitsa/io';
 * decodeUtf8(new Uint8Array([0xd0, 0x9a]));
 * //=> 'К'
 */
export function decodeUtf8(bytes: Uint8Array, options: { file?: string; baseOffset?: number; reader?: ReaderOptions } = {}): string {
  return decodeBytes(bytes, { ...options, encoding: 'utf-8', stripBom: true });
}

// Letter frequencies of Russian running text (per cent; the commonly cited National Corpus
// figures), used only to tell windows-1251 from KOI8-R: the two put the alphabet in different
// orders and swap the lower- and upper-case halves of 0xC0–0xFF, so the wrong one gives rare
// letters and words with inverted case (кИРОВ).
const FREQUENCY: Record<string, number> = {
  о: 10.97, е: 8.45, а: 8.01, и: 7.35, н: 6.7, т: 6.26, с: 5.47, р: 4.73, в: 4.54, л: 4.4, к: 3.49, м: 3.21, д: 2.98, п: 2.81, у: 2.62, я: 2.01,
  ы: 1.9, ь: 1.74, г: 1.7, з: 1.65, б: 1.59, ч: 1.44, й: 1.21, х: 0.97, ж: 0.94, ш: 0.73, ю: 0.64, ц: 0.48, щ: 0.36, э: 0.32, ф: 0.26, ъ: 0.04, ё: 0.04,
};

/** Log-likelihood of the Cyrillic letters of `text` (their case is {@link caseKey}'s). */
function score(text: string): number {
  let s = 0;
  for (const ch of text.match(/\p{Script=Cyrillic}/gu) ?? []) s += Math.log((FREQUENCY[ch.toLowerCase()] ?? 0.01) / 100);
  return s;
}

/**
 * How the case of the Cyrillic words of `text` reads: each word of two letters or more in small
 * letters counts for it, each in capitals against it (an acronym is one too), and each with a
 * capital after a small letter three times against it (no text writes сЕРГЕЙ: a Title word read in
 * the other encoding).
 */
function caseKey(text: string): number {
  let key = 0;
  for (const word of text.match(/\p{Script=Cyrillic}{2,}/gu) ?? []) {
    if (!/\p{Lu}/u.test(word)) key++;
    else if (/\p{Ll}\p{Lu}/u.test(word)) key -= 3;
    else if (!/\p{Ll}/u.test(word)) key--;
  }
  return key;
}

/**
 * Whether bytes that are not valid UTF-8 look like Russian text in windows-1251 or KOI8-R: most
 * bytes ≥ 0x80 are not part of valid UTF-8 sequences, and decoding them gives Cyrillic letters;
 * the encoding whose decoding reads more like Russian (letter frequencies, case patterns) wins. `undefined` when the
 * bytes are mostly valid UTF-8 (a damaged UTF-8 file) or not Cyrillic.
 *
 * @example
 * import { guessLegacyEncoding } from 'latinitsa/io';
 * guessLegacyEncoding(new Uint8Array([0xeb, 0xc9, 0xd2, 0xcf, 0xd7]));
 * //=> 'koi8-r'
 */
export function guessLegacyEncoding(bytes: Uint8Array): 'windows-1251' | 'koi8-r' | undefined {
  const sample = bytes.length > 65536 ? bytes.subarray(0, 65536) : bytes;
  let high = 0;
  let inUtf8 = 0;
  let i = 0;
  while (i < sample.length) {
    const b = sample[i]!;
    if (b < 0x80) { i++; continue; }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len > 0 && i + len <= sample.length && firstInvalidUtf8(sample.subarray(i, i + len)) === -1) {
      high += len;
      inUtf8 += len;
      i += len;
    } else {
      high++;
      i++;
    }
  }
  // Damaged UTF-8 is mostly valid sequences; in KOI8-R a small letter before ё (щё, 0xDD 0xA3) makes
  // one by chance, so only more than half of the high bytes in valid sequences count as UTF-8.
  if (high < 3 || inUtf8 * 2 > high) return undefined;
  const candidates = (['windows-1251', 'koi8-r'] as const).map((encoding) => {
    const text = new TextDecoder(encoding).decode(sample);
    const highChars = [...text].filter((c) => c.codePointAt(0)! >= 0x80);
    const cyrillic = highChars.filter((c) => /\p{Script=Cyrillic}/u.test(c)).length;
    return { encoding, cyrillic: highChars.length === 0 ? 0 : cyrillic / highChars.length, key: caseKey(text), score: score(text) };
  });
  const [a, b] = candidates as [(typeof candidates)[0], (typeof candidates)[0]];
  // The case of the words first: running text is mostly small letters, and the wrong encoding turns
  // them into capitals (and Title words into кИРОВ). Letter frequencies decide a tie; on a short
  // text of rare words (щёки съезд) they alone can pick the wrong one.
  const best = a.key !== b.key ? (a.key > b.key ? a : b) : a.score >= b.score ? a : b;
  return best.cyrillic >= 0.8 ? best.encoding : undefined;
}
