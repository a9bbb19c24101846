/**
 * The engine's fast path. It produces exactly what the general path in `romanize.ts` produces
 * (a property test runs both on random text for every scheme and option), but works on compiled
 * integer tables instead of strings and objects:
 *
 * - every character is classified by one lookup in a 64 K table (copy / letter of the tables /
 *   line break / "unsafe"); letters of U+0400–U+04FF index a 256-entry letter table;
 * - a word's letters are collected into a reused Int32Array of unit ids (after pre-1918
 *   modernisation and option substitutions), then written out in one pass: at each unit the
 *   rules starting with it are tried by looking at the neighbouring units (no backtracking);
 * - every output form is pre-encoded (UTF-16 code units for strings, UTF-8 bytes for Buffers) and
 *   copied into a preallocated output array; no string is built per character and no regular
 *   expression runs in the loop.
 *
 * The fast path covers the common case. A line with anything it does not model is handed, whole,
 * to the general path: combining marks and characters NFC could change (normalisation, stress
 * marks), invisible characters (soft hyphen, ZWSP…), Cyrillic letters outside U+0400–U+04FF,
 * astral characters, invalid UTF-8, and a one-letter capital word whose case depends on its
 * neighbours (spec §0.2). Every rule of the engine is line-local (case decisions look at the line,
 * words never span a line break), so romanizing a line on its own gives the same result.
 */
import type { CompiledScheme } from './compile.ts';

/** Character classes of the 64 K table. */
const UNSAFE = 0;
const COPY = 1;
const LETTER = 2;
const BREAK = 3;

const CYR = 0x400;

let classTable: Uint8Array | undefined;

/**
 * The class of every BMP code unit. COPY means: not a letter of the Cyrillic script, unchanged by
 * NFC on its own and never composing with a neighbour, not touched by input normalisation
 * (spec §1.1). Only a few blocks that occur in Russian text are classified; everything else is
 * UNSAFE and sends its line to the general path.
 */
function classes(): Uint8Array {
  if (classTable !== undefined) return classTable;
  const table = new Uint8Array(0x10000);
  const mark = /\p{M}/u;
  const cyrillicLetter = /\p{Script=Cyrillic}/u;
  const letter = /\p{L}/u;
  const ranges: [number, number][] = [
    [0x0000, 0x02ff], // ASCII, Latin-1, Latin Extended, IPA, spacing modifiers
    [0x0370, 0x052f], // Greek, Cyrillic, Cyrillic Supplement
    [0x2000, 0x206f], // General Punctuation
    [0x20a0, 0x20cf], // currency
    [0x2100, 0x22ff], // letterlike, number forms, arrows, mathematical operators
  ];
  for (const [from, to] of ranges) {
    for (let c = from; c <= to; c++) {
      const ch = String.fromCharCode(c);
      if (mark.test(ch) || ch.normalize('NFC') !== ch) continue;
      if (cyrillicLetter.test(ch) && letter.test(ch)) table[c] = c < 0x500 ? LETTER : UNSAFE;
      else table[c] = COPY;
    }
  }
  // Changed by input normalisation (spec §1.1, §0.6): precomposed letters with a grave (stress
  // mark), the soft hyphen and zero-width characters.
  for (const c of [0x400, 0x450, 0x40d, 0x45d, 0xad, 0x200b, 0x200c, 0x200d]) table[c] = UNSAFE;
  table[10] = BREAK;
  table[13] = BREAK;
  classTable = table;
  return table;
}

/** One context rule over unit ids. Context arrays are indexed by unit id; index 0 is the word boundary. */
interface FastRule {
  readonly ids: Int32Array;
  readonly after: Uint8Array | undefined;
  readonly before: Uint8Array | undefined;
  readonly notAfter: Uint8Array | undefined;
  readonly notBefore: Uint8Array | undefined;
  /** Form group of the rule's first output; the k-th matched letter uses group `group + k`. */
  readonly group: number;
}

