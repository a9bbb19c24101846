// The checker on realtext2 (test/fixtures/realtext2: 50 English Wikipedia articles that nobody on
// the project wrote; held out until round 3, tuning data since round 4), against the findings
// judged by hand there (judged.tsv, README there). Both runs check all articles as one work, as the
// command does (the Russian lexicon, findings from `likely` up). The floors are the precision
// measured after round 4 (docs/check.md, "A second corpus"): a guard against regression.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadLexicon } from '../src/io/lexicon.ts';
import { readTsv } from './support/fixtures.ts';
import { checkCorpus, corpusSplit, judgedPrecision, readJudged, realtext2Dir } from './support/realtext.ts';

const lexicon = await loadLexicon();
const judged = readJudged(path.join(realtext2Dir, 'judged.tsv'));
const files = [...corpusSplit(realtext2Dir).keys()];

test('realtext2 holds the 50 articles its SOURCES.tsv lists, unedited, and every judged row names one of them', () => {
  const [header, ...rows] = readTsv(path.join(realtext2Dir, 'SOURCES.tsv'));
  const at = (name: string): number => header!.indexOf(name);
  assert.deepEqual(rows.map((r) => r[at('file')]).sort(), files);
  for (const r of rows) {
    const sha = createHash('sha256').update(readFileSync(path.join(realtext2Dir, r[at('file')]!))).digest('hex').slice(0, 16);
    assert.equal(sha, r[at('sha256_16')], `${r[at('file')]} differs from the article as taken`);
  }
  for (const key of judged.keys()) assert.ok(files.includes(key.split('\t')[1]!), key);
});

for (const [run, scheme, floor] of [
  ['no-scheme', undefined, 0.87],
  ['scheme=wikipedia', 'wikipedia', 0.82],
] as const) {
  test(`realtext2 ${run}: precision of the judged findings ≥ ${floor}`, (t) => {
    const p = judgedPrecision(judged, run, checkCorpus(realtext2Dir, files, { lexicon, scheme }));
    t.diagnostic(JSON.stringify(p));
    assert.ok(p['all']! >= floor, `precision ${p['all']}`);
  });
}
