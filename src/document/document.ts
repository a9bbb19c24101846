import { applyFixes, selectFixes } from '../diagnostics/fix.ts';
import type { Fix } from '../diagnostics/types.ts';
import { splitBom } from '../engine/utf8.ts';
import { LatinitsaError } from '../errors.ts';
import { docxNotesStart, docxText, editDocx, readDocxLayout, type DocxLayout, type DocxPart } from './docx.ts';
import { markdownProse } from './markdown.ts';
import { markQuoted, plainTextQuotations, plainTextRegions, pushRegion, type DocumentNote, type Region } from './regions.ts';

/** The kinds of document latinitsa reads prose from. */
export const documentFormats = ['text', 'markdown', 'docx'] as const;
export type DocumentFormat = (typeof documentFormats)[number];

/** A document ready for the checkers: its text and which parts of it are prose. */
export interface ProseDocument {
  format: DocumentFormat;
  /** The text, without a byte-order mark. */
  text: string;
  /** The prose, in order: running text and notes. */
  regions: Region[];
  /**
   * The spans [start, end) of the text set in italics (a .docx's italic runs, Markdown emphasis),
   * in order, not overlapping; absent in plain text. The checker reads a title or a quotation in
   * them (docs/documents.md).
   */
  emphasis?: Array<[number, number]>;
  /**
   * A .docx's footnotes and endnotes: the span [start, end) of each in the text, which kind it is
   * and the number Word shows for it, in order; absent in other formats and without notes. A
   * finding in a note is placed by them as a person finds it in Word (footnote 3, paragraph 1:
   * `notePlaces`, docs/documents.md "Places in notes").
   */
  notes?: DocumentNote[];
  /** Whether the source started with a byte-order mark (kept when the file is rewritten). */
  bom: boolean;
  /** For a .docx read from its parts: where its text is in them, so that fixes can be written back. */
  docx?: DocxLayout;
}

/**
 * What {@link readDocument} reads: a text (plain or Markdown), the WordprocessingML parts of a
 * .docx (body, footnotes, endnotes: `readDocxParts` in latinitsa/io, or `readDocxPartsAsync` in a
 * browser, takes them out of the file), or a .docx's paragraphs as text (read only: fixes cannot be
 * written back).
 */
export type DocumentSource =
  | { text: string; format?: 'text' | 'markdown' }
  | { docx: readonly DocxPart[]; format?: 'docx' }
  | { paragraphs: readonly string[]; format?: 'docx' };

/**
 * The format of a file by its name: `.md`, `.markdown`, `.mdx` are Markdown, `.docx` Word,
 * anything else plain text.
 *
 * @example
 * import { documentFormatOf } from 'latinitsa/document';
 * ['ch1.md', 'book.DOCX', 'notes.txt'].map(documentFormatOf);
 * //=> ['markdown', 'docx', 'text']
 */
export function documentFormatOf(fileName: string): DocumentFormat {
  const ext = /\.([^./\\]+)$/u.exec(fileName)?.[1]?.toLowerCase();
  return ext === 'md' || ext === 'markdown' || ext === 'mdx' ? 'markdown' : ext === 'docx' ? 'docx' : 'text';
}

/**
 * Reads a document's prose: plain text (notes from a "Notes" heading line on, or the numbered
 * endnotes after it), Markdown (code and front matter skipped, footnotes, the notes section and
 * numbered endnotes as notes) or a .docx (one paragraph per line, so that a line number is a
 * paragraph number: the body read as plain text, then the footnotes and endnotes as notes). A
 * leading byte-order mark is taken off and remembered.
 * docs/documents.md describes the rules.
 *
 * @param source `{ text, format }`, `{ docx: parts }` or `{ paragraphs }`.
 * @returns The document.
 * @example
 * import { readDocument } from 'latinitsa';
 * readDocument({ text: '\uFEFFKirov.\nNotes\nIbid.' });
 * //=> { format: 'text', text: 'Kirov.\nNotes\nIbid.', bom: true, regions: [{ start: 0, end: 7, kind: 'text' }, { start: 7, end: 18, kind: 'notes' }] }
 * readDocument({ paragraphs: ['Kirov', 'Zinoviev'] }).text;
 * //=> 'Kirov\nZinoviev'
 */
