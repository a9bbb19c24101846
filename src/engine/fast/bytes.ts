/**
 * The fast path, part 4: romanizing UTF-8 bytes to UTF-8 bytes (`romanizeBuffer`, streams), with
 * no string built. The same loop as `string.ts`, over bytes: letters of U+0400–U+04FF are two
 * bytes (lead byte D0–D3). A line with anything the fast path does not model, including invalid
 * UTF-8, goes whole to the general path (`fallback`), which also reports the invalid byte.
 */
import { Caps, capsKind, isAllCaps, oneLetterCaps } from '../caps.ts';
import * as tables from './tables.ts';
import { classTable, contextFits, type FastScheme } from './tables.ts';
import { addLetter, emitWord, word } from './words.ts';

// The tables' constants as this module's own, as in string.ts: an imported binding is read
// through a checked cell on every use.
const { COPY, CYR, LETTER, UNDECIDED } = tables;
const { UPPER, LOWER, SENSITIVE, RULES, LONG, LENGTH, ID_SHIFT, GENERAL } = tables.Meta;

/** The letter of the tables (U+0400–U+04FF) whose two UTF-8 bytes start at `src[j]`, or -1. */
function letterAt8(src: Uint8Array, j: number, end: number): number {
  if (j + 1 >= end) return -1;
  const x = src[j]!;
  if (x < 0xd0 || x > 0xd3) return -1;
  const y = src[j + 1]!;
  if ((y & 0xc0) !== 0x80) return -1;
  const c = ((x & 0x1f) << 6) | (y & 0x3f);
  return classTable[c] === LETTER ? c : -1;
}

/** The unit at `src[j]` (UTF-8): its id, 0 when no letter of the tables starts there (word boundary), -1 for a letter the single pass does not take. */
function unitAt8(fast: FastScheme, src: Uint8Array, j: number, end: number): number {
  const c = letterAt8(src, j, end);
  if (c < 0) return 0;
  const meta = fast.letterMeta[c - CYR]!;
  return meta < 0 ? -1 : meta >> ID_SHIFT;
}

/**
 * The rule that applies to unit `id` at byte `i` of a word, looking ahead on the source:
 * `group * 256 + letters matched`, the unit's own group with 1 letter when no rule applies, or
 * -1 when the lookahead meets a letter with several units. Same order and tests as `matchRule`;
 * `matchAhead16` is the same over a string.
 */
function matchAhead8(fast: FastScheme, id: number, prev: number, src: Uint8Array, i: number, end: number): number {
  const candidates = fast.rules[id]!;
  for (let r = 0; r < candidates.length; r++) {
    const rule = candidates[r]!;
    const m = rule.ids.length;
    let k = 1;
    for (; k < m; k++) {
      const u = unitAt8(fast, src, i + 2 * k, end);
      if (u < 0) return -1;
      if (u !== rule.ids[k]) break;
    }
    if (k < m) continue;
    const next = unitAt8(fast, src, i + 2 * m, end);
    if (next < 0) return -1;
    if (contextFits(rule, prev, next)) return rule.group * 256 + m;
  }
  return id * 256 + 1;
}

/** Collects the units of the word starting at `src[i]` (UTF-8); returns their count, or -1 when a letter sends the line to the general path (sets word.end…). */
function collect8(fast: FastScheme, src: Uint8Array, i: number, end: number): number {
  let n = 0;
  let letters = 0;
  let ups = 0;
  let lows = 0;
  let d = ((src[i]! & 0x1f) << 6) | (src[i + 1]! & 0x3f);
  for (;;) {
    if (fast.letterMeta[d - CYR] === GENERAL) return -1;
    const lc = fast.letterCase[d - CYR]!;
    n = addLetter(fast, d, n);
    ups += lc & 1;
    lows += lc >> 1;
    letters++;
    i += 2;
    d = letterAt8(src, i, end);
    if (d < 0) break;
  }
  word.end = i;
  word.letters = letters;
  word.ups = ups;
  word.lows = lows;
  return n;
}

// ---------------------------------------------------------------------------------------------
// The loop.

/** Set by `nextLongWord8`: whether the word found is all caps. */
let nextAllCaps = false;

