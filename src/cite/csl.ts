// CSL-JSON, as Zotero exports it: variables romanized, key order and layout kept (docs/citations.md).
import { parseJsonFile } from '../diagnostics/json.ts';
import { lineIndex } from '../diagnostics/place.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { splitBom } from '../engine/utf8.ts';
import { LatinitsaError } from '../errors.ts';
import { cyrillic, fieldDiagnostic, groupOf, groupSchemes, romanizeValue, type BibChange, type RomanizeBibOptions, type RomanizedBib } from './bib.ts';
import fields from './data/bib-fields.json' with { type: 'json' };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Deepest nesting of arrays and objects read: CSL items are a few levels deep. */
export const MAX_CSL_DEPTH = 256;

/** Where a JSON value is in the text; for objects and arrays near the top, where their parts are. */
interface JsonSpan {
  start: number;
  end: number;
  members?: Array<{ name: string; nameStart: number; nameEnd: number; value: JsonSpan }>;
  elements?: JsonSpan[];
}

/**
 * The layout of a JSON text (already parsed, so valid): where each value is, down to `record`
 * levels (an item's name parts are at most five deep), in one pass with its own stack, refusing
 * nesting deeper than {@link MAX_CSL_DEPTH} so that nothing after it can overflow the call stack.
 */
function jsonLayout(text: string, from: number, record: number): JsonSpan {
  const stack: Array<{ span: JsonSpan | undefined; object: boolean; expectName: boolean; name?: { name: string; nameStart: number; nameEnd: number } }> = [];
  let root: JsonSpan | undefined;
  const attach = (span: JsonSpan): void => {
    const top = stack.at(-1);
    if (top === undefined) root = span;
    else if (top.span?.members !== undefined && top.name !== undefined) top.span.members.push({ ...top.name, value: span });
    else top.span?.elements?.push(span);
  };
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x3a) continue; // space, ':'
    const top = stack.at(-1);
    if (c === 0x2c) {
      if (top?.object === true) top.expectName = true;
      continue;
    }
    if (c === 0x22) {
      let j = i + 1;
      while (text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c ? 2 : 1;
      if (top?.object === true && top.expectName) {
        top.expectName = false;
        if (top.span !== undefined) top.name = { name: JSON.parse(text.slice(i, j + 1)) as string, nameStart: i, nameEnd: j + 1 };
      } else if (stack.length < record) attach({ start: i, end: j + 1 });
      i = j;
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      if (stack.length >= MAX_CSL_DEPTH) {
        const line = text.slice(0, i).split('\n').length;
        throw new LatinitsaError('ERR_INVALID_INPUT', `CSL-JSON nested deeper than ${MAX_CSL_DEPTH} levels (line ${line}): not a bibliography`);
      }
      const span: JsonSpan | undefined = stack.length < record ? (c === 0x7b ? { start: i, end: -1, members: [] } : { start: i, end: -1, elements: [] }) : undefined;
      if (span !== undefined) attach(span);
      stack.push({ span, object: c === 0x7b, expectName: c === 0x7b });
      continue;
    }
    if (c === 0x7d || c === 0x5d) {
      const frame = stack.pop()!;
      if (frame.span !== undefined) frame.span.end = i + 1;
      continue;
    }
    // A number, true, false or null.
    let j = i;
    while (j < text.length && !',}] \t\r\n'.includes(text[j]!)) j++;
    if (stack.length < record) attach({ start: i, end: j });
    i = j - 1;
  }
  return root!;
}

/**
 * `value` as a JSON string literal, each character written as the string literal `raw` of the
 * input wrote it, where `raw` has it (its k-th occurrence as the k-th there): an escape outside
 * the romanized letters (`\u00a0`, `\/`, `\u2014`, `\ud83d\ude00`, as a file written with
 * Python's `ensure_ascii` has them) stays byte for byte, since only the Cyrillic is to change
 * (docs/citations.md). A character the input did not have is written as JSON.stringify writes it.
 */
function encodeLike(raw: string, value: string): string {
  const forms = new Map<string, string[]>();
  for (let i = 1; i < raw.length - 1; ) {
    let j: number;
    let ch: string;
    if (raw[i] === '\\' && raw[i + 1] === 'u') {
      const code = Number.parseInt(raw.slice(i + 2, i + 6), 16);
      j = i + 6;
      ch = String.fromCharCode(code);
      // A surrogate pair written as two escapes is one character of the value.
      if (code >= 0xd800 && code <= 0xdbff && raw.startsWith('\\u', j)) {
        const low = Number.parseInt(raw.slice(j + 2, j + 6), 16);
        if (low >= 0xdc00 && low <= 0xdfff) {
          ch += String.fromCharCode(low);
          j += 6;
        }
      }
    } else if (raw[i] === '\\') {
      j = i + 2;
      ch = JSON.parse(`"${raw.slice(i, j)}"`) as string;
    } else {
      ch = String.fromCodePoint(raw.codePointAt(i)!);
      j = i + ch.length;
    }
    const list = forms.get(ch);
    if (list === undefined) forms.set(ch, [raw.slice(i, j)]);
    else list.push(raw.slice(i, j));
    i = j;
  }
  const used = new Map<string, number>();
  let out = '"';
  for (const ch of value) {
    const k = used.get(ch) ?? 0;
    const form = forms.get(ch)?.[k];
    used.set(ch, k + 1);
    out += form ?? JSON.stringify(ch).slice(1, -1);
  }
  return `${out}"`;
}

