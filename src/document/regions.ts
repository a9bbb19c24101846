import type { Diagnostic, NotePlace } from '../diagnostics/types.ts';
import { LatinitsaError } from '../errors.ts';
import { endnoteRun, headingLike, isEndnotesHeading, isNotesHeading, noteNumber, paragraphReferences, TITLE_LOOKAHEAD, titleHeadsNotes, untitledEndnoteRun, type NoteParagraph } from './notes.ts';

/** A part of a document and what it is: running text, or notes and bibliography. */
export interface Region {
  /** 0-based offsets [start, end) in the document text. */
  start: number;
  end: number;
  kind: 'text' | 'notes';
  /**
   * The part stands in a block quotation (a Markdown `>` block, a Word paragraph in a quotation
   * style): another author's words, whose spellings are that author's (docs/documents.md).
   */
  quoted?: true;
}

/**
 * A footnote or endnote of a .docx: its span [start, end) of the document's text, its kind and the
 * number Word shows for it, or, for a note the text calls with the author's own mark, that mark
 * instead (docs/documents.md, "Places in notes").
 */
export interface DocumentNote {
  start: number;
  end: number;
  kind: 'footnote' | 'endnote';
  number?: number;
  mark?: string;
}

/**
 * Findings with where they are in a note of a .docx, as a person finds the place in Word: which
 * note (`kind`, its `number`) and which of its paragraphs (from 1), in `inNote`; the column is the
 * place's, as in any paragraph. Findings in the body, and every finding of a document without
 * notes, are returned as they are. The reports write the place so (docs/diagnostics.md).
 *
 * @param diagnostics Findings in the document's text (their `place`).
 * @param document The document they were found in (`readDocument`'s, with its `notes`).
 * @returns The findings, those in a note with `inNote`.
 * @example
 * import { notePlaces } from 'latinitsa/document';
 * import type { Diagnostic } from 'latinitsa/diagnostics';
 * const d: Diagnostic = { ruleId: 'cite/plural', source: 'latinitsa', severity: 'warning', reason: 'plural', place: { start: { line: 3, column: 2, offset: 12 }, end: { line: 3, column: 5, offset: 15 } } };
 * notePlaces([d], { text: 'Body.\nNote.\nMore.', notes: [{ start: 6, end: 17, kind: 'footnote', number: 1 }] })[0]?.inNote;
 * //=> { kind: 'footnote', number: 1, paragraph: 2 }
 */
export function notePlaces<D extends Diagnostic>(diagnostics: readonly D[], document: { text: string; notes?: readonly DocumentNote[] | undefined }): D[] {
  if (document.notes === undefined || document.notes.length === 0) return [...diagnostics];
  return diagnostics.map((d) => {
    const inNote = d.place === undefined ? undefined : noteAt(document, d.place.start.offset);
    return inNote === undefined ? d : { ...d, inNote };
  });
}

/**
 * The note of a .docx an offset of its text is in, and which of the note's paragraphs (from 1);
 * undefined in the body and in a document without notes (see {@link notePlaces}).
 */