/** The compiled tables of the fast path for one compiled scheme. */
export interface FastScheme {
  /** Per letter U+0400–U+04FF: bit 1 = upper case, bit 2 = lower case (counts for §1.4.4). */
  readonly letterCase: Uint8Array;
  /** Per letter: its units (ids) in `unitSeq`, from `unitStart`, `unitCount` of them. */
  readonly unitStart: Uint16Array;
  readonly unitCount: Uint8Array;
  readonly unitSeq: Int32Array;
  /** Per code point U+0400–U+04FF: `unit id * 4 + letterCase` for a letter with exactly one unit, -1 for a letter with several, -2 for a non-letter (the single-pass writer's table). */
  readonly letterInfo: Int32Array;
  /** Per unit id: 1 when some rule starts with it. */
  readonly hasRules: Uint8Array;
  /** Number of unit ids (0 = the word boundary). */
  readonly unitTotal: number;
  /**
   * Quick filters in front of the rules: `mayPrev[id * unitTotal + prev]` is 1 when some rule
   * starting with unit `id` can apply after unit `prev`; `mayNext[id * unitTotal + next]` when
   * one can apply with `next` as the following unit.
   */
  readonly mayPrev: Uint8Array;
  readonly mayNext: Uint8Array;
  /** Rules by the unit id they start with. */
  readonly rules: readonly (readonly FastRule[] | undefined)[];
  /**
   * Output forms in groups of three (lower, title, upper); group `id` is unit `id`'s table value,
   * rule outputs follow. Form `f` is `pool16[start16[f] .. +len16[f]]` and `pool8[start8[f] .. +len8[f]]`.
   */
  readonly start16: Int32Array;
  readonly len16: Int32Array;
  readonly pool16: Uint16Array;
  readonly start8: Int32Array;
  readonly len8: Int32Array;
  readonly pool8: Uint8Array;
  /** Per form group: whether the title and the all-caps forms differ. */
  readonly caseMatters: Uint8Array;
  /** Largest UTF-8 length of one form. */
  readonly maxForm8: number;
  /** Whether some form has characters outside COPY/LETTER (e.g. combining marks): the output is then NFC-checked like the general path's. */
  readonly needsNfc: boolean;
  /** Per form group: whether one of its forms has such characters. */
  readonly groupNfc: Uint8Array;
  /** Whether a letter of the modern alphabet (U+0410–U+044F, ё) has such a form: the byte path then goes through strings. */
  readonly nfcCommon: boolean;
  readonly allCaps: 'upper' | 'acronym' | 'auto';
}

const fastCache = new WeakMap<CompiledScheme, FastScheme>();
let lastCompiled: CompiledScheme | undefined;
let lastFast: FastScheme | undefined;

/** The fast tables of a compiled scheme (built once). */
export function getFastScheme(compiled: CompiledScheme): FastScheme {
  // One-entry memo in front of the WeakMap: callers usually repeat the same scheme.
  if (compiled === lastCompiled) return lastFast!;
  let fast = fastCache.get(compiled);
  if (fast === undefined) {
    fast = buildFastScheme(compiled);
    fastCache.set(compiled, fast);
  }
  lastCompiled = compiled;
  lastFast = fast;
  return fast;
}

