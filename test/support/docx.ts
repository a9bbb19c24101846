// Word packages for tests: a minimal valid .docx around given WordprocessingML (body, footnotes,
// endnotes), and a "zip bomb" whose document part inflates to a given size without ever being
// held whole; runs with formatting, fields (nested ones too) and tracked changes (inserted, deleted, moved text), and the
// text Word shows with those changes accepted or rejected. Built with the package's own zip
// writer (src/io/zip.ts).
import { constants, crc32, createDeflateRaw } from 'node:zlib';
import { writeZip } from '../../src/io/zip.ts';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The content of a `w:p` with the given runs (each run's text in one `w:t`). */
export function paragraph(...runs: string[]): string {
  return `<w:p>${runs.map((r) => run(r)).join('')}</w:p>`;
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A run (`w:r`) with its text in one `w:t`, and run properties when given (`'<w:b/>'`,
 * `'<w:i/>'`): for paragraphs whose runs differ in formatting (see {@link paragraphOf}).
 */
export function run(text: string, properties = ''): string {
  return `<w:r>${properties === '' ? '' : `<w:rPr>${properties}</w:rPr>`}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

/** A `w:p` of the given content, as it is (runs made by {@link run}, tracked changes by {@link tracked}). */
export function paragraphOf(...content: string[]): string {
  return `<w:p>${content.join('')}</w:p>`;
}

/** A run of field code (`w:instrText`), as it is: give the spaces Word writes around a code (`' REF name '`). */
export function instruction(code: string): string {
  return `<w:r><w:instrText xml:space="preserve">${escapeXml(code)}</w:instrText></w:r>`;
}

/**
 * A complex field as Word writes it: `w:fldChar` begin, the code, separate, the result's text in
 * one run, end. `code` is the code's text (one {@link instruction} run), or the code's XML as
 * pieces, of {@link instruction} runs and the fields nested in the code (an `IF` comparing a `REF`:
 * `field([instruction(' IF '), field(' REF name ', 'Zinovyev'), instruction(' = "x" "y" "z" ')], 'y')`).
 */
export function field(code: string | readonly string[], result: string): string {
  const char = (type: string): string => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;
  return `${char('begin')}${typeof code === 'string' ? instruction(code) : code.join('')}${char('separate')}${run(result)}${char('end')}`;
}

let revisionId = 100;

/**
 * A tracked change as Word writes it: inserted or moved-in text in runs inside `w:ins` /
 * `w:moveTo`; deleted or moved-away text in `w:delText` inside `w:del` / `w:moveFrom` (Word
 * writes moved-away text as `w:t`, deleted text as `w:delText`).
 */
export function tracked(kind: 'ins' | 'del' | 'moveTo' | 'moveFrom', text: string, properties = ''): string {
  const element = kind === 'del' ? 'delText' : 't';
  const rPr = properties === '' ? '' : `<w:rPr>${properties}</w:rPr>`;
  return `<w:${kind} w:id="${revisionId++}" w:author="Editor" w:date="2024-01-01T00:00:00Z"><w:r>${rPr}<w:${element} xml:space="preserve">${escapeXml(text)}</w:${element}></w:r></w:${kind}>`;
}

/**
 * The body XML as Word shows it with every tracked change accepted, or every one rejected: for
 * checking that a writer leaves both views as they were where it does not fix. Handles changes as
 * {@link tracked} writes them (not nested).
 */
export function trackedView(xml: string, view: 'accepted' | 'rejected'): string {
  const [keep, drop] = view === 'accepted' ? [['ins', 'moveTo'], ['del', 'moveFrom']] : [['del', 'moveFrom'], ['ins', 'moveTo']];
  let out = xml;
  for (const kind of drop) out = out.replace(new RegExp(`<w:${kind}\\b[^>]*>.*?</w:${kind}>`, 'gsu'), '');
  for (const kind of keep) out = out.replace(new RegExp(`<w:${kind}\\b[^>]*>(.*?)</w:${kind}>`, 'gsu'), '$1');
  return out.replace(/<(\/?)w:delText\b/gu, '<$1w:t');
}

/**
 * The parts of a .docx with the given body and, optionally, footnotes, endnotes and settings (the
 * XML inside `w:body`, `w:footnotes`, `w:endnotes`, `w:settings`).
 */
export function docxFiles(content: { body: string; footnotes?: string; endnotes?: string; settings?: string }): Array<{ name: string; data: Uint8Array }> {
  const enc = new TextEncoder();
  const notes = (['footnotes', 'endnotes', 'settings'] as const).filter((k) => content[k] !== undefined);
  const files: Array<[string, string]> = [
    [
      '[Content_Types].xml',
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>${notes.map((k) => `<Override PartName="/word/${k}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${k}+xml"/>`).join('')}</Types>`,
    ],
    ['_rels/.rels', `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`],
    ['word/document.xml', `${XML}<w:document xmlns:w="${W_NS}"><w:body>${content.body}</w:body></w:document>`],
  ];
  if (notes.length > 0) {
    files.push([
      'word/_rels/document.xml.rels',
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${notes.map((k, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/${k}" Target="${k}.xml"/>`).join('')}</Relationships>`,
    ]);
    for (const k of notes) files.push([`word/${k}.xml`, `${XML}<w:${k} xmlns:w="${W_NS}">${content[k]}</w:${k}>`]);
  }
  return files.map(([name, text]) => ({ name, data: enc.encode(text) }));
}

/** A .docx file with the given body and notes (see {@link docxFiles}). */
export function docx(content: { body: string; footnotes?: string; endnotes?: string; settings?: string }): Uint8Array {
  return writeZip(docxFiles(content));
}

/** A footnote (or endnote) element with the given paragraphs' XML. */
export function note(kind: 'footnote' | 'endnote', id: number, body: string): string {
  return `<w:${kind} w:id="${id}">${body}</w:${kind}>`;
}

/**
 * A .docx whose word/document.xml is `times` copies of a small paragraph: about `times * 40`
 * bytes of XML from a file about a thousandth of that. With `declare`, the archive claims that
 * uncompressed size instead of the true one.
 */
export async function docxBomb(times: number, options: { declare?: number } = {}): Promise<Uint8Array> {
  return repeatedDocx(Buffer.from('<w:p><w:r><w:t>Kirov</w:t></w:r></w:p>'.repeat(1024)), Math.ceil(times / 1024), options);
}

/**
 * A .docx whose word/document.xml is `chunk` repeated `repeats` times inside the body, deflated
 * as a stream and never held whole (for the zip bombs of the reader's and the server's tests).
 */
export async function repeatedDocx(chunk: Buffer, repeats: number, options: { declare?: number } = {}): Promise<Uint8Array> {
  const head = Buffer.from(`${XML}<w:document xmlns:w="${W_NS}"><w:body>`);
  const tail = Buffer.from('</w:body></w:document>');
  const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION, memLevel: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = crc32(head);
  let size = head.length;
  const write = async (b: Buffer): Promise<void> => {
    if (!deflate.write(b)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  await write(head);
  for (let i = 0; i < repeats; i++) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    await write(chunk);
  }
  crc = crc32(tail, crc);
  size += tail.length;
  deflate.end(tail);
  await done;
  const files = docxFiles({ body: '' }).filter((f) => f.name !== 'word/document.xml');
  return writeZip([...files, { name: 'word/document.xml', deflated: Buffer.concat(out), crc: crc >>> 0, size: options.declare ?? size }]);
}
