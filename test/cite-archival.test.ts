// Archival references (spec §5.2, §5.3): every fixture line parses to the expected structure and
// formats to the expected English and Russian forms; malformed ones get the expected diagnostics.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatArchivalReference, parseArchivalReference, type ArchivalReference, type FormatArchivalOptions } from '../src/cite/index.ts';
import { LatinitsaError } from '../src/errors.ts';
import { fixturesDir, readTsv } from './support/fixtures.ts';

const dir = path.join(fixturesDir, 'citations');
const short: Record<string, string> = { fond: 'f', otdel: 'otd', opis: 'op', delo: 'd', storageUnit: 'ekh', karton: 'kart', sviazka: 'sv', stolbets: 'stb', chast: 'ch', tom: 't', kniga: 'kn', vypusk: 'vyp' };
const styles: Record<string, string> = { russian: 'ru', english: 'en', numbers: 'num' };

/** The compact structure notation of archival.tsv (see its header). */
function describeRef(r: ArchivalReference): string {
  const a = r.archive;
  const archive = a === undefined ? '' : a.id === undefined ? `?${a.text}` : a.predecessor === true ? `${a.id}<${a.latin}` : a.id;
  const parts = [styles[r.style]!, archive, ...r.units.map((u) => `${short[u.level]} ${u.ids.join(',')}`)];
  const leaf = (l: { n: string; verso: boolean }): string => l.n + (l.verso ? 'v' : '');
  if (r.leaves !== undefined) parts.push(`l ${r.leaves.map((x) => leaf(x.from) + (x.to === undefined ? '' : `–${leaf(x.to)}`)).join(',')}`);
  return parts.join('|');
}

const rows = readTsv(path.join(dir, 'archival.tsv'));

describe('archival references: fixtures', () => {
  it('has at least 60 references in Russian, English and numbers-only styles', () => {
    assert.ok(rows.length >= 60, `${rows.length} rows`);
    for (const s of ['ru|', 'en|', 'num|']) assert.ok(rows.some((r) => r[1]!.startsWith(s)), s);
  });
  for (const [input, structure, english, russian] of rows) {
    it(input!, () => {
      const { reference, diagnostics } = parseArchivalReference(input!);
      assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
      assert.ok(reference);
      assert.equal(reference.malformed, undefined);
      assert.equal(describeRef(reference), structure);
      assert.equal(formatArchivalReference(reference), english);
      assert.equal(formatArchivalReference(reference, { style: 'russian' }), russian);
      // The formatted forms read back to the same value (style and archive spelling aside).
      for (const out of [english!, russian!]) {
        const again = parseArchivalReference(out);
        assert.deepEqual(again.diagnostics.filter((d) => d.severity === 'error'), [], out);
        assert.deepEqual(again.reference!.units.length, reference.units.length, out);
        assert.deepEqual(again.reference!.leaves, reference.leaves, out);
      }
    });
  }
});

describe('archival references: formatting options', () => {
  for (const [input, options, expected] of readTsv(path.join(dir, 'options.tsv'))) {
    it(`${input} ${options}`, () => {
      const { reference } = parseArchivalReference(input!);
      assert.equal(formatArchivalReference(reference!, JSON.parse(options!) as FormatArchivalOptions), expected);
    });
  }
  it('rejects unknown options with LatinitsaError', () => {
    const { reference } = parseArchivalReference('RGASPI, f. 17, op. 3');
    assert.throws(() => formatArchivalReference(reference!, { versoStyle: 'x' as never }), (e) => e instanceof LatinitsaError && e.code === 'ERR_INVALID_OPTION');
    assert.throws(() => formatArchivalReference(reference!, { style: 'x' as never }), (e) => e instanceof LatinitsaError && e.code === 'ERR_INVALID_OPTION');
  });
});

