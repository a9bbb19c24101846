/**
 * The fast path, part 3: romanizing a UTF-16 string (`romanize`). The output is written as UTF-8
 * into a reused buffer (the same forms and word writer as `bytes.ts`) and decoded into the result
 * a chunk at a time: one native decode instead of a string built per character, and the memory of
 * a long text stays at the result plus a chunk. Letters are written while the word is scanned; the
 * rare word the single pass cannot handle is collected and written by `emitWord8`. A line with
 * anything the fast path does not model goes, whole, to the general path (`fallback`).
 */
import { Caps, capsKind, isAllCaps, oneLetterCaps } from '../caps.ts';
import { BREAK, classTable, contextFits, COPY, CYR, LETTER, Meta, type FastScheme } from './tables.ts';
import { addLetter, emitWord8, word } from './words.ts';

/** The unit at `text[j]`: its id, 0 when no letter of the tables is there (word boundary), -1 for a letter the single pass does not take. */
function unitAt16(fast: FastScheme, text: string, j: number): number {
  if (j >= text.length) return 0;
  const d = text.charCodeAt(j);
  if (classTable[d] !== LETTER) return 0;
  const meta = fast.letterMeta[d - CYR]!;
  return meta < 0 ? -1 : meta >> Meta.ID_SHIFT;
}

/**
 * The rule that applies to unit `id` at `text[i]`, looking ahead on the source: `group * 256 +
 * letters matched`, the unit's own group with 1 letter when no rule applies, or -1 when the
 * lookahead meets a letter the single pass does not take. Same order and tests as `matchRule`;
 * `matchAhead8` (bytes.ts) is the same over UTF-8.
 */
function matchAhead16(fast: FastScheme, id: number, prev: number, text: string, i: number): number {
  const candidates = fast.rules[id]!;
  for (let r = 0; r < candidates.length; r++) {
    const rule = candidates[r]!;
    const m = rule.ids.length;
    let k = 1;
    for (; k < m; k++) {
      const u = unitAt16(fast, text, i + k);
      if (u < 0) return -1;
      if (u !== rule.ids[k]) break;
    }
    if (k < m) continue;
    const next = unitAt16(fast, text, i + m);
    if (next < 0) return -1;
    if (contextFits(rule, prev, next)) return rule.group * 256 + m;
  }
  return id * 256 + 1;
}

