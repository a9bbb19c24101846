// Reading the values of an archival reference: leaf numbers and ranges with their versos,
// identifiers (`Р-5446`, `1а`, `13, 16`), and the numbers-only form (`558, 11, 727, 38–57`).
// parse.ts reads the structure around them. docs/citations.md.
import { describeChar } from '../schemes/script.ts';
import { escape, lookalikeReadings, lookalikeReason, lookalikeSource, termsData } from './terms.ts';
import type { ArchivalLevel, ArchivalUnit, Finding, Leaf, LeafRange, VersoStyle } from './types.ts';

const versoRu = termsData.verso.ru.forms;
const versoEn = termsData.verso.en.forms.filter((f) => !f.startsWith('v'));
// The Ukrainian mark (зв., zv.): read so that a Ukrainian reference is found whole, and reported
// (parse.ts); latinitsa does not write Ukrainian references.
const versoUk = termsData.verso.uk.forms;
const versoUkForms = new Set(versoUk.map((f) => f.toLowerCase()));
// A verso mark after a leaf number: `об.`/`ob.` with or without a space, or `v` attached to the
// number. The expression also matches a mark typed with a look-alike of the other script (`oб.`
// with a Latin o), which verso() reads and the reader reports (docs/citations.md, rule 5).
const versoObRe = new RegExp(`(\\s*)(${[...versoRu, ...versoEn, ...versoUk].sort((a, b) => b.length - a.length).map(lookalikeSource).join('|')})(?![\\p{L}])`, 'iuy');
const versoForms = new Set([...versoRu, ...versoEn, ...versoUk].map((f) => f.toLowerCase()));

/** A verso mark as matched: as written, or read through the look-alike table (`reading`); undefined when it is neither. */
function verso(mark: string): { reading?: string } | undefined {
  const readings = lookalikeReadings(mark);
  if (readings === undefined) return versoForms.has(mark.toLowerCase()) ? {} : undefined;
  const reading = [readings.cyrillic, readings.latin].find((r) => r !== undefined && versoForms.has(r.toLowerCase()));
  return reading === undefined ? undefined : { reading };
}
// `v` attached to the number; a full stop after it is the mark's only where the reference goes on
// (`5v.–6`, `5v., 7`): at the end of a reference it ends the sentence, and stays when the reference
// is rewritten (docs/citations.md, rule 4).
/**
 * The characters read as a range's dash (docs/citations.md, rule 6: an en dash is right, the others
 * are reported and fixed): hyphen-minus, U+2010 hyphen, Word's non-breaking hyphen U+2011, figure
 * dash, en dash, em dash, minus sign. One class for every pattern of the reader.
 */
export const RANGE_DASHES = '\\-‐‑‒–—−';
const versoVRe = new RegExp(`v(?:\\.(?=\\s*[${RANGE_DASHES},]))?(?!\\p{L})`, 'uy');
const dashRe = new RegExp(`\\s*([${RANGE_DASHES}])\\s*`, 'uy');
const numberRe = /\d+/uy;
// A leaf lettered after its number (`5а`, `3a`: a leaf inserted after leaf 5), one letter; a Latin
// `v` is the verso mark, not a letter (rule 4).
const leafLetterRe = /(?![vV])\p{L}/uy;
const idRe = /\p{L}{0,2}-?\d+(?:\p{L}(?!\p{L}))?(?:\/\d+)?/uy;
// The end of a range of identifiers (`dd. 703–705`, `Д. 7–9`): a number, with a letter or not.
const idEndRe = /\d+(?:\p{L}(?!\p{L}))?/uy;
// Between the numbers of a list: a comma, or "and"/"и" (`ll. 5 and 6`, `Л. 1–2 и 5 об.`).
const listSepRe = /\s*(?:,\s*(?:(?:and|и)\s+)?|\s+(?:and|и)\s+)/uy;
// Between the numbers of the numbers-only style (fond, opis', delo, leaves): a comma only.
const commaRe = /\s*,\s*/uy;

// Years written after the leaves or the files of a reference (`l. 5 and 1937`, `Л. 5, 1937 – 1938
// гг.`) end the list: docs/citations.md, "Years after a reference"; the bounds and the words are
// data (`years` in data/archival-terms.json).
const years = termsData.years;
const yearRe = /\d{4}(?![\p{L}\p{N}])/uy;
const yearRangeRe = new RegExp(`\\s*[${RANGE_DASHES}]\\s*\\d+(?![\\p{L}\\p{N}])`, 'uy');
const yearWordRe = new RegExp(`\\s*(?:${years.words.map(escape).join('|')})(?![\\p{L}])`, 'iuy');
const spacedDashRe = new RegExp(`^\\s+[${RANGE_DASHES}]\\s+$`, 'u');

