// What the benchmarks share: one whole-process run of a command (wall time from spawn to exit,
// peak RSS and CPU time from /usr/bin/time when it is installed), and the statistics over rounds.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const has = (cmd: string, argv: string[]): boolean => spawnSync(cmd, argv, { stdio: 'ignore' }).status === 0;

/** GNU time, for the peak RSS and CPU time of a child (undefined when not installed). */
export const timeTool = has('/usr/bin/time', ['-f', '%M', 'true']) ? '/usr/bin/time' : undefined;

/** A whole-process measurement: a command, its stdin (a file, or none) and where its stdout goes. */
export interface ProcessRun {
  argv: string[];
  /** Input file fed as stdin. */
  stdin?: string;
  /** Where stdout is written (a file) when `stdin` is given; else stdout is piped and read. */
  output: string;
  env?: Record<string, string>;
  cwd: string;
}

export interface Sample {
  /** Wall time from spawn to exit. */
  ms: number;
  /** Peak resident set size of the child. */
  rssKB: number | undefined;
  /** User + system CPU time of the child: less sensitive than wall time to other load on the machine. */
  cpuMs: number | undefined;
  ok: boolean;
  error?: string;
  /** The last line of a piped stdout, when it is a JSON object (bench/child.mjs reports there). */
  report?: Record<string, number>;
}

const statFile = path.join(os.tmpdir(), `latinitsa-bench-time-${process.pid}.txt`);

/** Runs `run` once; `ok` when it exits 0 and its output file is not empty (or, for a piped stdout, always on exit 0). */
export function runProcess(run: ProcessRun): Sample {
  const argv = timeTool === undefined ? run.argv : [timeTool, '-f', '%M %U %S', '-o', statFile, ...run.argv];
  const stdinFd = run.stdin === undefined ? 'ignore' : openSync(run.stdin, 'r');
  const stdoutFd = run.stdin === undefined ? 'pipe' : openSync(run.output, 'w');
  rmSync(statFile, { force: true });
  const start = process.hrtime.bigint();
  const r = spawnSync(argv[0]!, argv.slice(1), { cwd: run.cwd, stdio: [stdinFd, stdoutFd, 'pipe'], env: { ...process.env, ...run.env }, maxBuffer: 1 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (typeof stdinFd === 'number') closeSync(stdinFd);
  if (typeof stdoutFd === 'number') closeSync(stdoutFd);
  let rssKB: number | undefined;
  let cpuMs: number | undefined;
  let report: Record<string, number> | undefined;
  try {
    const parsed: unknown = r.stdout === null ? undefined : JSON.parse(r.stdout.toString().trim().split('\n').pop() ?? '');
    report = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, number>) : undefined;
  } catch {
    report = undefined;
  }
  if (timeTool !== undefined && existsSync(statFile)) {
    const lines = readFileSync(statFile, 'utf8').trim().split('\n');
    const [rss, user, sys] = lines[lines.length - 1]!.split(' ').map(Number);
    rssKB = rss;
    cpuMs = user === undefined || sys === undefined ? undefined : (user + sys) * 1000;
  } else rssKB = report?.maxRSS;
  const ok = r.status === 0 && (run.stdin === undefined && !existsSync(run.output) ? true : existsSync(run.output) && statSync(run.output).size > 0);
  const sample: Sample = { ms, rssKB, cpuMs, ok };
  if (report !== undefined) sample.report = report;
  return ok ? sample : { ...sample, error: (r.stderr?.toString() ?? '').trim().split('\n').slice(-3).join(' ') || `exit ${r.status}` };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The median and the range (min–max) of values measured once per round. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(xs: readonly number[]): Spread {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
}