/** A growable output byte buffer. */
export class ByteSink {
  buf: Uint8Array;
  pos = 0;
  constructor(capacity: number) {
    this.buf = new Uint8Array(Math.max(capacity, 256));
  }
  /** Makes room for `n` more bytes. */
  reserve(n: number): Uint8Array {
    if (this.pos + n > this.buf.length) {
      const bigger = new Uint8Array(Math.max(Math.ceil(this.buf.length * 1.5), this.pos + n));
      bigger.set(this.buf.subarray(0, this.pos));
      this.buf = bigger;
    }
    return this.buf;
  }
}

/** The general path for one line of UTF-8 bytes (no line break inside): validates, decodes, romanizes, writes. */
export type ByteLineFallback = (src: Uint8Array, start: number, end: number, sink: ByteSink) => void;

/** Upper-case letters of the word `src[from..to)` (UTF-8, single-unit letters). */
function upsIn8(fast: FastScheme, src: Uint8Array, from: number, to: number): number {
  let ups = 0;
  for (let j = from; j < to; j += 2) ups += fast.letterCase[(((src[j]! & 0x1f) << 6) | (src[j + 1]! & 0x3f)) - CYR]! & 1;
  return ups;
}

/**
 * Romanizes UTF-8 `src[start..end)` into `sink`, byte to byte. `end` must be at a line end (or
 * the end of the input): lines the fast path does not model (including invalid UTF-8) go whole
 * to `fallback`.
 */
