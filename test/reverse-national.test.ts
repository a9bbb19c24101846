// Reading back the lossy national schemes (docs/languages.md, "Reverse"), on the standards' own
// examples (test/fixtures/reverse/national.tsv): the original is among the readings, a reading
// that is not the original is never certain (nor is its conversion), and without a lexicon of
// the language the result says the readings were not checked against a dictionary. The Russian
// lexicon is not one: it attested Донецк for the Ukrainian Donetsk and made it certain. With the
// shipped lexicon of the language every example's best reading is the original.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { convertDetailed, createLexicon, deromanizeDetailed, romanize } from '../src/index.ts';
import { loadLexicon } from '../src/io/lexicon.ts';
import type { Lexicon } from '../src/reverse/lexicon.ts';
import { runCli } from './support/cli.ts';

const cases = readFileSync(new URL('./fixtures/reverse/national.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l !== '' && !l.startsWith('#'))
  .map((l) => l.split('\t') as [string, string, string]);

const ALA_LC: Record<string, string> = { 'uk-national': 'ala-lc-uk', 'bg-streamlined': 'ala-lc-bg' };

const LANGUAGE: Record<string, string> = { 'uk-national': 'uk', 'bg-streamlined': 'bg' };

describe('reading back the lossy national schemes', () => {
  let lexicon: Lexicon | undefined;
  const own = new Map<string, Lexicon | undefined>();
  before(async () => {
    lexicon = await loadLexicon();
    for (const language of ['uk', 'bg']) own.set(language, await loadLexicon({ language }));
  });
  for (const [scheme, latin, cyrillic] of cases) {
    it(`${scheme} ${latin} (${cyrillic})`, () => {
      assert.equal(romanize(cyrillic, { scheme }), latin, 'the fixture line is the scheme’s own');
      for (const lex of [lexicon, undefined]) {
        const r = deromanizeDetailed(latin, { scheme, all: true, ...(lex === undefined ? {} : { lexicon: lex }) });
        for (const w of r.words) {
          const original = cyrillic.split(' ')[r.words.indexOf(w)]!;
          assert.ok(w.candidates.some((c) => c.text === original), `${original} among ${w.candidates.map((c) => c.text).join(' ')}`);
          if (w.certain) assert.equal(w.output, original, `${w.output} certain`);
        }
        assert.deepEqual(r.diagnostics.map((d) => d.ruleId), ['reverse/unchecked-reading']);
        const c = convertDetailed(latin, { from: scheme, to: ALA_LC[scheme]!, all: true, ...(lex === undefined ? {} : { lexicon: lex }) });
        const expected = romanize(cyrillic, { scheme: ALA_LC[scheme]! }).split(' ');
        c.words.forEach((w, k) => {
          if (w.certain) assert.equal(w.output, expected[k], `${w.output} certain`);
        });
        assert.deepEqual(c.diagnostics.map((d) => d.ruleId), ['reverse/unchecked-reading']);
      }
      const mine = own.get(LANGUAGE[scheme]!);
      assert.ok(mine !== undefined, `data/lexicon/lexicon-${LANGUAGE[scheme]!}.bin is missing (npm run build:lexicon)`);
      const r = deromanizeDetailed(latin, { scheme, all: true, lexicon: mine });
      assert.equal(r.text, cyrillic, 'with the lexicon of the language');
      assert.deepEqual(r.diagnostics, []);
    });
  }

  it('a lexicon of the scheme’s language is used, and then no warning', () => {
    const uk = createLexicon({ words: [['донецьк', 16]], language: 'uk' });
    const r = deromanizeDetailed('Donetsk', { scheme: 'uk-national', all: true, lexicon: uk });
    assert.equal(r.text, 'Донецьк');
    assert.equal(r.words[0]!.certain, true);
    assert.deepEqual(r.diagnostics, []);
  });

  it('Russian with its lexicon, and the exact schemes, have no warning', () => {
    assert.deepEqual(deromanizeDetailed('Zinoviev', { scheme: 'modified-loc', all: true, ...(lexicon === undefined ? {} : { lexicon }) }).diagnostics, []);
    assert.deepEqual(deromanizeDetailed('Kyïv', { scheme: 'iso-9', schemeOptions: { lang: 'uk' }, all: true }).diagnostics, []);
  });

  it('CLI: a language without a lexicon: one warning on stderr; --json lists it; --mark marks the uncertain words', async () => {
    const plain = await runCli(['reverse', '--all', '-s', 'be-national', 'Hrodna Zhoda']);
    assert.equal(plain.code, 0);
    assert.match(plain.stderr, /^latinitsa: warning: readings of Belarusian from be-national are not checked against a dictionary/);
    assert.equal(plain.stderr.trim().split('\n').length, 1);
    const json = await runCli(['reverse', '--all', '--json', '-s', 'be-national', 'Zhoda']);
    const parsed = JSON.parse(json.stdout) as { words: { certain: boolean }[]; diagnostics: { ruleId: string }[] };
    assert.equal(parsed.words[0]!.certain, false);
    assert.deepEqual(parsed.diagnostics.map((d) => d.ruleId), ['reverse/unchecked-reading']);
    const marked = await runCli(['convert', '--all', '--from', 'be-national', '--to', 'ala-lc-be', '--mark', 'Zhoda']);
    assert.match(marked.stdout, /^\S+\[\?\]\n$/u);
    assert.match(marked.stderr, /not checked against a dictionary/);
  });

  it('CLI: reverse and convert read Ukrainian and Bulgarian with the lexicon of the language: no warning', async () => {
    const uk = await runCli(['reverse', '--all', '-s', 'uk-national', 'Donetsk Kyiv']);
    assert.deepEqual([uk.code, uk.stdout, uk.stderr], [0, 'Донецьк Київ\n', '']);
    const lang = await runCli(['reverse', '--all', '-s', 'bgn-pcgn', '-O', 'lang=uk', 'Kyiv']);
    assert.deepEqual([lang.stdout, lang.stderr], ['Київ\n', '']);
    const bg = await runCli(['reverse', '--all', '--json', '-s', 'bg-streamlined', 'Kazanlak']);
    const parsed = JSON.parse(bg.stdout) as { text: string; words: { certain: boolean }[]; diagnostics: unknown[] };
    assert.deepEqual([parsed.text, parsed.words[0]!.certain, parsed.diagnostics, bg.stderr], ['Казанлък', true, [], '']);
    const converted = await runCli(['convert', '--all', '--from', 'uk-national', '--to', 'ala-lc-uk', '--mark', 'Donetsk Kyiv']);
    assert.deepEqual([converted.stdout, converted.stderr], ['Donet͡sʹk Kyïv\n', '']);
    // --no-lexicon asks for letter statistics alone: no warning line, the diagnostic still in --json.
    const asked = await runCli(['reverse', '--all', '--no-lexicon', '--json', '-s', 'uk-national', 'Donetsk']);
    assert.equal(asked.stderr, '');
    assert.equal((JSON.parse(asked.stdout) as { diagnostics: unknown[] }).diagnostics.length, 1);
  });
});
