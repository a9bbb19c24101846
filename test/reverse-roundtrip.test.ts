// Exact reverse of the reversible schemes (issue 5): deromanize(romanize(s)) === s for random
// Cyrillic text with lower-case, Title and ALL-CAPS words, hyphens, line breaks and the scheme's
// pre-1918 letters, up to the stated normalisations of test/fixtures/reverse/normalisations.tsv.
// REVERSE_RUNS sets the number of strings per scheme (default 10,000; `npm run test:reverse-long`).
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { deromanize, getScheme, romanize } from '../src/index.ts';
import { resolveScheme } from '../src/engine/index.ts';
import { fixturesDir, readTsv } from './support/fixtures.ts';

const REVERSIBLE = ['ala-lc', 'iso-9', 'gost-7.79-b', 'scholarly'];
const RUNS = Number(process.env.REVERSE_RUNS ?? 10000);
const rows = readTsv(path.join(fixturesDir, 'reverse', 'normalisations.tsv'));

function rewrite(s: string, pattern: string, replacement: string): string {
  return s.replace(new RegExp(pattern, 'giu'), (m: string) => {
    if (replacement === '') return '';
    const first = m[0] !== m[0]!.toLowerCase();
    const last = m[m.length - 1] !== m[m.length - 1]!.toLowerCase();
    return (first ? replacement[0]!.toUpperCase() : replacement[0]!) + (last ? replacement.slice(1).toUpperCase() : replacement.slice(1));
  });
}

/** Case of letters written as nothing (§1.4.6): upper when both neighbours are; at a word edge, when the word's other letters are all upper and at least two. */
function signCase(s: string, scheme: string): string {
  const compiled = resolveScheme({ scheme });
  const silent = (ch: string): boolean => { const v = compiled.letters.get(ch.toLowerCase())?.lower; return v !== undefined && !/\p{Script=Latin}/u.test(v); };
  return s.replace(/[\p{L}\p{M}]+/gu, (word) => {
    const chars = [...word];
    const cased = chars.map((ch) => (silent(ch) ? undefined : ch !== ch.toLowerCase()));
    // At a word edge: upper when the word's romanization is all capitals, at least two.
    const latin = chars.filter((ch, i) => cased[i] !== undefined).map((ch) => compiled.letters.get(ch.toLowerCase())?.lower ?? ch).join('').replace(/[^\p{L}]/gu, '');
    const allUpper = latin.length >= 2 && cased.every((c) => c !== false);
    return chars
      .map((ch, i) => {
        if (cased[i] !== undefined) return ch;
        const prev = cased.slice(0, i).reverse().find((c) => c !== undefined);
        const next = cased.slice(i + 1).find((c) => c !== undefined);
        const up = prev === undefined || next === undefined ? allUpper : prev && next;
        return up ? ch.toUpperCase() : ch.toLowerCase();
      })
      .join('');
  });
}

function normalise(s: string, scheme: string): string {
  let out = s;
  // The rewrites are applied in order, again and again until nothing changes (ьъь → ъьь → ъъ).
  for (let prev = ''; prev !== out; ) {
    prev = out;
    for (const [id, pattern, replacement] of rows) if (id === scheme) out = rewrite(out, pattern!, replacement ?? '');
  }
  return signCase(out, scheme);
}

function textArbitrary(scheme: string): fc.Arbitrary<string> {
  const compiled = resolveScheme({ scheme });
  const letters = [...compiled.letters.keys()].filter((l) => !compiled.substitute.has(l) && !compiled.fallback.has(l));
  const word = fc
    .tuple(fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 9 }), fc.constantFrom('lower', 'lower', 'title', 'upper'))
    .map(([a, c]) => {
      const w = a.join('');
      return c === 'lower' ? w : c === 'upper' ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1);
    });
  return fc
    .array(fc.tuple(word, fc.constantFrom(' ', ' ', '-', ', ', '\n', ' — ', '. ')), { minLength: 1, maxLength: 5 })
    .map((a) => a.map(([w, sep]) => w + sep).join('').trimEnd());
}

describe('normalisations are genuine collisions (romanization unchanged)', () => {
  for (const scheme of REVERSIBLE) {
    it(scheme, () => {
      fc.assert(
        fc.property(textArbitrary(scheme), (s) => {
          assert.equal(romanize(normalise(s, scheme), { scheme }).toLowerCase(), romanize(s, { scheme }).toLowerCase());
        }),
        { numRuns: 500 },
      );
    });
  }
});

describe(`deromanize(romanize(s)) === normalise(s), ${RUNS} random strings per scheme`, () => {
  for (const scheme of REVERSIBLE) {
    it(`${scheme} (${getScheme(scheme).name})`, () => {
      fc.assert(
        fc.property(textArbitrary(scheme), (s) => {
          assert.equal(deromanize(romanize(s, { scheme }), { scheme, all: true }), normalise(s, scheme));
        }),
        { numRuns: RUNS },
      );
    });
  }
});

describe('input variants of spec §1.6 read as the canonical characters', () => {
  const cases: [string, string, string, Record<string, unknown>?][] = [
    ['ala-lc', "Sokol'nikov, Sokol’nikov, Sokol′nikov", 'Сокольников, Сокольников, Сокольников'],
    ['ala-lc', 'Pod"ezdnoĭ, Pod”ezdnoĭ, Pod″ezdnoĭ', 'Подъездной, Подъездной, Подъездной'],
    ['ala-lc', 'T︠s︡imli︠a︡nsk T͡Simli͡ansk', 'Цимлянск Цимлянск'],
    ['ala-lc', 'Ozёrnyĭ', 'Озёрный'],
    ['ala-lc', 'T︠s︡imli︠a︡nsk T͡Simli͡ansk', 'Цимлянск Цимлянск', { tie: 'halves' }],
    ['iso-9', "Ûliâ, s\"ešʹ eŝё", 'Юлия, съешь ещё'],
  ];
  for (const [scheme, input, expected, schemeOptions] of cases) {
    it(`${scheme}: ${input}`, () => {
      assert.equal(deromanize(input, { scheme, all: true, ...(schemeOptions ? { schemeOptions } : {}) }), expected);
    });
  }
});
