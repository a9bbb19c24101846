import citationMarks from './data/citation-marks.json' with { type: 'json' };
import headings from './data/notes-headings.json' with { type: 'json' };

const titles = new Set(headings.titles);
const endnoteTitles = new Set(headings.endnoteTitles);

/** A heading's title as the lists hold it: trimmed, without `#` marks or a final colon, one space between words, lower case. */
function titleOf(heading: string): string {
  return heading
    .trim()
    .replace(/^#{1,6}[ \t]+/u, '')
    .replace(/[ \t]*:$/u, '')
    .replace(/[ \t]+/gu, ' ')
    .toLowerCase();
}

/**
 * Whether a heading (its text, or a whole line of plain text) starts the notes and bibliography:
 * one of the titles of `data/notes-headings.json` ("Notes", "Bibliography", "Works cited"…), in
 * any case, with an optional colon and, as plain-text manuscripts write it, optional `#` marks.
 *
 * @example
 * import { isNotesHeading } from 'latinitsa/document';
 * [isNotesHeading('## Works Cited:'), isNotesHeading('Notes on the text')];
 * //=> [true, false]
 */
export function isNotesHeading(heading: string): boolean {
  return titles.has(titleOf(heading));
}

/**
 * Whether a heading may start endnotes written as numbered paragraphs: a notes heading (see
 * {@link isNotesHeading}) or one of the `endnoteTitles` of `data/notes-headings.json` ("Note",
 * "Citations"), which head notes only when numbered notes follow them (see {@link endnoteRun}).
 */
export function isEndnotesHeading(heading: string): boolean {
  const title = titleOf(heading);
  return titles.has(title) || endnoteTitles.has(title);
}

/** Superscript digits, for notes numbered ¹, ²… */
const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/**
 * A note's number at the start of a paragraph: `1.`, `1)`, `1` before a space, `\1.` (as some
 * converters escape it in Markdown), `[1]`, `(1)`, `<sup>1</sup>`, `¹`. At most three digits, so
 * that a year opening a paragraph (1917 saw…) is not one.
 */
const NOTE_NUMBER = /^\s*(?:\\?(\d{1,3})(?:[.)]|(?=\s))(?=\s|$)|\[(\d{1,3})\]|\((\d{1,3})\)|<sup>\s*(\d{1,3})\s*<\/sup>|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))/u;

/**
 * The note number a paragraph starts with (see {@link NOTE_NUMBER}), or undefined.
 *
 * @param text The paragraph's text (its start is enough).
 */
export function noteNumber(text: string): number | undefined {
  const m = NOTE_NUMBER.exec(text);
  if (m === null) return undefined;
  const digits = m[1] ?? m[2] ?? m[3] ?? m[4];
  if (digits !== undefined) return Number(digits);
  return Number([...m[5]!].map((c) => SUPERSCRIPTS.indexOf(c)).join(''));
}

/**
 * Whether a paragraph may be a chapter's heading, as far as its text tells (plain text, a
 * heading that lost its marks in a conversion): at most 64 characters, not ending in a stop or a
 * comma (with a closing quotation mark or bracket after it). An untitled run of notes may end
 * before one ({@link untitledEndnoteRun}).
 */
