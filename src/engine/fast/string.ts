/**
 * The fast path, part 3: romanizing a UTF-16 string (`romanize`). The output is written as UTF-8
 * (or UTF-16LE, see `utf16Tables`) into a reused buffer (the same forms and word writer as
 * `bytes.ts`) and decoded into the result a chunk at a time: one native decode instead of a string
 * built per character, and the memory of a long text stays at the result plus a chunk. Letters are written while the word is scanned; the
 * rare word the single pass cannot handle is collected and written by `emitWord`. A line with
 * anything the fast path does not model goes, whole, to the general path (`fallback`).
 *
 * The loop itself is kept small (what is rare lives in functions of its own), so that the JIT
 * compiles it quickly: a one-shot process romanizes with compiled code sooner.
 */
import { Caps, capsKind, isAllCaps, oneLetterCaps } from '../caps.ts';
import * as tables from './tables.ts';
import { contextFits, utf16Tables, type FastScheme } from './tables.ts';
import { addLetter, emitWord, line, newLine, word } from './words.ts';

// The tables' constants as this module's own: V8 reads an imported binding through a cell it
// checks on every use, and these are read for every character (about a sixth of the loop's
// instructions, counted with callgrind; docs/performance.md).
const { BREAK, COPY, CYR, LETTER, UNDECIDED } = tables;
const { UPPER, LOWER, SENSITIVE, RULES, LONG, LENGTH, ID_SHIFT, GENERAL } = tables.Meta;

/** The unit at `text[j]`: its id, 0 when no letter of the tables is there (word boundary), -1 for a letter the single pass does not take. */
function unitAt16(fast: FastScheme, text: string, j: number): number {
  if (j >= text.length) return 0;
  const d = text.charCodeAt(j);
  if (fast.classes[d] !== LETTER) return 0;
  const meta = fast.letterMeta[d - CYR]!;
  return meta < 0 ? -1 : meta >> ID_SHIFT;
}

/**
 * The rule that applies to the letter at `text[i]` (whose units are single: `meta` >= 0), looking
 * at its neighbours on the source: `group * 256 + letters matched`, 0 when the letter takes its own
 * form from `letterBytes`, or -1 when the lookahead meets a letter the single pass does not take.
 * The same order and tests as `matchRule`; `ruleAt8` (bytes.ts) is the same over UTF-8.
 */
function ruleAt16(fast: FastScheme, meta: number, text: string, i: number, wordStart: number): number {
  const id = meta >> ID_SHIFT;
  const own = (meta & LONG) !== 0 ? id * 256 + 1 : 0;
  if ((meta & RULES) === 0) return own;
  // The previous unit (0 at the start of the word): every letter so far has one.
  const prev = i === wordStart ? 0 : fast.letterMeta[text.charCodeAt(i - 1) - CYR]! >> ID_SHIFT;
  const next = unitAt16(fast, text, i + 1);
  if (next < 0) return -1;
  // Decided in advance for the neighbours' classes, unless a longer rule needs to look further.
  const r = fast.decide[fast.ruleBase[id]! + fast.prevClass[prev]! * fast.nextClasses + fast.nextClass[next]!]!;
  if (r !== UNDECIDED) return r;
  const candidates = fast.rules[id]!;
  for (let c = 0; c < candidates.length; c++) {
    const rule = candidates[c]!;
    const m = rule.ids.length;
    let k = 1;
    for (; k < m; k++) {
      const u = unitAt16(fast, text, i + k);
      if (u < 0) return -1;
      if (u !== rule.ids[k]) break;
    }
    if (k < m) continue;
    const after = unitAt16(fast, text, i + m);
    if (after < 0) return -1;
    if (contextFits(rule, prev, after)) return rule.group * 256 + m;
  }
  return own;
}

/** Collects the units of the word starting at `text[i]`; returns their count, or -1 when a letter sends the line to the general path (sets word.end…). */
function collect16(fast: FastScheme, text: string, i: number): number {
  const table = fast.classes;
  let n = 0;
  let letters = 0;
  let ups = 0;
  let lows = 0;
  let d = text.charCodeAt(i);
  for (;;) {
    if (fast.letterMeta[d - CYR] === GENERAL) return -1;
    const lc = fast.letterCase[d - CYR]!;
    n = addLetter(fast, d, n);
    ups += lc & 1;
    lows += lc >> 1;
    letters++;
    i++;
    if (i >= text.length) break;
    d = text.charCodeAt(i);
    if (table[d] !== LETTER) break;
  }
  word.end = i;
  word.letters = letters;
  word.ups = ups;
  word.lows = lows;
  word.count = n;
  return n;
}

