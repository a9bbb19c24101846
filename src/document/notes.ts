import headings from './data/notes-headings.json' with { type: 'json' };

const titles = new Set(headings.titles);

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
  const title = heading
    .trim()
    .replace(/^#{1,6}[ \t]+/u, '')
    .replace(/[ \t]*:$/u, '')
    .replace(/[ \t]+/gu, ' ')
    .toLowerCase();
  return titles.has(title);
}
