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
 * - every output form is pre-encoded (UTF-8; for strings, in a scheme whose forms go beyond
 *   ASCII, also UTF-16: see {@link utf16Tables}) and copied into a preallocated output array; no
 *   string is built per character and no regular expression runs in the loop.
 *
 * The fast path covers the common case. A line with anything it does not model is handed, whole,
 * to the general path: combining marks and characters NFC could change (normalisation, stress
 * marks), invisible characters (soft hyphen, ZWSP…), Cyrillic letters outside U+0400–U+04FF,
 * astral characters, invalid UTF-8, and in a language with an in-word apostrophe (Ukrainian,
 * Belarusian) its apostrophes. Every rule of the engine is line-local (case decisions
 * look at the line, words never span a line break), so romanizing a line on its own gives the
 * same result.
 *
 * The parts: this file (the tables, built once per compiled scheme), `words.ts` (the word buffer
 * and rule matching both loops share), `string.ts` (the loop over UTF-16 strings), `bytes.ts`
 * (the loop over UTF-8 bytes); the ALL-CAPS decision is `../caps.ts`, shared with the general
 * path. docs/architecture.md describes the data flow.
 */
import type { CompiledScheme } from '../compile.ts';
import { APOSTROPHE_LETTER } from '../normalize.ts';

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

/**
 * The class of every BMP code unit: built with the first fast tables (about 2,000 code points are
 * examined), so that a process that romanizes only a few words never builds it. Every loop that
 * reads it runs on fast tables.
 */
export let classTable: Uint8Array = new Uint8Array(0);

/** The class tables of languages with an in-word apostrophe, by their apostrophes. */
const apostropheTables = new Map<string, Uint8Array>();

/**
 * The class table the string loop reads for a language: {@link classTable}, or for a language
 * with an in-word apostrophe (docs/languages.md) a copy in which its apostrophes and the letter
 * ʼ are UNSAFE, so that a line with one takes the general path (which reads an apostrophe between
 * two letters as a letter of the word). Normalisation and words are line-local, so the other
 * lines keep the fast path.
 */
function classesFor(apostrophes: string | undefined): Uint8Array {
  if (apostrophes === undefined) return classTable;
  let table = apostropheTables.get(apostrophes);
  if (table === undefined) {
    table = classTable.slice();
    for (const ch of apostrophes + APOSTROPHE_LETTER) table[ch.charCodeAt(0)] = UNSAFE;
    apostropheTables.set(apostrophes, table);
  }
  return table;
}

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

/** Whether a rule's context fits the units before and after its match (0 = the word boundary). */
export function contextFits(rule: FastRule, prev: number, next: number): boolean {
  return (
    (rule.after === undefined || rule.after[prev] === 1) &&
    (rule.before === undefined || rule.before[next] === 1) &&
    (rule.notAfter === undefined || rule.notAfter[prev] === 0) &&
    (rule.notBefore === undefined || rule.notBefore[next] === 0)
  );
}

/**
 * Bits of {@link FastScheme.letterMeta}, one entry per letter of U+0400–U+04FF: what the loops
 * need to write the letter when no rule applies, in one lookup.
 */
export const Meta = {
  /** Bits 0–2: length in bytes of the letter's own form (lower case, or title form for a capital) in the tables' encoding; its bytes are in `letterBytes`. */
  LENGTH: 7,
  /** The letter is upper case. */
  UPPER: 1 << 3,
  /** The letter is lower case. */
  LOWER: 1 << 4,
  /** An upper-case letter whose title and ALL-CAPS forms differ (`Щ`: Shch / SHCH). */
  SENSITIVE: 1 << 5,
  /** Some rule starts with the letter's unit: the loops look at the neighbours. */
  RULES: 1 << 6,
  /** The form is longer than 4 bytes: copied from the pool instead of `letterBytes`. */
  LONG: 1 << 7,
  /** Bits 8 and up: the unit id. */
  ID_SHIFT: 8,
  /** A letter with several units (ѿ → от): the word is collected and written by `emitWord`. */
  SEVERAL: -1,
  /** A letter whose output NFC could change at a seam: its line goes to the general path. */
  GENERAL: -2,
} as const;