export function romanizeBytesFast(fast: FastScheme, src: Uint8Array, start: number, end: number, sink: ByteSink, fallback: ByteLineFallback): void {
  const table = classTable;
  const { letterMeta, letterBytes, formStart, formLength, pool, caseMatters, ruleBase, decide, prevClass, nextClass, nextClasses } = fast;
  const slack = fast.slack;
  let out = sink.reserve(end - start + ((end - start) >> 3) + slack);
  let limit = out.length - slack;
  let o = sink.pos;
  let lineStart = start;
  let lineOut = o;
  let lineLower = -1;
  let prevEnd = -1; // end of the last word of two or more letters on this line
  // The next word of two or more letters on this line (-1: none; -2: not looked for yet), kept
  // while it lies ahead, so that a line of many one-letter words is scanned once.
  let nextLong = -2;
  let nextLongCaps = false;
  const distances = new Distances();
  let prevAllCaps = false;
  let i = start;
  while (i < end) {
    if (o > limit) {
      sink.pos = o;
      out = sink.reserve(out.length);
      limit = out.length - slack;
    }
    const b = src[i]!;
    if (b < 0x80) {
      out[o++] = b;
      i++;
      if (b === 10 || b === 13) {
        lineStart = i;
        lineOut = o;
        lineLower = -1;
        prevEnd = -1;
        nextLong = -2;
      }
      continue;
    }
    let unsafe = false;
    if (b >= 0xd0 && b <= 0xd3) {
      // U+0400–U+04FF: two bytes.
      const b1 = i + 1 < end ? src[i + 1]! : 0;
      let c = ((b & 0x1f) << 6) | (b1 & 0x3f);
      if ((b1 & 0xc0) !== 0x80) unsafe = true;
      else if (table[c] === LETTER) {
        const wordStart = i;
        const wordOut = o;
        let bits = 0; // the Meta bits of the letters written, ORed
        let n = -1; // units collected for the buffered path (-1: not collected)
        for (;;) {
          const meta = letterMeta[c - CYR]!;
          // A rule's group * 256 + letters matched, or 0: the letter's own form from one table.
          let r = 0;
          if ((meta & (RULES | LONG)) !== 0) {
            r = -1; // SEVERAL and GENERAL are negative (and have these bits set)
            if (meta >= 0) {
              const id = meta >> ID_SHIFT;
              r = (meta & LONG) !== 0 ? id * 256 + 1 : 0;
              if ((meta & RULES) !== 0) {
                // The previous unit (0 at the start of the word): every letter so far has one.
                const prev = i === wordStart ? 0 : letterMeta[(((src[i - 2]! & 0x1f) << 6) | (src[i - 1]! & 0x3f)) - CYR]! >> ID_SHIFT;
                const next = unitAt8(fast, src, i + 2, end);
                if (next < 0) r = -1;
                else {
                  // Decided in advance for the neighbours' classes, unless a longer rule needs to look further.
                  const d = decide[ruleBase[id]! + prevClass[prev]! * nextClasses + nextClass[next]!]!;
                  if (d !== UNDECIDED) r = d;
                  else {
                    r = matchAhead8(fast, id, prev, src, i, end);
                    if (r === id * 256 + 1 && (meta & LONG) === 0) r = 0;
                  }
                }
              }
            }
            if (r < 0) {
              // A letter with several units, or one the lookahead cannot take: collect the word.
              n = collect8(fast, src, wordStart, end);
              if (n < 0) {
                unsafe = true;
                break;
              }
              if (wordOut + n * fast.maxForm + slack > out.length) {
                sink.pos = o;
                out = sink.reserve(n * fast.maxForm + slack);
                limit = out.length - slack;
              }
              o = emitWord(fast, n, false, out, wordOut);
              i = word.end;
              break;
            }
          }
          if (r === 0) {
            const v = letterBytes[c - CYR]!;
            out[o] = v;
            out[o + 1] = v >> 8;
            out[o + 2] = v >> 16;
            out[o + 3] = v >>> 24;
            o += meta & LENGTH;
            bits |= meta;
            i += 2;
          } else {
            // The matched letters, each in its own case; a long form is copied from the pool.
            let group = r >> 8;
            for (let k = r & 255; k > 0; k--, group++) {
              const mk = letterMeta[(((src[i]! & 0x1f) << 6) | (src[i + 1]! & 0x3f)) - CYR]!;
              let form = group * 3;
              if ((mk & UPPER) !== 0) {
                form += 1;
                if (caseMatters[group] === 1) bits |= SENSITIVE;
              }
              bits |= mk & (UPPER | LOWER);
              const s = formStart[form]!;
              const l = formLength[form]!;
              for (let j = 0; j < l; j++) out[o++] = pool[s + j]!;
              i += 2;
            }
          }
          // The next letter of the word (letterAt8, written out: this is the hot loop).
          if (i + 1 >= end) break;
          const x = src[i]!;
          const y = src[i + 1]!;
          if (x < 0xd0 || x > 0xd3 || (y & 0xc0) !== 0x80) break;
          c = ((x & 0x1f) << 6) | (y & 0x3f);
          if (table[c] !== LETTER) break; // not a letter: the word ends
          if (o > limit) {
            sink.pos = o;
            out = sink.reserve(slack);
            limit = out.length - slack;
          }
        }
        if (!unsafe) {
          if (n < 0 && (bits & LOWER) !== 0 && i - wordStart >= 4) {
            // The common word: two or more letters, some lower case, so not in capitals.
            prevEnd = i;
            prevAllCaps = false;
            continue;
          }
          // Case (docs/rules/case.md): the decision of caps.ts, from what the scan saw.
          const letters = n >= 0 ? word.letters : (i - wordStart) >> 1;
          const lows = n >= 0 ? word.lows : (bits & LOWER) !== 0 ? 1 : 0;
          const ups = n >= 0 ? word.ups : letters === 1 ? ((bits & UPPER) !== 0 ? 1 : 0) : lows === 0 ? upsIn8(fast, src, wordStart, i) : 0;
          const sensitive = n >= 0 ? word.sensitive : bits & SENSITIVE;
          let kind = capsKind(fast.allCaps, letters, ups, lows, letters === 1 && i < end && src[i] === 46);
          if (kind === Caps.Neighbours) {
            // Only when the letter's title and ALL-CAPS forms differ does the nearest long word matter.
            if (sensitive === 0) kind = Caps.No;
            else {
              if (nextLong === -2 || (nextLong >= 0 && nextLong < i)) {
                nextLong = nextLongWord8(fast, src, i, end);
                nextLongCaps = nextAllCaps;
              }
              // Only the order of the two distances matters, so they are counted when both words exist.
              const both = prevEnd >= 0 && nextLong >= 0;
              if (both) distances.measure(src, prevEnd, wordStart, i, nextLong);
              kind = oneLetterCaps(fast.allCaps, both ? distances.before : prevEnd >= 0 ? 0 : -1, prevAllCaps, both ? distances.after : nextLong >= 0 ? 0 : -1, nextLongCaps);
            }
          }
          if (kind === Caps.AskLine) {
            if (lineLower < 0) lineLower = lineHasLower8(fast, src, lineStart, end) ? 1 : 0;
            kind = lineLower === 1 ? Caps.No : Caps.Yes;
          }
          if (kind === Caps.Yes) {
            if (n < 0) n = collect8(fast, src, wordStart, end);
            if (wordOut + n * fast.maxForm + slack > out.length) {
              sink.pos = o;
              out = sink.reserve(n * fast.maxForm + slack);
              limit = out.length - slack;
            }
            o = emitWord(fast, n, true, out, wordOut);
          }
          if (letters >= 2) {
            prevEnd = i;
            prevAllCaps = isAllCaps(ups, lows);
          }
          continue;
        }
      } else if (table[c] === COPY) {
        out[o++] = b;
        out[o++] = b1;
        i += 2;
        continue;
      } else unsafe = true;
    } else if (b >= 0xc2 && b <= 0xdf) {
      const b1 = i + 1 < end ? src[i + 1]! : 0;
      if ((b1 & 0xc0) === 0x80 && table[((b & 0x1f) << 6) | (b1 & 0x3f)] === COPY) {
        out[o++] = b;
        out[o++] = b1;
        i += 2;
        continue;
      }
      unsafe = true;
    } else if (b >= 0xe0 && b <= 0xef && i + 2 < end) {
      const b1 = src[i + 1]!;
      const b2 = src[i + 2]!;
      const c = ((b & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
      // COPY never holds surrogates, and c ≥ 0x800 rules out overlong forms.
      if ((b1 & 0xc0) === 0x80 && (b2 & 0xc0) === 0x80 && c >= 0x800 && table[c] === COPY) {
        out[o++] = b;
        out[o++] = b1;
        out[o++] = b2;
        i += 3;
        continue;
      }
      unsafe = true;
    } else unsafe = true;
    if (unsafe) {
      // The whole line takes the general path (which also reports invalid UTF-8).
      let lineEnd = i;
      while (lineEnd < end && src[lineEnd] !== 10 && src[lineEnd] !== 13) lineEnd++;
      sink.pos = lineOut;
      fallback(src, lineStart, lineEnd, sink);
      out = sink.buf;
      limit = out.length - slack;
      o = sink.pos;
      lineOut = o;
      i = lineEnd;
    }
  }
  sink.pos = o;
}

/**
 * The distances, in UTF-16 code units as the string loop counts them, from a one-letter word to
 * the nearest words of two or more letters before and after it on its line. Kept as running
 * counts, so that a line of many one-letter words is counted once.
 */
class Distances {
  /** From the end of the word before to the start of the one-letter word. */
  before = 0;
  /** From the end of the one-letter word to the start of the word after. */
  after = 0;
  private beforeBase = -1;
  private beforeAt = 0;
  private afterBase = -1;
  private afterAt = 0;

  measure(src: Uint8Array, prevEnd: number, wordStart: number, wordEnd: number, next: number): void {
    if (this.beforeBase !== prevEnd) {
      this.beforeBase = this.beforeAt = prevEnd;
      this.before = 0;
    }
    this.before += units16(src, this.beforeAt, wordStart);
    this.beforeAt = wordStart;
    if (this.afterBase !== next) {
      this.afterBase = next;
      this.after = units16(src, wordEnd, next);
    } else this.after -= units16(src, this.afterAt, wordEnd);
    this.afterAt = wordEnd;
  }
}

/** UTF-16 length of the (BMP-only) UTF-8 bytes `src[from..to)`: every byte that is not a continuation byte. */
function units16(src: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if ((src[i]! & 0xc0) !== 0x80) n++;
  return n;
}

/** The start of the next word of two or more letters after `from` on the same line, or -1 (sets `nextAllCaps`). */
function nextLongWord8(fast: FastScheme, src: Uint8Array, from: number, end: number): number {
  let j = from;
  while (j < end) {
    const b = src[j]!;
    if (b === 10 || b === 13) return -1;
    let c = letterAt8(src, j, end);
    if (c < 0) {
      j++;
      continue;
    }
    const start = j;
    let ups = 0;
    let lows = 0;
    let letters = 0;
    do {
      const lc = fast.letterCase[c - CYR]!;
      ups += lc & 1;
      lows += lc >> 1;
      letters++;
      j += 2;
      c = letterAt8(src, j, end);
    } while (c >= 0);
    if (letters >= 2) {
      nextAllCaps = isAllCaps(ups, lows);
      return start;
    }
  }
  return -1;
}

function lineHasLower8(fast: FastScheme, src: Uint8Array, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const b = src[i]!;
    if (b === 10 || b === 13) return false;
    if (b >= 0xd0 && b <= 0xd3 && i + 1 < end) {
      const c = ((b & 0x1f) << 6) | (src[i + 1]! & 0x3f);
      if ((fast.letterCase[c - CYR]! & 2) !== 0) return true;
      i++;
    }
  }
  return false;
}
