// Files, folders and glob patterns on the command line (src/cli/files.ts), driven by
// test/fixtures/cli/file-arguments.tsv; and `latinitsa check` on a folder and on stdin `-`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { expandFileArguments, MANUSCRIPT_EXTENSIONS } from '../src/cli/files.ts';
import { main } from '../src/cli/main.ts';
import { fixturesDir, readTsv } from './support/fixtures.ts';


function tree(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'latinitsa-files-'));
  const files = ['book/ch1.md', 'book/ch2.md', 'book/notes/n.txt', 'book/fig.png', 'book/.git/x.md', 'book/node_modules/p/r.md', 'top.docx', 'a[1].md', 'pics/fig.png'];
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

function io(stdin = ''): { io: Parameters<typeof main>[1]; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = '';
  let e = '';
  stdout.on('data', (c) => (o += String(c)));
  stderr.on('data', (c) => (e += String(c)));
  return { io: { stdin: Readable.from([Buffer.from(stdin)]), stdout, stderr, cwd, env: {} }, out: () => o, err: () => e };
}

test('latinitsa check FOLDER checks the manuscripts under it as one text; `-` reads stdin', async () => {
  const run = io('Zinovyev.\n');
  assert.equal(await main(['check', 'book', '-', '--no-lexicon', '--format', 'json', '--min-confidence', 'possible'], run.io), 1, run.err());
  const files = new Set((JSON.parse(run.out()) as { file: string }[]).map((d) => d.file.split(path.sep).join('/')));
  assert.ok([...files].some((f) => f.startsWith('book/')), [...files].join(' '));
  assert.ok(files.has('<stdin>'), [...files].join(' '));
});

test('latinitsa check with a pattern that matches nothing exits 2 naming it', async () => {
  const run = io();
  assert.equal(await main(['check', 'book/*.rtf'], run.io), 2);
  assert.match(run.err(), /book\/\*\.rtf: no file matches this pattern/u);
});
