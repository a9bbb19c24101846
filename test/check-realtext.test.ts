// The checker on realtext (../shared/realtext: 99 English Wikipedia articles nobody on the project
// wrote), against the findings judged by hand (test/fixtures/realtext/judged.tsv, README there).
// Skipped when the corpus is absent. Both runs check all articles as one work, as the command
// does (the Russian lexicon, findings from `likely` up).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { CheckDiagnostic as Diagnostic } from '../src/index.ts';
import { loadLexicon } from '../src/io/lexicon.ts';
import { fixturesDir } from './support/fixtures.ts';
import { checkCorpus, haveRealtext, judgedPrecision, readJudged, realtextDir, realtextSplit } from './support/realtext.ts';

const skip = haveRealtext ? false : 'the realtext corpus (../shared/realtext) is absent';

async function run(scheme: string | undefined): Promise<Diagnostic[]> {
  return checkCorpus(realtextDir, realtextSplit().keys(), { check: { ...(scheme === undefined ? {} : { scheme }), ...(lexicon === undefined ? {} : { lexicon }) } });
}

const lexicon = haveRealtext ? await loadLexicon() : undefined;
const judged = readJudged(path.join(fixturesDir, 'realtext', 'judged.tsv'));

/**
 * The precision of the judged findings the checker still makes, overall, per part and in the
 * `certain` band; and how many of its findings the judges never saw.
 */
function precision(name: string, found: Diagnostic[]): Record<string, number> {
  return judgedPrecision(judged, name, found, realtextSplit());
}

// Every finding of both runs was judged in round 3 (0.947 and 0.932 measured then): the floors sit
// just under the measured figures, the target being 0.9. The ninth session re-judged 54 rows, names
// in the bylines of published works, false (docs/check.md, "Bylines"): 0.938 and 0.922 then; with
// the Pantheon list of well-known people too, 0.937 and 0.919 (ten Lavrentiy of Lavrentiy Beria);
// the tenth session's published forms and title test, 0.948 and 0.927, and the floors rise to 0.94
// and 0.92.
test('realtext without a scheme: precision of the judged findings ≥ 0.94', { skip }, async (t) => {
  const p = precision('no-scheme', await run(undefined));
  t.diagnostic(JSON.stringify(p));
  assert.ok(p['all']! >= 0.94, `precision ${p['all']}`);
  assert.ok(p['certain']! >= 0.95, `precision of certain findings ${p['certain']}`);
  // The fixes applied unattended that a romanization decides (docs/check.md "Confidence", "What
  // `certain` asks for"): 0.975 (357/366) in the twelfth session.
  assert.ok(p['certain-romanization']! >= 0.97, `precision of certain findings (romanization rules) ${p['certain-romanization']}`);
});

test('realtext with --scheme wikipedia: precision of the judged findings ≥ 0.92', { skip }, async (t) => {
  const p = precision('scheme=wikipedia', await run('wikipedia'));
  t.diagnostic(JSON.stringify(p));
  assert.ok(p['all']! >= 0.92, `precision ${p['all']}`);
  assert.ok(p['certain']! >= 0.94, `precision of certain findings ${p['certain']}`);
  // 0.950 (345/363) in the twelfth session (0.946, 384/406, before it).
  assert.ok(p['certain-romanization']! >= 0.95, `precision of certain findings (romanization rules) ${p['certain-romanization']}`);
});

test('realtext: the variant groups the corpus README lists as missed', { skip }, async (t) => {
  const pairs = [['Blumkin', 'Blyumkin'], ['Feodorovna', 'Fyodorovna'], ['Feodor', 'Fyodor'], ['Izvestia', 'Izvestiya'], ['Ludmila', 'Lyudmila'], ['Daria', 'Darya'], ['Mandelshtam', 'Mandelstam'], ['Skryabin', 'Scriabin'], ["Meierkhol'd", 'Meyerhold'], ['Salut', 'Salyut'], ['Soiuz', 'Soyuz'], ['Tzar', 'Tsar'], ['Dinamo', 'Dynamo'], ['Bokhara', 'Bukhara'], ['Dnepr', 'Dnieper'], ['Archangel', 'Arkhangelsk'], ['Chernayev', 'Chernyaev'], ['Lubov', 'Lyubov'], ['Rurik', 'Riurik'], ['Sofia', 'Sophia']];
  const found = new Set((await run(undefined)).map((d) => `${d.actual.toLowerCase()}\u0000${d.expected[0]?.toLowerCase()}`));
  const caught = pairs.filter(([a, b]) => found.has(`${a!.toLowerCase()}\u0000${b!.toLowerCase()}`) || found.has(`${b!.toLowerCase()}\u0000${a!.toLowerCase()}`));
  t.diagnostic(`${caught.length} of ${pairs.length}: missed ${pairs.filter((p) => !caught.includes(p)).map((p) => p.join('/')).join(', ')}`);
  // 12 until the sixteenth session. The learned score holds Meierkhol'd → Meyerhold at `possible`:
  // it stands in the italic title of a reference entry (_Rezhisser Meierkhol'd_, a line with a
  // year and a publisher), where the tuning corpora's findings are more often false (other
  // languages' titles). Judged true, it is one of the 49 true findings the score holds for 96
  // false in sample (docs/check.md "A learned score").
  assert.ok(caught.length >= 11, `${caught.length} caught`);
});
