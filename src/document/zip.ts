// Zip archives, as far as a .docx is read from one: the central directory, and each entry inflated
// within a budget (a "zip bomb" is refused before or while it inflates, never after) with its size
// and CRC-32 checked. The inflating itself is handed in (see {@link InflateSteps}): Node's zlib
// (src/io/zip.ts, for the command and the server) or the web's DecompressionStream
// ({@link webInflate}, for the page opened from disk), so that both read through this one reader.
// Archives are written by src/document/zip-write.ts, deflated the same two ways. docs/documents.md.
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

// Signatures and flags of the zip format (also written by src/io/zip.ts).
export const SIG_LOCAL = 0x04034b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
export const FLAG_ENCRYPTED = 0x1;
export const FLAG_DESCRIPTOR = 0x8;
export const FLAG_UTF8 = 0x800;
const MAX_ENTRIES = 65535;

function fail(file: string, what: string): LatinitsaError {
  return new LatinitsaError('ERR_UNSUPPORTED_FORMAT', `${file}: ${what}`, { file });
}

/** A little-endian view of bytes. */
export function view(bytes: Uint8Array): DataView {
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

/** "EncryptedPackage" in UTF-16LE, as a compound file's directory names its streams. */
const ENCRYPTED_PACKAGE = Uint8Array.from([...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]));

/**
 * What an OLE compound file (not a zip) given as a .docx is: a .docx that Word encrypted with a
 * password (Office keeps the encrypted package in a compound file, as a stream named
 * EncryptedPackage: MS-OFFCRYPTO 2.3.4.1), or a Word 97–2003 .doc. The first cannot be read, and
 * "save it as .docx" would send its author in a circle.
 */
function compoundFileProblem(bytes: Uint8Array): string {
  const first = ENCRYPTED_PACKAGE[0]!;
  for (let at = bytes.indexOf(first); at >= 0 && at + ENCRYPTED_PACKAGE.length <= bytes.length; at = bytes.indexOf(first, at + 1)) {
    if (ENCRYPTED_PACKAGE.every((b, k) => bytes[at + k] === b)) {
      return 'a password-protected (encrypted) Word document: it cannot be read without the password; remove the password in Word (File > Info > Protect Document > Encrypt with Password) and save it again';
    }
  }
  return 'a Word 97–2003 (.doc) file, not .docx: save it as .docx';
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
  if (end < 0) throw fail(file, bytes.length >= 8 && v.getUint32(0) === 0xd0cf11e0 ? compoundFileProblem(bytes) : 'not a zip archive (a .docx is one)');
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
export function dataRange(archive: ZipArchive, entry: ZipEntry, file: string): [number, number] {
  const { bytes } = archive;
  const v = view(bytes);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || v.getUint32(at, true) !== SIG_LOCAL) throw fail(file, `damaged zip archive (no local header for ${entry.name})`);
  const start = at + 30 + v.getUint16(at + 26, true) + v.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw fail(file, `damaged zip archive (${entry.name} runs past the end of the file)`);
  return [start, end];
}


/** CRC-32 (the polynomial of zip, PNG and zlib), one table lookup per byte. */
const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/**
 * The CRC-32 of bytes, as zip stores it (unsigned), continued from `crc` when given. The one
 * implementation the reader and the writer use: Node's zlib has one, browsers do not.
 */
export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** What a reader asks an inflater: raw deflate data, and the most bytes it may inflate to. */
export interface InflateRequest {
  raw: Uint8Array;
  limit: number;
}

/**
 * A reader written once for a synchronous and an asynchronous inflater: it yields each
 * {@link InflateRequest} and is resumed with what the data inflated to — the bytes, or
 * `undefined` when the inflater stopped because they would pass the limit — or thrown into with
 * the inflater's error (damaged data). {@link runInflateSteps} and {@link runInflateStepsAsync}
 * drive it.
 */
export type InflateSteps<T> = Generator<InflateRequest, T, Uint8Array | undefined>;

/** Inflates raw deflate data, stopping (and giving `undefined`) as soon as the output passes `limit` bytes. */
export type Inflate = (raw: Uint8Array, limit: number) => Uint8Array | undefined;
/** An {@link Inflate} that answers later (the web's streams). */
export type InflateAsync = (raw: Uint8Array, limit: number) => Promise<Uint8Array | undefined>;

/**
 * Runs steps (a generator that yields requests and is resumed with their answers, or thrown into
 * with the error answering one raised) with a synchronous answerer: the one driver of the zip
 * reader's inflating and the writer's deflating (src/document/zip-write.ts).
 */
export function runSteps<Q, R, T>(steps: Generator<Q, T, R>, answer: (request: Q) => R): T {
  let step = steps.next();
  while (!step.done) {
    let out: R;
    try {
      out = answer(step.value);
    } catch (error) {
      step = steps.throw(error);
      continue;
    }
    step = steps.next(out);
  }
  return step.value;
}

