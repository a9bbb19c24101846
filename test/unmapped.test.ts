// No Cyrillic letter is left in any output without a diagnostic (docs/languages.md): for every
// scheme, random text over the whole Cyrillic repertoire (U+0400–U+052F) and the scheme's own
// letters. A letter the scheme has no value for takes the language's fallback scheme's (ISO 9)
// and is reported; one that has no value there either is kept and reported; every other letter
// is romanized silently.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { getScheme, listSchemes, romanize, romanizeDetailed } from '../src/index.ts';
import { normalizeInput, resolveScheme } from '../src/engine/index.ts';

const RUNS = { numRuns: 80 };
const CYRILLIC = Array.from({ length: 0x530 - 0x400 }, (_, i) => String.fromCodePoint(0x400 + i)).filter((ch) => /\p{L}/u.test(ch));

for (const { id } of listSchemes()) {
  const scheme = getScheme(id);
  const compiled = resolveScheme({ scheme: id });
  const own = [...scheme.language.letters];
  const letter = fc.oneof(fc.constantFrom(...own), fc.constantFrom(...CYRILLIC));
  const word = fc.array(letter, { minLength: 1, maxLength: 7 }).map((a) => a.join(''));
  const text = fc.array(fc.tuple(word, fc.constantFrom(' ', ', ', '\n', '-', '. ')), { minLength: 1, maxLength: 6 }).map((p) => p.map(([w, s]) => w + s).join(''));

  describe(`scheme ${id}: unmapped letters`, () => {
    it('every Cyrillic letter it has no value for is reported at its place; none is left unreported', () => {
      fc.assert(
        fc.property(text, (t) => {
          const r = romanizeDetailed(t, { scheme: id });
          assert.equal(r.text, romanize(t, { scheme: id }));
          const reported = new Map(r.diagnostics.map((d) => [d.place!.start.offset, d]));
          for (const d of r.diagnostics) {
            assert.equal(d.ruleId, 'romanize/unmapped-letter');
            assert.equal(t.slice(d.place!.start.offset, d.place!.end.offset), d.actual);
          }
          // Letters kept as written in the output: exactly those reported with no value.
          const kept = [...r.text].filter((ch) => /\p{Script=Cyrillic}/u.test(ch) && /\p{L}/u.test(ch));
          const keptReported = r.diagnostics.filter((d) => d.expected === undefined).map((d) => d.actual!);
          assert.deepEqual(kept.sort(), keptReported.map((a) => [...a][0]!).sort(), `${JSON.stringify(t)} → ${JSON.stringify(r.text)}`);
          // Every letter that is neither the scheme's nor the language's is reported (in the text as
          // the engine reads it: ѐ, ѝ lose their stress mark).
          const n = normalizeInput(t, { language: compiled.language });
          if (n.length !== t.length) return;
          [...n].forEach((ch, i) => {
            const lower = ch.toLowerCase();
            if (!/\p{L}/u.test(ch) || compiled.substitute.has(lower)) return;
            const mine = compiled.letters.has(lower) && !compiled.fallback.has(lower);
            const offset = [...n].slice(0, i).join('').length;
            assert.equal(reported.has(offset), !mine, `${JSON.stringify(ch)} at ${offset} in ${JSON.stringify(n)}`);
          });
        }),
        RUNS,
      );
    });
  });
}

describe('unmapped letters: examples', () => {
  it('a Russian scheme writes Ukrainian and Belarusian letters in ISO 9 and says so', () => {
    const r = romanizeDetailed('Київ, Їжак, Ґанок, Ўладзімір');
    assert.equal(r.text, 'Kiïv, Ïzhak, G̀anok, Ŭladzimir');
    assert.deepEqual(r.diagnostics.map((d) => [d.actual, d.expected?.[0], d.place!.start.column]), [['ї', 'ï', 3], ['Ї', 'Ï', 7], ['Ґ', 'G̀', 13], ['Ў', 'Ŭ', 20]]);
    assert.match(r.diagnostics[0]!.reason, /has no value in modified-loc; it is written "ï", its iso-9 value/);
  });
  it('a letter ISO 9 has no value for either is kept and reported without a value', () => {
    const r = romanizeDetailed('Ԁ', { scheme: 'iso-9' });
    assert.equal(r.text, 'Ԁ');
    assert.equal(r.diagnostics.length, 1);
    assert.equal(r.diagnostics[0]!.expected, undefined);
  });
  it('a text the scheme covers has no diagnostics', () => {
    assert.deepEqual(romanizeDetailed('Київ', { lang: 'uk' }).diagnostics, []);
  });
});
