import { LatinitsaError } from '../errors.ts';
import type { Diagnostic, Fix } from './types.ts';

/**
 * The fixes of some diagnostics that can be applied together, in text order: a fix that overlaps
 * one before it is left out (it is for another run, on the fixed text), and the same fix carried
 * by several diagnostics (one rewritten reference that resolves three findings) counts once.
 *
 * @param diagnostics Diagnostics of one text.
 * @returns The fixes to apply.
 * @example
 * import { selectFixes } from 'latinitsa/diagnostics';
 * selectFixes([{ fix: { range: [4, 8], text: 'b' } }, { fix: { range: [0, 5], text: 'a' } }, { fix: { range: [0, 5], text: 'a' } }]);
 * //=> [{ range: [0, 5], text: 'a' }]
 */
export function selectFixes(diagnostics: readonly Pick<Diagnostic, 'fix'>[]): Fix[] {
  const fixes = diagnostics.flatMap((d) => (d.fix === undefined ? [] : [d.fix])).sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const chosen: Fix[] = [];
  // The same fix is the same range and text wherever it stands in the list: insertions at one
  // point with other insertions between them are not adjacent after the sort. Choosing the chosen
  // fixes again then chooses them all (the .docx writer applies a subset and the text is
  // recomputed from it: a duplicate kept once here and twice there made the two differ).
  const seen = new Set<string>();
  for (const fix of fixes) {
    const key = JSON.stringify([fix.range[0], fix.range[1], fix.text]);
    if (seen.has(key)) continue;
    const last = chosen.at(-1);
    if (last !== undefined && fix.range[0] < last.range[1]) continue;
    seen.add(key);
    chosen.push(fix);
  }
  return chosen;
}

/**
 * Applies the fixes of diagnostics to the text they were found in, all at once, changing only the
 * fixed spans (see {@link selectFixes} for overlaps). Diagnostics without a fix are ignored. A fix
 * outside the text is misuse (`ERR_INVALID_INPUT`): the diagnostics are of another text.
 *
 * @param text The checked text.
 * @param diagnostics Its diagnostics (of one file).
 * @returns The fixed text.
 * @example
 * import { checkText, applyFixes } from 'latinitsa';
 * const text = 'Zinoviev, Zinoviev and Zinovyev.';
 * applyFixes(text, checkText(text));
 * //=> 'Zinoviev, Zinoviev and Zinoviev.'
 */
export function applyFixes(text: string, diagnostics: readonly Pick<Diagnostic, 'fix'>[]): string {
  if (typeof text !== 'string') throw new LatinitsaError('ERR_INVALID_INPUT', `applyFixes expects the checked text as a string, found ${text === null ? 'null' : typeof text}`);
  if (!Array.isArray(diagnostics)) throw new LatinitsaError('ERR_INVALID_INPUT', `applyFixes expects the text's diagnostics as an array, found ${diagnostics === null ? 'null' : typeof diagnostics}`);
  let out = '';
  let at = 0;
  for (const fix of selectFixes(diagnostics)) {
    const [start, end] = fix.range;
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length)) {
      throw new LatinitsaError('ERR_INVALID_INPUT', `a fix of [${start}, ${end}) is outside the text (${text.length} characters): the diagnostics are of another text`);
    }
    out += text.slice(at, start) + fix.text;
    at = end;
  }
  return out + text.slice(at);
}
