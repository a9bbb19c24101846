/**
 * The checker's recall on the variants real books contain (docs/check.md "Recall on real variants
 * in old books"): the pairs of spellings scripts/variant-pairs.ts proposed in a corpus and a judge
 * found to be one Russian word spelt two ways (DIR/variant-pairs.tsv, verdict `true`), and how many
 * of them the checker reports.
 *
 *   node --import tsx scripts/variant-recall.ts --corpus DIR [--corpus DIR2 …] [--scheme ID] [--min-confidence likely] [--out FILE]
 *
 * Each corpus is checked as `latinitsa check` checks it: all its texts as one work, with the shipped
 * lexicon, findings from `--min-confidence` up (default `likely`), with `--scheme` when given
 * (`checkCorpusWorks` in test/support/realtext.ts, the helper scripts/held-out.ts uses). A true pair
 * is **found** when some finding that is not a scheme mismatch has as its `actual` one spelling of
 * the pair and names the other in its `expected` or in its `reason` or `note`; spellings are
 * compared case-insensitively, ignoring ’ ' ʼ ʹ, and a spelling with an English possessive (X’s)
 * also matches X. Counted apart: found **with scheme mismatches**, also counting a
 * `check/scheme-mismatch` finding whose `actual` is one spelling and whose `expected` names the
 * other. Printed per corpus and pooled: found/total, recall, Wilson 95 % interval; then the missed
 * pairs, with an empty column for a guess at the reason. `--out FILE` writes one row per true pair.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { CheckDiagnostic } from '../src/index.ts';
import type { CheckOptions } from '../src/check/types.ts';
import { parseConfidence } from '../src/check/confidence.ts';
import { loadLexicon } from '../src/io/lexicon.ts';
import { checkCorpusWorks, corpusSplit } from '../test/support/realtext.ts';

/** A judged pair of a corpus's variant-pairs.tsv. */
export interface VariantPair {
  id: string;
  a: string;
  b: string;
  countA: number;
  countB: number;
  sameFile: boolean;
  verdict: 'true' | 'false';
  cyrillic: string;
  note: string;
}

/** The judged pairs of a variant-pairs.tsv (header line; lines starting with `#` are comments). */
export function readVariantPairs(file: string): VariantPair[] {
  const [header, ...lines] = readFileSync(file, 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  const cols = header!.split('\t');
  const at = (name: string): number => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`${file}: no column ${name}`);
    return i;
  };
  return lines.map((line) => {
    const c = line.split('\t');
    const verdict = c[at('verdict')];
    if (verdict !== 'true' && verdict !== 'false') throw new Error(`${file}: verdict ${verdict} in ${line}`);
    return { id: c[at('id')]!, a: c[at('a')]!, b: c[at('b')]!, countA: Number(c[at('count_a')]), countB: Number(c[at('count_b')]), sameFile: c[at('same_file')] === 'yes', verdict, cyrillic: c[at('cyrillic')] ?? '', note: c[at('note')] ?? '' };
  });
}

