// A small XML scanner over UTF-8 bytes, for the parts of a Word package (docs/documents.md): one
// pass, no recursion, positions in bytes so that a part can be rewritten by splicing. It reads
// what OOXML uses — elements, attributes, text, CDATA, comments, processing instructions — and
// refuses a document type declaration: without one no entity can be declared, so no entity can
// expand (billion laughs) or reach outside the file (XXE).
import { LatinitsaError } from '../errors.ts';

/** What {@link XmlScanner.next} found. */
export type XmlToken = 'open' | 'close' | 'text' | 'cdata' | 'other' | 'end';

/** Deepest element nesting accepted; Word writes a few dozen levels. */
export const MAX_XML_DEPTH = 4096;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;
const AMP = 0x26;

// ignoreBOM: a text node that starts with U+FEFF (a zero-width no-break space in a Word run) keeps it.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const latin1 = new TextDecoder('latin1');
const CDATA = [...'[CDATA['].map((ch) => ch.charCodeAt(0));
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

/**
 * Scans XML token by token. After {@link next}, `start`/`end` are the token's byte range; for a
 * tag, `name` is its qualified name and `local`/`ns` its local name and namespace URI (resolved
 * through the `xmlns` declarations in scope), `selfClosing` whether it is `<x/>`; for text,
 * `start`/`end` are the raw bytes (decode with {@link decodeText}), for CDATA its content.
 */
export class XmlScanner {
  readonly bytes: Uint8Array;
  readonly part: string;
  kind: XmlToken = 'other';
  start = 0;
  end = 0;
  name = '';
  local = '';
  ns = '';
  selfClosing = false;
  /** The open elements: qualified names and, per element, the prefixes it declared. */
  private readonly open: string[] = [];
  private readonly scopes: Array<Map<string, string> | undefined> = [];
  private pos = 0;
  private popAfter = false;
  /** Where the current open tag's name ends (its attributes follow). */
  private nameEnd = 0;

  constructor(bytes: Uint8Array, part = 'xml') {
    this.bytes = bytes;
    this.part = part;
  }

  /** How many elements are open (the current one included, for an open tag). */
  get depth(): number {
    return this.open.length;
  }

  private error(what: string, at = this.pos): LatinitsaError {
    return new LatinitsaError('ERR_UNSUPPORTED_FORMAT', `${this.part}: ${what} at byte ${at}`);
  }

  private startsWith(seq: readonly number[], at: number): boolean {
    for (let k = 0; k < seq.length; k++) if (this.bytes[at + k] !== seq[k]) return false;
    return true;
  }

  private indexOf(seq: readonly number[], from: number): number {
    const b = this.bytes;
    outer: for (let i = from; i <= b.length - seq.length; i++) {
      for (let k = 0; k < seq.length; k++) if (b[i + k] !== seq[k]) continue outer;
      return i;
    }
    return -1;
  }

  /** Moves to the next token and returns its kind. */
  next(): XmlToken {
    if (this.popAfter) {
      this.popAfter = false;
      this.open.pop();
      this.scopes.pop();
    }
    const b = this.bytes;
    const at = this.pos;
    this.start = at;
    if (at >= b.length) {
      if (this.open.length > 0) throw this.error(`<${this.open.at(-1)}> is not closed`);
      return (this.kind = 'end');
    }
    if (b[at] !== LT) {
      const lt = b.indexOf(LT, at);
      this.pos = this.end = lt < 0 ? b.length : lt;
      return (this.kind = 'text');
    }
    const c = b[at + 1];
    if (c === QUESTION) return this.skipTo([QUESTION, GT], at + 2);
    if (c === BANG) {
      if (b[at + 2] === 0x2d && b[at + 3] === 0x2d) return this.skipTo([0x2d, 0x2d, GT], at + 4);
      if (this.startsWith(CDATA, at + 2)) {
        const close = this.indexOf([0x5d, 0x5d, GT], at + 9);
        if (close < 0) throw this.error('unterminated CDATA section', at);
        this.start = at + 9;
        this.end = close;
        this.pos = close + 3;
        return (this.kind = 'cdata');
      }
      throw this.error('a document type declaration (refused: a Word part never has one)', at);
    }
    return c === SLASH ? this.closeTag(at) : this.openTag(at);
  }

  private skipTo(seq: number[], from: number): XmlToken {
    const close = this.indexOf(seq, from);
    if (close < 0) throw this.error('unterminated comment or processing instruction', this.start);
    this.pos = this.end = close + seq.length;
    return (this.kind = 'other');
  }

  private readName(from: number): number {
    const b = this.bytes;
    let i = from;
    while (i < b.length && !isSpace(b[i]!) && b[i] !== GT && b[i] !== SLASH && b[i] !== 0x3d) i++;
    if (i === from) throw this.error('an element without a name', from);
    this.name = decodeName(b, from, i);
    return i;
  }

  private resolve(): void {
    const colon = this.name.indexOf(':');
    const prefix = colon < 0 ? '' : this.name.slice(0, colon);
    this.local = colon < 0 ? this.name : this.name.slice(colon + 1);
    this.ns = '';
    for (let k = this.scopes.length - 1; k >= 0; k--) {
      const uri = this.scopes[k]?.get(prefix);
      if (uri !== undefined) {
        this.ns = uri;
        return;
      }
    }
    if (prefix === 'xml') this.ns = 'http://www.w3.org/XML/1998/namespace';
  }

