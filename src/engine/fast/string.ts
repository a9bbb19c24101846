/**
 * The fast path, part 3: romanizing a UTF-16 string (`romanize`). Letters are written by the
 * single-pass writer while the word is scanned; the rare word it cannot handle is collected and
 * written by `emitWord16`. A line with anything the fast path does not model goes, whole, to the
 * general path (`fallback`). `bytes.ts` is the same loop over UTF-8.
 */
import { Caps, capsKind, isAllCaps, oneLetterCaps } from '../caps.ts';
import { BREAK, classTable, COPY, CYR, LETTER, type FastScheme } from './tables.ts';
import { addLetter, contextFits, matchRule, word } from './words.ts';

// ---------------------------------------------------------------------------------------------
// Words.

/**
 * Writes the collected word (`word.units[0..n)`) as UTF-16 code units to `out` at `o`; returns
 * the new end. Case (docs/rules/case.md): lower-case units take the lower form, upper-case ones
 * the ALL-CAPS form when `caps`, else the title form. `emitWord8` (bytes.ts) is the same over
 * UTF-8: two copies keep each loop monomorphic.
 */
function emitWord16(fast: FastScheme, n: number, caps: boolean, out: number[], o: number): number {
  const { start16: start, len16: len, pool16: pool, caseMatters } = fast;
  const upperVariant = caps ? 2 : 1;
  const groupNfc = fast.groupNfc;
  let sensitive = 0;
  let nfc = 0;
  let i = 0;
  const rules = fast.rules;
  const { units, upper } = word;
  while (i < n) {
    // Most units start no rule: their own table forms, without a call.
    const m = rules[units[i]!] === undefined ? units[i]! * 256 + 1 : matchRule(fast, i, n);
    let group = m >> 8;
    const end = i + (m & 255);
    for (; i < end; i++, group++) {
      nfc |= groupNfc[group]!;
      let form = group * 3;
      if (upper[i] === 1) {
        form += upperVariant;
        sensitive |= caseMatters[group]!;
      } else if (upper[i] === 2) {
        if (caps) form += 2;
        sensitive = 1;
      }
      const s = start[form]!;
      const l = len[form]!;
      if (l === 1) out[o++] = pool[s]!;
      else for (let j = 0; j < l; j++) out[o++] = pool[s + j]!;
    }
  }
  word.sensitive = sensitive;
  word.nfc = nfc;
  return o;
}

/** `unitAt8` over a string. */
function unitAt16(fast: FastScheme, text: string, j: number): number {
  if (j >= text.length) return 0;
  const d = text.charCodeAt(j);
  if (classTable[d] !== LETTER) return 0;
  const info = fast.letterInfo[d - CYR]!;
  return info < 0 ? -1 : info >> 2;
}

/** `matchAhead8` over a string. */
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

/** `singlePass8` over a string. */
function singlePass16(fast: FastScheme, text: string, i: number, out: number[], o: number): number {
  const table = classTable;
  const { letterInfo, hasRules, start16, len16, pool16, caseMatters, groupNfc, mayPrev, mayNext } = fast;
  const total = fast.unitTotal;
  const limit = out.length - fast.maxForm8 * 16 - 64;
  const textLength = text.length;
  let prev = 0;
  let skip = 0;
  let ups = 0;
  let lows = 0;
  let letters = 0;
  let sensitive = 0;
  let nfc = 0;
  let c = text.charCodeAt(i);
  for (;;) {
    const info = letterInfo[c - CYR]!;
    if (info < 0 || o > limit) return -1;
    const id = info >> 2;
    ups += info & 1;
    lows += (info >> 1) & 1;
    letters++;
    if (skip > 0) skip--;
    else {
      let group = id;
      let m = 1;
      if (hasRules[id] === 1 && mayPrev[id * total + prev] === 1) {
        const next = unitAt16(fast, text, i + 1);
        if (next < 0 || mayNext[id * total + next] === 1) {
          const r = matchAhead16(fast, id, prev, text, i);
          if (r < 0) return -1;
          group = r >> 8;
          m = r & 255;
          skip = m - 1;
        }
      }
      for (let k = 0; k < m; k++, group++) {
        const up = k === 0 ? info & 1 : letterInfo[text.charCodeAt(i + k) - CYR]! & 1;
        nfc |= groupNfc[group]!;
        let form = group * 3;
        if (up === 1) {
          form += 1;
          sensitive |= caseMatters[group]!;
        }
        const s = start16[form]!;
        const l = len16[form]!;
        if (l === 1) out[o++] = pool16[s]!;
        else for (let j = 0; j < l; j++) out[o++] = pool16[s + j]!;
      }
    }
    prev = id;
    i++;
    if (i >= textLength) break;
    c = text.charCodeAt(i);
    if (table[c] !== LETTER) break;
  }
  word.end = i;
  word.letters = letters;
  word.ups = ups;
  word.lows = lows;
  word.sensitive = sensitive;
  word.nfc = nfc;
  return o;
}

