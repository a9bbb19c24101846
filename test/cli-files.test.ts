// Files, folders and glob patterns on the command line (src/cli/files.ts), driven by
// test/fixtures/cli/file-arguments.tsv; and `latinitsa check` on a folder and on stdin `-`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expandFileArguments, MANUSCRIPT_EXTENSIONS } from '../src/cli/files.ts';
import { runCli } from './support/cli.ts';
import { fixturesDir, readTsv } from './support/fixtures.ts';


function tree(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'latinitsa-files-'));
  const files = ['book/ch1.md', 'book/ch2.md', 'book/notes/n.txt', 'book/fig.png', 'book/.git/x.md', 'book/node_modules/p/r.md', 'top.docx', 'a[1].md', 'pics/fig.png', 'odd{1.txt', 'odd[z-a].txt', 'book/~$ch3.docx', 'book/._ch1.md'];
  for (const f of files) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), 'Zinoviev and Zinov’ev.\n');
  }
  return root;
}

const cwd = tree();
for (const [args, expected] of readTsv(path.join(fixturesDir, 'cli', 'file-arguments.tsv'))) {
  test(`files for: ${args}`, async () => {
    const run = expandFileArguments(args!.split(' '), { cwd, extensions: MANUSCRIPT_EXTENSIONS });
    if (expected!.startsWith('ERROR: ')) await assert.rejects(run, { code: 'ERR_IO', message: expected!.slice(7) });
    else assert.deepEqual((await run).map((f) => f.split(path.sep).join('/')), expected!.split(' '));
  });
}

test('latinitsa check FOLDER checks the manuscripts under it as one text; `-` reads stdin', async () => {
  const run = await runCli(['check', 'book', '-', '--no-lexicon', '--format', 'json', '--min-confidence', 'possible'], { cwd, stdin: 'Zinovyev.\n' });
  assert.equal(run.code, 1, run.stderr);
  const files = new Set((JSON.parse(run.stdout) as { file: string }[]).map((d) => d.file.split(path.sep).join('/')));
  assert.ok([...files].some((f) => f.startsWith('book/')), [...files].join(' '));
  assert.ok(files.has('<stdin>'), [...files].join(' '));
});

test('latinitsa check with a pattern that matches nothing exits 2 naming it', async () => {
  const run = await runCli(['check', 'book/*.rtf'], { cwd });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /book\/\*\.rtf: no file matches this pattern/u);
});

test('latinitsa check --fix on a .docx named twice (x.docx ./x.docx) fixes it once and exits 0, not 2 after a first write', async () => {
  const { docx, paragraph } = await import('./support/docx.ts');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'latinitsa-files-'));
  writeFileSync(path.join(dir, 'x.docx'), docx({ body: paragraph('Zinoviev met Zinoviev and Zinovyev and Zinoviev. Zinoviev again.') }));
  const run = await runCli(['check', 'x.docx', './x.docx', '--fix'], { cwd: dir });
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, 'latinitsa: fixed 1 place\n');
});

// Fortieth session's audit: `cite` took files only (`cite chapters/` was "cannot read chapters: is
// a directory", a quoted pattern "no such file"), where `check` takes folders and patterns; both
// read the same manuscripts (docs/cli.md, "Files, folders and globs").
test('latinitsa cite takes folders and quoted patterns as check does, and --fix rewrites the files found', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'latinitsa-files-'));
  mkdirSync(path.join(dir, 'book', 'notes'), { recursive: true });
  writeFileSync(path.join(dir, 'book', 'ch1.md'), 'Text.[^1]\n\n[^1]: RGASPI, f. 17, op. 3, d. 703, ll. 1-2ob.\n');
  writeFileSync(path.join(dir, 'book', 'notes', 'n.txt'), 'GARF, f. 5446, op. 1, d. 12, l. 3–4.\n');
  writeFileSync(path.join(dir, 'book', 'fig.png'), 'RGASPI, f. 17, op. 3, d. 703, ll. 1-2ob.\n');
  const folder = await runCli(['cite', 'book', '--format', 'json'], { cwd: dir });
  assert.equal(folder.code, 1, folder.stderr);
  const files = (JSON.parse(folder.stdout) as { file: string; ruleId: string }[]).map((d) => `${d.file.split(path.sep).join('/')} ${d.ruleId}`);
  assert.deepEqual(files, ['book/ch1.md cite/range-dash', 'book/notes/n.txt cite/plural']);
  const pattern = await runCli(['cite', 'book/**/*.txt', '--format', 'json'], { cwd: dir });
  assert.equal(pattern.code, 1, pattern.stderr);
  assert.deepEqual((JSON.parse(pattern.stdout) as { file: string }[]).map((d) => d.file), ['book/notes/n.txt']);
  const none = await runCli(['cite', 'book/*.rtf'], { cwd: dir });
  assert.equal(none.code, 2);
  assert.match(none.stderr, /book\/\*\.rtf: no file matches this pattern/u);
  const fix = await runCli(['cite', '--fix', 'book', 'book/ch1.md'], { cwd: dir });
  assert.equal(fix.code, 0, fix.stderr);
  assert.equal(readFileSync(path.join(dir, 'book', 'ch1.md'), 'utf8'), 'Text.[^1]\n\n[^1]: RGASPI, f. 17, op. 3, d. 703, ll. 1–2ob.\n');
  assert.equal(readFileSync(path.join(dir, 'book', 'notes', 'n.txt'), 'utf8'), 'GARF, f. 5446, op. 1, d. 12, ll. 3–4.\n');
  assert.equal(readFileSync(path.join(dir, 'book', 'fig.png'), 'utf8'), 'RGASPI, f. 17, op. 3, d. 703, ll. 1-2ob.\n');
});
