// Kill test: rewrite a large file in place with `latinitsa --in-place` and kill
// the process with SIGKILL at random moments, many times; after each kill the file must be either
// the complete original or the complete result, with its permissions and CRLF line endings.
//
//   npm run kill-test -- [iterations=300] [megabytes=16]
//
// The test suite runs a short version (test/io-kill.test.ts). Needs the built CLI (npm run build).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { romanize } from '../src/index.ts';

const root = path.resolve(import.meta.dirname, '..');
export const bin = path.join(root, 'bin', 'latinitsa.js');

/** Options of {@link runKillTest}. */
export interface KillTestOptions {
  /** Most kills to do. */
  iterations: number;
  /** Stop starting new rounds after this many milliseconds. */
  budgetMs: number;
  /** Size of the file in bytes (about). */
  bytes: number;
  /** Called after each round. */
  onRound?: (round: KillRound) => void;
}

export interface KillRound {
  delayMs: number;
  /** Whether the delay counted from the appearance of the temporary file. */
  afterTemp: boolean;
  outcome: 'original' | 'result' | 'corrupted';
  modeKept: boolean;
  leftoverTemp: number;
}

export interface KillTestReport {
  rounds: number;
  original: number;
  result: number;
  corrupted: number;
  modeLost: number;
  /** Temporary files a killed process left behind (expected: SIGKILL allows no cleanup). */
  leftoverTemp: number;
  fullRunMs: number;
  bytes: number;
}

const hash = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** Prose lines with CRLF, every line different enough to make a torn file visible. */
function makeText(bytes: number): string {
  const lines = [
    'УБИЙСТВО В СМОЛЬНОМ',
    '1 декабря 1934 года в Смольном был убит Сергей Миронович Киров, секретарь ЦК ВКП(б).',
    'Следствие вёл НКВД; Г. Г. Ягода, Щёлково, Петропавловск-Камчатский, Юрий, Зиновьев.',
  ];
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `${i} ${lines[i % lines.length]}\r\n`;
    parts.push(line);
    size += Buffer.byteLength(line);
  }
  // No newline at the very end: that must survive too.
  return parts.join('').replace(/\r\n$/, '');
}

/**
 * Runs `latinitsa --in-place -i file`; kills it `killAfterMs` after the start, or, with
 * `afterTemp`, that long after its temporary file appears (so that kills land while it writes,
 * fsyncs and renames rather than while Node starts).
 */
function runCli(file: string, killAfterMs: number | undefined, afterTemp = false): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '--in-place', '-i', file], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let exited = false;
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    let timer: NodeJS.Timeout | undefined;
    if (killAfterMs !== undefined && !afterTemp) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    if (killAfterMs !== undefined && afterTemp) {
      const dir = path.dirname(file);
      const poll = (): void => {
        if (exited) return;
        readdir(dir).then((names) => {
          if (names.some((n) => n.endsWith('.tmp'))) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
          else setTimeout(poll, 1);
        }, reject);
      };
      poll();
    }
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      exited = true;
      if (timer) clearTimeout(timer);
      if (signal === 'SIGKILL' || code === 0) resolve();
      else reject(new Error(`latinitsa exited with ${code}: ${stderr}`));
    });
  });
}

/** Runs the kill test in a temporary folder and returns the counts. */
export async function runKillTest(options: KillTestOptions): Promise<KillTestReport> {
  if (!existsSync(path.join(root, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run npm run build first');
  const dir = await mkdtemp(path.join(tmpdir(), 'latinitsa-kill-'));
  try {
    const file = path.join(dir, 'catalogue.txt');
    const text = makeText(options.bytes);
    const original = Buffer.from(text, 'utf8');
    const expected = Buffer.from(romanize(text), 'utf8');
    if (!expected.includes('\r\n') || expected.subarray(-2).equals(Buffer.from('\r\n'))) throw new Error('test data must have CRLF and no final newline');
    const originalHash = hash(original);
    const expectedHash = hash(expected);
    const mode = 0o640;
    const reset = async (): Promise<void> => {
      await writeFile(file, original);
      await chmod(file, mode);
    };
    // One full run, to know how long a rewrite takes (and to check the result once).
    await reset();
    const t0 = performance.now();
    await runCli(file, undefined);
    const fullRunMs = performance.now() - t0;
    if (hash(await readFile(file)) !== expectedHash) throw new Error('a full run did not give the expected result');
    const report: KillTestReport = { rounds: 0, original: 0, result: 0, corrupted: 0, modeLost: 0, leftoverTemp: 0, fullRunMs, bytes: original.length };
    let estimateMs = fullRunMs;
    const start = performance.now();
    for (let i = 0; i < options.iterations && performance.now() - start < options.budgetMs; i++) {
      await reset();
      // Even rounds kill anywhere from process start to a little after a normal run would have
      // finished (the first round at once); odd rounds kill at a random moment after the
      // temporary file appears, while the process writes, fsyncs and renames. The estimate of a
      // run's length follows what the rounds see (the machine's load changes).
      const afterTemp = i % 2 === 1;
      const delayMs = i === 0 ? 0 : Math.random() * estimateMs * (afterTemp ? 1 : 1.2);
      await runCli(file, delayMs, afterTemp);
      const h = hash(await readFile(file));
      const outcome = h === originalHash ? 'original' : h === expectedHash ? 'result' : 'corrupted';
      if (outcome === 'original' && delayMs > 0.8 * estimateMs) estimateMs *= 1.15;
      if (outcome === 'result' && !afterTemp) estimateMs *= 0.95;
      const modeKept = ((await stat(file)).mode & 0o777) === mode;
      const temps = (await readdir(dir)).filter((f) => f.endsWith('.tmp'));
      for (const t of temps) await rm(path.join(dir, t), { force: true });
      report.rounds++;
      report[outcome]++;
      if (!modeKept) report.modeLost++;
      report.leftoverTemp += temps.length;
      options.onRound?.({ delayMs, afterTemp, outcome, modeKept, leftoverTemp: temps.length });
    }
    return report;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const iterations = Number(process.argv[2] ?? 300);
  const megabytes = Number(process.argv[3] ?? 16);
  const report = await runKillTest({
    iterations,
    budgetMs: Number.POSITIVE_INFINITY,
    bytes: megabytes * 1024 * 1024,
    onRound: (r) => process.stdout.write(r.outcome === 'corrupted' || !r.modeKept ? `\nround killed at ${r.delayMs.toFixed(0)} ms: ${r.outcome}, mode kept: ${r.modeKept}\n` : '.'),
  });
  process.stdout.write(`\n${JSON.stringify(report, null, 2)}\n`);
  process.exitCode = report.corrupted === 0 && report.modeLost === 0 ? 0 : 1;
}
