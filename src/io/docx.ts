// .docx manuscripts for the checker (issue 6), read with mammoth (spec: ecosystem-libs §6).
import { LatinitsaError } from '../errors.ts';

/**
 * The text of a .docx file, one paragraph per line, so that a diagnostic's line number is the
 * paragraph number (line breaks inside a paragraph become spaces). Tables and text boxes are read
 * as paragraphs too; footnotes are not read. A file that is not a .docx gives
 * `ERR_UNSUPPORTED_FORMAT`.
 *
 * @param data The file's bytes.
 * @param options `file`: its name, for messages.
 * @returns The paragraphs joined with `\n`.
 * @example
 * import { docxToParagraphText } from 'latinitsa/io';
 * await docxToParagraphText(new Uint8Array([1, 2, 3]), { file: 'x.docx' }).catch((e) => e.code);
 * //=> 'ERR_UNSUPPORTED_FORMAT'
 */
export async function docxToParagraphText(data: Uint8Array, options: { file?: string } = {}): Promise<string> {
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
  const paragraphs = value.replace(/\n\n$/u, '').split('\n\n');
  return paragraphs.map((p) => p.replace(/\s*\n\s*/gu, ' ')).join('\n');
}
