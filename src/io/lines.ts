import type { Writable } from 'node:stream';
import type { RomanizeOptions } from '../engine/romanize.ts';
import { createCountingRomanizer, createRomanizer, type Romanizer } from '../engine/stream.ts';
import { UTF8_BOM } from '../engine/utf8.ts';
import { LatinitsaError } from '../errors.ts';
import { decodeBytes, encodingHint, type ReaderOptions, type TextEncodingName } from './decode.ts';
import { writeWithBackpressure } from './write.ts';

export { writeWithBackpressure };

/** Options of {@link textBlocks}. */
export interface TextBlocksOptions {
  /** Encoding of the bytes. Default `'utf-8'`. */
  encoding?: TextEncodingName;
  /** File name for error messages. */
  file?: string;
  /** What the reading program offers instead, for the hint of an invalid-UTF-8 error (`ReaderOptions`). */
  reader?: ReaderOptions;
  /**
   * Bytes gathered before a block is cut at its last line break. Default 1: every chunk the
   * source delivers that completes a line is cut at once, so that interactive or slow input
   * comes out line by line; a fast source delivers large chunks (64 KiB from a file or pipe)
   * anyway.
   */
  blockSize?: number;
}

const CR = 0x0d;
const LF = 0x0a;

/** Index just after the last line break of `buf` that is certainly complete, or -1 (a CR at the very end may be the first half of CRLF). */
function lastSafeBreak(buf: Uint8Array): number {
  let i = buf.length - 1;
  if (buf[i] === CR) i--;
  for (; i >= 0; i--) {
    const b = buf[i];
    if (b === LF || b === CR) return i + 1;
  }
  return -1;
}

function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  throw new LatinitsaError('ERR_INVALID_INPUT', `expected bytes, found ${typeof chunk}`);
}

/**
 * Turns a stream of bytes into decoded text blocks that each end with a line break (CRLF, LF or
 * CR; only the last block may end without one), about `blockSize` bytes each. A line longer than
 * a block is kept whole. Only what is between two cuts is in memory, so a file of any size passes
 * in memory proportional to the chunk size and the longest line. Invalid UTF-8 is
 * `ERR_INVALID_UTF8` with the byte offset from the start of the stream.
 *
 * @example
 * import { textBlocks } from 'latinitsa/io';
 * const blocks = [];
 * for await (const b of textBlocks([Buffer.from('Ки'), Buffer.from('ров\r\nЦК')], { blockSize: 1 })) blocks.push(b);
 * blocks;
 * //=> ['Киров\r\n', 'ЦК']
 */
export async function* textBlocks(source: AsyncIterable<unknown> | Iterable<unknown>, options: TextBlocksOptions = {}): AsyncGenerator<string> {
  const blockSize = Math.max(1, options.blockSize ?? 1);
  const decode = (bytes: Uint8Array, baseOffset: number): string =>
    decodeBytes(bytes, { ...(options.encoding === undefined ? {} : { encoding: options.encoding }), ...(options.file === undefined ? {} : { file: options.file }), ...(options.reader === undefined ? {} : { reader: options.reader }), baseOffset });
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  /** Byte offset of pending[0][0] in the stream. */
  let offset = 0;
  /** Length of the longest prefix of the pending bytes that ends with a complete line break, or -1. */
  let safe = -1;
  for await (const chunk of source) {
    const bytes = toBytes(chunk);
    if (bytes.length === 0) continue;
    const start = pendingLength;
    // A CR that ended the previous chunk is a complete line break unless this chunk starts with LF.
    if (start > 0 && pending[pending.length - 1]!.at(-1) === CR && bytes[0] !== LF) safe = start;
    const cut = lastSafeBreak(bytes);
    if (cut >= 0) safe = start + cut;
    pending.push(bytes);
    pendingLength += bytes.length;
    if (pendingLength < blockSize || safe < 0) continue;
    const all = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingLength);
    const head = all.subarray(0, safe);
    const rest = all.subarray(safe);
    const text = decode(head, offset);
    offset += head.length;
    pending = rest.length > 0 ? [rest] : [];
    pendingLength = rest.length;
    safe = -1;
    yield text;
  }
  if (pendingLength > 0) {
    const all = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingLength);
    yield decode(all, offset);
  }
}

/** Something to write output to: a Node writable stream, or a function (awaited). */
export type TextSink = Writable | ((bytes: Uint8Array) => Promise<void> | void);

