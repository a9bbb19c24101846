/**
 * The fast path, part 2: what both loops (`string.ts`, `bytes.ts`) share. Both write UTF-8. A
 * word's letters are collected into reused arrays of unit ids when the single-pass writer cannot
 * handle the word (a letter with several units, an all-caps word), the rules are matched over
 * them and {@link emitWord} writes them; the word scanners report their results in {@link word}.
 */
import { contextFits, CYR, type FastScheme } from './tables.ts';

/**
 * The word being written, and what the last scan and write found out. The loops are never
 * re-entered (a line they cannot handle goes to the general path), so one record serves both.
 */
export const word = {
  /** Unit ids of the collected word. */
  units: new Int32Array(256),
  /** Per unit: 1 = upper case; 2 = a later letter of an expanded old letter (ѿ → от), upper case only in all-caps words. */
  upper: new Uint8Array(256),
  /** End of the word in the source, its letter count and its upper- and lower-case letter counts. */
  end: 0,
  letters: 0,
  ups: 0,
  lows: 0,
  /** Whether some upper-case unit written has a title form different from its all-caps form. */
  sensitive: 0,
  /** Units collected into `units` by the last collect, -1 when the word was written in one pass. */
  count: -1,
  /** The Meta bits (case, SENSITIVE) of the letters the last rule match wrote. */
  bits: 0,
};

/**
 * What the loops know about the line being written, for the case decisions (docs/rules/case.md):
 * where it starts in the input and the output, whether it has a lower-case letter (-1: not looked
 * at yet), the end of its last word of two or more letters and whether that word is all caps, and
 * the start of its next such word (-1: none; -2: not looked for yet) and whether it is all caps.
 */
export const line = {
  start: 0,
  out: 0,
  lower: -1,
  prevEnd: -1,
  prevAllCaps: false,
  nextLong: -2,
  nextAllCaps: false,
};

/** Starts a new line at input offset `start` and output offset `out`. */
export function newLine(start: number, out: number): void {
  line.start = start;
  line.out = out;
  line.lower = -1;
  line.prevEnd = -1;
  line.prevAllCaps = false;
  line.nextLong = -2;
}

function growWord(): void {
  const u = new Int32Array(word.units.length * 2);
  u.set(word.units);
  word.units = u;
  const f = new Uint8Array(word.upper.length * 2);
  f.set(word.upper);
  word.upper = f;
}

/** Adds the units of letter `c` (U+0400–U+04FF) to the word; returns the new unit count. */
export function addLetter(fast: FastScheme, c: number, n: number): number {
  const i = c - CYR;
  const count = fast.unitCount[i]!;
  const start = fast.unitStart[i]!;
  const up = fast.letterCase[i]! & 1;
  while (n + count > word.units.length) growWord();
  const { units, upper } = word;
  for (let k = 0; k < count; k++) {
    units[n] = fast.unitSeq[start + k]!;
    upper[n++] = k === 0 ? up : up << 1;
  }
  return n;
}

/**
 * The rule that applies at unit `i` of the collected word `units[0..n)`: the first of the rules
 * starting with that unit (longest first, then in scheme order) whose letters follow and whose
 * context (the neighbouring units, 0 = word boundary) fits. Returns `group * 256 + letters
 * matched`, or the unit's own table group with 1 letter when no rule applies.
 */
export function matchRule(fast: FastScheme, i: number, n: number): number {
  const units = word.units;
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
    if (contextFits(rule, prev, next)) return rule.group * 256 + m;
  }
  return id * 256 + 1;
}

/**
 * Writes the collected word (`word.units[0..n)`) as UTF-8 to `out` at `o`; returns the new end
 * (the caller has made room for `n * fast.maxForm` bytes). Case (docs/rules/case.md): lower-case
 * units take the lower form, upper-case ones the ALL-CAPS form when `caps`, else the title form.
 */
export function emitWord(fast: FastScheme, n: number, caps: boolean, out: Uint8Array, o: number): number {
  const { formStart: start, formLength: len, pool, caseMatters } = fast;
  const upperVariant = caps ? 2 : 1;
  let sensitive = 0;
  let i = 0;
  const rules = fast.rules;
  const { units, upper } = word;
  while (i < n) {
    // Most units start no rule: their own table forms, without a call.
    const m = rules[units[i]!] === undefined ? units[i]! * 256 + 1 : matchRule(fast, i, n);
    let group = m >> 8;
    const end = i + (m & 255);
    for (; i < end; i++, group++) {
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
      for (let j = 0; j < l; j++) out[o++] = pool[s + j]!;
    }
  }
  word.sensitive = sensitive;
  return o;
}
