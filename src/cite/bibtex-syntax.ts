/**
 * A BibTeX reader that keeps each value's source text (`raw`), so that `romanizeBibtex` can
 * splice the values it changes and leave every other byte alone. It reads by the grammar of
 * bibtex-parse 2.1 (MIT, © 2017 Peter West; see docs/citations.md), rewritten here rather than
 * shipped: that package brings a 14 MB test folder. It returns the same items as that package's
 * `parse(text, { number: 'string' })`; test/bibtex-syntax.test.ts compares the two on generated
 * input. The grammar in brief: a file is a series of `@preamble`, `@string` and entries; any
 * other text, and `@comment`, is a comment; an entry is `@type{key, name = value, …}` (or with
 * parentheses), its key optional; a value is a quoted, braced, numeric or macro literal, or
 * literals joined by `#`.
 */

/** A literal value: `"…"`, `{…}`, digits, or a macro name. `value` is the text inside the delimiters. */
export interface BibtexLiteral {
  value: string;
  datatype: 'quoted' | 'braced' | 'number' | 'identifier';
  raw: string;
}

/** A value: a literal, literals joined by `#` (`concatinate`, spelt as bibtex-parse spells it), or none (`name` without `=`). */
export type BibtexValue = BibtexLiteral | { value: BibtexLiteral[]; datatype: 'concatinate'; raw: string } | { value: null; datatype: 'null'; raw: '' };

/** `name = value` in an entry or a `@string`. */
export type BibtexField = { name: string } & BibtexValue;

/** One item of a BibTeX file, in file order; adjacent comments are merged. */
export type BibtexItem =
  | { itemtype: 'comment'; comment: string }
  | ({ itemtype: 'string' } & BibtexField)
  | ({ itemtype: 'preamble'; enclosed: 'braces' | 'parentheses' } & (BibtexValue | { value: string; datatype: 'unenclosed'; raw: string }))
  | { itemtype: 'entry'; type: string; enclosed: 'braces' | 'parentheses'; key: string | null; fields: BibtexField[]; raw: string };

/** Where the reader stopped: 1-based line and column (lines end at `\n`), 0-based offset. */
interface Place {
  offset: number;
  line: number;
  column: number;
}

/**
 * A file the grammar does not accept; `location.start` is the `@` where reading stopped. The
 * message says why in the file's terms where it can (an unclosed brace: which, of which entry
 * and field, where it opened); `grammarMessage` is bibtex-parse's wording, which names only the
 * `@` the grammar could not read past (test/bibtex-syntax.test.ts compares it with that package).
 */
export class BibtexSyntaxError extends Error {
  readonly location: { start: Place; end: Place };
  readonly grammarMessage: string;
  constructor(message: string, location: { start: Place; end: Place }, grammarMessage = message) {
    super(message);
    this.name = 'BibtexSyntaxError';
    this.location = location;
    this.grammarMessage = grammarMessage;
  }
}

/** Characters that end an identifier (a key, a field name, a macro, an entry type). */
const NOT_IDENTIFIER = new Set([...'=#,{}()[] \t\n\r']);
const SPACE = new Set([' ', '\t', '\n', '\r']);
/** The two-character escapes that do not count as delimiters inside a value. */
const ESCAPED = new Set(['\\\\', '\\{', '\\}', '\\"']);

type Parsed<T> = (T & { end: number }) | undefined;

/**
 * Where in a value's raw text a quoted part starts that is never closed, or undefined. The
 * grammar reads such a part as a macro name that starts with `"` (`"Толстой`, no macro's name),
 * and what follows its next comma as more fields: `romanizeBibtex` and the reader's own message
 * for a file it cannot read past name the quotation mark instead.
 */
export function unclosedQuote(value: BibtexValue): number | undefined {
  const parts = value.datatype === 'concatinate' ? value.value : value.datatype === 'identifier' ? [value] : [];
  let from = 0;
  for (const part of parts) {
    const start = value.raw.indexOf(part.raw, from);
    if (part.datatype === 'identifier' && part.raw.startsWith('"')) return start;
    from = start + part.raw.length;
  }
  return undefined;
}

/**
 * Reads a BibTeX file into items; throws {@link BibtexSyntaxError} where no item can start
 * (an `@` that begins nothing the grammar knows, such as an entry without its closing brace).
 * Internal to `romanizeBibtex`, not exported from the package.
 */
