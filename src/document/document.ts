import { splitBom } from '../engine/utf8.ts';
import { LatinitsaError } from '../errors.ts';
import { markdownRegions } from './markdown.ts';
import { plainTextRegions, type Region } from './regions.ts';

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
  /** Whether the source started with a byte-order mark (kept when the file is rewritten). */
  bom: boolean;
}

/** What {@link readDocument} reads: a text (plain or Markdown), or the paragraphs of a .docx. */
export type DocumentSource = { text: string; format?: 'text' | 'markdown' } | { paragraphs: readonly string[]; format?: 'docx' };

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
 * Reads a document's prose: plain text (notes from a "Notes" heading line on), Markdown (code and
 * front matter skipped, footnotes and the notes section as notes) or the paragraphs of a .docx
 * (one paragraph per line, so that a line number is a paragraph number; read as plain text). A
 * leading byte-order mark is taken off and remembered. docs/documents.md describes the rules.
 *
 * @param source `{ text, format }` or `{ paragraphs }`.
 * @returns The document.
 * @example
 * import { readDocument } from 'latinitsa';
 * readDocument({ text: '\uFEFFKirov.\nNotes\nIbid.' });
 * //=> { format: 'text', text: 'Kirov.\nNotes\nIbid.', bom: true, regions: [{ start: 0, end: 7, kind: 'text' }, { start: 7, end: 18, kind: 'notes' }] }
 * readDocument({ paragraphs: ['Kirov', 'Zinoviev'] }).text;
 * //=> 'Kirov\nZinoviev'
 */
export function readDocument(source: DocumentSource): ProseDocument {
  if ('paragraphs' in source) {
    // A paragraph's own line breaks become spaces: one paragraph, one line.
    const text = source.paragraphs.map((p) => p.replace(/\s*[\r\n]+\s*/gu, ' ')).join('\n');
    return { format: 'docx', text, bom: false, regions: plainTextRegions(text) };
  }
  if (typeof source.text !== 'string') throw new LatinitsaError('ERR_INVALID_INPUT', 'readDocument expects { text } or { paragraphs }');
  const format = source.format ?? 'text';
  if (format !== 'text' && format !== 'markdown') throw new LatinitsaError('ERR_INVALID_OPTION', `unknown document format "${String(format)}" (known: text, markdown)`);
  const { bom, text } = splitBom(source.text);
  return { format, text, bom, regions: format === 'markdown' ? markdownRegions(text) : plainTextRegions(text) };
}