function buildFastScheme(compiled: CompiledScheme): FastScheme {
  const table = classes();
  const ids = new Map<string, number>();
  const unitLetters: string[] = ['']; // id 0 = the boundary
  const idOf = (letter: string): number => {
    let id = ids.get(letter);
    if (id === undefined) {
      id = unitLetters.length;
      ids.set(letter, id);
      unitLetters.push(letter);
    }
    return id;
  };
  const letterCase = new Uint8Array(256);
  const unitStart = new Uint16Array(256);
  const unitCount = new Uint8Array(256);
  const seq: number[] = [];
  for (let c = CYR; c < CYR + 256; c++) {
    if (table[c] !== LETTER) continue;
    // The same decisions as the general path's `splitWords`.
    const ch = String.fromCharCode(c);
    const lower = ch.toLowerCase();
    const isUpper = ch !== lower;
    letterCase[c - CYR] = isUpper ? 1 : ch !== ch.toUpperCase() ? 2 : 0;
    const replacement = compiled.substitute.get(lower);
    const letters = replacement === undefined ? [lower] : [...replacement];
    unitStart[c - CYR] = seq.length;
    unitCount[c - CYR] = letters.length;
    for (const l of letters) seq.push(idOf(l));
  }
  // Rule letters and context letters that never occur as units get ids too (they simply never match).
  for (const list of compiled.rules.values()) for (const rule of list) for (const l of rule.letters) idOf(l);
  const unitTotal = unitLetters.length;

  const forms: string[] = [];
  for (let id = 0; id < unitTotal; id++) {
    const letter = unitLetters[id]!;
    const f = compiled.letters.get(letter);
    // A letter the scheme does not map is copied as written (see `romanizeWord`).
    if (f === undefined) forms.push(letter, letter.toUpperCase(), letter.toUpperCase());
    else forms.push(f.lower, f.title, f.upper);
  }
  const contextArray = (set: ReadonlySet<string> | undefined, boundary: string): Uint8Array | undefined => {
    if (set === undefined) return undefined;
    const a = new Uint8Array(unitTotal);
    if (set.has(boundary)) a[0] = 1;
    for (let id = 1; id < unitTotal; id++) if (set.has(unitLetters[id]!)) a[id] = 1;
    return a;
  };
  const rules: (FastRule[] | undefined)[] = new Array<FastRule[] | undefined>(unitTotal).fill(undefined);
  for (const [first, list] of compiled.rules) {
    const id = ids.get(first)!;
    rules[id] = list.map((rule) => {
      const group = forms.length / 3;
      rule.letters.forEach((_, k) => forms.push(rule.lower[k]!, rule.title[k]!, rule.upper[k]!));
      return {
        ids: Int32Array.from(rule.letters, (l) => ids.get(l)!),
        after: contextArray(rule.after, '^'),
        before: contextArray(rule.before, '$'),
        notAfter: contextArray(rule.notAfter, '^'),
        notBefore: contextArray(rule.notBefore, '$'),
        group,
      };
    });
  }

  const encoder = new TextEncoder();
  const start16 = new Int32Array(forms.length);
  const len16 = new Int32Array(forms.length);
  const start8 = new Int32Array(forms.length);
  const len8 = new Int32Array(forms.length);
  const bytes = forms.map((f) => encoder.encode(f));
  const pool16 = new Uint16Array(forms.reduce((n, f) => n + f.length, 0));
  const pool8 = new Uint8Array(bytes.reduce((n, b) => n + b.length, 0));
  let p16 = 0;
  let p8 = 0;
  let needsNfc = false;
  let maxForm8 = 0;
  forms.forEach((f, i) => {
    start16[i] = p16;
    len16[i] = f.length;
    for (let k = 0; k < f.length; k++) {
      const c = f.charCodeAt(k);
      pool16[p16++] = c;
      if (table[c] !== COPY && table[c] !== LETTER) needsNfc = true;
    }
    start8[i] = p8;
    len8[i] = bytes[i]!.length;
    pool8.set(bytes[i]!, p8);
    p8 += bytes[i]!.length;
    maxForm8 = Math.max(maxForm8, bytes[i]!.length);
  });
  const groupNfc = new Uint8Array(forms.length / 3);
  forms.forEach((f, i) => {
    for (let k = 0; k < f.length; k++) {
      const c = f.charCodeAt(k);
      if (table[c] !== COPY && table[c] !== LETTER) groupNfc[Math.floor(i / 3)] = 1;
    }
  });
  // Rule outputs count as the letter's own: a rule can write them for any of its letters.
  let nfcCommon = false;
  for (let c = 0x401; c < 0x452; c++) {
    if (table[c] !== LETTER || (c > 0x401 && c < 0x410) || (c > 0x44f && c < 0x451)) continue;
    const i = c - CYR;
    for (let k = 0; k < unitCount[i]!; k++) {
      const id = seq[unitStart[i]! + k]!;
      if (groupNfc[id] === 1) nfcCommon = true;
      for (const rule of rules[id] ?? []) for (let j = 0; j < rule.ids.length; j++) if (groupNfc[rule.group + j] === 1) nfcCommon = true;
    }
  }
  const caseMatters = new Uint8Array(forms.length / 3);
  for (let g = 0; g < caseMatters.length; g++) caseMatters[g] = forms[g * 3 + 1] === forms[g * 3 + 2] ? 0 : 1;
  const singleUnit = new Int32Array(256).fill(-1);
  for (let i = 0; i < 256; i++) if (unitCount[i] === 1) singleUnit[i] = seq[unitStart[i]!]!;
  const letterInfo = new Int32Array(256).fill(-1);
  for (let i = 0; i < 256; i++) {
    if (table[CYR + i] !== LETTER) letterInfo[i] = -2;
    else if (singleUnit[i]! >= 0) letterInfo[i] = singleUnit[i]! * 4 + letterCase[i]!;
  }
  const hasRules = Uint8Array.from(rules, (r) => (r === undefined ? 0 : 1));
  const mayPrev = new Uint8Array(unitTotal * unitTotal);
  const mayNext = new Uint8Array(unitTotal * unitTotal);
  rules.forEach((list, id) => {
    for (const rule of list ?? []) {
      for (let u = 0; u < unitTotal; u++) {
        // Only `after`/`notAfter` constrain the previous unit; the following unit is the rule's
        // second letter, or for one-letter rules the `before` context (`notBefore` is not used
        // as a filter, to keep the filter exact-or-permissive).
        if ((rule.after === undefined || rule.after[u] === 1) && (rule.notAfter === undefined || rule.notAfter[u] === 0)) mayPrev[id * unitTotal + u] = 1;
        const nextOk = rule.ids.length >= 2 ? rule.ids[1] === u : rule.before === undefined || rule.before[u] === 1;
        if (nextOk) mayNext[id * unitTotal + u] = 1;
      }
    }
  });
  return {
    letterCase,
    unitStart,
    unitCount,
    unitSeq: Int32Array.from(seq),
    letterInfo,
    hasRules,
    unitTotal,
    mayPrev,
    mayNext,
    rules,
    start16,
    len16,
    pool16,
    start8,
    len8,
    pool8,
    caseMatters,
    maxForm8: Math.max(maxForm8, 4),
    needsNfc,
    groupNfc,
    nfcCommon,
    allCaps: compiled.allCaps,
  };
}

