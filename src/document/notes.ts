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

/** A paragraph (or block) after an endnotes heading, as {@link endnoteRun} reads it. */
export interface NoteParagraph {
  /** The note number it starts with, if any; an ordered list starts with its first item's. */
  number?: number;
  /** How many numbered notes it holds, numbered on from `number` (an ordered list's items): 1 when absent. */
  count?: number;
  /** A heading, or a line that is a notes heading: the run ends before it. */
  stop?: boolean;
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
  return first.number === 1 || notes >= 2 ? end : undefined;
}
