// BibTeX and BibLaTeX files: only the romanized values change; every other byte stays (docs/citations.md).
import { applyFixes } from '../diagnostics/fix.ts';
import { lineIndex, type LineIndex } from '../diagnostics/place.ts';
import type { Diagnostic, Fix } from '../diagnostics/types.ts';
import { explainGiven } from '../engine/romanize.ts';
import { LatinitsaError } from '../errors.ts';
import { parseBibtex, unclosedQuote, type BibtexField } from './bibtex-syntax.ts';
import { cyrillic, fieldDiagnostic, groupOf, groupSchemes, romanizeValue, type BibChange, type GroupScheme, type RomanizeBibOptions, type RomanizedBib } from './bib.ts';
import fields from './data/bib-fields.json' with { type: 'json' };
import latexKeys from './data/latex-key-commands.json' with { type: 'json' };
import { escape } from './terms.ts';

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
    const re = new RegExp(`(?<=[\\s,{(])(${escape(field.name)})\\s*=\\s*`, 'giu');
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

const keyCommands: Readonly<Record<string, number>> = latexKeys.commands;

/** The end of the brace group opening at `open` (`raw[open] === '{'`), or -1 when it is not closed. */
function braceEnd(raw: string, open: number): number {
  let depth = 0;
  for (let i = open; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/** The end of the math that `delimiter` (`$`, `$$`, `\\)`, `\\]`) closes, searched from `from`, or -1. */
function mathEnd(raw: string, from: number, delimiter: string): number {
  for (let i = from; i < raw.length; i++) {
    if (raw.startsWith(delimiter, i)) return i + delimiter.length;
    if (raw[i] === '\\') i++;
  }
  return -1;
}

const COMMAND_NAME = /[A-Za-z]+/uy;

/**
 * The spans of a raw value that are not text and stay as written: the key arguments of a LaTeX
 * command of src/cite/data/latex-key-commands.json (`\cite{Щ}`, `\ref{…}`, `\href`'s URL: keys,
 * labels and URLs name something else exactly; each span is the argument's braces and contents,
 * optional `[…]` arguments between them being text), math (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`:
 * a Cyrillic letter there is a symbol, not a word) and verbatim text (`\verb|…|`, any delimiter),
 * each whole with its delimiters (docs/citations.md). One pass from left to right, so that a `$`
 * inside a URL or a key opens no math, and an escaped `\$` none either; a delimiter that is never
 * closed keeps nothing.
 */
function keptSpans(raw: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let i = 0;
  while (i < raw.length) {
    const c = raw[i];
    if (c === '$') {
      const delimiter = raw[i + 1] === '$' ? '$$' : '$';
      const end = mathEnd(raw, i + delimiter.length, delimiter);
      if (end === -1) i += delimiter.length;
      else {
        spans.push([i, end]);
        i = end;
      }
      continue;
    }
    if (c !== '\\') {
      i++;
      continue;
    }
    COMMAND_NAME.lastIndex = i + 1;
    const name = COMMAND_NAME.exec(raw)?.[0];
    if (name === undefined) {
      // A control symbol: `\(` and `\[` open math; any other (`\$`, `\\`, `\{`) is one character.
      const close = raw[i + 1] === '(' ? '\\)' : raw[i + 1] === '[' ? '\\]' : undefined;
      const end = close === undefined ? -1 : mathEnd(raw, i + 2, close);
      if (end !== -1) spans.push([i, end]);
      i = end === -1 ? i + 2 : end;
      continue;
    }
    let j = i + 1 + name.length;
    if (raw[j] === '*') j++;
    if (name === 'verb') {
      // `\verb` then its delimiter, any character but a letter, a space or a star, to the next one.
      const d = raw[j];
      const end = d === undefined || /[\sA-Za-z*]/u.test(d) ? -1 : raw.indexOf(d, j + 1);
      if (end !== -1) spans.push([i, end + 1]);
      i = end === -1 ? j : end + 1;
      continue;
    }
    let count = Object.hasOwn(keyCommands, name) ? keyCommands[name]! : 0;
    while (count > 0) {
      let k = j;
      while (/\s/u.test(raw[k] ?? '')) k++;
      if (raw[k] === '[') {
        const close = raw.indexOf(']', k);
        if (close === -1) break;
        j = close + 1;
        continue;
      }
      if (raw[k] !== '{') break;
      const end = braceEnd(raw, k);
      if (end === -1) break;
      spans.push([k, end]);
      j = end;
      count--;
    }
    i = j;
  }
  return spans;
}

/**
 * Braces between two Cyrillic letters of one word (`Е{л}ена`, `В{ъ}езд`): they protect the case
 * of what they hold from a BibTeX style, and are not a word boundary, so the word is romanized
 * as if they were not there and they are put back around what their letters became.
 */
const IN_WORD_BRACES = /(?<=\p{Script=Cyrillic}\p{M}*)[{}]+(?=\p{Script=Cyrillic})/gu;

/**
 * Text of a value romanized ({@link romanizeValue}) with the braces inside its words
 * ({@link IN_WORD_BRACES}) taken out first, so that the scheme's context rules see whole words
 * (word-initial Е, ъ before е), and then put back where their letters' romanization starts or
 * ends: before the first letter after them, as the romanization of each letter (`explain`) says.
 * A brace inside what one piece of the romanization reads (a word of the scheme's exceptions)
 * goes before that piece, so that the braces stay in their order and balanced.
 */
function romanizeText(text: string, scheme: GroupScheme, where: { lines: LineIndex; start: number; key: string; field: string }, diagnostics: Diagnostic[]): string {
  const runs = [...text.matchAll(IN_WORD_BRACES)];
  if (runs.length === 0) return romanizeValue(text, scheme, where, diagnostics);
  let plain = '';
  const taken: Array<{ at: number; braces: string }> = [];
  let pos = 0;
  for (const m of runs) {
    plain += text.slice(pos, m.index);
    taken.push({ at: plain.length, braces: m[0] });
    pos = m.index + m[0].length;
  }
  plain += text.slice(pos);
  // An offset of `plain` in `text`: a letter's start comes after the braces taken out before it, its end before those after it.
  const shift = (offset: number, end: boolean): number => offset + taken.filter((t) => (end ? t.at < offset : t.at <= offset)).reduce((n, t) => n + t.braces.length, 0);
  const found: Diagnostic[] = [];
  const romanized = romanizeValue(plain, scheme, { ...where, offsets: (s, e) => [shift(s, false), shift(e, true)] }, found);
  const segments = explainGiven(plain, scheme);
  // The pieces give romanize's text but for an output profile (ICAO's machine-readable zone,
  // which keeps no braces anyway): the value is then romanized as written.
  if (segments.map((seg) => seg.output).join('') !== romanized) return romanizeValue(text, scheme, where, diagnostics);
  diagnostics.push(...found);
  let out = '';
  let t = 0;
  for (const seg of segments) {
    for (; t < taken.length && taken[t]!.at < seg.input[1]; t++) out += taken[t]!.braces;
    out += seg.output;
  }
  for (; t < taken.length; t++) out += taken[t]!.braces;
  return out;
}

/** A raw value romanized: its text ({@link romanizeText}), with what is not text ({@link keptSpans}) as written. */
function romanizeRaw(raw: string, scheme: GroupScheme, where: { lines: LineIndex; start: number; key: string; field: string }, diagnostics: Diagnostic[]): string {
  // Each part with its letters without a value reported where they are in the file (romanizeValue).
  const part = (from: number, to: number): string => romanizeText(raw.slice(from, to), scheme, { ...where, start: where.start + from }, diagnostics);
  const spans = keptSpans(raw);
  if (spans.length === 0) return part(0, raw.length);
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    out += part(at, start) + raw.slice(start, end);
    at = end;
  }
  return out + part(at, raw.length);
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
 * romanizeBibtex(bib, { schemes: { names: 'wikipedia' }, keepOriginal: true }).output.split('\n').slice(1, 5);
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
  const lines = lineIndex(text);
  /** "line 3, column 12" of an offset. */
  const at = (offset: number): string => ((p) => `line ${p.line}, column ${p.column}`)(lines.placeOf(offset, offset).start);
  /**
   * A quoted value that is never closed ({@link unclosedQuote}; the grammar reads on past it),
   * refused as the reader refuses a file it cannot read past: where the item starts and where the
   * quotation mark is.
   */
  const unclosed = (itemStart: number, what: string, quote: number): LatinitsaError =>
    new LatinitsaError('ERR_INVALID_INPUT', `not a valid BibTeX file at ${at(itemStart)}: the quotation mark that opens ${what} at ${at(quote)} is never closed`, { offset: itemStart });
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const macros = new Map<string, string>();
  const edits: Array<{ fix: Fix }> = [];
  const changes: BibChange[] = [];
  const diagnostics: Diagnostic[] = [];
  /** The first Cyrillic macro a value names, outside its quoted and braced parts. */
  const cyrillicMacroIn = (raw: string): string | undefined => {
    if (macros.size === 0) return undefined;
    const names = raw.replace(/"(?:[^"\\]|\\.)*"|\{(?:[^{}]|\{[^{}]*\})*\}/gu, ' ').toLowerCase().match(/[^\s#"{}]+/gu) ?? [];
    return names.find((name) => macros.has(name));
  };
  let cursor = 0;
  for (const item of items) {
    if (item.itemtype === 'comment') {
      const at = text.indexOf(item.comment, cursor);
      if (at !== -1) cursor = at + item.comment.length;
      continue;
    }
    if (item.itemtype === 'string' || item.itemtype === 'preamble') {
      // A macro is Cyrillic by its own text or by a Cyrillic macro it joins (`full = city # ": x"`).
      if (item.itemtype === 'string' && typeof item.raw === 'string' && (cyrillic.test(item.raw) || cyrillicMacroIn(item.raw) !== undefined)) macros.set(item.name.toLowerCase(), item.raw);
      if (item.raw !== undefined) {
        const start = text.indexOf(item.raw, cursor);
        if (start !== -1) cursor = start + item.raw.length;
        if (item.itemtype === 'string' && start !== -1) {
          const quote = unclosedQuote(item);
          if (quote !== undefined) throw unclosed(text.lastIndexOf('@', start), `the @string "${item.name}"`, start + quote);
        }
      }
      continue;
    }
    const entryStart = text.indexOf(item.raw, cursor);
    if (entryStart === -1) throw new LatinitsaError('ERR_INVALID_INPUT', `cannot locate entry "${item.key}" in the source`);
    cursor = entryStart + item.raw.length;
    // An entry may have no key (`@article{,…}`): reported with an empty one.
    const key = item.key ?? '';
    const open = item.fields.findIndex((f) => unclosedQuote(f) !== undefined);
    if (open !== -1) {
      const field = item.fields[open]!;
      const loc = locateFields(text, entryStart, item.raw, item.key, item.fields.slice(0, open + 1))[open]!;
      throw unclosed(entryStart, `the field "${field.name}" of ${item.key ? `entry "${item.key}"` : `the @${item.type} at ${at(entryStart)}`}`, loc.valueStart + unclosedQuote(field)!);
    }
    const present = new Set(item.fields.map((f) => f.name.toLowerCase()));
    for (const loc of locateFields(text, entryStart, item.raw, item.key, item.fields)) {
      const { field } = loc;
      const group = groupOf(fields.bibtex, field.name);
      if (group === undefined) continue;
      // A field that uses a Cyrillic macro, alone or joined with strings (`pub # " и " # "Прогресс"`),
      // is left whole as written: romanizing only its literal parts would mix two scripts.
      const macro = field.datatype === 'identifier' || field.datatype === 'concatinate' ? cyrillicMacroIn(field.raw) : undefined;
      if (macro !== undefined) {
        diagnostics.push(fieldDiagnostic(lines, 'bib/cyrillic-macro', `${key}: ${field.name} uses @string macro "${macro}" whose value is Cyrillic; the field is left as written`, key, field.name, loc.valueStart, loc.valueEnd));
        continue;
      }
      if (!cyrillic.test(field.raw)) continue;
      // The value's text in the file, where its letters without a value are placed; else the whole value.
      const inPlace = text.slice(loc.valueStart, loc.valueEnd) === field.raw;
      const found: Diagnostic[] = [];
      const romanized = romanizeRaw(field.raw, schemes[group], { lines, start: loc.valueStart, key, field: field.name }, found);
      diagnostics.push(...(inPlace ? found : found.map((d) => ({ ...d, place: lines.placeOf(loc.valueStart, loc.valueEnd) }))));
      if (romanized === field.raw) continue;
      let replacement = romanized;
      if (options.keepOriginal === true) {
        const origName = fields.bibtex.originalPrefix + field.name.toLowerCase();
        if (present.has(origName)) {
          diagnostics.push(fieldDiagnostic(lines, 'bib/original-exists', `${key}: entry already has "${origName}"; the original of ${field.name} was not copied`, key, field.name, loc.valueStart, loc.valueEnd));
        } else {
          const indent = /^[ \t]*/.exec(lineOf(text, loc.nameStart))![0];
          const ownLine = lineOf(text, loc.nameStart).trim() === '';
          // On its own line after the field, indented like it; the field's trailing comma (if any) now ends the new field.
          replacement = `${romanized},${ownLine ? `${eol}${indent}` : ' '}${origName} = ${field.raw}`;
          present.add(origName);
        }
      }
      edits.push({ fix: { range: [loc.valueStart, loc.valueEnd], text: replacement } });
      changes.push({ key, field: field.name, from: field.raw, to: romanized });
    }
  }
  const output = applyFixes(text, edits);
  return { output, changes, diagnostics };
}

