import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { LatinitsaError } from '../errors.ts';
import { formatArchivalReference, scanArchivalReference, type ArchivalReference, type CitationDiagnostic, type CitationStyle, type FormatArchivalOptions, type VersoStyle } from './archival.ts';

/** An archival reference found in a document. */
export interface FoundReference {
  /** Offsets [start, end) in the document: from the archive (or first level) to the last number or verso mark. */
  range: [number, number];
  /** The reference as written. */
  text: string;
  reference: ArchivalReference;
  /** Findings about this reference (offsets in the document). */
  diagnostics: CitationDiagnostic[];
}

/** Options of {@link findArchivalReferences}. */
export interface FindCitationsOptions {
  /** `'markdown'` reads only prose (paragraphs, headings, footnotes; not code); default `'text'`. */
  format?: 'text' | 'markdown';
}

/** Options of {@link checkCitations}. */
export interface CheckCitationsOptions extends FindCitationsOptions, Omit<FormatArchivalOptions, 'style'> {
  /** The style every reference should have; default: the style most references of the document use. */
  style?: CitationStyle;
}

/** One replacement of {@link checkCitations}: the span of a reference and its text in the document's style. */
export interface CitationEdit {
  range: [number, number];
  replacement: string;
}

/** What {@link checkCitations} returns. */
export interface CitationCheck {
  references: FoundReference[];
  /** Every finding, in document order. */
  diagnostics: CitationDiagnostic[];
  /** The style the document is checked against. */
  style: CitationStyle;
  /** Rewrites of the references that have only warnings (malformed ones are never rewritten). */
  edits: CitationEdit[];
  /** The document with `edits` applied. */
  fixed: string;
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

/** Scans `text[from, to)` on its own (a reference never runs across a region's end); offsets are the document's. */
function scanRegion(text: string, from: number, to: number, out: FoundReference[]): void {
  const region = from === 0 && to === text.length ? text : text.slice(from, to);
  wordStart.lastIndex = 0;
  for (let m = wordStart.exec(region); m !== null; m = wordStart.exec(region)) {
    const found = scanArchivalReference(region, m.index, false);
    if (found === undefined) continue;
    // In running text a reference needs two levels (or an archive and one level) and a file-level
    // unit, so that "Т. 2" or "l. 4" alone is not taken for one. An acronym not in the §5.3 table
    // ("NKVD, f. 3 of the list") needs two levels.
    const knownArchive = found.reference.archive?.id !== undefined;
    const enough = (found.elements >= 2 || knownArchive) && found.hasUnit;
    if (!enough || looksLikeYears(found.reference)) continue;
    const { reference, diagnostics } = found;
    if (from !== 0) {
      if (reference.archive !== undefined) reference.archive.range = shift(reference.archive.range, from);
      for (const d of diagnostics) d.range = shift(d.range, from);
    }
    out.push({ range: [found.start + from, found.end + from], text: region.slice(found.start, found.end), reference, diagnostics });
    wordStart.lastIndex = Math.max(found.end, m.index + 1);
  }
}

interface MdNode {
  type: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/** Offsets of the prose (text nodes) of a Markdown document, footnote definitions included. */
function markdownRegions(text: string): Array<[number, number]> {
  const tree = fromMarkdown(text, { extensions: [gfmFootnote()], mdastExtensions: [gfmFootnoteFromMarkdown()] }) as MdNode;
  const regions: Array<[number, number]> = [];
  const walk = (node: MdNode): void => {
    if (node.type === 'text' && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      const last = regions.at(-1);
      // Adjacent text nodes (split by an escape or entity) are one region.
      if (last !== undefined && last[1] === node.position.start.offset) last[1] = node.position.end.offset;
      else regions.push([node.position.start.offset, node.position.end.offset]);
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return regions;
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
  if (typeof text !== 'string') throw new LatinitsaError('ERR_INVALID_INPUT', 'findArchivalReferences expects a string');
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'markdown') throw new LatinitsaError('ERR_INVALID_OPTION', `unknown format "${String(format)}" (known: text, markdown)`);
  const out: FoundReference[] = [];
  if (format === 'text') scanRegion(text, 0, text.length, out);
  else for (const [from, to] of markdownRegions(text)) scanRegion(text, from, to, out);
  return out;
}

const styleNames: Record<CitationStyle, string> = { russian: 'Russian-style', english: 'English-style', numbers: 'numbers-only' };

function majority<T extends string>(values: T[], fallback: T): T {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = fallback;
  let bestCount = 0;
  for (const [v, c] of counts) if (c > bestCount) [best, bestCount] = [v, c];
  return best;
}

/**
 * Checks the archival references of a document for consistency: malformed references (errors),
 * `l.` for a range, `op.1`, hyphens in ranges, `GA RF` for `GARF`, verso styles and Russian and
 * English styles mixed (warnings). References with warnings only are rewritten in `fixed`, in the
 * document's style; nothing else of the document changes.
 *
 * @example
 * import { checkCitations } from 'latinitsa';
 * const text = 'GARF, f. R-5446, op. 1, d. 12, ll. 5–7; RGASPI, f. 17, op.3, d. 703, l. 241–42.';
 * const check = checkCitations(text);
 * check.diagnostics.map((d) => d.rule);
 * //=> ['cite/spacing', 'cite/plural']
 * check.fixed;
 * //=> 'GARF, f. R-5446, op. 1, d. 12, ll. 5–7; RGASPI, f. 17, op. 3, d. 703, ll. 241–42.'
 */
export function checkCitations(text: string, options: CheckCitationsOptions = {}): CitationCheck {
  const references = findArchivalReferences(text, options);
  const style = options.style ?? majority(references.map((r) => r.reference.style), 'english');
  if (!['english', 'russian', 'numbers'].includes(style)) throw new LatinitsaError('ERR_INVALID_OPTION', `unknown citation style "${style}" (known: english, russian, numbers)`);
  const versoStyle: VersoStyle = options.versoStyle ?? majority(references.flatMap((r) => r.reference.versoStyles ?? []), 'ob-attached');
  const counts = references.filter((r) => r.reference.style === style).length;
  const edits: CitationEdit[] = [];
  const diagnostics: CitationDiagnostic[] = [];
  for (const found of references) {
    const ref = found.reference;
    if (ref.style !== style) {
      const why = options.style === undefined ? `${counts} of ${references.length} references in this document are ${styleNames[style]}` : `the chosen style is ${styleNames[style]}`;
      found.diagnostics.push({ range: found.range, message: `${styleNames[ref.style]} reference; ${why}`, rule: 'cite/mixed-style', severity: 'warning' });
    }
    const otherVerso = (ref.versoStyles ?? []).filter((v) => v !== versoStyle);
    if (style !== 'russian' && ref.style !== 'russian' && otherVerso.length > 0) {
      found.diagnostics.push({ range: found.range, message: `verso written as ${otherVerso.map((v) => `"${v}"`).join(', ')}; this document writes "${versoStyle}"`, rule: 'cite/verso-style', severity: 'warning' });
    }
    found.diagnostics.sort((a, b) => a.range[0] - b.range[0]);
    diagnostics.push(...found.diagnostics);
    if (found.diagnostics.length === 0 || found.diagnostics.some((d) => d.severity === 'error')) continue;
    const formatOptions: FormatArchivalOptions = { style, versoStyle };
    if (options.scheme !== undefined) formatOptions.scheme = options.scheme;
    if (options.archiveNames !== undefined) formatOptions.archiveNames = options.archiveNames;
    if (options.archives !== undefined) formatOptions.archives = options.archives;
    const replacement = formatArchivalReference(ref, formatOptions);
    if (replacement !== found.text) edits.push({ range: found.range, replacement });
  }
  let fixed = '';
  let at = 0;
  for (const e of edits) {
    fixed += text.slice(at, e.range[0]) + e.replacement;
    at = e.range[1];
  }
  fixed += text.slice(at);
  return { references, diagnostics, style, edits, fixed };
}
