import { LatinitsaError } from '../errors.ts';
import { ByteSink, romanizeBytesFast, type ByteLineFallback } from './fast/bytes.ts';
import { CYR, getFastScheme, Meta, type FastScheme } from './fast/tables.ts';
import { countReportable, reportableLetters } from './auto.ts';
import type { CompiledScheme } from './compile.ts';
import { romanize, romanizeGeneral, usesFastPath } from './romanize.ts';
import { assertRomanizable, resolveScheme, type RomanizeOptions } from './resolve.ts';
import { AUTO_LANGUAGE } from './lang.ts';
import { firstInvalidUtf8, utf8BomLength } from './utf8.ts';

/**
 * Romanizes UTF-8 bytes to UTF-8 bytes: the same result as decoding the bytes strictly (a leading
 * byte-order mark is dropped), calling {@link romanize} and encoding the result, without building
 * the strings. Invalid UTF-8 throws `ERR_INVALID_UTF8` with the byte offset.
 *
 * @example
 * import { romanizeBuffer } from 'latinitsa';
 * new TextDecoder().decode(romanizeBuffer(new TextEncoder().encode('Щёлково\n')));
 * //=> 'Shchyolkovo\n'
 */
export function romanizeBuffer(bytes: Uint8Array, options: RomanizeOptions = {}): Uint8Array {
  const romanizer = createRomanizer(options);
  const head = romanizer.push(bytes);
  const tail = romanizer.end();
  if (tail.length === 0) return head;
  const all = new Uint8Array(head.length + tail.length);
  all.set(head);
  all.set(tail, head.length);
  return all;
}

/** An incremental romanizer of UTF-8 bytes (see {@link createRomanizer}). */
export interface Romanizer {
  /** Takes the next chunk; returns the output for every complete line seen so far (possibly empty). */
  push(chunk: Uint8Array): Uint8Array;
  /** Ends the input; returns the output of the last, unterminated line. */
  end(): Uint8Array;
}

/**
 * An incremental Buffer-to-Buffer romanizer for streams of any size: feed chunks of UTF-8 with
 * `push`, finish with `end`. The concatenated outputs equal {@link romanizeBuffer} of the
 * concatenated input, whatever the chunk boundaries (a chunk may end inside a character). Memory
 * stays at about one chunk plus the longest line: every case decision of the engine is local to a
 * line, so the romanizer holds back only the unfinished line (with `joinLineBreakHyphens`, also a
 * line that ends in a hyphen).
 *
 * @example
 * import { createRomanizer } from 'latinitsa';
 * const r = createRomanizer();
 * const bytes = new TextEncoder().encode('Юрий\nЩёлково');
 * const parts = [r.push(bytes.subarray(0, 3)), r.push(bytes.subarray(3)), r.end()];
 * parts.map((p) => new TextDecoder().decode(p));
 * //=> ['', 'Yury\n', 'Shchyolkovo']
 */
export function createRomanizer(options: RomanizeOptions = {}): Romanizer {
  return romanizer(options, undefined);
}

/** Options of {@link createCountingRomanizer}. */
export interface CountingRomanizerOptions {
  /** Romanization options, as for `createRomanizer` (a named language, not `auto`). */
  romanize: RomanizeOptions;
  /** Where each letter the scheme has no value for is counted (`countReportable`), as the input passes. */
  counts: Map<string, number>;
}

/**
 * {@link createRomanizer} that also counts the letters the scheme has no value for (the CLI's
 * one-line warning). Only lines that hold one are decoded to count them: the byte loop reads a
 * copy of the scheme's tables in which those letters send their line to the general path, where
 * the line is a string anyway. (Not part of the package's API.)
 */
export function createCountingRomanizer(options: CountingRomanizerOptions): Romanizer {
  if (options.romanize.lang === AUTO_LANGUAGE) throw new LatinitsaError('ERR_INVALID_OPTION', 'option "lang" of createCountingRomanizer must name a language, found "auto" (auto text is romanized whole, not counted on the way)');
  return romanizer(options.romanize, options.counts);
}

const reportingCache = new WeakMap<FastScheme, FastScheme>();

