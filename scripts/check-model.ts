/**
 * Can a model learned from the judged findings tell a false finding from a true one on a corpus
 * it was not trained on? (issue 14; docs/check-history.md "A model learned from every
 * feature at once".) Reads the features file that `scripts/check-features.ts --features OUT.tsv`
 * writes (one row per judged finding of the tuning corpora, with every feature that script
 * computes) and, leaving one corpus out at a time, fits a logistic regression on the other
 * corpora's rows and scores the left-out corpus's findings with it:
 *
 *   node --import tsx scripts/check-features.ts --dir /tmp/m16 --features /tmp/feat.tsv
 *   node --import tsx scripts/check-model.ts --features /tmp/feat.tsv [--loss 0.01,0.02,0.05,0.1] [--only a,b,…]
 *
 * Printed: per run, the area under the ROC curve (how often a true finding scores above a false
 * one, ties counted half) of the checker's own `confidence` and of the model's score; then, for
 * each share of the training corpora's true findings the threshold may hold back (`--loss`), how
 * many left-out runs the threshold raises and lowers and how many true and false findings it holds
 * back. `--likely-only` holds back only findings of the `likely` band, as the checker does
 * (src/check/score.ts `scoredBand`); without it, any finding. `--only` keeps only the named features (numeric or categorical columns). The features file
 * holds no held-out corpus: check-features.ts refuses them.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { featureVector, scoredBand } from '../src/check/score.ts';
import { featureLayout, fit as fitModel } from './logistic.ts';

const { values } = parseArgs({ options: { features: { type: 'string' }, test: { type: 'string' }, loss: { type: 'string', default: '0.01,0.02,0.05,0.1' }, only: { type: 'string' }, drop: { type: 'string' }, 'likely-only': { type: 'boolean', default: false } } });
if (values.features === undefined) throw new Error('--features FILE (written by scripts/check-features.ts --features) is needed');

/** The judged rows of a features file, each as a column → value record. */
function judgedRows(file: string): { columns: string[]; rows: Record<string, string>[] } {
  const [head, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
  const columns = head!.split('\t');
  const rows = lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [columns[i]!, v]))).filter((r) => r.verdict === 'true' || r.verdict === 'false');
  return { columns, rows };
}
const { columns, rows } = judgedRows(values.features);
// Identifiers of a finding are not features: a model must not learn a corpus's words or files.
// `--drop` leaves out features the checker could not know of a text (the kind of corpus).
const identifiers = new Set(['corpus', 'run', 'file', 'line', 'column', 'word', 'suggestion', 'verdict', 'cyrillic', '', ...(values.drop?.split(',') ?? [])]);
const only = values.only === undefined ? undefined : new Set(values.only.split(','));
const layout = featureLayout(columns, rows, new Set([...identifiers, ...columns.filter((c) => only !== undefined && !only.has(c))]));
const { numeric, categorical } = layout;
/** A finding's feature vector (src/check/score.ts): counts on a log scale, categories one-hot. */
const vector = (r: Record<string, string>): number[] => featureVector(layout, r);
const X = rows.map(vector);
const y = rows.map((r) => (r.verdict === 'true' ? 1 : 0));
const corpusOf = rows.map((r) => r.corpus!);
const runOf = rows.map((r) => `${r.corpus}-${r.run}`);
/** Whether a threshold may hold a finding back: any, or (`--likely-only`) one of the `likely` band. */
const mayHold = (r: Record<string, string>): boolean => !values['likely-only'] || scoredBand(Number(r.confidence));

/** The logistic regression of scripts/logistic.ts, as a scoring function. */
const fit = (ix: number[], X: number[][], y: number[]): ((x: number[]) => number) => fitModel(ix, X, y).score;

/** The area under the ROC curve: the chance a true finding scores above a false one, ties half. */
function auc(score: number[], truth: number[]): number {
  let above = 0, pairs = 0;
  score.forEach((s, i) => {
    if (truth[i] !== 1) return;
    score.forEach((t, k) => {
      if (truth[k] !== 0) return;
      pairs++;
      above += s > t ? 1 : s === t ? 0.5 : 0;
    });
  });
  return pairs === 0 ? Number.NaN : above / pairs;
}