// ---------------------------------------------------------------------------------------------
// The output buffer.

/**
 * The output buffer, reused from call to call (the result is decoded out of it), and a view of
 * it that writes a letter's packed bytes in one store.
 */
let outBuf: Uint8Array = new Uint8Array(1 << 12);
let outView = new DataView(outBuf.buffer);
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Node's Buffer, where there is one (the engine itself runs in browsers too): its UTF-16 decode is
 * a copy, about half the cost of decoding UTF-8 with letters beyond ASCII (docs/performance.md,
 * Per call). Elsewhere the string loop writes UTF-8 only.
 */
const NodeBuffer = (globalThis as { Buffer?: BufferClass }).Buffer;
/** What the UTF-16 decode uses of Node's Buffer (the engine is typed without Node's types). */
interface BufferClass {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): { toString(encoding: 'utf16le', start: number, end: number): string };
}
/** The output buffer as a Node Buffer (made once per buffer), for the UTF-16 decode. */
let outNode: ReturnType<BufferClass['from']> | undefined;

/** The output `buf[0..n)` as a string: UTF-16LE when `utf16`, else UTF-8. */
function decodeOut(buf: Uint8Array, n: number, utf16: boolean): string {
  if (!utf16) return decoder.decode(head(buf, n));
  outNode ??= NodeBuffer!.from(buf.buffer, buf.byteOffset, buf.length);
  return outNode.toString('utf16le', 0, n);
}
/** Bytes decoded at a time from a long text. */
const CHUNK = 1 << 17;
/** Room kept free in the buffer before a word starts, so that only a very long word makes it grow. */
const ROOM = 1 << 12;

/**
 * Views of the buffer's first `n` bytes, by `n`, for short outputs: the decoder takes a view of the
 * exact length, and making one is about a sixth of a short call's fixed cost, so each is made once
 * (per buffer).
 */
let heads: (Uint8Array | undefined)[] = [];
const HEADS = 1024;

/** The first `n` bytes of the output buffer `buf`, as a view. */
function head(buf: Uint8Array, n: number): Uint8Array {
  if (n >= HEADS) return buf.subarray(0, n);
  let view = heads[n];
  if (view === undefined) heads[n] = view = buf.subarray(0, n);
  return view;
}

/** Makes room for `room` bytes after `buf[0..keep)` (which is kept); returns the buffer. */
function reserve(keep: number, room: number): Uint8Array {
  const buf = outBuf;
  if (keep + room <= buf.length) return buf;
  const bigger = new Uint8Array(Math.max(buf.length * 2, keep + room));
  bigger.set(buf.subarray(0, keep));
  outBuf = bigger;
  outView = new DataView(bigger.buffer);
  heads = [];
  outNode = undefined;
  return bigger;
}

/**
 * Writes the word starting at `text[wordStart]` from its collected units, from `wordOut` on; `caps`
 * for its ALL-CAPS forms. Returns the output end, or -1 when a letter sends the line to the general
 * path. Collects the word first unless `word.count` holds it.
 */
function collectedWord16(fast: FastScheme, text: string, wordStart: number, wordOut: number, caps: boolean): number {
  const n = word.count >= 0 ? word.count : collect16(fast, text, wordStart);
  if (n < 0) return -1;
  return emitWord(fast, n, caps, reserve(wordOut, n * fast.maxForm + ROOM + fast.slack), wordOut);
}

// ---------------------------------------------------------------------------------------------
// The loop.

/**
 * The case of a word that may stand in capitals (docs/rules/case.md): the decision of caps.ts from
 * what the scan saw (`bits`: the Meta bits of the letters written, ORed); a word in capitals is
 * written again in its ALL-CAPS forms. Returns the output end.
 */
