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
  it('a letter is reported at its place in the text as given, also when the text is not NFC or has invisible characters', () => {
    // The fuzzer found the warning naming "\n" instead of Ҩ: offsets in the normalised text (the
    // zero-width joiner deleted) were read in the text as given.
    const t = 'ӥ\u200Dе\r\nҨе и\u0306 Ӂ';
    assert.deepEqual(romanizeDetailed(t).diagnostics.map((d) => [d.actual, d.place!.start.offset, d.place!.end.offset]), [['ӥ', 0, 1], ['Ҩ', 5, 6], ['Ӂ', 11, 12]]);
    assert.deepEqual(romanizeDetailed('а\u00ADӁ и\u0308').diagnostics.map((d) => [d.actual, d.place!.start.offset]), [['Ӂ', 2], ['и\u0308', 4]]);
  });
  it('property: the text as given and its normalised form report the same letters; each range holds its letter', () => {
    const compiled = resolveScheme({});
    const letter = fc.oneof(fc.constantFrom(...CYRILLIC), fc.constantFrom(...CYRILLIC).map((c) => c.normalize('NFD')));
    const extra = fc.constantFrom('', '', '', '\u0301', '\u0300', '\u00AD', '\u200B', '\u200D', '\u0308');
    const word = fc.array(fc.tuple(letter, extra), { minLength: 1, maxLength: 6 }).map((a) => a.map(([l, x]) => l + x).join(''));
    const text = fc.array(fc.tuple(word, fc.constantFrom(' ', '\r\n', '-', ', ')), { minLength: 1, maxLength: 5 }).map((p) => p.map(([w, sep]) => w + sep).join(''));
    fc.assert(
      fc.property(text, (t) => {
        const n = normalizeInput(t, { language: compiled.language });
        const given = romanizeDetailed(t).diagnostics;
        let last = 0;
        for (const d of given) {
          assert.equal(t.slice(d.place!.start.offset, d.place!.end.offset), d.actual);
          assert.ok(d.place!.start.offset >= last, JSON.stringify(t));
          last = d.place!.end.offset;
        }
        const read = (a: string): string => normalizeInput(a, { language: compiled.language });
        assert.deepEqual(given.map((d) => read(d.actual!)), romanizeDetailed(n).diagnostics.map((d) => d.actual), JSON.stringify(t));
      }),
      RUNS,
    );
  });
  it('a text the scheme covers has no diagnostics', () => {
    assert.deepEqual(romanizeDetailed('Київ', { lang: 'uk' }).diagnostics, []);
  });
});
