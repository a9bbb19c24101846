// Manuscripts on disk for the checkers: read as bytes, decoded strictly, handed to the document
// module (src/document) which decides what is prose; written back atomically with the byte-order
// mark they had. docs/documents.md.
import { readDocument, documentFormatOf, type DocumentEdit, type DocumentFormat, type ProseDocument } from '../document/document.ts';
import { BOM } from '../engine/utf8.ts';
import { LatinitsaError } from '../errors.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { decodeBytes, type ReaderOptions } from './decode.ts';
import { readDocxParts, rewriteDocx, type DocxLimits } from './docx.ts';
import { ioError } from './errors.ts';
import { readFileLimited } from './files.ts';

/** The largest manuscript file read, by default (a .docx with its pictures included). */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

/** Options of {@link readDocumentFile}. */
export interface ReadDocumentFileOptions {
  /** The name to use in messages (default: the path). */
  file?: string;
  /** Default: by the file name's extension (see `documentFormatOf`). */
  format?: DocumentFormat;
  /** Largest accepted size in bytes. Default 256 MiB. */
  maxBytes?: number;
  /** For a .docx: the decompression budgets (see `readDocxParts`). */
  limits?: DocxLimits;
  /** What the reading program offers instead, for the hint of an invalid-UTF-8 error (`ReaderOptions`). */
  reader?: ReaderOptions;
}

/**
 * Reads a manuscript (plain text, Markdown or .docx) into a document: strict UTF-8, the prose
 * regions, and whether it had a byte-order mark. Errors name the file (`ERR_IO`,
 * `ERR_INVALID_UTF8`, `ERR_UNSUPPORTED_FORMAT`).
 *
 * @example
 * import { readDocumentFile } from 'latinitsa/io';
 * (await readDocumentFile('/no/such/notes.md').catch((e) => e)).code;
 * //=> 'ERR_IO'
 */
export async function readDocumentFile(path: string, options: ReadDocumentFileOptions = {}): Promise<ProseDocument> {
  const file = options.file ?? path;
  const format = options.format ?? documentFormatOf(path);
  let bytes: Uint8Array;
  try {
    bytes = await readFileLimited(path, { maxBytes: options.maxBytes ?? MAX_DOCUMENT_BYTES, name: file });
  } catch (error) {
    throw ioError('read', file, error);
  }
  return bytesToDocument(bytes, { file, format, ...(options.limits === undefined ? {} : { limits: options.limits }), ...(options.reader === undefined ? {} : { reader: options.reader }) });
}

/**
 * A document from bytes (a file's, or stdin's): see {@link readDocumentFile}.
 *
 * @example
 * import { bytesToDocument } from 'latinitsa/io';
 * (await bytesToDocument(new TextEncoder().encode('\uFEFFText.\nNotes\nIbid.'), { format: 'text' })).regions.map((r) => r.kind);
 * //=> ['text', 'notes']
 */
export async function bytesToDocument(bytes: Uint8Array, options: { file?: string; format?: DocumentFormat; limits?: DocxLimits; reader?: ReaderOptions } = {}): Promise<ProseDocument> {
  const format = options.format ?? 'text';
  const text = format === 'docx' ? undefined : decodeBytes(bytes, { ...(options.file === undefined ? {} : { file: options.file }), ...(options.reader === undefined ? {} : { reader: options.reader }) });
  const parts = format === 'docx' ? readDocxParts(bytes, options) : undefined;
  try {
    // The mark is kept in the decoded text; the document module takes it off and remembers it.
    return parts !== undefined ? readDocument({ docx: parts }) : readDocument({ text: text!, format: format as 'text' | 'markdown' });
  } catch (error) {
    // The document module names the part or the line; the message names the file too.
    if (!(error instanceof LatinitsaError) || options.file === undefined || error.file !== undefined) throw error;
    throw new LatinitsaError(error.code, `${options.file}: ${error.message}`, { file: options.file, cause: error });
  }
}

/**
 * Writes a document back atomically after `editDocument`: a text with the byte-order mark it was
 * read with; a .docx with only the changed parts replaced (refused when the file changed since it
 * was read). A file that cannot be replaced without loss — a device or FIFO, a file with other
 * hard links, a read-only file — is refused (`ERR_IO`), see `openAtomicWriter`.
 *
 * @example
 * import { writeDocumentFile } from 'latinitsa/io';
 * (await writeDocumentFile('/no/such/dir/a.md', { format: 'markdown', bom: false }, { text: 'x' }).catch((e) => e)).code;
 * //=> 'ERR_IO'
 */
export async function writeDocumentFile(path: string, document: Pick<ProseDocument, 'bom' | 'format' | 'docx'>, edit: Pick<DocumentEdit, 'text' | 'parts'>, options: { file?: string } = {}): Promise<void> {
  const file = options.file ?? path;
  try {
    if (document.format === 'docx') {
      if (document.docx === undefined) throw new LatinitsaError('ERR_INVALID_INPUT', `cannot write ${file}: a .docx read as bare paragraphs cannot be written back`, { file });
      const now = await readFileLimited(path, { maxBytes: MAX_DOCUMENT_BYTES, name: file });
      await writeFileAtomic(path, rewriteDocx(now, document.docx.parts, edit, { file }), { name: file });
    } else {
      await writeFileAtomic(path, (document.bom ? BOM : '') + edit.text, { name: file });
    }
  } catch (error) {
    throw ioError('write', file, error);
  }
}
