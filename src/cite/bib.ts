import { parseBibtex, type BibtexField } from './bibtex-syntax.ts';
import { LatinitsaError } from '../errors.ts';
import { romanize } from '../engine/romanize.ts';
import fields from './data/bib-fields.json' with { type: 'json' };

/** Field groups of a bibliography that get their own scheme. */
export type BibFieldGroup = 'names' | 'titles' | 'publishers';

/** Options of {@link romanizeBibtex} and {@link romanizeCsl}. */
export interface RomanizeBibOptions {
  /** Scheme for every group. Default `'ala-lc-simplified'` (bibliographies, spec Q17). */
  scheme?: string;
  /** Scheme per group, winning over `scheme`: `{ names: 'modified-loc' }`. */
  schemes?: Partial<Record<BibFieldGroup, string>>;
  /** Keep the Cyrillic original beside the romanized value (BibTeX: `orig<field>`; CSL: `original-*`). Default false. */
  keepOriginal?: boolean;
}

/** One changed field. */
export interface BibChange {
  /** Entry key (BibTeX) or item id (CSL). */
  key: string;
  field: string;
  from: string;
  to: string;
}

/** A note about something deliberately left unchanged (a Cyrillic macro, an existing original field). */
export interface BibNote {
  key: string;
  field: string;
  message: string;
}

/** What the bibliography functions return. */
export interface RomanizedBib {
  output: string;
  changes: BibChange[];
  notes: BibNote[];
}

const cyrillic = /\p{Script=Cyrillic}/u;
const DEFAULT_SCHEME = 'ala-lc-simplified';

function groupSchemes(options: RomanizeBibOptions): Record<BibFieldGroup, string> {
  const base = options.scheme ?? DEFAULT_SCHEME;
  for (const key of Object.keys(options.schemes ?? {})) {
    if (!['names', 'titles', 'publishers'].includes(key)) throw new LatinitsaError('ERR_INVALID_OPTION', `unknown field group "${key}" (known: names, titles, publishers)`);
  }
  return { names: options.schemes?.names ?? base, titles: options.schemes?.titles ?? base, publishers: options.schemes?.publishers ?? base };
}