/** {@link runSteps} with an answerer that answers later (the web's streams). */
export async function runStepsAsync<Q, R, T>(steps: Generator<Q, T, R>, answer: (request: Q) => Promise<R>): Promise<T> {
  let step = steps.next();
  while (!step.done) {
    let out: R;
    try {
      out = await answer(step.value);
    } catch (error) {
      step = steps.throw(error);
      continue;
    }
    step = steps.next(out);
  }
  return step.value;
}

/** Runs a reader's steps with a synchronous inflater. */
export function runInflateSteps<T>(steps: InflateSteps<T>, inflate: Inflate): T {
  return runSteps(steps, (q) => inflate(q.raw, q.limit));
}

/** Runs a reader's steps with an asynchronous inflater. */
export async function runInflateStepsAsync<T>(steps: InflateSteps<T>, inflate: InflateAsync): Promise<T> {
  return runStepsAsync(steps, (q) => inflate(q.raw, q.limit));
}

/**
 * Inflates one entry within a budget: its declared size must fit in `maxEntryBytes` and in what
 * is left of the budget before anything is inflated, and the inflater stops as soon as the output
 * would pass the declared size, so that memory and time stay bounded whatever the archive claims.
 * The size and CRC-32 are checked. Spends the entry's size from `budget.remaining`. Errors are
 * `ERR_TOO_LARGE` (over the budget) or `ERR_UNSUPPORTED_FORMAT` (damaged or lying archive).
 * `readZipEntry` in latinitsa/io runs these steps with Node's zlib.
 */
export function* zipEntrySteps(archive: ZipArchive, entry: ZipEntry, budget: ZipBudget, file: string): InflateSteps<Uint8Array> {
  if (entry.flags & FLAG_ENCRYPTED) throw fail(file, `${entry.name} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) throw fail(file, `${entry.name} uses compression method ${entry.method} (only stored and deflated are read)`);
  const limit = Math.min(budget.maxEntryBytes, budget.remaining);
  if (entry.size > limit) {
    const which = entry.size > budget.maxEntryBytes ? `the limit of ${budget.maxEntryBytes} for one part` : `the ${budget.remaining} left of the limit for the whole file`;
    throw new LatinitsaError('ERR_TOO_LARGE', `${file}: ${entry.name} would inflate to ${entry.size} bytes, more than ${which}`, { file });
  }
  const [start, end] = dataRange(archive, entry, file);
  const raw = archive.bytes.subarray(start, end);
  let data: Uint8Array | undefined = raw;
  if (entry.method === 8) {
    try {
      // Never more than the declared size: the inflater stops there.
      data = yield { raw, limit: entry.size };
    } catch (cause) {
      throw new LatinitsaError('ERR_UNSUPPORTED_FORMAT', `${file}: ${entry.name} cannot be inflated (${(cause as Error).message})`, { file, cause });
    }
    if (data === undefined) throw fail(file, `${entry.name} inflates to more than the ${entry.size} bytes it declares: a damaged or crafted archive`);
  }
  if (data.length !== entry.size) throw fail(file, `${entry.name} has ${data.length} bytes, not the ${entry.size} it declares: a damaged or crafted archive`);
  if (crc32(data) !== entry.crc >>> 0) throw fail(file, `${entry.name} is damaged (CRC-32 mismatch)`);
  budget.remaining -= data.length;
  return data;
}

/** Compressed bytes handed to a DecompressionStream at a time (see {@link webInflate}). */
const WEB_SLICE = 16 * 1024;

/**
 * Inflates raw deflate data with the web's `DecompressionStream('deflate-raw')` (browsers; Node
 * ≥ 20 has it too), counting the output as it comes and cancelling the stream as soon as it
 * passes `limit`. The input is fed 16 KiB at a time and the stream inflates only when read, so
 * what is inflated past the limit before the count sees it is bounded by one slice's worth
 * (deflate expands at most about 1,032 to 1: some 16 MiB), whatever the archive holds.
 */
export async function webInflate(raw: Uint8Array, limit: number): Promise<Uint8Array | undefined> {
  let at = 0;
  const input = new ReadableStream<Uint8Array<ArrayBuffer>>(
    {
      pull(controller) {
        // A copy of the slice: a stream may take over (detach) the buffer it is given.
        if (at >= raw.length) controller.close();
        else controller.enqueue(raw.slice(at, (at += WEB_SLICE)));
      },
    },
    { highWaterMark: 0 },
  );
  let inflater: DecompressionStream;
  try {
    inflater = new DecompressionStream('deflate-raw');
  } catch {
    throw new Error("this browser has no DecompressionStream('deflate-raw'); browsers since 2023 have it");
  }
  const reader = input.pipeThrough(inflater).getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return chunks.length === 1 ? chunks[0] : concatBytes(chunks);
}

/** Byte arrays one after the other, in one array (Node's `Buffer.concat` without Node). */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
