// MARCXML (the MARC 21 XML schema, http://www.loc.gov/MARC21/slim): a streaming reader for its
// small vocabulary and a writer. Browser-safe. Elements are matched by local name, so any
// namespace prefix and wrappers around the records (a <collection>, OAI-PMH responses) are fine.
import { LatinitsaError } from '../errors.ts';
import { recordError } from './iso2709.ts';
import type { MarcDataField, MarcRecord } from './types.ts';
import { isDataField } from './types.ts';

/** Stands in the text for bytes that were not UTF-8 (see {@link INVALID_TEXT}); XML never allows U+FFFF. */
export const INVALID_TEXT = '\uffff';

/** A record read from a stream, or why the record could not be read. */
export type MarcReadItem =
  | { record: MarcRecord; index: number; offset: number; error?: undefined; raw?: undefined; /** The record was MARC-8 (ISO 2709 leader/09 blank) and has been converted to Unicode. */ marc8?: true }
  | { error: LatinitsaError; index: number; offset: number; raw?: Uint8Array; record?: undefined };

/** The leader given to a MARCXML record that has none: lengths to be computed, type and level blank. */
const DEFAULT_LEADER = '00000n   a2200000   4500';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescape(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);?/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    const value = ENTITIES[name];
    if (value === undefined || !whole.endsWith(';')) throw new Error(`unknown or unterminated entity "${whole}"`);
    return value;
  });
}

function attributes(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of source.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    const name = m[1]!.replace(/^.*:/, '');
    out[name] = unescape(m[3] ?? m[4] ?? '');
  }
  return out;
}

/** The longest text kept while waiting for the end of a markup token: far beyond any real record. */
const MAX_PENDING = 16 * 1024 * 1024;

/**
 * A push parser of MARCXML text: give it the text in pieces of any size; it gives out each record
 * when its `</record>` arrives, holding only the record being read. A malformed record
 * (structure, entities, text that was not UTF-8) is given out as an error naming its number, and
 * reading goes on with the next `<record>`.
 *
 * @example
 * import { MarcXmlParser } from 'latinitsa/marc';
 * const p = new MarcXmlParser();
 * const xml = '<collection><record><leader>00000nam a2200000 a 4500</leader><datafield tag="245" ind1="1" ind2="0"><subfield code="a">Anna &amp; Ko</subfield></datafield></record></collection>';
 * [...p.push(xml.slice(0, 50)), ...p.push(xml.slice(50)), ...p.end()].map((r) => r.record?.fields);
 * //=> [[{ tag: '245', ind1: '1', ind2: '0', subfields: [{ code: 'a', value: 'Anna & Ko' }] }]]
 */
export class MarcXmlParser {
  #buf = '';
  #consumed = 0;
  #index = 0;
  #record: MarcRecord | undefined;
  #recordStart = 0;
  #bad: string | undefined;
  #field: MarcDataField | undefined;
  /** Element whose text is being gathered: leader, controlfield or subfield. */
  #text: { kind: 'leader' | 'controlfield' | 'subfield'; attrs: Record<string, string>; value: string } | undefined;
  /** Byte offsets of text that was not UTF-8, in the order of INVALID_TEXT marks. */
  readonly invalidAt: number[] = [];
  /** Elements open, and whether any was: with what first showed the input is not XML, for {@link end}. */
  #depth = 0;
  #elements = 0;
  #notXml: string | undefined;

  *push(text: string): Generator<MarcReadItem> {
    this.#buf += text;
    let at = 0;
    const buf = this.#buf;
    while (at < buf.length) {
      const lt = buf.indexOf('<', at);
      if (lt === -1) {
        // Keep an entity cut by the end of the piece for the next one.
        const amp = buf.lastIndexOf('&');
        const cut = amp >= at && buf.indexOf(';', amp) === -1 ? amp : buf.length;
        this.#chars(buf.slice(at, cut));
        at = cut;
        break;
      }
      if (lt > at) this.#chars(buf.slice(at, lt));
      let end: number;
      if (buf.startsWith('<!--', lt)) end = buf.indexOf('-->', lt + 4) + 2;
      else if (buf.startsWith('<![CDATA[', lt)) end = buf.indexOf(']]>', lt + 9) + 2;
      else if (buf.startsWith('<?', lt)) end = buf.indexOf('?>', lt + 2) + 1;
      else end = buf.indexOf('>', lt + 1);
      if (end < lt) {
        at = lt;
        break; // the token is not complete yet
      }
      const token = buf.slice(lt, end + 1);
      at = end + 1;
      if (token.includes(INVALID_TEXT)) {
        this.#chars(INVALID_TEXT.repeat(token.split(INVALID_TEXT).length - 1));
        continue;
      }
      if (token.startsWith('<![CDATA[')) this.#chars(token.slice(9, -3), true);
      else if (!token.startsWith('<!') && !token.startsWith('<?')) {
        const item = this.#tag(token, this.#consumed + lt);
        if (item !== undefined) yield item;
      }
    }
    this.#buf = buf.slice(at);
    this.#consumed += at;
    if (this.#buf.length > MAX_PENDING) {
      this.#buf = '';
      throw new LatinitsaError('ERR_TOO_LARGE', `MARCXML: more than ${MAX_PENDING} characters without the end of a tag`);
    }
  }

