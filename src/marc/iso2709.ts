// ISO 2709 (MARC 21 "transmission format", .mrc): cutting a byte stream into records, reading one
// record, writing one. Browser-safe: bytes are Uint8Array, text goes through TextDecoder.
// Structure (docs/marc.md): a 24-byte leader, a directory of 12-byte entries (tag, length,
// start), the fields each ending in 0x1E, the record ending in 0x1D; lengths count bytes.
import { LatinitsaError } from '../errors.ts';
import { decodeMarc8 } from './marc8.ts';
import type { MarcDataField, MarcField, MarcRecord } from './types.ts';
import { isDataField } from './types.ts';

const RECORD_END = 0x1d;
const FIELD_END = 0x1e;
const SUBFIELD = 0x1f;
/** The leader's record length has five digits: no record is longer. */
export const MAX_RECORD_BYTES = 99999;

/** Where a record is in its input, for error messages. */
export interface RecordPlace {
  /** 1-based number of the record in the input. */
  index: number;
  /** Byte offset of its first byte from the start of the input. */
  offset: number;
}

/** Options of {@link parseIso2709}. */
export interface ParseIso2709Options extends Partial<RecordPlace> {
  /** How a MARC-8 ligature (EB/EC) becomes Unicode; see `decodeMarc8`. Default `'breve'`. */
  tie?: 'breve' | 'halves';
}

/** The error of a bad record: `record N (byte B): what`. */
export function recordError(place: Partial<RecordPlace>, message: string): LatinitsaError {
  const where = place.index === undefined ? 'record' : `record ${place.index}`;
  const at = place.offset === undefined ? '' : ` (byte ${place.offset})`;
  return new LatinitsaError('ERR_INVALID_INPUT', `${where}${at}: ${message}`, place.offset === undefined ? {} : { offset: place.offset });
}

/** A complete record's bytes cut from a stream. */
export interface RecordBytes extends RecordPlace {
  bytes: Uint8Array;
  /** The bytes end without a record terminator (the input stopped). */
  truncated?: boolean;
}

/**
 * Cuts a stream of bytes into records at the record terminator 0x1D (which never occurs inside
 * UTF-8 or MARC-8 text), holding only the record being gathered. A run of 99,999 bytes without a
 * terminator is given out as one bad piece, so memory stays bounded on any input. Line breaks
 * between records (some exports add them) are skipped.
 *
 * @example
 * import { Iso2709Splitter } from 'latinitsa/marc';
 * const s = new Iso2709Splitter();
 * const cut = [...s.push(new TextEncoder().encode('ab\x1d\ncd\x1dxy'))].map((r) => r.offset);
 * [cut, s.end()?.truncated];
 * //=> [[0, 4], true]
 */
export class Iso2709Splitter {
  #pending: Uint8Array[] = [];
  #pendingBytes = 0;
  #offset = 0;
  #start = 0;
  #index = 0;

  /** Records completed by `chunk`, in order. */
  *push(chunk: Uint8Array): Generator<RecordBytes> {
    let from = 0;
    while (from < chunk.length) {
      if (this.#pendingBytes === 0) {
        // Between records: skip line breaks and padding.
        while (from < chunk.length && (chunk[from] === 0x0a || chunk[from] === 0x0d || chunk[from] === 0x00 || chunk[from] === 0x20)) {
          from++;
          this.#offset++;
        }
        if (from === chunk.length) break;
        this.#start = this.#offset;
      }
      const room = MAX_RECORD_BYTES - this.#pendingBytes;
      const end = chunk.indexOf(RECORD_END, from);
      if (end !== -1 && end - from < room) {
        const piece = chunk.subarray(from, end + 1);
        this.#offset += piece.length;
        from = end + 1;
        yield this.#take(piece, false);
      } else if (chunk.length - from >= room) {
        // No terminator within the longest possible record: give out what there is.
        const piece = chunk.subarray(from, from + room);
        this.#offset += piece.length;
        from += piece.length;
        yield this.#take(piece, true);
      } else {
        const piece = chunk.slice(from);
        this.#pending.push(piece);
        this.#pendingBytes += piece.length;
        this.#offset += piece.length;
        from = chunk.length;
      }
    }
  }

  /** What is left when the input ends: a record without its terminator, if any. */
  end(): RecordBytes | undefined {
    if (this.#pendingBytes === 0) return undefined;
    return this.#take(new Uint8Array(0), true);
  }

  #take(last: Uint8Array, truncated: boolean): RecordBytes {
    let bytes = last;
    if (this.#pendingBytes > 0) {
      bytes = new Uint8Array(this.#pendingBytes + last.length);
      let at = 0;
      for (const p of this.#pending) {
        bytes.set(p, at);
        at += p.length;
      }
      bytes.set(last, at);
      this.#pending = [];
      this.#pendingBytes = 0;
    }
    this.#index++;
    return truncated ? { bytes, index: this.#index, offset: this.#start, truncated } : { bytes, index: this.#index, offset: this.#start };
  }
}

const ascii = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8', { fatal: true });

function digits(bytes: Uint8Array, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const b = bytes[i];
    if (b === undefined || b < 0x30 || b > 0x39) return -1;
    n = n * 10 + (b - 0x30);
  }
  return n;
}

/** Index of the first byte of `bytes` that starts no valid UTF-8 sequence (bytes known to be invalid). */
export function invalidUtf8At(bytes: Uint8Array): number {
  // A streaming decoder accepts a prefix that ends inside a sequence, so the longest prefix it
  // accepts ends just before the bad byte.
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  // The prefix may end inside the bad sequence (a lead byte whose next byte is wrong).
  return completeUpTo(bytes.subarray(0, lo));
}

/** The length of the part of `bytes` that does not end inside a UTF-8 sequence. */
export function completeUpTo(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back]!;
    if (b < 0x80) return bytes.length;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return back < need ? bytes.length - back : bytes.length;
    }
  }
  return bytes.length;
}