// ---------------------------------------------------------------------------------------------
// Words: collected into reused arrays, written out by `emitWord`.

let units = new Int32Array(256);
let upper = new Uint8Array(256);

function growWord(): void {
  const u = new Int32Array(units.length * 2);
  u.set(units);
  units = u;
  const f = new Uint8Array(upper.length * 2);
  f.set(upper);
  upper = f;
}

/** Adds the units of letter `c` (U+0400–U+04FF) to the word; returns the new unit count. */
function addLetter(fast: FastScheme, c: number, n: number): number {
  const i = c - CYR;
  const count = fast.unitCount[i]!;
  const start = fast.unitStart[i]!;
  const up = fast.letterCase[i]! & 1;
  while (n + count > units.length) growWord();
  for (let k = 0; k < count; k++) {
    units[n] = fast.unitSeq[start + k]!;
    // 2 = a later letter of an expanded old letter (ѿ → от): upper case only in all-caps words.
    upper[n++] = k === 0 ? up : up << 1;
  }
  return n;
}

/** Set by `emitWord16`/`emitWord8`: whether some upper-case unit has a title form different from its all-caps form. */
let caseSensitive = 0;
/** Set by `emitWord16`/`emitWord8`: whether a form with characters NFC may change was written. */
let nfcEmitted = 0;

/**
 * The rule that applies at unit `i` of the word `units[0..n)`: the first of the rules starting
 * with that unit (longest first, then in scheme order) whose letters follow and whose context
 * (the neighbouring units, 0 = word boundary) fits. Returns `group * 256 + letters matched`, or
 * the unit's own table group with 1 letter when no rule applies.
 */
function matchRule(fast: FastScheme, i: number, n: number): number {
  const id = units[i]!;
  const candidates = fast.rules[id];
  if (candidates === undefined) return id * 256 + 1;
  for (let r = 0; r < candidates.length; r++) {
    const rule = candidates[r]!;
    const m = rule.ids.length;
    if (i + m > n) continue;
    let k = 1;
    while (k < m && units[i + k] === rule.ids[k]) k++;
    if (k < m) continue;
    const prev = i === 0 ? 0 : units[i - 1]!;
    const next = i + m === n ? 0 : units[i + m]!;
    if (rule.after !== undefined && rule.after[prev] === 0) continue;
    if (rule.before !== undefined && rule.before[next] === 0) continue;
    if (rule.notAfter !== undefined && rule.notAfter[prev] === 1) continue;
    if (rule.notBefore !== undefined && rule.notBefore[next] === 1) continue;
    return rule.group * 256 + m;
  }
  return id * 256 + 1;
}

