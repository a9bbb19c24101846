// `latinitsa reverse` / `deromanize` and `latinitsa convert`, run in-process through main().
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { main } from '../src/cli/main.ts';
import { runCli } from './support/cli.ts';

function cli(argv: string[], stdinText?: string, cwd = process.cwd()): ReturnType<typeof runCli> {
  return runCli(argv, { ...(stdinText === undefined ? {} : { stdin: stdinText }), cwd });
}

let dir = '';
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'latinitsa-reverse-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('latinitsa reverse', () => {
  // Belarusian has no shipped lexicon (Ukrainian and Bulgarian have, docs/languages.md "Reverse"):
  // its names are read with letter statistics alone, the Russian lexicon left out.
  it('reads a list of names in the scheme of a language without a lexicon as without one, and warns only when it read a word', async () => {
    const names = 'Janka Kupala, Jakub Kolas';
    const withLexicon = await cli(['reverse', '-s', 'be-national', names]);
    const without = await cli(['reverse', '-s', 'be-national', '--no-lexicon', names]);
    // The Russian lexicon knows no Belarusian word: it neither attests a reading nor leaves the names unread.
    assert.equal(withLexicon.stdout, without.stdout);
    assert.match(withLexicon.stdout, /^Янка /u);
    assert.match(withLexicon.stderr, /^latinitsa: warning: readings of Belarusian from be-national are not checked against a dictionary/u);
    const nothing = await cli(['reverse', '-s', 'be-national', 'The history of the country.']);
    assert.deepEqual([nothing.stdout, nothing.stderr], ['The history of the country.\n', '']);
  });
  it('reads Ukrainian names with the shipped Ukrainian lexicon: the names as spelt, no warning', async () => {
    const names = 'Mykhailo Hrushevskyi, Lesia Ukrainka, Ivan Franko';
    const r = await cli(['reverse', '-s', 'uk-national', names]);
    assert.deepEqual([r.stdout, r.stderr], ['Михайло Грушевський, Леся Українка, Іван Франко\n', '']);
    // Letter statistics alone miss the ь the 2010 table does not write and read ai as ай.
    assert.equal((await cli(['reverse', '-s', 'uk-national', '--no-lexicon', names])).stdout, 'Михайло Грушевский, Леся Украйнка, Іван Франко\n');
  });
  it('reads the arguments', async () => {
    const r = await cli(['reverse', '-s', 'ala-lc', 'Kubanʹ, Hello, iPhone']);
    assert.deepEqual([r.code, r.stdout], [0, 'Кубань, Hello, iPhone\n']);
  });
  it('is also called deromanize, and reads stdin', async () => {
    const r = await cli(['deromanize', '--scheme', 'iso-9'], 'Ûliâ\nHello, iPhone; Moscow is big\n');
    assert.deepEqual([r.code, r.stdout], [0, 'Юлия\nHello, iPhone; Moscow is big\n']);
  });
  it('ends its output as the input ends: a line for text arguments; stdin and files as they are, with or without a final newline', async () => {
    const file = path.join(dir, 'bare.txt');
    await writeFile(file, 'Zinov’ev');
    for (const command of [['reverse', '-s', 'ala-lc-simplified'], ['convert', '--from', 'ala-lc-simplified', '--to', 'wikipedia'], ['convert', '--mark', '--from', 'ala-lc-simplified', '--to', 'wikipedia']]) {
      const out = command[0] === 'reverse' ? 'Зиновьев' : 'Zinovyev';
      assert.equal((await cli([...command, 'Zinov’ev'])).stdout, `${out}\n`, command.join(' '));
      assert.equal((await cli([...command, '-'], 'Zinov’ev')).stdout, out, command.join(' '));
      assert.equal((await cli([...command, '-'], 'Zinov’ev\n')).stdout, `${out}\n`, command.join(' '));
      assert.equal((await cli([...command, '-i', file])).stdout, out, command.join(' '));
      assert.equal((await cli([...command, '-'], '')).stdout, '', command.join(' '));
    }
  });
  it('reads files and takes scheme options', async () => {
    const file = path.join(dir, 'in.txt');
    await writeFile(file, "Sokol'nikov i Zinov'ev\n");
    const r = await cli(['reverse', '-s', 'ala-lc-simplified', '-O', 'signs=ascii', '--input', file]);
    assert.deepEqual([r.code, r.stdout], [0, 'Сокольников и Зиновьев\n']);
  });
  it('--json shows candidates, scores and certainty', async () => {
    const r = await cli(['reverse', '--json', '-s', 'modified-loc', 'Piatakov']);
    assert.equal(r.code, 0);
    const data = JSON.parse(r.stdout) as { text: string; words: { output: string; certain: boolean; candidates: { text: string; score: number; attested: string[] }[] }[] };
    assert.equal(data.text, 'Пятаков');
    assert.equal(data.words[0]!.certain, true);
    assert.ok(data.words[0]!.candidates.length > 1);
    assert.ok(data.words[0]!.candidates[0]!.attested.includes('surname'));
  });
  it('--scheme-file: a scheme of one\'s own, read as check and romanize read it', async () => {
    // test/fixtures/check/schemes/lc-no-signs.json writes й as y (Троцкий: Trotskiy); the default scheme reads Chaykovskiy as Чаыковскиий.
    const r = await cli(['reverse', '--scheme-file', 'test/fixtures/check/schemes/lc-no-signs.json', 'Trotskiy Chaykovskiy']);
    assert.deepEqual([r.code, r.stdout], [0, 'Троцкий Чайковский\n'], r.stderr);
    const both = await cli(['reverse', '-s', 'ala-lc', '--scheme-file', 'x.json', 'x']);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /^latinitsa: reverse: give either --scheme or --scheme-file/u);
    const bad = await cli(['reverse', '--scheme-file', 'test/fixtures/cli/bad-scheme.json', 'x']);
    assert.match(bad.stderr, /^latinitsa: test\/fixtures\/cli\/bad-scheme\.json: \/letters\/ж: /u);
  });
  it('-O lang=ID gives the language of the input, as its --help says (docs/cli.md)', async () => {
    const help = (await cli(['reverse', '--help'])).stdout;
    assert.match(help, /-O lang=ID: the language of the input/u);
    // The summary says what is read back: not Russian only (sr-gaj, -O lang=uk).
    assert.match(help, /^Reads romanized text in the scheme's language \(Russian by default; -O lang=ID or a scheme of\nanother language, sr-gaj\) back into Cyrillic\. Words that are not romanized text under the\nscheme/mu);
    const r = await cli(['reverse', '-s', 'ala-lc', '-O', 'lang=uk', 'Kyïv']);
    assert.deepEqual([r.code, r.stdout], [0, 'Київ\n'], r.stderr);
  });
  it('errors: invalid UTF-8 with the byte offset, unknown scheme, missing file', async () => {
    const file = path.join(dir, 'bad.txt');
    await writeFile(file, Buffer.from([0x4b, 0x69, 0xff, 0x72]));
    const bad = await cli(['reverse', '--no-lexicon', '-i', file]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /byte 2|offset 2/);
    const unknown = await cli(['reverse', '--no-lexicon', '-s', 'nope', 'x']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown scheme/);
    const missing = await cli(['reverse', '--no-lexicon', '-i', path.join(dir, 'none.txt')]);
    assert.equal(missing.code, 2);
    assert.equal(missing.stdout, '');
  });
});

