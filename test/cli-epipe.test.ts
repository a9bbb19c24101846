// A reader that goes away (`latinitsa … | head -1`): every command ends quietly, with no stack
// trace and the exit status it would have had. docs/cli.md. Any other failure of stdout (a full
// disk) is an error: one line, exit status 2.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(import.meta.dirname, '..');
const fixtures = path.join(root, 'test', 'fixtures');
const tsx = import.meta.resolve('tsx');

/** Runs the CLI from the sources with its stdout a pipe whose reading end is already closed. */
function closedPipe(args: string[], stdin = ''): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', tsx, path.join(root, 'test/support/cli-main.ts'), ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdout.destroy();
  child.stdin.on('error', () => undefined);
  child.stdin.end(stdin);
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}

const cyrillic = 'Сергей Миронович Киров, Зиновьев и Каменев.\n'.repeat(2000);
const cases: Array<[string, string[], number, string?]> = [
  ['romanize', ['-i', path.join(fixtures, 'manuscripts', 'book.src.txt')], 0],
  ['romanize (stdin)', [], 0, cyrillic],
  ['reverse', [], 0, 'Sergei Mironovich Kirov, Zinoviev i Kamenev.\n'.repeat(2000)],
  ['convert', ['convert', '-f', 'ala-lc', '-t', 'modified-loc'], 0, 'Zinovʹev i Kamenev.\n'.repeat(2000)],
  ['check', ['check', '--format', 'json', path.join(fixtures, 'manuscripts', 'book.txt')], 1],
  ['cite', ['cite', '--format', 'json', path.join(fixtures, 'manuscripts', 'book.txt')], 0],
  ['bib', ['bib', path.join(fixtures, 'bib', 'russian.bib')], 0],
  ['marc', ['marc', 'romanize', path.join(fixtures, 'marc', 'real', 'records.mrc')], 0],
  ['schemes', ['schemes'], 0],
  ['help', ['--help'], 0],
];

/** Runs the CLI from the sources with its stdout on /dev/full: every write fails with ENOSPC. */
function fullDevice(args: string[], stdin = ''): Promise<{ code: number | null; stderr: string }> {
  const full = openSync('/dev/full', 'w');
  const child = spawn(process.execPath, ['--import', tsx, path.join(root, 'test/support/cli-main.ts'), ...args], { cwd: root, stdio: ['pipe', full, 'pipe'] });
  closeSync(full);
  child.stdin!.on('error', () => undefined);
  child.stdin!.end(stdin);
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('stdout on a full disk (/dev/full): the output is lost, and the command says so', { skip: existsSync('/dev/full') ? false : 'no /dev/full here' }, () => {
  // Found by the twelfth session's audit: check, reverse, bib and --help exited 0 or 1 with their
  // output lost and nothing said; the others said "cannot use a file".
  for (const [name, args, , stdin] of cases) {
    it(`${name}: exit status 2 and "cannot write stdout"`, { timeout: 60_000 }, async () => {
      const result = await fullDevice(args, stdin);
      // Last, after what the command says anyway (bib's warnings and summary).
      assert.match(result.stderr, /(?:^|\n)latinitsa: cannot write stdout: no space left on the device\n$/u);
      assert.doesNotMatch(result.stderr, /internal error|cannot use/u);
      assert.equal(result.code, 2);
    });
  }
});

describe('stdout closed by its reader (EPIPE)', () => {
  for (const [name, args, code, stdin] of cases) {
    it(`${name}: ends quietly with exit status ${code}`, { timeout: 60_000 }, async () => {
      const result = await closedPipe(args, stdin);
      // Only what the command says anyway (bib's summary): no stack trace, no error about the pipe.
      assert.doesNotMatch(result.stderr, /EPIPE|Unhandled|internal error|cannot (use|write)/iu);
      assert.equal(result.code, code);
    });
  }
});