/**
 * Writes the word in `units[0..n)` as UTF-16 code units to `out` at `o`; returns the new end.
 * Case (spec §1.4): lower-case units take the lower form, upper-case ones the all-caps form when
 * `caps`, else the title form. `emitWord8` is the same over UTF-8 (two copies keep each loop
 * monomorphic).
 */
function emitWord16(fast: FastScheme, n: number, caps: boolean, out: number[], o: number): number {
  const { start16: start, len16: len, pool16: pool, caseMatters } = fast;
  const upperVariant = caps ? 2 : 1;
  const groupNfc = fast.groupNfc;
  let sensitive = 0;
  let nfc = 0;
  let i = 0;
  const rules = fast.rules;
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
  caseSensitive = sensitive;
  nfcEmitted = nfc;
  return o;
}

/** `emitWord16` writing UTF-8. */
function emitWord8(fast: FastScheme, n: number, caps: boolean, out: Uint8Array, o: number): number {
  const { start8: start, len8: len, pool8: pool, caseMatters } = fast;
  const upperVariant = caps ? 2 : 1;
  const groupNfc = fast.groupNfc;
  let sensitive = 0;
  let nfc = 0;
  let i = 0;
  const rules = fast.rules;
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
  caseSensitive = sensitive;
  nfcEmitted = nfc;
  return o;
}

/**
 * How a word's all-caps decision (spec §1.4.3–4, §0.2, §0.3) is made: No / Yes; AskLine = an
 * all-caps word under `allCaps: 'auto'` (depends on whether its line has a lower-case letter);
 * Neighbours = a capital one-letter word not followed by a full stop, which follows the nearest
 * longer word and is left to the general path when its case forms differ.
 */
const Caps = { No: 0, Yes: 1, AskLine: 2, Neighbours: 3 } as const;

function capsKind(fast: FastScheme, letters: number, ups: number, lows: number, nextIsStop: boolean): number {
  if (letters >= 2) {
    if (ups < 2 || lows > 0 || fast.allCaps === 'acronym') return Caps.No;
    return fast.allCaps === 'upper' ? Caps.Yes : Caps.AskLine;
  }
  if (ups === 0 || nextIsStop) return Caps.No;
  return Caps.Neighbours;
}

// ---------------------------------------------------------------------------------------------
// The single-pass writer: the common word (every letter has one unit) is written while it is
// scanned, with the forms for `caps = false`; a rule is matched by looking ahead on the source.
// The rare cases (a letter with several units, an all-caps word, too little room) return -1 or
// are redone by the caller with the buffered path (`collect*` + `emitWord*`).

/** Set by the word scanners: end of the word in the source, its letter count and upper/lower-case letter counts. */
let wEnd = 0;
let wLetters = 0;
let wUps = 0;
let wLows = 0;

/** The unit at `src[j]` (UTF-8): its id, 0 when no letter of the tables starts there (word boundary), -1 for a letter with several units. */
function unitAt8(fast: FastScheme, src: Uint8Array, j: number, end: number): number {
  if (j + 1 >= end) return 0;
  const x = src[j]!;
  if (x < 0xd0 || x > 0xd3) return 0;
  const y = src[j + 1]!;
  if ((y & 0xc0) !== 0x80) return 0;
  const d = ((x & 0x1f) << 6) | (y & 0x3f);
  if (classTable![d] !== LETTER) return 0;
  const info = fast.letterInfo[d - CYR]!;
  return info < 0 ? -1 : info >> 2;
}

/** `unitAt8` over a string. */
function unitAt16(fast: FastScheme, text: string, j: number): number {
  if (j >= text.length) return 0;
  const d = text.charCodeAt(j);
  if (classTable![d] !== LETTER) return 0;
  const info = fast.letterInfo[d - CYR]!;
  return info < 0 ? -1 : info >> 2;
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
    if (rule.after !== undefined && rule.after[prev] === 0) continue;
    if (rule.before !== undefined && rule.before[next] === 0) continue;
    if (rule.notAfter !== undefined && rule.notAfter[prev] === 1) continue;
    if (rule.notBefore !== undefined && rule.notBefore[next] === 1) continue;
    return rule.group * 256 + m;
  }
  return id * 256 + 1;
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
    if (rule.after !== undefined && rule.after[prev] === 0) continue;
    if (rule.before !== undefined && rule.before[next] === 0) continue;
    if (rule.notAfter !== undefined && rule.notAfter[prev] === 1) continue;
    if (rule.notBefore !== undefined && rule.notBefore[next] === 1) continue;
    return rule.group * 256 + m;
  }
  return id * 256 + 1;
}

