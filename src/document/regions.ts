import { LatinitsaError } from '../errors.ts';
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
    const { start, end, kind } = region as Record<string, unknown>;
    if (kind !== 'text' && kind !== 'notes') return fail(`region ${i} (${shown()}) must have kind "text" or "notes"`);
    if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (start as number) > (end as number) || (end as number) > text.length) {
      return fail(`region ${i} (${shown()}) must have 0 <= start <= end <= ${text.length} (the text's length), whole numbers`);
    }
    if ((start as number) < previousEnd) return fail(`region ${i} (${shown()}) starts before the end of the region before it (${previousEnd}): regions must be in order and not overlap`);
    previousEnd = end as number;
  }
}
