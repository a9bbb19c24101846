/**
 * The logistic regression of the checker's learned score (docs/check.md "A learned score"), fitted
 * by scripts/train-check-model.ts for the shipped weights and by scripts/check-model.ts leaving one
 * corpus out: gradient descent on standardised features, with a light L2 penalty. The score of a
 * fitted model is src/check/score.ts's `scoreVector`, the one the checker applies.
 */
import { scoreVector } from '../src/check/score.ts';

/** A fitted model: each column's mean and standard deviation, and the weights (the last one the intercept). */
export interface Fitted {
  mean: number[];
  sd: number[];
  weights: number[];
  /** The score of a feature vector (src/check/score.ts). */
  score(x: readonly number[]): number;
}

/** Fits the rows `ix` of `X` (feature vectors) to `y` (1 true, 0 false). */
export function fit(ix: readonly number[], X: readonly (readonly number[])[], y: readonly number[]): Fitted {
  const d = X[0]!.length;
  const mean = Array.from({ length: d }, (_, j) => ix.reduce((s, i) => s + X[i]![j]!, 0) / ix.length);
  const sd = Array.from({ length: d }, (_, j) => Math.sqrt(ix.reduce((s, i) => s + (X[i]![j]! - mean[j]!) ** 2, 0) / ix.length) + 1e-9);
  const z = (x: readonly number[]): number[] => [...x.map((v, j) => (v - mean[j]!) / sd[j]!), 1];
  const Z = ix.map((i) => z(X[i]!));
  const w = new Array<number>(d + 1).fill(0);
  for (let it = 0; it < 800; it++) {
    const g = new Array<number>(d + 1).fill(0);
    Z.forEach((zi, k) => {
      const p = 1 / (1 + Math.exp(-zi.reduce((s, v, j) => s + v * w[j]!, 0)));
      const e = p - y[ix[k]!]!;
      for (let j = 0; j <= d; j++) g[j]! += (e * zi[j]!) / Z.length;
    });
    for (let j = 0; j <= d; j++) w[j]! -= 0.5 * (g[j]! + (j < d ? w[j]! / Z.length : 0));
  }
  const model = { mean, sd, weights: w };
  return { ...model, score: (x) => scoreVector(model, x) };
}

/**
 * The columns of a table of features that a model reads: those that are numbers (or empty) in
 * every row, and the others with fewer than 40 values as categories (one-hot; a free text is left
 * out), less the identifiers and those `drop` names.
 */
export function featureLayout(columns: readonly string[], rows: ReadonlyArray<Record<string, string>>, drop: ReadonlySet<string>): { numeric: string[]; categorical: Array<[string, string[]]> } {
  const usable = columns.filter((c) => !drop.has(c));
  const numeric = usable.filter((c) => rows.every((r) => r[c] === '' || Number.isFinite(Number(r[c]))));
  const categorical = usable
    .filter((c) => !numeric.includes(c))
    .map((c) => [c, [...new Set(rows.map((r) => r[c]!))].sort()] as [string, string[]])
    .filter(([, vs]) => vs.length < 40);
  return { numeric, categorical };
}
