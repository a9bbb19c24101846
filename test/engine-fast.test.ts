// The fast path (src/engine/fast/) and the byte/stream path (src/engine/stream.ts) against the
// general path (romanizeGeneral), on random Cyrillic + Latin + punctuation text, for every
// registered scheme and random option values. They must agree exactly.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createRomanizer, getScheme, listSchemes, romanize, romanizeBuffer, type RomanizeOptions } from '../src/index.ts';
import { applyProfile, romanizeGeneral } from '../src/engine/romanize.ts';
import { romanizableValues } from '../src/engine/compile.ts';
import { resolveScheme } from '../src/engine/resolve.ts';
import { romanizeStringFast } from '../src/engine/fast/string.ts';
import { getFastScheme, utf16Tables } from '../src/engine/fast/tables.ts';
import { createCountingRomanizer } from '../src/engine/stream.ts';
import { countReportable } from '../src/engine/auto.ts';

// Letters of the language (both cases), pre-1918 letters, Cyrillic letters the fast tables do not
// model (ѐ, ӂ, Ԁ), Latin look-alikes, marks (stress, diaeresis), invisible characters, line breaks,
// the full stop and hyphen that case and joining rules look at, typographic punctuation, an astral character.
const pieces = [
  ...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯіѣѳѵІѢѲѴѿѾ',
  'ѐ', 'ӂ', 'Ԁ', 'a', 'e', 'o', 'p', 'c', 'x', 'A', 'B', 'K', 'M', 'h', 'Z',
  '\u0301', '\u0300', '\u0308', '\u00ad', '\u200b', '\n', '\r', '\r\n', '.', '-', ' ', ' ', ' ', ',', '«', '»', '—', '\u00a0', '№', '5', '😀',
  'Я ', 'ЦК ', 'Ю. ', 'ий', 'ый', 'ия', 'ье', 'ъе', 'ай', 'ыа', '-\n',
  // Letters of the other languages, and Ukrainian and Belarusian apostrophes (an apostrophe between two letters is a letter of the word there).
  ...'ґєіїўҐЄІЇЎђјљњћџѓѕќЂЈЉЊЋЏЃЅЌ', "'", '\u2019', '\u02bc', '\u00b4', "м'я", 'б\u2019є', 'зь', 'ль', 'нь', 'сь', 'ць', 'Зь',
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join(''));

