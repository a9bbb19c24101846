// Conversion between schemes (issue 5): fixture cases, and the spec's cross-scheme vectors (§4)
// converted from every scheme to every other.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { convert, convertDetailed, type Lexicon } from '../src/index.ts';
import { loadLexicon } from '../src/io/lexicon.ts';
import { fixturesDir, readTsv } from './support/fixtures.ts';
import { runCli } from './support/cli.ts';

let lexicon: Lexicon | undefined;
before(async () => {
  lexicon = await loadLexicon();
});

describe('convert cases (test/fixtures/reverse/convert-cases.tsv)', () => {
  for (const [from, to, input, expected, options, source] of readTsv(path.join(fixturesDir, 'reverse', 'convert-cases.tsv'))) {
    it(`${from} → ${to}: ${input} (${source})`, () => {
      const o = (options ? JSON.parse(options) : {}) as { lexicon?: boolean; all?: boolean };
      if (o.lexicon === true) assert.ok(lexicon !== undefined, 'lexicon not available');
      const got = convert(input!.normalize('NFC'), { from: from!, to: to!, ...(o.all === true ? { all: true } : {}), ...(o.lexicon === true && lexicon !== undefined ? { lexicon } : {}) });
      assert.equal(got, expected!.normalize('NFC'));
    });
  }
});

describe('words keep their own output', () => {
  it('when the text has a character the engine deletes (a zero-width joiner inside a word), later words are not shifted', () => {
    const r = convertDetailed('Gaga\u200Drin Yuriy Gagarin', { from: 'bgn-pcgn', to: 'modified-loc' });
    assert.equal(r.text, 'Gagarin Yury Gagarin');
    assert.deepEqual(r.words.map((w) => w.output), ['Gaga', 'rin', 'Yury', 'Gagarin']);
  });
});

describe('uncertain words are flagged', () => {
  it('Zinoviev (modified-loc) has two attested readings only with its context; ts is ц or тс', () => {
    const r = convertDetailed('Detsky', { from: 'modified-loc', to: 'ala-lc' });
    assert.equal(r.words[0]!.certain, false);
    assert.ok(r.words[0]!.alternatives.length > 1);
    assert.ok(new Set(r.words[0]!.alternatives.map((a) => a.output)).size > 1);
  });
  it('a reading written alike in the target is certain even when the Cyrillic is not', () => {
    // е or э: both are e in icao-9303.
    const r = convertDetailed('Eto', { from: 'ala-lc-simplified', to: 'icao-9303' });
    assert.equal(r.words[0]!.output, 'Eto');
    assert.equal(r.words[0]!.certain, true);
  });
});

const rows = readTsv(path.join(fixturesDir, 'spec', 'cross-scheme.tsv'));
const header = rows[0]!;
const vectors = rows.slice(1);
const REVERSIBLE = new Set(['ala-lc', 'iso-9', 'gost-7.79-b', 'scholarly']);
/** Pre-1918 і is written i like и in these (spec §3.6.3, §3.8.3): rows with it are not exact from them. */
const OLD_I = new Set(['gost-7.79-b', 'scholarly']);

describe(`spec §4 cross-scheme vectors: ${vectors.length} inputs, every scheme to every other`, () => {
  for (let a = 1; a < header.length; a++) {
    const from = header[a]!;
    it(`from ${from}`, (t) => {
      let ok = 0;
      let total = 0;
      const misses: string[] = [];
      for (const row of vectors) {
        for (let b = 1; b < header.length; b++) {
          if (a === b) continue;
          const got = convert(row[a]!.normalize('NFC'), { from, to: header[b]!, all: true, ...(lexicon === undefined ? {} : { lexicon }) });
          const expected = row[b]!.normalize('NFC');
          total++;
          if (got === expected) ok++;
          else misses.push(`${row[a]} → ${header[b]}: ${got} ≠ ${expected}`);
          if (REVERSIBLE.has(from) && !(OLD_I.has(from) && /[іІ]/u.test(row[0]!))) assert.equal(got, expected, `${row[0]} ${from} → ${header[b]}`);
        }
      }
      t.diagnostic(`${from}: ${ok}/${total} exact; ${misses.slice(0, 5).join('; ')}`);
      assert.ok(ok / total >= 0.85, `${from}: ${ok}/${total}`);
    });
  }
});