/** A spelling as compared: lower case, NFC, apostrophes removed. */
export function normalSpelling(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/[’'ʼʹ]/gu, '');
}

/** The forms a spelling matches: itself and, with an English possessive (X’s, X'), X. */
export function spellingForms(s: string): string[] {
  const stem = s.replace(/[’'ʼ][sS]?$/u, '');
  return [...new Set([normalSpelling(s), normalSpelling(stem)])];
}

/** Whether a text (a reason or note) names a spelling as a word, compared as {@link normalSpelling} does. */
export function namesSpelling(text: string, spelling: string): boolean {
  const t = normalSpelling(text);
  return spellingForms(spelling).some((f) => new RegExp(`(?<![\\p{L}\\p{M}])${escapeRegExp(f)}(?![\\p{L}\\p{M}])`, 'u').test(t));
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether a finding reports one spelling of a pair and names the other: in `expected`, and unless `expectedOnly`, in its reason or note. */
export function findingReports(d: CheckDiagnostic, x: string, y: string, expectedOnly = false): boolean {
  const actual = normalSpelling(d.actual);
  if (!spellingForms(x).includes(actual)) return false;
  const ys = spellingForms(y);
  if (d.expected.some((e) => ys.includes(normalSpelling(e)))) return true;
  return !expectedOnly && (namesSpelling(d.reason, y) || namesSpelling(d.note ?? '', y));
}

/** A true pair and whether the checker found it, without and with scheme mismatches. */
export interface PairResult {
  corpus: string;
  pair: VariantPair;
  found: boolean;
  foundWithScheme: boolean;
  /** The first finding that found it: rule, actual, expected[0], confidence. */
  evidence: string;
}

/** Whether some of the findings report a pair (see the top of this file). */
export function pairResult(corpus: string, pair: VariantPair, found: readonly CheckDiagnostic[]): PairResult {
  const hit = (d: CheckDiagnostic, expectedOnly: boolean): boolean => findingReports(d, pair.a, pair.b, expectedOnly) || findingReports(d, pair.b, pair.a, expectedOnly);
  const direct = found.find((d) => d.ruleId !== 'check/scheme-mismatch' && hit(d, false));
  const mismatch = direct ?? found.find((d) => d.ruleId === 'check/scheme-mismatch' && hit(d, true));
  const evidence = mismatch === undefined ? '' : `${mismatch.ruleId} ${mismatch.actual} → ${mismatch.expected[0] ?? ''} (${mismatch.confidence.toFixed(2)})`;
  return { corpus, pair, found: direct !== undefined, foundWithScheme: mismatch !== undefined, evidence };
}

/** The checker's findings on a corpus folder, all its texts as one work, as `latinitsa check` makes them. */
export async function checkCorpusAsOneWork(dir: string, check: CheckOptions): Promise<CheckDiagnostic[]> {
  const works = await checkCorpusWorks(dir, corpusSplit(dir).keys(), { check });
  return works.flatMap((w) => w.found);
}

/** The results for a corpus's true pairs (DIR/variant-pairs.tsv). */
export async function corpusRecall(dir: string, options: { scheme?: string; minConfidence?: string } = {}): Promise<PairResult[]> {
  const lexicon = await loadLexicon();
  if (lexicon === undefined) throw new Error('no lexicon: build it first (npm run build)');
  const check: CheckOptions = { lexicon, minConfidence: parseConfidence(options.minConfidence ?? 'likely'), ...(options.scheme === undefined ? {} : { scheme: options.scheme }) };
  const found = await checkCorpusAsOneWork(dir, check);
  const pairs = readVariantPairs(path.join(dir, 'variant-pairs.tsv')).filter((p) => p.verdict === 'true');
  return pairs.map((p) => pairResult(path.basename(dir), p, found));
}

/** The Wilson score interval (95 % unless `z` says otherwise) of k successes in n. */
export function wilson(k: number, n: number, z = 1.96): [number, number] {
  if (n === 0) return [0, 1];
  const p = k / n;
  const d = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** One line of figures: found/total, recall, Wilson interval. */
export function recallLine(k: number, n: number): string {
  const [lo, hi] = wilson(k, n);
  return `${k}/${n} = ${n === 0 ? '–' : (k / n).toFixed(3)} (Wilson 95 % ${lo.toFixed(3)}–${hi.toFixed(3)})`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { corpus: { type: 'string', multiple: true }, scheme: { type: 'string' }, 'min-confidence': { type: 'string', default: 'likely' }, out: { type: 'string' } } });
  if (values.corpus === undefined || values.corpus.length === 0) throw new Error('usage: variant-recall.ts --corpus DIR [--corpus DIR …] [--scheme ID] [--min-confidence likely] [--out FILE]');
  const all: PairResult[] = [];
  console.log(`Recall on judged real variants; ${values.scheme === undefined ? 'no scheme' : `--scheme ${values.scheme}`}; findings from ${values['min-confidence']} up.\n`);
  for (const dir of values.corpus) {
    const results = await corpusRecall(dir, { ...(values.scheme === undefined ? {} : { scheme: values.scheme }), minConfidence: values['min-confidence']! });
    all.push(...results);
    console.log(`${path.basename(dir)}: found ${recallLine(results.filter((r) => r.found).length, results.length)}; counting scheme mismatches that name the other spelling ${recallLine(results.filter((r) => r.foundWithScheme).length, results.length)}`);
  }
  if (values.corpus.length > 1) console.log(`pooled: found ${recallLine(all.filter((r) => r.found).length, all.length)}; counting scheme mismatches that name the other spelling ${recallLine(all.filter((r) => r.foundWithScheme).length, all.length)}`);
  const missed = all.filter((r) => !r.found);
  console.log(`\nMissed (${missed.length}):\ncorpus\tid\ta\tb\tsame_file\tcyrillic\tnote\treason_guess`);
  for (const r of missed) console.log([r.corpus, r.pair.id, r.pair.a, r.pair.b, r.pair.sameFile ? 'yes' : 'no', r.pair.cyrillic, r.pair.note, ''].join('\t'));
  if (values.out !== undefined) {
    const rows = all.map((r) => [r.corpus, r.pair.id, r.pair.a, r.pair.b, r.found ? 'found' : 'missed', r.foundWithScheme ? 'found' : 'missed', r.evidence, r.pair.cyrillic, r.pair.note].join('\t'));
    writeFileSync(values.out, ['corpus\tid\ta\tb\tfound\tfound_with_scheme_mismatch\tevidence\tcyrillic\tnote', ...rows].join('\n') + '\n');
  }
}
