// Word (.docx) packages: which parts hold the text — the main document, its footnotes and
// endnotes, found through the package's relationships, and the settings that number the notes — each inflated within the decompression
// budgets by the one zip reader (src/document/zip.ts). Written once as steps (see
// `InflateSteps`): latinitsa/io runs them with Node's zlib, the page with the web's
// DecompressionStream ({@link readDocxPartsAsync}). A .docx is written back with its changed parts
// by the one zip writer (src/document/zip-write.ts): latinitsa/io deflates them with zlib
// (`rewriteDocx`), the page with the web's CompressionStream ({@link rewriteDocxAsync}). What is
// prose in the parts is src/document/docx.ts's business.
// docs/documents.md.
import { LatinitsaError } from '../errors.ts';
import type { DocumentEdit } from './document.ts';
import type { DocxPart, DocxPartRole } from './docx.ts';
import { XmlScanner } from './xml.ts';
import { replaceZipEntriesSteps, webDeflate, type DeflateAsync } from './zip-write.ts';
import { readZip, runInflateStepsAsync, runStepsAsync, webInflate, zipEntrySteps, type InflateAsync, type InflateSteps, type ZipBudget } from './zip.ts';

/** Decompression budgets for one .docx (see {@link docxPartsSteps}). */
export interface DocxLimits {
  /** Largest inflated size of one part. Default 64 MiB (a 1,000-page book is about 20 MiB of XML). */
  maxPartBytes?: number;
  /** Largest inflated size of all the parts read, together. Default 128 MiB. */
  maxTotalBytes?: number;
}

/** The default budgets of {@link DocxLimits}. */
export const DOCX_LIMITS: Required<DocxLimits> = { maxPartBytes: 64 * 1024 * 1024, maxTotalBytes: 128 * 1024 * 1024 };

const RELATIONSHIP_TYPES: Record<string, DocxPartRole> = {
  officeDocument: 'body',
  footnotes: 'footnotes',
  endnotes: 'endnotes',
  settings: 'settings',
};

/** The folder of a part name (`word/document.xml` → `word/`). */
function folderOf(name: string): string {
  return name.slice(0, name.lastIndexOf('/') + 1);
}

/** A relationship target resolved against the folder of its source (`../x`, `/x`, %-escapes). */
function resolveTarget(folder: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // Not %-encoded after all: taken as written.
  }
  const parts = (decoded.startsWith('/') ? decoded : folder + decoded).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return out.join('/');
}

/**
 * The parts a relationships part names, by role (only the first of each role; external targets are
 * not parts). A damaged one is an error naming the file as well as the part (the scanner knows
 * only the part).
 */
function relationships(xml: Uint8Array, name: string, folder: string, file: string): Map<DocxPartRole, string> {
  const found = new Map<DocxPartRole, string>();
  const s = new XmlScanner(xml, name);
  try {
    for (let kind = s.next(); kind !== 'end'; kind = s.next()) {
      if (kind !== 'open' || s.local !== 'Relationship') continue;
      const type = s.attribute('Type') ?? '';
      const role = RELATIONSHIP_TYPES[type.slice(type.lastIndexOf('/') + 1)];
      const target = s.attribute('Target');
      if (role === undefined || target === undefined || s.attribute('TargetMode') === 'External' || found.has(role)) continue;
      found.set(role, resolveTarget(folder, target));
    }
  } catch (error) {
    if (!(error instanceof LatinitsaError) || error.file !== undefined) throw error;
    throw new LatinitsaError(error.code, `${file}: ${error.message}`, { file, cause: error });
  }
  return found;
}

/** The relationships part of a part (`word/document.xml` → `word/_rels/document.xml.rels`). */
function relsOf(name: string): string {
  return `${folderOf(name)}_rels/${name.slice(name.lastIndexOf('/') + 1)}.rels`;
}

/**
 * The steps of reading the WordprocessingML parts of a .docx file that hold its text — the main
 * document, then its footnotes and endnotes when it has them — found through the package's
 * relationships, each inflated within the budgets (see {@link DocxLimits}): a part whose declared
 * size is over them is refused before anything is inflated, and one that inflates to more than it
 * declares is refused as soon as it does, so that a "zip bomb" costs little time and bounded
 * memory. Errors: `ERR_UNSUPPORTED_FORMAT` (not a .docx, damaged), `ERR_TOO_LARGE` (over a
 * budget), each naming the file. Run by `readDocxParts` (latinitsa/io) and {@link readDocxPartsAsync}.
 */
