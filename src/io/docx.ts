// Word (.docx) files in Node: their text parts read with zlib through the one package reader
// (src/document/docx-package.ts, which the page runs with the web's streams), and a file written
// back with only those parts changed. What is prose in them, and where each piece of text is, is
// the document module's business (src/document/docx.ts). docs/documents.md.
import { readDocument, type DocumentEdit } from '../document/document.ts';
import { docxPartsSteps, DOCX_LIMITS, type DocxLimits } from '../document/docx-package.ts';
import type { DocxPart } from '../document/docx.ts';
import { runInflateSteps } from '../document/zip.ts';
import { LatinitsaError } from '../errors.ts';
import { nodeInflate, readZip, readZipEntry, replaceZipEntries, type ZipArchive, type ZipBudget } from './zip.ts';

export { DOCX_LIMITS, type DocxLimits } from '../document/docx-package.ts';

/**
 * The WordprocessingML parts of a .docx file that hold its text — the main document, then its
 * footnotes and endnotes when it has them — inflated with Node's zlib within the budgets (see
 * `docxPartsSteps` of src/document/docx-package.ts, which says how a "zip bomb" is refused). Give
 * the parts to `readDocument({ docx })`. Errors: `ERR_UNSUPPORTED_FORMAT` (not a .docx, damaged),
 * `ERR_TOO_LARGE` (over a budget), each naming the file. Without Node: `readDocxPartsAsync`
 * (latinitsa/document).
 *
 * @param data The file's bytes.
 * @param options `file`: its name, for messages; `limits`: the budgets.
 * @returns The parts, body first.
 * @example
 * import { readDocxParts } from 'latinitsa/io';
 * (() => { try { return readDocxParts(new Uint8Array([1, 2, 3]), { file: 'x.docx' }); } catch (e) { return (e as Error).message; } })();
 * //=> 'x.docx: not a zip archive (a .docx is one)'
 */
export function readDocxParts(data: Uint8Array, options: { file?: string; limits?: DocxLimits } = {}): DocxPart[] {
  return runInflateSteps(docxPartsSteps(data, options), nodeInflate);
}
/**
 * The paragraphs of a .docx, in order: the body's (table cells and text boxes included), then the
 * footnotes' and endnotes'. For notes marked as notes and fixes written back, read the file with
 * `bytesToDocument` (or `readDocxParts` and `readDocument({ docx })`) instead.
 *
 * @param data The file's bytes.
 * @param options `file`: its name, for messages; `limits`: the decompression budgets.
 * @returns The paragraphs' text.
 * @example
 * import { readDocxParagraphs } from 'latinitsa/io';
 * await readDocxParagraphs(new Uint8Array([1, 2, 3]), { file: 'x.docx' }).catch((e) => e.code);
 * //=> 'ERR_UNSUPPORTED_FORMAT'
 */
export async function readDocxParagraphs(data: Uint8Array, options: { file?: string; limits?: DocxLimits } = {}): Promise<string[]> {
  return readDocument({ docx: readDocxParts(data, options) }).docx!.paragraphs;
}

/**
 * A .docx file's bytes with the parts of an edit (`editDocument`) replaced: every other entry of
 * the package is copied as it was. The parts must be those of `original`, unchanged: a file that
 * changed since it was read is refused (`ERR_IO`) rather than overwritten.
 *
 * @param original The file's bytes now.
 * @param read The parts the edit was made from (`document.docx.parts`).
 * @param edit The edit.
 * @returns The new file's bytes.
 */
export function rewriteDocx(original: Uint8Array, read: readonly DocxPart[], edit: Pick<DocumentEdit, 'parts'>, options: { file?: string; limits?: DocxLimits } = {}): Uint8Array {
  const file = options.file ?? 'input';
  const archive: ZipArchive = readZip(original, { file });
  const budget: ZipBudget = { maxEntryBytes: options.limits?.maxPartBytes ?? DOCX_LIMITS.maxPartBytes, remaining: options.limits?.maxTotalBytes ?? DOCX_LIMITS.maxTotalBytes };
  for (const [name] of edit.parts ?? []) {
    const before = read.find((p) => p.name === name);
    const entry = archive.find(name);
    if (before === undefined || entry === undefined || !sameBytes(readZipEntry(archive, entry, budget, { file }), before.xml)) {
      throw new LatinitsaError('ERR_IO', `cannot write ${file}: it changed since it was read`, { file });
    }
  }
  return replaceZipEntries(archive, edit.parts ?? new Map(), { file });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0;
}
