// Reverse romanization (issue 5): spec cases, text that must stay as it is, candidate
// correctness, certainty and errors (test/boundaries.test.ts keeps src/reverse browser-safe).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { LatinitsaError, candidates, convert, convertDetailed, createLexicon, deromanize, deromanizeDetailed, listSchemes, romanize, type Lexicon } from '../src/index.ts';
import { resolveScheme } from '../src/engine/index.ts';
import { loadLexicon } from '../src/io/lexicon.ts';
import { patronymicsOf } from '../scripts/build-lexicon.ts';
import { fixturesDir, readTsv } from './support/fixtures.ts';

let lexicon: Lexicon | undefined;
before(async () => {
  lexicon = await loadLexicon();
});

describe('reverse cases (test/fixtures/reverse/cases.tsv)', () => {
  for (const [scheme, input, expected, options, source] of readTsv(path.join(fixturesDir, 'reverse', 'cases.tsv'))) {
    it(`${scheme}: ${input} (${source})`, () => {
      const { lexicon: useLexicon, all, ...schemeOptions } = (options ? JSON.parse(options) : {}) as Record<string, unknown>;
      if (useLexicon === true) assert.ok(lexicon !== undefined, 'lexicon not available');
      const got = deromanize(input!.normalize('NFC'), {
        scheme,
        schemeOptions,
        all: all === true,
        ...(useLexicon === true && lexicon !== undefined ? { lexicon } : {}),
      });
      assert.equal(got, expected!.normalize('NFC'));
    });
  }
});