function capitals16(fast: FastScheme, text: string, wordStart: number, i: number, bits: number, wordOut: number, o: number): number {
  const collected = word.count >= 0;
  const letters = collected ? word.letters : i - wordStart;
  const lows = collected ? word.lows : (bits & LOWER) !== 0 ? 1 : 0;
  let ups = collected ? word.ups : (bits & UPPER) !== 0 ? 1 : 0;
  if (!collected && letters >= 2 && lows === 0) {
    ups = 0;
    for (let j = wordStart; j < i; j++) ups += fast.letterCase[text.charCodeAt(j) - CYR]! & 1;
  }
  const sensitive = collected ? word.sensitive : bits & SENSITIVE;
  let kind = capsKind(fast.allCaps, letters, ups, lows, letters === 1 && i < text.length && text.charCodeAt(i) === 46);
  if (kind === Caps.Neighbours) {
    // Only when the letter's title and ALL-CAPS forms differ does the nearest long word matter.
    if (sensitive === 0) kind = Caps.No;
    else {
      if (line.nextLong === -2 || (line.nextLong >= 0 && line.nextLong < i)) line.nextLong = nextLongWord16(fast, text, i);
      kind = oneLetterCaps(fast.allCaps, line.prevEnd >= 0 ? wordStart - line.prevEnd : -1, line.prevAllCaps, line.nextLong >= 0 ? line.nextLong - i : -1, line.nextAllCaps);
    }
  }
  if (kind === Caps.AskLine) {
    if (line.lower < 0) line.lower = lineHasLower16(fast, text, line.start) ? 1 : 0;
    kind = line.lower === 1 ? Caps.No : Caps.Yes;
  }
  if (kind === Caps.Yes) o = collectedWord16(fast, text, wordStart, wordOut, true);
  if (letters >= 2) {
    line.prevEnd = i;
    line.prevAllCaps = isAllCaps(ups, lows);
  }
  return o;
}

/** The general path for one line (no line break inside) with the caller's options, supplied by `romanize.ts`. */
export type LineFallback<O> = (line: string, options: O) => string;

/**
 * The tables `romanize` writes a string's output with: the UTF-16 ones (`utf16Tables`) when a
 * string can be made from UTF-16 by a copy (Node's Buffer) and the scheme has forms beyond
 * ASCII, else `fast` itself (UTF-8).
 */
export function stringTables(fast: FastScheme): FastScheme {
  return (NodeBuffer === undefined ? undefined : utf16Tables(fast)) ?? fast;
}

/**
 * Romanizes a string with the fast tables (UTF-8 or UTF-16 ones: see `stringTables`). Lines the fast path does not model go to `fallback`.
 * The output is NFC whenever the fallback's is: every form the loop writes is seam-safe (tables.ts).
 */