/** Writes the word starting at `src[i]` (UTF-8) in one pass; returns the new output end, or -1 (see above). */
function singlePass8(fast: FastScheme, src: Uint8Array, i: number, end: number, out: Uint8Array, o: number): number {
  const { letterInfo, hasRules, start8, len8, pool8, caseMatters, groupNfc, mayPrev, mayNext } = fast;
  const total = fast.unitTotal;
  const limit = out.length - fast.maxForm8 * 16 - 64;
  let prev = 0;
  let skip = 0;
  let ups = 0;
  let lows = 0;
  let letters = 0;
  let sensitive = 0;
  let nfc = 0;
  let c = ((src[i]! & 0x1f) << 6) | (src[i + 1]! & 0x3f);
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
        const next = unitAt8(fast, src, i + 2, end);
        if (next < 0 || mayNext[id * total + next] === 1) {
          const r = matchAhead8(fast, id, prev, src, i, end);
          if (r < 0) return -1;
          group = r >> 8;
          m = r & 255;
          skip = m - 1;
        }
      }
      for (let k = 0; k < m; k++, group++) {
        // Each matched letter keeps its own case (its title form when upper case).
        const up = k === 0 ? info & 1 : letterInfo[(((src[i + 2 * k]! & 0x1f) << 6) | (src[i + 2 * k + 1]! & 0x3f)) - CYR]! & 1;
        nfc |= groupNfc[group]!;
        let form = group * 3;
        if (up === 1) {
          form += 1;
          sensitive |= caseMatters[group]!;
        }
        const s = start8[form]!;
        const l = len8[form]!;
        if (l === 1) out[o++] = pool8[s]!;
        else for (let j = 0; j < l; j++) out[o++] = pool8[s + j]!;
      }
    }
    prev = id;
    i += 2;
    if (i + 1 >= end) break;
    const x = src[i]!;
    if (x < 0xd0 || x > 0xd3) break;
    const y = src[i + 1]!;
    if ((y & 0xc0) !== 0x80) break;
    c = ((x & 0x1f) << 6) | (y & 0x3f);
    if (letterInfo[c - CYR] === -2) break; // not a letter: the word ends
  }
  wEnd = i;
  wLetters = letters;
  wUps = ups;
  wLows = lows;
  caseSensitive = sensitive;
  nfcEmitted = nfc;
  return o;
}

/** `singlePass8` over a string. */
function singlePass16(fast: FastScheme, text: string, i: number, out: number[], o: number): number {
  const table = classTable!;
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
  wEnd = i;
  wLetters = letters;
  wUps = ups;
  wLows = lows;
  caseSensitive = sensitive;
  nfcEmitted = nfc;
  return o;
}

/** Collects the units of the word starting at `src[i]` (UTF-8) into `units`/`upper`; returns their count (sets wEnd…). */
function collect8(fast: FastScheme, src: Uint8Array, i: number, end: number): number {
  const table = classTable!;
  let n = 0;
  let letters = 0;
  let ups = 0;
  let lows = 0;
  let d = ((src[i]! & 0x1f) << 6) | (src[i + 1]! & 0x3f);
  for (;;) {
    const lc = fast.letterCase[d - CYR]!;
    n = addLetter(fast, d, n);
    ups += lc & 1;
    lows += lc >> 1;
    letters++;
    i += 2;
    if (i + 1 >= end) break;
    const x = src[i]!;
    if (x < 0xd0 || x > 0xd3) break;
    const y = src[i + 1]!;
    if ((y & 0xc0) !== 0x80) break;
    d = ((x & 0x1f) << 6) | (y & 0x3f);
    if (table[d] !== LETTER) break;
  }
  wEnd = i;
  wLetters = letters;
  wUps = ups;
  wLows = lows;
  return n;
}