/**
 * Reads one ISO 2709 record (its bytes, with or without the final 0x1D). UTF-8 records (leader/09
 * `a`) must be valid UTF-8; MARC-8 records (leader/09 blank) are converted to Unicode, their
 * escape sequences and field 066 dropped, and come back with leader/09 `a`. Anything malformed
 * (leader, directory, lengths, encoding) is an `ERR_INVALID_INPUT` naming the record number and
 * the byte offset from the start of the input.
 *
 * @example
 * import { parseIso2709, serializeIso2709 } from 'latinitsa/marc';
 * const bytes = serializeIso2709({ leader: '00000nam a2200000 a 4500', fields: [{ tag: '245', ind1: '0', ind2: '0', subfields: [{ code: 'a', value: 'Война и мир' }] }] });
 * parseIso2709(bytes).fields[0];
 * //=> { tag: '245', ind1: '0', ind2: '0', subfields: [{ code: 'a', value: 'Война и мир' }] }
 */
export function parseIso2709(bytes: Uint8Array, options: ParseIso2709Options = {}): MarcRecord {
  const place: Partial<RecordPlace> = { ...(options.index === undefined ? {} : { index: options.index }), ...(options.offset === undefined ? {} : { offset: options.offset }) };
  const fail = (message: string): never => {
    throw recordError(place, message);
  };
  let length = bytes.length;
  if (bytes[length - 1] === RECORD_END) length--;
  if (length < 25) fail(`only ${bytes.length} bytes, shorter than a leader and directory`);
  const declared = digits(bytes, 0, 5);
  if (declared < 0) fail(`the leader does not start with a five-digit record length ("${ascii.decode(bytes.subarray(0, 5))}")`);
  if (declared !== length + 1) {
    fail(`the leader gives a record length of ${declared} bytes but the record is ${bytes.length} bytes long${bytes[bytes.length - 1] === RECORD_END ? '' : ' (it is truncated: no record terminator)'}`);
  }
  const base = digits(bytes, 12, 5);
  if (base < 25 || base > length) fail(`the leader gives a base address of data of "${ascii.decode(bytes.subarray(12, 17))}", outside the record`);
  if (bytes[base - 1] !== FIELD_END) fail(`the directory does not end with a field terminator at byte ${base - 1} of the record`);
  if ((base - 25) % 12 !== 0) fail(`the directory is ${base - 25} bytes long, not a multiple of 12`);
  const coding = String.fromCharCode(bytes[9]!);
  if (coding !== 'a' && coding !== ' ') fail(`leader/09 is "${coding}": neither "a" (UTF-8) nor blank (MARC-8)`);
  const marc8 = coding === ' ';
  const decode = (start: number, end: number, tag: string): string => {
    const slice = bytes.subarray(start, end);
    if (marc8) {
      try {
        return decodeMarc8(slice, options.tie === undefined ? {} : { tie: options.tie });
      } catch (error) {
        return fail(`field ${tag}: ${(error as Error).message} at byte ${start + ((error as LatinitsaError).offset ?? 0)} of the record`);
      }
    }
    try {
      return utf8.decode(slice);
    } catch {
      return fail(`field ${tag}: invalid UTF-8 at byte ${start + invalidUtf8At(slice)} of the record (leader/09 says UTF-8)`);
    }
  };
  const leader = ascii.decode(bytes.subarray(0, 24));
  const fields: MarcField[] = [];
  for (let entry = 24; entry < base - 1; entry += 12) {
    const tag = String.fromCharCode(bytes[entry]!, bytes[entry + 1]!, bytes[entry + 2]!);
    const fieldLength = digits(bytes, entry + 3, 4);
    const start = digits(bytes, entry + 7, 5);
    if (fieldLength < 1 || start < 0) fail(`directory entry ${(entry - 24) / 12 + 1} (tag ${JSON.stringify(tag)}) is not numeric`);
    const from = base + start;
    const to = from + fieldLength - 1;
    if (to >= length + 1 || bytes[to] !== FIELD_END) fail(`field ${tag}: the directory gives ${fieldLength} bytes from byte ${from}, which do not end with a field terminator`);
    const numeric = tag >= '000' && tag <= '999' && /^\d{3}$/.test(tag);
    if ((numeric && tag < '010' && tag !== '000') || (!numeric && bytes.subarray(from, to).indexOf(SUBFIELD) === -1)) {
      fields.push({ tag, value: decode(from, to, tag) });
      continue;
    }
    if (to - from < 2) fail(`field ${tag} is shorter than its two indicators`);
    const field: MarcDataField = { tag, ind1: String.fromCharCode(bytes[from]!), ind2: String.fromCharCode(bytes[from + 1]!), subfields: [] };
    let at = from + 2;
    if (at < to && bytes[at] !== SUBFIELD) fail(`field ${tag}: data after the indicators does not start with a subfield delimiter`);
    if (!marc8) {
      // UTF-8: one decoding per field, split at the delimiter (an ASCII byte, never inside a character).
      let data: string | undefined;
      try {
        data = utf8.decode(bytes.subarray(at, to));
      } catch {
        // Decoded per subfield below, to name the subfield and byte.
      }
      if (data !== undefined) {
        const parts = data.split('\x1f');
        for (let i = 1; i < parts.length; i++) {
          const part = parts[i]!;
          if (part === '') fail(`field ${tag}: a subfield delimiter without a code`);
          const code = part.codePointAt(0)!;
          if (code > 0x7f) fail(`field ${tag}: a subfield code must be one ASCII character`);
          field.subfields.push({ code: part[0]!, value: part.slice(1) });
        }
        fields.push(field);
        continue;
      }
    }
    while (at < to) {
      let next = bytes.indexOf(SUBFIELD, at + 1);
      if (next === -1 || next > to) next = to;
      if (next === at + 1) fail(`field ${tag}: a subfield delimiter without a code`);
      field.subfields.push({ code: String.fromCharCode(bytes[at + 1]!), value: decode(at + 2, next, `${tag} $${String.fromCharCode(bytes[at + 1]!)}`) });
      at = next;
    }
    fields.push(field);
  }
  if (!marc8) return { leader, fields };
  // MARC 21 conversion rules: leader/09 becomes `a`; field 066 (character sets present) goes.
  return { leader: `${leader.slice(0, 9)}a${leader.slice(10)}`, fields: fields.filter((f) => f.tag !== '066') };
}

