// MARC-in-JSON (the JSON form pymarc, ruby-marc and MARC4J read and write): one record is
// {"leader": "…", "fields": [{"001": "…"}, {"245": {"ind1": "1", "ind2": "0", "subfields": [{"a": "…"}]}}]}.
// Streams are JSON Lines (one record per line, as written) or a JSON array, with any line breaks
// (JsonSplitter). Browser-safe.
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

/** One value of a MARC-in-JSON stream, as text, or what keeps it from being read. */
export interface JsonPiece {
  /** The value's text (empty when `problem` says it could not be delimited). */
  text: string;
  /** Byte offset, line and column (both from 1) of its first character. */
  offset: number;
  line: number;
  column: number;
  problem?: string;
}

/** The most characters one value may hold; a larger one is reported, not kept (as MARCXML). */
export const MAX_JSON_VALUE = 16 * 1024 * 1024;

const utf8Length = (code: number): number => (code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdbff ? 4 : code >= 0xdc00 && code <= 0xdfff ? 0 : 3);

/**
 * Splits MARC-in-JSON text, given in any pieces, into its top-level values: JSON Lines, objects
 * written one after another however they are broken into lines (pretty-printed), or the elements
 * of a JSON array (docs/marc.md: "one record per line (JSON Lines), or one JSON array"). Memory is
 * bounded by the largest value. A value that cannot be delimited is reported and reading goes on:
 * outside an array with the next line starting with "{" (the start of a JSON Lines record and of
 * a pretty-printed one, whose inner lines are indented); inside an array there is no such mark, so
 * the rest of the array is given up with the line and column of the fault.
 */
export class JsonSplitter {
  /** 0 outside an array, 1 inside one. */
  #base = 0;
  #depth = 0;
  #inString = false;
  #escape = false;
  #open = false;
  #scalar = false;
  #buf = '';
  #over = false;
  /** Outside an array: a fault was found in the open value; skip to the next line opening with "{". */
  #broken: string | undefined;
  #stopped = false;
  #start = { offset: 0, line: 1, column: 1 };
  #offset = 0;
  #line = 1;
  #column = 1;

  push(text: string): JsonPiece[] {
    const out: JsonPiece[] = [];
    let from = 0;
    const here = (): { offset: number; line: number; column: number } => ({ offset: this.#offset, line: this.#line, column: this.#column });
    const finish = (to: number, problem?: string): void => {
      const whole = this.#over || this.#broken !== undefined ? '' : this.#buf + text.slice(from, to);
      const why = problem ?? this.#broken ?? (this.#over ? `the record is more than ${MAX_JSON_VALUE} characters long` : undefined);
      out.push({ text: whole, ...this.#start, ...(why === undefined ? {} : { problem: why }) });
      this.#open = false;
      this.#buf = '';
      this.#over = false;
      this.#broken = undefined;
      this.#inString = false;
      this.#escape = false;
      this.#depth = this.#base;
    };
    const begin = (i: number, c: string): void => {
      this.#open = true;
      this.#start = here();
      from = i;
      this.#scalar = c !== '{' && c !== '[';
      if (!this.#scalar) this.#depth++;
      if (c === '"') this.#inString = true;
    };
    for (let i = 0; i < text.length && !this.#stopped; i++) {
      const c = text[i]!;
      let advance = true;
      step: {
        if (this.#open && this.#broken !== undefined) {
          if (c === '{' && this.#column === 1) {
            finish(i);
            begin(i, c);
          }
          break step;
        }
        if (this.#open && this.#inString) {
          if (this.#escape) this.#escape = false;
          else if (c === '\\') this.#escape = true;
          else if (c === '"') this.#inString = false;
          else if (c === '\n') {
            const problem = `not JSON: a line break inside a string at line ${this.#line}, column ${this.#column}`;
            if (this.#base === 0) this.#broken = problem;
            else {
              finish(i, `${problem}; the rest of the array is not read`);
              this.#stopped = true;
            }
          }
          break step;
        }
        const space = c === ' ' || c === '\n' || c === '\r' || c === '\t';
        if (!this.#open) {
          if (space || c === ',') break step;
          if (c === '[' && this.#base === 0) {
            this.#base = this.#depth = 1;
            break step;
          }
          if (c === ']' && this.#base === 1) {
            this.#base = this.#depth = 0;
            break step;
          }
          begin(i, c);
          break step;
        }
        if (this.#scalar) {
          if (space || c === ',' || c === ']' || c === '}') {
            finish(i);
            // The character after a scalar is read again, outside it.
            i--;
            advance = false;
            break step;
          }
          if (c === '"') this.#inString = true;
          break step;
        }
        if (c === '{' && this.#column === 1 && this.#base === 0) {
          // A line opening with "{" inside an unclosed value: that value was cut short.
          finish(i, `not JSON: the record is not closed before line ${this.#line}`);
          begin(i, c);
        } else if (c === '"') this.#inString = true;
        else if (c === '{' || c === '[') this.#depth++;
        else if (c === '}' || c === ']') {
          this.#depth--;
          if (this.#depth === this.#base) finish(i + 1);
        }
      }
      if (!advance) continue;
      if (c === '\n') {
        this.#line++;
        this.#column = 1;
      } else this.#column++;
      this.#offset += utf8Length(text.charCodeAt(i));
    }
    if (this.#open && !this.#over && this.#broken === undefined) {
      this.#buf += text.slice(from);
      if (this.#buf.length > MAX_JSON_VALUE) {
        this.#over = true;
        this.#buf = '';
      }
    }
    return out;
  }

  end(): JsonPiece[] {
    if (this.#stopped) return [];
    if (this.#open) {
      if (this.#scalar && !this.#inString) return this.push(' ');
      const problem = this.#broken ?? `not JSON: the input ends before the record is closed (line ${this.#line}, column ${this.#column})`;
      this.#open = false;
      return [{ text: '', ...this.#start, problem }];
    }
    if (this.#base === 1) return [{ text: '', offset: this.#offset, line: this.#line, column: this.#column, problem: 'not JSON: the input ends before the array is closed' }];
    return [];
  }
}
