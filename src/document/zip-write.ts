// Zip archives written — new ones, and a copy of one with some entries replaced (a .docx with its
// fixed parts) — by one writer that needs no Node: the entries kept are copied as they are (their
// compressed bytes, CRC-32, names, dates and attributes), the others deflated by the deflater
// handed in (see {@link DeflateSteps}): Node's zlib (src/io/zip.ts, for the command and the
// server) or the web's CompressionStream ({@link webDeflate}, for the page). docs/documents.md.
import { LatinitsaError } from '../errors.ts';
import { concatBytes, crc32, dataRange, FLAG_DESCRIPTOR, FLAG_ENCRYPTED, FLAG_UTF8, SIG_CENTRAL, SIG_END, SIG_LOCAL, view, type ZipArchive } from './zip.ts';

/**
 * An entry for a new archive: its bytes, or bytes already deflated (raw deflate, e.g. streamed
 * through zlib) with the CRC-32 and size of what they inflate to.
 */
export type ZipInput = { name: string; data: Uint8Array } | { name: string; deflated: Uint8Array; crc: number; size: number };

/**
 * A writer written once for a synchronous and an asynchronous deflater: it yields the bytes of
 * each entry to deflate (raw deflate) and is resumed with them deflated. `runSteps` and
 * `runStepsAsync` of src/document/zip.ts drive it.
 */
export type DeflateSteps<T> = Generator<Uint8Array, T, Uint8Array>;

/** Deflates bytes (raw deflate, no zlib header), answering later (the web's streams). */
export type DeflateAsync = (data: Uint8Array) => Promise<Uint8Array>;

/** The steps of writing a new archive of the given entries, deflated (stored when that is not smaller). */
export function* writeZipSteps(entries: readonly ZipInput[]): DeflateSteps<Uint8Array> {
  const pieces: Piece[] = [];
  for (const e of entries) {
    const name = new TextEncoder().encode(e.name);
    if ('deflated' in e) pieces.push({ name, flags: FLAG_UTF8, method: 8, crc: e.crc, size: e.size, payload: e.deflated });
    else pieces.push({ name, flags: FLAG_UTF8, ...packed(e.data, yield e.data) });
  }
  return assemble(pieces);
}

/**
 * The steps of writing a copy of an archive with some entries' contents replaced (by name, as
 * stored): every other entry keeps its compressed bytes, name, dates, attributes and order; the
 * directory is rebuilt. A name that is not in the archive is an error (`ERR_UNSUPPORTED_FORMAT`).
 */
export function* replaceZipEntriesSteps(archive: ZipArchive, replacements: ReadonlyMap<string, Uint8Array>, options: { file?: string } = {}): DeflateSteps<Uint8Array> {
  const file = options.file ?? 'input';
  for (const name of replacements.keys()) if (!archive.entries.some((e) => e.name === name)) throw new LatinitsaError('ERR_UNSUPPORTED_FORMAT', `${file}: no entry ${name} to replace`, { file });
  const pieces: Piece[] = [];
  for (const entry of archive.entries) {
    const record = entry.record;
    const name = record.subarray(46, 46 + view(record).getUint16(28, true));
    const data = replacements.get(entry.name);
    if (data === undefined) {
      const [start, end] = dataRange(archive, entry, file);
      pieces.push({ name, record, flags: entry.flags & ~FLAG_DESCRIPTOR, method: entry.method, crc: entry.crc, size: entry.size, payload: archive.bytes.subarray(start, end) });
    } else {
      pieces.push({ name, record, flags: entry.flags & ~(FLAG_DESCRIPTOR | FLAG_ENCRYPTED), ...packed(data, yield data) });
    }
  }
  return assemble(pieces);
}

/**
 * Deflates bytes with the web's `CompressionStream('deflate-raw')` (browsers since 2023; Node ≥ 20
 * has it too): how the page writes the parts of a .docx it changed.
 */
export async function webDeflate(data: Uint8Array): Promise<Uint8Array> {
  let deflater: CompressionStream;
  try {
    deflater = new CompressionStream('deflate-raw');
  } catch {
    throw new Error("this browser has no CompressionStream('deflate-raw'); browsers since 2023 have it");
  }
  // A copy: a stream may take over (detach) the buffer it is given.
  const input = new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      controller.enqueue(data.slice());
      controller.close();
    },
  });
  const reader = input.pipeThrough(deflater).getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return concatBytes(chunks);
}

/** One entry as written: its name's bytes, the directory record it is copied from, and its data. */
interface Piece {
  name: Uint8Array;
  /** The original's directory record (dates, attributes, extra fields, comment), for an entry of an archive copied. */
  record?: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  size: number;
  payload: Uint8Array;
}

/** Data as written: deflated, or stored when deflating does not make it smaller. */
function packed(data: Uint8Array, deflated: Uint8Array): Pick<Piece, 'method' | 'crc' | 'size' | 'payload'> {
  const method = deflated.length < data.length ? 8 : 0;
  return { method, crc: crc32(data), size: data.length, payload: method === 8 ? deflated : data };
}

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

/** The archive: each entry's local header and data, then the central directory and its end record. */
function assemble(pieces: readonly Piece[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const { name, record, flags, method, crc, size, payload } of pieces) {
    const rv = record === undefined ? undefined : view(record);
    const time = rv?.getUint16(12, true) ?? 0;
    const date = rv?.getUint16(14, true) ?? 0x21; // 1980-01-01, the zip epoch
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
    const extraLength = rv?.getUint16(30, true) ?? 0;
    const extra = record === undefined ? new Uint8Array(0) : withoutZip64(record.subarray(46 + name.length, 46 + name.length + extraLength));
    const comment = record === undefined ? new Uint8Array(0) : record.subarray(46 + name.length + extraLength);
    const central = new Uint8Array(46 + name.length + extra.length + comment.length);
    const cv = view(central);
    cv.setUint32(0, SIG_CENTRAL, true);
    cv.setUint16(4, rv?.getUint16(4, true) ?? 20, true);
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
    cv.setUint16(36, rv?.getUint16(36, true) ?? 0, true);
    cv.setUint32(38, rv?.getUint32(38, true) ?? 0, true);
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
  return concatBytes([...locals, ...centrals, end]);
}
