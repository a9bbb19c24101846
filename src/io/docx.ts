// Word (.docx) manuscripts: their paragraphs, read with mammoth. What is prose in them is decided
// by the document module (src/document), like for every other format: docs/documents.md.
import { LatinitsaError } from '../errors.ts';

/**
 * The paragraphs of a .docx file, in order, as mammoth reads them: body paragraphs, table cells
 * and text boxes; not footnotes. Give them to `readDocument({ paragraphs })`. A file that is not a
 * .docx gives `ERR_UNSUPPORTED_FORMAT`.
 *
 * @param data The file's bytes.
 * @param options `file`: its name, for messages.
 * @returns The paragraphs' text.
 * @example
 * import { readDocxParagraphs } from 'latinitsa/io';
 * await readDocxParagraphs(new Uint8Array([1, 2, 3]), { file: 'x.docx' }).catch((e) => e.code);
 * //=> 'ERR_UNSUPPORTED_FORMAT'
 */
export async function readDocxParagraphs(data: Uint8Array, options: { file?: string } = {}): Promise<string[]> {
  const name = options.file ?? 'input';
  // mammoth and its dependencies load only when a .docx is read, not with latinitsa/io.
  const { default: mammoth } = await import('mammoth');
  let value: string;
  try {
    ({ value } = await mammoth.extractRawText({ buffer: Buffer.from(data.buffer, data.byteOffset, data.byteLength) }));
  } catch (error) {
    throw new LatinitsaError('ERR_UNSUPPORTED_FORMAT', `${name} is not a readable .docx file (${(error as Error).message.split('\n')[0]})`, { ...(options.file === undefined ? {} : { file: options.file }), cause: error });
  }
  // mammoth ends every paragraph with "\n\n".
  return value.replace(/\n\n$/u, '').split('\n\n');
}