describe('latinitsa convert', () => {
  it('converts between schemes', async () => {
    const r = await cli(['convert', '--from', 'ala-lc-simplified', '--to', 'modified-loc', "Zinov'ev, Hello, iPhone; Moscow is big"]);
    assert.deepEqual([r.code, r.stdout], [0, 'Zinoviev, Hello, iPhone; Moscow is big\n']);
  });
  it('--mark flags uncertain words; --json gives per-word results', async () => {
    const marked = await cli(['convert', '-f', 'modified-loc', '-t', 'ala-lc', '--mark', 'Zinoviev Yezhov']);
    assert.equal(marked.stdout, 'Zinovʹev[?] Ezhov\n');
    const json = await cli(['convert', '-f', 'bgn-pcgn', '-t', 'modified-loc', '--json', 'Yuriy']);
    const data = JSON.parse(json.stdout) as { text: string; words: { cyrillic: string; certain: boolean }[] };
    assert.deepEqual([data.text, data.words[0]!.cyrillic, data.words[0]!.certain], ['Yury', 'Юрий', true]);
  });
  it('--from-file and --to-file take a scheme of one\'s own; either the id or the file', async () => {
    // test/fixtures/cli/house-scheme.json: ala-lc-simplified with ь and ъ dropped (its sample: Сокольников Sokolnikov).
    const house = path.join('test', 'fixtures', 'cli', 'house-scheme.json');
    const r = await cli(['convert', '--from', 'ala-lc-simplified', '--to-file', house, 'Sokol’nikov i Zinov’ev, Hello']);
    assert.deepEqual([r.code, r.stdout], [0, 'Sokolnikov i Zinovev, Hello\n']);
    const both = await cli(['convert', '--from', 'ala-lc', '--to', 'ala-lc', '--to-file', house, 'x']);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /give either --to or --to-file/);
    const bad = await cli(['convert', '--from-file', 'test/fixtures/cli/bad-scheme.json', '--to', 'ala-lc', 'x']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^latinitsa: test\/fixtures\/cli\/bad-scheme\.json: \/letters\/ж: /m);
  });
  it('needs --from and --to', async () => {
    const r = await cli(['convert', '--to', 'ala-lc', 'x']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--from/);
  });
});

// The shipped Ukrainian and Bulgarian lexicons are for reading romanized text back (reverse,
// convert). The checker reads every word as Russian (docs/check.md, "Checking against a scheme of
// another language"), so `check --lang bg` reads with the Russian lexicon, as before they shipped:
// with the Bulgarian one it reported Georgiy beside Georgi, which the Russian one does not.
describe('latinitsa check --lang', () => {
  it('reads with the Russian lexicon whatever the language of the text', async () => {
    const { checkText } = await import('../src/index.ts');
    const { loadLexicon } = await import('../src/io/lexicon.ts');
    const text = 'Ivan Vazov wrote in Sofia; Hristo Botev and Khristo Botev; Georgi Dimitrov and Georgiy Dimitrov.\n';
    const found = (d: { ruleId: string; actual: string; confidence: number }[]): string[] => d.map((x) => `${x.ruleId} ${x.actual} ${x.confidence}`);
    const r = await cli(['check', '--lang', 'bg', '--json', '--min-confidence', '0', '-'], text);
    const russian = checkText(text, { lang: 'bg', minConfidence: 0, lexicon: (await loadLexicon())! });
    const bulgarian = checkText(text, { lang: 'bg', minConfidence: 0, lexicon: (await loadLexicon({ language: 'bg' }))! });
    assert.deepEqual(found(JSON.parse(r.stdout)), found(russian));
    assert.notDeepEqual(found(russian), found(bulgarian));
  });
});
