// MARC-in-JSON (the JSON form pymarc, ruby-marc and MARC4J read and write): one record is
// {"leader": "…", "fields": [{"001": "…"}, {"245": {"ind1": "1", "ind2": "0", "subfields": [{"a": "…"}]}}]}.
// Streams are JSON Lines: one record per line. Browser-safe.
import { LatinitsaError } from '../errors.ts';
import type { MarcField, MarcRecord } from './types.ts';
import { isDataField } from './types.ts';

function fail(message: string): never {
  throw new LatinitsaError('ERR_INVALID_INPUT', message);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A record from its MARC-in-JSON object; anything not of that shape is `ERR_INVALID_INPUT` saying
 * which field.
 *
 * @example
 * import { recordFromJson } from 'latinitsa/marc';
 * recordFromJson({ leader: '00000nam a2200000 a 4500', fields: [{ '001': '42' }, { 245: { ind1: '1', ind2: '0', subfields: [{ a: 'Kirov' }] } }] }).fields[1];
 * //=> { tag: '245', ind1: '1', ind2: '0', subfields: [{ code: 'a', value: 'Kirov' }] }
 */
export function recordFromJson(value: unknown): MarcRecord {
  if (!isObject(value)) fail('a MARC-in-JSON record must be an object');
  const { leader, fields } = value;
  if (typeof leader !== 'string' || leader.length !== 24) fail('"leader" must be a string of 24 characters');
  if (!Array.isArray(fields)) fail('"fields" must be an array');
  const out: MarcField[] = fields.map((entry: unknown, i): MarcField => {
    const keys = isObject(entry) ? Object.keys(entry) : [];
    if (!isObject(entry) || keys.length !== 1 || !/^\w{3}$/.test(keys[0]!)) fail(`fields[${i}] must be an object with one three-character tag`);
    const tag = keys[0]!;
    const body = entry[tag];
    if (typeof body === 'string') return { tag, value: body };
    if (!isObject(body) || !Array.isArray(body.subfields)) fail(`fields[${i}] (${tag}): expected a string or {ind1, ind2, subfields}`);
    const ind = (x: unknown, name: string): string => {
      if (x === undefined) return ' ';
      if (typeof x !== 'string' || x.length > 1) fail(`fields[${i}] (${tag}): ${name} must be one character`);
      return x || ' ';
    };
    return {
      tag,
      ind1: ind(body.ind1, 'ind1'),
      ind2: ind(body.ind2, 'ind2'),
      subfields: body.subfields.map((sf: unknown, j: number) => {
        const k = isObject(sf) ? Object.keys(sf) : [];
        if (!isObject(sf) || k.length !== 1 || k[0]!.length !== 1 || typeof sf[k[0]!] !== 'string') fail(`fields[${i}] (${tag}) subfields[${j}] must be {"code": "value"}`);
        return { code: k[0]!, value: sf[k[0]!] as string };
      }),
    };
  });
  return { leader, fields: out };
}

/**
 * A record as its MARC-in-JSON object.
 *
 * @example
 * import { recordToJson } from 'latinitsa/marc';
 * recordToJson({ leader: '00000nam a2200000 a 4500', fields: [{ tag: '245', ind1: '1', ind2: '0', subfields: [{ code: 'a', value: 'Kirov' }] }] });
 * //=> { leader: '00000nam a2200000 a 4500', fields: [{ 245: { ind1: '1', ind2: '0', subfields: [{ a: 'Kirov' }] } }] }
 */
export function recordToJson(record: MarcRecord): { leader: string; fields: Record<string, unknown>[] } {
  return {
    leader: record.leader,
    fields: record.fields.map((f) =>
      isDataField(f) ? { [f.tag]: { ind1: f.ind1, ind2: f.ind2, subfields: f.subfields.map((sf) => ({ [sf.code]: sf.value })) } } : { [f.tag]: f.value },
    ),
  };
}
