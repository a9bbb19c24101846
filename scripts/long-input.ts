// Long-run check that the CLI's time grows with its input, not its square, where a unit test
// cannot afford the sizes: `latinitsa` on one line without a newline (UTF-8 and
// `-e windows-1251`), and `latinitsa convert`. Each is run at a small and a large size as a
// process of its own; the report gives seconds, peak RSS and the ratio of the times per byte
// (about 1 when linear; a quadratic step would give the size ratio). With
// `--join-line-break-hyphens` (the engine's general path, not the byte loop) the one long line is
// also set against a file of the same size in lines of about 80 bytes: the ratio of their MB/s
// (about 1 when the line's length costs nothing). docs/cli.md.
//
//   npm run long-input                 # 50 MB lines, 2 MB for convert (about 1 GB of RSS)
//   npm run long-input -- --mb 10      # other sizes: --mb N (lines), --join-mb N (default --mb), --convert-mb N
//   npm run long-input -- --only convert   # only the cases whose name contains the word
// Each row also gives the memory a MB more of input takes (the difference of the two sizes' peak
// RSS over the difference of their sizes: the process's own start-up memory left out).
// `latinitsa check` on the notes of a book in Markdown: 4,000 and 32,000 footnote definitions
// (about 1 MB at the larger size), one after another and separated by blank lines
// (`--notes N`: the larger count). The Markdown parser looked each definition up in a list of all
// before it (docs/documents.md): 32,000 took 22 s to read.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { only: { type: 'string' }, mb: { type: 'string', default: '50' }, 'join-mb': { type: 'string' }, 'convert-mb': { type: 'string', default: '2' }, notes: { type: 'string', default: '32000' } } });
const big = Number(values.mb) * 1024 * 1024;
const joinBig = Number(values['join-mb'] ?? values.mb) * 1024 * 1024;
const convertBig = Number(values['convert-mb']) * 1024 * 1024;
const notesBig = Number(values.notes);
const tmp = mkdtempSync(path.join(tmpdir(), 'latinitsa-long-'));

/** `bytes` of `unit` repeated, with no newline at all. */
function oneLine(unit: string, bytes: number, encode: (s: string) => Buffer): Buffer {
  const one = encode(unit);
  return Buffer.concat(Array.from({ length: Math.ceil(bytes / one.length) }, () => one)).subarray(0, bytes - (bytes % one.length));
}

const cyrillic = 'Сергей Миронович Киров, Зиновьев и Каменев; ';
// windows-1251 by a table of the letters used (TextEncoder writes only UTF-8).
const cp1251 = (s: string): Buffer => Buffer.from([...s].map((ch) => (ch >= 'А' && ch <= 'я' ? ch.charCodeAt(0) - 0x410 + 0xc0 : ch.charCodeAt(0))));
/** `bytes` of `unit` repeated, a line break after every second one (lines of twice its length). */
function manyLines(unit: string, bytes: number): Buffer {
  return oneLine(`${unit}${unit.trimEnd()}\n`, bytes, (s) => Buffer.from(s));
}