export function noteAt(document: { text: string; notes?: readonly DocumentNote[] | undefined }, offset: number): NotePlace | undefined {
  const notes = document.notes;
  if (notes === undefined) return undefined;
  // The last note that starts at or before the offset (the notes are in order).
  let lo = 0;
  let hi = notes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (notes[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  const note = notes[lo - 1];
  if (note === undefined || offset > note.end) return undefined;
  let paragraph = 1;
  for (let i = document.text.indexOf('\n', note.start); i !== -1 && i < offset; i = document.text.indexOf('\n', i + 1)) paragraph++;
  return note.mark === undefined ? { kind: note.kind, number: note.number!, paragraph } : { kind: note.kind, mark: note.mark, paragraph };
}

/**
 * The regions of a plain-text manuscript: running text, and notes under each line that is a notes
 * heading (see {@link isNotesHeading}). Where numbered notes follow the heading (1., [1], ¹…: see
 * `endnoteRun`) the notes are the heading and those paragraphs, and the text goes on after them
 * (a chapter's endnotes, then the next chapter); a heading followed by anything else starts notes
 * and bibliography that run to the end, as does one that Word numbers itself (its numbers are not
 * in the text). Headings that head only numbered notes ("Note", "Citations") are read too.
 *
 * @param text The manuscript.
 * @param options `lines`: every line is a paragraph (a .docx's paragraphs), rather than a
 *   paragraph running on over lines until a blank line, a heading or the next note's number.
 * @returns The regions, in order.
 * @example
 * import { plainTextRegions } from 'latinitsa/document';
 * plainTextRegions('Text.\nNotes\n1. Ibid.');
 * //=> [{ start: 0, end: 6, kind: 'text' }, { start: 6, end: 20, kind: 'notes' }]
 */
export function plainTextRegions(text: string, options: { lines?: boolean } = {}): Region[] {
  const paragraphs = plainParagraphs(text, options.lines === true);
  const regions: Region[] = [];
  const push = (start: number, end: number, kind: Region['kind']): void => {
    if (end > start) pushRegion(regions, { start, end, kind });
  };
  const textOf = (k: number): string => text.slice(paragraphs[k]!.start, paragraphs[k]!.end);
  const doc = {
    paragraph: (k: number) => paragraphs[k],
    notes: (k: number) => [textOf(k)],
    references: paragraphReferences(textOf),
  };
  let textStart = 0;
  /** The first paragraph after the last notes: an untitled run's references are looked for from there. */
  let since = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const run = p.stop ? endnoteRun(doc.paragraph, i + 1) : p.number === 1 ? untitledEndnoteRun(doc, i, since) : undefined;
    if (run !== undefined) {
      push(textStart, p.start, 'text');
      textStart = paragraphs[run - 1]!.end;
      push(p.start, textStart, 'notes');
      i = run - 1;
      since = run;
    } else if (p.stop && isNotesHeading(textOf(i))) {
      const after: string[] = [];
      for (let k = i + 1; k < paragraphs.length && after.length < TITLE_LOOKAHEAD && !paragraphs[k]!.stop; k++) after.push(textOf(k));
      if (!titleHeadsNotes(p.start, text.length, after)) continue;
      push(textStart, p.start, 'text');
      push(p.start, text.length, 'notes');
      return regions;
    }
  }
  push(textStart, text.length, 'text');
  return regions.length > 0 ? regions : [{ start: 0, end: text.length, kind: 'text' }];
}

/** Quotation marks that open a paragraph-long quotation, each with the marks that close it. */
const BLOCK_OPENERS: Record<string, string> = { '"': '"', '“': '”', '‘': '’', '«': '»' };
/** What may follow a quotation's closing mark at the end of its paragraph: a stop, and an attribution (--Horsey, — Lyall). */
const AFTER_QUOTATION = /^[\s.,;:!?)\]_*]*(?:(?:--|—|–)[^"“”«»\n]{0,80}(?:\n[^"“”«»\n]{0,80})?)?\s*$/u;

/**
 * The paragraphs of plain text set off as quotations: every line indented (a space or a tab
 * first), opened by a quotation mark and closed by its closing mark at the paragraph's end, perhaps
 * followed by an attribution (`--Horsey.`), with no other mark of that kind between. Indentation
 * alone says too little in plain text (a book's guide, a table, a verse is indented too), and an
 * ordinary paragraph between quotation marks is mostly speech; a paragraph that is both is another
 * author's words set off as a block, as books set them (docs/documents.md; made on realtext12).
 *
 * @param text The plain text.
 * @returns The paragraphs' spans [start, end), in order.
 * @example
 * import { plainTextQuotations } from 'latinitsa/document';
 * plainTextQuotations('He wrote:\n\n     "Full of readie wisdom,\n     cruell."--Horsey.\n\nThen.');
 * //=> [[16, 62]]
 */
export function plainTextQuotations(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // Paragraphs run between blank lines (a line of spaces is blank).
  const blank = /\n[ \t]*\n/gu;
  let start = 0;
  const paragraph = (end: number): void => {
    const body = text.slice(start, end);
    const lines = body.split('\n').filter((l) => l.trim() !== '');
    const lead = body.length - body.trimStart().length;
    if (lines.length === 0 || !lines.every((l) => /^[ \t]+\S/u.test(l))) return;
    const trimmed = body.trim();
    const closer = BLOCK_OPENERS[trimmed[0]!];
    if (closer === undefined) return;
    const close = trimmed.lastIndexOf(closer);
    if (close <= 0 || !AFTER_QUOTATION.test(trimmed.slice(close + 1))) return;
    // No other mark of its kind between (’ is also an apostrophe): one quotation, not speech in parts.
    const inside = trimmed.slice(1, close);
    if (closer !== '’' && (inside.includes(trimmed[0]!) || inside.includes(closer))) return;
    out.push([start + lead, start + lead + trimmed.length]);
  };
  for (const m of text.matchAll(blank)) {
    paragraph(m.index);
    start = m.index + 1;
  }
  paragraph(text.length);
  return out;
}

