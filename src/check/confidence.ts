import { LatinitsaError } from '../errors.ts';

/** The named confidence levels of findings, and their lower bounds. */
export const confidenceLevels = { certain: 0.9, likely: 0.6, possible: 0 } as const;

/** A confidence level's name. */
export type ConfidenceLabel = keyof typeof confidenceLevels;

/**
 * What a checker run nobody watches shows (`latinitsa check`, the textlint rule): the findings
 * worth a person's time, `likely` and `certain` ones. Its fixes are applied unattended (`--fix`,
 * textlint's `--fix`, the page's "Apply certain fixes") only from `certain` up.
 */
export const DEFAULT_MIN_CONFIDENCE: ConfidenceLabel = 'likely';

/**
 * The label of a confidence: `certain` from 0.9, `likely` from 0.6, else `possible`.
 *
 * @example
 * import { confidenceLabel } from 'latinitsa/check';
 * [confidenceLabel(0.95), confidenceLabel(0.7), confidenceLabel(0.3)];
 * //=> ['certain', 'likely', 'possible']
 */
export function confidenceLabel(confidence: number): ConfidenceLabel {
  return confidence >= confidenceLevels.certain ? 'certain' : confidence >= confidenceLevels.likely ? 'likely' : 'possible';
}

/**
 * A minimum confidence given as a number (0..1) or a label (`certain`, `likely`, `possible`).
 * Anything else is an `ERR_INVALID_OPTION`.
 *
 * @example
 * import { parseConfidence } from 'latinitsa/check';
 * [parseConfidence('likely'), parseConfidence('0.75'), parseConfidence(1)];
 * //=> [0.6, 0.75, 1]
 */
export function parseConfidence(value: number | string): number {
  if (typeof value === 'string' && value in confidenceLevels) return confidenceLevels[value as ConfidenceLabel];
  // A program may pass anything; a number is shown as written (JSON would print Infinity as null).
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n) || n < 0 || n > 1) {
    throw new LatinitsaError('ERR_INVALID_OPTION', `minimum confidence must be a number from 0 to 1 or one of ${Object.keys(confidenceLevels).join(', ')}; found ${typeof value === 'number' ? String(value) : JSON.stringify(value) ?? typeof value}`);
  }
  return n;
}
