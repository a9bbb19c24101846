// The realtext corpus (../shared/realtext, outside the repository) and its judged findings.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fixturesDir, readTsv, sharedDir } from './fixtures.ts';

/** Where the corpus is; the tests that need it skip when it is absent. */
export const realtextDir = path.join(sharedDir, 'realtext');

/** Whether the corpus is there. */
export const haveRealtext = existsSync(path.join(realtextDir, 'README.md'));

/** The seeded split: file → `tuning` or `held-out` (test/fixtures/realtext/split.tsv). */
export function realtextSplit(): Map<string, string> {
  return new Map(readTsv(path.join(fixturesDir, 'realtext', 'split.tsv')).map(([file, part]) => [file!, part!]));
}

/** A judged row. */
export interface Judged {
  verdict: 'true' | 'false';
  cause: string;
  note: string;
}

/** The key of a finding in a judged file: run, file, line, column, word, suggestion, rule. */
export function judgedKey(run: string, d: { file?: string; place: { start: { line: number; column: number } }; actual: string; expected: string[]; ruleId: string }): string {
  return [run, d.file, d.place.start.line, d.place.start.column, d.actual, d.expected[0] ?? '', d.ruleId].join('\t');
}

/** Reads a judged TSV (header: file line word suggestion rule verdict cause run column …; more columns allowed). */
export function readJudged(file: string): Map<string, Judged> {
  const [header, ...lines] = readFileSync(file, 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  const cols = header!.split('\t');
  const at = (name: string): number => cols.indexOf(name);
  const out = new Map<string, Judged>();
  for (const line of lines) {
    const c = line.split('\t');
    const key = [c[at('run')], c[at('file')], c[at('line')], c[at('column')], c[at('word')], c[at('suggestion')], c[at('rule')]].join('\t');
    out.set(key, { verdict: c[at('verdict')] as 'true' | 'false', cause: c[at('cause')] ?? '', note: c[at('note')] ?? '' });
  }
  return out;
}

/** The second held-out corpus (test/fixtures/realtext2, README there): 50 articles in the repository. */
export const realtext2Dir = path.join(fixturesDir, 'realtext2');

/** A corpus without a split (every article held out): file → `held-out`, for each `*.md` in `dir`, sorted. */
export function corpusSplit(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort().map((f) => [f, 'held-out']));
}