/** A paragraph of plain text: [start, end) with its line end, and what `endnoteRun` reads of it. */
interface PlainParagraph extends NoteParagraph {
  start: number;
  end: number;
  stop: boolean;
}

/**
 * The paragraphs of plain text: every line, or (`lines` false) lines run together up to a blank
 * line, a notes heading line or a line that starts with a note number.
 */
function plainParagraphs(text: string, lines: boolean): PlainParagraph[] {
  const out: PlainParagraph[] = [];
  let open: PlainParagraph | undefined;
  for (let start = 0; start < text.length; ) {
    const next = text.indexOf('\n', start);
    const end = next === -1 ? text.length : next + 1;
    const lineStart = start;
    const line = text.slice(start, next === -1 ? text.length : next);
    start = end;
    if (line.trim() === '') {
      open = undefined;
      continue;
    }
    // A heading is a short line; a long one need not be looked at.
    const stop = line.length <= 64 && isEndnotesHeading(line);
    const number = stop ? undefined : noteNumber(line);
    if (open !== undefined && !lines && !stop && number === undefined) {
      open.end = end;
      delete open.heading;
      continue;
    }
    // A chapter's heading, as far as plain text tells: a short line with no stop at its end,
    // standing alone (an untitled run of notes may end before it).
    const heading = !stop && number === undefined && headingLike(line);
    open = { start: lineStart, end, stop, ...(number === undefined ? {} : { number }), ...(heading ? { heading } : {}) };
    out.push(open);
    if (stop) open = undefined;
  }
  return out;
}

/** Appends a region, joining it to the last one when they touch and are of one kind, both quoted or neither. */
export function pushRegion(regions: Region[], region: Region): void {
  const last = regions.at(-1);
  if (last !== undefined && last.kind === region.kind && last.quoted === region.quoted && last.end === region.start) last.end = region.end;
  else regions.push(region);
}

/**
 * The regions with the parts that fall in the given spans (sorted, not overlapping) marked
 * `quoted`: a region is cut where a span starts or ends.
 */
export function markQuoted(regions: readonly Region[], spans: ReadonlyArray<readonly [number, number]>): Region[] {
  if (spans.length === 0) return [...regions];
  const out: Region[] = [];
  let k = 0;
  for (const r of regions) {
    let at = r.start;
    while (at < r.end) {
      while (k < spans.length && spans[k]![1] <= at) k++;
      const span = spans[k];
      if (span === undefined || span[0] >= r.end) {
        pushRegion(out, { ...r, start: at, end: r.end });
        break;
      }
      if (span[0] > at) {
        pushRegion(out, { ...r, start: at, end: span[0] });
        at = span[0];
      }
      const end = Math.min(span[1], r.end);
      pushRegion(out, { start: at, end, kind: r.kind, quoted: true });
      at = end;
    }
  }
  return out;
}

/**
 * The region an offset falls in, by binary search (regions are in order and do not overlap), or
 * undefined between regions.
 */
export function regionAt<R extends Region>(regions: readonly R[], offset: number): R | undefined {
  let lo = 0;
  let hi = regions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = regions[mid]!;
    if (offset < r.start) hi = mid - 1;
    else if (offset >= r.end) lo = mid + 1;
    else return r;
  }
  return undefined;
}

/**
 * Checks a document's italic spans given by a program (the library's `emphasis`, the HTTP API's
 * field): an array of [start, end] pairs of whole numbers, 0 <= start <= end <= the text's length,
 * in order and not overlapping, as the readers make them. Throws `ERR_INVALID_OPTION` naming the
 * first wrong span.
 *
 * @param text The document's text.
 * @param emphasis The spans to check.
 * @param what What to call them in the message.
 */
