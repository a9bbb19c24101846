// Zip archives for Node: entries inflated with zlib through the one reader (src/document/zip.ts:
// the central directory, the budgets against "zip bombs", sizes and CRC-32), and archives written
// — new ones, and a copy with some entries replaced. docs/documents.md.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { crc32, dataRange, FLAG_DESCRIPTOR, FLAG_ENCRYPTED, FLAG_UTF8, runInflateSteps, SIG_CENTRAL, SIG_END, SIG_LOCAL, view, zipEntrySteps, type ZipArchive, type ZipBudget, type ZipEntry } from '../document/zip.ts';
import { LatinitsaError } from '../errors.ts';

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
 * readZipEntry(zip, zip.entries[0], { maxEntryBytes: 1 << 20, remaining: 1 << 20 }).length;
 * //=> 1000
 * (() => { try { return readZipEntry(zip, zip.entries[0], { maxEntryBytes: 100, remaining: 1 << 20 }, { file: 'x.docx' }); } catch (e) { return e.message; } })();
 * //=> 'x.docx: a.txt would inflate to 1000 bytes, more than the limit of 100 for one part'
 */
export function readZipEntry(archive: ZipArchive, entry: ZipEntry, budget: ZipBudget, options: { file?: string } = {}): Uint8Array {
  return runInflateSteps(zipEntrySteps(archive, entry, budget, options.file ?? 'input'), nodeInflate);
}

/**
 * An entry for {@link writeZip}: its bytes, or bytes already deflated (raw deflate, e.g. streamed
 * through zlib) with the CRC-32 and size of what they inflate to.
 */
export type ZipInput = { name: string; data: Uint8Array } | { name: string; deflated: Uint8Array; crc: number; size: number };

/**
 * A new zip archive of the given entries, deflated (stored when that is not smaller).
 *
 * @example
 * import { writeZip } from 'latinitsa/io';
 * Array.from(writeZip([{ name: 'a.txt', data: new Uint8Array(3) }]).subarray(0, 4));
 * //=> [0x50, 0x4b, 3, 4]
 */
export function writeZip(entries: readonly ZipInput[]): Uint8Array {
  return assemble(entries.map((e) => ({ fresh: e })));
}

/**
 * A copy of an archive with some entries' contents replaced (by name, as stored): every other
 * entry keeps its compressed bytes, name, dates, attributes and order; the directory is rebuilt.
 *
 * @example
 * import { readZip, readZipEntry, replaceZipEntries, writeZip } from 'latinitsa/io';
 * const enc = new TextEncoder();
 * const zip = readZip(writeZip([{ name: 'a', data: enc.encode('Kirov') }, { name: 'b', data: enc.encode('x') }]));
 * const copy = readZip(replaceZipEntries(zip, new Map([['a', enc.encode('Zinoviev')]])));
 * new TextDecoder().decode(readZipEntry(copy, copy.find('a'), { maxEntryBytes: 100, remaining: 100 }));
 * //=> 'Zinoviev'
 */
export function replaceZipEntries(archive: ZipArchive, replacements: ReadonlyMap<string, Uint8Array>, options: { file?: string } = {}): Uint8Array {
  const file = options.file ?? 'input';
  for (const name of replacements.keys()) if (!archive.entries.some((e) => e.name === name)) throw new LatinitsaError('ERR_UNSUPPORTED_FORMAT', `${file}: no entry ${name} to replace`, { file });
  return assemble(
    archive.entries.map((entry) => {
      const data = replacements.get(entry.name);
      return data === undefined ? { kept: { entry, range: dataRange(archive, entry, file), bytes: archive.bytes } } : { replaced: { entry, data } };
    }),
  );
}

type Piece =
  | { fresh: ZipInput }
  | { replaced: { entry: ZipEntry; data: Uint8Array } }
  | { kept: { entry: ZipEntry; range: [number, number]; bytes: Uint8Array } };

