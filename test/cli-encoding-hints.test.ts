// What an invalid-UTF-8 error tells each command to do: the cases of
// test/fixtures/cli/encoding-hints.tsv. A hint names an option only where the command has it
// (src/io/decode.ts, ReaderOptions; docs/cli.md).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { runCli } from './support/cli.ts';
import { fixturesDir, readTsv } from './support/fixtures.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'latinitsa-hints-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A text in a single-byte encoding, by the inverse of the decoder's table. */
function encode(text: string, encoding: 'windows-1251' | 'koi8-r'): Buffer {
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((c) => table.get(c)!));
}

function bytesOf(input: string): Buffer {
  const [kind, text] = [input.slice(0, input.indexOf(':')), input.slice(input.indexOf(':') + 1)];
  if (kind === 'docx') return readFileSync(path.join(fixturesDir, 'manuscripts', 'book.docx'));
  return encode(text, kind === 'cp1251' ? 'windows-1251' : 'koi8-r');
}

readTsv(path.join(fixturesDir, 'cli', 'encoding-hints.tsv')).forEach(([args, input, name, hint], i) => {
  test(`latinitsa ${args} on ${input!.split(':')[0]} bytes: ${hint}`, async () => {
    const file = `in-${i}.txt`;
    const bytes = bytesOf(input!);
    const argv = args!.split(' ').map((a) => (a === 'IN' ? file : a));
    const stdin = argv.includes(file) ? undefined : bytes;
    if (stdin === undefined) writeFileSync(path.join(dir, file), bytes);
    const r = await runCli(argv, { cwd: dir, ...(stdin === undefined ? {} : { stdin }) });
    assert.equal(r.code, 2, r.stderr);
    const shown = name === 'IN' ? file : name!;
    assert.match(r.stderr, new RegExp(`^latinitsa: ${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: invalid UTF-8 at byte offset \\d+ `, 'u'));
    assert.ok(r.stderr.endsWith(` ${hint}\n`), r.stderr);
  });
});
