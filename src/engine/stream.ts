import { LatinitsaError } from '../errors.ts';
import { ByteSink, romanizeBytesFast, type ByteLineFallback } from './fast/bytes.ts';
import { getFastScheme, type FastScheme } from './fast/tables.ts';
import { romanize, romanizeGeneral, usesFastPath } from './romanize.ts';
import { resolveScheme, type RomanizeOptions } from './resolve.ts';
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
  if (options.lang === AUTO_LANGUAGE) return wholeTextRomanizer(options);
  const compiled = resolveScheme(options); // validates the options now
  const join = options.joinLineBreakHyphens === true;
  // The byte-level path needs no string at all; otherwise each run of whole lines is decoded,
  // romanized by the string API and encoded.
  // The byte loop has no in-word apostrophe (Ukrainian, Belarusian): those languages take the string path.
  const fast = usesFastPath(options) && compiled.profile === undefined && compiled.language.apostrophes === undefined ? getFastScheme(compiled) : undefined;
  const byteLevel = fast !== undefined && !fast.nfcCommon;
  const encoder = new TextEncoder();
  let consumed = 0; // bytes of input before the pending bytes
  // The bytes read but not romanized yet, in pieces: they hold no safe break (see lastSafeBreak),
  // and none can become one (a break is judged by the bytes before it). A line of any length
  // costs each new chunk a look at itself only, and one copy when its end comes: linear.
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  let started = false;
  const joinPending = (chunk: Uint8Array): Uint8Array => {
    if (pendingLength === 0) return chunk;
    const src = new Uint8Array(pendingLength + chunk.length);
    let at = 0;
    for (const part of pending) {
      src.set(part, at);
      at += part.length;
    }
    src.set(chunk, at);
    return src;
  };

  const fallback: ByteLineFallback = (src, start, end, sink) => {
    const text = decodeStrict(src, start, end, consumed);
    const out = romanizeGeneral(text, options);
    const room = sink.reserve(out.length * 3);
    sink.pos += encoder.encodeInto(out, room.subarray(sink.pos)).written;
  };

  const process = (src: Uint8Array, end: number): Uint8Array => {
    if (end === 0) return new Uint8Array(0);
    if (byteLevel) {
      const sink = new ByteSink(end + (end >> 3) + 256);
      romanizeBytesFast(fast as FastScheme, src, 0, end, sink, fallback);
      return sink.buf.subarray(0, sink.pos);
    }
    const text = decodeStrict(src, 0, end, consumed);
    return encoder.encode(romanize(text, options));
  };

  const take = (chunk: Uint8Array, final: boolean): Uint8Array => {
    if (started && !final && pendingLength > 0) {
      // Only the new chunk can hold a safe break; two bytes before it are its context (CR LF, a hyphen).
      const before: number[] = [];
      for (let k = pending.length - 1; k >= 0 && before.length < 2; k--) {
        for (let i = pending[k]!.length - 1; i >= 0 && before.length < 2; i--) before.unshift(pending[k]![i]!);
      }
      const probe = new Uint8Array(before.length + chunk.length);
      probe.set(before);
      probe.set(chunk, before.length);
      if (lastSafeBreak(probe, join) <= before.length) {
        pending.push(chunk.slice());
        pendingLength += chunk.length;
        return new Uint8Array(0);
      }
    }
    let src = joinPending(chunk);
    if (!started && src.length >= 3) {
      started = true;
      // A leading byte-order mark is dropped, as `decodeUtf8` does.
      const bom = utf8BomLength(src);
      src = src.subarray(bom);
      consumed += bom;
    } else if (!started && final) started = true;
    const cut = final ? src.length : lastSafeBreak(src, join);
    const out = process(src, cut);
    consumed += cut;
    pending = cut === src.length ? [] : [src.slice(cut)];
    pendingLength = src.length - cut;
    return out;
  };

  return {
    push: (chunk) => {
      if (!started && pendingLength + chunk.length < 3) {
        // Too short to tell whether it starts with a byte-order mark.
        pending.push(chunk.slice());
        pendingLength += chunk.length;
        return new Uint8Array(0);
      }
      return take(chunk, false);
    },
    end: () => take(new Uint8Array(0), true),
  };
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
 * The end of the last line that can be romanized without what follows: just after the last line
 * break. With `joinLineBreakHyphens`, a line ending in a hyphen is held back with the next
 * (docs/rules/words.md).
 */
function lastSafeBreak(src: Uint8Array, join: boolean): number {
  for (let i = src.length - 1; i >= 0; i--) {
    const b = src[i]!;
    if (b !== 10 && b !== 13) continue;
    if (!join) return i + 1;
    let j = i - 1;
    if (b === 10 && j >= 0 && src[j] === 13) j--;
    if (j >= 0 && src[j] === 0x2d) {
      i = j + 1; // skip this break; continue the search before the hyphen
      continue;
    }
    return i + 1;
  }
  return 0;
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
