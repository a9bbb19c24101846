// Defects the twelfth session's audit left (docs/cli.md): a mistyped .latinitsarc.json setting
// names every setting the file takes; `-` is stdin wherever a command takes a file or text; a
// mistyped command is refused with a hint instead of being romanized as text.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli, type CliResult } from './support/cli.ts';

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
