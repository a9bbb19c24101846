// Files, folders and glob patterns on the command line (src/cli/files.ts), driven by
// test/fixtures/cli/file-arguments.tsv; and `latinitsa check` on a folder and on stdin `-`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
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