/** `collect8` over a string. */
function collect16(fast: FastScheme, text: string, i: number): number {
  const table = classTable;
  let n = 0;
  let letters = 0;
  let ups = 0;
  let lows = 0;
  let d = text.charCodeAt(i);
  for (;;) {
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

// ---------------------------------------------------------------------------------------------
// The loop.

// A plain array of small integers, not a Uint16Array: String.fromCharCode.apply takes V8's fast
// path for packed arrays, about twice as fast as for typed arrays on short outputs.
let out16: number[] = zeros(1 << 12);

function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}

function grow16(out: number[], o: number): number[] {
  const bigger = zeros(out.length * 2);
  for (let k = 0; k < o; k++) bigger[k] = out[k]!;
  return bigger;
}
let stringMayNeedNfc = false;

/**
 * Whether the last `romanizeStringFast` output may need NFC as the general path applies it: a
 * form with combining marks (or other characters NFC may change) was written, or a line went to
 * the general path.
 */
export function lastOutputMayNeedNfc(): boolean {
  return stringMayNeedNfc;
}

/** The general path for one line (no line break inside) with the caller's options, supplied by `romanize.ts`. */
export type LineFallback<O> = (line: string, options: O) => string;

/**
 * Romanizes a string with the fast tables. Lines the fast path does not model go to `fallback`.
 */
export function romanizeStringFast<O>(fast: FastScheme, text: string, fallback: LineFallback<O>, options: O): string {
  const table = classTable;
  const textLength = text.length;
  const maxForm = fast.maxForm8; // UTF-16 length ≤ UTF-8 length
  const want = Math.min(textLength * 2 + 64, 1 << 20);
  if (out16.length < want) out16 = zeros(want);
  let out = out16;
  let o = 0;
  const pieces: string[] = [];
  let mayNeedNfc = 0;
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
    if (o + 64 > out.length) {
      // Flush whole lines only: keep the current line's output to be able to rewind it.
      pieces.push(decode16(out, lineOut));
      out.copyWithin(0, lineOut, o);
      o -= lineOut;
      lineOut = 0;
      if (o + 64 > out.length) out = out16 = grow16(out, o);
    }
    const c = text.charCodeAt(i);
    const cls = table[c]!;
    if (cls === COPY) {
      out[o++] = c;
      i++;
      continue;
    }
    if (cls === LETTER) {
      const wordStart = i;
      const wordOut = o;
      let n = -1; // units collected (for the buffered path), -1 = not yet
      const written = singlePass16(fast, text, i, out, o);
      if (written >= 0) o = written;
      else {
        n = collect16(fast, text, i);
        while (o + n * maxForm + 64 > out.length) out = out16 = grow16(out, o);
        o = emitWord16(fast, n, false, out, o);
      }
      i = word.end;
      const letters = word.letters;
      const ups = word.ups;
      const lows = word.lows;
      let kind = capsKind(fast.allCaps, letters, ups, lows, i < textLength && text.charCodeAt(i) === 46);
      if (kind === Caps.Neighbours) {
        // Only when the letter's title and ALL-CAPS forms differ does the nearest long word matter.
        if (word.sensitive === 0) kind = Caps.No;
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
        while (wordOut + n * maxForm + 64 > out.length) out = out16 = grow16(out, o);
        o = emitWord16(fast, n, true, out, wordOut);
      }
      mayNeedNfc |= word.nfc;
      if (letters >= 2) {
        prevEnd = i;
        prevAllCaps = isAllCaps(ups, lows);
      }
      continue;
    } else if (cls === BREAK) {
      out[o++] = c;
      i++;
      lineStart = i;
      lineOut = o;
      lineLower = -1;
      prevEnd = -1;
      nextLong = -2;
      continue;
    }
    // UNSAFE: the whole line takes the general path.
    let lineEnd = i;
    while (lineEnd < textLength && table[text.charCodeAt(lineEnd)] !== BREAK) lineEnd++;
    pieces.push(decode16(out, lineOut));
    pieces.push(fallback(text.slice(lineStart, lineEnd), options));
    mayNeedNfc = 1;
    o = 0;
    lineOut = 0;
    i = lineEnd;
  }
  stringMayNeedNfc = mayNeedNfc === 1;
  if (pieces.length === 0) return decode16(out, o);
  pieces.push(decode16(out, o));
  return pieces.join('');
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

const CHUNK = 8192;

function decode16(a: number[], n: number): string {
  if (n <= CHUNK) return String.fromCharCode.apply(null, a.slice(0, n));
  const parts: string[] = [];
  for (let i = 0; i < n; i += CHUNK) parts.push(String.fromCharCode.apply(null, a.slice(i, Math.min(n, i + CHUNK))));
  return parts.join('');
}
