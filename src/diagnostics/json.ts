/**
 * The one reader of a user's JSON file (a scheme file, an exception lexicon, check's settings
 * file, a CSL-JSON bibliography): `JSON.parse`, and when it fails, the line and column of the
 * first error and what is wrong there, in words. JavaScript engines word their messages each
 * their own way, and some give no place at all (`Unexpected token '}', "{"a": tru}" is not valid
 * JSON`, or only a character offset, `at position 99`): a person fixing a file needs the line.
 * So the place is found here by a small scanner that follows the JSON grammar (RFC 8259), run
 * only when parsing failed. Browser-safe.
 */
import { LatinitsaError, type ErrorCode } from '../errors.ts';
import { editorLineIndex } from './place.ts';

/**
 * Where a text stops being JSON: the offset of the first character a JSON parser refuses, its line
 * and column as an editor counts them ({@link editorLineIndex}), and why. The place comes from the
 * index the scanner builds for its own messages, so a failed parse counts the lines once.
 */
export interface JsonSyntaxError {
  offset: number;
  line: number;
  column: number;
  reason: string;
}

/** An object or array not yet closed, and what its scanner expects next. */
interface Open {
  kind: '{' | '[';
  at: number;
  /** The last property name read, for messages. */
  key?: string;
}

const SPACE = new Set([' ', '\t', '\n', '\r']);

/**
 * Characters a message cannot show as they are: controls, format characters (a byte-order mark,
 * a zero-width space, bidirectional marks), line and paragraph separators, spaces other than the
 * space, private-use, unassigned and lone surrogate code units, and the default-ignorable rest:
 * quoted raw, a second byte-order mark would read `found ""` and U+2028 would break the
 * message's line (docs/scheme-format.md, Errors).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]|(?! )\p{Zs}/gu;

/** The text with each invisible character written as `\uXXXX` (UTF-16 units, as JSON escapes them). */
function visible(s: string): string {
  return s.replace(INVISIBLE, (ch) => [...Array(ch.length).keys()].map((k) => `\\u${ch.charCodeAt(k).toString(16).padStart(4, '0')}`).join(''));
}

/** A text quoted for a message: in double quotes, JSON-escaped, invisible characters as `\uXXXX`. */
function quote(s: string): string {
  return visible(JSON.stringify(s));
}

