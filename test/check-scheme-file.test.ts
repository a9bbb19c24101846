// The checker with a scheme of one's own (docs/check.md "Settings"): the cases of
// test/fixtures/check/scheme-file.tsv through the library (a scheme from readSchemeFile as the
// `scheme` option), and `latinitsa check --scheme-file`, `--notes-scheme-file` and the settings
// file's `schemeFile` and `notesSchemeFile`, with their errors.
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { checkText } from '../src/check/check.ts';
import { LatinitsaError } from '../src/errors.ts';
import { readSchemeFile } from '../src/io/files.ts';
import { loadLexicon } from '../src/io/lexicon.ts';
import { getScheme, loadScheme } from '../src/schemes/registry.ts';
import { runCli } from './support/cli.ts';
import { fixturesDir, readTsv } from './support/fixtures.ts';

const schemeFile = path.join(fixturesDir, 'check', 'schemes', 'lc-no-signs.json');
const own = await readSchemeFile(schemeFile);
// Read with the shipped lexicon, as the command reads.
const lexicon = await loadLexicon();

for (const [sentence, declared, expected, note] of readTsv(path.join(fixturesDir, 'check', 'scheme-file.tsv'))) {
  test(`${declared}: ${sentence} (${note})`, () => {
    const [id, ...pairs] = declared!.split(' ');
    const schemeOptions = Object.fromEntries(pairs.map((p) => p.split('=')));
    const found = checkText(sentence!, { scheme: id === own.id ? own : id!, schemeOptions, minConfidence: 'likely', ...(lexicon === undefined ? {} : { lexicon }) });
    const want = expected === '-' ? [] : expected!.split(' ');
    assert.deepEqual(found.map((d) => `${d.actual}>${d.expected[0]}`), want, found.map((d) => d.reason).join(' | '));
    // Messages and results name the scheme by its id, with the options declared.
    const named = pairs.length === 0 ? id : `${id} (${pairs.join(', ')})`;
    for (const d of found.filter((f) => f.ruleId === 'check/scheme-mismatch')) {
      assert.ok(d.reason.includes(`${named} writes`), d.reason);
      assert.equal(d.data?.['scheme'], id);
    }
  });
}

test('the scheme file is what its samples and ala-lc-simplified say (the fixture rests on it)', () => {
  assert.deepEqual(own.extendsChain, ['ala-lc-simplified']);
  assert.equal(own.letters['й'], 'y');
  assert.equal(getScheme('ala-lc-simplified').letters['й'], 'i');
});

test('two schemes of one\'s own with one id are read apart: a run never reads with an earlier run\'s scheme', () => {
  const other = loadScheme({ id: own.id, name: 'Same id, signs kept', extends: 'ala-lc-simplified', letters: { й: 'y' } });
  const text = 'Grigoriy Sokolnikov spoke.';
  const options = { minConfidence: 'likely' as const, ...(lexicon === undefined ? {} : { lexicon }) };
  assert.deepEqual(checkText(text, { ...options, scheme: own }).map((d) => d.actual), []);
  assert.deepEqual(checkText(text, { ...options, scheme: other }).map((d) => d.actual), ['Sokolnikov']);
  assert.deepEqual(checkText(text, { ...options, scheme: own }).map((d) => d.actual), []);
  // Nor is it registered: the id names nothing afterwards.
  assert.throws(() => getScheme(own.id), /unknown scheme "lc-no-signs"/u);
});

test('a program passing something else as the scheme gets an error naming the option', () => {
  assert.throws(() => checkText('x', { scheme: { id: 'lc-no-signs' } as never }), (e: unknown) => e instanceof LatinitsaError && e.code === 'ERR_INVALID_OPTION' && /option "scheme" must be a string \(a scheme id\) or a scheme from loadScheme/u.test(e.message));
});

