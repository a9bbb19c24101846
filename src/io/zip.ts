// Zip archives, as far as a .docx needs them: the central directory, entries inflated within a
// budget (a "zip bomb" is refused before or while it inflates, never after), and a copy of the
// archive with some entries replaced. Node only (node:zlib). docs/documents.md.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { LatinitsaError } from '../errors.ts';

/** One entry of a zip archive's central directory. */
export interface ZipEntry {
  /** The name as stored (UTF-8 or, without the UTF-8 flag, CP437 read as Latin-1). */
  name: string;
  /** 0 stored, 8 deflated; no other method is read. */
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  /** The uncompressed size the archive declares (checked against the inflated bytes). */
  size: number;
  /** Offset of the entry's local header. */
  localOffset: number;
  /** The central directory record, as stored (copied when the archive is rewritten). */
  record: Uint8Array;
}

/** A zip archive's bytes and its central directory. */
export interface ZipArchive {
  bytes: Uint8Array;
  entries: ZipEntry[];
  /** Finds an entry by name, ignoring case (package part names are case-insensitive). */
  find(name: string): ZipEntry | undefined;
}

/** Decompression budgets of {@link readZipEntry}; a budget is spent by every entry read with it. */
export interface ZipBudget {
  /** Largest uncompressed size of one entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes still allowed for this call, over all entries (decreases as entries are read). */
  remaining: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
const FLAG_ENCRYPTED = 0x1;
const FLAG_DESCRIPTOR = 0x8;
const FLAG_UTF8 = 0x800;
const MAX_ENTRIES = 65535;

function fail(file: string, what: string): LatinitsaError {
  return new LatinitsaError('ERR_UNSUPPORTED_FORMAT', `${file}: ${what}`, { file });
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The values of a zip64 extended-information extra field, for the fields stored as 0xFFFFFFFF. */
function zip64Values(extra: Uint8Array, wanted: number): number[] {
  const v = view(extra);
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = v.getUint16(at, true);
    const size = v.getUint16(at + 2, true);
    if (id === 0x0001) {
      const out: number[] = [];
      for (let k = 0; k < wanted && 8 * (k + 1) <= size; k++) out.push(Number(v.getBigUint64(at + 4 + 8 * k, true)));
      return out;
    }
    at += 4 + size;
  }
  return [];
}

/**
 * Reads the central directory of a zip archive (zip64 included). Encrypted entries, methods other
 * than stored and deflated, more than 65,535 entries and two entries of one name (ignoring case)
 * are refused with `ERR_UNSUPPORTED_FORMAT`; nothing is inflated here.
 *
 * @example
 * import { readZip, writeZip } from 'latinitsa/io';
 * readZip(writeZip([{ name: 'a.txt', data: new TextEncoder().encode('Kirov') }])).entries.map((e) => [e.name, e.size]);
 * //=> [['a.txt', 5]]
 */
export function readZip(bytes: Uint8Array, options: { file?: string } = {}): ZipArchive {
  const file = options.file ?? 'input';
  const v = view(bytes);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (v.getUint32(at, true) === SIG_END) {
      end = at;
      break;
    }
  }
  if (end < 0) throw fail(file, bytes.length >= 8 && v.getUint32(0) === 0xd0cf11e0 ? 'a Word 97–2003 (.doc) file, not .docx: save it as .docx' : 'not a zip archive (a .docx is one)');
  let count = v.getUint16(end + 10, true);
  let dirSize = v.getUint32(end + 12, true);
  let dirOffset = v.getUint32(end + 16, true);
  if ((count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) && end >= 20 && v.getUint32(end - 20, true) === SIG_LOCATOR64) {
    const at = Number(v.getBigUint64(end - 12, true));
    if (at + 56 > bytes.length || v.getUint32(at, true) !== SIG_END64) throw fail(file, 'damaged zip64 directory');
    count = Number(v.getBigUint64(at + 32, true));
    dirSize = Number(v.getBigUint64(at + 40, true));
    dirOffset = Number(v.getBigUint64(at + 48, true));
  }
  if (count > MAX_ENTRIES) throw fail(file, `${count} entries in the archive, more than the limit of ${MAX_ENTRIES}`);
  if (dirOffset + dirSize > bytes.length) throw fail(file, 'damaged zip archive (the directory is past the end of the file)');
  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  for (let k = 0, at = dirOffset; k < count; k++) {
    if (at + 46 > bytes.length || v.getUint32(at, true) !== SIG_CENTRAL) throw fail(file, 'damaged zip archive (bad directory record)');
    const flags = v.getUint16(at + 8, true);
    const nameLength = v.getUint16(at + 28, true);
    const extraLength = v.getUint16(at + 30, true);
    const commentLength = v.getUint16(at + 32, true);
    const recordEnd = at + 46 + nameLength + extraLength + commentLength;
    if (recordEnd > bytes.length) throw fail(file, 'damaged zip archive (bad directory record)');
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = new TextDecoder(flags & FLAG_UTF8 ? 'utf-8' : 'latin1').decode(nameBytes);
    let compressedSize = v.getUint32(at + 20, true);
    let size = v.getUint32(at + 24, true);
    let localOffset = v.getUint32(at + 42, true);
    const wide = [size, compressedSize, localOffset].filter((n) => n === 0xffffffff).length;
    if (wide > 0) {
      const values = zip64Values(bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), wide);
      if (values.length < wide) throw fail(file, `damaged zip64 record of ${name}`);
      if (size === 0xffffffff) size = values.shift()!;
      if (compressedSize === 0xffffffff) compressedSize = values.shift()!;
      if (localOffset === 0xffffffff) localOffset = values.shift()!;
    }
    const entry: ZipEntry = { name, method: v.getUint16(at + 10, true), flags, crc: v.getUint32(at + 16, true), compressedSize, size, localOffset, record: bytes.subarray(at, recordEnd) };
    const key = name.toLowerCase();
    if (byName.has(key)) throw fail(file, `two entries named ${JSON.stringify(name)}: a damaged or crafted archive`);
    byName.set(key, entry);
    entries.push(entry);
    at = recordEnd;
  }
  return { bytes, entries, find: (name) => byName.get(name.replace(/^\//u, '').toLowerCase()) };
}

/** Where an entry's compressed data is in the archive. */
function dataRange(archive: ZipArchive, entry: ZipEntry, file: string): [number, number] {
  const { bytes } = archive;
  const v = view(bytes);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || v.getUint32(at, true) !== SIG_LOCAL) throw fail(file, `damaged zip archive (no local header for ${entry.name})`);
  const start = at + 30 + v.getUint16(at + 26, true) + v.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw fail(file, `damaged zip archive (${entry.name} runs past the end of the file)`);
  return [start, end];
}

/**
 * Inflates one entry within a budget: its declared size must fit in `maxEntryBytes` and in what
 * is left of the budget before anything is inflated, and inflation stops as soon as the output
 * would pass the declared size, so that memory and time stay bounded whatever the archive claims.
 * The size and CRC-32 are checked. Spends the entry's size from `budget.remaining`. Errors are
 * `ERR_TOO_LARGE` (over the budget) or `ERR_UNSUPPORTED_FORMAT` (damaged or lying archive).
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
  const file = options.file ?? 'input';
  if (entry.flags & FLAG_ENCRYPTED) throw fail(file, `${entry.name} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) throw fail(file, `${entry.name} uses compression method ${entry.method} (only stored and deflated are read)`);
  const limit = Math.min(budget.maxEntryBytes, budget.remaining);
  if (entry.size > limit) {
    const which = entry.size > budget.maxEntryBytes ? `the limit of ${budget.maxEntryBytes} for one part` : `the ${budget.remaining} left of the limit for the whole file`;
    throw new LatinitsaError('ERR_TOO_LARGE', `${file}: ${entry.name} would inflate to ${entry.size} bytes, more than ${which}`, { file });
  }
  const [start, end] = dataRange(archive, entry, file);
  const raw = archive.bytes.subarray(start, end);
  let data: Uint8Array;
  if (entry.method === 0) {
    data = raw;
  } else {
    try {
      // Never more than the declared size (+1, so that a larger output is seen): zlib stops there.
      data = inflateRawSync(raw, { maxOutputLength: entry.size + 1 });
    } catch (cause) {
      const code = (cause as { code?: unknown }).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') throw fail(file, `${entry.name} inflates to more than the ${entry.size} bytes it declares: a damaged or crafted archive`);
      throw new LatinitsaError('ERR_UNSUPPORTED_FORMAT', `${file}: ${entry.name} cannot be inflated (${(cause as Error).message})`, { file, cause });
    }
  }
  if (data.length !== entry.size) throw fail(file, `${entry.name} has ${data.length} bytes, not the ${entry.size} it declares: a damaged or crafted archive`);
  if (crc32(data) >>> 0 !== entry.crc >>> 0) throw fail(file, `${entry.name} is damaged (CRC-32 mismatch)`);
  budget.remaining -= data.length;
  return data;
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
  for (const name of replacements.keys()) if (!archive.entries.some((e) => e.name === name)) throw fail(file, `no entry ${name} to replace`);
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
      crc = crc32(data) >>> 0;
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