  private closeTag(at: number): XmlToken {
    const b = this.bytes;
    const end = this.readName(at + 2);
    const gt = b.indexOf(GT, end);
    if (gt < 0) throw this.error('unterminated tag', at);
    const expected = this.open.at(-1);
    if (expected !== this.name) throw this.error(expected === undefined ? `</${this.name}> closes nothing` : `</${this.name}> where </${expected}> was expected`, at);
    this.resolve();
    this.pos = this.end = gt + 1;
    this.selfClosing = false;
    this.popAfter = true;
    return (this.kind = 'close');
  }

  private openTag(at: number): XmlToken {
    const b = this.bytes;
    let i = this.readName(at + 1);
    const name = this.name;
    const nameEnd = i;
    let scope: Map<string, string> | undefined;
    // Attributes: name="value" or name='value'; only the namespace declarations are kept here.
    for (;;) {
      while (i < b.length && isSpace(b[i]!)) i++;
      if (i >= b.length) throw this.error('unterminated tag', at);
      if (b[i] === GT || (b[i] === SLASH && b[i + 1] === GT)) break;
      const attrEnd = this.readName(i);
      const attr = this.name;
      let j = attrEnd;
      while (j < b.length && isSpace(b[j]!)) j++;
      if (b[j] !== 0x3d) throw this.error(`attribute ${attr} without a value`, i);
      j++;
      while (j < b.length && isSpace(b[j]!)) j++;
      const quote = b[j];
      if (quote !== 0x22 && quote !== 0x27) throw this.error(`attribute ${attr} without quotes`, i);
      const close = b.indexOf(quote, j + 1);
      if (close < 0) throw this.error('unterminated attribute value', j);
      if (attr === 'xmlns' || attr.startsWith('xmlns:')) {
        scope ??= new Map();
        scope.set(attr === 'xmlns' ? '' : attr.slice(6), decodeText(b, j + 1, close, this.part));
      }
      i = close + 1;
    }
    this.name = name;
    this.nameEnd = nameEnd;
    this.selfClosing = b[i] === SLASH;
    this.pos = this.end = i + (this.selfClosing ? 2 : 1);
    if (this.open.length >= MAX_XML_DEPTH) throw this.error(`elements nested deeper than ${MAX_XML_DEPTH} levels`, at);
    this.open.push(name);
    this.scopes.push(scope);
    this.resolve();
    // A self-closing element is closed as soon as the scanner moves on.
    this.popAfter = this.selfClosing;
    return (this.kind = 'open');
  }

  /** The value of an attribute of the current open tag (by qualified name), decoded; undefined when absent. */
  attribute(qualified: string): string | undefined {
    if (this.kind !== 'open') return undefined;
    const b = this.bytes;
    let i = this.nameEnd;
    while (i < this.end) {
      while (i < this.end && isSpace(b[i]!)) i++;
      if (b[i] === GT || b[i] === SLASH) return undefined;
      let nameEnd = i;
      while (nameEnd < this.end && !isSpace(b[nameEnd]!) && b[nameEnd] !== 0x3d) nameEnd++;
      const attr = decodeName(b, i, nameEnd);
      let j = b.indexOf(0x3d, nameEnd) + 1;
      while (isSpace(b[j]!)) j++;
      const close = b.indexOf(b[j]!, j + 1);
      if (attr === qualified) return decodeText(b, j + 1, close, this.part);
      i = close + 1;
    }
    return undefined;
  }

  /** The decoded text of the current text or CDATA token. */
  text(): string {
    return this.kind === 'cdata' ? utf8.decode(this.bytes.subarray(this.start, this.end)) : decodeText(this.bytes, this.start, this.end, this.part);
  }
}

function decodeName(b: Uint8Array, start: number, end: number): string {
  for (let i = start; i < end; i++) if (b[i]! >= 0x80) return utf8.decode(b.subarray(start, end));
  return latin1.decode(b.subarray(start, end));
}

/**
 * Character data as text: strict UTF-8, the five predefined entities and character references
 * (`&#1050;`, `&#x41A;`); any other entity is an error, since no document type can declare one.
 */
export function decodeText(bytes: Uint8Array, start: number, end: number, part = 'xml'): string {
  let s: string;
  try {
    s = utf8.decode(bytes.subarray(start, end));
  } catch (cause) {
    throw new LatinitsaError('ERR_UNSUPPORTED_FORMAT', `${part}: invalid UTF-8 near byte ${start}`, { cause });
  }
  if (bytes.subarray(start, end).indexOf(AMP) < 0) return s;
  return s.replace(/&([^;&<\s]*);?/gu, (whole, name: string) => {
    const code = /^#x([0-9a-f]{1,6})$/iu.test(name) ? parseInt(name.slice(2), 16) : /^#([0-9]{1,7})$/u.test(name) ? parseInt(name.slice(1), 10) : undefined;
    if (code !== undefined && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) && whole.endsWith(';')) return String.fromCodePoint(code);
    if (whole.endsWith(';') && Object.hasOwn(ENTITIES, name)) return ENTITIES[name]!;
    throw new LatinitsaError('ERR_UNSUPPORTED_FORMAT', `${part}: unknown entity ${JSON.stringify(whole)} near byte ${start}`);
  });
}

/**
 * Text as XML character data: `&`, `<` and `>` escaped.
 */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/gu, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}
