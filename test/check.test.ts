// The manuscript checker's core (issue 6): tokenizer, keys, candidates, scheme conformance,
// mixed scripts, fixes, config. Fixture-driven where the cases are data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fc from 'fast-check';
import { applyFixes, checkText, LatinitsaError } from '../src/index.ts';
import { cyrillicCandidates, parseCheckConfig, skeletonKey, tokenizeWords } from '../src/check/index.ts';
import { plainTextRegions } from '../src/document/index.ts';
import english from '../src/check/data/english.json' with { type: 'json' };
import inverse from '../src/check/data/inverse.json' with { type: 'json' };
import { fixturesDir, readTsv } from './support/fixtures.ts';

const dir = path.join(fixturesDir, 'manuscripts');

test('tokenizer: offsets, apostrophes, possessives, hyphens, skipped spans', () => {
  const text = 'See Zinov’ev’s note, Rimsky-Korsakov, `Zinovyev`, https://x.org/Zinovyev, @zinoviev1925 and word2vec; ‘Kazan’ and Kazan’.';
  const words = tokenizeWords(text);
  assert.deepEqual(words.map((w) => w.text), ['See', 'Zinov’ev', 'note', 'Rimsky', 'Korsakov', 'and', 'Kazan', 'and', 'Kazan’']);
  for (const w of words) assert.equal(text.slice(w.start, w.end), w.text);
  assert.deepEqual(tokenizeWords('Mоsсow', { offset: 5 }).map((w) => [w.script, w.start, w.end]), [['mixed', 5, 11]]);
});

test('variant spellings share a key; different words do not (fixture)', () => {
  const rows = readTsv(path.join(dir, 'variants.tsv'));
  assert.ok(rows.length >= 10);
  for (const [kind, ...words] of rows) {
    const keys = words.map((w) => skeletonKey(w));
    if (kind === 'same') assert.equal(new Set(keys).size, 1, `${words.join(' / ')} → ${keys.join(' / ')}`);
    else assert.equal(new Set(keys).size, words.length, `${words.join(' / ')} must differ`);
  }
});

test('scheme conformance and fixes (fixture)', () => {
  const rows = readTsv(path.join(dir, 'conformance.tsv'));
  for (const [scheme, word, conforms, fix] of rows) {
    const found = checkText(`${word} wrote.`, { scheme: scheme! });
    if (conforms === 'yes') assert.deepEqual(found, [], `${scheme} ${word}`);
    else {
      assert.equal(found.length, 1, `${scheme} ${word}: one finding`);
      assert.equal(found[0]!.ruleId, 'check/scheme-mismatch', `${scheme} ${word}`);
      assert.deepEqual(found[0]!.expected, [fix], `${scheme} ${word}`);
    }
  }
});

test('English words, acronyms, inner capitals and allowed forms are not checked', () => {
  const text = 'The many boys say yes to Mark. The NKVD and the TsK met. Tchaikovsky and Chaikovsky.';
  assert.deepEqual(checkText(text, { scheme: 'modified-loc', allow: ['Tchaikovsky'] }).map((d) => [d.actual, d.expected[0]]), [['Chaikovsky', 'Tchaikovsky']]);
  assert.ok((cyrillicCandidates('the')[0]?.cost ?? Infinity) > inverse.maxCost, 'th is not Russian');
});

test('majority spelling wins without a scheme; every place is reported', () => {
  const text = 'Zinoviev spoke. Zinovyev listened.\nZinoviev left; Zinovyev stayed; Zinoviev returned.';
  const found = checkText(text);
  assert.deepEqual(found.map((d) => [d.place.start.line, d.place.start.column, d.actual, d.expected[0], d.ruleId]), [
    [1, 17, 'Zinovyev', 'Zinoviev', 'check/inconsistent-romanization'],
    [2, 16, 'Zinovyev', 'Zinoviev', 'check/inconsistent-romanization'],
  ]);
  assert.equal(found[0]!.note, '3 × Zinoviev, 2 × Zinovyev; Zinoviev first at 1:1');
});

test('notes are checked against the notes scheme (spec Q17)', () => {
  const text = 'Grigory Zinoviev and Dostoevsky.\nNotes\n1. Zinov’ev, Dostoevsky, Iurii.';
  const regions = plainTextRegions(text);
  const found = checkText(text, { regions, scheme: 'modified-loc', notesScheme: 'ala-lc-simplified' });
  assert.deepEqual(found.map((d) => [d.actual, d.expected[0], d.data?.scheme]), [['Dostoevsky', 'Dostoevskii', 'ala-lc-simplified']]);
});

test('mixed-script words are reported with the look-alikes replaced', () => {
  const found = checkText('Mоsсow and Моsкva and Kирoв.');
  assert.deepEqual(found.map((d) => [d.actual, d.expected]), [['Mоsсow', ['Moscow']], ['Моsкva', []], ['Kирoв', ['Киров']]]);
  assert.ok(found.every((d) => d.ruleId === 'check/mixed-script'));
});