describe('latinitsa check with a scheme file', () => {
  let dir = '';
  const text = 'Grigorii Sokolnikov spoke. Sokol’nikov left.\n';
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'latinitsa-scheme-file-'));
    await mkdir(path.join(dir, 'book', 'style'), { recursive: true });
    await copyFile(schemeFile, path.join(dir, 'book', 'style', 'lc.json'));
    await writeFile(path.join(dir, 'book', 'ch1.txt'), text);
    await writeFile(path.join(dir, 'broken.json'), '{ "id": "broken",');
    await writeFile(path.join(dir, 'bad.json'), JSON.stringify({ id: 'bad', name: 'Bad', extends: 'ala-lc-simplified', letters: { ж: 5 } }));
    await writeFile(path.join(dir, 'builtin-id.json'), JSON.stringify({ id: 'ala-lc-simplified', name: 'Mine', extends: 'ala-lc' }));
  });
  after(async () => rm(dir, { recursive: true, force: true }));
  const lines = (stdout: string): string[] => stdout.trim().split('\n').filter((l) => l !== '');

  test('--scheme-file: the findings of the scheme, named by its id, and its fixes', async () => {
    const r = await runCli(['check', '--scheme-file', 'book/style/lc.json', 'book/ch1.txt'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /Grigorii.*lc-no-signs writes "Grigoriy"/u);
    assert.match(r.stdout, /Sokol’nikov.*lc-no-signs writes "Sokolnikov"/u);
    assert.equal(lines(r.stdout).filter((l) => /^book\/ch1\.txt:\d/u.test(l)).length, 2, r.stdout);
    // -O names an option of the scheme of one's own (its own value keep: ь as ala-lc-simplified writes it).
    const keep = await runCli(['check', '--scheme-file', 'book/style/lc.json', '-O', 'signs=keep', 'book/ch1.txt'], { cwd: dir });
    assert.match(keep.stdout, /Sokolnikov.*lc-no-signs \(signs=keep\) writes "Sokol’nikov"/u);
    assert.doesNotMatch(keep.stdout, /Sokol’nikov.*writes/u);
    // --fix applies its certain fixes.
    await writeFile(path.join(dir, 'fix.txt'), text);
    const fixed = await runCli(['check', '--scheme-file', 'book/style/lc.json', '--fix', 'fix.txt'], { cwd: dir });
    assert.match(fixed.stderr, /fixed 2 places/u);
    assert.equal(await readFile(path.join(dir, 'fix.txt'), 'utf8'), 'Grigoriy Sokolnikov spoke. Sokolnikov left.\n');
  });

  test('--notes-scheme-file: the notes held to a scheme of their own', async () => {
    await writeFile(path.join(dir, 'notes.txt'), 'Grigory Sokolnikov spoke in 1926. Sokolnikov left.\n\nNotes\n\n1. Sokol’nikov, Rechi (Moscow, 1926).\n');
    const r = await runCli(['check', '-s', 'wikipedia', '--notes-scheme-file', 'book/style/lc.json', 'notes.txt'], { cwd: dir });
    assert.match(r.stdout, /notes\.txt:5:4: .*Sokol’nikov.*lc-no-signs writes "Sokolnikov"/u, r.stdout + r.stderr);
  });

  test('the settings file: schemeFile relative to it, whatever the current folder; a flag stands in for it', async () => {
    await writeFile(path.join(dir, 'book', '.latinitsarc.json'), JSON.stringify({ check: { schemeFile: 'style/lc.json' } }));
    const r = await runCli(['check', 'ch1.txt'], { cwd: path.join(dir, 'book') });
    assert.match(r.stdout, /lc-no-signs writes "Sokolnikov"/u, r.stderr);
    const byConfig = await runCli(['check', '-c', 'book/.latinitsarc.json', 'book/ch1.txt'], { cwd: dir });
    assert.match(byConfig.stdout, /lc-no-signs writes "Sokolnikov"/u, byConfig.stderr);
    const flag = await runCli(['check', '-s', 'ala-lc-simplified', 'ch1.txt'], { cwd: path.join(dir, 'book') });
    assert.match(flag.stdout, /ala-lc-simplified writes "Sokol’nikov"/u);
    await writeFile(path.join(dir, 'book', '.latinitsarc.json'), JSON.stringify({ check: { notesSchemeFile: 'style/lc.json', scheme: 'wikipedia' } }));
    await writeFile(path.join(dir, 'book', 'notes.txt'), 'Grigory Sokolnikov spoke in 1926. Sokolnikov left.\n\nNotes\n\n1. Sokol’nikov, Rechi (Moscow, 1926).\n');
    assert.match((await runCli(['check', 'notes.txt'], { cwd: path.join(dir, 'book') })).stdout, /lc-no-signs writes "Sokolnikov"/u);
  });

  test('errors name the file as written, the field, and for a setting the settings file', async () => {
    const error = async (argv: string[], pattern: RegExp, cwd = dir): Promise<void> => {
      const r = await runCli(argv, { cwd });
      assert.equal(r.code, 2, r.stdout);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, pattern);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    };
    await error(['check', '--scheme-file', 'no-such.json', 'book/ch1.txt'], /^latinitsa: cannot read no-such\.json: no such file$/mu);
    await error(['check', '--scheme-file', 'broken.json', 'book/ch1.txt'], /^latinitsa: broken\.json: invalid JSON/u);
    await error(['check', '--scheme-file', 'bad.json', 'book/ch1.txt'], /^latinitsa: bad\.json: \/letters\/ж: /u);
    await error(['check', '--scheme-file', 'builtin-id.json', 'book/ch1.txt'], /^latinitsa: builtin-id\.json: \/id: "ala-lc-simplified" is a built-in scheme; choose another id/u);
    await error(['check', '--scheme', 'ala-lc', '--scheme-file', 'bad.json', 'book/ch1.txt'], /^latinitsa: check: give either --scheme or --scheme-file/u);
    await error(['check', '--notes-scheme', 'same', '--notes-scheme-file', 'bad.json', 'book/ch1.txt'], /give either --notes-scheme or --notes-scheme-file/u);
    await error(['check', '--scheme-file', 'book/style/lc.json', '-O', 'nosuch=1', 'book/ch1.txt'], /nosuch/u);
    // A Russian scheme of one's own read in another language is an error, not the language's default scheme.
    await error(['check', '--scheme-file', 'book/style/lc.json', '--lang', 'uk', 'book/ch1.txt'], /^latinitsa: scheme "lc-no-signs" has no table for Ukrainian \(lang "uk"\)/u);
    const rc = async (check: unknown, pattern: RegExp): Promise<void> => {
      await writeFile(path.join(dir, 'rc.json'), JSON.stringify({ check }));
      await error(['check', '-c', 'rc.json', 'book/ch1.txt'], pattern);
    };
    await rc({ schemeFile: 'no-such.json' }, /^latinitsa: rc\.json: "schemeFile": cannot read no-such\.json: no such file$/mu);
    await rc({ schemeFile: 'bad.json' }, /^latinitsa: rc\.json: "schemeFile": bad\.json: \/letters\/ж: /u);
    await rc({ notesSchemeFile: 'broken.json' }, /^latinitsa: rc\.json: "notesSchemeFile": broken\.json: invalid JSON/u);
    await rc({ schemeFile: 'builtin-id.json' }, /^latinitsa: rc\.json: "schemeFile": builtin-id\.json: \/id: "ala-lc-simplified" is a built-in scheme/u);
    await rc({ schemeFile: 5 }, /^latinitsa: rc\.json: "schemeFile" must be a file name/u);
    await rc({ schemeFile: 'bad.json', scheme: 'ala-lc' }, /^latinitsa: rc\.json: "schemeFile" and "scheme" both name the scheme; give one of them/u);
    await rc({ scheme: { id: 'x' } }, /^latinitsa: rc\.json: "scheme" must be a string \(a scheme id\)/u);
  });
});
