// Reading and writing streams of MARC records in any of the three forms, as async iterables of
// bytes: a Node stream, a web ReadableStream or an array of chunks all work. Browser-safe.
import { LatinitsaError } from '../errors.ts';
import { completeUpTo, invalidUtf8At, Iso2709Splitter, parseIso2709, recordError, serializeIso2709 } from './iso2709.ts';
import { JsonSplitter, recordFromJson, recordToJson, type JsonPiece } from './json.ts';
import { INVALID_TEXT, MARCXML_HEAD, MARCXML_TAIL, MarcXmlParser, recordToMarcXml, type MarcReadItem } from './marcxml.ts';
import type { MarcFormat, MarcRecord } from './types.ts';

export type { MarcReadItem } from './marcxml.ts';

/** Options of {@link readRecords}. */
export interface ReadRecordsOptions {
  /** The form of the input; `'auto'` (default) looks at its first bytes: `<` MARCXML, `{` JSON, a digit ISO 2709. */
  format?: MarcFormat | 'auto';
  /** How MARC-8 ligatures become Unicode (see `decodeMarc8`). */
  tie?: 'breve' | 'halves';
}

type Chunk = Uint8Array | string;
const encoder = new TextEncoder();
const toBytes = (c: unknown): Uint8Array => {
  if (c instanceof Uint8Array) return c;
  if (typeof c === 'string') return encoder.encode(c);
  throw new LatinitsaError('ERR_INVALID_INPUT', `expected bytes or text, found ${typeof c}`);
};

/**
 * The form of a MARC input from its first bytes, or undefined when they say nothing.
 *
 * @example
 * import { sniffMarcFormat } from 'latinitsa/marc';
 * [sniffMarcFormat(new TextEncoder().encode(' <?xml')), sniffMarcFormat(new TextEncoder().encode('01234nam'))];
 * //=> ['marcxml', 'iso2709']
 */
export function sniffMarcFormat(head: Uint8Array): MarcFormat | undefined {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09)) i++;
  const b = head[i];
  if (b === undefined) return undefined;
  if (b === 0x3c) return 'marcxml';
  if (b === 0x7b || b === 0x5b) return 'json';
  if (b >= 0x30 && b <= 0x39) return 'iso2709';
  return undefined;
}

/**
 * Decodes UTF-8 pieces to text; bytes that are not UTF-8 become {@link INVALID_TEXT} and their
 * offsets are pushed to `invalidAt`, so that the one record holding them fails and no other.
 */