/** Whether `n` is a number of the years, written after a number of at most three digits (`before`, as written: `5`, `5а`, `Р-12`). */
function yearAfter(n: string, before: string): boolean {
  return Number(n) >= years.from && Number(n) <= years.to && /(?:^|\D)\d{1,3}\D*$/u.test(before);
}

/**
 * Whether a year, or a range of years, starts at `pos` after a list separator: four digits that a
 * year word follows (after the range, if any), or a year after a number of at most three digits
 * (`before`) unless `more`: a plural marker (`ll.`, `dd.`) before a single number says that
 * another follows (`ll. 1 and 1937`).
 */
function yearAt(text: string, pos: number, before: string, more: boolean): boolean {
  const year = at(yearRe, text, pos);
  if (year === null) return false;
  let end = pos + year[0].length;
  const range = at(yearRangeRe, text, end);
  if (range !== null) end += range[0].length;
  return at(yearWordRe, text, end) !== null || (!more && yearAfter(year[0], before));
}

/** Options of {@link scanLeaves} and {@link scanIds}. */
export interface ListOptions {
  /** The marker is plural (`ll.`, `dd.`): a single number after it is followed by another. */
  plural?: boolean;
}

/** The match of a sticky expression at `pos`, or null. */
export function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

export interface LeafScan {
  leaves: LeafRange[];
  /** Where a leaf's letter stands (`5а`), for the script of its reference (rule 5): the leaf and the letter's offset. */
  letters: Array<{ leaf: Leaf; start: number }>;
  /** A Ukrainian verso mark (зв.) that was read, as written. */
  ukrainian?: string;
  end: number;
  verso: VersoStyle[];
  /**
   * The verso marks written in one script (`об.` Cyrillic; `ob.`, `v` Latin), where they stand:
   * the reference reports one in the other script than its own (docs/citations.md, rule 5).
   */
  marks: Array<{ range: [number, number]; cyrillic: boolean; written: string }>;
  /** Findings: errors in ranges, and warnings (a hyphen for a dash, a verso mark with a look-alike letter). */
  diagnostics: Finding[];
}

type ScannedLeaf = { leaf: Leaf; end: number; verso?: VersoStyle; ukrainian?: string; letterAt?: number; mark?: { range: [number, number]; cyrillic: boolean; written: string } };

function scanLeaf(text: string, pos: number, diagnostics: Finding[]): ScannedLeaf | undefined {
  const num = at(numberRe, text, pos);
  if (num === null) return undefined;
  let n = num[0];
  let end = pos + n.length;
  let letterAt: number | undefined;
  const obAt = (from: number): RegExpExecArray | null => {
    const ob = at(versoObRe, text, from);
    return ob !== null && verso(ob[2]!) !== undefined ? ob : null;
  };
  if (obAt(end) === null && at(versoVRe, text, end) === null) {
    const letter = at(leafLetterRe, text, end);
    // A letter ends the number where no letter follows it, or a verso mark does (`5аоб.`, `5av`).
    const after = letter === null ? 0 : end + letter[0].length;
    if (letter !== null && (at(/\P{L}|$/uy, text, after) !== null || obAt(after) !== null || at(versoVRe, text, after) !== null)) {
      letterAt = end;
      n += letter[0];
      end += letter[0].length;
    }
  }
  const lettered = (out: ScannedLeaf): ScannedLeaf => {
    if (letterAt !== undefined) out.letterAt = letterAt;
    return out;
  };
  const ob = obAt(end);
  if (ob !== null) {
    const mark = verso(ob[2]!)!;
    const style: VersoStyle = ob[1] === '' ? 'ob-attached' : 'ob-spaced';
    if (mark.reading !== undefined) {
      const start = end + ob[1]!.length;
      diagnostics.push({ range: [start, start + ob[2]!.length], reason: lookalikeReason(ob[2]!, mark.reading, ''), ruleId: 'cite/mixed-style', severity: 'warning' });
    }
    const out = lettered({ leaf: { n, verso: true }, end: end + ob[0].length, verso: style });
    if (versoUkForms.has((mark.reading ?? ob[2]!).toLowerCase())) out.ukrainian = ob[2]!;
    else if (mark.reading === undefined) {
      const start = end + ob[1]!.length;
      out.mark = { range: [start, start + ob[2]!.length], cyrillic: /\p{Script=Cyrillic}/u.test(ob[2]!), written: ob[2]! };
    }
    return out;
  }
  const v = at(versoVRe, text, end);
  if (v !== null) return lettered({ leaf: { n, verso: true }, end: end + v[0].length, verso: 'v', mark: { range: [end, end + 1], cyrillic: false, written: 'v' } });
  return lettered({ leaf: { n, verso: false }, end });
}

