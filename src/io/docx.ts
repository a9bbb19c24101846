// Word (.docx) packages: which parts hold the text (the main document, its footnotes and
// endnotes, found through the package's relationships), read within decompression budgets, and
// written back with only those parts changed. What is prose in them, and where each piece of
// text is, is the document module's business (src/document/docx.ts). docs/documents.md.
import { readDocument, type DocumentEdit } from '../document/document.ts';
import type { DocxPart, DocxPartRole } from '../document/docx.ts';
import { XmlScanner } from '../document/xml.ts';
import { LatinitsaError } from '../errors.ts';
import { readZip, readZipEntry, replaceZipEntries, type ZipArchive, type ZipBudget } from './zip.ts';

/** Decompression budgets for one .docx (see {@link readDocxParts}). */
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
 * The WordprocessingML parts of a .docx file that hold its text — the main document, then its
 * footnotes and endnotes when it has them — found through the package's relationships, each
 * inflated within the budgets (see {@link DocxLimits}): a part whose declared size is over them
 * is refused before anything is inflated, and one that inflates to more than it declares is
 * refused as soon as it does, so that a "zip bomb" costs little time and bounded memory. Give the
 * parts to `readDocument({ docx })`. Errors: `ERR_UNSUPPORTED_FORMAT` (not a .docx, damaged),
 * `ERR_TOO_LARGE` (over a budget), each naming the file.
 *
 * @param data The file's bytes.
 * @param options `file`: its name, for messages; `limits`: the budgets.
 * @returns The parts, body first.
 * @example
 * import { readDocxParts } from 'latinitsa/io';
 * (() => { try { return readDocxParts(new Uint8Array([1, 2, 3]), { file: 'x.docx' }); } catch (e) { return e.message; } })();
 * //=> 'x.docx: not a zip archive (a .docx is one)'
 */
export function readDocxParts(data: Uint8Array, options: { file?: string; limits?: DocxLimits } = {}): DocxPart[] {
  const file = options.file ?? 'input';
  const archive = readZip(data, { file });
  const budget: ZipBudget = {
    maxEntryBytes: options.limits?.maxPartBytes ?? DOCX_LIMITS.maxPartBytes,
    remaining: options.limits?.maxTotalBytes ?? DOCX_LIMITS.maxTotalBytes,
  };
  const read = (name: string): Uint8Array | undefined => {
    const entry = archive.find(name);
    return entry === undefined ? undefined : readZipEntry(archive, entry, budget, { file });
  };
  const packageRels = read('_rels/.rels');
  const main = (packageRels === undefined ? undefined : relationships(packageRels, '_rels/.rels', '', file).get('body')) ?? 'word/document.xml';
  const mainXml = read(main);
  if (mainXml === undefined) throw new LatinitsaError('ERR_UNSUPPORTED_FORMAT', `${file}: not a .docx (a zip archive without a Word document part)`, { file });
  const parts: DocxPart[] = [{ name: archive.find(main)!.name, role: 'body', xml: mainXml }];
  const mainRels = read(relsOf(main));
  const notes = mainRels === undefined ? new Map<DocxPartRole, string>() : relationships(mainRels, relsOf(main), folderOf(main), file);
  for (const role of ['footnotes', 'endnotes'] as const) {
    const name = notes.get(role);
    const entry = name === undefined ? undefined : archive.find(name);
    // A part named for two roles (notes that are the body, endnotes that are the footnotes) is
    // read once: read twice, its words would count twice and two edits would be made of it, of
    // which only one can be written.
    if (entry === undefined || parts.some((p) => p.name === entry.name)) continue;
    parts.push({ name: entry.name, role, xml: read(name!)! });
  }
  return parts;
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