function groupOf(table: { names: string[]; titles: string[]; publishers: string[] }, field: string): BibFieldGroup | undefined {
  const name = field.toLowerCase();
  if (table.names.includes(name)) return 'names';
  if (table.titles.includes(name)) return 'titles';
  if (table.publishers.includes(name)) return 'publishers';
  return undefined;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Located {
  field: BibtexField;
  /** Offsets in the whole file. */
  nameStart: number;
  valueStart: number;
  valueEnd: number;
}

/**
 * Finds where each field's raw value stands in the entry's source: fields are searched in order
 * from a cursor, as `name = raw` at a field boundary, so the result does not depend on values that
 * merely look like field assignments.
 */
function locateFields(text: string, entryStart: number, raw: string, key: string | null | undefined, list: BibtexField[]): Located[] {
  const out: Located[] = [];
  // An entry without a key (`@article{,…}`, `@article{}`) has its fields right after the brace.
  let cursor = key ? raw.indexOf(key) + key.length : 0;
  for (const field of list) {
    // A field name is a short identifier; an enormous one (damaged input) would only overflow the
    // regular expression engine.
    if (field.name.length > 256) throw new LatinitsaError('ERR_INVALID_INPUT', `entry "${key ?? ''}": a field name of ${field.name.length} characters`);
    const re = new RegExp(`(?<=[\\s,{(])(${escapeRe(field.name)})\\s*=\\s*`, 'giu');
    re.lastIndex = cursor;
    let found: Located | undefined;
    for (let m = re.exec(raw); m !== null; m = re.exec(raw)) {
      const valueStart = m.index + m[0].length;
      if (raw.startsWith(field.raw, valueStart)) {
        found = { field, nameStart: entryStart + m.index, valueStart: entryStart + valueStart, valueEnd: entryStart + valueStart + field.raw.length };
        break;
      }
    }
    if (found === undefined) throw new LatinitsaError('ERR_INVALID_INPUT', `cannot locate field "${field.name}" of entry "${key}" in the source`);
    out.push(found);
    cursor = found.valueEnd - entryStart;
  }
  return out;
}

function lineOf(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return text.slice(start, offset);
}

/**
 * Romanizes the Cyrillic names, titles, container titles, publishers and places of a BibTeX or
 * BibLaTeX file and changes nothing else: comments, `@string` macros, field order, braces, spacing
 * and every other field stay byte-identical (the file is read by `parseBibtex`, which keeps each
 * value's source text, and only the changed values' text is spliced). With `keepOriginal`, the Cyrillic value is kept in
 * `orig<field>` (`origtitle`, `origpublisher`, `origlocation` are BibLaTeX fields) on a new line
 * after the field, unless the entry has that field already.
 *
 * @example
 * import { romanizeBibtex } from 'latinitsa';
 * const bib = '@book{lotman,\n  author = {Лотман, Ю. М.},\n  title  = {Культура и взрыв},\n  year   = 1992\n}\n';
 * romanizeBibtex(bib).output;
 * //=> '@book{lotman,\n  author = {Lotman, Iu. M.},\n  title  = {Kul’tura i vzryv},\n  year   = 1992\n}\n'
 * romanizeBibtex(bib, { schemes: { names: 'modified-loc' }, keepOriginal: true }).output.split('\n').slice(1, 5);
 * //=> ['  author = {Lotman, Yu. M.},', '  origauthor = {Лотман, Ю. М.},', '  title  = {Kul’tura i vzryv},', '  origtitle = {Культура и взрыв},']
 */
export function romanizeBibtex(text: string, options: RomanizeBibOptions = {}): RomanizedBib {
  if (typeof text !== 'string') throw new LatinitsaError('ERR_INVALID_INPUT', 'romanizeBibtex expects a string');
  const schemes = groupSchemes(options);
  let items;
  try {
    items = parseBibtex(text);
  } catch (error) {
    const loc = (error as { location?: { start?: { line?: number; column?: number; offset?: number } } }).location?.start;
    const where = loc === undefined ? '' : ` at line ${loc.line}, column ${loc.column}`;
    throw new LatinitsaError('ERR_INVALID_INPUT', `not a valid BibTeX file${where}: ${(error as Error).message}`, loc?.offset === undefined ? {} : { offset: loc.offset });
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const macros = new Map<string, string>();
  const edits: Array<{ at: number; end: number; text: string }> = [];
  const changes: BibChange[] = [];
  const notes: BibNote[] = [];
  let cursor = 0;
  for (const item of items) {
    if (item.itemtype === 'comment') {
      const at = text.indexOf(item.comment, cursor);
      if (at !== -1) cursor = at + item.comment.length;
      continue;
    }
    if (item.itemtype === 'string' || item.itemtype === 'preamble') {
      if (item.itemtype === 'string' && typeof item.raw === 'string' && cyrillic.test(item.raw)) macros.set(item.name.toLowerCase(), item.raw);
      if (item.raw !== undefined) {
        const at = text.indexOf(item.raw, cursor);
        if (at !== -1) cursor = at + item.raw.length;
      }
      continue;
    }
    const entryStart = text.indexOf(item.raw, cursor);
    if (entryStart === -1) throw new LatinitsaError('ERR_INVALID_INPUT', `cannot locate entry "${item.key}" in the source`);
    cursor = entryStart + item.raw.length;
    // An entry may have no key (`@article{,…}`): reported with an empty one.
    const key = item.key ?? '';
    const present = new Set(item.fields.map((f) => f.name.toLowerCase()));
    for (const loc of locateFields(text, entryStart, item.raw, item.key, item.fields)) {
      const { field } = loc;
      const group = groupOf(fields.bibtex, field.name);
      if (group === undefined) continue;
      if (!cyrillic.test(field.raw)) {
        const macro = field.datatype === 'identifier' || field.datatype === 'concatinate' ? [...macros.keys()].find((m) => new RegExp(`(?<![\\w-])${escapeRe(m)}(?![\\w-])`, 'i').test(field.raw)) : undefined;
        if (macro !== undefined) notes.push({ key, field: field.name, message: `uses @string macro "${macro}" whose value is Cyrillic; macros are left as written` });
        continue;
      }
      const romanized = romanize(field.raw, { scheme: schemes[group] });
      if (romanized === field.raw) continue;
      let replacement = romanized;
      if (options.keepOriginal === true) {
        const origName = fields.bibtex.originalPrefix + field.name.toLowerCase();
        if (present.has(origName)) {
          notes.push({ key, field: field.name, message: `entry already has "${origName}"; the original was not copied` });
        } else {
          const indent = /^[ \t]*/.exec(lineOf(text, loc.nameStart))![0];
          const ownLine = lineOf(text, loc.nameStart).trim() === '';
          // On its own line after the field, indented like it; the field's trailing comma (if any) now ends the new field.
          replacement = `${romanized},${ownLine ? `${eol}${indent}` : ' '}${origName} = ${field.raw}`;
          present.add(origName);
        }
      }
      edits.push({ at: loc.valueStart, end: loc.valueEnd, text: replacement });
      changes.push({ key, field: field.name, from: field.raw, to: romanized });
    }
  }
  let output = '';
  let at = 0;
  for (const e of edits) {
    output += text.slice(at, e.at) + e.text;
    at = e.end;
  }
  output += text.slice(at);
  return { output, changes, notes };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function romanizeNames(value: Json, scheme: string): Json {
  if (!Array.isArray(value)) return value;
  return value.map((name) => {
    if (name === null || typeof name !== 'object' || Array.isArray(name)) return name;
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(name)) out[k] = fields.csl.nameParts.includes(k) && typeof v === 'string' && cyrillic.test(v) ? romanize(v, { scheme }) : v;
    return out;
  });
}

/**
 * Romanizes the Cyrillic names, titles, container titles, publishers and places of CSL-JSON (the
 * format Zotero exports: an array of items, or one item). Every other variable, the key order and
 * the indentation of the input are kept. With `keepOriginal`, the Cyrillic `title`, `author`,
 * `publisher` and `publisher-place` are kept in CSL's `original-title`, `original-author`,
 * `original-publisher` and `original-publisher-place` (when the item has none yet), placed right
 * after the romanized variable.
 *
 * @example
 * import { romanizeCsl } from 'latinitsa';
 * const json = '[{"id":"lotman","type":"book","title":"Культура и взрыв","author":[{"family":"Лотман","given":"Ю. М."}]}]';
 * romanizeCsl(json).output;
 * //=> '[{"id":"lotman","type":"book","title":"Kul’tura i vzryv","author":[{"family":"Lotman","given":"Iu. M."}]}]'
 * JSON.parse(romanizeCsl(json, { keepOriginal: true }).output)[0]['original-title'];
 * //=> 'Культура и взрыв'
 */
export function romanizeCsl(text: string, options: RomanizeBibOptions = {}): RomanizedBib {
  if (typeof text !== 'string') throw new LatinitsaError('ERR_INVALID_INPUT', 'romanizeCsl expects a string');
  const schemes = groupSchemes(options);
  // A byte-order mark (some Windows exports) is kept in the output but is not JSON.
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  let data: Json;
  try {
    data = JSON.parse(text.slice(bom.length)) as Json;
  } catch (error) {
    throw new LatinitsaError('ERR_INVALID_INPUT', `not valid CSL-JSON: ${(error as Error).message}`);
  }
  const single = data !== null && typeof data === 'object' && !Array.isArray(data);
  const items = single ? [data] : data;
  if (!Array.isArray(items) || items.some((i) => i === null || typeof i !== 'object' || Array.isArray(i))) {
    throw new LatinitsaError('ERR_INVALID_INPUT', 'not CSL-JSON: expected an array of items (objects) or one item');
  }
  const changes: BibChange[] = [];
  const notes: BibNote[] = [];
  const original = fields.csl.original as Record<string, string>;
  const out = (items as Array<{ [key: string]: Json }>).map((item) => {
    const key = typeof item.id === 'string' || typeof item.id === 'number' ? String(item.id) : '';
    const result: { [key: string]: Json } = {};
    for (const [name, value] of Object.entries(item)) {
      const group = groupOf(fields.csl, name);
      let next: Json = value;
      if (group === 'names') next = romanizeNames(value, schemes.names);
      else if (group !== undefined && typeof value === 'string' && cyrillic.test(value)) next = romanize(value, { scheme: schemes[group] });
      const changed = JSON.stringify(next) !== JSON.stringify(value);
      result[name] = next;
      if (!changed) continue;
      changes.push({ key, field: name, from: JSON.stringify(value), to: JSON.stringify(next) });
      const origName = original[name];
      if (options.keepOriginal === true && origName !== undefined) {
        if (origName in item) notes.push({ key, field: name, message: `item already has "${origName}"; the original was not copied` });
        else result[origName] = value;
      }
    }
    return result;
  });
  const indent = /\n([ \t]+)\S/.exec(text)?.[1];
  const unit = indent === undefined ? undefined : indent.startsWith('\t') ? '\t' : indent;
  const json = JSON.stringify(single ? out[0] : out, null, unit);
  const body = text.includes('\r\n') ? json.replace(/\n/g, '\r\n') : json;
  const trailing = /\s*$/.exec(text)![0];
  return { output: bom + body + trailing, changes, notes };
}