export function headingLike(text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== '' && trimmed.length <= 64 && !/[.,;:!?]["”’')\]*_]*$/u.test(trimmed);
}

/** A paragraph (or block) after an endnotes heading, as {@link endnoteRun} reads it. */
export interface NoteParagraph {
  /** The note number it starts with, if any; an ordered list starts with its first item's. */
  number?: number;
  /** How many numbered notes it holds, numbered on from `number` (an ordered list's items): 1 when absent. */
  count?: number;
  /** A heading, or a line that is a notes heading: the run ends before it. */
  stop?: boolean;
  /** A line of plain text that may be a chapter's heading (see {@link headingLike}): an untitled run may end before it. */
  heading?: boolean;
  /** A short paragraph of Markdown (see {@link headingLike}), not a heading: an untitled run may end before a few of them that end the document. */
  tail?: boolean;
}

/**
 * How many paragraphs without a number may stand between two notes and be read as the first
 * one's continuation (a note may run over several paragraphs: a quotation, a second source).
 */
const MAX_CONTINUATION = 3;

/**
 * The endnotes that follow a heading: from paragraph `from` on, a run of paragraphs numbered one
 * after another (1, 2, 3…), with at most {@link MAX_CONTINUATION} unnumbered paragraphs between
 * two notes read as the first one's continuation. It ends before a heading, at a paragraph out of
 * the sequence, or at the last note (what follows it without a number is running text again).
 * It is endnotes when it starts at note 1 or holds at least two notes, and the first paragraph
 * after the heading is a note. docs/documents.md, "Endnotes".
 *
 * @param paragraphs The document's paragraphs.
 * @param from The paragraph after the heading.
 * @returns The index after the run's last note, or undefined when no endnotes follow.
 */
export function endnoteRun(paragraphs: (i: number) => NoteParagraph | undefined, from: number): number | undefined {
  const run = numberedRun(paragraphs, from);
  return run !== undefined && (run.first === 1 || run.notes >= 2) ? run.end : undefined;
}

/** The numbered run from paragraph `from` (see {@link endnoteRun}): the index after its last note, its first number and how many notes it holds. */
function numberedRun(paragraphs: (i: number) => NoteParagraph | undefined, from: number): { end: number; first: number; notes: number } | undefined {
  const first = paragraphs(from);
  if (first?.number === undefined || first.stop === true) return undefined;
  let next = first.number + (first.count ?? 1);
  let notes = first.count ?? 1;
  let end = from + 1;
  for (;;) {
    // The next note, within the continuation allowed.
    let k = end;
    let p = paragraphs(k);
    while (p !== undefined && p.stop !== true && p.number !== next && k - end < MAX_CONTINUATION) p = paragraphs(++k);
    if (p === undefined || p.stop === true || p.number !== next) break;
    next += p.count ?? 1;
    notes += p.count ?? 1;
    end = k + 1;
  }
  return { end, first: first.number, notes };
}

const marks = citationMarks as { words: string[]; beforeNumber: string[] };
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
/** A word of `data/citation-marks.json`: not inside a longer word. */
const CITATION_WORD = new RegExp(`(?<![\\p{L}\\p{N}])(?:${marks.words.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
const BEFORE_NUMBER = new RegExp(`(?<![\\p{L}\\p{N}])(?:${marks.beforeNumber.map(escape).join('|')})\\s?\\d`, 'iu');
/**
 * The shapes of a citation that are not words: a year in brackets or after a comma ("(1896)",
 * "Press, 1986"), a page range after a comma (", 260-61"), and, at the start, a name written
 * surname first (Zinov’ev, G.; Smith, John), as a bibliography lists it.
 */
const CITATION_SHAPE = /[(,]\s?(?:1[5-9]\d\d|20\d\d)(?!\d)|,\s\d{1,4}[-–]\d{1,4}(?!\d)|^\s*(?:[-*+]\s+)?\p{Lu}[\p{L}’'-]+,\s+\p{Lu}/u;

/**
 * Whether a paragraph reads as a citation (a note that cites, a bibliography entry): it holds a
 * word of `data/citation-marks.json` (Ibid., op. cit.), an abbreviation of it before a number (p.
 * 12, vol. 2, f. 906, op. 1, d. 26), a year in brackets or after a comma, a page range after a
 * comma, or it starts with a name written surname first. docs/documents.md.
 *
 * @example
 * import { readsAsCitation } from 'latinitsa/document';
 * [readsAsCitation('A. V. Balov, “O paskhe,” Zhivaia Starina, 4:2 (1896), 260-61.'), readsAsCitation('Baptism: fifty kopecks, plus bread.')];
 * //=> [true, false]
 */
export function readsAsCitation(paragraph: string): boolean {
  const text = paragraph.length > 2000 ? paragraph.slice(0, 2000) : paragraph;
  return CITATION_SHAPE.test(text) || CITATION_WORD.test(text) || BEFORE_NUMBER.test(text);
}

/** Whether at least half of the paragraphs (one at least) read as citations (see {@link readsAsCitation}). */
export function readAsNotes(paragraphs: readonly string[]): boolean {
  let yes = 0;
  for (const p of paragraphs) if (readsAsCitation(p)) yes++;
  return paragraphs.length > 0 && 2 * yes >= paragraphs.length;
}

/**
 * A note reference as a conversion flattens it into the text: a number of one to three digits
 * (not starting with 0) run on to the end of a word or of its punctuation (infection.2,
 * household.4, “…ago,”5), not after a digit and its point (3.5, 4:2) and not before a letter or
 * digit (19th), not in a footnote's label (`[^n1]`); a number in superscript digits; `<sup>7</sup>`; `[7]` run on to a word.
 */
const RUN_ON = String.raw`(?<=[\p{L}.,;:!?”’"')\]*_])(?<!\d[.,:])(?<!\[\^[^\]\s]*)([1-9]\d{0,2})(?![\p{L}\p{N}])`;
// Every reference starts with a digit, a superscript digit, `<` or `[`: the lookahead says so
// first, so that the other places of a paragraph are passed over without trying each
// alternative's lookbehinds there (on realtext's paragraphs the search then takes a sixth of the time).
const REFERENCE = new RegExp(String.raw`(?=[1-9¹²³⁴⁵⁶⁷⁸⁹<\[])(?:${RUN_ON}|([¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]{0,2})|<sup>\s*([1-9]\d{0,2})\s*<\/sup>|(?<=[\p{L}.,;:!?”’"')])\[([1-9]\d{0,2})\])`, 'gu');
const RUN_ON_AT = new RegExp(RUN_ON, 'uy');

/**
 * The length of a note call run on to a word (see {@link REFERENCE}: Zinovyev3, rubles1) that
 * starts at `at` in the text, or 0: the checker reads the word without it (docs/check.md).
 */
export function runOnCallAt(text: string, at: number): number {
  RUN_ON_AT.lastIndex = at;
  return RUN_ON_AT.exec(text)?.[0].length ?? 0;
}

/** The note references of a text (see {@link REFERENCE}), in order. */
export function noteReferences(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(REFERENCE)) {
    const digits = m[1] ?? m[3] ?? m[4];
    out.push(digits !== undefined ? Number(digits) : Number([...m[2]!].map((c) => SUPERSCRIPTS.indexOf(c)).join('')));
  }
  return out;
}

/**
 * The note references of paragraph `k` (see {@link noteReferences}), each paragraph read once
 * however many untitled runs look back over it: the `references` of {@link UntitledParagraphs}.
 *
 * @param textOf The text of paragraph `k` whose references count ('' for one that holds none).
 */
export function paragraphReferences(textOf: (k: number) => string): (k: number) => readonly number[] {
  const found = new Map<number, readonly number[]>();
  return (k) => {
    let references = found.get(k);
    if (references === undefined) found.set(k, (references = noteReferences(textOf(k))));
    return references;
  };
}

/** How many of the notes 1…`notes` the references call in order: the longest rising sequence of them. */
function referencedInOrder(references: readonly number[], notes: number): number {
  // Patience sorting: tails[k] is the smallest last number of a rising sequence of k + 1.
  const tails: number[] = [];
  for (const r of references) {
    if (r > notes) continue;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = r;
  }
  return tails.length;
}

/** How many paragraphs before an untitled run its note references are looked for in (a bound, so that a document of many numbered lists is read in linear time). */
const REFERENCE_REACH = 2000;

/** A document's paragraphs as {@link untitledEndnoteRun} reads them. */
export interface UntitledParagraphs {
  /** The paragraph (or block) `i`, or undefined past the end. */
  paragraph(i: number): NoteParagraph | undefined;
  /** The texts of the notes paragraph `i` holds (one, or a numbered list's items). */
  notes(i: number): readonly string[];
  /** The note references in paragraph `i` (see {@link noteReferences}). */
  references(i: number): readonly number[];
}

/**
 * Endnotes no title heads (docs/documents.md, "Endnotes without a title"): from paragraph `from`,
 * a run numbered from 1 (see {@link endnoteRun}) of at least two notes that ends the document or
 * a chapter (right after its last note: the end, a heading or a title, or up to
 * {@link MAX_CONTINUATION} short paragraphs that end the document), and that reads as notes: at least half of its notes read as
 * citations ({@link readsAsCitation}), or the text before it (from `since`) calls at least half
 * of them, in order, with references run on to its words (infection.2).
 *
 * @returns The index after the run's last note, or undefined.
 */
export function untitledEndnoteRun(doc: UntitledParagraphs, from: number, since: number): number | undefined {
  const first = doc.paragraph(from);
  if (first?.number !== 1) return undefined;
  const run = numberedRun(doc.paragraph, from);
  if (run === undefined || run.notes < 2) return undefined;
  // Right before the end, a heading or a title: a paragraph after the last note is running text
  // (a numbered list of cases in a chapter is followed by more of the chapter).
  const after = doc.paragraph(run.end);
  if (after !== undefined && after.stop !== true && after.heading !== true) {
    // Or only short lines after it to the end (a book's half-title in italics after its
    // introduction's notes).
    for (let k = run.end; k - run.end < MAX_CONTINUATION; k++) {
      const p = doc.paragraph(k);
      if (p === undefined) break;
      if (p.tail !== true) return undefined;
    }
    if (doc.paragraph(run.end + MAX_CONTINUATION) !== undefined) return undefined;
  }
  const notes: string[] = [];
  for (let k = from; k < run.end; k++) if (doc.paragraph(k)?.number !== undefined) notes.push(...doc.notes(k));
  if (readAsNotes(notes)) return run.end;
  const references: number[] = [];
  for (let k = Math.max(since, from - REFERENCE_REACH); k < from; k++) references.push(...doc.references(k));
  return 2 * referencedInOrder(references, run.notes) >= run.notes ? run.end : undefined;
}

/** How many paragraphs after a notes title are read to tell whether notes follow it (see {@link titleHeadsNotes}). */
export const TITLE_LOOKAHEAD = 5;

/**
 * Whether a notes title that no numbered notes follow starts notes (to the end, or to the end of
 * its section): when it stands in the second half of the document (the end part, where notes and
 * bibliography are), or when at least half of the paragraphs after it (up to
 * {@link TITLE_LOOKAHEAD}, before the next heading) read as citations. A "Sources" line in a
 * book's front matter followed by prose is not where its notes start. docs/documents.md.
 *
 * @param at Where the title starts, and `length` the document's length.
 * @param after The texts of the paragraphs after it (at most {@link TITLE_LOOKAHEAD} are read).
 */
export function titleHeadsNotes(at: number, length: number, after: readonly string[]): boolean {
  return 2 * at >= length || readAsNotes(after.slice(0, TITLE_LOOKAHEAD));
}
