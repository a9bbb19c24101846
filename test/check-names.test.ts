// The checker against data it was not tuned on: real Russian surnames (russian_name package,
// ISC) romanized by latinitsa's own engine. Spellings in the house scheme must pass; spellings
// of the same surnames in another scheme, checked against the house scheme, must be flagged with
// the house spelling as the fix. Each word is checked alone (no other spellings to compare).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { checkText as check, romanize, type CheckOptions } from '../src/index.ts';
import { loadLexicon } from '../src/io/lexicon.ts';

const lexicon = await loadLexicon();
const checkText = (text: string, options: CheckOptions = {}) => check(text, { ...(lexicon === undefined ? {} : { lexicon }), ...options });

const require = createRequire(import.meta.url);
const all = (require('russian_name/json/surnames_male.json') as Array<{ surname: string }>).map((s) => s.surname).filter((w) => /^[А-ЯЁ][а-яё]+$/u.test(w));
// Every n-th surname: a spread over the alphabet, deterministic.
const surnames = all.filter((_, i) => i % Math.floor(all.length / 1000) === 0).slice(0, 1000);

test('correct modified-loc spellings of 1,000 real surnames: at most 1 % flagged', (t) => {
  const flagged = surnames.map((w) => romanize(w, { scheme: 'modified-loc' })).filter((s) => checkText(s, { scheme: 'modified-loc' }).length > 0);
  t.diagnostic(`${flagged.length} of ${surnames.length} flagged: ${flagged.slice(0, 10).join(', ')}`);
  assert.ok(flagged.length / surnames.length <= 0.01);
});

for (const [other, options] of [['ala-lc-simplified', { signs: 'ascii' }], ['bgn-pcgn', {}], ['wikipedia', {}]] as const) {
  test(`${other} spellings checked against modified-loc: ≥ 90 % flagged with the modified-loc spelling`, (t) => {
    let differ = 0;
    let right = 0;
    let flagged = 0;
    for (const w of surnames) {
      const house = romanize(w, { scheme: 'modified-loc' });
      const spelt = romanize(w, { ...options, scheme: other });
      if (spelt === house) continue;
      differ++;
      const [d] = checkText(spelt, { scheme: 'modified-loc' });
      if (d !== undefined) flagged++;
      if (d?.expected[0] === house) right++;
    }
    t.diagnostic(`${differ} differ from modified-loc; ${flagged} flagged (${(flagged / differ).toFixed(3)}), ${right} with the right fix (${(right / differ).toFixed(3)})`);
    assert.ok(right / differ >= 0.9);
  });
}

test('2,000 distinct real surnames in one modified-loc text: at most 0.5 % flagged (skeleton collisions)', (t) => {
  const many = all.filter((_, i) => i % Math.floor(all.length / 2000) === 0).slice(0, 2000).map((w) => romanize(w, { scheme: 'modified-loc' }));
  const found = checkText(many.map((n) => `${n} wrote.`).join(' '), { scheme: 'modified-loc' });
  t.diagnostic(`${found.length} findings: ${found.map((d) => `${d.actual}→${d.expected[0]}`).join(', ')}`);
  assert.ok(found.length / many.length <= 0.005);
});