const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/**
 * The first syntax error of a text that is not JSON, as a JSON parser meets it; undefined when
 * the text is JSON. The scan is iterative, so that a file of a million `[` cannot exhaust the stack.
 * `{"a": 1,}` gives offset 8 (line 1, column 9) and `expected a property name in double quotes
 * after ",", found "}" (JSON allows no comma after the last member)` (test/json-file.test.ts).
 */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const n = text.length;
  const lines = editorLineIndex(text);
  const where = (offset: number): string => {
    const p = lines.pointAt(offset);
    return `line ${p.line}, column ${p.column}`;
  };
  /** What stands at i, as a message names it: a word whole, a character quoted, or the end. */
  const found = (i: number): string => {
    if (i >= n) return 'the end of the file';
    const word = /^[\p{L}\p{N}_$+.-]{2,}/u.exec(text.slice(i, i + 24))?.[0];
    return quote(word ?? String.fromCodePoint(text.codePointAt(i)!));
  };
  const stack: Open[] = [];
  const error = (offset: number, reason: string): JsonSyntaxError => {
    const { line, column } = lines.pointAt(offset);
    return { offset, line, column, reason };
  };
  /** The end of the text where more was expected: inside the innermost open object or array. */
  const ended = (expected: string): JsonSyntaxError => {
    const open = stack[stack.length - 1];
    if (open === undefined) return error(n, n === 0 || /^\s*$/.test(text) ? 'the file holds no JSON value (it is empty)' : `expected ${expected}, found the end of the file`);
    return error(n, `the file ends before the "${open.kind}" at ${where(open.at)} is closed (expected ${expected})`);
  };
  /** A string starting at i (its `"`): its end, or the error in it. */
  const string = (i: number): number | JsonSyntaxError => {
    for (let p = i + 1; p < n; p++) {
      const c = text[p]!;
      if (c === '"') return p + 1;
      if (c === '\\') {
        const e = text[p + 1];
        if (e === 'u') {
          if (!/^[0-9A-Fa-f]{4}$/.test(text.slice(p + 2, p + 6))) return error(p, `"\\u" takes four hexadecimal digits, found ${quote(text.slice(p, p + 6))}`);
          p += 5;
        } else if (e !== undefined && ESCAPES.has(e)) p++;
        else if (e === undefined) break;
        else return error(p, `invalid escape "\\${visible(e)}" in a string (JSON has \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)`);
      } else if (c < ' ') {
        return c === '\n' || c === '\r'
          ? error(p, `a line break inside the string that starts at ${where(i)}: a string ends on its line (is its closing " missing?)`)
          : error(p, `the control character U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} inside a string (write it escaped)`);
      }
    }
    return error(n, `the file ends inside the string that starts at ${where(i)} (is its closing " missing?)`);
  };
  /** A number starting at i: its end, or the error in it. */
  const number = (i: number): number | JsonSyntaxError => {
    let p = i;
    if (text[p] === '-') p++;
    const digits = (from: number): number => {
      let q = from;
      while (q < n && text[q]! >= '0' && text[q]! <= '9') q++;
      return q;
    };
    if (text[p] === '0') {
      p++;
      if (text[p] !== undefined && text[p]! >= '0' && text[p]! <= '9') return error(p, 'a number does not start with 0 (write 7, not 07; or the digits as a string)');
    } else {
      const end = digits(p);
      if (end === p) return error(p, `expected a digit after "-", found ${found(p)}`);
      p = end;
    }
    if (text[p] === '.') {
      const end = digits(p + 1);
      if (end === p + 1) return error(p + 1, `expected a digit after the decimal point, found ${found(p + 1)}`);
      p = end;
    }
    if (text[p] === 'e' || text[p] === 'E') {
      let q = p + 1;
      if (text[q] === '+' || text[q] === '-') q++;
      const end = digits(q);
      if (end === q) return error(q, `expected a digit in the exponent, found ${found(q)}`);
      p = end;
    }
    return p;
  };

  type State = 'value' | 'firstElement' | 'element' | 'firstKey' | 'key' | 'colon' | 'after';
  let state: State = 'value';
  let i = 0;
  for (;;) {
    while (i < n && SPACE.has(text[i]!)) i++;
    const c = text[i];
    const top = stack[stack.length - 1];
    if (state === 'after') {
      if (top === undefined) return i < n ? error(i, `unexpected ${found(i)} after the end of the JSON value`) : undefined;
      const close = top.kind === '{' ? '}' : ']';
      if (c === undefined) return ended(`"," or "${close}"`);
      if (c === ',') state = top.kind === '{' ? 'key' : 'element';
      else if (c === close) stack.pop();
      else {
        const after = top.kind === '{' ? `the value of ${quote(top.key ?? '')}` : 'an element of the array';
        return error(i, `expected "," or "${close}" after ${after}, found ${found(i)}`);
      }
      i++;
      continue;
    }
    if (state === 'colon') {
      if (c === ':') {
        state = 'value';
        i++;
        continue;
      }
      return c === undefined ? ended('":"') : error(i, `expected ":" after the property name ${quote(top?.key ?? '')}, found ${found(i)}`);
    }
    if (state === 'firstKey' || state === 'key') {
      if (c === '}' && state === 'firstKey') {
        stack.pop();
        state = 'after';
        i++;
        continue;
      }
      if (c === '"') {
        const end = string(i);
        if (typeof end !== 'number') return end;
        top!.key = JSON.parse(text.slice(i, end)) as string;
        state = 'colon';
        i = end;
        continue;
      }
      if (c === undefined) return ended('a property name in double quotes');
      const comma = state === 'key' ? ' after ","' : '';
      const note = c === '}' ? ' (JSON allows no comma after the last member)' : c === "'" ? ' (JSON quotes names with ", not \')' : '';
      return error(i, `expected a property name in double quotes${comma}, found ${found(i)}${note}`);
    }
    // A value (first in an array: or its end).
    if (c === ']' && state === 'firstElement') {
      stack.pop();
      state = 'after';
      i++;
      continue;
    }
    if (c === undefined) return ended('a value');
    if (c === '{' || c === '[') {
      stack.push({ kind: c, at: i });
      state = c === '{' ? 'firstKey' : 'firstElement';
      i++;
      continue;
    }
    let end: number | JsonSyntaxError | undefined;
    if (c === '"') end = string(i);
    else if (c === '-' || (c >= '0' && c <= '9')) end = number(i);
    else for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) end = i + word.length;
    if (end === undefined) {
      const note = c === ']' && state === 'element' ? ' (JSON allows no comma after the last element)' : c === "'" ? ' (JSON quotes strings with ", not \')' : '';
      return error(i, `expected a value (a string, a number, an object, an array, true, false or null), found ${found(i)}${note}`);
    }
    if (typeof end !== 'number') return end;
    state = 'after';
    i = end;
  }
}

/** Options of {@link parseJsonFile}. */
export interface ParseJsonFileOptions {
  /** The file's name, which starts the message. */
  file?: string;
  /** What the message calls a text that is not JSON. Default `invalid JSON`. */
  what?: string;
  /** The error's code. Default `ERR_INVALID_INPUT`. */
  code?: ErrorCode;
}

/**
 * Parses the text of a user's JSON file. A syntax error is a {@link LatinitsaError} that names the
 * file, the line and column (counted as an editor counts them, {@link editorLineIndex}: a lone
 * CR is a line break too) and what is wrong there:
 * `trail.json: invalid JSON at line 3, column 1: expected a property name in double quotes after
 * ",", found "}" (JSON allows no comma after the last member)`. Internal: every reader of such a
 * file calls it (src/io/scheme-bytes.ts, src/io/files.ts, src/cli/commands/check.ts,
 * src/cite/csl.ts).
 */
export function parseJsonFile(text: string, options: ParseJsonFileOptions = {}): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    const found = jsonSyntaxError(text);
    const prefix = `${options.file === undefined ? '' : `${options.file}: `}${options.what ?? 'invalid JSON'}`;
    // The scanner and the parser agree on what JSON is; should they not, the parser's own words.
    const where = found === undefined ? `: ${cause instanceof Error ? cause.message : String(cause)}` : ` at line ${found.line}, column ${found.column}: ${found.reason}`;
    throw new LatinitsaError(options.code ?? 'ERR_INVALID_INPUT', `${prefix}${where}`, { ...(options.file === undefined ? {} : { file: options.file }), cause });
  }
}
