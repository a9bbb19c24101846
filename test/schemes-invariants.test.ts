// Invariants that hold for EVERY registered scheme (built-in ones and any added later), checked with
// fast-check on random Cyrillic words: the output alphabet, case projection, NFC/NFD equivalence,
// Latin text left alone, and each scheme's inline samples.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { getScheme, listSchemes, romanize } from '../src/index.ts';
import { resolveScheme, titleForm } from '../src/engine/index.ts';

const RUNS = { numRuns: 60 };
const SEPARATORS = [' ', ' ', ', ', '-', '. ', '(', ')', '«', '»', '1', '\n', '—', "'", '’'];

for (const { id } of listSchemes()) {
  const scheme = getScheme(id);
  const modern = [...scheme.language.letters];
  // The language's old letters that stay one letter (the multi-letter modernisations, ѿ → от, change the letter count).
  const old = [...scheme.language.oldLetters].filter((l) => [...(scheme.language.modernize[l] ?? l)].length === 1);
  const letters = [...modern, ...old];
  const mapped = new Set(letters.filter((l) => (resolveScheme({ scheme: id }).letters.has(l) || scheme.language.modernize[l] !== undefined)).flatMap((l) => [l, l.toUpperCase()]));
  // Letters the scheme has no value for take the fallback scheme's (ISO 9) and are reported (test/unmapped.test.ts).
  const fallbackChars = [...resolveScheme({ scheme: id }).fallback.values()].flatMap((v) => [v, v.toUpperCase()]).join('');
  const allowed = new Set([...scheme.alphabet.normalize('NFC'), ...scheme.alphabet.normalize('NFD'), ...fallbackChars.normalize('NFC'), ...fallbackChars.normalize('NFD')]);
  const signs = new Set([...scheme.language.classes.sign ?? '']);
  const lowerWord = fc.array(fc.constantFrom(...letters), { minLength: 2, maxLength: 9 }).map((a) => a.join(''));
  // Words that start with a letter whose output can carry a capital (not ъ, ь).
  const titleable = fc.tuple(fc.constantFrom(...letters.filter((l) => !signs.has(l))), fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 8 })).map(([a, b]) => a + b.join(''));
  const anyCase = (w: string, mode: number): string => (mode === 0 ? w : mode === 1 ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1));
  const text = fc.array(fc.tuple(lowerWord, fc.integer({ min: 0, max: 2 }), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 6 }).map((parts) => parts.map(([w, m, s]) => anyCase(w, m) + s).join(''));

  describe(`scheme ${id}: invariants`, () => {
    it('writes only characters of its declared alphabet and of the input\'s non-letters, never a Cyrillic letter it maps', () => {
      fc.assert(
        fc.property(text, (t) => {
          const out = romanize(t, { scheme: id });
          const inputOther = new Set([...t].filter((ch) => !/\p{L}/u.test(ch)));
          for (const ch of out.normalize('NFC')) {
            assert.ok(!mapped.has(ch), `Cyrillic ${ch} in ${JSON.stringify(out)}`);
            assert.ok(allowed.has(ch) || inputOther.has(ch), `${JSON.stringify(ch)} (U+${ch.codePointAt(0)!.toString(16)}) of ${JSON.stringify(out)} is not in the alphabet`);
          }
        }),
        RUNS,
      );
    });

    it('case projection: an ALL-CAPS word (allCaps upper) is the upper case of the lower-case word; a Title word its title form', () => {
      fc.assert(
        fc.property(titleable, (w) => {
          const lower = romanize(w, { scheme: id });
          assert.equal(romanize(w.toUpperCase(), { scheme: id, allCaps: 'upper' }), lower.toUpperCase().normalize('NFC'));
          assert.equal(romanize(w.charAt(0).toUpperCase() + w.slice(1), { scheme: id }), titleForm(lower, scheme.tieMarks));
        }),
        RUNS,
      );
    });

    it('NFC and NFD input romanize alike', () => {
      fc.assert(
        fc.property(text, (t) => {
          assert.equal(romanize(t.normalize('NFD'), { scheme: id }), romanize(t, { scheme: id }));
        }),
        RUNS,
      );
    });

    it('text without Cyrillic letters is left unchanged, so romanizing an output again changes nothing', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 30 }), (s) => {
          const latin = s.normalize('NFC').replace(/\p{Script=Cyrillic}/gu, '');
          assert.equal(romanize(latin, { scheme: id }), latin);
        }),
        RUNS,
      );
      fc.assert(
        fc.property(text, (t) => {
          const out = romanize(t, { scheme: id });
          assert.equal(romanize(out, { scheme: id }), out);
        }),
        RUNS,
      );
    });

    it(`passes its ${scheme.samples.length} inline samples`, () => {
      for (const [cyrillic, expected] of scheme.samples) assert.equal(romanize(cyrillic, { scheme: id }), expected.normalize('NFC'), cyrillic);
    });
  });
}