describe('large texts', () => {
  it('time grows with the text, not its square: 200,000 characters in well under 15 s', () => {
    // A search per word over all the text's segments made this take about 40 s; a generous bound.
    const text = "Zinov'ev i Kamenev Kirov ".repeat(8000);
    const started = performance.now();
    const result = convertDetailed(text, { from: 'ala-lc-simplified', to: 'modified-loc' });
    assert.ok(performance.now() - started < 15_000);
    assert.equal(result.text, 'Zinoviev i Kamenev Kirov '.repeat(8000));
    assert.equal(result.words.filter((w) => w.output === 'Zinoviev').length, 8000);
  });
  it('convert, which works in blocks of whole lines, gives what the whole text gives', () => {
    // Lines of every kind across several 64 Ki blocks: all-caps lines, English lines, mixed, blank.
    const lines = ["ZINOV'EV I KAMENEV", "Zinov'ev i Kamenev Kirov", 'Hello, the iPhone is big', "Moscow i Zinov'ev", '', "Gor'kii TsK\r"];
    const text = Array.from({ length: 12_000 }, (_, i) => lines[(i * 7) % lines.length]).join('\n');
    const options = { from: 'ala-lc-simplified', to: 'modified-loc', ...(lexicon === undefined ? {} : { lexicon }) };
    assert.equal(convert(text, options), convertDetailed(text, options).text);
  });
  it('convert gives the text of convertDetailed on random text: caps, English, one-letter words, long lines (property)', () => {
    const words = ["Zinov'ev", 'ZINOV\'EV', 'Kamenev', 'KAMENEV', 'i', 'I', 'v', 'V', 'Yu.', 'the', 'on', 'no', 'net', 'iPhone', 'Hello', "Gor'kii", 'TsK', 'TSK', 'Moscow', 'shchi', 'x=1', 'http://a.b/c'];
    const token = fc.oneof(fc.constantFrom(...words), fc.constantFrom(' ', ' ', ', ', '. ', '\n', '\r\n', '\n\n', ' - '));
    const options = { from: 'ala-lc-simplified', to: 'modified-loc' };
    fc.assert(
      fc.property(fc.array(token, { maxLength: 400 }), (parts) => {
        const text = parts.join('');
        assert.equal(convert(text, options), convertDetailed(text, options).text);
      }),
      { numRuns: 60 },
    );
  });
  it('convert on one line of 1 MB without a line break fits in a 128 MB heap (it builds no per-letter records)', () => {
    // Before, the text path built convertDetailed's per-letter segments and alternatives too:
    // about 500 MB per MB of one line, so this ran out of a 256 MB heap.
    const code = `const { convert } = await import(${JSON.stringify(new URL('../src/index.ts', import.meta.url).href)});
      const out = convert("Zinov'ev i Kamenev Kirov ".repeat(40_000), { from: 'ala-lc-simplified', to: 'modified-loc' });
      process.stdout.write(String(out === 'Zinoviev i Kamenev Kirov '.repeat(40_000)));`;
    const r = spawnSync(process.execPath, ['--max-old-space-size=128', '--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.stdout, 'true', `exit ${r.status} ${r.signal ?? ''}: ${r.stderr.slice(0, 300)}`);
  });
});

describe('letters the target scheme has no value for (docs/languages.md, "Unmapped letters")', () => {
  it('are reported as romanize reports them, on the input word', () => {
    const r = convertDetailed('Fyodor and Yozh', { from: 'modified-loc', to: 'uk-national', all: true });
    const d = r.diagnostics.filter((x) => x.ruleId === 'romanize/unmapped-letter');
    assert.deepEqual(d.map((x) => [x.actual, x.expected, x.place?.start.offset, x.place?.end.offset, x.data?.['word']]), [
      ['ё', ['ë'], 0, 6, 'Fyodor'],
      ['Ё', ['Ë'], 11, 15, 'Yozh'],
    ]);
  });
  it("carry the language the letters were read in, not the target scheme's (the thirty-fifth session's audit)", () => {
    // Serbian read from sr-gaj, written in modified-loc, which has no Serbian table (written as named).
    const sr = convertDetailed('Ljubav', { from: 'sr-gaj', to: 'modified-loc' }).diagnostics.filter((x) => x.ruleId === 'romanize/unmapped-letter');
    assert.deepEqual(sr.map((x) => [x.actual, x.data?.['scheme'], x.data?.['lang']]), [['Љ', 'modified-loc', 'sr']]);
    const ru = convertDetailed('Fyodor', { from: 'modified-loc', to: 'uk-national', all: true }).diagnostics.filter((x) => x.ruleId === 'romanize/unmapped-letter');
    assert.deepEqual(ru.map((x) => [x.actual, x.data?.['scheme'], x.data?.['lang']]), [['ё', 'uk-national', 'ru']]);
  });
  it('are not reported for a word the input has in Cyrillic, which is kept as written', () => {
    assert.deepEqual(convertDetailed('Ёж Fedor', { from: 'modified-loc', to: 'uk-national' }).diagnostics.filter((x) => x.ruleId === 'romanize/unmapped-letter'), []);
  });
  it('CLI: one warning line on stderr, plain or --mark; --json lists each one', async () => {
    const warning = 'latinitsa: warning: 2 letters have no value in uk-national and were written in ISO 9 or kept (ё ×1, Ё ×1); --json lists each one\n';
    for (const flags of [[], ['--mark']]) {
      const r = await runCli(['convert', '--no-lexicon', '--all', '--from', 'modified-loc', '--to', 'uk-national', ...flags, 'Fyodor Yozh']);
      assert.equal(r.stderr, `${warning}`);
    }
    const json = await runCli(['convert', '--no-lexicon', '--all', '--json', '--from', 'modified-loc', '--to', 'uk-national', 'Fyodor Yozh']);
    assert.deepEqual((JSON.parse(json.stdout) as { diagnostics: { ruleId: string }[] }).diagnostics.map((d) => d.ruleId), ['reverse/unchecked-reading', 'romanize/unmapped-letter', 'romanize/unmapped-letter']);
  });
});
