// CSL-JSON, as Zotero exports it: variables romanized, key order and layout kept (docs/citations.md).
import { lineIndex } from '../diagnostics/place.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { romanize } from '../engine/romanize.ts';
import { splitBom } from '../engine/utf8.ts';
import { LatinitsaError } from '../errors.ts';
import type { Scheme } from '../schemes/registry.ts';
import { cyrillic, fieldDiagnostic, groupOf, groupSchemes, type BibChange, type RomanizeBibOptions, type RomanizedBib } from './bib.ts';
import fields from './data/bib-fields.json' with { type: 'json' };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function romanizeNames(value: Json, scheme: Scheme): Json {
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
  const bom = splitBom(text).bom ? text[0]! : '';
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
  const diagnostics: Diagnostic[] = [];
  const original = fields.csl.original as Record<string, string>;
  let members: Array<Map<string, [number, number]>> | undefined;
  const lines = lineIndex(text);
  const out = (items as Array<{ [key: string]: Json }>).map((item, index) => {
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
        if (origName in item) {
          members ??= cslMemberRanges(text, bom.length);
          const [start, end] = members[index]?.get(origName) ?? [0, 0];
          diagnostics.push(fieldDiagnostic(lines, 'bib/original-exists', `${key}: item already has "${origName}"; the original of ${name} was not copied`, key, name, start, end));
        }
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
  return { output: bom + body + trailing, changes, diagnostics };
}

/**
 * Where the member names of each item of a CSL-JSON text stand (offsets of the quoted name), so
 * that a finding about a variable can point at it. The text is valid JSON (it was parsed); the scan
 * keeps its own stack of brackets.
 */
function cslMemberRanges(text: string, from: number): Array<Map<string, [number, number]>> {
  const items: Array<Map<string, [number, number]>> = [];
  const stack: string[] = [];
  let itemDepth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (stack.length === itemDepth && stack.at(-1) === '{') {
        let j = i + 1;
        while (/\s/u.test(text[j] ?? '')) j++;
        if (text[j] === ':') items.at(-1)!.set(JSON.parse(text.slice(start, i + 1)) as string, [start, i + 1]);
      }
    } else if (c === '{' || c === '[') {
      if (stack.length === 0) itemDepth = c === '[' ? 2 : 1;
      stack.push(c);
      if (c === '{' && stack.length === itemDepth) items.push(new Map());
    } else if (c === '}' || c === ']') stack.pop();
  }
  return items;
}
