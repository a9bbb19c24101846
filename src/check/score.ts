// The learned score of a finding (docs/check.md "A learned score"): a logistic regression over the
// features of features.ts, its weights fitted on the judged findings of the tuning corpora by
// scripts/train-check-model.ts (src/check/data/score-model.json). A finding it scores below the
// threshold is held at `possible`: findings like it were more often false alarms in judged text.
import model from './data/score-model.json' with { type: 'json' };
import type { Reader } from '../reverse/readings.ts';
import { confidenceLabel, confidenceLevels } from './confidence.ts';
import { conventionalForms } from './conventional.ts';
import { workFeatures, type FindingFeatures } from './features.ts';
import { readerFor } from './run.ts';
import type { CheckDiagnostic, CheckDocument, CheckOptions } from './types.ts';

/** Which features a model reads, in order: numeric ones, then each category's values (one-hot). */
export interface FeatureLayout {
  numeric: readonly string[];
  categorical: ReadonlyArray<readonly [string, readonly string[]]>;
}

/** A fitted model: its layout, the standardisation of each column, the weights (the last one the intercept) and the threshold. */
export interface ScoreModel extends FeatureLayout {
  mean: readonly number[];
  sd: readonly number[];
  weights: readonly number[];
  threshold: number;
  /**
   * The fewest words of a document the training findings stood in: the model knows nothing of
   * shorter texts (a sentence, a paragraph pasted into the page), whose findings it leaves alone.
   */
  minDocWords: number;
}

/**
 * A finding's feature vector: counts on a log scale (a "never" sentinel of 1e8 or more, as `fixNear`
 * and `firstAt` use, as -1), categories one-hot. A feature missing or empty counts as 0.
 */
export function featureVector(layout: FeatureLayout, f: Readonly<Record<string, number | string | undefined>>): number[] {
  const x = layout.numeric.map((c) => {
    let v = Number(f[c] || 0);
    if (v >= 1e8) v = -1;
    return Math.sign(v) * Math.log1p(Math.abs(v));
  });
  for (const [c, vs] of layout.categorical) for (const v of vs) x.push(f[c] === v ? 1 : 0);
  return x;
}

/** The model's score of a feature vector: the chance, as fitted, that the finding is true. */
export function scoreVector(m: Pick<ScoreModel, 'mean' | 'sd' | 'weights'>, x: readonly number[]): number {
  let s = m.weights[x.length]!;
  for (let j = 0; j < x.length; j++) s += ((x[j]! - m.mean[j]!) / m.sd[j]!) * m.weights[j]!;
  return 1 / (1 + Math.exp(-s));
}

/** The shipped model. */
export const scoreModel: ScoreModel = model as unknown as ScoreModel;

/** The confidence a held finding takes: just under `likely`. */
export const HELD_CONFIDENCE = Math.round((confidenceLevels.likely - 0.01) * 100) / 100;

/**
 * The features' reader: the base schemes with the run's lexicon, as the training run read. It is
 * the run's own reader (its cache already holds the work's words) when no scheme of one's own or
 * with options is declared.
 */
const readerOf = (options: CheckOptions): Reader => readerFor(options, []);

/** The features of a work's findings, as the checker computes them for its score (and the training script writes them). */
export function findingFeatures(documents: readonly CheckDocument[], options: CheckOptions, fixes?: ReadonlySet<string>): (finding: { dg: CheckDiagnostic; doc: number }) => FindingFeatures {
  return workFeatures({ documents, reader: readerOf(options), conventional: conventionalForms(), scheme: options.scheme, ...(fixes === undefined ? {} : { fixes }) });
}

/**
 * Whether the score may hold a finding of this confidence: one of the `likely` band only. Left one
 * corpus out, holding certain findings too lowered the certain band's precision in 6 runs and
 * raised it in 2 (and held 141 true findings for 82 false); the `likely` band alone raised
 * precision in 20 runs and lowered it in 1, holding 106 true for 80 false (docs/check.md "A
 * learned score").
 */
export const scoredBand = (confidence: number): boolean => confidence >= confidenceLevels.likely && confidence < confidenceLevels.certain;

/**
 * Holds at `possible` each finding of the `likely` band (at least `minConfidence`: those a run
 * shows) that the learned score puts below its threshold, saying why, in a document at least as
 * long as those it was fitted on; the others are returned as they are.
 */
export function applyScore(documents: readonly CheckDocument[], options: CheckOptions, found: ReadonlyArray<{ dg: CheckDiagnostic; doc: number }>, minConfidence: number): Array<{ dg: CheckDiagnostic; doc: number }> {
  const scored = (f: { dg: CheckDiagnostic }): boolean => f.dg.confidence >= minConfidence && scoredBand(f.dg.confidence);
  if (!found.some(scored)) return [...found];
  const features = findingFeatures(documents, options, new Set(found.filter(scored).map((f) => (f.dg.expected[0] ?? '').toLowerCase())));
  return found.map((f) => {
    if (!scored(f)) return f;
    const x = features(f);
    if (Number(x.docWords) < scoreModel.minDocWords || scoreVector(scoreModel, featureVector(scoreModel, x)) >= scoreModel.threshold) return f;
    const dg: CheckDiagnostic = {
      ...f.dg,
      confidence: HELD_CONFIDENCE,
      reason: `${f.dg.reason} Findings like this one (by what its group counts, what the lexicon knows of it, where it stands and how Russian the text around it is) were more often false alarms in judged text: shown only as possible.`,
      data: { ...f.dg.data, confidence: confidenceLabel(HELD_CONFIDENCE) },
    };
    return { dg, doc: f.doc };
  });
}
