import { isNotesHeading } from './notes.ts';

/** A part of a document and what it is: running text, or notes and bibliography. */
export interface Region {
  /** 0-based offsets [start, end) in the document text. */
  start: number;
  end: number;
  kind: 'text' | 'notes';
}

/**
 * The regions of a plain-text manuscript: running text, then notes from the first line that is a
 * notes or bibliography heading (see {@link isNotesHeading}) to the end.
 *
 * @param text The manuscript.
 * @returns One or two regions.
 * @example
 * import { plainTextRegions } from 'latinitsa/document';
 * plainTextRegions('Text.\nNotes\n1. Ibid.');
 * //=> [{ start: 0, end: 6, kind: 'text' }, { start: 6, end: 20, kind: 'notes' }]
 */
export function plainTextRegions(text: string): Region[] {
  for (let start = 0; start < text.length; ) {
    const next = text.indexOf('\n', start);
    const end = next === -1 ? text.length : next;
    // A heading is a short line; a long one need not be looked at.
    if (end - start <= 64 && isNotesHeading(text.slice(start, end))) {
      return start === 0
        ? [{ start: 0, end: text.length, kind: 'notes' }]
        : [
            { start: 0, end: start, kind: 'text' },
            { start, end: text.length, kind: 'notes' },
          ];
    }
    start = end + 1;
  }
  return [{ start: 0, end: text.length, kind: 'text' }];
}

/** Appends a region, joining it to the last one when they touch and are of one kind. */
export function pushRegion(regions: Region[], region: Region): void {
  const last = regions.at(-1);
  if (last !== undefined && last.kind === region.kind && last.end === region.start) last.end = region.end;
  else regions.push(region);
}