/** Collects the units of the word starting at `text[i]`; returns their count, or -1 when a letter sends the line to the general path (sets word.end…). */
function collect16(fast: FastScheme, text: string, i: number): number {
  const table = classTable;
  let n = 0;
  let letters = 0;
  let ups = 0;
  let lows = 0;
  let d = text.charCodeAt(i);
  for (;;) {
    if (fast.letterMeta[d - CYR] === Meta.GENERAL) return -1;
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
  return n;
}

/** Upper-case letters of `text[from..to)` (a word of single-unit letters). */
function upsIn16(fast: FastScheme, text: string, from: number, to: number): number {
  let ups = 0;
  for (let j = from; j < to; j++) ups += fast.letterCase[text.charCodeAt(j) - CYR]! & 1;
  return ups;
}

// ---------------------------------------------------------------------------------------------
// The loop.

/** The output buffer, reused from call to call (the result is decoded out of it). */
let outBuf: Uint8Array = new Uint8Array(1 << 12);
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
/** Bytes decoded at a time from a long text. */
const CHUNK = 1 << 17;
/** Room kept free in the buffer before a word starts, so that only a very long word makes it grow. */
const ROOM = 1 << 12;

function grow(buf: Uint8Array, o: number, room: number): Uint8Array {
  const bigger = new Uint8Array(Math.max(buf.length * 2, o + room));
  bigger.set(buf.subarray(0, o));
  outBuf = bigger;
  return bigger;
}

/** The general path for one line (no line break inside) with the caller's options, supplied by `romanize.ts`. */
export type LineFallback<O> = (line: string, options: O) => string;

/**
 * Romanizes a string with the fast tables. Lines the fast path does not model go to `fallback`.
 * The output is NFC whenever the fallback's is: every form the loop writes is seam-safe (tables.ts).
 */
export function romanizeStringFast<O>(fast: FastScheme, text: string, fallback: LineFallback<O>, options: O): string {
  const table = classTable;
  const { letterMeta, letterBytes, mayPrev, mayNext, start8, len8, pool8, caseMatters, ruleBase, decide, prevClass, nextClass, nextClasses } = fast;
  const { UPPER, LOWER, SENSITIVE, RULES, LONG, LENGTH, ID_SHIFT } = Meta;
  const total = fast.unitTotal;
  const slack = fast.slack;
  const textLength = text.length;
  // A short text fits whole (3 bytes at most per copied code unit, maxForm8 per letter); a long
  // one is decoded a chunk of lines at a time.
  const want = Math.min(textLength * Math.max(3, fast.maxForm8), CHUNK) + ROOM + slack;
  let buf = outBuf.length >= want ? outBuf : (outBuf = new Uint8Array(want));
  let limit = buf.length - ROOM - slack;
  let o = 0;
  let result = ''; // the decoded output before buf[0]
  let lineStart = 0;
  let lineOut = 0;
  let lineLower = -1;
  let prevEnd = -1; // end of the last word of two or more letters on this line
  // The next word of two or more letters on this line (-1: none; -2: not looked for yet), kept
  // while it lies ahead, so that a line of many one-letter words is scanned once.
  let nextLong = -2;
  let nextLongCaps = false;
  let prevAllCaps = false;
  let i = 0;
  while (i < textLength) {
    if (o > limit) {
      // Decode the finished lines; the current line stays, to be rewound if it turns out unsafe.
      if (lineOut > 0) {
        result += decoder.decode(buf.subarray(0, lineOut));
        buf.copyWithin(0, lineOut, o);
        o -= lineOut;
        lineOut = 0;
      }
      if (o > limit) buf = grow(buf, o, ROOM + slack);
      limit = buf.length - ROOM - slack;
    }
    let c = text.charCodeAt(i);
    const cls = table[c]!;
    if (cls === COPY) {
      if (c < 0x80) buf[o++] = c;
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
      let n = -1; // units collected for the buffered path (-1: not collected)
      let unsafe = false;
      for (;;) {
        const meta = letterMeta[c - CYR]!;
        let r = 0; // a rule's group * 256 + letters matched, or 0: the letter's own form
        if ((meta & (RULES | LONG)) !== 0) {
          r = -1; // SEVERAL and GENERAL are negative (and have these bits set)
          if (meta >= 0) {
            const id = meta >> ID_SHIFT;
            r = (meta & LONG) !== 0 ? id * 256 + 1 : 0;
            if ((meta & RULES) !== 0) {
              // The previous unit (0 at the start of the word): every letter so far has one.
              const prev = i === wordStart ? 0 : letterMeta[text.charCodeAt(i - 1) - CYR]! >> ID_SHIFT;
              const base = ruleBase[id]!;
              if (base >= 0) {
                // One-letter rules: decided in advance for the neighbours' classes.
                const next = unitAt16(fast, text, i + 1);
                r = next < 0 ? -1 : decide[base + prevClass[prev]! * nextClasses + nextClass[next]!]!;
              } else if (mayPrev[id * total + prev] === 1) {
                const next = unitAt16(fast, text, i + 1);
                if (next < 0 || mayNext[id * total + next] === 1) {
                  r = matchAhead16(fast, id, prev, text, i);
                  if (r === id * 256 + 1 && (meta & LONG) === 0) r = 0;
                }
              }
            }
          }
          if (r < 0) {
            // A letter with several units, or one the lookahead cannot take: collect the word.
            n = collect16(fast, text, wordStart);
            if (n < 0) {
              unsafe = true;
              break;
            }
            if (wordOut + n * fast.maxForm8 + slack > buf.length) buf = grow(buf, wordOut, n * fast.maxForm8 + ROOM + slack);
            limit = buf.length - ROOM - slack;
            o = emitWord8(fast, n, false, buf, wordOut);
            i = word.end;
            break;
          }
        }
        if (r === 0) {
          // The letter's own form, from one table.
          const v = letterBytes[c - CYR]!;
          buf[o] = v;
          buf[o + 1] = v >> 8;
          buf[o + 2] = v >> 16;
          buf[o + 3] = v >>> 24;
          o += meta & LENGTH;
          bits |= meta;
          i++;
        } else {
          // The matched letters, each in its own case; a long form is copied from the pool.
          let group = r >> 8;
          for (let k = r & 255; k > 0; k--, group++) {
            const mk = letterMeta[text.charCodeAt(i) - CYR]!;
            let form = group * 3;
            if ((mk & UPPER) !== 0) {
              form += 1;
              if (caseMatters[group] === 1) bits |= SENSITIVE;
            }
            bits |= mk & (UPPER | LOWER);
            const s = start8[form]!;
            const l = len8[form]!;
            for (let j = 0; j < l; j++) buf[o++] = pool8[s + j]!;
            i++;
          }
        }
        if (i >= textLength) break;
        c = text.charCodeAt(i);
        if (table[c] !== LETTER) break;
        if (o > limit + ROOM) {
          // A word longer than the room kept: the buffer grows (a flush waits for the line's end).
          buf = grow(buf, o, ROOM + slack);
          limit = buf.length - ROOM - slack;
        }
      }
      if (!unsafe) {
        if (n < 0 && (bits & LOWER) !== 0 && i - wordStart >= 2) {
          // The common word: two or more letters, some lower case, so not in capitals.
          prevEnd = i;
          prevAllCaps = false;
          continue;
        }
        // Case (docs/rules/case.md): the decision of caps.ts, from what the scan saw.
        const letters = n >= 0 ? word.letters : i - wordStart;
        const lows = n >= 0 ? word.lows : (bits & LOWER) !== 0 ? 1 : 0;
        const ups = n >= 0 ? word.ups : letters === 1 ? ((bits & UPPER) !== 0 ? 1 : 0) : lows === 0 ? upsIn16(fast, text, wordStart, i) : 0;
        const sensitive = n >= 0 ? word.sensitive : bits & SENSITIVE;
        let kind = capsKind(fast.allCaps, letters, ups, lows, letters === 1 && i < textLength && text.charCodeAt(i) === 46);
        if (kind === Caps.Neighbours) {
          // Only when the letter's title and ALL-CAPS forms differ does the nearest long word matter.
          if (sensitive === 0) kind = Caps.No;
          else {
            if (nextLong === -2 || (nextLong >= 0 && nextLong < i)) {
              nextLong = nextLongWord16(fast, text, i);
              nextLongCaps = nextAllCaps;
            }
            kind = oneLetterCaps(fast.allCaps, prevEnd >= 0 ? wordStart - prevEnd : -1, prevAllCaps, nextLong >= 0 ? nextLong - i : -1, nextLongCaps);
          }
        }
        if (kind === Caps.AskLine) {
          if (lineLower < 0) lineLower = lineHasLower16(fast, text, lineStart) ? 1 : 0;
          kind = lineLower === 1 ? Caps.No : Caps.Yes;
        }
        if (kind === Caps.Yes) {
          if (n < 0) n = collect16(fast, text, wordStart);
          if (wordOut + n * fast.maxForm8 + slack > buf.length) buf = grow(buf, wordOut, n * fast.maxForm8 + ROOM + slack);
          limit = buf.length - ROOM - slack;
          o = emitWord8(fast, n, true, buf, wordOut);
        }
        if (letters >= 2) {
          prevEnd = i;
          prevAllCaps = isAllCaps(ups, lows);
        }
        continue;
      }
    } else if (cls === BREAK) {
      buf[o++] = c;
      i++;
      lineStart = i;
      lineOut = o;
      lineLower = -1;
      prevEnd = -1;
      nextLong = -2;
      continue;
    }
    // UNSAFE: the whole line takes the general path; its result joins the decoded output as is.
    let lineEnd = i;
    while (lineEnd < textLength && table[text.charCodeAt(lineEnd)] !== BREAK) lineEnd++;
    if (lineOut > 0) result += decoder.decode(buf.subarray(0, lineOut));
    result += fallback(text.slice(lineStart, lineEnd), options);
    o = 0;
    lineOut = 0;
    i = lineEnd;
  }
  return o === 0 ? result : result + decoder.decode(buf.subarray(0, o));
}

/** Set by `nextLongWord16`: whether the word found is all caps. */
let nextAllCaps = false;

/** The start of the next word of two or more letters after `from` on the same line, or -1. */
function nextLongWord16(fast: FastScheme, text: string, from: number): number {
  const table = classTable;
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
      nextAllCaps = isAllCaps(ups, lows);
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
