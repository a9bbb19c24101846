// Manuscripts on disk for the checkers: read as bytes, decoded strictly, handed to the document
// module (src/document) which decides what is prose; written back atomically with the byte-order
// mark they had. docs/documents.md.
import { readDocument, documentFormatOf, type DocumentFormat, type ProseDocument } from '../document/document.ts';
import { BOM } from '../engine/utf8.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { decodeBytes } from './decode.ts';
import { readDocxParagraphs } from './docx.ts';
import { ioError } from './errors.ts';
import { readFileLimited } from './files.ts';

/** Options of {@link readDocumentFile}. */
export interface ReadDocumentFileOptions {
  /** The name to use in messages (default: the path). */
  file?: string;
  /** Default: by the file name's extension (see `documentFormatOf`). */
  format?: DocumentFormat;
  /** Largest accepted size in bytes. Default 256 MiB. */
  maxBytes?: number;
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
    bytes = await readFileLimited(path, { maxBytes: options.maxBytes ?? 256 * 1024 * 1024 });
  } catch (error) {
    throw ioError('read', file, error);
  }
  return bytesToDocument(bytes, { file, format });
}

/**
 * A document from bytes (a file's, or stdin's): see {@link readDocumentFile}.
 *
 * @example
 * import { bytesToDocument } from 'latinitsa/io';
 * (await bytesToDocument(new TextEncoder().encode('\uFEFFText.\nNotes\nIbid.'), { format: 'text' })).regions.map((r) => r.kind);
 * //=> ['text', 'notes']
 */
export async function bytesToDocument(bytes: Uint8Array, options: { file?: string; format?: DocumentFormat } = {}): Promise<ProseDocument> {
  const format = options.format ?? 'text';
  if (format === 'docx') return readDocument({ paragraphs: await readDocxParagraphs(bytes, options.file === undefined ? {} : { file: options.file }) });
  // The mark is kept in the decoded text; the document module takes it off and remembers it.
  return readDocument({ text: decodeBytes(bytes, options.file === undefined ? {} : { file: options.file }), format });
}

/**
 * Writes a document's new text back atomically, with the byte-order mark it was read with.
 *
 * @example
 * import { writeDocumentFile } from 'latinitsa/io';
 * (await writeDocumentFile('/no/such/dir/a.md', { bom: false }, 'x').catch((e) => e)).code;
 * //=> 'ERR_IO'
 */
export async function writeDocumentFile(path: string, document: Pick<ProseDocument, 'bom'>, text: string, options: { file?: string } = {}): Promise<void> {
  try {
    await writeFileAtomic(path, (document.bom ? BOM : '') + text);
  } catch (error) {
    throw ioError('write', options.file ?? path, error);
  }
}