export function romanizeStringFast<O>(fast: FastScheme, text: string, fallback: LineFallback<O>, options: O): string {
  const utf16 = fast.utf16;
  const table = fast.classes;
  const { letterMeta, letterBytes } = fast;
  const textLength = text.length;
  // A short text fits whole (3 bytes at most per copied code unit, maxForm per letter); a long
  // one is decoded a chunk of lines at a time.
  let buf = reserve(0, Math.min(textLength * Math.max(3, fast.maxForm), CHUNK) + ROOM + fast.slack);
  let view = outView;
  let limit = buf.length - ROOM - fast.slack;
  let o = 0;
  let result = ''; // the decoded output before buf[0]
  newLine(0, 0);
  let i = 0;
  while (i < textLength) {
    if (o > limit) {
      // Decode the finished lines; the current line stays, to be rewound if it turns out unsafe.
      if (line.out > 0) {
        result += decodeOut(buf, line.out, utf16);
        buf.copyWithin(0, line.out, o);
        o -= line.out;
        line.out = 0;
      }
      buf = reserve(o, ROOM + fast.slack);
      view = outView;
      limit = buf.length - ROOM - fast.slack;
    }
    let c = text.charCodeAt(i);
    const cls = table[c]!;
    if (cls === COPY) {
      if (utf16) {
        view.setUint16(o, c, true);
        o += 2;
      } else if (c < 0x80) buf[o++] = c;
      else if (c < 0x800) {
        buf[o++] = 0xc0 | (c >> 6);
        buf[o++] = 0x80 | (c & 0x3f);
      } else {
        buf[o++] = 0xe0 | (c >> 12);
        buf[o++] = 0x80 | ((c >> 6) & 0x3f);
        buf[o++] = 0x80 | (c & 0x3f);
      }
      i++;
      continue;
    }
    if (cls === LETTER) {
      const wordStart = i;
      const wordOut = o;
      let bits = 0; // the Meta bits of the letters written, ORed
      word.count = -1;
      for (;;) {
        const meta = letterMeta[c - CYR]!;
        // A rule's group * 256 + letters matched, or 0: the letter's own form from one table
        // (SEVERAL and GENERAL, being negative, have the RULES and LONG bits set).
        const r = (meta & (RULES | LONG)) === 0 ? 0 : meta < 0 ? -1 : ruleAt16(fast, meta, text, i, wordStart);
        if (r === 0) {
          view.setInt32(o, letterBytes[c - CYR]!, true);
          o += meta & LENGTH;
          bits |= meta;
          i++;
        } else if (r > 0) {
          o = matched16(fast, text, i, r, buf, o);
          bits |= word.bits;
          i += r & 255;
        } else {
          // A letter with several units, or one the lookahead cannot take: the word is collected.
          o = collectedWord16(fast, text, wordStart, wordOut, false);
          buf = outBuf;
          view = outView;
          limit = buf.length - ROOM - fast.slack;
          if (o >= 0) i = word.end;
          break;
        }
        if (i >= textLength) break;
        c = text.charCodeAt(i);
        if (table[c] !== LETTER) break;
        if (o > limit + ROOM) {
          // A word longer than the room kept: the buffer grows (a flush waits for the line's end).
          buf = reserve(o, ROOM + fast.slack);
          view = outView;
          limit = buf.length - ROOM - fast.slack;
        }
      }
      if (o >= 0) {
        // Most words have no capital, or a lower-case letter among two or more: not in capitals.
        if (word.count < 0 && ((bits & UPPER) === 0 || ((bits & LOWER) !== 0 && i - wordStart >= 2))) {
          if (i - wordStart >= 2) {
            line.prevEnd = i;
            line.prevAllCaps = false;
          }
        } else {
          o = capitals16(fast, text, wordStart, i, bits, wordOut, o);
          buf = outBuf;
          view = outView;
          limit = buf.length - ROOM - fast.slack;
        }
        continue;
      }
    } else if (cls === BREAK) {
      if (utf16) {
        view.setUint16(o, c, true);
        o += 2;
      } else buf[o++] = c;
      i++;
      newLine(i, o);
      continue;
    }
    // UNSAFE: the whole line takes the general path; its result joins the decoded output as is.
    let lineEnd = i;
    while (lineEnd < textLength && table[text.charCodeAt(lineEnd)] !== BREAK) lineEnd++;
    if (line.out > 0) result += decodeOut(buf, line.out, utf16);
    result += fallback(text.slice(line.start, lineEnd), options);
    o = 0;
    line.out = 0;
    i = lineEnd;
  }
  return o === 0 ? result : result + decodeOut(buf, o, utf16);
}

/**
 * Writes the letters a rule matched at `text[i]` (`r`: group * 256 + count), each in its own
 * case, from the pool; returns the output end. Sets `word.bits`: their case bits, and
 * SENSITIVE when an upper-case letter's title and ALL-CAPS forms differ.
 */
function matched16(fast: FastScheme, text: string, i: number, r: number, buf: Uint8Array, o: number): number {
  const { formStart, formLength, pool, caseMatters, letterMeta } = fast;
  let bits = 0;
  let group = r >> 8;
  for (let k = r & 255; k > 0; k--, group++, i++) {
    const mk = letterMeta[text.charCodeAt(i) - CYR]!;
    let form = group * 3;
    if ((mk & UPPER) !== 0) {
      form += 1;
      if (caseMatters[group] === 1) bits |= SENSITIVE;
    }
    bits |= mk & (UPPER | LOWER);
    const s = formStart[form]!;
    const l = formLength[form]!;
    for (let j = 0; j < l; j++) buf[o++] = pool[s + j]!;
  }
  word.bits = bits;
  return o;
}

/** The start of the next word of two or more letters after `from` on the same line, or -1 (sets `line.nextAllCaps`). */
function nextLongWord16(fast: FastScheme, text: string, from: number): number {
  const table = fast.classes;
  let j = from;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13) return -1;
    if (table[c] !== LETTER) {
      j++;
      continue;
    }
    const start = j;
    let ups = 0;
    let lows = 0;
    do {
      const lc = fast.letterCase[text.charCodeAt(j) - CYR]!;
      ups += lc & 1;
      lows += lc >> 1;
      j++;
    } while (j < text.length && table[text.charCodeAt(j)] === LETTER);
    if (j - start >= 2) {
      line.nextAllCaps = isAllCaps(ups, lows);
      return start;
    }
  }
  return -1;
}

function lineHasLower16(fast: FastScheme, text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return false;
    if (c >= CYR && c < CYR + 256 && (fast.letterCase[c - CYR]! & 2) !== 0) return true;
  }
  return false;
}