/** The fast tables of `compiled` in which every letter it reports (`reportableLetters`) takes the general path. */
function reportingFastScheme(fast: FastScheme, compiled: CompiledScheme): FastScheme {
  let variant = reportingCache.get(fast);
  if (variant === undefined) {
    const reportable = reportableLetters(compiled);
    const letterMeta = fast.letterMeta.slice();
    for (let i = 0; i < letterMeta.length; i++) {
      reportable.lastIndex = 0;
      if (reportable.test(String.fromCharCode(CYR + i))) letterMeta[i] = Meta.GENERAL;
    }
    variant = { ...fast, letterMeta };
    reportingCache.set(fast, variant);
  }
  return variant;
}

function romanizer(options: RomanizeOptions, counts: Map<string, number> | undefined): Romanizer {
  if (options.lang === AUTO_LANGUAGE) return wholeTextRomanizer(options);
  const compiled = resolveScheme(options); // validates the options now
  assertRomanizable(compiled);
  const join = options.joinLineBreakHyphens === true;
  // The byte-level path needs no string at all; otherwise (options only the general path
  // supports, an output profile, a language with an in-word apostrophe, which the byte loop does
  // not model: Ukrainian, Belarusian) each run of whole lines is decoded, romanized by the string
  // API and encoded.
  const fastTables = usesFastPath(options) && compiled.profile === undefined && compiled.language.apostrophes === undefined ? getFastScheme(compiled) : undefined;
  const fast = fastTables !== undefined && counts !== undefined ? reportingFastScheme(fastTables, compiled) : fastTables;
  /** The text of lines about to be romanized as a string, decoded: counted when counting. */
  const decoded = (src: Uint8Array, start: number, end: number, at: number): string => {
    const text = decodeStrict(src, start, end, at);
    if (counts !== undefined) countReportable(text, compiled, counts);
    return text;
  };
  const encoder = new TextEncoder();
  let consumed = 0; // bytes of input before `pending`
  // The unfinished line, in pieces: a line of any length costs each new chunk one look at itself
  // and one copy when its end comes, so one long line without a line break stays linear.
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  let started = false;
  let base = 0; // the input offset of src[0] of the lines being romanized, for error messages
  const sink = new ByteSink(0);

  const fallback: ByteLineFallback = (src, start, end, sink) => {
    const out = romanizeGeneral(decoded(src, start, end, base), options);
    const room = sink.reserve(out.length * 3);
    sink.pos += encoder.encodeInto(out, room.subarray(sink.pos)).written;
  };

  /** Romanizes the whole lines `src[start..end)` into `sink`; `src[0]` is at input offset `at`. */
  const lines = (src: Uint8Array, start: number, end: number, at: number, sink: ByteSink): void => {
    if (end <= start) return;
    base = at;
    if (fast !== undefined) {
      romanizeBytesFast(fast, src, start, end, sink, fallback);
      return;
    }
    const out = romanize(decoded(src, start, end, at), options);
    const room = sink.reserve(out.length * 3);
    sink.pos += encoder.encodeInto(out, room.subarray(sink.pos)).written;
  };

  const take = (chunk: Uint8Array, final: boolean): Uint8Array => {
    let src = chunk;
    let from = 0;
    if (!started) {
      // A leading byte-order mark is dropped, as `decodeUtf8` does.
      src = joinPieces(pending, chunk);
      pending = [];
      pendingLength = 0;
      started = true;
      from = utf8BomLength(src);
      consumed += from;
    }
    // One sink per romanizer, reused: each push returns a copy of what it wrote.
    sink.pos = 0;
    sink.reserve(pendingLength + src.length - from + ((src.length - from) >> 3) + 256);
    if (pendingLength > 0) {
      // The unfinished line, joined with this chunk up to the first line end where it may be cut;
      // the rest of the chunk is read where it is.
      const first = final ? src.length : nextSafeBreak(src, from, join);
      if (first < 0) {
        pending.push(src.slice(from));
        pendingLength += src.length - from;
        return EMPTY;
      }
      const head = joinPieces(pending, src.subarray(from, first));
      lines(head, 0, head.length, consumed, sink);
      consumed += head.length;
      pending = [];
      pendingLength = 0;
      from = first;
    }
    const cut = final ? src.length : Math.max(from, lastSafeBreak(src, join));
    lines(src, from, cut, consumed - from, sink);
    consumed += cut - from;
    pending = cut === src.length ? [] : [src.slice(cut)];
    pendingLength = src.length - cut;
    return sink.pos === 0 ? EMPTY : sink.buf.slice(0, sink.pos);
  };

  return {
    push: (chunk) => {
      if (!started && pendingLength + chunk.length < 3) {
        // Too short to tell whether it starts with a byte-order mark.
        pending.push(chunk.slice());
        pendingLength += chunk.length;
        return EMPTY;
      }
      return take(chunk, false);
    },
    end: () => take(EMPTY, true),
  };
}