/** A JSON value's type as a message names it: `an array`, `an object`, `a number`. */
function jsonType(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** The last member of that name (the one JSON.parse keeps). */
function memberOf(span: JsonSpan | undefined, name: string): { name: string; nameStart: number; nameEnd: number; value: JsonSpan } | undefined {
  return span?.members?.findLast((m) => m.name === name);
}

/**
 * Romanizes the Cyrillic names, titles, container titles, publishers and places of CSL-JSON (the
 * format Zotero exports: an array of items, or one item). Only the romanized strings change:
 * every other byte of the input — other variables, key order, layout, escapes, numbers — is kept.
 * With `keepOriginal`, the Cyrillic `title`, `author`, `publisher` and `publisher-place` are kept
 * in CSL's `original-title`, `original-author`, `original-publisher` and
 * `original-publisher-place` (when the item has none yet), placed right after the romanized
 * variable. Nesting deeper than 256 levels is refused (`ERR_INVALID_INPUT`).
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
  // A syntax error names the line and column (src/diagnostics/json.ts); the caller adds the file's name.
  const data = parseJsonFile(text.slice(bom.length), { what: 'not valid CSL-JSON' }) as Json;
  const single = data !== null && typeof data === 'object' && !Array.isArray(data);
  const items = single ? [data] : data;
  if (!Array.isArray(items) || items.some((i) => i === null || typeof i !== 'object' || Array.isArray(i))) {
    throw new LatinitsaError('ERR_INVALID_INPUT', 'not CSL-JSON: expected an array of items (objects) or one item');
  }
  // Items, their variables, a names array, a name, its parts: five levels from the top.
  const layout = jsonLayout(text, bom.length, 5);
  const itemSpans = single ? [layout] : (layout.elements ?? []);
  const changes: BibChange[] = [];
  const diagnostics: Diagnostic[] = [];
  const original = fields.csl.original as Record<string, string>;
  const lines = lineIndex(text);
  /** Replacements of [start, end) of the text, in no particular order. */
  const edits: Array<{ start: number; end: number; text: string }> = [];
  (items as Array<{ [key: string]: Json }>).forEach((item, index) => {
    const key = typeof item.id === 'string' || typeof item.id === 'number' ? String(item.id) : '';
    const itemSpan = itemSpans[index]!;
    for (const [name, value] of Object.entries(item)) {
      const group = groupOf(fields.csl, name);
      if (group === undefined) continue;
      const member = memberOf(itemSpan, name)!;
      /**
       * A value of another type than CSL-JSON gives it (`"title": ["Война"]`, `"author": "Толстой"`),
       * with Cyrillic in it: left as written and reported, placed on the value.
       */
      const misfit = (v: Json, span: JsonSpan | undefined, what: string, expected: string): void => {
        if (!cyrillic.test(JSON.stringify(v))) return;
        const { start, end } = span ?? member.value;
        diagnostics.push(fieldDiagnostic(lines, 'bib/wrong-type', `${key}: ${what} is ${jsonType(v)}, not ${expected} as in CSL-JSON; it is left as written`, key, name, start, end));
      };
      const isObject = (v: Json): v is { [key: string]: Json } => v !== null && typeof v === 'object' && !Array.isArray(v);
      let next: Json = value;
      if (group === 'names' && !Array.isArray(value)) misfit(value, member.value, name, 'an array of names ({"family": …, "given": …})');
      else if (group === 'names' && Array.isArray(value)) {
        next = value.map((person, k) => {
          const at = member.value.elements?.[k];
          if (!isObject(person)) {
            misfit(person, at, `name ${k + 1} of ${name}`, 'a name ({"family": …, "given": …})');
            return person;
          }
          const out: { [key: string]: Json } = { ...person };
          for (const [part, v] of Object.entries(person)) {
            if (!fields.csl.nameParts.includes(part)) continue;
            const partAt = memberOf(at, part)?.value;
            if (typeof v !== 'string') misfit(v, partAt, `the ${part} of name ${k + 1} of ${name}`, 'a string');
            if (typeof v !== 'string' || !cyrillic.test(v)) continue;
            out[part] = romanizeValue(v, schemes.names, { lines, start: partAt!.start, end: partAt!.end, key, field: name }, diagnostics);
            edits.push({ start: partAt!.start, end: partAt!.end, text: encodeLike(text.slice(partAt!.start, partAt!.end), out[part] as string) });
          }
          return out;
        });
      } else if (typeof value !== 'string') misfit(value, member.value, name, 'a string');
      else if (cyrillic.test(value)) {
        next = romanizeValue(value, schemes[group], { lines, start: member.value.start, end: member.value.end, key, field: name }, diagnostics);
        edits.push({ start: member.value.start, end: member.value.end, text: encodeLike(text.slice(member.value.start, member.value.end), next as string) });
      }
      const from = JSON.stringify(value);
      const to = JSON.stringify(next);
      if (from === to) continue;
      changes.push({ key, field: name, from, to });
      const origName = original[name];
      if (options.keepOriginal !== true || origName === undefined) continue;
      if (Object.hasOwn(item, origName)) {
        const at = memberOf(itemSpan, origName)!;
        diagnostics.push(fieldDiagnostic(lines, 'bib/original-exists', `${key}: item already has "${origName}"; the original of ${name} was not copied`, key, name, at.nameStart, at.nameEnd));
        continue;
      }
      // Right after the variable, laid out as the item's members are: the same separator and colon.
      const members = itemSpan.members!;
      const separator = members.length > 1 ? text.slice(members[0]!.value.end, members[1]!.nameStart) : `,${text.slice(itemSpan.start + 1, members[0]!.nameStart)}`;
      const colon = text.slice(member.nameEnd, member.value.start);
      edits.push({ start: member.value.end, end: member.value.end, text: `${separator}${JSON.stringify(origName)}${colon}${text.slice(member.value.start, member.value.end)}` });
    }
  });
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  let output = '';
  let at = 0;
  for (const edit of edits) {
    output += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  output += text.slice(at);
  return { output, changes, diagnostics };
}