const encoder = new TextEncoder();

/**
 * Writes one record as ISO 2709 in UTF-8 (leader/09 `a`): the record length, base address and
 * directory are computed; leader positions 10–11 and 20–23 are set to MARC 21's `22` and `4500`.
 * A field over 9,999 bytes or a record over 99,999 bytes cannot be written in ISO 2709 and is
 * `ERR_TOO_LARGE`.
 *
 * @example
 * import { serializeIso2709 } from 'latinitsa/marc';
 * const bytes = serializeIso2709({ leader: '00000nam a2200000 a 4500', fields: [{ tag: '001', value: '42' }] });
 * new TextDecoder().decode(bytes);
 * //=> '00041nam a2200037 a 4500001000300000\x1e42\x1e\x1d'
 */
export function serializeIso2709(record: MarcRecord, place: Partial<RecordPlace> = {}): Uint8Array {
  const texts: string[] = [];
  let chars = 0;
  for (const field of record.fields) {
    let text: string;
    if (isDataField(field)) {
      text = (field.ind1 || ' ') + (field.ind2 || ' ');
      for (const sf of field.subfields) text += `\x1f${sf.code}${sf.value}`;
    } else {
      text = field.value;
    }
    text += '\x1e';
    texts.push(text);
    chars += text.length;
  }
  const base = 24 + texts.length * 12 + 1;
  // One buffer for the whole record (UTF-8 needs at most 3 bytes per UTF-16 unit); the data is
  // encoded in place, then the leader and directory are written in front of it.
  const out = new Uint8Array(base + chars * 3 + 1);
  let directory = '';
  let at = base;
  texts.forEach((text, i) => {
    const { written } = encoder.encodeInto(text, out.subarray(at));
    const tag = record.fields[i]!.tag;
    if (written > 9999) throw new LatinitsaError('ERR_TOO_LARGE', recordError(place, `field ${tag} is ${written} bytes; ISO 2709 allows 9,999`).message);
    const safeTag = tag.length === 3 && /^[\x20-\x7e]{3}$/.test(tag) ? tag : tag.replace(/[^\x20-\x7e]/g, '0').padStart(3, '0').slice(0, 3);
    directory += `${safeTag}${String(written).padStart(4, '0')}${String(at - base).padStart(5, '0')}`;
    at += written;
  });
  const total = at + 1;
  if (total > MAX_RECORD_BYTES) throw new LatinitsaError('ERR_TOO_LARGE', recordError(place, `the record is ${total} bytes; ISO 2709 allows 99,999`).message);
  // The leader is ASCII by definition; anything else (a damaged leader) becomes a space.
  const src = record.leader.replace(/[^\x20-\x7e]/g, ' ').padEnd(24, ' ');
  const leader = `${String(total).padStart(5, '0')}${src.slice(5, 9)}a22${String(base).padStart(5, '0')}${src.slice(17, 20)}4500`;
  encoder.encodeInto(`${leader}${directory}\x1e`, out);
  out[at] = RECORD_END;
  return out.subarray(0, total);
}