/** The extra field without its zip64 record (sizes and offsets are written in 32 bits). */
function withoutZip64(extra: Uint8Array): Uint8Array {
  const v = view(extra);
  const out: number[] = [];
  for (let at = 0; at + 4 <= extra.length; ) {
    const size = v.getUint16(at + 2, true);
    if (v.getUint16(at, true) !== 0x0001) out.push(...extra.subarray(at, Math.min(extra.length, at + 4 + size)));
    at += 4 + size;
  }
  return Uint8Array.from(out);
}

function assemble(pieces: readonly Piece[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const piece of pieces) {
    let name: Uint8Array;
    let method: number;
    let crc: number;
    let size: number;
    let payload: Uint8Array;
    let flags = FLAG_UTF8;
    let time = 0;
    let date = 0x21; // 1980-01-01, the zip epoch
    let record: Uint8Array | undefined;
    if ('kept' in piece) {
      const { entry, range, bytes } = piece.kept;
      record = entry.record;
      name = record.subarray(46, 46 + view(record).getUint16(28, true));
      ({ method, crc, size } = entry);
      flags = entry.flags & ~FLAG_DESCRIPTOR;
      payload = bytes.subarray(range[0], range[1]);
    } else if ('fresh' in piece && 'deflated' in piece.fresh) {
      ({ crc, size } = piece.fresh);
      name = new TextEncoder().encode(piece.fresh.name);
      method = 8;
      payload = piece.fresh.deflated;
    } else {
      const data = 'fresh' in piece ? (piece.fresh as { data: Uint8Array }).data : piece.replaced.data;
      if ('replaced' in piece) {
        record = piece.replaced.entry.record;
        name = record.subarray(46, 46 + view(record).getUint16(28, true));
        flags = piece.replaced.entry.flags & ~(FLAG_DESCRIPTOR | FLAG_ENCRYPTED);
      } else {
        name = new TextEncoder().encode(piece.fresh.name);
      }
      const deflated = deflateRawSync(data);
      method = deflated.length < data.length ? 8 : 0;
      payload = method === 8 ? deflated : data;
      crc = crc32(data);
      size = data.length;
    }
    if (record !== undefined) {
      const rv = view(record);
      time = rv.getUint16(12, true);
      date = rv.getUint16(14, true);
    }
    if (offset > 0xfffffffe || payload.length > 0xfffffffe || size > 0xfffffffe) {
      throw new LatinitsaError('ERR_TOO_LARGE', 'the archive would need zip64, which is not written');
    }
    const local = new Uint8Array(30 + name.length);
    const lv = view(local);
    lv.setUint32(0, SIG_LOCAL, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, method, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, payload.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    // The directory record: the original's (made-by version, attributes, extra fields, comment)
    // with the sizes, CRC, method and offset of this copy.
    const rv0 = record === undefined ? undefined : view(record);
    const extra = record === undefined ? new Uint8Array(0) : withoutZip64(record.subarray(46 + name.length, 46 + name.length + rv0!.getUint16(30, true)));
    const comment = record === undefined ? new Uint8Array(0) : record.subarray(46 + name.length + rv0!.getUint16(30, true));
    const central = new Uint8Array(46 + name.length + extra.length + comment.length);
    const cv = view(central);
    cv.setUint32(0, SIG_CENTRAL, true);
    cv.setUint16(4, rv0?.getUint16(4, true) ?? 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, date, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, payload.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint16(30, extra.length, true);
    cv.setUint16(32, comment.length, true);
    cv.setUint16(36, rv0?.getUint16(36, true) ?? 0, true);
    cv.setUint32(38, rv0?.getUint32(38, true) ?? 0, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    central.set(extra, 46 + name.length);
    central.set(comment, 46 + name.length + extra.length);
    locals.push(local, payload);
    centrals.push(central);
    offset += local.length + payload.length;
  }
  const dirSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = view(end);
  ev.setUint32(0, SIG_END, true);
  ev.setUint16(8, centrals.length, true);
  ev.setUint16(10, centrals.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, offset, true);
  return Buffer.concat([...locals, ...centrals, end]);
}