/** The compiled tables of the fast path for one compiled scheme. */
export interface FastScheme {
  /** The class of every BMP code unit for the scheme's language (see `classesFor`): what the string loop reads. */
  readonly classes: Uint8Array;
  /** Per letter U+0400–U+04FF: bit 1 = upper case, bit 2 = lower case (counted for the ALL-CAPS decision). */
  readonly letterCase: Uint8Array;
  /** Per letter: its units (ids) in `unitSeq`, from `unitStart`, `unitCount` of them. */
  readonly unitStart: Uint16Array;
  readonly unitCount: Uint8Array;
  readonly unitSeq: Int32Array;
  /** Per letter U+0400–U+04FF: {@link Meta} bits and the unit id, or `Meta.SEVERAL` / `Meta.GENERAL`. */
  readonly letterMeta: Int32Array;
  /** Per letter: the bytes of its own form (up to 4, little end first), see `Meta.LENGTH`. */
  readonly letterBytes: Int32Array;
  /** Number of unit ids (0 = the word boundary). */
  readonly unitTotal: number;
  /** Rules by the unit id they start with. */
  readonly rules: readonly (readonly FastRule[] | undefined)[];
  /**
   * The rules of each unit, decided in advance for every context of one unit on either side:
   * `decide[ruleBase[id] + prevClass[prev] * nextClasses + nextClass[next]]` is the rule's
   * `group * 256 + letters matched`, 0 when none applies (the unit's own form), or
   * {@link UNDECIDED} when a rule of several letters needs more than the next unit to tell (its
   * letters continue past it, or it has a context after them): then the rules are matched by
   * looking ahead. Units that behave alike in every rule context share a class, so the table is
   * small. `ruleBase[id]` is -1 for a unit that starts no rule.
   */
  readonly ruleBase: Int32Array;
  readonly prevClass: Uint8Array;
  readonly nextClass: Uint8Array;
  readonly nextClasses: number;
  readonly decide: Int32Array;
  /**
   * Output forms in groups of three (lower, title, upper); group `id` is unit `id`'s table value,
   * rule outputs follow. Form `f` is the bytes `pool[formStart[f] .. +formLength[f]]`, in UTF-8,
   * or in UTF-16LE when `utf16`.
   */
  readonly formStart: Int32Array;
  readonly formLength: Int32Array;
  readonly pool: Uint8Array;
  /** Per form group: whether the title and the all-caps forms differ. */
  readonly caseMatters: Uint8Array;
  /** Room to keep free in an output buffer before writing one more letter or rule match (bytes). */
  readonly slack: number;
  /** Largest length of one form, in bytes. */
  readonly maxForm: number;
  /** The forms (`pool`, `letterBytes`, the lengths) are UTF-16LE rather than UTF-8 (see {@link utf16Tables}). */
  readonly utf16: boolean;
  readonly allCaps: 'upper' | 'acronym' | 'auto';
}

const fastCache = new WeakMap<CompiledScheme, FastScheme>();
let lastCompiled: CompiledScheme | undefined;
let lastFast: FastScheme | undefined;

/** Short texts romanized by a scheme that has no fast tables yet (see `fastSchemeFor`). */
const shortCalls = new WeakMap<CompiledScheme, number>();
/** Below this length, a text does not pay for a scheme's fast tables on its own. */
const SHORT_TEXT = 256;
/** Short texts romanized on the general path before a scheme's fast tables are built. */
const SHORT_CALLS = 2;

/**
 * The fast tables of a compiled scheme, or undefined when building them now would cost more than
 * it saves: a short text, and one of the scheme's first few (the general path gives the same
 * result). A process that romanizes one name (`latinitsa Щукин`) then never builds them, and a
 * caller that romanizes many short texts has them from the third call on.
 */
export function fastSchemeFor(compiled: CompiledScheme, textLength: number): FastScheme | undefined {
  if (compiled === lastCompiled) return lastFast!;
  if (textLength < SHORT_TEXT && !fastCache.has(compiled)) {
    const calls = (shortCalls.get(compiled) ?? 0) + 1;
    shortCalls.set(compiled, calls);
    if (calls <= SHORT_CALLS) return undefined;
  }
  return getFastScheme(compiled);
}

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

/**
 * Whether a form can be written next to anything the fast path writes without making the output
 * leave NFC: it is NFC itself and starts with a character that never combines with what stands
 * before it (a letter, or a COPY character). Then the joined output is NFC with no pass over it
 * (ALA-LC's tie `t͡s` and ISO 9's `f̀` are such forms: their marks follow their own letter).
 */
function seamSafe(form: string): boolean {
  if (form === '') return true;
  const first = classTable[form.charCodeAt(0)];
  return form.normalize('NFC') === form && (first === COPY || first === LETTER);
}