export function assertEmphasis(text: string, emphasis: unknown, what = 'option "emphasis"'): asserts emphasis is ReadonlyArray<readonly [number, number]> {
  const fail = (message: string): never => {
    throw new LatinitsaError('ERR_INVALID_OPTION', `${what}: ${message}`);
  };
  if (!Array.isArray(emphasis)) return fail(`must be an array of [start, end] pairs, found ${emphasis === null ? 'null' : typeof emphasis}`);
  let previousEnd = 0;
  for (const [i, span] of emphasis.entries()) {
    const [start, end] = Array.isArray(span) && span.length === 2 ? (span as unknown[]) : [undefined, undefined];
    if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < previousEnd || (start as number) > (end as number) || (end as number) > text.length) {
      return fail(`span ${i} must be a pair [start, end] of whole numbers with ${previousEnd} <= start <= end <= ${text.length} (in order, not overlapping)`);
    }
    previousEnd = end as number;
  }
}

/**
 * Checks a .docx's notes a program passes in (`checkText`'s `notes`, the HTTP API's `notes` sent
 * back with a text): an array of `{ start, end, kind, number }`, `kind` footnote or endnote, a
 * whole `number` from 1 (or, for a note called with the author's own mark, a non-empty `mark`
 * instead), whole offsets inside the text, in order and not overlapping.
 *
 * @throws LatinitsaError `ERR_INVALID_OPTION`, naming the first wrong note.
 */
export function assertNotes(text: string, notes: unknown, what = 'option "notes"'): asserts notes is readonly DocumentNote[] {
  const fail = (message: string): never => {
    throw new LatinitsaError('ERR_INVALID_OPTION', `${what}: ${message}`);
  };
  if (!Array.isArray(notes)) return fail(`must be an array of { start, end, kind, number or mark } objects, found ${notes === null ? 'null' : typeof notes}`);
  let previousEnd = 0;
  for (const [i, note] of notes.entries()) {
    const n = (typeof note === 'object' && note !== null ? note : {}) as Record<string, unknown>;
    const { start, end, kind, number, mark } = n;
    if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < previousEnd || (start as number) > (end as number) || (end as number) > text.length) {
      return fail(`note ${i} must have whole start and end with ${previousEnd} <= start <= end <= ${text.length} (in order, not overlapping)`);
    }
    // A note called with the author's own mark has the mark and no number (docs/documents.md).
    const numbered = Number.isInteger(number) && (number as number) >= 1 && mark === undefined;
    const marked = typeof mark === 'string' && mark !== '' && number === undefined;
    if ((kind !== 'footnote' && kind !== 'endnote') || !(numbered || marked)) return fail(`note ${i} must have kind "footnote" or "endnote" and a whole number from 1 or else a mark (a non-empty string)`);
    previousEnd = end as number;
  }
}

/**
 * Checks regions a program passes in (`checkText`'s and `checkCitations`' `regions`, a checked
 * document's `regions`): an array of `{ start, end, kind }` with whole offsets inside the text,
 * in order, none overlapping the one before. Every stage after this reads them as such (a word
 * in two regions would be counted twice, a slice at a negative offset read from the end).
 *
 * @param text The text the regions are of.
 * @param regions The regions as given.
 * @param what How the message names them (`option "regions"`).
 * @throws LatinitsaError `ERR_INVALID_OPTION`, naming the first wrong region.
 */
export function assertRegions(text: string, regions: unknown, what = 'option "regions"'): asserts regions is readonly Region[] {
  const fail = (message: string): never => {
    throw new LatinitsaError('ERR_INVALID_OPTION', `${what}: ${message}`);
  };
  if (!Array.isArray(regions)) return fail(`must be an array of { start, end, kind } objects, found ${regions === null ? 'null' : typeof regions}`);
  let previousEnd = 0;
  for (const [i, region] of regions.entries()) {
    const shown = (): string => {
      try {
        return JSON.stringify(region)?.slice(0, 80) ?? String(region);
      } catch {
        return String(region);
      }
    };
    if (typeof region !== 'object' || region === null) return fail(`region ${i} must be a { start, end, kind } object, found ${shown()}`);
    const { start, end, kind, quoted } = region as Record<string, unknown>;
    if (kind !== 'text' && kind !== 'notes') return fail(`region ${i} (${shown()}) must have kind "text" or "notes"`);
    if (quoted !== undefined && quoted !== true) return fail(`region ${i} (${shown()}) must have quoted true or no quoted`);
    if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (start as number) > (end as number) || (end as number) > text.length) {
      return fail(`region ${i} (${shown()}) must have 0 <= start <= end <= ${text.length} (the text's length), whole numbers`);
    }
    if ((start as number) < previousEnd) return fail(`region ${i} (${shown()}) starts before the end of the region before it (${previousEnd}): regions must be in order and not overlap`);
    previousEnd = end as number;
  }
}
