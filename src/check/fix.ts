import { parseConfidence } from './confidence.ts';
import type { Diagnostic } from './types.ts';

/**
 * Applies the fixes of diagnostics to the text they were found in, changing only the flagged
 * spans. Overlapping fixes after the first are skipped; diagnostics without a fix are ignored.
 *
 * @param text The checked text.
 * @param diagnostics Diagnostics of that text (e.g. from {@link checkText}): the ones a person
 *   accepted, or all of them with `minConfidence` to apply only the sure ones.
 * @param options `minConfidence`: skip fixes of findings less sure than this (a number 0..1 or
 *   `certain`, `likely`, `possible`; default: apply every fix given).
 * @returns The fixed text.
 * @example
 * import { checkText, applyFixes } from 'latinitsa';
 * const text = 'Zinoviev, Zinoviev and Zinovyev.';
 * applyFixes(text, checkText(text));
 * //=> 'Zinoviev, Zinoviev and Zinoviev.'
 */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[], options: { minConfidence?: number | string } = {}): string {
  const min = parseConfidence(options.minConfidence ?? 0);
  const fixes = diagnostics.flatMap((d) => (d.fix === undefined || (d.confidence ?? 1) < min ? [] : [d.fix])).sort((a, b) => a.range[0] - b.range[0]);
  let out = '';
  let at = 0;
  for (const fix of fixes) {
    if (fix.range[0] < at) continue;
    out += text.slice(at, fix.range[0]) + fix.text;
    at = fix.range[1];
  }
  return out + text.slice(at);
}
