// A small batch of records in, records out: what the HTTP API and the page do with MARC
// (docs/marc.md). Browser-safe.
import { LatinitsaError } from '../errors.ts';
import type { Lexicon } from '../reverse/lexicon.ts';
import { schemeOfLanguage } from '../engine/lang.ts';
import { resolveScheme } from '../engine/resolve.ts';
import { defaultSchemeOf } from '../schemes/languages.ts';
import { recordToJson } from './json.ts';
import { checkRecord, romanizeRecord, vernacularRecord, type MarcSchemeOptions } from './parallel.ts';
import { marcWriter, readRecords } from './stream.ts';
import type { MarcDiagnostic, MarcFormat, MarcRecord } from './types.ts';
import { isDataField } from './types.ts';

/** The request: the records (in one form), what to do, and the options of the record operations. */
export interface MarcBatchInput {
  operation: 'romanize' | 'check' | 'vernacular';
  /** The records as text: MARCXML, MARC-in-JSON (lines or an array), or ISO 2709 (UTF-8 or MARC-8 as Latin-1 text is not accepted: send bytes). */
  text?: string;
  /** The records as bytes (any form, sniffed). */
  bytes?: Uint8Array;
  /** The form of the output records. Default: MARC-in-JSON objects. */
  output?: MarcFormat | 'json-objects';
  scheme?: MarcSchemeOptions['scheme'];
  schemeOptions?: MarcSchemeOptions['schemeOptions'];
  lang?: MarcSchemeOptions['lang'];
  tie?: MarcSchemeOptions['tie'];
  normalization?: MarcSchemeOptions['normalization'];
  /** vernacular: write every proposal. */
  all?: boolean;
}

/** One field of a record before and after, for a side-by-side view. */
export interface FieldRow {
  tag: string;
  before?: string;
  after?: string;
  status: 'same' | 'changed' | 'added' | 'removed';
}

/** The answer. */
export interface MarcBatchResult {
  records: { index: number; record: unknown; changed: number; fields: FieldRow[] }[];
  /** The records in the requested form when it is not objects (ISO 2709 is base64). */
  serialized?: string;
  diagnostics: MarcDiagnostic[];
  /** Records that could not be read. */
  errors: { index: number; message: string }[];
}

/** Options of {@link marcBatch}. */
export interface MarcBatchOptions {
  lexicon?: Lexicon;
  /** Most records one request may hold. Default 1000. */
  maxRecords?: number;
}

/** A field as one line: `245 10 $a … $c …` (control fields: `001 value`). */
function line(field: MarcRecord['fields'][number]): string {
  return isDataField(field) ? `${field.ind1}${field.ind2} ${field.subfields.map((sf) => `$${sf.code} ${sf.value}`).join(' ')}` : field.value;
}

/**
 * The fields of a record before and after an operation, lined up: the operations keep every field
 * in place and only add 880s, so fields pair by position among those with the same tag.
 *
 * @example
 * import { fieldRows } from 'latinitsa/marc';
 * const before = { leader: '00000nam a2200000 a 4500', fields: [{ tag: '245', ind1: '1', ind2: '0', subfields: [{ code: 'a', value: 'Щука' }] }] };
 * const after = { leader: before.leader, fields: [{ tag: '245', ind1: '1', ind2: '0', subfields: [{ code: '6', value: '880-01' }, { code: 'a', value: 'Shchuka' }] }, { tag: '880', ind1: '1', ind2: '0', subfields: [{ code: '6', value: '245-01/(N' }, { code: 'a', value: 'Щука' }] }] };
 * fieldRows(before, after).map((r) => r.status);
 * //=> ['changed', 'added']
 */
