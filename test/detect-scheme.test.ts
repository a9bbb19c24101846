// detectScheme: which scheme a romanized text is in (test/fixtures/reverse/detect.tsv), and
// that every scheme's own samples are detected as written in a scheme that writes them so.
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { detectScheme, getScheme, LatinitsaError, listSchemes, romanize, type Lexicon } from '../src/index.ts';
import { loadLexicon } from '../src/io/lexicon.ts';
import { fixturesDir, readTsv } from './support/fixtures.ts';

const list = (cell: string | undefined): string[] => (cell ?? '').split(',').filter((s) => s !== '');

let lexicon: Lexicon | undefined;
before(async () => {
  lexicon = await loadLexicon();
});

describe('detectScheme on the fixture', () => {
  for (const [text, detected, fits, misfits, why, options] of readTsv(path.join(fixturesDir, 'reverse', 'detect.tsv'))) {
    it(`${text} (${why})${options ? ` ${options}` : ''}`, () => {
      const { lexicon: useLexicon } = (options ? JSON.parse(options) : {}) as { lexicon?: boolean };
      if (useLexicon === true) assert.ok(lexicon !== undefined, 'lexicon not available');
      const r = detectScheme(text!, useLexicon === true && lexicon !== undefined ? { lexicon } : {});
      if (detected !== '') assert.equal(r.scheme, detected);
      for (const id of list(fits)) assert.ok(r.plausible.includes(id), `${id} should fit; plausible: ${r.plausible.join(', ')}`);
      for (const id of list(misfits)) assert.ok(!r.plausible.includes(id), `${id} should not fit; plausible: ${r.plausible.join(', ')}`);
    });
  }
});

/** Variants the reverse engine reads alike (docs/reverse.md): apostrophes, quotes, tie forms. */
const fold = (s: string): string => s.normalize('NFC').replace(/['’ʹ′]/gu, "'").replace(/["”ʺ″]/gu, '"').replace(/[\u0361\uFE20\uFE21]/gu, '');

describe("detectScheme on each scheme's samples", () => {
  for (const { id } of listSchemes()) {
    it(id, () => {
      const scheme = getScheme(id);
      const samples = scheme.samples;
      // Among the schemes of the scheme's language (romanized Russian by default).
      const r = detectScheme(samples.map(([, latin]) => latin).join(', '), { language: scheme.language.id });
      assert.ok(r.plausible.includes(id), `plausible: ${r.plausible.join(', ')}`);
      // Another scheme may win only if it writes every sample the same way.
      for (const [cyrillic, latin] of samples) assert.equal(fold(romanize(cyrillic, { scheme: r.scheme! })), fold(latin), `${r.scheme} for ${cyrillic}`);
    });
  }
});

describe('detectScheme options and edges', () => {
  it('chooses among the given schemes only, and reports every one of them', () => {
    const r = detectScheme('Kubanʹ', { schemes: ['modified-loc', 'iso-9'] });
    assert.deepEqual(r.ranking.map((f) => f.scheme).sort(), ['iso-9', 'modified-loc']);
    assert.equal(r.scheme, 'iso-9');
  });

  it('takes a scheme named twice as one candidate', () => {
    const r = detectScheme("Zinov'ev", { schemes: ['ala-lc', 'ala-lc', 'modified-loc'] });
    assert.deepEqual(r.ranking.map((f) => f.scheme), ['ala-lc', 'modified-loc']);
    assert.deepEqual(r.plausible, ['ala-lc']);
  });

  it('has no answer for a text without Latin words', () => {
    const r = detectScheme('Юрий, 1917 — 2024');
    assert.equal(r.scheme, undefined);
    assert.deepEqual(r.plausible, []);
    assert.equal(r.words, 0);
  });

  it('reads at most maxWords distinct words', () => {
    assert.equal(detectScheme('Rykov Rykov Pyatakov Radek Kamenev', { maxWords: 2 }).words, 2);
  });

  // An established English form is written alike whatever the scheme of the rest (thirty-third
  // session's audit: Meyerhold and Politburo after six ALA-LC words made the page's reverse panel
  // read the line as the informal telegram scheme, which writes the h of Meyerhold).
  it('does not count established English forms (Meyerhold, Politburo) as evidence', () => {
    const lc = "Istoriia Vsesoiuznoi Kommunisticheskoi partii, Zinov'ev i Trotskii";
    assert.equal(detectScheme(lc).scheme, 'ala-lc-simplified');
    const r = detectScheme(`${lc}, Meyerhold, the Politburo`);
    assert.equal(r.scheme, 'ala-lc-simplified');
    assert.equal(r.words, detectScheme(lc).words);
  });

  it('throws LatinitsaError on misuse', () => {
    assert.throws(() => detectScheme(42 as unknown as string), (e: unknown) => e instanceof LatinitsaError && e.code === 'ERR_INVALID_INPUT');
    assert.throws(() => detectScheme('Kirov', { maxWords: 0 }), (e: unknown) => e instanceof LatinitsaError && e.code === 'ERR_INVALID_OPTION');
    assert.throws(() => detectScheme('Kirov', { schemes: ['no-such-scheme'] }), (e: unknown) => e instanceof LatinitsaError && e.code === 'ERR_UNKNOWN_SCHEME');
  });
});
