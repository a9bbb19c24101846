// Zip archives for Node: entries inflated with zlib through the one reader (src/document/zip.ts:
// the central directory, the budgets against "zip bombs", sizes and CRC-32), and archives written
// — new ones, and a copy with some entries replaced — deflated with zlib by the one writer
// (src/document/zip-write.ts, which the page runs with the web's CompressionStream). docs/documents.md.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { replaceZipEntriesSteps, writeZipSteps, type ZipInput } from '../document/zip-write.ts';
import { runInflateSteps, runSteps, zipEntrySteps, type ZipArchive, type ZipBudget, type ZipEntry } from '../document/zip.ts';

export { readZip, type ZipArchive, type ZipBudget, type ZipEntry } from '../document/zip.ts';

/**
 * Inflates with Node's zlib, stopping as soon as the output passes `limit` (the `Inflate` of
 * src/document/zip.ts that the command and the server read with).
 */
export function nodeInflate(raw: Uint8Array, limit: number): Uint8Array | undefined {
  try {
    // One byte over the limit (zlib refuses a limit of 0), so that a larger output is seen.
    const out = inflateRawSync(raw, { maxOutputLength: limit + 1 });
    return out.length > limit ? undefined : out;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
    throw error;
  }
}

/**
 * Inflates one entry within a budget (see `zipEntrySteps` of src/document/zip.ts): a declared
 * size over the budget is refused before anything is inflated, an output past the declared size
 * as soon as it passes it; the size and CRC-32 are checked, and the size is spent from
 * `budget.remaining`. Errors are `ERR_TOO_LARGE` (over the budget) or `ERR_UNSUPPORTED_FORMAT`
 * (damaged or lying archive).
 *
 * @example
 * import { readZip, readZipEntry, writeZip } from 'latinitsa/io';
 * const zip = readZip(writeZip([{ name: 'a.txt', data: new Uint8Array(1000) }]));
 * readZipEntry(zip, zip.entries[0]!, { maxEntryBytes: 1 << 20, remaining: 1 << 20 }).length;
 * //=> 1000
 * (() => { try { return readZipEntry(zip, zip.entries[0]!, { maxEntryBytes: 100, remaining: 1 << 20 }, { file: 'x.docx' }); } catch (e) { return (e as Error).message; } })();
 * //=> 'x.docx: a.txt would inflate to 1000 bytes, more than the limit of 100 for one part'
 */
export function readZipEntry(archive: ZipArchive, entry: ZipEntry, budget: ZipBudget, options: { file?: string } = {}): Uint8Array {
  return runInflateSteps(zipEntrySteps(archive, entry, budget, options.file ?? 'input'), nodeInflate);
}

/** An entry for {@link writeZip} (see src/document/zip-write.ts). */
export type { ZipInput } from '../document/zip-write.ts';

/**
 * A new zip archive of the given entries, deflated with Node's zlib (stored when that is not
 * smaller), by the one writer (src/document/zip-write.ts).
 *
 * @example
 * import { writeZip } from 'latinitsa/io';
 * Array.from(writeZip([{ name: 'a.txt', data: new Uint8Array(3) }]).subarray(0, 4));
 * //=> [0x50, 0x4b, 3, 4]
 */
export function writeZip(entries: readonly ZipInput[]): Uint8Array {
  return runSteps(writeZipSteps(entries), nodeDeflate);
}

/**
 * A copy of an archive with some entries' contents replaced (by name, as stored): every other
 * entry keeps its compressed bytes, name, dates, attributes and order; the directory is rebuilt.
 * The replaced entries are deflated with Node's zlib, by the one writer (src/document/zip-write.ts).
 *
 * @example
 * import { readZip, readZipEntry, replaceZipEntries, writeZip } from 'latinitsa/io';
 * const enc = new TextEncoder();
 * const zip = readZip(writeZip([{ name: 'a', data: enc.encode('Kirov') }, { name: 'b', data: enc.encode('x') }]));
 * const copy = readZip(replaceZipEntries(zip, new Map([['a', enc.encode('Zinoviev')]])));
 * new TextDecoder().decode(readZipEntry(copy, copy.find('a')!, { maxEntryBytes: 100, remaining: 100 }));
 * //=> 'Zinoviev'
 */
export function replaceZipEntries(archive: ZipArchive, replacements: ReadonlyMap<string, Uint8Array>, options: { file?: string } = {}): Uint8Array {
  return runSteps(replaceZipEntriesSteps(archive, replacements, options), nodeDeflate);
}

function nodeDeflate(data: Uint8Array): Uint8Array {
  return deflateRawSync(data);
}
