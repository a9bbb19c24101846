// How the check panel reads the text in its box: the "Read as" menu, `check --input-format` of the
// page (docs/web.md). Its formats are the library's own list (`documentFormats`), less .docx: a
// .docx is a file, known by its name and read as a zip, and no text in a box is one. By default
// ("as the file says") the box is read in the format of the file opened into it, by its name as
// `latinitsa check` reads a file; the reader's choice applies to the text and to a text file
// opened with it (a .txt read as Markdown), as the option does; pasted or typed text as plain text, as `check -` reads
// stdin. A new text replacing a file's text is no longer that file: it is read as plain text
// again, and the menu goes back to its default (a Markdown chapter pasted after one opened is
// declared Markdown by choosing it).
import { documentFormats, type DocumentFormat } from '../src/document/index.ts';

/** The formats the text box can be read in (the library's, less .docx). */
export type BoxFormat = Exclude<DocumentFormat, 'docx'>;
export const boxFormats: readonly BoxFormat[] = documentFormats.filter((f): f is BoxFormat => f !== 'docx');

/** The menu's value for "as the file says". */
export const AS_FILE = '';

const names: Record<DocumentFormat, string> = { text: 'plain text', markdown: 'Markdown', docx: '.docx' };

/** The menu's entries; the first says what "as the file says" means now (`file`: the format of the file whose text is in the box). */
export function formatItems(file: DocumentFormat | undefined): { value: string; label: string }[] {
  return [{ value: AS_FILE, label: file === undefined ? 'as the file says (pasted text: plain text)' : `as the file says (${names[file]})` }, ...boxFormats.map((f) => ({ value: f, label: names[f] }))];
}

/** The reader's choice in the menu, if it is one of the formats (else "as the file says"). */
function chosenFormat(chosen: string): BoxFormat | undefined {
  return boxFormats.find((f) => f === chosen);
}

/**
 * The format the box's text is read in: the reader's choice, else that of the text file opened
 * into it (by its name, `documentFormatOf`) while its text is there, else plain text. As
 * `check --input-format FMT FILE`: the choice wins over the name. (A .docx is read as a .docx
 * whatever the choice: its text in the box comes with its regions.)
 */
export function boxFormat(chosen: string, file: BoxFormat | undefined): BoxFormat {
  return chosenFormat(chosen) ?? file ?? 'text';
}

/**
 * Whether an edit of the box makes its text a new text (no longer the file opened into it): the
 * whole old text was selected when the reader pasted or typed, or the edit replaced all of it
 * (the box emptied, or a text with nothing in common at either end).
 */
export function isNewText(edit: { start: number; end: number } | undefined, before: string, wholeSelected: boolean): boolean {
  if (edit === undefined) return false;
  return wholeSelected || (edit.start === 0 && edit.end === before.length);
}
