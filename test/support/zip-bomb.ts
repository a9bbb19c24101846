// A .docx "zip bomb" for the server's abuse tests and benchmark: a valid Word package whose
// word/document.xml inflates to about 850 times the file's size (paragraphs of one letter deflate
// best). Built by the tests' .docx writer (test/support/docx.ts), the big part streamed.
import { repeatedDocx } from './docx.ts';

/**
 * A .docx whose word/document.xml is about `xmlBytes` long: paragraphs of one Cyrillic letter.
 * `xmlBytes` of 1 GB gives a file of about 1.2 MB (1.6 MB in base64).
 */
export async function docxBomb(options: { xmlBytes: number }): Promise<Buffer> {
  const chunk = Buffer.from(`<w:p><w:r><w:t>${'о'.repeat(32_768)}</w:t></w:r></w:p>`.repeat(16), 'utf8');
  return Buffer.from(await repeatedDocx(chunk, Math.max(1, Math.round(options.xmlBytes / chunk.length))));
}