const EMPTY = new Uint8Array(0);

/** The pieces and then `last`, as one array (`last` itself when there are no pieces). */
function joinPieces(pieces: readonly Uint8Array[], last: Uint8Array): Uint8Array {
  if (pieces.length === 0) return last;
  let length = last.length;
  for (const p of pieces) length += p.length;
  const joined = new Uint8Array(length);
  let at = 0;
  for (const p of pieces) {
    joined.set(p, at);
    at += p.length;
  }
  joined.set(last, at);
  return joined;
}

/**
 * A web `TransformStream` of UTF-8 chunks (works in browsers and in Node, where
 * `Readable.toWeb`/`Writable.toWeb` or `stream.pipeline` connect it to files).
 *
 * @example
 * import { createRomanizeStream } from 'latinitsa';
 * const response = new Response(new Blob(['Киров\n']).stream().pipeThrough(createRomanizeStream()));
 * await response.text();
 * //=> 'Kirov\n'
 */
export function createRomanizeStream(options: RomanizeOptions = {}): TransformStream<Uint8Array, Uint8Array> {
  const romanizer = createRomanizer(options);
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      const out = romanizer.push(chunk);
      if (out.length > 0) controller.enqueue(out);
    },
    flush(controller) {
      const out = romanizer.end();
      if (out.length > 0) controller.enqueue(out);
    },
  });
}

/**
 * Whether the input may be cut just after the line break at `src[i]`: always, except with
 * `joinLineBreakHyphens` after a line that ends in a hyphen, which is held back with the next
 * (docs/rules/words.md). `from` is where `src`'s bytes of this chunk start (what is before it is
 * not known here).
 */
function safeBreak(src: Uint8Array, i: number, from: number, join: boolean): boolean {
  const b = src[i];
  if (b !== 10 && b !== 13) return false;
  if (!join) return true;
  let j = i - 1;
  if (b === 10 && j >= from && src[j] === 13) j--;
  return j < from ? false : src[j] !== 0x2d;
}

/** The end of the last line that can be romanized without what follows (just after its line break), or 0. */
function lastSafeBreak(src: Uint8Array, join: boolean): number {
  for (let i = src.length - 1; i >= 0; i--) if (safeBreak(src, i, 0, join)) return i + 1;
  return 0;
}

/** The end of the first such line in `src[from..]`, or -1. */
function nextSafeBreak(src: Uint8Array, from: number, join: boolean): number {
  for (let i = from; i < src.length; i++) if (safeBreak(src, i, from, join)) return i + 1;
  return -1;
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeStrict(src: Uint8Array, start: number, end: number, base: number): string {
  const part = src.subarray(start, end);
  try {
    return strictDecoder.decode(part);
  } catch (cause) {
    const offset = base + start + firstInvalidUtf8(part);
    throw new LatinitsaError('ERR_INVALID_UTF8', `input: invalid UTF-8 at byte offset ${offset}`, { offset, cause });
  }
}

/**
 * With `lang: 'auto'` the language is decided per paragraph, and a paragraph may arrive in
 * several chunks: the input is kept until `end()` and romanized whole.
 */
function wholeTextRomanizer(options: RomanizeOptions): Romanizer {
  const chunks: Uint8Array[] = [];
  return {
    push(chunk: Uint8Array): Uint8Array {
      chunks.push(chunk.slice());
      return new Uint8Array(0);
    },
    end(): Uint8Array {
      const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of chunks) {
        all.set(c, at);
        at += c.length;
      }
      return new TextEncoder().encode(romanize(decodeStrict(all, 0, all.length, 0), options));
    },
  };
}
