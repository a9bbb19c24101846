// The engine's shared rules (spec §0, §1): normalisation, words, case, options; then properties
// that must hold for any input (fast-check).
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LatinitsaError, createRomanizer, explain, getScheme, romanize, type RomanizeOptions } from '../src/index.ts';
import { resolveScheme, titleForm } from '../src/engine/index.ts';
import { fixturesDir, readTsv } from './support/fixtures.ts';

describe('engine rules (test/fixtures/engine/rules.tsv)', () => {
  for (const [scheme, input, expected, options, source] of readTsv(path.join(fixturesDir, 'engine', 'rules.tsv'))) {
    it(`${scheme}: ${JSON.stringify(input)} → ${JSON.stringify(expected)} ${options ?? ''} (${source})`, () => {
      const opts: RomanizeOptions = { scheme: scheme!, ...(options ? (JSON.parse(options) as Record<string, unknown>) : {}) };
      const want = expected!.normalize('NFC');
      assert.equal(romanize(input!, opts), want);
      // The general path (an exceptions list takes it) gives the same on the whole text as the
      // fast path gives line by line, and explain()'s pieces join to it (before an output profile).
      assert.equal(romanize(input!, { ...opts, exceptions: opts.exceptions ?? {} }), want, 'general path');
      if (resolveScheme(opts).profile === undefined) assert.equal(explain(input!, opts).map((s) => s.output).join('').normalize('NFC'), want, 'explain');
    });
  }
});

describe('misuse throws LatinitsaError with a code', () => {
  const cases: [string, () => unknown, string][] = [
    ['unknown scheme', () => romanize('а', { scheme: 'nope' }), 'ERR_UNKNOWN_SCHEME'],
    ['unknown option', () => romanize('а', { signs: 'omit' }), 'ERR_INVALID_OPTION'],
    ['bad option value', () => romanize('а', { signBeforeE: 'x' }), 'ERR_INVALID_OPTION'],
    ['bad allCaps', () => romanize('а', { allCaps: 'loud' as never }), 'ERR_INVALID_OPTION'],
    ['not a string', () => romanize(42 as unknown as string), 'ERR_INVALID_INPUT'],
    // An option for given names only is the checker's; romanizing cannot tell them (docs/check.md).
    ['given names only: romanize', () => romanize('Татьяна', { scheme: 'ala-lc-simplified', firstNameSigns: 'omit' }), 'ERR_INVALID_OPTION'],
    ['given names only: explain', () => explain('Татьяна', { scheme: 'ala-lc-simplified', firstNameSigns: 'omit' }), 'ERR_INVALID_OPTION'],
    ['given names only: stream', () => createRomanizer({ scheme: 'ala-lc-simplified', firstNameSigns: 'omit' }), 'ERR_INVALID_OPTION'],
  ];
  for (const [name, fn, code] of cases) {
    it(name, () => {
      assert.throws(fn, (e: unknown) => e instanceof LatinitsaError && e.code === code && e.message.length > 0);
    });
  }
});

const SCHEMES = ['modified-loc', 'ala-lc', 'ala-lc-simplified'];
const lowerLetters = (id: string): string[] => Object.keys(getScheme(id).letters).filter((l) => getScheme(id).language.letters.includes(l));
const word = (id: string, min = 2) => fc.array(fc.constantFrom(...lowerLetters(id)), { minLength: min, maxLength: 12 }).map((a) => a.join(''));
const text = fc
  .array(fc.oneof(fc.constantFrom(...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ'), fc.constantFrom(' ', '-', '.', ',', '\n', 'x', 'Q', '1', '«', '»')), { maxLength: 40 })
  .map((a) => a.join(''));

describe('properties', () => {
  for (const id of SCHEMES) {
    it(`${id}: an ALL-CAPS word in upper mode is the upper case of the lower-case word's romanization`, () => {
      fc.assert(
        fc.property(word(id), (w) => romanize(w.toUpperCase(), { scheme: id, allCaps: 'upper' }) === romanize(w, { scheme: id }).toUpperCase().normalize('NFC')),
      );
    });
    it(`${id}: a Title word starts with the title form of its first letter's value`, () => {
      const scheme = getScheme(id);
      fc.assert(
        fc.property(word(id).filter((w) => (scheme.letters[w[0]!] ?? '') !== ''), (w) => {
          const title = w[0]!.toUpperCase() + w.slice(1);
          const lower = romanize(w, { scheme: id });
          const first = explain(w, { scheme: id })[0]!.output;
          return romanize(title, { scheme: id }) === titleForm(first, scheme.tieMarks) + lower.slice(first.length);
        }),
      );
    });
    it(`${id}: NFD input gives the same output as NFC input`, () => {
      fc.assert(fc.property(text, (t) => romanize(t.normalize('NFD'), { scheme: id }) === romanize(t, { scheme: id })));
    });
    it(`${id}: no Cyrillic letter the scheme maps is left in the output, and the output is NFC`, () => {
      const mapped = new Set(Object.keys(getScheme(id).letters).flatMap((l) => [l, l.toUpperCase()]));
      fc.assert(
        fc.property(text, (t) => {
          const out = romanize(t, { scheme: id });
          return out === out.normalize('NFC') && ![...out].some((ch) => mapped.has(ch));
        }),
      );
    });
    it(`${id}: text without Cyrillic letters is unchanged (after NFC)`, () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }).filter((s) => !/\p{Script=Cyrillic}/u.test(s)), (s) => romanize(s, { scheme: id }) === s.normalize('NFC')),
      );
    });
    it(`${id}: romanizing line by line equals romanizing the whole text (spec §0.10)`, () => {
      fc.assert(fc.property(text, (t) => t.split('\n').map((l) => romanize(l, { scheme: id })).join('\n') === romanize(t, { scheme: id })));
    });
    it(`${id}: explain() pieces join to romanize()`, () => {
      fc.assert(fc.property(text, (t) => explain(t, { scheme: id }).map((s) => s.output).join('').normalize('NFC') === romanize(t, { scheme: id })));
    });
  }
});