export function* docxPartsSteps(data: Uint8Array, options: { file?: string; limits?: DocxLimits } = {}): InflateSteps<DocxPart[]> {
  const file = options.file ?? 'input';
  const archive = readZip(data, { file });
  const budget: ZipBudget = {
    maxEntryBytes: options.limits?.maxPartBytes ?? DOCX_LIMITS.maxPartBytes,
    remaining: options.limits?.maxTotalBytes ?? DOCX_LIMITS.maxTotalBytes,
  };
  function* read(name: string): InflateSteps<Uint8Array | undefined> {
    const entry = archive.find(name);
    return entry === undefined ? undefined : yield* zipEntrySteps(archive, entry, budget, file);
  }
  const packageRels = yield* read('_rels/.rels');
  const main = (packageRels === undefined ? undefined : relationships(packageRels, '_rels/.rels', '', file).get('body')) ?? 'word/document.xml';
  const mainXml = yield* read(main);
  if (mainXml === undefined) throw new LatinitsaError('ERR_UNSUPPORTED_FORMAT', `${file}: not a .docx (a zip archive without a Word document part)`, { file });
  const parts: DocxPart[] = [{ name: archive.find(main)!.name, role: 'body', xml: mainXml }];
  const mainRels = yield* read(relsOf(main));
  const notes = mainRels === undefined ? new Map<DocxPartRole, string>() : relationships(mainRels, relsOf(main), folderOf(main), file);
  for (const role of ['footnotes', 'endnotes'] as const) {
    const name = notes.get(role);
    const entry = name === undefined ? undefined : archive.find(name);
    // A part named for two roles (notes that are the body, endnotes that are the footnotes) is
    // read once: read twice, its words would count twice and two edits would be made of it, of
    // which only one can be written.
    if (entry === undefined || parts.some((p) => p.name === entry.name)) continue;
    parts.push({ name: entry.name, role, xml: (yield* read(name!))! });
  }
  // The settings say where the notes' numbering starts (w:numStart): read only for a document with
  // notes, after them, holding no text (docs/documents.md, "Places in notes").
  const settings = notes.get('settings');
  const settingsEntry = settings === undefined ? undefined : archive.find(settings);
  if (parts.length > 1 && settingsEntry !== undefined && !parts.some((p) => p.name === settingsEntry.name)) parts.push({ name: settingsEntry.name, role: 'settings', xml: (yield* read(settings!))! });
  return parts;
}

/**
 * The parts of a .docx file that hold its text (see {@link docxPartsSteps}), read where there is
 * no Node: inflated with the web's `DecompressionStream('deflate-raw')` (browsers; Node ≥ 20 has
 * it too), within the same budgets as `readDocxParts` of latinitsa/io and with the same errors.
 * Give the parts to `readDocument({ docx })`; {@link rewriteDocxAsync} writes the file back with
 * the parts an edit changed.
 *
 * @param data The file's bytes.
 * @param options `file`: its name, for messages; `limits`: the budgets; `inflate`: another inflater.
 * @returns The parts, body first.
 * @example
 * import { readDocxPartsAsync } from 'latinitsa/document';
 * await readDocxPartsAsync(new Uint8Array([1, 2, 3]), { file: 'x.docx' }).catch((e) => e.message);
 * //=> 'x.docx: not a zip archive (a .docx is one)'
 */
export async function readDocxPartsAsync(data: Uint8Array, options: { file?: string; limits?: DocxLimits; inflate?: InflateAsync } = {}): Promise<DocxPart[]> {
  return runInflateStepsAsync(docxPartsSteps(data, options), options.inflate ?? webInflate);
}

/**
 * A .docx file's bytes with the parts of an edit (`editDocument` of the document read from it)
 * replaced, written where there is no Node: the parts deflated with the web's
 * `CompressionStream('deflate-raw')` (browsers; Node ≥ 20 has it too), every other entry copied
 * as it was (its compressed bytes, CRC-32, dates), by the one zip writer `rewriteDocx` of
 * latinitsa/io uses. `original` must be the bytes the edited document was read from: unlike
 * `rewriteDocx`, which writes over a file on disk that may have changed since, this does not
 * read the parts again to compare.
 *
 * @param original The bytes the document was read from.
 * @param edit The edit (its `parts`).
 * @param options `file`: its name, for messages; `deflate`: another deflater.
 * @returns The new file's bytes.
 * @example
 * import { editDocument, readDocument, readDocxPartsAsync, rewriteDocxAsync } from 'latinitsa/document';
 * import { writeZip } from 'latinitsa/io';
 * const xml = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Zinovyev</w:t></w:r></w:p></w:body></w:document>';
 * const file = writeZip([{ name: 'word/document.xml', data: new TextEncoder().encode(xml) }]);
 * const doc = readDocument({ docx: await readDocxPartsAsync(file) });
 * const fixed = await rewriteDocxAsync(file, editDocument(doc, [{ range: [5, 6], text: 'i' }]));
 * readDocument({ docx: await readDocxPartsAsync(fixed) }).text;
 * //=> 'Zinoviev'
 */
export async function rewriteDocxAsync(original: Uint8Array, edit: Pick<DocumentEdit, 'parts'>, options: { file?: string; deflate?: DeflateAsync } = {}): Promise<Uint8Array> {
  const file = options.file ?? 'input';
  return runStepsAsync(replaceZipEntriesSteps(readZip(original, { file }), edit.parts ?? new Map(), { file }), options.deflate ?? webDeflate);
}