export function scanLeaves(text: string, pos: number, options: ListOptions = {}): LeafScan | undefined {
  const out: LeafScan = { leaves: [], letters: [], end: pos, verso: [], marks: [], diagnostics: [] };
  const noted = (leaf: ScannedLeaf): void => {
    if (leaf.letterAt !== undefined) out.letters.push({ leaf: leaf.leaf, start: leaf.letterAt });
    if (leaf.mark !== undefined) out.marks.push(leaf.mark);
    if (leaf.ukrainian !== undefined) out.ukrainian ??= leaf.ukrainian;
  };
  let p = pos;
  for (;;) {
    const rangeStart = p;
    const from = scanLeaf(text, p, out.diagnostics);
    if (from === undefined) break;
    if (from.verso !== undefined) out.verso.push(from.verso);
    noted(from);
    const range: LeafRange = { from: from.leaf };
    p = from.end;
    let dash = at(dashRe, text, p);
    // A dash with spaces on both sides before words, or before a year after a leaf of at most
    // three digits, is the sentence's (`l. 5 – written in 1937`, `l. 5 — 1937`), not a range's.
    if (dash !== null && spacedDashRe.test(dash[0])) {
      const year = at(yearRe, text, p + dash[0].length);
      const more = options.plural === true && out.leaves.length === 0;
      if (at(numberRe, text, p + dash[0].length) === null || (!more && year !== null && yearAfter(year[0], from.leaf.n))) dash = null;
    }
    if (dash !== null) {
      const to = scanLeaf(text, p + dash[0].length, out.diagnostics);
      if (to === undefined) {
        out.diagnostics.push({ range: [rangeStart, p + dash[0].trimEnd().length], reason: `leaf range "${text.slice(rangeStart, p + dash[0].trimEnd().length)}" has no end`, ruleId: 'cite/incomplete-range', severity: 'error' });
        p += dash[0].trimEnd().length;
      } else {
        // Reported here, for every style that has leaves, the numbers-only one included (docs/citations.md, rule 6).
        const d = dash[1]!;
        const dashStart = p + dash[0].indexOf(d);
        if (d !== '–') out.diagnostics.push({ range: [dashStart, dashStart + 1], reason: `range written with ${describeChar(d)}; use an en dash "–"`, ruleId: 'cite/range-dash', severity: 'warning' });
        range.to = to.leaf;
        if (to.verso !== undefined) out.verso.push(to.verso);
        noted(to);
        // Lettered leaves (`5–5а`) are not compared: their order is the archive's.
        const a = /^\d+$/u.test(from.leaf.n) ? Number(from.leaf.n) : NaN;
        const b = /^\d+$/u.test(to.leaf.n) ? Number(to.leaf.n) : NaN;
        // `241–42` is an abbreviated range and kept as written (docs/citations.md, rule 6); a complete end number
        // smaller than the start is an error.
        if (to.leaf.n.length >= from.leaf.n.length && (b < a || (b === a && (from.leaf.verso || !to.leaf.verso)))) {
          out.diagnostics.push({ range: [rangeStart, to.end], reason: `leaf range ends at ${to.leaf.n}${to.leaf.verso ? ' (verso)' : ''}, not after its start ${from.leaf.n}`, ruleId: 'cite/range-order', severity: 'error' });
        }
        p = to.end;
      }
    }
    out.leaves.push(range);
    out.end = p;
    const sep = at(listSepRe, text, p);
    if (sep === null || at(numberRe, text, p + sep[0].length) === null) break;
    if (yearAt(text, p + sep[0].length, (range.to ?? range.from).n, options.plural === true && out.leaves.length === 1 && range.to === undefined)) break;
    p += sep[0].length;
  }
  return out.leaves.length === 0 ? undefined : out;
}

/**
 * Identifiers of one level (`13, 16`), each with its offset in `text` (`starts`). A range of them
 * (`703–705`) is one identifier, its dash an en dash (a hyphen or another dash is reported,
 * rule 6); `ranges` says whether there is one (`dd.`: several files).
 */