export function fieldRows(before: MarcRecord, after: MarcRecord): FieldRow[] {
  const pending = new Map<string, string[]>();
  for (const f of before.fields) pending.set(f.tag, [...(pending.get(f.tag) ?? []), line(f)]);
  const rows: FieldRow[] = after.fields.map((f) => {
    const was = pending.get(f.tag)?.shift();
    const now = line(f);
    if (was === undefined) return { tag: f.tag, after: now, status: 'added' };
    return { tag: f.tag, before: was, after: now, status: was === now ? 'same' : 'changed' };
  });
  for (const [tag, rest] of pending) for (const was of rest) rows.push({ tag, before: was, status: 'removed' });
  return rows;
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * Runs one record operation on a small batch of records given as text or bytes (any of the three
 * forms), and gives each record back with its fields before and after, the findings, and the
 * records that could not be read (by number, the others being done).
 *
 * @example
 * import { marcBatch } from 'latinitsa/marc';
 * const r = await marcBatch({ operation: 'romanize', text: JSON.stringify({ leader: '00000nam a2200000 a 4500', fields: [{ '008': '130329s2013    ru            000 1 rus d' }, { 245: { ind1: '1', ind2: '0', subfields: [{ a: 'Щука' }] } }] }) });
 * r.records[0]?.fields.filter((f) => f.status !== 'same').map((f) => f.after);
 * //=> ['10 $6 880-01 $a Shchuka', '10 $6 245-01/(N $a Щука']
 */
export async function marcBatch(input: MarcBatchInput, options: MarcBatchOptions = {}): Promise<MarcBatchResult> {
  if (!['romanize', 'check', 'vernacular'].includes(input.operation)) {
    throw new LatinitsaError('ERR_INVALID_OPTION', `operation must be romanize, check or vernacular, not ${JSON.stringify(input.operation)}`);
  }
  const source = input.bytes ?? (input.text === undefined ? undefined : new TextEncoder().encode(input.text));
  if (source === undefined) throw new LatinitsaError('ERR_INVALID_INPUT', 'no records given (text or bytes)');
  const max = options.maxRecords ?? 1000;
  // The language, and a scheme named with its options, are checked before any record is read,
  // as the first record would check them (parallel.ts): a batch of no record is refused for them
  // as one of many is. (Options without a scheme wait for a record: its language picks the scheme.)
  if (input.lang !== undefined) defaultSchemeOf({ lang: input.lang });
  if (input.scheme !== undefined) resolveScheme({ ...input.schemeOptions, scheme: input.lang === undefined ? input.scheme : schemeOfLanguage(input.scheme, input.lang) });
  const base: MarcSchemeOptions = {};
  if (input.scheme !== undefined) base.scheme = input.scheme;
  if (input.schemeOptions !== undefined) base.schemeOptions = input.schemeOptions;
  if (input.lang !== undefined) base.lang = input.lang;
  if (input.tie !== undefined) base.tie = input.tie;
  if (input.normalization !== undefined) base.normalization = input.normalization;
  const result: MarcBatchResult = { records: [], diagnostics: [], errors: [] };
  const out: Uint8Array[] = [];
  const form = input.output ?? 'json-objects';
  const writer = form === 'json-objects' ? undefined : marcWriter(form);
  if (writer !== undefined) out.push(writer.head);
  for await (const item of readRecords([source])) {
    if (item.index > max) throw new LatinitsaError('ERR_TOO_LARGE', `more than ${max} records in one request`);
    if (item.error !== undefined) {
      result.errors.push({ index: item.index, message: item.error.message });
      continue;
    }
    const opts = { ...base, index: item.index };
    let after = item.record;
    let changed = 0;
    if (input.operation === 'check') {
      result.diagnostics.push(...checkRecord(item.record, opts));
    } else {
      const r = input.operation === 'romanize' ? romanizeRecord(item.record, opts) : vernacularRecord(item.record, { ...opts, ...(options.lexicon === undefined ? {} : { lexicon: options.lexicon }), ...(input.all === true ? { all: true } : {}) });
      after = r.record;
      changed = r.changed;
      result.diagnostics.push(...r.diagnostics);
    }
    result.records.push({ index: item.index, record: recordToJson(after), changed, fields: fieldRows(item.record, after) });
    if (writer !== undefined) out.push(writer.record(after, { index: item.index }));
  }
  if (writer !== undefined) {
    out.push(writer.tail);
    const all = new Uint8Array(out.reduce((n, b) => n + b.length, 0));
    let at = 0;
    for (const b of out) {
      all.set(b, at);
      at += b.length;
    }
    result.serialized = form === 'iso2709' ? base64(all) : new TextDecoder().decode(all);
  }
  return result;
}