/** `collect8` over a string. */
function collect16(fast: FastScheme, text: string, i: number): number {
  const table = classTable!;
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
  wEnd = i;
  wLetters = letters;
  wUps = ups;
  wLows = lows;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Strings.

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
  const table = classes();
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
      i = wEnd;
      const letters = wLetters;
      const ups = wUps;
      const lows = wLows;
      const d = i < textLength ? text.charCodeAt(i) : 0;
      let kind = capsKind(fast, letters, ups, lows, d === 46);
      if (kind === Caps.AskLine) {
        if (lineLower < 0) lineLower = lineHasLower16(fast, text, lineStart) ? 1 : 0;
        kind = lineLower === 1 ? Caps.No : Caps.Yes;
      }
      if (kind === Caps.Yes) {
        if (n < 0) n = collect16(fast, text, wordStart);
        while (wordOut + n * maxForm + 64 > out.length) out = out16 = grow16(out, o);
        o = emitWord16(fast, n, true, out, wordOut);
      }
      mayNeedNfc |= nfcEmitted;
      if (letters >= 2) {
        prevEnd = i;
        prevAllCaps = ups >= 2 && lows === 0;
      } else if (kind === Caps.Neighbours && caseSensitive !== 0) {
        // §0.2: a capital one-letter word follows the nearest word of two or more letters on its line.
        if (nextLong === -2 || (nextLong >= 0 && nextLong < i)) {
          nextLong = nextLongWord16(fast, text, i);
          nextLongCaps = nextAllCaps;
        }
        const after = nextLong;
        const useBefore = prevEnd >= 0 && (after < 0 || wordStart - prevEnd < after - i);
        const allCaps = useBefore ? prevAllCaps : after >= 0 && nextLongCaps;
        if (allCaps && fast.allCaps === 'auto' && lineLower < 0) lineLower = lineHasLower16(fast, text, lineStart) ? 1 : 0;
        if (allCaps && (fast.allCaps === 'upper' || (fast.allCaps === 'auto' && lineLower === 0))) {
          if (n < 0) n = collect16(fast, text, wordStart);
          while (wordOut + n * maxForm + 64 > out.length) out = out16 = grow16(out, o);
          o = emitWord16(fast, n, true, out, wordOut);
        }
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
    // UNSAFE, or a case decision that needs the neighbours: the whole line takes the general path.
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

/** Set by `nextLongWord16`/`nextLongWord8`: whether the word found is all caps (§1.4.4). */
let nextAllCaps = false;

/** The start of the next word of two or more letters after `from` on the same line, or -1. */
function nextLongWord16(fast: FastScheme, text: string, from: number): number {
  const table = classes();
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
      nextAllCaps = ups >= 2 && lows === 0;
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

// ---------------------------------------------------------------------------------------------
// UTF-8 bytes.

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

/**
 * Romanizes UTF-8 `src[start..end)` into `sink`, byte to byte. `end` must be at a line end (or
 * the end of the input): lines the fast path does not model (including invalid UTF-8) go whole
 * to `fallback`.
 */
export function romanizeBytesFast(fast: FastScheme, src: Uint8Array, start: number, end: number, sink: ByteSink, fallback: ByteLineFallback): void {
  const table = classes();
  const maxForm = fast.maxForm8;
  let out = sink.reserve(end - start + (end - start >> 3) + 256);
  let o = sink.pos;
  let lineStart = start;
  let lineOut = o;
  let lineLower = -1;
  let prevEnd = -1; // end of the last word of two or more letters on this line
  // The next word of two or more letters on this line (-1: none; -2: not looked for yet), kept
  // while it lies ahead, so that a line of many one-letter words is scanned once.
  let nextLong = -2;
  let nextLongCaps = false;
  let beforeBase = -1; // prevEnd that before16 counts from, and how far it has counted
  let beforeAt = 0;
  let before16 = 0;
  let afterBase = -1; // nextLong that after16 counts to, and from where
  let afterAt = 0;
  let after16 = 0;
  let prevAllCaps = false;
  let i = start;
  while (i < end) {
    if (o + 64 > out.length) {
      sink.pos = o;
      out = sink.reserve(out.length);
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
      const c = ((b & 0x1f) << 6) | (b1 & 0x3f);
      if ((b1 & 0xc0) !== 0x80) unsafe = true;
      else if (table[c] === LETTER) {
        const wordStart = i;
        const wordOut = o;
        let n = -1; // units collected (for the buffered path), -1 = not yet
        const written = singlePass8(fast, src, i, end, out, o);
        if (written >= 0) o = written;
        else {
          n = collect8(fast, src, i, end);
          if (o + n * maxForm + 64 > out.length) {
            sink.pos = o;
            out = sink.reserve(n * maxForm + 64);
          }
          o = emitWord8(fast, n, false, out, o);
        }
        i = wEnd;
        const letters = wLetters;
        const ups = wUps;
        const lows = wLows;
        let kind = capsKind(fast, letters, ups, lows, i < end && src[i] === 46);
        if (kind === Caps.AskLine) {
          if (lineLower < 0) lineLower = lineHasLower8(fast, src, lineStart, end) ? 1 : 0;
          kind = lineLower === 1 ? Caps.No : Caps.Yes;
        }
        if (kind === Caps.Yes) {
          if (n < 0) n = collect8(fast, src, wordStart, end);
          if (wordOut + n * maxForm + 64 > out.length) {
            sink.pos = o;
            out = sink.reserve(n * maxForm + 64);
          }
          o = emitWord8(fast, n, true, out, wordOut);
        }
        if (nfcEmitted !== 0) {
          // A form NFC may change (a rare letter's combining mark): the general path decides.
          unsafe = true;
        } else if (letters >= 2) {
          prevEnd = i;
          prevAllCaps = ups >= 2 && lows === 0;
        } else if (kind === Caps.Neighbours && caseSensitive !== 0) {
          // §0.2, as in the string loop; distances are counted in UTF-16 code units.
          if (nextLong === -2 || (nextLong >= 0 && nextLong < i)) {
            nextLong = nextLongWord8(fast, src, i, end);
            nextLongCaps = nextAllCaps;
          }
          const after = nextLong;
          let useBefore = prevEnd >= 0;
          if (useBefore && after >= 0) {
            // Running counts, so that a line of many one-letter words is counted once.
            if (beforeBase !== prevEnd) {
              beforeBase = beforeAt = prevEnd;
              before16 = 0;
            }
            before16 += units16(src, beforeAt, wordStart);
            beforeAt = wordStart;
            if (afterBase !== after) {
              afterBase = after;
              afterAt = i;
              after16 = units16(src, i, after);
            } else {
              after16 -= units16(src, afterAt, i);
              afterAt = i;
            }
            useBefore = before16 < after16;
          }
          const allCaps = useBefore ? prevAllCaps : after >= 0 && nextLongCaps;
          if (allCaps && fast.allCaps === 'auto' && lineLower < 0) lineLower = lineHasLower8(fast, src, lineStart, end) ? 1 : 0;
          if (allCaps && (fast.allCaps === 'upper' || (fast.allCaps === 'auto' && lineLower === 0))) {
            if (n < 0) n = collect8(fast, src, wordStart, end);
            if (wordOut + n * maxForm + 64 > out.length) {
              sink.pos = o;
              out = sink.reserve(n * maxForm + 64);
            }
            o = emitWord8(fast, n, true, out, wordOut);
          }
        }
        if (!unsafe) continue;
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
      o = sink.pos;
      lineOut = o;
      i = lineEnd;
    }
  }
  sink.pos = o;
}

/** UTF-16 length of the (BMP-only) UTF-8 bytes `src[from..to)`: every byte that is not a continuation byte. */
function units16(src: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if ((src[i]! & 0xc0) !== 0x80) n++;
  return n;
}

/** `nextLongWord16` over UTF-8 bytes. */
function nextLongWord8(fast: FastScheme, src: Uint8Array, from: number, end: number): number {
  const table = classes();
  const letterAt = (j: number): number => {
    const b = src[j]!;
    if (b < 0xd0 || b > 0xd3 || j + 1 >= end) return -1;
    const c = ((b & 0x1f) << 6) | (src[j + 1]! & 0x3f);
    return table[c] === LETTER ? c : -1;
  };
  let j = from;
  while (j < end) {
    const b = src[j]!;
    if (b === 10 || b === 13) return -1;
    let c = letterAt(j);
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
      c = j < end ? letterAt(j) : -1;
    } while (c >= 0);
    if (letters >= 2) {
      nextAllCaps = ups >= 2 && lows === 0;
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