export function scanIds(text: string, pos: number, options: ListOptions = {}): { ids: string[]; starts: number[]; end: number; ranges: boolean; diagnostics: Finding[] } | undefined {
  const ids: string[] = [];
  const starts: number[] = [];
  const diagnostics: Finding[] = [];
  let ranges = false;
  let p = pos;
  let end = pos;
  for (;;) {
    const id = at(idRe, text, p);
    if (id === null) break;
    let value = id[0];
    end = p + id[0].length;
    let dash = /\d$/u.test(value) || /\d\p{L}$/u.test(value) ? at(dashRe, text, end) : null;
    const year = dash === null ? null : at(yearRe, text, end + dash[0].length);
    // A year after a spaced dash is the sentence's (`d. 703 – 1937`), as after a leaf.
    if (dash !== null && spacedDashRe.test(dash[0]) && year !== null && !(options.plural === true && ids.length === 0) && yearAfter(year[0], value)) dash = null;
    const last = dash === null ? null : at(idEndRe, text, end + dash[0].length);
    if (dash !== null && last !== null) {
      const d = dash[1]!;
      const dashStart = end + dash[0].indexOf(d);
      if (d !== '–') diagnostics.push({ range: [dashStart, dashStart + 1], reason: `range written with ${describeChar(d)}; use an en dash "–"`, ruleId: 'cite/range-dash', severity: 'warning' });
      // A complete end number smaller than the start is an error, as in a range of leaves (`241–42` is abbreviated).
      if (/^\d+$/u.test(value) && /^\d+$/u.test(last[0]) && last[0].length >= value.length && Number(last[0]) <= Number(value)) {
        diagnostics.push({ range: [p, end + dash[0].length + last[0].length], reason: `range "${text.slice(p, end + dash[0].length + last[0].length)}" ends at ${last[0]}, not after its start ${value}`, ruleId: 'cite/range-order', severity: 'error' });
      }
      value += `–${last[0]}`;
      end += dash[0].length + last[0].length;
      ranges = true;
    }
    ids.push(value);
    starts.push(p);
    const sep = at(listSepRe, text, end);
    if (sep === null || at(idRe, text, end + sep[0].length) === null) break;
    if (yearAt(text, end + sep[0].length, value, options.plural === true && ids.length === 1 && !ranges)) break;
    p = end + sep[0].length;
  }
  return ids.length === 0 ? undefined : { ids, starts, end, ranges, diagnostics };
}

/** Numbers-only style after an archive: `558, 11, 727, 38–57` (fond, opis', delo, leaves); `starts` are the offsets of the units' identifiers. */
export function scanNumbersOnly(text: string, pos: number, standalone: boolean): { units: ArchivalUnit[]; starts: number[]; leaves?: LeafRange[]; end: number; diagnostics: Finding[] } | undefined {
  const units: ArchivalUnit[] = [];
  const starts: number[] = [];
  const order: ArchivalLevel[] = ['fond', 'opis', 'delo'];
  let p = pos;
  let end = pos;
  for (const level of order) {
    const id = at(idRe, text, p);
    if (id === null) break;
    units.push({ level, ids: [id[0]] });
    starts.push(p);
    end = p + id[0].length;
    const sep = at(commaRe, text, end);
    if (sep === null) break;
    p = end + sep[0].length;
  }
  const diagnostics: Finding[] = [];
  let leaves: LeafScan | undefined;
  if (units.length === 3 && p > end) {
    leaves = scanLeaves(text, p);
    if (leaves !== undefined) {
      end = leaves.end;
      for (const d of leaves.diagnostics) diagnostics.push(d);
      // A Cyrillic verso mark (`38–57об.`): numbers-only references write Latin (rule 5).
      for (const m of leaves.marks) {
        if (m.cyrillic) diagnostics.push({ range: m.range, reason: `Cyrillic verso mark "${m.written}" in a numbers-only reference`, ruleId: 'cite/mixed-style', severity: 'warning' });
      }
    }
  }
  if (units.length < 3) {
    if (!standalone || units.length === 0) return undefined;
    diagnostics.push({ range: [pos, end], reason: `numbers-only reference has ${units.length} number${units.length === 1 ? '' : 's'}; fond, opis' and delo are needed`, ruleId: 'cite/numbers-count', severity: 'error' });
  }
  return leaves === undefined ? { units, starts, end, diagnostics } : { units, starts, leaves: leaves.leaves, end, diagnostics };
}
