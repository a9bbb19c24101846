// Archival references in documents: found in the prose of plain text or Markdown (footnotes
// included, code not; src/document decides what is prose), checked for consistency across the
// document, and rewritten in its style. docs/citations.md.
import { applyFixes } from '../diagnostics/fix.ts';
import { lineIndex, type LineIndex } from '../diagnostics/place.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { markdownRegions } from '../document/markdown.ts';
import { assertRegions, type Region } from '../document/regions.ts';
import { LatinitsaError } from '../errors.ts';
import { assertCitationStyles, CITATION_STYLE_NAMES, formatArchivalReference, numbersMisfit, unwritableLeaf } from './format.ts';
import { scanArchivalReference, toDiagnostic } from './parse.ts';
import { citationScheme, findArchive } from './terms.ts';
import type { ArchivalReference, CitationStyle, Finding, FormatArchivalOptions, VersoStyle } from './types.ts';

/** An archival reference found in a document. */
export interface FoundReference {
  /** Offsets [start, end) in the document: from the archive (or first level) to the last number or verso mark. */
  range: [number, number];
  /** The reference as written. */
  text: string;
  reference: ArchivalReference;
  /** Findings about this reference. */
  diagnostics: Diagnostic[];
  /** The reference written in the document's style, when {@link checkCitations} rewrites it. */
  replacement?: string;
}

/** Options of {@link findArchivalReferences}. */
export interface FindCitationsOptions {
  /** `'markdown'` reads only prose (paragraphs, headings, footnotes; not code); default `'text'`. */
  format?: 'text' | 'markdown';
  /** The prose of the document, as `readDocument` found it; wins over `format`. */
  regions?: readonly Region[];
}

/** Options of {@link checkCitations}. */
export interface CheckCitationsOptions extends FindCitationsOptions, Omit<FormatArchivalOptions, 'style'> {
  /** The style every reference should have; default: the style most references of the document use. */
  style?: CitationStyle;
}

/** What {@link checkCitations} returns. */
export interface CitationCheck {
  references: FoundReference[];
  /**
   * Every finding, in document order. A finding about a reference that is rewritten carries the
   * rewrite as its `fix` (the whole reference); malformed references are never rewritten. A warning
   * the rewrite cannot mend carries no fix and says why (`…; no fix: …`; docs/citations.md).
   */
  diagnostics: Diagnostic[];
  /**
   * The style the document is checked against: the chosen one, else the one most references use.
   * When two or more styles are used equally often, no style is the document's: every reference is
   * reported and none is rewritten into another style; `style` is then the first of them in the
   * document.
   */
  style: CitationStyle;
  /** The document with every fix applied. */
  fixed: string;
}

/**
 * The words right before `start` on its line when they end a phrase in the other script than the
 * style `to` writes — a letter, closing marks (`*`, `»`, `"`, `)`), then `.`, `,` or `.,` and spaces
 * (`ГА Пермского края. ` before `Ф. 1` in an English-style document) — else undefined: the last
 * three words, as a message quotes them.
 */