test('diagnostic shape (docs/diagnostics.md): place, actual, expected, fix, source', () => {
  const [d] = checkText('Yezhov and Ezhov and Yezhov.', { scheme: 'modified-loc' });
  assert.deepEqual({ ...d, reason: undefined, note: undefined }, {
    ruleId: 'check/inconsistent-romanization', source: 'latinitsa', severity: 'error', reason: undefined, note: undefined,
    place: { start: { line: 1, column: 12, offset: 11 }, end: { line: 1, column: 17, offset: 16 } },
    actual: 'Ezhov', expected: ['Yezhov'], fix: { range: [11, 16], text: 'Yezhov' }, data: { key: 'eZev', cyrillic: 'ежов', scheme: 'modified-loc' },
  });
});

test('property: fixes change only flagged spans, and a fixed text checks clean', () => {
  const names = ['Zinoviev', 'Zinovyev', 'Zinov’ev', 'Yury', 'Iurii', 'Kuibyshev', 'Kuybyshev', 'Dostoevsky', 'Dostoyevsky', 'Mоlotov', 'the', 'party', 'Kirov'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...names), { minLength: 1, maxLength: 30 }), fc.constantFrom(undefined, 'modified-loc'), (words, scheme) => {
      const text = words.join(' ') + '.';
      const options = scheme === undefined ? {} : { scheme };
      const found = checkText(text, options);
      const fixed = applyFixes(text, found);
      // Outside the flagged spans nothing changed: the text split at the spans is the same.
      let at = 0;
      for (const d of found) {
        assert.ok(fixed.includes(text.slice(at, d.place.start.offset)));
        at = d.place.end.offset;
      }
      assert.deepEqual(checkText(fixed, options), [], `${text} → ${fixed}`);
    }),
    { numRuns: 150 },
  );
});

test('property: any string checks without throwing; ranges are inside the text', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
      for (const d of checkText(text, { scheme: 'modified-loc' })) {
        const [start, end] = [d.place.start.offset, d.place.end.offset];
        assert.ok(start >= 0 && end <= text.length && start < end);
        assert.equal(text.slice(start, end), d.actual);
      }
    }),
    { numRuns: 200 },
  );
});

test('config: settings validated, errors name the key', () => {
  assert.deepEqual(parseCheckConfig({ scheme: 'modified-loc', ignore: ['Getty'] }), { scheme: 'modified-loc', ignore: ['Getty'] });
  assert.throws(() => parseCheckConfig({ check: { allow: 'Moscow' } }, { file: '.latinitsarc.json' }), (e: unknown) => e instanceof LatinitsaError && e.code === 'ERR_INVALID_OPTION' && /"allow" must be an array/.test(e.message));
  assert.throws(() => parseCheckConfig({ schema: 'x' }), /"schema" is not a setting/);
  assert.throws(() => checkText('Kirov', { scheme: 'no-such' }), (e: unknown) => e instanceof LatinitsaError && e.code === 'ERR_UNKNOWN_SCHEME');
});

test('the built-in English list was built with the current plausibility threshold', () => {
  // data/english/build.ts keeps only English words that could pass for Russian; rebuild it when
  // maxCost changes in src/check/data/inverse.json.
  assert.equal(english.maxCost, inverse.maxCost);
  assert.ok(english.words.length > 100_000);
});

test('with a lexicon, attested readings win: a lone Zinoviev in a note becomes Zinov’ev', async () => {
  const { createLexicon } = await import('../src/reverse/index.ts');
  const text = 'Zinoviev spoke.\nNotes\n1. Zinoviev, Pis’ma.';
  const options = { regions: plainTextRegions(text), scheme: 'modified-loc', notesScheme: 'ala-lc-simplified' };
  // Alone, Zinoviev is as likely зиновиев as зиновьев; ala-lc-simplified writes the first Zinoviev.
  assert.deepEqual(checkText(text, options), []);
  const lexicon = createLexicon({ words: [['зиновьев', 4]] });
  assert.deepEqual(checkText(text, { ...options, lexicon }).map((d) => [d.actual, d.expected[0], d.data?.cyrillic]), [['Zinoviev', 'Zinov’ev', 'зиновьев']]);
});

test('foreign-looking spellings (x, ck) are reported only beside a plausible spelling of the word', () => {
  assert.deepEqual(checkText('Alexei and Kolchack went north.', { scheme: 'modified-loc' }), []);
  const found = checkText('Aleksei Rykov and Alexei Rykov; Kolchak and Kolchack.', { scheme: 'modified-loc' });
  assert.deepEqual(found.map((d) => [d.actual, d.expected[0], d.ruleId]), [['Alexei', 'Aleksei', 'check/scheme-mismatch'], ['Kolchack', 'Kolchak', 'check/scheme-mismatch']]);
});