const notRussian = readFileSync(path.join(fixturesDir, 'reverse', 'not-russian.txt'), 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'));
const schemes = listSchemes().map((s) => s.id);

describe('text that is not romanized Russian stays as it is (test/fixtures/reverse/not-russian.txt)', () => {
  for (const withLexicon of [false, true]) {
    it(`every scheme, ${withLexicon ? 'with' : 'without'} the lexicon, deromanize and convert`, () => {
      const extra = withLexicon && lexicon !== undefined ? { lexicon } : {};
      for (const scheme of schemes) {
        for (const line of notRussian) {
          assert.equal(deromanize(line, { scheme, ...extra }), line, `deromanize ${scheme}`);
          assert.equal(convert(line, { from: scheme, to: 'ala-lc', ...extra }), line, `convert ${scheme}`);
        }
      }
    });
  }
  it('says why a word was kept', () => {
    const r = deromanizeDetailed('Hello, iPhone; Moscow is big', { scheme: 'iso-9' });
    assert.deepEqual(
      r.words.map((w) => [w.source, w.converted, w.reason]),
      [['Hello', false, 'context'], ['iPhone', false, 'mixed-case'], ['Moscow', false, 'not-producible'], ['is', false, 'english'], ['big', false, 'english']],
    );
  });
  it('reports a word with an English possessive whole, as it keeps it (docs/reverse.md rule 4)', () => {
    const text = 'Kirov’s murder';
    const simplified = deromanizeDetailed(text, { scheme: 'ala-lc-simplified' }).words[0]!;
    assert.deepEqual([simplified.source, simplified.input, simplified.converted, simplified.reason], ['Kirov’s', [0, 7], false, 'english']);
    // A scheme that writes no apostrophe cannot write the word: rule 1 keeps it.
    const loc = deromanizeDetailed(text, { scheme: 'modified-loc' }).words[0]!;
    assert.deepEqual([loc.source, loc.converted, loc.reason], ['Kirov’s', false, 'not-producible']);
    // With all: true the word is read without its ’s, which stays as written.
    const all = deromanizeDetailed(text, { scheme: 'ala-lc-simplified', all: true });
    assert.deepEqual([all.text, all.words[0]!.source, all.words[0]!.input], ['Киров’s мурдер', 'Kirov', [0, 5]]);
  });
});

describe('every candidate romanizes back to the input (the correctness filter)', () => {
  for (const scheme of ['modified-loc', 'ala-lc-simplified', 'bgn-pcgn', 'icao-9303', 'wikipedia']) {
    it(scheme, () => {
      const compiled = resolveScheme({ scheme });
      const letters = [...compiled.scheme.language.letters];
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 8 }), (a) => {
          const latin = romanize(a.join(''), { scheme });
          if (latin === '') return;
          const found = candidates(latin, { scheme, alternatives: 50 });
          for (const c of found) assert.equal(romanize(c.text.toLowerCase(), { scheme }), latin, `${c.text} for ${latin}`);
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('ranking and certainty', () => {
  it('an exact scheme with one reading is certain', () => {
    const [w] = deromanizeDetailed('Ščukin', { scheme: 'scholarly' }).words;
    assert.equal(w!.output, 'Щукин');
    assert.equal(w!.certain, false, 'šč is щ or шч (spec §3.8.3)');
    const [v] = deromanizeDetailed('Ŝukin', { scheme: 'iso-9' }).words;
    assert.deepEqual([v!.output, v!.certain, v!.candidates.length], ['Щукин', true, 1]);
  });
  it('the lexicon decides between readings and the answer says so', () => {
    assert.ok(lexicon !== undefined);
    const [w] = deromanizeDetailed('Piatakov', { scheme: 'modified-loc', lexicon }).words;
    assert.equal(w!.output, 'Пятаков');
    assert.ok(w!.candidates[0]!.attested.includes('surname'));
    assert.ok(w!.candidates.length > 1 && w!.candidates[0]!.score > w!.candidates[1]!.score);
    assert.equal(w!.certain, true);
  });
  it('a small injected lexicon is enough (browser use)', () => {
    const small = createLexicon({ words: [['зиновьев', 4]] });
    assert.equal(deromanize('Zinoviev', { scheme: 'modified-loc', lexicon: small }), 'Зиновьев');
  });
  it('patronymics are derived from given names by data/lexicon/patronymics.json', () => {
    const rules = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'data', 'lexicon', 'patronymics.json'), 'utf8'));
    assert.deepEqual(patronymicsOf('иван', rules), ['иванович', 'ивановна']);
    assert.deepEqual(patronymicsOf('сергей', rules), ['сергеевич', 'сергеевна']);
    assert.deepEqual(patronymicsOf('юрий', rules), ['юрьевич', 'юрьевна', 'юриевич', 'юриевна']);
    assert.deepEqual(patronymicsOf('игорь', rules), ['игоревич', 'игоревна']);
    assert.deepEqual(patronymicsOf('никита', rules), ['никитич', 'никитична']);
  });
});

describe('word ranges are in the text as given', () => {
  it('a text that is not NFC (Y + U+0301, a mark that decomposes): each range holds its word as written', () => {
    // The fuzzer found ranges in the NFC text: after Y + U+0301 every later range was one short.
    const t = 'Y\u0301 \uA69D\u0344\nYuriy Gagarin';
    const words = deromanizeDetailed(t, { scheme: 'bgn-pcgn' }).words;
    assert.deepEqual(words.map((w) => [w.source, w.input, w.output]), [['Y\u0301', [0, 2], '\u00DD'], ['Yuriy', [6, 11], 'Юрий'], ['Gagarin', [12, 19], 'Гагарин']]);
    const converted = convertDetailed(t, { from: 'bgn-pcgn', to: 'modified-loc' });
    assert.deepEqual(converted.words.map((w) => [t.slice(w.input[0], w.input[1]), w.output]), [['Y\u0301', '\u00DD'], ['Yuriy', 'Yury'], ['Gagarin', 'Gagarin']]);
  });
});

describe('misuse', () => {
  it('unknown scheme', () => {
    assert.throws(() => deromanize('a', { scheme: 'nope' }), (e: unknown) => e instanceof LatinitsaError && e.code === 'ERR_UNKNOWN_SCHEME');
  });
  it('not a string', () => {
    assert.throws(() => deromanize(42 as unknown as string), (e: unknown) => e instanceof LatinitsaError && e.code === 'ERR_INVALID_INPUT');
  });
  it('convert without from/to', () => {
    assert.throws(() => convert('a', { from: 'ala-lc' } as never), (e: unknown) => e instanceof LatinitsaError && e.code === 'ERR_INVALID_OPTION');
  });
});

