// Word (.docx) text: the paragraphs of the body, the footnotes and the endnotes, read from their
// WordprocessingML parts with their positions, and the fixes of a checker written back into those
// parts by rewriting only the text of the runs they touch. The package itself (the zip, which parts
// exist) is read in src/io/docx.ts. docs/documents.md.
import type { Fix } from '../diagnostics/types.ts';
import { decodeText, escapeText, XmlScanner } from './xml.ts';
import captionStyles from './data/caption-styles.json' with { type: 'json' };
import quotationStyles from './data/quotation-styles.json' with { type: 'json' };

/** What a part holds: the document body, notes, or the settings (no text: where the notes' numbering starts). */
export type DocxPartRole = 'body' | 'footnotes' | 'endnotes' | 'settings';

/** A WordprocessingML part of a package: its name in the package, role and XML. */
export interface DocxPart {
  name: string;
  role: DocxPartRole;
  xml: Uint8Array;
}

/** The paragraphs of a .docx as read, and where each piece of their text is in the XML. */
export interface DocxLayout {
  parts: DocxPart[];
  /** Per part, the number of paragraphs it gave (body first, then footnotes, then endnotes). */
  paragraphCounts: number[];
  /** The paragraphs' text, in order. */
  paragraphs: string[];
  /**
   * The indices of the paragraphs that are block quotations: in a quotation style (Quote, Block
   * Text…: data/quotation-styles.json), or body paragraphs indented beyond the body text
   * (see {@link indentedQuotations}). In order.
   */
  quoted: number[];
  /** The spans [start, end) of the text set in italics (runs with `w:i`), in order, touching spans joined. */
  emphasis: Array<[number, number]>;
  /** Where every `w:t` is: see {@link PieceTable}. */
  pieces: PieceTable;
  /** The footnotes and endnotes, in order, each with its paragraphs (see {@link DocxNote}). */
  notes: DocxNote[];
}

/**
 * A footnote or endnote of a .docx: which kind, the number Word shows for it, and its paragraphs
 * [first, end) (indices into `paragraphs`). The number is its place in the order the text calls
 * the notes of its kind (its first `w:footnoteReference` or `w:endnoteReference`, a call with a
 * custom mark not counted), as Word numbers them; a note the text never calls comes after those
 * it does, in the order of its part. A note called only with the author's own mark
 * (`w:customMarkFollows`, the mark in the text after the call) has that `mark` and no number, as
 * Word shows it. docs/documents.md, "Places in notes".
 */
export interface DocxNote {
  kind: 'footnote' | 'endnote';
  number?: number;
  mark?: string;
  first: number;
  end: number;
}

const W = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
/** Word elements whose content is not in the text a reader sees: deleted and moved-away runs, field codes. */
const HIDDEN = new Set(['del', 'moveFrom', 'delText', 'instrText']);
/**
 * Run content that stands for a character: a tab and a positional tab, line breaks (a space: one
 * paragraph, one line), a non-breaking hyphen. A symbol (`w:sym`) is its own character: see {@link symbolText}.
 */
const RUN_CHARACTERS: Record<string, string> = { tab: '\t', ptab: '\t', br: ' ', cr: ' ', noBreakHyphen: '-' };
/**
 * Tracked changes whose text a reader sees: inserted and moved-in runs. A fix is never written
 * into them, nor across deleted or moved-away text (docs/documents.md, "Fixes in a .docx").
 */
const INSERTED = new Set(['ins', 'moveTo']);
const REMOVED = new Set(['del', 'moveFrom']);
/** A citation manager's field code (Zotero, Mendeley, EndNote, Citavi: `ADDIN ZOTERO_ITEM …`, `ADDIN EN.CITE …`). */
const MANAGED_FIELD = /^\s*ADDIN\b/iu;
/** The tag of a citation manager's content control (Mendeley Cite: `MENDELEY_CITATION_v3_…`, `MENDELEY_BIBLIOGRAPHY`). */
const MANAGED_CONTROL = /^MENDELEY_(?:CITATION|BIBLIOGRAPHY)/u;
/** Note types that are not notes: the separator lines Word draws above them. */
const NOTE_ELEMENTS = new Set(['footnote', 'endnote']);

const FLAG_EDITABLE = 1;
const FLAG_PRESERVE = 2;
/** Inside a tracked insertion or move (`w:ins`, `w:moveTo`): its text is the change's, not the document's to rewrite. */
const FLAG_REVISION = 4;

/**
 * The `w:t` elements of a document in columns: the offset and length of each one's text in the
 * document's text, which part it is in, the byte range of its content and of its start tag, and
 * whether it may be rewritten (only text: no comment or CDATA inside, not in a tracked change) and
 * keeps its spaces; and the stops, where a fix must not reach across.
 */
export class PieceTable {
  length = 0;
  /**
   * Text offsets, in order, where something that is not text stands between two characters:
   * deleted or moved-away text of a tracked change, a field's start, separator or end. The text
   * reads on across them, but a fix that spans one is not written (docs/documents.md).
   */
  stops: number[] = [];
  /**
   * The fallback copy of a text box's text (`mc:Fallback`, the VML box Word writes beside the
   * drawing in `mc:Choice` for older readers), by the part and byte offset of the `w:t` it copies
   * (`${part}:${xmlStart}`): its [tagStart, xmlStart, xmlEnd, flags]. A fix written into the
   * box is written into the copy too, so that the file holds one text (docs/documents.md).
   */
  mirrors = new Map<string, [number, number, number, number]>();
  textStart = new Float64Array(64);
  textLength = new Int32Array(64);
  part = new Int32Array(64);
  xmlStart = new Int32Array(64);
  xmlEnd = new Int32Array(64);
  tagStart = new Int32Array(64);
  flags = new Uint8Array(64);