async function* utf8Text(chunks: AsyncIterable<Uint8Array>, invalidAt: number[]): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  let carry = new Uint8Array(0);
  for await (const chunk of chunks) {
    const bytes = carry.length === 0 ? chunk : concat(carry, chunk);
    const base = offset - carry.length;
    offset += chunk.length;
    // A sequence cut by the end of the chunk waits for the next chunk.
    const cut = completeUpTo(bytes);
    carry = bytes.slice(cut);
    let at = 0;
    let text = '';
    while (at < cut) {
      const piece = bytes.subarray(at, cut);
      try {
        text += decoder.decode(piece);
        at = cut;
      } catch {
        const bad = at + invalidUtf8At(piece);
        text += decoder.decode(bytes.subarray(at, bad)) + INVALID_TEXT;
        invalidAt.push(base + bad);
        at = bad + 1;
      }
    }
    if (text !== '') yield text;
  }
  if (carry.length > 0) {
    invalidAt.push(offset - carry.length);
    yield INVALID_TEXT;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

async function* bytesOf(source: AsyncIterable<unknown> | Iterable<unknown>): AsyncGenerator<Uint8Array> {
  for await (const chunk of source as AsyncIterable<unknown>) {
    const bytes = toBytes(chunk);
    if (bytes.length > 0) yield bytes;
  }
}

/**
 * Reads MARC records from a stream of bytes (ISO 2709, MARCXML or MARC-in-JSON lines), one at a
 * time, in memory bounded by the largest record. MARC-in-JSON is JSON Lines or a JSON array, with
 * any line breaks (pretty-printed). Each item is a record, or an error naming the
 * record's number and byte offset (a truncated record, a wrong leader length, text that is not
 * UTF-8 or not MARC-8) — reading always goes on with the next record, so one bad record loses no
 * other. ISO 2709 errors carry the record's bytes (`raw`) so that a caller can keep them aside.
 *
 * @example
 * import { readRecords, serializeIso2709, type MarcControlField } from 'latinitsa/marc';
 * const good = serializeIso2709({ leader: '00000nam a2200000 a 4500', fields: [{ tag: '001', value: '1' }] });
 * const items: string[] = [];
 * for await (const item of readRecords([good, good.slice(0, 30)])) items.push(item.error ? item.error.message : (item.record.fields[0] as MarcControlField).value);
 * items;
 * //=> ['1', 'record 2 (byte 40): the leader gives a record length of 40 bytes but the record is 30 bytes long (it is truncated: no record terminator)']
 */
export async function* readRecords(source: AsyncIterable<Chunk> | Iterable<Chunk>, options: ReadRecordsOptions = {}): AsyncGenerator<MarcReadItem> {
  const it = bytesOf(source)[Symbol.asyncIterator]();
  let first = await it.next();
  if (first.done === true) return;
  const sniff = options.format === undefined || options.format === 'auto';
  // The first chunk may end inside a byte-order mark or leading white space: read on until a
  // byte says the form (or 64 bytes have not).
  while (sniff && sniffMarcFormat(first.value) === undefined && first.value.length < 64 && /^[\xef\xbb\xbf \t\r\n]*$/.test(String.fromCharCode(...first.value))) {
    const more = await it.next();
    if (more.done === true) break;
    first = { done: false, value: concat(first.value, more.value) };
  }
  const format = sniff ? sniffMarcFormat(first.value) : options.format;
  if (format === undefined) {
    throw new LatinitsaError('ERR_UNSUPPORTED_FORMAT', 'the input is not MARC: it starts with neither a record length (ISO 2709), "<" (MARCXML) nor "{" (MARC-in-JSON)');
  }
  const all = (async function* () {
    yield first.value;
    for (let next = await it.next(); next.done !== true; next = await it.next()) yield next.value;
  })();
  if (format === 'iso2709') {
    const splitter = new Iso2709Splitter();
    const parse = (piece: ReturnType<Iso2709Splitter['end']> & object): MarcReadItem => {
      const place = { index: piece.index, offset: piece.offset };
      try {
        if (piece.truncated && piece.bytes.length >= 5) parseIso2709(piece.bytes, { ...place, ...(options.tie === undefined ? {} : { tie: options.tie }) });
        if (piece.truncated) return { error: recordError(place, `the record is truncated: ${piece.bytes.length} bytes without a record terminator`), ...place, raw: piece.bytes };
        const record = parseIso2709(piece.bytes, { ...place, ...(options.tie === undefined ? {} : { tie: options.tie }) });
        return piece.bytes[9] === 0x20 ? { record, ...place, marc8: true } : { record, ...place };
      } catch (error) {
        if (!(error instanceof LatinitsaError)) throw error;
        return { error, ...place, raw: piece.bytes };
      }
    };
    for await (const chunk of all) for (const piece of splitter.push(chunk)) yield parse(piece);
    const last = splitter.end();
    if (last !== undefined) yield parse(last);
    return;
  }
  if (format === 'marcxml') {
    const parser = new MarcXmlParser();
    for await (const text of utf8Text(all, parser.invalidAt)) yield* parser.push(text);
    yield* parser.end();
    return;
  }
  // MARC-in-JSON: JSON Lines, or one JSON array, however either is broken into lines (docs/marc.md).
  const splitter = new JsonSplitter();
  const invalid: number[] = [];
  let index = 0;
  const parse = (piece: JsonPiece): MarcReadItem => {
    index++;
    const place = { index, offset: piece.offset };
    const at = `line ${piece.line}, column ${piece.column}`;
    if (piece.problem !== undefined) return { error: recordError(place, `${piece.problem} (the record starts at ${at})`), ...place };
    if (piece.text.includes(INVALID_TEXT)) return { error: recordError(place, `invalid UTF-8 at byte ${invalid.shift() ?? piece.offset}`), ...place };
    let value: unknown;
    try {
      value = JSON.parse(piece.text);
    } catch (error) {
      return { error: recordError(place, `not JSON (the record starts at ${at}): ${(error as Error).message}`), ...place };
    }
    try {
      return { record: recordFromJson(value), ...place };
    } catch (error) {
      return { error: recordError(place, `not a MARC-in-JSON record (it starts at ${at}): ${(error as Error).message}`), ...place };
    }
  };
  for await (const text of utf8Text(all, invalid)) for (const piece of splitter.push(text)) yield parse(piece);
  for (const piece of splitter.end()) yield parse(piece);
}

/** Writes records in one form: the text before the first record, each record, the text after the last. */
export interface MarcWriter {
  head: Uint8Array;
  record(record: MarcRecord, place?: { index?: number }): Uint8Array;
  tail: Uint8Array;
}

/**
 * A writer for one output form: ISO 2709 in UTF-8, a MARCXML collection, or MARC-in-JSON lines.
 *
 * @example
 * import { marcWriter } from 'latinitsa/marc';
 * const w = marcWriter('json');
 * new TextDecoder().decode(w.record({ leader: '00000nam a2200000 a 4500', fields: [{ tag: '001', value: '7' }] }));
 * //=> '{"leader":"00000nam a2200000 a 4500","fields":[{"001":"7"}]}\n'
 */
export function marcWriter(format: MarcFormat): MarcWriter {
  const none = new Uint8Array(0);
  if (format === 'iso2709') return { head: none, record: (r, place) => serializeIso2709(r, place), tail: none };
  if (format === 'marcxml') return { head: encoder.encode(MARCXML_HEAD), record: (r) => encoder.encode(recordToMarcXml(r)), tail: encoder.encode(MARCXML_TAIL) };
  return { head: none, record: (r) => encoder.encode(JSON.stringify(recordToJson(r)) + '\n'), tail: none };
}
