// cite, bib and marc with a scheme of one's own (`--scheme-file` and bib's three group flags): the
// cases of test/fixtures/cli/scheme-file-commands.tsv, run in test/fixtures/cli.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from './support/cli.ts';
import { fixturesDir, readTsv } from './support/fixtures.ts';

const cwd = path.join(fixturesDir, 'cli');

for (const [args, code, stream, pattern, note] of readTsv(path.join(cwd, 'scheme-file-commands.tsv'))) {
  test(`latinitsa ${args} (${note})`, async () => {
    const r = await runCli(args!.split(' '), { cwd });
    const output = stream === 'stdout' ? r.stdout : r.stderr;
    assert.equal(r.code, Number(code), r.stderr);
    assert.match(output, new RegExp(pattern!, 'mu'));
    // An error is one line, and no output.
    if (code === '2') {
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
  });
}