const losses = values.loss.split(',').map(Number);
const tally = losses.map(() => ({ up: 0, down: 0, trueHeld: 0, falseHeld: 0 }));
const aucs: { run: string; confidence: number; model: number }[] = [];
const precision = (t: number, f: number): number => (t + f === 0 ? 1 : t / (t + f));
for (const corpus of [...new Set(corpusOf)].sort()) {
  const train = rows.flatMap((_, i) => (corpusOf[i] === corpus ? [] : [i]));
  const model = fit(train, X, y);
  const trainTrue = train.filter((i) => y[i] === 1).map((i) => model(X[i]!)).sort((a, b) => a - b);
  for (const run of [...new Set(runOf.filter((_, i) => corpusOf[i] === corpus))].sort()) {
    const ix = rows.flatMap((_, i) => (runOf[i] === run ? [i] : []));
    const s = ix.map((i) => model(X[i]!));
    const t = ix.map((i) => y[i]!);
    const confidence = ix.map((i) => Number(rows[i]!.confidence));
    aucs.push({ run, confidence: auc(confidence, t), model: auc(s, t) });
    const T = t.filter((v) => v === 1).length, F = t.length - T;
    losses.forEach((loss, n) => {
      const threshold = trainTrue[Math.floor(loss * trainTrue.length)]!;
      const tHeld = ix.filter((i, k) => s[k]! < threshold && mayHold(rows[i]!) && t[k] === 1).length;
      const fHeld = ix.filter((i, k) => s[k]! < threshold && mayHold(rows[i]!) && t[k] === 0).length;
      const before = precision(T, F), after = precision(T - tHeld, F - fHeld);
      if (after > before + 1e-9) tally[n]!.up++;
      else if (after < before - 1e-9) tally[n]!.down++;
      tally[n]!.trueHeld += tHeld;
      tally[n]!.falseHeld += fHeld;
    });
  }
}
console.log(`${rows.length} judged findings, ${numeric.length} numeric and ${categorical.length} categorical features\n`);
console.log('| run | AUC of confidence | AUC of the model (trained without its corpus) |\n| --- | --- | --- |');
for (const a of aucs) console.log(`| ${a.run} | ${a.confidence.toFixed(3)} | ${a.model.toFixed(3)} |`);
const both = aucs.filter((a) => !Number.isNaN(a.confidence) && !Number.isNaN(a.model));
const mean = (k: 'confidence' | 'model'): string => (both.reduce((s, a) => s + a[k], 0) / both.length).toFixed(3);
console.log(`\nMean over ${both.length} runs with both verdicts: confidence ${mean('confidence')}, model ${mean('model')}; the model higher in ${both.filter((a) => a.model > a.confidence).length}.\n`);
const T = y.filter((v) => v === 1).length, F = y.length - T;
console.log('| training true findings held back | left-out runs raised | lowered | true held back | false held back | pooled precision |\n| --- | --- | --- | --- | --- | --- |');
losses.forEach((loss, n) => {
  const c = tally[n]!;
  console.log(`| ${(loss * 100).toFixed(0)} % | ${c.up} | ${c.down} | ${c.trueHeld} of ${T} | ${c.falseHeld} of ${F} | ${precision(T, F).toFixed(3)} → ${precision(T - c.trueHeld, F - c.falseHeld).toFixed(3)} |`);
});

// `--test FILE`: a model fitted on every row of `--features` (the tuning corpora) scores the rows
// of FILE (held-out corpora, written once with check-features.ts `--measure-held-out`), with the
// thresholds chosen on the training rows alone: what the model would do on text nobody tuned on.
if (values.test !== undefined) {
  const test = judgedRows(values.test).rows;
  const all = rows.map((_, i) => i);
  const model = fit(all, X, y);
  const trainTrue = all.filter((i) => y[i] === 1).map((i) => model(X[i]!)).sort((a, b) => a - b);
  console.log(`\nHeld out (${values.test}): the model fitted on all ${rows.length} training rows.\n`);
  console.log(`| run | findings | AUC of confidence | AUC of the model | ${losses.map((l) => `held back at ${(l * 100).toFixed(0)} %: precision (true / false held)`).join(' | ')} |`);
  console.log(`| --- | --- | --- | --- | ${losses.map(() => '---').join(' | ')} |`);
  for (const run of [...new Set(test.map((r) => `${r.corpus}-${r.run}`))].sort()) {
    const rs = test.filter((r) => `${r.corpus}-${r.run}` === run);
    const s = rs.map((r) => model(vector(r)));
    const t = rs.map((r) => (r.verdict === 'true' ? 1 : 0));
    const T = t.filter((v) => v === 1).length, F = t.length - T;
    const cells = losses.map((loss) => {
      const threshold = trainTrue[Math.floor(loss * trainTrue.length)]!;
      const tHeld = s.filter((v, k) => v < threshold && mayHold(rs[k]!) && t[k] === 1).length;
      const fHeld = s.filter((v, k) => v < threshold && mayHold(rs[k]!) && t[k] === 0).length;
      return `${precision(T - tHeld, F - fHeld).toFixed(3)} (${tHeld} / ${fHeld})`;
    });
    console.log(`| ${run} | ${precision(T, F).toFixed(3)} (${T}/${T + F}) | ${auc(rs.map((r) => Number(r.confidence)), t).toFixed(3)} | ${auc(s, t).toFixed(3)} | ${cells.join(' | ')} |`);
  }
}
