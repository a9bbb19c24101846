import type { NotePlace, Place, Point } from './types.ts';

/** Offsets to line/column for one text (see {@link lineIndex}). */
export interface LineIndex {
  /** The point at an offset (0 ≤ offset ≤ text length). */
  pointAt(offset: number): Point;
  /** The place of the offsets [start, end). */
  placeOf(start: number, end: number): Place;
}

/**
 * The one line/column computation of latinitsa: lines end at `\n` (a `\r` before it belongs to
 * the line), lines and columns count from 1, columns in UTF-16 code units (what editors, LSP and
 * SARIF's default use). Line starts are found once; each look-up is a binary search.
 *
 * @param text The text the offsets point into.
 * @returns A {@link LineIndex}.
 * @example
 * import { lineIndex } from 'latinitsa/diagnostics';
 * lineIndex('Kirov\nZinoviev').placeOf(6, 14);
 * //=> { start: { line: 2, column: 1, offset: 6 }, end: { line: 2, column: 9, offset: 14 } }
 */
export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return indexOfStarts(starts);
}

/**
 * Offsets to line/column as an editor counts lines: a line ends at `\n`, `\r\n` or a lone `\r`
 * (each one break). For the place of an error in a file that a person opens in an editor to fix
 * it (a JSON file's syntax error, src/diagnostics/json.ts): `\r\r{"id":1 2}` is at line 3,
 * column 9, as an editor shows it, where counting `\n` alone gives line 1, column 11. Findings in a text
 * keep {@link lineIndex}'s lines (docs/diagnostics.md). Internal: not exported by the package.
 */
export function editorLineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    if (c === 0x0a || c === 0x0d) starts.push(i + 1);
  }
  return indexOfStarts(starts);
}

/** A {@link LineIndex} over the offsets where lines start, in order. */
function indexOfStarts(starts: readonly number[]): LineIndex {
  const pointAt = (offset: number): Point => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1, offset };
  };
  return { pointAt, placeOf: (start, end) => ({ start: pointAt(start), end: pointAt(end) }) };
}

/**
 * A place in a .docx's footnote or endnote as a person finds it in Word: `footnote 3, paragraph 1,
 * column 5`, or `footnote *, …` for a note called with the author's own mark. The one wording of such a place, in the reports' heads and messages and in the
 * checker's evidence (docs/diagnostics.md). Internal: not exported by the package.
 */
export function notePlaceWords(inNote: NotePlace, column: number): string {
  return `${inNote.kind} ${inNote.mark ?? inNote.number}, paragraph ${inNote.paragraph}, column ${column}`;
}