/** Random values for the common options and each of the scheme's own options. */
function optionsFor(id: string): fc.Arbitrary<RomanizeOptions> {
  const scheme = getScheme(id);
  const own: Record<string, fc.Arbitrary<string | undefined>> = {};
  // A value for given names only is refused by romanize (docs/check.md), so it is not drawn.
  for (const [name, option] of Object.entries(scheme.options)) own[name] = fc.constantFrom(undefined, ...romanizableValues(option));
  return fc.record({
    allCaps: fc.constantFrom(undefined, 'upper', 'acronym', 'auto'),
    preReform: fc.constantFrom(undefined, 'native', 'modernize'),
    ...own,
  }).map((o) => {
    const clean: RomanizeOptions = { scheme: id };
    for (const [k, v] of Object.entries(o)) if (v !== undefined) clean[k] = v;
    return clean;
  });
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

describe('fast path = general path', () => {
  for (const { id } of listSchemes()) {
    it(`${id}: romanize (string fast path) equals the general path`, () => {
      fc.assert(
        fc.property(text, optionsFor(id), (t, options) => {
          const compiled = resolveScheme(options);
          const general = applyProfile(romanizeGeneral(t, options), compiled);
          // The fast loop itself (romanize takes it only once a scheme's fast tables are worth
          // building), writing UTF-8 and, for a scheme with forms beyond ASCII, UTF-16.
          const fast = getFastScheme(compiled);
          assert.equal(applyProfile(romanizeStringFast(fast, t, romanizeGeneral, options), compiled), general);
          const wide = utf16Tables(fast);
          if (wide !== undefined) assert.equal(applyProfile(romanizeStringFast(wide, t, romanizeGeneral, options), compiled), general);
          assert.equal(romanize(t, options), general);
        }),
        { numRuns: 300 },
      );
    });
    it(`${id}: with joinLineBreakHyphens, romanize (the fast path unless a line ends in a hyphen) equals the general path`, () => {
      fc.assert(
        fc.property(text, optionsFor(id), fc.boolean(), (t, options, hyphen) => {
          const all = { ...options, joinLineBreakHyphens: true };
          const input = hyphen ? `${t}-\n${t}` : t;
          assert.equal(romanize(input, all), applyProfile(romanizeGeneral(input, all), resolveScheme(all)));
        }),
        { numRuns: 300 },
      );
    });
    it(`${id}: romanizeBuffer and createRomanizer (any chunking) equal romanize; the counting romanizer counts what countReportable counts in the whole text`, () => {
      const extra = fc.record({ joinLineBreakHyphens: fc.boolean(), repairHomoglyphs: fc.boolean() }, { requiredKeys: [] });
      fc.assert(
        fc.property(text, optionsFor(id), extra, fc.array(fc.nat(), { maxLength: 5 }), (t, options, more, cuts) => {
          const all = { ...options, ...more };
          const expected = romanize(t, all);
          const bytes = encoder.encode(t);
          assert.equal(decoder.decode(romanizeBuffer(bytes, all)), expected);
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const counts = new Map<string, number>();
          const romanizers = [createRomanizer(all), ...(all.lang === 'auto' ? [] : [createCountingRomanizer({ romanize: all, counts })])];
          for (const r of romanizers) {
            const outs: Uint8Array[] = [];
            let from = 0;
            for (const p of [...points, bytes.length]) {
              outs.push(r.push(bytes.subarray(from, p)));
              from = p;
            }
            outs.push(r.end());
            assert.equal(outs.map((o) => decoder.decode(o, { stream: true })).join(''), expected);
          }
          if (all.lang !== 'auto') {
            const whole = new Map<string, number>();
            countReportable(t, resolveScheme(all), whole);
            assert.deepEqual([...counts].sort(), [...whole].sort());
          }
        }),
        { numRuns: 200 },
      );
    });
  }
});

describe('byte path input handling', () => {
  it('drops a leading byte-order mark, as decodeUtf8 does', () => {
    assert.equal(decoder.decode(romanizeBuffer(new Uint8Array([0xef, 0xbb, 0xbf, 0xd0, 0x9a]))), 'K');
  });
  it('reports invalid UTF-8 with its byte offset, across chunks', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.constantFrom([0xff], [0xc0, 0x80], [0xd0], [0xed, 0xa0, 0x80]), fc.nat(), (t, at, bad, cut) => {
        const good = encoder.encode(t.replace(/\r/g, ''));
        // Insert the bad sequence at a character boundary.
        let pos = at % (good.length + 1);
        while (pos < good.length && (good[pos]! & 0xc0) === 0x80) pos++;
        const bytes = new Uint8Array([...good.subarray(0, pos), ...bad, ...good.subarray(pos)]);
        const r = createRomanizer();
        const c = cut % (bytes.length + 1);
        assert.throws(
          () => {
            r.push(bytes.subarray(0, c));
            r.push(bytes.subarray(c));
            r.end();
          },
          (e: { code?: string; offset?: number }) => e.code === 'ERR_INVALID_UTF8' && e.offset === pos,
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('long texts', () => {
  // The string path decodes its output a chunk of lines at a time and grows its buffer for a long
  // word or line; the byte path grows its sink. Neither may change the result: a long text gives
  // what its lines give one by one (each short line is checked against the general path above).
  const lines = fc.array(text.map((t) => t.replace(/[\r\n]/g, ' ')), { minLength: 1, maxLength: 20 });
  it('romanize and romanizeBuffer of a text of several chunks equal its lines romanized one by one', () => {
    fc.assert(
      fc.property(lines, fc.constantFrom(...listSchemes().map((s) => s.id)), fc.nat(40), (ls, scheme, wordLength) => {
        // Repeated to some 600 KB, with a word of thousands of letters and a line of 200,000 characters.
        const long = ['Щ'.repeat(wordLength * 500 + 1), 'ж'.repeat(200_000)];
        const all: string[] = [];
        for (let size = 0; size < 600_000; ) {
          for (const l of [...ls, ...long]) {
            all.push(l);
            size += l.length;
          }
        }
        const expected = all.map((l) => romanize(l, { scheme })).join('\n');
        const joined = all.join('\n');
        assert.equal(romanize(joined, { scheme }), expected);
        assert.equal(decoder.decode(romanizeBuffer(encoder.encode(joined), { scheme })), expected);
      }),
      { numRuns: 8 },
    );
  });
});

it('createCountingRomanizer refuses lang auto with the one error class, code ERR_INVALID_OPTION', () => {
  assert.throws(() => createCountingRomanizer({ romanize: { lang: 'auto' }, counts: new Map() }), { name: 'LatinitsaError', code: 'ERR_INVALID_OPTION' });
});