export function parseBibtex(input: string): BibtexItem[] {
  const n = input.length;
  const space = (p: number): number => {
    while (p < n && SPACE.has(input[p]!)) p++;
    return p;
  };
  // The last run of identifier characters scanned: any p inside it ends where it ends. Without
  // this, every stray `@` in a long run without a delimiter rescanned the run to its end, and a
  // text of many such `@` took quadratic time (the fuzzer's "C@сбщ…" repeated).
  let runFrom = -1;
  let runEnd = -1;
  /** End of the identifier at p (p itself when there is none). */
  const identifier = (p: number): number => {
    if (p >= runFrom && p <= runEnd) return runEnd;
    runFrom = p;
    while (p < n && !NOT_IDENTIFIER.has(input[p]!)) p++;
    runEnd = p;
    return p;
  };
  const keyword = (p: number, word: string): boolean => input.substr(p, word.length).toLowerCase() === word;
  /** Where the `}` that closes each `{` stands (-1: never closed), filled as groups are read. */
  const closeOf = new Map<number, number>();
  /**
   * The `}` that closes the `{` at q, or -1 when it is never closed (nor is anything around it:
   * a group that never closes leaves its enclosing groups open too). Remembered, so that reading
   * stays linear when a quoted value or a broken file has many `{` to try.
   */
  const close = (q: number): number => {
    const known = closeOf.get(q);
    if (known !== undefined) return known;
    const open = [q];
    let p = q + 1;
    while (p < n && open.length > 0) {
      const c = input[p];
      if (c === '\\' && ESCAPED.has(input.substr(p, 2))) p += 2;
      else if (c === '{') {
        const inner = closeOf.get(p);
        if (inner === -1) break;
        if (inner === undefined) open.push(p++);
        else p = inner + 1;
      } else if (c === '}') closeOf.set(open.pop()!, p++);
      else p++;
    }
    for (const o of open) closeOf.set(o, -1);
    return closeOf.get(q)!;
  };
  /** The `"` that ends a quoted value whose inside starts at p, or -1. */
  const quoted = (p: number): number => {
    while (p < n) {
      const c = input[p];
      if (c === '\\' && ESCAPED.has(input.substr(p, 2))) p += 2;
      else if (c === '"') return p;
      else if (c === '{') {
        // A `{` inside quotes: its group is taken whole when it closes, else the `{` alone.
        const end = close(p);
        p = end === -1 ? p + 1 : end + 1;
      } else p++;
    }
    return -1;
  };
  const literal = (p: number): Parsed<BibtexLiteral> => {
    const of = (datatype: BibtexLiteral['datatype'], value: string, end: number): Parsed<BibtexLiteral> => ({ value, datatype, raw: input.slice(p, end), end });
    if (input[p] === '"') {
      const end = quoted(p + 1);
      if (end !== -1) return of('quoted', input.slice(p + 1, end), end + 1);
    }
    if (input[p] === '{') {
      const end = close(p);
      if (end !== -1) return of('braced', input.slice(p + 1, end), end + 1);
    }
    let digits = p;
    while (digits < n && input[digits]! >= '0' && input[digits]! <= '9') digits++;
    if (digits > p) return of('number', input.slice(p, digits), digits);
    const end = identifier(p);
    return end > p ? of('identifier', input.slice(p, end), end) : undefined;
  };
  /** `item (separator item)*`, white space allowed around each separator: the items and their end. */
  const series = <T>(p: number, item: (p: number) => Parsed<T>, separator: string): { items: T[]; end: number } | undefined => {
    const items: T[] = [];
    let next = item(p);
    let end = p;
    while (next !== undefined) {
      const { end: nextEnd, ...rest } = next;
      items.push(rest as T);
      end = nextEnd;
      const at = space(end);
      next = input[at] === separator ? item(space(at + 1)) : undefined;
    }
    return items.length === 0 ? undefined : { items, end };
  };
  const expression = (p: number): Parsed<BibtexValue> => {
    const parts = series(p, literal, '#');
    if (parts === undefined) return undefined;
    const { end, items } = parts;
    return items.length === 1 ? { ...items[0]!, end } : { value: items, datatype: 'concatinate', raw: input.slice(p, end), end };
  };
  const assignment = (p: number): Parsed<BibtexField> => {
    // A field name may hold spaces and `#` between identifier characters (seen in the wild).
    let nameEnd = identifier(p);
    if (nameEnd === p) return undefined;
    for (;;) {
      let q = nameEnd;
      while (input[q] === '#' || input[q] === ' ') q++;
      const more = identifier(q);
      if (q === nameEnd || more === q) break;
      nameEnd = more;
    }
    const name = input.slice(p, nameEnd);
    const equals = space(nameEnd);
    if (input[equals] === '=') {
      const value = expression(space(equals + 1));
      if (value !== undefined) return { name, ...value };
    }
    return { name, value: null, datatype: 'null', raw: '', end: nameEnd };
  };
  const closing = { '{': '}', '(': ')' } as const;
  const enclosedBy = (c: string | undefined): 'braces' | 'parentheses' | undefined => (c === '{' ? 'braces' : c === '(' ? 'parentheses' : undefined);

  const preamble = (p: number): Parsed<BibtexItem> => {
    if (!keyword(p, '@preamble')) return undefined;
    const open = space(p + 9);
    const enclosed = enclosedBy(input[open]);
    if (enclosed === undefined) return undefined;
    const value = expression(space(open + 1));
    if (value !== undefined) {
      const close = space(value.end);
      if (input[close] === closing[input[open] as '{' | '(']) return { itemtype: 'preamble', enclosed, ...value, end: close + 1 };
    }
    // Unquoted text: only in braces (bibtex-parse's `(text)` form can never match, as a braced
    // value ends only at a brace).
    if (enclosed === 'braces') {
      const end = close(open);
      if (end !== -1) {
        const text = input.slice(open + 1, end);
        return { itemtype: 'preamble', enclosed, value: text, datatype: 'unenclosed', raw: text, end: end + 1 };
      }
    }
    return undefined;
  };
  const string = (p: number): Parsed<BibtexItem> => {
    if (!keyword(p, '@string')) return undefined;
    const open = space(p + 7);
    if (enclosedBy(input[open]) === undefined) return undefined;
    const field = assignment(space(open + 1));
    if (field === undefined) return undefined;
    const close = space(field.end);
    return input[close] === closing[input[open] as '{' | '('] ? { itemtype: 'string', ...field, end: close + 1 } : undefined;
  };
  const entry = (p: number): Parsed<BibtexItem> => {
    if (input[p] !== '@' || keyword(p + 1, 'comment') || keyword(p + 1, 'preamble') || keyword(p + 1, 'string')) return undefined;
    const typeEnd = identifier(p + 1);
    if (typeEnd === p + 1) return undefined;
    const open = space(typeEnd);
    const enclosed = enclosedBy(input[open]);
    if (enclosed === undefined) return undefined;
    let q = space(open + 1);
    let key: string | null = null;
    const keyEnd = identifier(q);
    if (keyEnd > q) {
      const comma = space(keyEnd);
      if (input[comma] === ',') {
        key = input.slice(q, keyEnd);
        q = comma + 1;
      }
    }
    q = space(q);
    const list = series(q, assignment, ',');
    const fields = list?.items ?? [];
    if (list !== undefined) q = list.end;
    q = space(q);
    if (input[q] === ',') q++;
    q = space(q);
    if (input[q] !== closing[input[open] as '{' | '(']) return undefined;
    return { itemtype: 'entry', type: input.slice(p + 1, typeEnd).toLowerCase(), enclosed, key, fields, raw: input.slice(p, q + 1), end: q + 1 };
  };
  const comment = (p: number): Parsed<BibtexItem> => {
    const of = (end: number): Parsed<BibtexItem> => ({ itemtype: 'comment', comment: input.slice(p, end), end });
    if (input[p] !== '@') {
      const at = input.indexOf('@', p);
      return of(at === -1 ? n : at);
    }
    if (keyword(p + 1, 'comment')) {
      // `@comment{…}`, or else the rest of the line.
      const open = space(p + 8);
      if (input[open] === '{') {
        const end = close(open);
        if (end !== -1) return of(end + 1);
      }
      // (A CR LF is cut after the CR here, the grammar after the LF: adjacent comments merge anyway.)
      let q = p + 8;
      while (q < n && input[q] !== '\n' && input[q] !== '\r') q++;
      return of(q < n ? q + 1 : n);
    }
    // An `@` that starts nothing: followed by no letter or digit (an address), or by a word that
    // is not followed by a brace.
    let q = p + 1;
    while (q < n && !/[A-Za-z0-9]/.test(input[q]!)) q++;
    if (q > p + 1) return of(q);
    const wordEnd = identifier(p + 1);
    if (wordEnd === p + 1) return undefined;
    const after = space(wordEnd);
    return after < n && input[after] !== '{' && input[after] !== '(' ? of(after + 1) : undefined;
  };

  const items: BibtexItem[] = [];
  let pos = 0;
  while (pos < n) {
    const item = preamble(pos) ?? string(pos) ?? entry(pos) ?? comment(pos);
    if (item === undefined) break;
    const { end, ...rest } = item;
    const last = items[items.length - 1];
    if (rest.itemtype === 'comment' && last?.itemtype === 'comment') last.comment += rest.comment;
    else items.push(rest as BibtexItem);
    pos = end;
  }
  if (pos < n) {
    const place = (offset: number): Place => {
      const before = input.slice(0, offset);
      const lineStart = before.lastIndexOf('\n') + 1;
      return { offset, line: before.split('\n').length, column: offset - lineStart + 1 };
    };
    const grammar = `Expected end of input or preamble, entry, string, or comment but "${input[pos]}" found.`;
    const at = (offset: number): string => ((p) => `line ${p.line}, column ${p.column}`)(place(offset));
    throw new BibtexSyntaxError(diagnose(pos, at) ?? grammar, { start: place(pos), end: place(pos + 1) }, grammar);
  }
  return items;

  /**
   * Why the entry at p (an `@` no item could start at) cannot be read, in the file's terms: the
   * grammar stops at the entry's `@`, and "but "@" found" there sent a person to the wrong place
   * (an unclosed brace two lines up showed as an unexpected "@" at the next entry). Undefined when
   * it is not an entry, or nothing more precise is known.
   */
  function diagnose(p: number, at: (offset: number) => string): string | undefined {
    if (input[p] !== '@') return undefined;
    const typeEnd = identifier(p + 1);
    const open = space(typeEnd);
    const type = input.slice(p + 1, typeEnd);
    if (typeEnd === p + 1 || (input[open] !== '{' && input[open] !== '(')) return undefined;
    const shut = input[open] === '{' ? '}' : ')';
    let q = space(open + 1);
    let key: string | undefined;
    const keyEnd = identifier(q);
    if (keyEnd > q && input[space(keyEnd)] === ',') {
      key = input.slice(q, keyEnd);
      q = space(space(keyEnd) + 1);
    }
    const what = key === undefined ? `the @${type} at ${at(p)}` : `entry "${key}"`;
    let last: { name: string; start: number; end: number; quote: number | undefined } | undefined;
    for (;;) {
      const field = assignment(q);
      if (field === undefined) break;
      if (field.datatype === 'null') {
        // `name = {…` or `name = "…` whose value never ends.
        const equals = space(field.end);
        const start = space(equals + 1);
        if (input[equals] !== '=') break;
        if (input[start] === '{' && close(start) === -1) return `the "{" that opens the field "${field.name}" of ${what} at ${at(start)} is never closed`;
        if (input[start] === '"' && quoted(start + 1) === -1) return `the quotation mark that opens the field "${field.name}" of ${what} at ${at(start)} is never closed`;
        break;
      }
      last = { name: field.name, start: field.end - field.raw.length, end: field.end, quote: unclosedQuote(field) };
      const after = space(field.end);
      if (input[after] !== ',') {
        q = after;
        break;
      }
      q = space(after + 1);
    }
    if (last?.quote !== undefined) return `the quotation mark that opens the field "${last.name}" of ${what} at ${at(last.start + last.quote)} is never closed`;
    // A value over several lines that took a closing delimiter meant for something else is the
    // likely slip: a braced value the entry's "}", a quoted one the opening quotation mark of the
    // next field's value. The mark missing inside it is the one it ends with.
    const missing = last !== undefined && input[last.end - 1] === '"' ? `'"'` : '"}"';
    const span = last !== undefined && input.slice(last.start, last.end).includes('\n') ? ` (the value of its field "${last.name}" runs from ${at(last.start)} to ${at(last.end - 1)}: is a ${missing} missing inside it?)` : '';
    if (shut === '}' && close(open) === -1) return `${what} is not closed: its "{" at ${at(open)} has no matching "}"${span}`;
    if (input[q] === shut) return undefined;
    const found = q >= n ? 'the end of the file' : JSON.stringify(input[q]);
    const after = last !== undefined ? `after the field "${last.name}" of ${what}` : key !== undefined ? `after the key of ${what}` : `in ${what}`;
    return `expected "," or "${shut}" ${after} at ${at(q)}, found ${found}${span}`;
  }
}
