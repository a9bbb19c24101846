/**
 * The engine's fast path, part 1: its tables. The fast path produces exactly what the general path
 * in `romanize.ts` produces (a property test runs both on random text for every scheme and
 * option), but works on compiled integer tables instead of strings and objects:
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
 * astral characters and invalid UTF-8. Every rule of the engine is line-local (case decisions
 * look at the line, words never span a line break), so romanizing a line on its own gives the
 * same result.
 *
 * The parts: this file (the tables, built once per compiled scheme), `words.ts` (the word buffer
 * and rule matching both loops share), `string.ts` (the loop over UTF-16 strings), `bytes.ts`
 * (the loop over UTF-8 bytes); the ALL-CAPS decision is `../caps.ts`, shared with the general
 * path. docs/architecture.md describes the data flow.
 */
import type { CompiledScheme } from '../compile.ts';

/** Character classes of the 64 K table. */
export const UNSAFE = 0;
export const COPY = 1;
export const LETTER = 2;
export const BREAK = 3;

/** The first code point of the letter tables (U+0400–U+04FF). */
export const CYR = 0x400;

/**
 * The class of every BMP code unit. COPY means: not a letter of the Cyrillic script, unchanged by
 * NFC on its own and never composing with a neighbour, not touched by input normalisation
 * (docs/rules/normalization.md). Only a few blocks that occur in Russian text are classified;
 * everything else is UNSAFE and sends its line to the general path.
 */
function buildClassTable(): Uint8Array {
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
  // Changed by input normalisation (docs/rules/normalization.md): precomposed letters with a
  // grave (stress mark), the soft hyphen and zero-width characters.
  for (const c of [0x400, 0x450, 0x40d, 0x45d, 0xad, 0x200b, 0x200c, 0x200d]) table[c] = UNSAFE;
  table[10] = BREAK;
  table[13] = BREAK;
  return table;
}

/** The class of every BMP code unit (built once, when the engine loads: about 2,000 code points are examined). */
export const classTable: Uint8Array = buildClassTable();

/** One context rule over unit ids. Context arrays are indexed by unit id; index 0 is the word boundary. */
export interface FastRule {
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
  /** Per letter U+0400–U+04FF: bit 1 = upper case, bit 2 = lower case (counted for the ALL-CAPS decision). */
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
  const table = classTable;
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
    // A letter the scheme does not map is copied as written (as `romanizeWord` in romanize.ts does).
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
