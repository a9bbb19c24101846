/**
 * The ALL-CAPS decision (docs/rules/case.md): whether the capitals of a word take their ALL-CAPS
 * form (`SHCH`) or their title form (`Shch`). The general path (`romanize.ts`) and both fast loops
 * (`fast/string.ts`, `fast/bytes.ts`) ask these functions; each loop only supplies what it reads
 * from its own encoding: letter counts, distances and whether the line has a lower-case letter.
 */
import type { AllCapsMode } from '../schemes/types.ts';

/**
 * The outcome of a decision: No / Yes; AskLine = yes unless the word's line has a lower-case
 * letter (`allCaps: 'auto'`); Neighbours = a capital one-letter word not followed by a full stop,
 * decided by {@link oneLetterCaps} from the nearest longer word.
 */
export const Caps = { No: 0, Yes: 1, AskLine: 2, Neighbours: 3 } as const;

/** Whether a word of two or more letters is all caps: at least two capitals and no lower-case letter. */
export function isAllCaps(ups: number, lows: number): boolean {
  return ups >= 2 && lows === 0;
}

/** A word written wholly in capitals under `mode`: No, Yes or AskLine. */
function capitalsIn(mode: AllCapsMode, allCaps: boolean): number {
  if (!allCaps || mode === 'acronym') return Caps.No;
  return mode === 'upper' ? Caps.Yes : Caps.AskLine;
}

/**
 * The decision for a word of `letters` letters, `ups` of them upper case and `lows` lower case,
 * followed by a full stop or not. A capital one-letter word before a full stop is an initial
 * (title form); any other capital one-letter word follows its neighbours.
 */
export function capsKind(mode: AllCapsMode, letters: number, ups: number, lows: number, nextIsStop: boolean): number {
  if (letters >= 2) return capitalsIn(mode, isAllCaps(ups, lows));
  if (ups === 0 || nextIsStop) return Caps.No;
  return Caps.Neighbours;
}

/**
 * The one-letter rule: a capital one-letter word (not an initial) follows the nearest word of two
 * or more letters on its line, the following one when both are equally near. `before` and `after`
 * are the distances (in UTF-16 code units) to the previous word's end and the next word's start,
 * -1 when there is none; `beforeAllCaps`, `afterAllCaps` whether those words are all caps.
 * Returns No, Yes or AskLine.
 */
export function oneLetterCaps(mode: AllCapsMode, before: number, beforeAllCaps: boolean, after: number, afterAllCaps: boolean): number {
  const useBefore = before >= 0 && (after < 0 || before < after);
  return capitalsIn(mode, useBefore ? beforeAllCaps : after >= 0 && afterAllCaps);
}