/** Options of {@link romanizeStream}. */
export interface RomanizeStreamOptions extends TextBlocksOptions {
  /** Romanization options, as for `romanize`. */
  romanize?: RomanizeOptions;
  /**
   * When given, each letter the scheme has no value for is counted here as the text passes (for
   * the CLI's one-line warning; not with `lang: 'auto'`).
   */
  counts?: Map<string, number>;
  /**
   * `false`: a UTF-8 byte-order mark the input starts with is not written (an input after the
   * first of several written as one text: the mark marks the start of a file). Default: kept.
   */
  keepBom?: boolean;
}

/**
 * Romanizes a byte stream into a sink as it arrives, with the same result as `romanize` on the
 * whole text: UTF-8 goes bytes to bytes through the engine's incremental romanizer (which decides
 * which lines it may romanize before the next arrives, see docs/architecture.md); another encoding
 * is decoded a block of lines at a time and fed to the same romanizer. Output is UTF-8 (a
 * byte-order mark is kept); returns the number of bytes written.
 *
 * @example
 * import { romanizeStream } from 'latinitsa/io';
 * const out: string[] = [];
 * await romanizeStream([Buffer.from('Щёлково\r\nЦК ВКП(б)')], (b) => { out.push(Buffer.from(b).toString()); });
 * //=> 23
 * out.join('');
 * //=> 'Shchyolkovo\r\nTsK VKP(b)'
 */
export async function romanizeStream(source: AsyncIterable<unknown> | Iterable<unknown>, sink: TextSink, options: RomanizeStreamOptions = {}): Promise<number> {
  const write = typeof sink === 'function' ? sink : (bytes: Uint8Array) => writeWithBackpressure(sink, bytes);
  if ((options.encoding ?? 'utf-8') === 'utf-8') return romanizeUtf8Stream(source, write, options);
  const romanizer = romanizerFor(options);
  const encoder = new TextEncoder();
  let written = 0;
  const emit = async (bytes: Uint8Array): Promise<void> => {
    if (bytes.length === 0) return;
    written += bytes.length;
    await write(bytes);
  };
  for await (const block of textBlocks(source, options)) await emit(romanizer.push(encoder.encode(block)));
  await emit(romanizer.end());
  return written;
}

/** The engine's incremental romanizer for the stream's options (counting, when asked to). */
function romanizerFor(options: RomanizeStreamOptions): Romanizer {
  const romanize = options.romanize ?? {};
  return options.counts === undefined ? createRomanizer(romanize) : createCountingRomanizer({ romanize, counts: options.counts });
}

/**
 * The UTF-8 case of {@link romanizeStream}: bytes to bytes through the engine's incremental
 * romanizer, with no strings in between (the same result; a byte-order mark is kept).
 */
async function romanizeUtf8Stream(source: AsyncIterable<unknown> | Iterable<unknown>, write: (bytes: Uint8Array) => Promise<void> | void, options: RomanizeStreamOptions): Promise<number> {
  const romanizer = romanizerFor(options);
  let written = 0;
  let head: number[] | undefined = []; // the first bytes, until we know whether they are a BOM
  let last: Uint8Array = new Uint8Array(0);
  let first: Uint8Array | undefined;
  const emit = async (bytes: Uint8Array): Promise<void> => {
    if (bytes.length === 0) return;
    written += bytes.length;
    await write(bytes);
  };
  try {
    for await (const chunk of source) {
      const bytes = toBytes(chunk);
      if (bytes.length === 0) continue;
      last = bytes;
      first ??= bytes;
      if (head !== undefined) {
        for (let i = 0; i < bytes.length && head.length < 3; i++) head.push(bytes[i]!);
        if (head.length >= 3 || head.some((b, i) => b !== UTF8_BOM[i])) {
          if (head.length >= 3 && head.every((b, i) => b === UTF8_BOM[i]) && options.keepBom !== false) await emit(Uint8Array.from(UTF8_BOM));
          head = undefined;
        }
      }
      await emit(romanizer.push(bytes));
    }
    if (head !== undefined && head.length === 3 && options.keepBom !== false) await emit(Uint8Array.from(UTF8_BOM));
    await emit(romanizer.end());
  } catch (error) {
    if (error instanceof LatinitsaError && error.code === 'ERR_INVALID_UTF8' && error.offset !== undefined) {
      // The start of the input tells a UTF-16 file by its byte-order mark; the bytes last read, a legacy encoding.
      const hint = encodingHint(error.offset < 4 && first !== undefined ? first : last, options.reader);
      throw new LatinitsaError('ERR_INVALID_UTF8', `${options.file ?? 'input'}: invalid UTF-8 at byte offset ${error.offset}${hint}`, {
        ...(options.file === undefined ? {} : { file: options.file }),
        offset: error.offset,
        cause: error,
      });
    }
    throw error;
  }
  return written;
}