export function readDocument(source: DocumentSource): ProseDocument {
  if (typeof source !== 'object' || source === null || Array.isArray(source)) {
    throw new LatinitsaError('ERR_INVALID_INPUT', `readDocument expects { text, format }, { docx } or { paragraphs }, found ${source === null ? 'null' : Array.isArray(source) ? 'an array' : typeof source}`);
  }
  if ('docx' in source) {
    const layout = readDocxLayout(source.docx);
    const text = docxText(layout);
    const notes = docxNotesStart(layout);
    // The body as plain text, a paragraph a line (a "Notes" heading starts notes there too), then
    // the notes; the body keeps its last line end, as a plain-text region does.
    let regions: Region[];
    if (notes === undefined) regions = plainTextRegions(text, { lines: true });
    else if (notes === 0) regions = [{ start: 0, end: text.length, kind: 'notes' }];
    else {
      regions = plainTextRegions(text.slice(0, notes), { lines: true });
      pushRegion(regions, { start: notes, end: text.length, kind: 'notes' });
    }
    const noted = layout.notes.length === 0 ? {} : { notes: documentNotes(layout) };
    return { format: 'docx', text, bom: false, regions: markQuoted(regions, paragraphSpans(layout.paragraphs, layout.quoted)), emphasis: layout.emphasis, ...noted, docx: layout };
  }
  if ('paragraphs' in source) {
    // A paragraph's own line breaks become spaces: one paragraph, one line.
    const text = source.paragraphs.map((p) => p.replace(/\s*[\r\n]+\s*/gu, ' ')).join('\n');
    return { format: 'docx', text, bom: false, regions: plainTextRegions(text, { lines: true }) };
  }
  if (typeof source.text !== 'string') throw new LatinitsaError('ERR_INVALID_INPUT', 'readDocument expects { text } or { paragraphs }');
  const format = source.format ?? 'text';
  if (format !== 'text' && format !== 'markdown') throw new LatinitsaError('ERR_INVALID_OPTION', `unknown document format "${String(format)}" (known: text, markdown)`);
  const { bom, text } = splitBom(source.text);
  // A paragraph set off by its indent and wholly in quotation marks is a block quotation (regions.ts).
  if (format === 'text') return { format, text, bom, regions: markQuoted(plainTextRegions(text), plainTextQuotations(text)) };
  const { regions, emphasis } = markdownProse(text);
  return { format, text, bom, regions, ...(emphasis.length > 0 ? { emphasis } : {}) };
}

/** A document with fixes applied: see {@link editDocument}. */
export interface DocumentEdit {
  /** The new text of the document. */
  text: string;
  /** The fixes written. */
  applied: Fix[];
  /** The fixes that could not be written (in a .docx: across a tab, a line break, a paragraph end, a field or a tracked change). */
  skipped: Fix[];
  /** For a .docx: the new XML of each changed part, by part name (see `writeDocumentFile` in latinitsa/io). */
  parts?: Map<string, Uint8Array>;
}

/**
 * Applies fixes to a document, changing only their spans (overlapping fixes: see `selectFixes`).
 * For a .docx read from its parts, the fixes are also written into the parts' XML (`editDocx`):
 * only the letters a fix changes, every run keeping its formatting; a fix that spans a tab, a
 * line break, a paragraph end, a field or a tracked change is skipped (docs/documents.md, "Fixes
 * in a .docx"). A .docx read from bare paragraphs cannot be fixed (every fix is skipped).
 *
 * @param document The document the fixes were found in.
 * @param fixes The fixes (of its diagnostics).
 * @returns The new text, and which fixes were applied.
 * @example
 * import { readDocument, editDocument } from 'latinitsa/document';
 * editDocument(readDocument({ text: 'Zinovyev and Zinoviev' }), [{ range: [0, 8], text: 'Zinoviev' }]).text;
 * //=> 'Zinoviev and Zinoviev'
 */
export function editDocument(document: ProseDocument, fixes: readonly Fix[]): DocumentEdit {
  const chosen = selectFixes(fixes.map((fix) => ({ fix })));
  if (document.format !== 'docx') return { text: applyFixes(document.text, chosen.map((fix) => ({ fix }))), applied: chosen, skipped: [] };
  if (document.docx === undefined) return { text: document.text, applied: [], skipped: chosen };
  // The text the fixes point into is the document's: editDocx need not make it again.
  const edit = editDocx(document.docx, chosen, document.text);
  return { text: applyFixes(document.text, edit.applied.map((fix) => ({ fix }))), ...edit };
}

/** The notes of a .docx layout as spans of its text (its paragraphs joined by line ends). */
function documentNotes(layout: DocxLayout): DocumentNote[] {
  const starts = paragraphStarts(layout.paragraphs);
  return layout.notes.map(({ kind, number, mark, first, end }) => ({ start: starts[first]!, end: starts[end - 1]! + layout.paragraphs[end - 1]!.length, kind, ...(mark === undefined ? { number: number! } : { mark }) }));
}

/** The spans [start, end) of the paragraphs with the given indices (in order) in the paragraphs joined by line ends. */
function paragraphSpans(paragraphs: readonly string[], indices: readonly number[]): Array<[number, number]> {
  const starts = paragraphStarts(paragraphs);
  return indices.filter((i) => i < paragraphs.length).map((i) => [starts[i]!, starts[i]! + paragraphs[i]!.length]);
}

/** Where each paragraph starts in the text they make, joined by line ends (`docxText`). */
function paragraphStarts(paragraphs: readonly string[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const p of paragraphs) {
    starts.push(offset);
    offset += p.length + 1;
  }
  return starts;
}