describe('archival references: malformed and inconsistent forms', () => {
  const bad = readTsv(path.join(dir, 'malformed.tsv'));
  it('has malformed references', () => assert.ok(bad.filter((r) => r[2] === 'error').length >= 15));
  for (const [input, rule, severity, covered, message] of bad) {
    it(`${input} → ${rule}`, () => {
      const { reference, diagnostics } = parseArchivalReference(input!);
      const found = diagnostics.find((d) => d.ruleId === rule && input!.slice(d.place!.start.offset, d.place!.end.offset) === covered);
      assert.ok(found, `no ${rule} over "${covered}" in ${JSON.stringify(diagnostics)}`);
      assert.equal(found.severity, severity);
      assert.ok(found.reason.includes(message!), found.reason);
      // A reference read with errors is marked and cannot be written (it would drop or reorder
      // what was not read); one with warnings only is written.
      if (reference === undefined) return;
      if (diagnostics.some((d) => d.severity === 'error')) {
        assert.equal(reference.malformed, true);
        for (const style of ['english', 'russian', 'numbers'] as const) {
          assert.throws(() => formatArchivalReference(reference, { style }), (e) => e instanceof LatinitsaError && e.code === 'ERR_INVALID_INPUT' && /read with errors/.test(e.message));
        }
      } else {
        assert.equal(reference.malformed, undefined);
        assert.equal(typeof formatArchivalReference(reference), 'string');
      }
    });
  }
  it('the audit\'s lossy formats: a book is read and written, a reference with errors is refused', () => {
    const book = parseArchivalReference('ГАРФ. Ф. 1. Оп. 1. Д. 7. Кн. 2. Л. 3');
    assert.deepEqual(book.diagnostics, []);
    assert.equal(formatArchivalReference(book.reference!), 'GARF, f. 1, op. 1, d. 7, kn. 2, l. 3');
    for (const text of ['GARF, f. R-5446, op. 1sch, d. 5, l. 3', 'ГАРФ. Ф. Р-5446. Оп. 1. Д. 703. Л. 1–2 об.; Д. 704. Л. 5']) {
      const { reference } = parseArchivalReference(text);
      assert.equal(reference?.malformed, true, text);
      assert.throws(() => formatArchivalReference(reference!), (e) => e instanceof LatinitsaError && e.code === 'ERR_INVALID_INPUT', text);
    }
  });
  it('a lettered leaf whose letter romanized is the verso mark (5в → 5v) is not written in English, nor numbers-only', () => {
    const { reference, diagnostics } = parseArchivalReference('РГАСПИ. Ф. 1. Оп. 3. Д. 7. Л. 5в–6');
    assert.deepEqual(diagnostics, []);
    assert.equal(formatArchivalReference(reference!, { style: 'russian' }), 'РГАСПИ. Ф. 1. Оп. 3. Д. 7. Л. 5в–6');
    for (const style of ['english', 'numbers'] as const) {
      assert.throws(() => formatArchivalReference(reference!, { style }), (e) => e instanceof LatinitsaError && e.code === 'ERR_INVALID_INPUT' && /leaf "5в"/.test(e.message));
    }
  });
  it('the unexpected text quoted is the semicolon when that is all there is', () => {
    const { diagnostics } = parseArchivalReference('ГАРФ. Ф. 1. Оп. 1. Д. 7; Д. 8');
    assert.equal(diagnostics[0]!.reason, 'unexpected text ";" after "Д. 7"');
    assert.deepEqual([diagnostics[0]!.place!.start.offset, diagnostics[0]!.place!.end.offset], [23, 24]);
  });
});

describe('archival references: properties', () => {
  const id = fc.tuple(fc.constantFrom('', 'Р-', 'А-'), fc.integer({ min: 1, max: 99999 }), fc.constantFrom('', 'а', 'б')).map(([p, n, s]) => `${p}${n}${s}`);
  const leaf = fc.tuple(fc.integer({ min: 1, max: 999 }), fc.boolean()).map(([n, verso]) => ({ n: String(n), verso }));
  const range = fc.tuple(leaf, fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }), fc.boolean()).map(([from, add, v]) => (add === undefined ? { from } : { from, to: { n: String(Number(from.n) + add), verso: v } }));
  const ref = fc.record({
    archive: fc.constantFrom('РГАСПИ', 'ГАРФ', 'ЦГАИПД СПб', 'РГАЛИ', 'ЦХСД', 'ГАСО'),
    ids: fc.tuple(id, id, id),
    leaves: fc.array(range, { minLength: 1, maxLength: 3 }),
  });
  it('Russian → structure → English → structure keeps identifiers and leaves', () => {
    fc.assert(
      fc.property(ref, fc.constantFrom('ob-attached', 'ob-spaced', 'v'), ({ archive, ids, leaves }, versoStyle) => {
        const value: ArchivalReference = { style: 'russian', archive: { text: archive, range: [0, 0] }, units: [{ level: 'fond', ids: [ids[0]] }, { level: 'opis', ids: [ids[1]] }, { level: 'delo', ids: [ids[2]] }], leaves };
        const russian = formatArchivalReference(value, { style: 'russian' });
        const parsed = parseArchivalReference(russian);
        assert.deepEqual(parsed.diagnostics.filter((d) => d.severity === 'error'), []);
        assert.deepEqual(parsed.reference!.leaves, leaves);
        assert.deepEqual(parsed.reference!.units.map((u) => u.ids[0]), ids);
        const english = formatArchivalReference(parsed.reference!, { versoStyle: versoStyle as 'v' });
        const back = parseArchivalReference(english);
        assert.deepEqual(back.diagnostics.filter((d) => d.severity === 'error'), [], english);
        assert.deepEqual(back.reference!.leaves, leaves);
        assert.equal(formatArchivalReference(back.reference!, { style: 'russian' }).replace(/^[^.]*\./u, ''), russian.replace(/^[^.]*\./u, ''));
      }),
      { numRuns: 200 },
    );
  });
  it('never throws on arbitrary text; diagnostic ranges lie inside the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('Ф', '.', ' ', '1', '–', 'Л', 'об', ',', 'f', 'l', 'op', 'Д', 'а', 'R', '-') , maxLength: 30 }), (s) => {
        const { diagnostics } = parseArchivalReference(s);
        for (const { place } of diagnostics) assert.ok(place !== undefined && place.start.offset >= 0 && place.start.offset <= place.end.offset && place.end.offset <= s.length, JSON.stringify([s, place]));
      }),
      { numRuns: 500 },
    );
  });
});