function buildFastScheme(compiled: CompiledScheme): FastScheme {
  if (classTable.length === 0) classTable = buildClassTable();
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
  // Whether a form the scheme gives a letter of its language's alphabet goes beyond ASCII (see
  // utf16Tables).
  let beyondAscii = false;
  const alphabet = compiled.language.letters;
  const ascii = /^[\0-\x7f]*$/u;
  for (let id = 0; id < unitTotal; id++) {
    const letter = unitLetters[id]!;
    const f = compiled.letters.get(letter);
    // A letter the scheme does not map is copied as written (as `romanizeWord` in romanize.ts does).
    if (f === undefined) forms.push(letter, letter.toUpperCase(), letter.toUpperCase());
    else {
      forms.push(f.lower, f.title, f.upper);
      if (alphabet.includes(letter)) beyondAscii ||= !ascii.test(f.lower + f.title + f.upper);
    }
  }
  const contextArray = (set: ReadonlySet<string> | undefined, boundary: string): Uint8Array | undefined => {
    if (set === undefined) return undefined;
    const a = new Uint8Array(unitTotal);
    if (set.has(boundary)) a[0] = 1;
    for (let id = 1; id < unitTotal; id++) if (set.has(unitLetters[id]!)) a[id] = 1;
    return a;
  };
  const rules: (FastRule[] | undefined)[] = new Array<FastRule[] | undefined>(unitTotal).fill(undefined);
  let longestRule = 1;
  for (const [first, list] of compiled.rules) {
    const id = ids.get(first)!;
    rules[id] = list.map((rule) => {
      const group = forms.length / 3;
      rule.letters.forEach((_, k) => forms.push(rule.lower[k]!, rule.title[k]!, rule.upper[k]!));
      if (rule.letters.every((l) => alphabet.includes(l))) beyondAscii ||= !ascii.test(rule.lower.join('') + rule.title.join('') + rule.upper.join(''));
      longestRule = Math.max(longestRule, rule.letters.length);
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

  // Units some of whose forms (their own, or a rule's output for them) could change under NFC
  // next to their neighbours: the letters that have them send their line to the general path.
  const general = new Uint8Array(unitTotal);
  for (let id = 0; id < unitTotal; id++) if (!forms.slice(id * 3, id * 3 + 3).every(seamSafe)) general[id] = 1;
  for (const list of rules) {
    for (const rule of list ?? []) {
      if (rule.ids.some((_, k) => !forms.slice((rule.group + k) * 3, (rule.group + k) * 3 + 3).every(seamSafe))) for (const id of rule.ids) general[id] = 1;
    }
  }

  const caseMatters = new Uint8Array(forms.length / 3);
  for (let g = 0; g < caseMatters.length; g++) caseMatters[g] = forms[g * 3 + 1] === forms[g * 3 + 2] ? 0 : 1;

  // What a letter is, apart from how its form is encoded (see `encoded`).
  const letterKind = new Int32Array(256);
  for (let i = 0; i < 256; i++) {
    if (table[CYR + i] !== LETTER) continue;
    const count = unitCount[i]!;
    const units = seq.slice(unitStart[i]!, unitStart[i]! + count);
    if (units.some((id) => general[id] === 1)) {
      letterKind[i] = Meta.GENERAL;
      continue;
    }
    if (count !== 1) {
      letterKind[i] = Meta.SEVERAL;
      continue;
    }
    const id = units[0]!;
    const upper = letterCase[i]! & 1;
    letterKind[i] =
      (id << Meta.ID_SHIFT) |
      (upper === 1 ? Meta.UPPER : 0) |
      ((letterCase[i]! & 2) !== 0 ? Meta.LOWER : 0) |
      (upper === 1 && caseMatters[id] === 1 ? Meta.SENSITIVE : 0) |
      (rules[id] === undefined ? 0 : Meta.RULES);
  }
  const common = {
    classes: classesFor(compiled.language.apostrophes),
    letterCase,
    unitStart,
    unitCount,
    unitSeq: Int32Array.from(seq),
    unitTotal,
    rules,
    caseMatters,
    allCaps: compiled.allCaps,
  };
  const fast = withEncoding(common, encoded(forms, (form) => utf8.encode(form), false, letterKind, rules, longestRule));
  if (beyondAscii) utf16Sources.set(fast, () => withEncoding(common, encoded(forms, utf16le, true, letterKind, rules, longestRule)));
  return fast;
}

/**
 * A fast scheme from its parts. One object literal for both encodings, so that the UTF-8 and the
 * UTF-16 tables have the same shape and the loops' reads of them stay monomorphic.
 */
function withEncoding(c: Omit<FastScheme, keyof Encoded>, e: Encoded): FastScheme {
  return {
    classes: c.classes,
    letterCase: c.letterCase,
    unitStart: c.unitStart,
    unitCount: c.unitCount,
    unitSeq: c.unitSeq,
    letterMeta: e.letterMeta,
    letterBytes: e.letterBytes,
    unitTotal: c.unitTotal,
    rules: c.rules,
    ruleBase: e.ruleBase,
    prevClass: e.prevClass,
    nextClass: e.nextClass,
    nextClasses: e.nextClasses,
    decide: e.decide,
    formStart: e.formStart,
    formLength: e.formLength,
    pool: e.pool,
    caseMatters: c.caseMatters,
    slack: e.slack,
    maxForm: e.maxForm,
    utf16: e.utf16,
    allCaps: c.allCaps,
  };
}

const utf8 = new TextEncoder();

/** The UTF-16LE bytes of a string. */
function utf16le(form: string): Uint8Array {
  const bytes = new Uint8Array(form.length * 2);
  for (let i = 0; i < form.length; i++) {
    bytes[2 * i] = form.charCodeAt(i) & 0xff;
    bytes[2 * i + 1] = form.charCodeAt(i) >> 8;
  }
  return bytes;
}

/** How to build the UTF-16 tables of a fast scheme whose forms go beyond ASCII (see {@link utf16Tables}). */
const utf16Sources = new WeakMap<FastScheme, () => FastScheme>();
const utf16Cache = new WeakMap<FastScheme, FastScheme>();
let lastUtf8: FastScheme | undefined;
let lastUtf16: FastScheme | undefined;

/**
 * The same tables with every form in UTF-16LE, for the string loop when a string can be made from
 * UTF-16 by a copy (Node's Buffer): a short output with letters beyond ASCII (be-national's č, ź)
 * costs about twice as much to decode from UTF-8 as from UTF-16 (docs/performance.md, Per call).
 * Undefined when the scheme writes the letters of its language's alphabet in ASCII (modified-loc,
 * icao-9303; letters of older spelling or other languages are rare in its texts): its output
 * mostly decodes as cheaply from UTF-8, stays a string of one byte per character, and keeps its
 * four-letter forms (shch) in one store. Built on first use.
 */
export function utf16Tables(fast: FastScheme): FastScheme | undefined {
  if (fast === lastUtf8) return lastUtf16;
  let wide = utf16Cache.get(fast);
  if (wide === undefined) {
    wide = utf16Sources.get(fast)?.();
    if (wide !== undefined) utf16Cache.set(fast, wide);
  }
  lastUtf8 = fast;
  lastUtf16 = wide;
  return wide;
}

/** The parts of {@link FastScheme} that depend on how the output is encoded. */
type Encoded = Pick<FastScheme, 'letterMeta' | 'letterBytes' | 'ruleBase' | 'prevClass' | 'nextClass' | 'nextClasses' | 'decide' | 'formStart' | 'formLength' | 'pool' | 'slack' | 'maxForm' | 'utf16'>;

/**
 * The forms (in groups of three, see {@link FastScheme.formStart}) encoded by `encode`, and the
 * tables that depend on their lengths: `letterKind` is {@link FastScheme.letterMeta} without the
 * LENGTH and LONG bits.
 */
function encoded(forms: readonly string[], encode: (form: string) => Uint8Array, utf16: boolean, letterKind: Int32Array, rules: readonly (readonly FastRule[] | undefined)[], longestRule: number): Encoded {
  const formStart = new Int32Array(forms.length);
  const formLength = new Int32Array(forms.length);
  const bytes = forms.map(encode);
  const pool = new Uint8Array(bytes.reduce((n, b) => n + b.length, 0));
  let p = 0;
  let maxForm = 0;
  forms.forEach((_, i) => {
    formStart[i] = p;
    formLength[i] = bytes[i]!.length;
    pool.set(bytes[i]!, p);
    p += bytes[i]!.length;
    maxForm = Math.max(maxForm, bytes[i]!.length);
  });
  const letterMeta = new Int32Array(256);
  const letterBytes = new Int32Array(256);
  for (let i = 0; i < 256; i++) {
    const kind = letterKind[i]!;
    if (kind <= 0) {
      letterMeta[i] = kind;
      continue;
    }
    const form = (kind >> Meta.ID_SHIFT) * 3 + ((kind & Meta.UPPER) !== 0 ? 1 : 0);
    const length = formLength[form]!;
    let packed = 0;
    for (let k = 0; k < Math.min(length, 4); k++) packed |= pool[formStart[form]! + k]! << (8 * k);
    letterBytes[i] = packed;
    letterMeta[i] = kind | (length > 4 ? Meta.LONG : length);
  }
  return {
    letterMeta,
    letterBytes,
    // `rules` has an entry per unit id.
    ...decisions(rules, rules.length, letterMeta),
    formStart,
    formLength,
    pool,
    slack: Math.max(maxForm, 4) * longestRule + 64,
    maxForm: Math.max(maxForm, 4),
    utf16,
  };
}
/** A cell of {@link FastScheme.decide} that the next unit does not settle: the rules are matched by looking ahead. */
export const UNDECIDED = -2;

/**
 * Classes of units that every rule treats alike as the previous (or next) unit, by the arrays
 * that name them: `classes[u]` and how many there are.
 */
function contextClasses(arrays: readonly (Uint8Array | undefined)[], unitTotal: number): { classes: Uint8Array; count: number } {
  const bySignature = new Map<string, number>();
  const classes = new Uint8Array(unitTotal);
  for (let u = 0; u < unitTotal; u++) {
    const signature = arrays.map((a) => (a === undefined ? '' : a[u])).join();
    let k = bySignature.get(signature);
    if (k === undefined) bySignature.set(signature, (k = bySignature.size));
    classes[u] = k;
  }
  return { classes, count: bySignature.size };
}

/**
 * What the rules starting with a unit give between units `prev` and `next` (the same order and
 * tests as `matchRule` in words.ts): a one-letter rule is decided by its contexts; a rule of two
 * letters without a context after them by its second letter and its context before; any other
 * rule whose second letter is `next` leaves the cell {@link UNDECIDED}.
 */
function decideCell(list: readonly FastRule[], prev: number, next: number, own: number): number {
  for (const rule of list) {
    const m = rule.ids.length;
    if (m === 1) {
      if (contextFits(rule, prev, next)) return rule.group * 256 + 1;
      continue;
    }
    if (rule.ids[1] !== next) continue;
    if (m > 2 || rule.before !== undefined || rule.notBefore !== undefined) return UNDECIDED;
    if (contextFits(rule, prev, 0)) return rule.group * 256 + 2;
  }
  return own;
}

/** The decision tables of the rules (see {@link FastScheme.decide}). */
function decisions(rules: readonly (readonly FastRule[] | undefined)[], unitTotal: number, letterMeta: Int32Array) {
  const all = rules.flatMap((list) => list ?? []);
  // What tells units apart: as the previous unit, every context before a rule; as the next one,
  // every context after a one-letter rule and the second letter of every longer rule.
  const second = (rule: FastRule): Uint8Array => {
    const a = new Uint8Array(unitTotal);
    a[rule.ids[1]!] = 1;
    return a;
  };
  const prev = contextClasses(all.flatMap((r) => [r.after, r.notAfter]), unitTotal);
  const next = contextClasses(all.flatMap((r) => (r.ids.length === 1 ? [r.before, r.notBefore] : [second(r)])), unitTotal);
  // A class stands for any of its units: the first one is taken.
  const firstOf = (classes: Uint8Array, count: number): number[] => Array.from({ length: count }, (_, k) => classes.indexOf(k));
  const prevUnits = firstOf(prev.classes, prev.count);
  const nextUnits = firstOf(next.classes, next.count);
  const ruleBase = new Int32Array(unitTotal).fill(-1);
  const table: number[] = [];
  rules.forEach((list, id) => {
    if (list === undefined) return;
    // A long form is written from the pool (its own group), a short one from letterBytes (0).
    const long = [...letterMeta].some((m) => m >= 0 && m >> Meta.ID_SHIFT === id && (m & Meta.LONG) !== 0);
    ruleBase[id] = table.length;
    for (const p of prevUnits) for (const n of nextUnits) table.push(decideCell(list, p, n, long ? id * 256 + 1 : 0));
  });
  return { ruleBase, prevClass: prev.classes, nextClass: next.classes, nextClasses: next.count, decide: Int32Array.from(table) };
}