function otherScriptBefore(text: string, start: number, to: CitationStyle): string | undefined {
  const line = text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
  const m = /(\p{L})[*_»”"’')\]]*\.?,?(?<=[.,])[ \t\u00a0]*$/u.exec(line);
  if (m === null) return undefined;
  const cyrillic = /\p{Script=Cyrillic}/u.test(m[1]!);
  if (cyrillic === (to === 'russian')) return undefined;
  return line.trim().split(/\s+/u).slice(-3).join(' ');
}

/** `GARF 1937, 1938, 1939 were…`: three increasing years after an archive are not a numbers-only reference. */
function looksLikeYears(ref: ArchivalReference): boolean {
  if (ref.style !== 'numbers') return false;
  const n = ref.units.map((u) => (/^\d{4}$/.test(u.ids[0]!) ? Number(u.ids[0]) : NaN));
  return n.every((y) => y >= 1700 && y <= 2100) && n.every((y, i) => i === 0 || y > n[i - 1]!);
}

const wordStart = /(?<![\p{L}\p{N}])\p{L}/gu;

function shift(range: [number, number], by: number): [number, number] {
  return [range[0] + by, range[1] + by];
}

/** The words of a text and the spaces between them (`gaps[i]` follows `words[i]`). */
function wordsOf(text: string): { words: string[]; gaps: string[] } {
  const words: string[] = [];
  const gaps: string[] = [];
  // A line break takes the blockquote markers after it (`\n> `) into the gap: they are the
  // quotation's, not words of the reference (scanRegion).
  for (const m of text.matchAll(/(\S+?)((?:[^\S\r\n]*(?:\r\n|\r|\n)(?:[^\S\r\n]*>)*)+[^\S\r\n]*|\s+|$)/gu)) {
    words.push(m[1]!);
    gaps.push(m[2]!);
  }
  return { words, gaps };
}

/**
 * A rewritten reference with the line breaks of the reference as written: a reference wrapped over
 * two lines (a paragraph, a footnote or a list item of Markdown, with its indentation) stays
 * wrapped where it was, since a fix changes what it reports and nothing else. The break goes
 * between the same two words: by position when the rewrite has as many words, else next to a word
 * the rewrite kept as written; a break with neither stays out (the rewrite is on one line there).
 */
function keepLineBreaks(written: string, rewritten: string): string {
  if (!/[\r\n]/u.test(written)) return rewritten;
  const w = wordsOf(written);
  const r = wordsOf(rewritten);
  const breaks = w.gaps.map((g, i) => (/[\r\n]/u.test(g) && i < w.words.length - 1 ? i : -1)).filter((i) => i >= 0);
  if (w.words.length === r.words.length) {
    for (const i of breaks) r.gaps[i] = w.gaps[i]!;
  } else {
    // Words kept as written, matched in order (a longest common subsequence).
    const n = w.words.length;
    const m = r.words.length;
    const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = w.words[i] === r.words[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    const matchOf = new Map<number, number>();
    for (let i = 0, j = 0; i < n && j < m; ) {
      if (w.words[i] === r.words[j]) matchOf.set(i++, j++);
      else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
      else j++;
    }
    for (const i of breaks) {
      const after = matchOf.get(i);
      const before = matchOf.get(i + 1);
      const gap = after !== undefined && after < m - 1 ? after : before !== undefined && before > 0 ? before - 1 : undefined;
      if (gap !== undefined) r.gaps[gap] = w.gaps[i]!;
    }
  }
  return r.words.map((word, i) => word + (i < r.words.length - 1 ? r.gaps[i] : '')).join('');
}

/** A reference found, with its findings still as offsets (placed at the end). */
interface Scanned {
  range: [number, number];
  text: string;
  reference: ArchivalReference;
  findings: Finding[];
  /** A Ukrainian reference: reported and left as written; it is of no style of the document. */
  ukrainian?: true;
}

/**
 * Scans `text[from, to)` on its own (a reference never runs across a region's end); offsets are
 * the document's. In a `quoted` region (a Markdown blockquote) the markers that start its lines
 * (`> `) are read as spaces, so that a reference wrapped over two lines of a quotation is read
 * whole, not as two halves rewritten apart; what is rewritten keeps them (keepLineBreaks).
 */
function scanRegion(text: string, from: number, to: number, out: Scanned[], quoted = false): void {
  const written = from === 0 && to === text.length ? text : text.slice(from, to);
  const region = quoted ? written.replace(/([\r\n])((?:[^\S\r\n]*>)+)/gu, (_, end: string, marks: string) => end + marks.replace(/>/gu, ' ')) : written;
  wordStart.lastIndex = 0;
  for (let m = wordStart.exec(region); m !== null; m = wordStart.exec(region)) {
    const found = scanArchivalReference(region, m.index, false);
    if (found === undefined) continue;
    // In running text a reference needs two levels (or an archive and one level) and a file-level
    // unit, so that "Т. 2" or "l. 4" alone is not taken for one. An acronym not in the table of
    // archives ("NKVD, f. 3 of the list") needs two levels.
    const knownArchive = found.reference.archive?.id !== undefined;
    const enough = (found.elements >= 2 || knownArchive) && found.hasUnit;
    if (!enough || looksLikeYears(found.reference)) {
      // A run of markers without a file-level unit ("Л. 1, Л. 2, …") has none from any later
      // marker either: skip past it, or each marker rescans the rest of the run (quadratic).
      if (!found.hasUnit) wordStart.lastIndex = Math.max(found.end, m.index + 1);
      continue;
    }
    const { reference, diagnostics } = found;
    if (from !== 0) {
      if (reference.archive !== undefined) reference.archive.range = shift(reference.archive.range, from);
      for (const d of diagnostics) d.range = shift(d.range, from);
    }
    out.push({ range: [found.start + from, found.end + from], text: written.slice(found.start, found.end), reference, findings: diagnostics, ...(found.ukrainian === true ? { ukrainian: true as const } : {}) });
    wordStart.lastIndex = Math.max(found.end, m.index + 1);
  }
}

function scanDocument(text: string, options: FindCitationsOptions): Scanned[] {
  if (typeof text !== 'string') throw new LatinitsaError('ERR_INVALID_INPUT', 'findArchivalReferences expects a string');
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'markdown') throw new LatinitsaError('ERR_INVALID_OPTION', `unknown format "${String(format)}" (known: text, markdown)`);
  const out: Scanned[] = [];
  if (options.regions !== undefined) {
    assertRegions(text, options.regions);
    for (const r of options.regions) scanRegion(text, r.start, r.end, out, r.quoted === true);
  }
  else if (format === 'text') scanRegion(text, 0, text.length, out);
  else for (const r of markdownRegions(text)) scanRegion(text, r.start, r.end, out, r.quoted === true);
  return out;
}

function placed(found: Scanned, lines: LineIndex): FoundReference {
  return { range: found.range, text: found.text, reference: found.reference, diagnostics: found.findings.map((f) => toDiagnostic(f, lines)) };
}

/**
 * Finds the archival references in running text or Markdown (footnotes included): a reference
 * starts at an archive acronym or a level marker and runs over its levels and leaves.
 *
 * @example
 * import { findArchivalReferences } from 'latinitsa';
 * findArchivalReferences('См.: РГАСПИ. Ф. 17. Оп. 3. Д. 703. Л. 1–2 об. Там же.').map((r) => r.text);
 * //=> ['РГАСПИ. Ф. 17. Оп. 3. Д. 703. Л. 1–2 об.']
 */
export function findArchivalReferences(text: string, options: FindCitationsOptions = {}): FoundReference[] {
  const lines = lineIndex(text);
  return scanDocument(text, options).map((found) => placed(found, lines));
}

/** How many times each value occurs, in the order the values first occur. */
function countsOf<T>(values: Iterable<T>): Map<T, number> {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/** The values counted most (several when tied), in the order they first occur, and their count (0 for none). */
function mostUsed<T>(counts: Map<T, number>): { values: T[]; count: number } {
  const count = Math.max(0, ...counts.values());
  return { values: [...counts].filter(([, c]) => c === count).map(([v]) => v), count };
}

/** How a message names one kind of choice of {@link documentChoice}. */
interface ChoiceWords<T> {
  /** The choice, as a message names it: `style`, `verso style`. */
  what: string;
  /** One value, as a message names it. */
  name: (value: T) => string;
  /** What was counted: `6 references`. */
  among: string;
  /** The option that settles a tie, in the library and in `latinitsa cite`. */
  option: string;
}

/**
 * The document's choice of one way of writing (its citation style, its verso style): the chosen
 * one, else the one most references use (the first of them to occur when several are used as
 * often), else `fallback`. When two or more are used equally often and none is chosen, none is
 * the document's, and picking one would flag the others as if they were the odd ones out: `tie`
 * then says so, for a finding on every reference concerned that carries no fix and names the
 * option that settles it (docs/citations.md, `latinitsa cite`).
 */
function documentChoice<T>(chosen: T | undefined, used: Iterable<T>, fallback: T, words: ChoiceWords<T>): { value: T; counts: Map<T, number>; tie: string | undefined } {
  const counts = countsOf(used);
  const { values: leaders, count } = mostUsed(counts);
  const tied = chosen === undefined ? leaders : [];
  const tie =
    tied.length > 1
      ? `no ${words.what} is the most used in this document (${tied.map(words.name).join(' and ')}: ${count} each of ${words.among}); no fix: choose the ${words.what} to rewrite them in (${words.option})`
      : undefined;
  return { value: chosen ?? leaders[0] ?? fallback, counts, tie };
}

/**
 * Checks the archival references of a document for consistency: malformed references (errors),
 * `l.` for a range, `op.1`, hyphens in ranges, `GA RF` for `GARF`, verso styles and Russian and
 * English styles mixed (warnings). A reference with warnings only is rewritten in the document's
 * style (in its own when the document has none, styles being tied, or when the numbers-only style
 * cannot write it): its findings carry the rewrite as their `fix`, and `fixed` is the document with
 * all of them applied; nothing else of the document changes. docs/citations.md.
 *
 * @example
 * import { checkCitations } from 'latinitsa';
 * const text = 'GARF, f. R-5446, op. 1, d. 12, ll. 5–7; RGASPI, f. 17, op.3, d. 703, l. 241–42.';
 * const check = checkCitations(text);
 * check.diagnostics.map((d) => d.ruleId);
 * //=> ['cite/spacing', 'cite/plural']
 * check.fixed;
 * //=> 'GARF, f. R-5446, op. 1, d. 12, ll. 5–7; RGASPI, f. 17, op. 3, d. 703, ll. 241–42.'
 */
export function checkCitations(text: string, options: CheckCitationsOptions = {}): CitationCheck {
  // The scheme is resolved once, before anything is found: an unknown one is an error whatever the text.
  const scheme = citationScheme(options.scheme);
  assertCitationStyles(options.style, options.versoStyle);
  const all = scanDocument(text, options);
  // A Ukrainian reference is reported by the reader and left as written; its Ф. and Оп. are not a
  // vote for the Russian style (docs/citations.md).
  const scanned = all.filter((r) => r.ukrainian !== true);
  const lines = lineIndex(text);
  // The document's style and verso style, unless chosen: the ones most references use, English
  // and `5ob.` in a document without any. On a tie, every reference is reported, and none is
  // rewritten into another style until one is chosen (documentChoice).
  const { value: style, counts, tie } = documentChoice(options.style, scanned.map((r) => r.reference.style), 'english', {
    what: 'style',
    name: (s) => CITATION_STYLE_NAMES[s],
    among: `${scanned.length} references`,
    option: 'the `style` option, `--style`',
  });
  const withVerso = scanned.filter((r) => r.reference.versoStyles !== undefined);
  const { value: versoStyle, tie: versoTie } = documentChoice<VersoStyle>(options.versoStyle, withVerso.flatMap((r) => r.reference.versoStyles!), 'ob-attached', {
    what: 'verso style',
    name: (v) => `"${v}"`,
    among: `${withVerso.length} references with a verso`,
    option: 'the `versoStyle` option, `--verso-style`',
  });
  const references: FoundReference[] = [];
  for (const found of all) {
    const ref = found.reference;
    if (found.ukrainian === true) {
      // Left as written, as a reference with errors is; its warnings say so.
      for (const f of found.findings) if (f.severity === 'warning') f.reason += '; no fix: the reference is Ukrainian and is left as written';
      found.findings.sort((a, b) => a.range[0] - b.range[0]);
      references.push(placed(found, lines));
      continue;
    }
    // The numbers-only style writes an archive, one fond, opis' and delo, and leaves: anything else
    // stays in its own style.
    const misfit = style === 'numbers' && ref.style !== 'numbers' ? numbersMisfit(ref) : undefined;
    // A Russian-style reference with a verso (об.) that the rewrite would give a Latin verso mark,
    // while no verso style is the document's: writing one would pick a side of the tie.
    const versoUndecided = versoTie !== undefined && ref.style === 'russian' && style !== 'russian' && (ref.leaves ?? []).some((r) => r.from.verso || r.to?.verso === true);
    // A reference without an archive right after words of its sentence in the other script than
    // the document's style writes (`ГА Пермского края. Ф. 1`, `*РГАСПИ*. Ф. 17`, `State Archive of
    // Perm Krai, f. 1`: its archive's name, not one the reader knows or in markup): rewritten, it
    // would stand behind words left in the other script (`ГА Пермского края. f. 1, …`), half
    // rewritten (docs/citations.md); it keeps its own style.
    const behind = tie === undefined && misfit === undefined && !versoUndecided && ref.style !== style && ref.archive === undefined ? otherScriptBefore(text, found.range[0], style) : undefined;
    // The style this reference is rewritten in: the document's, or its own when there is none or
    // the document's cannot write it (or its verso).
    const target = tie !== undefined || misfit !== undefined || versoUndecided || behind !== undefined ? ref.style : style;
    // Findings the rewrite does not mend: they carry no fix, and say why.
    const unmended = new Set<Finding>();
    if (tie !== undefined) {
      const finding: Finding = { range: found.range, reason: `${CITATION_STYLE_NAMES[ref.style]} reference; ${tie}`, ruleId: 'cite/mixed-style', severity: 'warning' };
      found.findings.push(finding);
      unmended.add(finding);
    } else if (ref.style !== style) {
      const why = options.style === undefined ? `${counts.get(style) ?? 0} of ${scanned.length} references in this document are ${CITATION_STYLE_NAMES[style]}` : `the chosen style is ${CITATION_STYLE_NAMES[style]}`;
      const finding: Finding = { range: found.range, reason: `${CITATION_STYLE_NAMES[ref.style]} reference; ${why}`, ruleId: 'cite/mixed-style', severity: 'warning' };
      if (misfit !== undefined) {
        finding.reason += `; no fix: the numbers-only style cannot write ${misfit}`;
        unmended.add(finding);
      } else if (versoUndecided) {
        finding.reason += `; ${versoTie}`;
        unmended.add(finding);
      } else if (behind !== undefined) {
        finding.reason += `; no fix: the words before it ("${behind}") are in the other script, and would stay so before the reference written ${CITATION_STYLE_NAMES[style]}`;
        unmended.add(finding);
      }
      found.findings.push(finding);
    }
    // On a verso tie every reference with a Latin verso is reported alike, without a fix, as on a
    // style tie; a rewrite for another finding keeps the reference's own verso style.
    const ownVerso = ref.versoStyles ?? [];
    const otherVerso = versoTie === undefined ? ownVerso.filter((v) => v !== versoStyle) : ownVerso;
    if (target !== 'russian' && ref.style !== 'russian' && otherVerso.length > 0) {
      const finding: Finding = { range: found.range, reason: `verso written as ${otherVerso.map((v) => `"${v}"`).join(', ')}; ${versoTie ?? `this document writes "${versoStyle}"`}`, ruleId: 'cite/verso-style', severity: 'warning' };
      found.findings.push(finding);
      if (versoTie !== undefined) unmended.add(finding);
    }
    // With archiveNames 'current', a former name is a finding of every reference that cites one,
    // so that each is reported and rewritten alike, not only those rewritten for another reason.
    const cited = ref.archive;
    if (options.archiveNames === 'current' && cited?.predecessor === true && cited.id !== undefined) {
      const entry = findArchive(cited.id);
      const current = target === 'russian' ? entry.cyrillic[0]! : entry.latin[0]!;
      found.findings.push({ range: cited.range, reason: `"${cited.text}" is a former name of the archive now called ${current}; the current name is asked for (\`archiveNames: 'current'\`, \`--archive-names current\`)`, ruleId: 'cite/archive-form', severity: 'warning' });
    }
    for (const f of found.findings) {
      if (f.keptIn?.style !== target) continue;
      f.reason += `; no fix: ${f.keptIn.why}`;
      unmended.add(f);
    }
    // A lettered leaf the target style cannot write (`5в`: romanized, its letter is the verso mark)
    // leaves the reference as written, its warnings saying why.
    const unwritable = target === 'russian' ? undefined : unwritableLeaf(ref, scheme);
    if (unwritable !== undefined) {
      for (const f of found.findings) {
        if (f.severity !== 'warning' || unmended.has(f)) continue;
        f.reason += `; no fix: the ${target === 'numbers' ? 'numbers-only' : 'English'} style cannot write ${unwritable}`;
        unmended.add(f);
      }
    }
    // A reference read with errors is left as written, its warnings too (docs/citations.md, "A
    // reference with errors is not written"): they say so, as every warning without a fix does.
    if (ref.malformed === true) {
      for (const f of found.findings) {
        if (f.severity !== 'warning' || unmended.has(f)) continue;
        f.reason += '; no fix: the reference has errors and is left as written';
        unmended.add(f);
      }
    }
    found.findings.sort((a, b) => a.range[0] - b.range[0]);
    const result = placed(found, lines);
    references.push(result);
    if (ref.malformed === true || found.findings.every((f) => unmended.has(f))) continue;
    const formatOptions: FormatArchivalOptions = { style: target, versoStyle: versoTie === undefined ? versoStyle : ownVerso[0] ?? versoStyle, scheme };
    if (options.archiveNames !== undefined) formatOptions.archiveNames = options.archiveNames;
    if (options.archives !== undefined) formatOptions.archives = options.archives;
    const replacement = keepLineBreaks(found.text, formatArchivalReference(ref, formatOptions));
    if (replacement === found.text) continue;
    result.replacement = replacement;
    // One full stop serves an abbreviation and the sentence it ends (docs/citations.md, rule 4): a
    // replacement that ends with an abbreviation's (`l. 4ob.`) takes the place of the sentence's
    // after the reference (`l. 4v.`), and a reference whose own ended the sentence (`l. 4ob.` at the
    // end of a line, or before a capital) keeps one when rewritten without it (`l. 4v.`).
    const range: [number, number] = replacement.endsWith('.') && text[found.range[1]] === '.' ? [found.range[0], found.range[1] + 1] : found.range;
    const endsSentence = found.text.endsWith('.') && !replacement.endsWith('.') && /^(?:[ \t]*(?:\r?\n|$)|\s+\p{Lu})/u.test(text.slice(found.range[1], found.range[1] + 8));
    const fixText = endsSentence ? `${replacement}.` : replacement;
    found.findings.forEach((f, i) => {
      if (!unmended.has(f)) result.diagnostics[i]!.fix = { range, text: fixText };
    });
  }
  const diagnostics = references.flatMap((r) => r.diagnostics);
  return { references, diagnostics, style, fixed: applyFixes(text, diagnostics) };
}