  /**
   * The end of the input: a record left open is an error. An input without any record that is
   * not XML (`<garbage`, an unterminated tag, text outside any element, no element at all) is no
   * MARCXML, not an empty collection: `ERR_UNSUPPORTED_FORMAT`, as for an input that is no MARC at
   * all (otherwise such an input would read as 0 records, exit 0 and HTTP 200, and pass for an
   * empty collection).
   */
  *end(): Generator<MarcReadItem> {
    if (this.#index === 0) {
      const why =
        this.#notXml ??
        (this.#buf.trimStart().startsWith('<') ? `a tag without its ">" at character ${this.#consumed + this.#buf.indexOf('<')}` : undefined) ??
        (this.#elements === 0 ? 'no element' : this.#depth > 0 ? 'the input ends before its elements are closed' : undefined);
      if (why !== undefined) throw new LatinitsaError('ERR_UNSUPPORTED_FORMAT', `the input is not MARCXML: it starts with "<" but is not XML (${why})`);
    }
    if (this.#record !== undefined || this.#bad !== undefined) {
      yield { error: recordError({ index: this.#index, offset: this.#recordStart }, 'the MARCXML record is truncated: the input ends before </record>'), index: this.#index, offset: this.#recordStart };
      this.#record = undefined;
      this.#bad = undefined;
    }
  }

  #fail(message: string): void {
    if (this.#bad === undefined) this.#bad = message;
    this.#record = undefined;
    this.#field = undefined;
    this.#text = undefined;
  }

  #chars(raw: string, cdata = false): void {
    if (raw.includes(INVALID_TEXT)) {
      const marks = raw.split(INVALID_TEXT).length - 1;
      const byte = this.invalidAt[0];
      this.invalidAt.splice(0, marks);
      if (this.#record !== undefined || this.#text !== undefined) this.#fail(`invalid UTF-8${byte === undefined ? '' : ` at byte ${byte}`}`);
      return;
    }
    if (this.#depth === 0 && raw.trim() !== '') this.#notXml ??= 'text outside any element';
    if (this.#text === undefined) return;
    try {
      this.#text.value += cdata ? raw : unescape(raw);
    } catch (error) {
      this.#fail((error as Error).message);
    }
  }

  #tag(token: string, offset: number): MarcReadItem | undefined {
    const closing = token[1] === '/';
    const selfClosing = token.endsWith('/>');
    const m = /^<\/?([\w.-]+:)?([\w.-]+)/.exec(token);
    if (m === null) {
      if (this.#record !== undefined) this.#fail(`malformed markup ${JSON.stringify(token.slice(0, 40))}`);
      else this.#notXml ??= `malformed markup ${JSON.stringify(token.slice(0, 40))} at character ${offset}`;
      return undefined;
    }
    if (!closing) this.#elements++;
    if (closing) this.#depth = Math.max(0, this.#depth - 1);
    else if (!selfClosing) this.#depth++;
    const name = m[2]!;
    if (name === 'record') {
      if (!closing) {
        const open = this.#record;
        // An empty open record was a wrapper (OAI-PMH <record><metadata><marc:record>): the MARC record is the inner one.
        if (open !== undefined && open.leader === '' && open.fields.length === 0 && this.#bad === undefined) {
          this.#recordStart = offset;
          return undefined;
        }
        const item = open !== undefined || this.#bad !== undefined ? this.#finish('a new <record> starts before </record>') : undefined;
        this.#index++;
        this.#recordStart = offset;
        this.#record = { leader: '', fields: [] };
        this.#bad = undefined;
        if (selfClosing) return item ?? this.#finish();
        return item;
      }
      return this.#finish();
    }
    if (this.#record === undefined) return undefined;
    if (closing) {
      const t = this.#text;
      if (t !== undefined && t.kind === name) {
        this.#text = undefined;
        if (name === 'leader') this.#record.leader = t.value;
        else if (name === 'controlfield') this.#record.fields.push({ tag: t.attrs.tag ?? '', value: t.value });
        else if (this.#field !== undefined) this.#field.subfields.push({ code: t.attrs.code ?? '', value: t.value });
      } else if (name === 'datafield') {
        this.#field = undefined;
      }
      return undefined;
    }
    const attrs = attributes(token);
    if (name === 'leader' || name === 'controlfield' || name === 'subfield') {
      if (this.#text !== undefined) return this.#fail(`<${name}> inside <${this.#text.kind}>`), undefined;
      if (name === 'controlfield' && !/^\w{3}$/.test(attrs.tag ?? '')) return this.#fail(`a controlfield without a three-character tag`), undefined;
      if (name === 'subfield') {
        if (this.#field === undefined) return this.#fail('a subfield outside a datafield'), undefined;
        if ((attrs.code ?? '').length !== 1) return this.#fail(`field ${this.#field.tag}: a subfield code must be one character, found ${JSON.stringify(attrs.code ?? '')}`), undefined;
      }
      this.#text = { kind: name, attrs, value: '' };
      if (selfClosing) this.#tag(`</${name}>`, offset);
    } else if (name === 'datafield') {
      if (!/^\w{3}$/.test(attrs.tag ?? '')) return this.#fail('a datafield without a three-character tag'), undefined;
      this.#field = { tag: attrs.tag!, ind1: (attrs.ind1 ?? ' ').slice(0, 1) || ' ', ind2: (attrs.ind2 ?? ' ').slice(0, 1) || ' ', subfields: [] };
      this.#record.fields.push(this.#field);
    }
    return undefined;
  }

  #finish(problem?: string): MarcReadItem | undefined {
    const record = this.#record;
    const bad = problem ?? this.#bad;
    this.#record = undefined;
    this.#field = undefined;
    this.#text = undefined;
    this.#bad = undefined;
    const place = { index: this.#index, offset: this.#recordStart };
    if (bad !== undefined) return { error: recordError(place, bad), ...place };
    if (record === undefined) return undefined;
    // Hand-made MARCXML often has no leader: give it a neutral one (type and level unknown).
    if (record.leader === '') record.leader = DEFAULT_LEADER;
    if (record.leader.length !== 24) return { error: recordError(place, `the leader is ${record.leader.length} characters long, not 24`), ...place };
    return { record, ...place };
  }
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** The start of a MARCXML collection (before the first record). */
export const MARCXML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="http://www.loc.gov/MARC21/slim">\n';
/** The end of a MARCXML collection. */
export const MARCXML_TAIL = '</collection>\n';

/**
 * One record as a MARCXML `<record>` element (without the collection around it). Characters XML
 * cannot carry (C0 controls other than tab and line breaks) are `ERR_INVALID_INPUT`.
 *
 * @example
 * import { recordToMarcXml } from 'latinitsa/marc';
 * recordToMarcXml({ leader: '00000nam a2200000 a 4500', fields: [{ tag: '001', value: '42' }] });
 * //=> '<record>\n  <leader>00000nam a2200000 a 4500</leader>\n  <controlfield tag="001">42</controlfield>\n</record>\n'
 */
export function recordToMarcXml(record: MarcRecord): string {
  let out = `<record>\n  <leader>${escapeXml(record.leader)}</leader>\n`;
  for (const f of record.fields) {
    if (isDataField(f)) {
      out += `  <datafield tag="${escapeXml(f.tag)}" ind1="${escapeXml(f.ind1)}" ind2="${escapeXml(f.ind2)}">\n`;
      for (const sf of f.subfields) out += `    <subfield code="${escapeXml(sf.code)}">${escapeXml(sf.value)}</subfield>\n`;
      out += '  </datafield>\n';
    } else {
      out += `  <controlfield tag="${escapeXml(f.tag)}">${escapeXml(f.value)}</controlfield>\n`;
    }
  }
  out += '</record>\n';
  // eslint-disable-next-line no-control-regex
  const bad = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/.exec(out);
  if (bad !== null) throw new LatinitsaError('ERR_INVALID_INPUT', `the record holds U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}, which XML cannot carry`);
  return out;
}