  push(textStart: number, textLength: number, part: number, tagStart: number, xmlStart: number, xmlEnd: number, flags: number): void {
    if (this.length === this.textStart.length) {
      const grow = <T extends Float64Array | Int32Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.textStart = grow(this.textStart);
      this.textLength = grow(this.textLength);
      this.part = grow(this.part);
      this.xmlStart = grow(this.xmlStart);
      this.xmlEnd = grow(this.xmlEnd);
      this.tagStart = grow(this.tagStart);
      this.flags = grow(this.flags);
    }
    const k = this.length++;
    this.textStart[k] = textStart;
    this.textLength[k] = textLength;
    this.part[k] = part;
    this.tagStart[k] = tagStart;
    this.xmlStart[k] = xmlStart;
    this.xmlEnd[k] = xmlEnd;
    this.flags[k] = flags;
  }

  /** The first piece whose text ends after `offset` (or at it, with `touching`); `length` when none. */
  find(offset: number, touching = false): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const end = this.textStart[mid]! + this.textLength[mid]!;
      if (end > offset || (touching && end === offset)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

interface Paragraph {
  text: string[];
  length: number;
  /** Pieces with offsets in this paragraph: [offset, length, tagStart, xmlStart, xmlEnd, flags]. */
  pieces: number[];
  /** Offsets in this paragraph where a fix must not reach across: see {@link PieceTable.stops}. */
  stops: number[];
  /** Paragraphs of text boxes inside this one: they follow it. */
  inner: Paragraph[];
  /** Its style is a quotation style. */
  quoted?: true;
  /** Its left indent as set on the paragraph (`w:ind`), of its first line or the rest, whichever is less, in twips. */
  indent?: number;
  /** A list item, a heading, a table cell or a text box's paragraph: never a block quotation by its indent. */
  apart?: true;
  /** Spans [offset, length] of italic text in this paragraph, in pairs. */
  italic: number[];
  /** Its style is a caption's (data/caption-styles.json): its italics are not the document's emphasis. */
  caption?: true;
}

/**
 * Reads the paragraphs of WordprocessingML parts (body, then footnotes, then endnotes), with the
 * position of every piece of text: `w:t` elements, tabs, line breaks. Deleted and moved-away
 * runs (tracked changes), field codes, the fallback copy of a text box and the separators above
 * the notes are left out. A paragraph inside a text box is a paragraph of its own, after the one
 * that holds the box. Line breaks
 * in a paragraph's text become spaces, so that one paragraph is one line.
 *
 * @param parts The parts, in the order their paragraphs are wanted.
 * @returns The layout: paragraphs and pieces.
 * @example
 * import { readDocxLayout } from 'latinitsa/document';
 * const xml = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
 *   + '<w:p><w:r><w:t>Zino</w:t></w:r><w:r><w:t>viev</w:t><w:tab/><w:t>1934</w:t></w:r></w:p>'
 *   + '<w:p><w:del><w:r><w:delText>x</w:delText></w:r></w:del><w:r><w:t xml:space="preserve">Kirov </w:t></w:r></w:p></w:body></w:document>';
 * readDocxLayout([{ name: 'word/document.xml', role: 'body', xml: new TextEncoder().encode(xml) }]).paragraphs;
 * //=> ['Zinoviev\t1934', 'Kirov ']
 */
export function readDocxLayout(parts: readonly DocxPart[]): DocxLayout {
  const pieces = new PieceTable();
  const paragraphs: string[] = [];
  const quoted: number[] = [];
  const emphasis: Array<[number, number]> = [];
  /** Per paragraph of the body: its indent, or undefined when it is apart (see {@link Paragraph.apart}) or empty. */
  const indents: Array<number | undefined> = [];
  const paragraphCounts: number[] = [];
  /** Per note kind, the ids of the notes the text calls, in the order of their first call. */
  const calls = { footnote: new Map<string, number>(), endnote: new Map<string, number>() };
  /** Per note kind, the marks of the notes called with the author's own mark (see {@link DocxNote}). */
  const marks = { footnote: new Map<string, string>(), endnote: new Map<string, string>() };
  /** A call with the author's own mark whose mark is yet to be read: the text of the next `w:t` of its paragraph. */
  let markOf: { kind: DocxNote['kind']; id: string } | undefined;
  /** The notes read, with their ids (numbered when every part is read). */
  const notes: Array<DocxNote & { id: string }> = [];
  /** Per note kind, the number of its first note: the settings' `w:numStart`, 1 without it. */
  const numStart = { footnote: 1, endnote: 1 };
  let offset = 0; // of the next paragraph in the document text (paragraphs joined by "\n")
  parts.forEach((part, partIndex) => {
    if (part.role === 'settings') {
      readNumStart(part, numStart);
      paragraphCounts.push(0);
      return;
    }
    const s = new XmlScanner(part.xml, part.name);
    const open: Paragraph[] = [];
    let count = 0;
    /** Depth at which a skipped element opened (its content is not read), or 0. */
    let skipUntil = 0;
    /** The run content being read: inside a `w:t` (its start tag and content start), or not. */
    let inText: { tagStart: number; contentStart: number; text: string; editable: boolean; preserve: boolean } | undefined;
    /** The local name of the parent of the current element, when it is a Word element. */
    const parents: string[] = [];
    /** Whether the run being read is set in italics (its `w:rPr` has `w:i`, not turned off). */
    let italicRun = false;
    /** The depths of the open tracked insertions and moves ({@link INSERTED}). */
    const revisions: number[] = [];
    /**
     * The open complex fields (`w:fldChar` begin … separate … end), innermost last: true while
     * in a field's code (before its separator). A field nested in a field's code is part of that
     * code, its result too (an IF comparing a REF's result): text is read only where no open
     * field is in its code, so the outermost field's result is text, and so is a field's result
     * inside another's result (docs/documents.md: field codes are left out).
     */
    const fields: boolean[] = [];
    let inCode = 0;
    /**
     * The code of each open complex field (as `fields`), and the depth of the `w:instrText` being
     * read into the innermost one's (0 when none). A field whose code is `ADDIN …` is a citation
     * manager's (Zotero, Mendeley, EndNote: `ADDIN ZOTERO_ITEM CSL_CITATION {…}`): its result is
     * made from the manager's library and made again when it refreshes, and an edit in it makes
     * the manager ask whether to keep it or stop updating the citation. Its text is read, never
     * rewritten: the spelling is the library's to fix (docs/documents.md, "Fixes in a .docx").
     */
    const codes: string[] = [];
    let codeDepth = 0;
    /** Per open field (as `fields`), whether it is a citation manager's and its result is being read. */
    const managed: boolean[] = [];
    /** Per open `w:fldSimple`, whether it is a citation manager's. */
    const simpleManaged: boolean[] = [];
    /**
     * Per open content control (`w:sdt`): whether it is a citation manager's (Mendeley Cite keeps a
     * citation in one tagged `MENDELEY_CITATION…`, `w:sdtPr/w:tag`), and whether its content is being
     * read. Its text is the manager's, as a field's is (see {@link codes}).
     */
    const controls: Array<{ depth: number; managed: boolean; counted: boolean }> = [];
    /** How many citation managers' fields and content controls hold the text being read: its pieces are not rewritten. */
    let inManaged = 0;
    /**
     * The open `mc:AlternateContent` (a text box in a drawing, with its VML fallback): the `w:t`
     * read in its choice and those of its fallback, matched one for one when it closes (see
     * {@link PieceTable.mirrors}). Not matched when nested, or when the fallback holds anything
     * but plain text in runs (a field, a tracked change, a comment inside a text).
     */
    let alt: { depth: number; choice: Array<[number, string]>; fallback: Array<[number, number, number, number, string]>; nested: boolean; unsafe: boolean } | undefined;
    /** Depth of the `mc:Fallback` being captured (skipped as text, its `w:t` recorded), or 0. */
    let fallbackDepth = 0;
    /** The fallback's `w:t` being captured: its start tag, content start, text and whether it is plain text. */
    let fallbackText: { tagStart: number; contentStart: number; text: string; plain: boolean; preserve: boolean } | undefined;
    /** The note being read (a `w:footnote` or `w:endnote` that is a note, not a separator) and its depth. */
    let note: { kind: DocxNote['kind']; id: string; first: number; depth: number } | undefined;
    for (let kind = s.next(); kind !== 'end'; kind = s.next()) {
      if (kind === 'open') {
        const word = W.has(s.ns);
        const parent = parents.at(-1);
        if (!s.selfClosing) parents.push(word ? s.local : '');
        if (word && s.local === 'instrText' && !s.selfClosing && skipUntil === 0 && codes.length > 0) codeDepth = s.depth;
        if (fallbackDepth > 0 && alt !== undefined) {
          if (word && s.local === 't' && !s.selfClosing) fallbackText = { tagStart: s.start, contentStart: s.end, text: '', plain: true, preserve: s.attribute('xml:space') === 'preserve' };
          else if ((word && (HIDDEN.has(s.local) || INSERTED.has(s.local) || s.local === 'fldChar' || s.local === 'fldSimple' || s.local === 'sym' || Object.hasOwn(RUN_CHARACTERS, s.local))) || (s.ns === MC && s.local === 'AlternateContent')) alt.unsafe = true;
        }
        if (skipUntil > 0) continue;
        if (s.ns === MC && s.local === 'AlternateContent' && !s.selfClosing) {
          if (alt !== undefined) alt.nested = true;
          else alt = { depth: s.depth, choice: [], fallback: [], nested: false, unsafe: false };
        }
        const skip =
          (word && HIDDEN.has(s.local)) ||
          (s.ns === MC && s.local === 'Fallback') ||
          (word && NOTE_ELEMENTS.has(s.local) && !['normal', undefined].includes(s.attribute(prefixed(s.name, 'type'))));
        // A change's mark in properties (an inserted or deleted paragraph mark, table row) holds no text.
        const change = word && !s.selfClosing && parent?.endsWith('Pr') !== true;
        if (skip) {
          if (change && REMOVED.has(s.local)) stop(open.at(-1));
          if (!s.selfClosing) skipUntil = s.depth;
          if (s.ns === MC && s.local === 'Fallback' && !s.selfClosing && alt !== undefined && s.depth === alt.depth + 1) fallbackDepth = s.depth;
          continue;
        }
        if (!word) continue;
        const current = open.at(-1);
        if (s.local === 'footnoteReference' || s.local === 'endnoteReference') {
          // A call with a custom mark (an asterisk typed by the author) takes no number.
          const kind = s.local === 'footnoteReference' ? 'footnote' : 'endnote';
          const id = s.attribute(prefixed(s.name, 'id'));
          const custom = ['1', 'true', 'on'].includes(s.attribute(prefixed(s.name, 'customMarkFollows')) ?? '0');
          if (id !== undefined && !custom && !calls[kind].has(id)) calls[kind].set(id, calls[kind].size + 1);
          // Its mark is the text that follows the call (ECMA-376 Part 1, 17.11.14 footnoteReference).
          markOf = id !== undefined && custom && !marks[kind].has(id) ? { kind, id } : undefined;
        } else if (NOTE_ELEMENTS.has(s.local) && !s.selfClosing && part.role !== 'body' && note === undefined) {
          note = { kind: s.local as DocxNote['kind'], id: s.attribute(prefixed(s.name, 'id')) ?? '', first: paragraphs.length, depth: s.depth };
        }
        if (change && INSERTED.has(s.local)) revisions.push(s.depth);
        else if (s.local === 'fldChar' || s.local === 'fldSimple') stop(current);
        if (s.local === 'fldChar') {
          const type = s.attribute(prefixed(s.name, 'fldCharType'));
          if (type === 'begin') {
            fields.push(true);
            codes.push('');
            managed.push(false);
            inCode++;
          } else if (type === 'separate' && fields.at(-1) === true) {
            fields[fields.length - 1] = false;
            inCode--;
            if (inCode === 0 && MANAGED_FIELD.test(codes.at(-1)!)) {
              managed[managed.length - 1] = true;
              inManaged++;
            }
          } else if (type === 'end' && fields.length > 0) {
            codes.pop();
            if (managed.pop() === true) inManaged--;
            if (fields.pop() === true) inCode--;
          }
        } else if (s.local === 'fldSimple' && !s.selfClosing) {
          const own = MANAGED_FIELD.test(s.attribute(prefixed(s.name, 'instr')) ?? '');
          simpleManaged.push(own);
          if (own) inManaged++;
        } else if (s.local === 'sdt' && !s.selfClosing) controls.push({ depth: s.depth, managed: false, counted: false });
        else if (s.local === 'tag' && parent === 'sdtPr' && controls.length > 0 && MANAGED_CONTROL.test(s.attribute(prefixed(s.name, 'val')) ?? '')) controls.at(-1)!.managed = true;
        else if (s.local === 'sdtContent' && parent === 'sdt' && controls.at(-1)?.managed === true && !controls.at(-1)!.counted) {
          controls.at(-1)!.counted = true;
          inManaged++;
        }
        // A run's text or character in a field's code (a nested field's result) is not text.
        if (inCode > 0 && (s.local === 't' || (parent === 'r' && (Object.hasOwn(RUN_CHARACTERS, s.local) || s.local === 'sym')))) {
          if (!s.selfClosing) skipUntil = s.depth;
          continue;
        }
        if (s.local === 'p') {
          const p: Paragraph = { text: [], length: 0, pieces: [], inner: [], italic: [], stops: [] };
          // A text box's paragraph or a table cell's is laid out by its frame, not by the body's margins.
          if (current !== undefined || parents.includes('tc')) p.apart = true;
          if (!s.selfClosing) open.push(p);
          else if (current === undefined) emit(p);
          else current.inner.push(p);
        } else if (s.local === 't' && current !== undefined) {
          if (s.selfClosing) continue;
          inText = { tagStart: s.start, contentStart: s.end, text: '', editable: inManaged === 0, preserve: s.attribute('xml:space') === 'preserve' };
        } else if (parent === 'pPr' && parents.at(s.selfClosing ? -2 : -3) === 'p' && current !== undefined) {
          // The paragraph's own properties (not those of a tracked change to them, pPrChange).
          const value = (name: string): string | undefined => s.attribute(prefixed(s.name, name));
          if (s.local === 'pStyle') {
            const style = value('val') ?? '';
            if (isQuotationStyle(style)) current.quoted = true;
            if (CAPTION_STYLES.has(styleKey(style))) current.caption = true;
            if (HEADING_STYLE.test(styleKey(style))) current.apart = true;
          } else if (s.local === 'numPr' || s.local === 'outlineLvl') current.apart = true;
          else if (s.local === 'ind') {
            const twips = (name: string): number => {
              const n = Number.parseInt(value(name) ?? '0', 10);
              return Number.isFinite(n) ? n : 0;
            };
            const left = twips(value('start') === undefined ? 'left' : 'start');
            current.indent = Math.min(left, left + twips('firstLine') - twips('hanging'));
          }
        } else if (s.local === 'r') {
          italicRun = false;
        } else if (s.local === 'i' && parent === 'rPr' && parents.at(s.selfClosing ? -2 : -3) === 'r') {
          italicRun = !['0', 'false', 'off'].includes(s.attribute(prefixed(s.name, 'val')) ?? 'true');
        } else if (parent === 'r' && current !== undefined && Object.hasOwn(RUN_CHARACTERS, s.local)) {
          add(current, RUN_CHARACTERS[s.local]!);
        } else if (parent === 'r' && current !== undefined && s.local === 'sym') {
          add(current, symbolText(s.attribute(prefixed(s.name, 'char'))));
        }
      } else if (kind === 'close') {
        parents.pop();
        if (codeDepth > 0 && s.depth === codeDepth) codeDepth = 0;
        if (fallbackDepth > 0 && alt !== undefined) {
          if (fallbackText !== undefined && W.has(s.ns) && s.local === 't') {
            alt.fallback.push([fallbackText.tagStart, fallbackText.contentStart, s.start, fallbackText.preserve ? FLAG_PRESERVE : 0, fallbackText.plain ? fallbackText.text.replace(/[\r\n]/gu, ' ') : '\uFFFF']);
            fallbackText = undefined;
          }
          if (s.depth === fallbackDepth) fallbackDepth = 0;
        }
        if (skipUntil > 0) {
          if (s.depth === skipUntil) skipUntil = 0;
          continue;
        }
        if (alt !== undefined && s.depth === alt.depth && s.ns === MC && s.local === 'AlternateContent') {
          const { choice, fallback } = alt;
          if (!alt.nested && !alt.unsafe && choice.length > 0 && choice.length === fallback.length && choice.every(([, text], k) => text === fallback[k]![4])) {
            choice.forEach(([xmlStart], k) => {
              const [tagStart, start, end, flags] = fallback[k]!;
              pieces.mirrors.set(`${partIndex}:${xmlStart}`, [tagStart, start, end, flags | FLAG_EDITABLE]);
            });
          }
          alt = undefined;
        }
        if (!W.has(s.ns)) continue;
        if (note !== undefined && s.depth === note.depth && NOTE_ELEMENTS.has(s.local)) {
          if (paragraphs.length > note.first) notes.push({ kind: note.kind, number: 0, id: note.id, first: note.first, end: paragraphs.length });
          note = undefined;
        }
        if (revisions.at(-1) === s.depth && INSERTED.has(s.local)) revisions.pop();
        else if (s.local === 'fldSimple') {
          stop(open.at(-1));
          if (simpleManaged.pop() === true) inManaged--;
        } else if (s.local === 'sdt' && controls.at(-1)?.depth === s.depth && controls.pop()!.counted) inManaged--;
        if (s.local === 't' && inText !== undefined) {
          const current = open.at(-1)!;
          // A line break inside the text is a space, one character for one: offsets stay exact.
          const text = inText.text.replace(/[\r\n]/gu, ' ');
          const flags = (inText.editable ? FLAG_EDITABLE : 0) | (inText.preserve ? FLAG_PRESERVE : 0) | (revisions.length > 0 ? FLAG_REVISION : 0);
          current.pieces.push(current.length, text.length, inText.tagStart, inText.contentStart, s.start, flags);
          if (alt !== undefined) alt.choice.push([inText.contentStart, inText.editable && revisions.length === 0 ? text : '\uFFFE']);
          if (italicRun && text.length > 0) current.italic.push(current.length, text.length);
          add(current, text);
          inText = undefined;
          if (markOf !== undefined && text.trim() !== '') {
            marks[markOf.kind].set(markOf.id, text.trim());
            markOf = undefined;
          }
        } else if (s.local === 'r') {
          italicRun = false;
        } else if (s.local === 'p' && open.length > 0) {
          markOf = undefined;
          const p = open.pop()!;
          const outer = open.at(-1);
          if (outer === undefined) emit(p);
          else outer.inner.push(p);
        }
      } else if (codeDepth > 0) {
        if (kind === 'text' || kind === 'cdata') codes[codes.length - 1] += s.text();
      } else if (fallbackText !== undefined) {
        if (kind === 'text') fallbackText.text += s.text();
        else fallbackText.plain = false;
      } else if (inText !== undefined && skipUntil === 0) {
        if (kind === 'text' || kind === 'cdata') inText.text += s.text();
        // A CDATA section or a comment inside the text: readable, but not rewritten.
        if (kind !== 'text') inText.editable = false;
      }
    }
    paragraphCounts.push(count);

    /** A stop at the end of the paragraph's text so far (see {@link PieceTable.stops}). */
    function stop(p: Paragraph | undefined): void {
      if (p !== undefined && p.stops.at(-1) !== p.length) p.stops.push(p.length);
    }

    function add(p: Paragraph, text: string): void {
      p.text.push(text);
      p.length += text.length;
    }

    function emit(p: Paragraph): void {
      // Depth first, without recursion: text boxes may hold text boxes.
      const stack = [p];
      while (stack.length > 0) {
        const q = stack.pop()!;
        emitOne(q);
        for (let i = q.inner.length - 1; i >= 0; i--) stack.push(q.inner[i]!);
      }
    }

    function emitOne(p: Paragraph): void {
      const text = p.text.join('');
      for (let k = 0; k < p.pieces.length; k += 6) {
        const [at, length, tagStart, xmlStart, xmlEnd, flags] = p.pieces.slice(k, k + 6) as [number, number, number, number, number, number];
        pieces.push(offset + at, length, partIndex, tagStart, xmlStart, xmlEnd, flags);
      }
      for (const at of p.stops) pieces.stops.push(offset + at);
      for (let k = 0; p.caption !== true && k < p.italic.length; k += 2) {
        const start = offset + p.italic[k]!;
        const end = start + p.italic[k + 1]!;
        const last = emphasis.at(-1);
        if (last !== undefined && last[1] === start) last[1] = end;
        else emphasis.push([start, end]);
      }
      if (p.quoted === true) quoted.push(paragraphs.length);
      if (part.role === 'body') indents[paragraphs.length] = p.apart === true || text.trim() === '' ? undefined : (p.indent ?? 0);
      paragraphs.push(text);
      offset += text.length + 1;
      count++;
    }
  });
  const indented = indentedQuotations(indents);
  const all = indented.length === 0 ? quoted : [...new Set([...quoted, ...indented])].sort((a, b) => a - b);
  return { parts: [...parts], paragraphCounts, paragraphs, quoted: all, emphasis, pieces, notes: numberNotes(notes, calls, marks, numStart) };
}

/**
 * The character a symbol (`w:sym`, Insert > Symbol) shows: its `w:char`, a code in hex, often in
 * the private use area of a symbol font (F061, Symbol's α). It stands between the text around it
 * as Word shows it, so that the words on either side are not read as one, and, not being a `w:t`,
 * a fix across it is not written. A code that is no character XML allows in text, or a control character, is U+FFFD.
 */
function symbolText(code: string | undefined): string {
  const n = /^[0-9A-Fa-f]{1,6}$/u.test(code ?? '') ? Number.parseInt(code!, 16) : 0;
  const allowed = (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);
  return allowed ? String.fromCodePoint(n) : '\uFFFD';
}

/**
 * The notes numbered as Word shows them: by the order of their first call in the text, a note
 * never called after the called ones of its kind, in the order read; a note called only with the
 * author's own mark is named by the mark and takes no number (see {@link DocxNote}).
 */
function numberNotes(
  notes: ReadonlyArray<DocxNote & { id: string }>,
  calls: Record<DocxNote['kind'], ReadonlyMap<string, number>>,
  marks: Record<DocxNote['kind'], ReadonlyMap<string, string>>,
  numStart: Record<DocxNote['kind'], number>,
): DocxNote[] {
  const uncalled = { footnote: calls.footnote.size, endnote: calls.endnote.size };
  return notes.map(({ kind, id, first, end }) => {
    const number = calls[kind].get(id);
    const mark = marks[kind].get(id);
    if (number === undefined && mark !== undefined) return { kind, mark, first, end };
    return { kind, number: (number ?? ++uncalled[kind]) + numStart[kind] - 1, first, end };
  });
}

/**
 * The number the footnotes and the endnotes start from, as the settings part sets it for the whole
 * document (`w:footnotePr/w:numStart`, `w:endnotePr/w:numStart`; ECMA-376 Part 1, 17.11.11 and
 * 17.11.10). A section's own start (in its `w:sectPr`) is not followed (docs/documents.md).
 */
function readNumStart(part: DocxPart, numStart: Record<DocxNote['kind'], number>): void {
  const s = new XmlScanner(part.xml, part.name);
  const parents: string[] = [];
  for (let kind = s.next(); kind !== 'end'; kind = s.next()) {
    if (kind === 'open') {
      const word = W.has(s.ns);
      const parent = parents.at(-1);
      if (word && s.local === 'numStart' && (parent === 'footnotePr' || parent === 'endnotePr') && parents.length === 2) {
        const n = Number.parseInt(s.attribute(prefixed(s.name, 'val')) ?? '', 10);
        if (Number.isInteger(n) && n >= 1) numStart[parent === 'footnotePr' ? 'footnote' : 'endnote'] = n;
      }
      if (!s.selfClosing) parents.push(word ? s.local : '');
    } else if (kind === 'close') parents.pop();
  }
}

/**
 * The text of a .docx layout: its paragraphs joined by line ends, one paragraph a line, the text
 * every offset of the layout counts in (docs/documents.md). Made once by `readDocument`.
 */
export function docxText(layout: Pick<DocxLayout, 'paragraphs'>): string {
  return layout.paragraphs.join('\n');
}

/** How much further than the body text a paragraph is indented to be a block quotation: a quarter inch, in twips. */
const QUOTATION_INDENT = 360;

/** Style ids of headings and titles (compared as {@link styleKey} makes them). */
const HEADING_STYLE = /^(?:heading\d|title|subtitle)/u;

/**
 * The body paragraphs set off as block quotations by their indent alone (direct formatting, no
 * quotation style): those indented at least {@link QUOTATION_INDENT} beyond the body text, whose
 * indent is the one most of the body's paragraphs have (so that a document indented throughout
 * is not all quotation). List items, headings, table cells, text boxes and empty paragraphs are
 * left out, of both. docs/documents.md.
 *
 * @param indents Per paragraph index: its indent in twips, or undefined when it is left out.
 */
function indentedQuotations(indents: ReadonlyArray<number | undefined>): number[] {
  const counts = new Map<number, number>();
  for (const indent of indents) if (indent !== undefined) counts.set(indent, (counts.get(indent) ?? 0) + 1);
  let body: number | undefined;
  // The most common indent; of two as common, the smaller.
  for (const [indent, n] of counts) if (body === undefined || n > counts.get(body)! || (n === counts.get(body)! && indent < body)) body = indent;
  if (body === undefined) return [];
  const out: number[] = [];
  indents.forEach((indent, i) => {
    if (indent !== undefined && indent >= body + QUOTATION_INDENT) out.push(i);
  });
  return out;
}

/** A style id as compared with the list: lower case, without spaces, hyphens or underscores (Word drops spaces from the ids of custom styles). */
const styleKey = (id: string): string => id.toLowerCase().replace(/[\s_-]+/gu, '');
const QUOTATION_STYLES = new Set(quotationStyles.styles.map(styleKey));
const CAPTION_STYLES = new Set(captionStyles.styles.map(styleKey));

/** Whether a paragraph style id is one of a block quotation. */
function isQuotationStyle(id: string): boolean {
  return QUOTATION_STYLES.has(styleKey(id));
}

/** The attribute name `local` with the prefix of the element name `qualified` (`w:p` → `w:type`). */
function prefixed(qualified: string, local: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? local : `${qualified.slice(0, colon + 1)}${local}`;
}

/** The result of {@link editDocx}. */
export interface DocxEdit {
  /** The new XML of each changed part, by part name. */
  parts: Map<string, Uint8Array>;
  /** The fixes written. */
  applied: Fix[];
  /**
   * The fixes left out: they span a tab, a line break, a paragraph end, a field or a tracked
   * change, touch text that is not rewritten (inserted by a tracked change, or with a comment
   * inside), or their new text has a character a run cannot hold.
   */
  skipped: Fix[];
}

/** What a fix's text cannot contain to be written into a run: a line break, or a character XML 1.0 does not allow. */
const UNWRITABLE = /[\r\n\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/u;

/**
 * Writes fixes (ranges of the document's text, as `readDocument` made it) into the parts of a
 * .docx: only the text of the `w:t` elements a fix changes is rewritten, and each run keeps its
 * formatting. A fix is written as its least edit: the text it shares with the old at its start
 * and at its end stays as it is (Zinovyev → Zinoviev changes the y, in whichever run the y is).
 * Where that edit still spans runs (Word splits words for spelling marks, revisions and
 * formatting), each run takes as many characters of the new text as it had of the old, and the
 * last run touched the rest, so a run is emptied only when the edit deletes its text. A fix that
 * spans anything but text — a tab, a line break, a paragraph end, a field, a tracked change — is
 * skipped, and so is one that touches text inserted or moved by a tracked change, and one whose
 * new text has a line break or a character XML does not allow. docs/documents.md.
 *
 * @param layout The layout of the document (`readDocument(…).docx`).
 * @param fixes Fixes in text order, not overlapping (see `selectFixes`).
 * @param text The document's text, which the fixes' ranges point into (`readDocument(…).text`):
 *   a caller that has it passes it, else it is made from the layout ({@link docxText}) when a fix
 *   is first written.
 * @returns The changed parts and which fixes were written.
 * @example
 * import { readDocxLayout, editDocx } from 'latinitsa/document';
 * const xml = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
 *   + '<w:p><w:r><w:t>Zino</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>vyev was</w:t></w:r></w:p></w:body></w:document>';
 * const layout = readDocxLayout([{ name: 'word/document.xml', role: 'body', xml: new TextEncoder().encode(xml) }]);
 * const edit = editDocx(layout, [{ range: [0, 8], text: 'Zinoviev' }]);
 * new TextDecoder().decode(edit.parts.get('word/document.xml')).match(/<w:p>.*<\/w:p>/)?.[0];
 * //=> '<w:p><w:r><w:t>Zino</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>viev was</w:t></w:r></w:p>'
 */
export function editDocx(layout: DocxLayout, fixes: readonly Fix[], text?: string): DocxEdit {
  const { pieces } = layout;
  /** Piece → its edits, in piece-relative offsets. */
  const edits = new Map<number, Array<[number, number, string]>>();
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  /** The document's text: the caller's, or made from the layout when a fix is first written. */
  let documentText = text;
  for (const fix of fixes) {
    const [a, b] = fix.range;
    // A run's text cannot hold a line break (it is read as a space, and Word shows one) nor a
    // character XML forbids (a lone surrogate would be written as U+FFFD): the file would then
    // not hold the text the edit reports.
    if (UNWRITABLE.test(fix.text)) {
      skipped.push(fix);
      continue;
    }
    const touched: number[] = [];
    let covered = a;
    for (let k = pieces.find(a, a === b); k < pieces.length; k++) {
      const start = pieces.textStart[k]!;
      const end = start + pieces.textLength[k]!;
      // An empty w:t has nothing to change; a gap is a tab, a break or a paragraph end.
      if (end === start && a !== b) continue;
      // Text in a tracked insertion or move is the change's: rewritten in place, it would be
      // dropped with the change when changes are rejected, and the fix would not be a change.
      if (start > covered || (pieces.flags[k]! & FLAG_EDITABLE) === 0 || (pieces.flags[k]! & FLAG_REVISION) !== 0) break;
      touched.push(k);
      covered = end;
      if (covered >= b) break;
    }
    if (touched.length === 0 || covered < b || crossesStop(pieces.stops, a, b)) {
      skipped.push(fix);
      continue;
    }
    documentText ??= docxText(layout);
    const [s, e, t] = leastEdit(documentText.slice(a, b), fix.text, a);
    applied.push(fix);
    if (s === e && t === '') continue;
    // The runs the edit changes, and each one's share of the new text: as many characters as it
    // had of the old, the last run the rest. An insertion goes into the run it falls in, or at
    // the end of the run before it, whose formatting Word gives to what is typed there.
    const share: Array<[number, number, number]> = [];
    for (const piece of touched) {
      const start = pieces.textStart[piece]!;
      const end = start + pieces.textLength[piece]!;
      if (s === e ? end >= s : end > s && start < e) share.push([piece, Math.max(s, start) - start, Math.min(e, end) - start]);
      if (end >= e) break;
    }
    let used = 0;
    share.forEach(([piece, from, to], i) => {
      let cut = i === share.length - 1 ? t.length : used + to - from;
      // Both halves of a surrogate pair in one run: a run cannot hold half of one.
      if (cut < t.length && isHighSurrogate(t.charCodeAt(cut - 1))) cut++;
      const part = t.slice(used, cut);
      used = Math.min(cut, t.length);
      const list = edits.get(piece) ?? [];
      list.push([from, to, part]);
      edits.set(piece, list);
    });
  }
  // Each changed part: its bytes with the changed pieces' content (and, where the new text starts
  // or ends with a space, their start tags) replaced, in order.
  const byPart = new Map<number, number[]>();
  for (const piece of [...edits.keys()].sort((x, y) => x - y)) {
    const part = pieces.part[piece]!;
    byPart.set(part, [...(byPart.get(part) ?? []), piece]);
  }
  const encoder = new TextEncoder();
  const parts = new Map<string, Uint8Array>();
  for (const [partIndex, list] of byPart) {
    const part = layout.parts[partIndex]!;
    // Each rewritten w:t — a piece, and its copy in a text box's fallback (PieceTable.mirrors) — with its new text, in the order of the XML.
    const writes: Array<[tagStart: number, xmlStart: number, xmlEnd: number, flags: number, text: string]> = [];
    for (const piece of list) {
      const xmlStart = pieces.xmlStart[piece]!;
      const old = decodeText(part.xml, xmlStart, pieces.xmlEnd[piece]!, part.name);
      let text = '';
      let from = 0;
      for (const [s, e, t] of edits.get(piece)!) {
        text += old.slice(from, s) + t;
        from = e;
      }
      text += old.slice(from);
      writes.push([pieces.tagStart[piece]!, xmlStart, pieces.xmlEnd[piece]!, pieces.flags[piece]!, text]);
      const mirror = pieces.mirrors.get(`${partIndex}:${xmlStart}`);
      if (mirror !== undefined) writes.push([...mirror, text]);
    }
    const out: Uint8Array[] = [];
    let at = 0;
    for (const [tagStart, xmlStart, xmlEnd, flags, text] of writes.sort((x, y) => x[1] - y[1])) {
      const needsPreserve = /^\s|\s$/u.test(text) && (flags & FLAG_PRESERVE) === 0;
      if (needsPreserve) {
        out.push(part.xml.subarray(at, tagStart));
        const tag = new TextDecoder().decode(part.xml.subarray(tagStart, xmlStart));
        out.push(encoder.encode(tag.replace(/\s*\/?>$/u, ' xml:space="preserve">')));
      } else {
        out.push(part.xml.subarray(at, xmlStart));
      }
      out.push(encoder.encode(escapeText(text)));
      at = xmlEnd;
    }
    out.push(part.xml.subarray(at));
    const total = out.reduce((n, x) => n + x.length, 0);
    const joined = new Uint8Array(total);
    let pos = 0;
    for (const x of out) {
      joined.set(x, pos);
      pos += x.length;
    }
    parts.set(part.name, joined);
  }
  return { parts, applied, skipped };
}

/**
 * Whether a fix over [a, b) reaches across a stop (see {@link PieceTable.stops}): one inside it,
 * or, for an insertion, one where it stands (the inserted text would go to one side of it).
 */
function crossesStop(stops: readonly number[], a: number, b: number): boolean {
  let lo = 0;
  let hi = stops.length;
  // The first stop after a (at a or after it, for an insertion).
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a === b ? stops[mid]! < a : stops[mid]! <= a) lo = mid + 1;
    else hi = mid;
  }
  const at = stops[lo];
  return at !== undefined && (a === b ? at === a : at < b);
}

/**
 * The least edit that turns `old` into `text`: what they share at the start and at the end left
 * out (but not half of a surrogate pair). Returned as the document offsets [start, end) of the
 * text it replaces, `old` standing at `offset`, and the text that replaces it.
 */
function leastEdit(old: string, text: string, offset: number): [number, number, string] {
  const most = Math.min(old.length, text.length);
  let head = 0;
  while (head < most && old.charCodeAt(head) === text.charCodeAt(head)) head++;
  if (head > 0 && isHighSurrogate(old.charCodeAt(head - 1))) head--;
  let tail = 0;
  while (tail < most - head && old.charCodeAt(old.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) tail++;
  if (tail > 0 && isLowSurrogate(old.charCodeAt(old.length - tail))) tail--;
  return [offset + head, offset + old.length - tail, text.slice(head, text.length - tail)];
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * The text offset where the notes of a .docx layout start (after the body's paragraphs, which
 * come first), or undefined when it has none.
 */
export function docxNotesStart(layout: DocxLayout): number | undefined {
  const bodyParagraphs = layout.parts.reduce((n, p, k) => n + (p.role === 'body' ? layout.paragraphCounts[k]! : 0), 0);
  if (bodyParagraphs === layout.paragraphs.length) return undefined;
  let offset = 0;
  for (let k = 0; k < bodyParagraphs; k++) offset += layout.paragraphs[k]!.length + 1;
  return offset;
}