const cases = [
  { name: 'romanize, one UTF-8 line', args: [], data: (n: number) => oneLine(cyrillic, n, (s) => Buffer.from(s)), sizes: [big / 10, big] },
  { name: 'romanize, one windows-1251 line', args: ['-e', 'windows-1251'], data: (n: number) => oneLine(cyrillic, n, cp1251), sizes: [big / 10, big] },
  { name: 'romanize --join-line-break-hyphens, one UTF-8 line', args: ['--join-line-break-hyphens'], data: (n: number) => oneLine(cyrillic, n, (s) => Buffer.from(s)), sizes: [joinBig / 10, joinBig] },
  { name: 'romanize --join-line-break-hyphens, lines of 80 bytes', args: ['--join-line-break-hyphens'], data: (n: number) => manyLines(cyrillic, n), sizes: [joinBig / 10, joinBig] },
  { name: 'convert ala-lc-simplified → modified-loc', args: ['convert', '-f', 'ala-lc-simplified', '-t', 'modified-loc'], data: (n: number) => oneLine("Zinov'ev i Kamenev Kirov ", n, (s) => Buffer.from(s)), sizes: [convertBig / 8, convertBig] },
  { name: 'convert ala-lc-simplified → modified-loc, lines of 50 bytes', args: ['convert', '-f', 'ala-lc-simplified', '-t', 'modified-loc'], data: (n: number) => manyLines("Zinov'ev i Kamenev Kirov ", n), sizes: [convertBig / 8, convertBig] },
  { name: 'check, Markdown footnote definitions', args: ['check', '--format', 'json'], input: (file: string) => [file], ext: '.md', data: (n: number) => footnotes(n, '\n'), sizes: [notesBig / 8, notesBig] },
  { name: 'check, Markdown footnote definitions after blank lines', args: ['check', '--format', 'json'], input: (file: string) => [file], ext: '.md', data: (n: number) => footnotes(n, '\n\n'), sizes: [notesBig / 8, notesBig] },
];

/** A chapter with `count` footnote calls (ten to a paragraph), then their definitions, each ended by `gap`. */
function footnotes(count: number, gap: string): Buffer {
  const calls = Array.from({ length: count }, (_, i) => `Zinoviev spoke.[^${i}]${i % 10 === 9 ? '\n\n' : ' '}`).join('');
  const notes = Array.from({ length: count }, (_, i) => `[^${i}]: Zinov'ev to Kamenev, ${1900 + (i % 40)}, p. ${i}.${gap}`).join('');
  return Buffer.from(`# Chapter\n\n${calls}\n\n${notes}`);
}

const largest = new Map<string, { bytes: number; seconds: number }>();
try {
  for (const c of cases) {
    if (values.only !== undefined && !c.name.includes(values.only)) continue;
    const rows = c.sizes.map((size) => {
      const file = path.join(tmp, `input${'ext' in c ? c.ext : ''}`);
      const data = c.data(Math.round(size));
      writeFileSync(file, data);
      const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, '--import', 'tsx', path.join(root, 'test/support/cli-main.ts'), ...c.args, ...('input' in c ? c.input(file) : ['-i', file])], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 20 });
      const [seconds, kib] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number];
      // `check` exits 1 when it has findings.
      if (r.status !== 0 && !(c.args[0] === 'check' && r.status === 1)) throw new Error(`${c.name}: exit ${r.status}: ${r.stderr}`);
      return { bytes: data.length, seconds, rssMiB: Math.round(kib / 1024) };
    });
    const [small, large] = rows as [(typeof rows)[0], (typeof rows)[0]];
    const perByte = large.seconds / large.bytes / (small.seconds / small.bytes);
    const mibPerMb = (large.rssMiB - small.rssMiB) / ((large.bytes - small.bytes) / 1048576);
    process.stdout.write(`${c.name}: ${rows.map((r) => `${(r.bytes / 1048576).toFixed(1)} MB ${r.seconds.toFixed(2)} s ${r.rssMiB} MiB`).join(' | ')} | time per byte, large/small: ${perByte.toFixed(2)} | MiB per MB: ${mibPerMb.toFixed(0)}\n`);
    largest.set(c.name, large);
  }
  const line = largest.get('romanize --join-line-break-hyphens, one UTF-8 line');
  const lines = largest.get('romanize --join-line-break-hyphens, lines of 80 bytes');
  if (line !== undefined && lines !== undefined) process.stdout.write(`--join-line-break-hyphens at ${(line.bytes / 1048576).toFixed(1)} MB: one line ${(line.bytes / 1048576 / line.seconds).toFixed(2)} MB/s, lines ${(lines.bytes / 1048576 / lines.seconds).toFixed(2)} MB/s, ratio ${(lines.seconds / lines.bytes / (line.seconds / line.bytes)).toFixed(2)}\n`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
