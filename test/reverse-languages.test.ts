// Exact reverse of the reversible schemes of the other languages (docs/languages.md): ISO 9 in
// Ukrainian, Belarusian, Bulgarian, Serbian and Macedonian, and the Serbian Latin alphabet.
// deromanize(romanize(s)) === s for random words of the language's letters in lower, Title and
// ALL-CAPS form (ISO 9's signs ʹ ʺ and the palochka have no case: compared in lower case there).
// The Serbian Latin alphabet writes љ њ џ as lj nj dž, so л+ј, н+ј, д+ж (надживети) read back as
// љ, њ, џ: those pairs are left out of the generated words, as the alphabet itself cannot tell them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { deromanize, romanize } from '../src/index.ts';
import { getLanguage } from '../src/schemes/index.ts';

const RUNS = { numRuns: Number(process.env.REVERSE_RUNS ?? 3000) };

function words(letters: string[], apostrophe: boolean, avoid: readonly string[]): fc.Arbitrary<string> {
  const word = fc
    .tuple(fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 8 }), fc.constantFrom('lower', 'lower', 'title', 'upper'), fc.nat(7), fc.boolean())
    .map(([a, c, at, apos]) => {
      let w = a.join('');
      if (apostrophe && apos && at > 0 && at < w.length) w = `${w.slice(0, at)}ʼ${w.slice(at)}`;
      return c === 'lower' ? w : c === 'upper' ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1);
    })
    .filter((w) => !avoid.some((pair) => w.toLowerCase().includes(pair)));
  return fc.array(fc.tuple(word, fc.constantFrom(' ', ', ', '-', '\n', '. ')), { minLength: 1, maxLength: 5 }).map((a) => a.map(([w, s]) => w + s).join('').trimEnd());
}

describe('ISO 9 in every language: deromanize(romanize(s)) === s', () => {
  for (const lang of ['uk', 'be', 'bg', 'sr', 'mk']) {
    const language = getLanguage(lang);
    it(`${lang} (${language.name})`, () => {
      fc.assert(
        fc.property(words([...language.letters], language.apostrophes !== undefined, []), (s) => {
          const back = deromanize(romanize(s, { scheme: 'iso-9', lang }), { scheme: 'iso-9', schemeOptions: { lang }, all: true });
          assert.equal(back.toLowerCase(), s.toLowerCase());
          if (s === s.toLowerCase()) assert.equal(back, s);
        }),
        RUNS,
      );
    });
  }
});

describe('Serbian Latin alphabet (sr-gaj): deromanize(romanize(s)) === s', () => {
  it('exactly, case included', () => {
    fc.assert(
      fc.property(words([...getLanguage('sr').letters], false, ['лј', 'нј', 'дж']), (s) => {
        assert.equal(deromanize(romanize(s, { scheme: 'sr-gaj' }), { scheme: 'sr-gaj', all: true }), s);
      }),
      RUNS,
    );
  });
  it('reads the digraphs of the examples', () => {
    assert.equal(deromanize('LJUBAV Ljubav, Đorđe Njegoš, džep', { scheme: 'sr-gaj', all: true }), 'ЉУБАВ Љубав, Ђорђе Његош, џеп');
  });
});
