// Recall on variants planted by rule into real prose nobody on the project wrote
// (scripts/planted-recall.ts; docs/check.md, "Recall on variants planted into real prose"). The
// rule is checked on a hand-written text; the floors are on nine tuning corpora of English
// Wikipedia articles kept in the repository (realtext2 to 6 and 39 to 42), just under what the
// thirty-first session measured on them, at main 3ab7506 and after its change alike (no scheme
// 0.912, 259/284; `wikipedia` 0.918, 214/233): a guard against regression, not a target. The
// held-out corpora's figures are in docs/check.md, not tested here.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { checkDocuments, readDocument, romanize } from '../src/index.ts';
import { loadLexicon } from '../src/io/lexicon.ts';
import { corpusPlants, plantText, readingOf } from '../scripts/planted-recall.ts';
import { seeded } from '../scripts/seeded.ts';
import { fixturesDir } from './support/fixtures.ts';

const lexicon = await loadLexicon();
assert.ok(lexicon !== undefined, 'the shipped lexicon');

test('the rule plants one variant of each name read as one Russian word, where it stood, and the checker reports it', () => {
  const text = 'Nikolai Bukharin wrote. Nikolai Bukharin argued. Nikolai Bukharin left.\n\nTrotsky came. Trotsky spoke. Trotsky went to York. York and York.\n';
  const { text: planted, plants } = plantText('a.md', text, lexicon, { perFile: 3, random: seeded(1) });
  // Bukharin is Бухарин in every scheme (no variant); York is English; Nikolai and Trotsky are planted.
  assert.deepEqual(plants.map((p) => p.original).sort(), ['Nikolai', 'Trotsky']);
  for (const p of plants) {
    assert.equal(planted.slice(p.offset, p.offset + p.variant.length), p.variant);
    assert.equal(romanize(p.cyrillic, { scheme: p.variantScheme }), p.variant);
    assert.notEqual(p.variant, p.original);
  }
  // The middle one of the three occurrences of each, and nothing else, changed.
  const middle = (word: string): number => [...text.matchAll(new RegExp(word, 'gu'))][1]!.index;
  let expected = text;
  for (const p of [...plants].sort((a, b) => middle(b.original) - middle(a.original))) expected = expected.slice(0, middle(p.original)) + p.variant + expected.slice(middle(p.original) + p.original.length);
  assert.equal(planted, expected);
  const found = checkDocuments([{ file: 'a.md', ...readDocument({ text: planted, format: 'markdown' }) }], { lexicon });
  for (const p of plants) assert.ok(found.some((d) => d.place.start.offset === p.offset && d.actual === p.variant && d.expected[0] === p.original), `${p.variant} reported`);
});

test('a spelling is read as one name only with a clear margin and not when it is English', () => {
  assert.equal(readingOf('Bukharin', lexicon), 'Бухарин');
  assert.equal(readingOf('Nikolai', lexicon), 'Николай');
  assert.equal(readingOf('York', lexicon), undefined);
});

const corpora = ['realtext2', 'realtext3', 'realtext4', 'realtext5', 'realtext6', 'realtext39', 'realtext40', 'realtext41', 'realtext42'].map((c) => path.join(fixturesDir, c));

for (const [run, scheme, floor] of [['no scheme', undefined, 0.9], ['wikipedia', 'wikipedia', 0.9]] as const) {
  test(`recall on variants planted into realtext2–6 and 39–42, ${run}: at least ${floor}`, (t) => {
    const results = corpora.flatMap((dir) => corpusPlants(dir, lexicon, { perFile: 5, seed: 1, ...(scheme === undefined ? {} : { scheme }) }));
    const found = results.filter((r) => r.found).length;
    t.diagnostic(`found ${found}/${results.length} = ${(found / results.length).toFixed(3)}`);
    assert.ok(results.length >= 200, `${results.length} plants`);
    assert.ok(found / results.length >= floor, `${found}/${results.length}`);
  });
}
