// Defects the twelfth session's audit left (docs/cli.md): a mistyped .latinitsarc.json setting
// names every setting the file takes; `-` is stdin wherever a command takes a file or text; a
// mistyped command is refused with a hint instead of being romanized as text.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli, type CliResult } from './support/cli.ts';
import { fixturesDir, readTsv } from './support/fixtures.ts';

function assertUsage(r: CliResult, pattern: RegExp): void {
  assert.equal(r.code, 2, `exit code (stderr: ${r.stderr})`);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^latinitsa: [^\n]+\n$/, 'one line on stderr');
  assert.match(r.stderr, pattern);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'latinitsa-leftovers-'));

describe('.latinitsarc.json', () => {
  it('a name that is not a setting lists every setting the file takes, schemeFile and notesSchemeFile too (they were left out)', async () => {
    const book = mkdtempSync(path.join(dir, 'rc-'));
    writeFileSync(path.join(book, '.latinitsarc.json'), JSON.stringify({ shceme: 'x' }));
    writeFileSync(path.join(book, 'a.md'), 'Zinoviev.\n');
    const r = await runCli(['check', 'a.md'], { cwd: book });
    assertUsage(r, /"shceme" is not a setting \(known: scheme, notesScheme, lang, .*\bschemeFile, notesSchemeFile\)/u);
  });
});

describe('`-` is stdin for every command that takes a file or a text', () => {
  const cwd = mkdtempSync(path.join(dir, 'dash-'));
  for (const [dash, named, text] of readTsv(path.join(fixturesDir, 'cli', 'stdin-dash.tsv'))) {
    it(`latinitsa ${dash} answers as latinitsa ${named}`, async () => {
      writeFileSync(path.join(cwd, 'in.txt'), text!);
      const fromFile = await runCli(named!.split(' ').map((a) => (a === 'IN' ? 'in.txt' : a)), { cwd });
      const fromStdin = await runCli(dash!.split(' '), { cwd, stdin: text! });
      assert.ok(fromFile.code <= 1 && fromFile.stdout !== '', `${named}: ${fromFile.stderr}`);
      const asStdin = (s: string): string => s.replaceAll('in.txt', '<stdin>');
      assert.deepEqual([fromStdin.code, fromStdin.stdout, fromStdin.stderr], [fromFile.code, asStdin(fromFile.stdout), asStdin(fromFile.stderr)]);
    });
  }
  // The same commands on bytes that are not UTF-8: the error names stdin as it names the file, by the
  // one name (shownName, src/cli/input.ts); romanize, reverse and convert said "stdin" before.
  for (const [dash, named, text] of readTsv(path.join(fixturesDir, 'cli', 'stdin-dash.tsv'))) {
    it(`latinitsa ${dash} on invalid UTF-8 names stdin <stdin> as latinitsa ${named} names the file`, async () => {
      const bytes = Buffer.concat([Buffer.from(text!), Buffer.from([0xff, 0x0a])]);
      writeFileSync(path.join(cwd, 'bad.txt'), bytes);
      const fromFile = await runCli(named!.split(' ').map((a) => (a === 'IN' ? 'bad.txt' : a)), { cwd });
      const fromStdin = await runCli(dash!.split(' '), { cwd, stdin: bytes });
      assert.match(fromFile.stderr, /bad\.txt: invalid UTF-8 at byte offset \d+/u);
      assert.deepEqual([fromStdin.code, fromStdin.stdout, fromStdin.stderr], [fromFile.code, fromFile.stdout, fromFile.stderr.replaceAll('bad.txt', '<stdin>')]);
    });
  }
  it('check - reads stdin as plain text, and as Markdown with --input-format markdown (its front matter skipped)', async () => {
    const text = '---\ntitle: Zinovyev\n---\n\nZinoviev and Zinoviev.\n';
    const plain = await runCli(['check', '--no-lexicon', '-'], { stdin: text });
    assert.deepEqual([plain.code, plain.stdout.split(':').slice(0, 2)], [1, ['<stdin>', '2']], plain.stderr);
    const markdown = await runCli(['check', '--no-lexicon', '--input-format', 'markdown', '-'], { stdin: text });
    assert.deepEqual([markdown.code, markdown.stdout, markdown.stderr], [0, '', '']);
    assertUsage(await runCli(['check', '--input-format', 'md', '-'], { stdin: text }), /check: --input-format must be one of text, markdown, docx, not "md"/u);
  });
  it('stdin cannot be rewritten: bib --in-place - and cite --fix - are usage errors', async () => {
    assertUsage(await runCli(['bib', '--in-place', '-'], { stdin: '@book{a, title={Мир}}\n' }), /bib: --in-place cannot rewrite stdin/u);
    assertUsage(await runCli(['cite', '--fix', '-'], { stdin: 'RGASPI, f. 17.\n' }), /cite: --fix needs files \(stdin cannot be rewritten\)/u);
  });
  it('a text that is more than `-` is text: reverse - x reads "- x"', async () => {
    const r = await runCli(['reverse', '--no-lexicon', '-', 'Kirov'], { stdin: 'Zinov\'ev\n' });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '- Киров\n');
  });
});

describe('a mistyped command', () => {
  for (const [args, expected] of readTsv(path.join(fixturesDir, 'cli', 'mistyped-commands.tsv'))) {
    it(`latinitsa ${args}: ${expected}`, async () => {
      const argv = args!.split(' ');
      const r = await runCli(argv);
      if (expected!.startsWith('prints: ')) {
        assert.deepEqual([r.code, r.stdout], [0, `${expected!.slice(8)}\n`], r.stderr);
        return;
      }
      assertUsage(r, new RegExp(`^latinitsa: unknown command "${argv[0]}"; ${expected}\\? \\(to romanize it as text: latinitsa romanize ${argv[0]} …\\)\\n$`, 'u'));
    });
  }
});
