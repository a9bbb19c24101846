// `npm run bench -- --quick` (under a minute): the measures that latinitsa's speed targets are
// stated in, side by side with bare Node and the peers, over interleaved rounds, and whether each
// target is met (docs/performance.md):
//
//   - start-up: `latinitsa 'Щукин'` and `import('latinitsa')` against `node -e 0`;
//   - whole process, 20 MB through the CLI (stdin → stdout) against the byte-table ceiling, for
//     modified-loc (context rules) and icao-9303 (context-free), with ICU uconv as a peer;
//   - the string API against romanizeBuffer on the same 20 MB, time and memory;
//   - per call: `romanize` on a 40-character name for every scheme against any-ascii.
//
// Each round runs every measurement once, in an order rotated by the round; a figure is the median
// over rounds, with the range (min–max) beside it. Ratios are taken within a round and then summarised,
// so that a round slowed down by other load on the machine moves both sides of a ratio together.
// Results: bench/results/quick.json and quick.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchDir, buildCorpus, corpusDir } from './build-corpus.ts';
import { runProcess, spread, timeTool, type ProcessRun, type Sample, type Spread } from './measure.ts';

export async function runQuick(argv: string[]): Promise<void> {
  const { values: args } = parseArgs({
    args: argv,
    options: {
      rounds: { type: 'string', default: '3' },
      size: { type: 'string', default: '20' },
      spawns: { type: 'string', default: '5' },
      'call-ms': { type: 'string', default: '25' },
    },
  });
  const rounds = Math.max(3, Number(args.rounds));
  const spawns = Math.max(1, Number(args.spawns));
  const callMs = Number(args['call-ms']);
  const root = path.resolve(benchDir, '..');
  const log = (s: string): void => void process.stderr.write(`${s}\n`);
  const began = Date.now();
  const load: number[][] = [os.loadavg()];

  // The built library: rebuilt only when a source file is newer than dist/ (a build takes longer
  // than the whole quick run).
  const built = path.join(root, 'dist', 'index.js');
  if (!existsSync(built) || newestIn(path.join(root, 'src')) > statSync(built).mtimeMs) {
    log('building dist/ (npm run build)…');
    spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'ignore' });
  }
  const lib = (await import(built)) as typeof import('../src/index.ts');

  const corpus = buildCorpus(Number(args.size) * 1e6);
  const inputBytes = statSync(corpus).size;
  const outDir = path.join(corpusDir, 'out');
  mkdirSync(outDir, { recursive: true });
  const uconv = spawnSync('uconv', ['--version'], { stdio: 'ignore' }).status === 0;

  // -------------------------------------------------------------------------------------------
  // Start-up: `spawns` runs of each command per round, interleaved; the round's figure is the
  // median of its runs.

  const cli = path.join(root, 'bin', 'latinitsa.js');
  // The CLI once more without its compile cache (docs/performance.md, Start-up): what the first run
  // after an install or a rebuild costs, and every run where the cache cannot be kept.
  const startups: [string, string, string[], Record<string, string>?][] = [
    ['node', 'node -e 0', [process.execPath, '-e', '0']],
    ['cli', "latinitsa 'Щукин'", [process.execPath, cli, 'Щукин']],
    ['cli-uncached', "latinitsa 'Щукин', compile cache off", [process.execPath, cli, 'Щукин'], { NODE_DISABLE_COMPILE_CACHE: '1' }],
    ['import', "import('latinitsa')", [process.execPath, '--input-type=module', '-e', "await import('latinitsa')"]],
  ];
  const startSamples = new Map<string, Sample[][]>(startups.map(([id]) => [id, []]));
  const noFile = path.join(outDir, 'none');
  rmSync(noFile, { force: true });
  for (let round = 0; round < rounds; round++) {
    const got = new Map<string, Sample[]>(startups.map(([id]) => [id, []]));
    for (let k = 0; k < spawns; k++) {
      for (let j = 0; j < startups.length; j++) {
        const [id, , command, env] = startups[(j + k + round) % startups.length]!;
        const s = runProcess({ argv: command, output: noFile, cwd: root, ...(env === undefined ? {} : { env }) });
        if (!s.ok) throw new Error(`${id} failed: ${s.error}`);
        got.get(id)!.push(s);
      }
    }
    for (const [id, ss] of got) startSamples.get(id)!.push(ss);
    log(`start-up round ${round + 1}/${rounds}: ${startups.map(([id]) => `${id} ${med(got.get(id)!.map((s) => s.ms)).toFixed(0)} ms`).join(', ')}`);
  }
  load.push(os.loadavg());
  const roundMedian = (id: string, key: 'ms' | 'cpuMs'): number[] => startSamples.get(id)!.map((ss) => med(ss.map((s) => s[key] ?? NaN)));
  const startRows = startups.map(([id, label]) => ({
    id,
    label,
    wallMs: spread(roundMedian(id, 'ms')),
    cpuMs: timeTool === undefined ? null : spread(roundMedian(id, 'cpuMs')),
    overNodeMs: id === 'node' ? null : spread(roundMedian(id, 'ms').map((v, r) => v - roundMedian('node', 'ms')[r]!)),
    cpuOverNodeMs: id === 'node' || timeTool === undefined ? null : spread(roundMedian(id, 'cpuMs').map((v, r) => v - roundMedian('node', 'cpuMs')[r]!)),
  }));

  // -------------------------------------------------------------------------------------------
  // Whole process on the 20 MB corpus.

  const child = path.join(benchDir, 'child.mjs');
  const out = (id: string): string => path.join(outDir, `quick-${id}.out`);
  const runs: (ProcessRun & { id: string; label: string })[] = [
    { id: 'ceiling', label: 'ceiling: context-free byte table (node script)', argv: [process.execPath, child, 'ceiling-table', '', corpus, out('ceiling')], output: out('ceiling'), cwd: root },
    { id: 'cli:modified-loc', label: 'CLI: latinitsa --scheme modified-loc < file > file', argv: [process.execPath, cli, '--scheme', 'modified-loc'], stdin: corpus, output: out('cli-ml'), cwd: root },
    { id: 'cli:icao-9303', label: 'CLI: latinitsa --scheme icao-9303 < file > file', argv: [process.execPath, cli, '--scheme', 'icao-9303'], stdin: corpus, output: out('cli-icao'), cwd: root },
    { id: 'buffer', label: 'romanizeBuffer (modified-loc)', argv: [process.execPath, '--expose-gc', child, 'latinitsa', 'modified-loc', corpus, out('buffer')], output: out('buffer'), cwd: root },
    { id: 'string', label: 'romanize(string) (modified-loc)', argv: [process.execPath, '--expose-gc', child, 'latinitsa-string', 'modified-loc', corpus, out('string')], output: out('string'), cwd: root },
    { id: 'idle', label: 'the engine loaded, nothing romanized (memory baseline)', argv: [process.execPath, child, 'latinitsa-idle', 'modified-loc', corpus, out('idle')], output: out('idle'), cwd: root },
  ];
  if (uconv) runs.push({ id: 'uconv', label: 'peer: ICU uconv Russian-Latin/BGN (C++)', argv: ['uconv', '-f', 'utf-8', '-t', 'utf-8', '-x', 'Russian-Latin/BGN', '-o', out('uconv'), corpus], output: out('uconv'), cwd: root });
  const procSamples = new Map<string, Sample[]>(runs.map((r) => [r.id, []]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < runs.length; k++) {
      const run = runs[(k + round) % runs.length]!;
      const s = runProcess(run);
      if (!s.ok) throw new Error(`${run.id} failed: ${s.error}`);
      procSamples.get(run.id)!.push(s);
    }
    log(`20 MB round ${round + 1}/${rounds}: ${runs.map((r) => `${r.id} ${(procSamples.get(r.id)![round]!.ms / 1000).toFixed(2)} s`).join(', ')}`);
  }
  load.push(os.loadavg());
  const ms = (id: string): number[] => procSamples.get(id)!.map((s) => s.ms);
  const rss = (id: string): number[] => procSamples.get(id)!.map((s) => (s.rssKB ?? NaN) * 1024);
  const perRound = (a: number[], b: number[], f: (x: number, y: number) => number): number[] => a.map((x, r) => f(x, b[r]!));
  const procRows = runs.map((r) => ({
    id: r.id,
    label: r.label,
    seconds: spread(ms(r.id).map((v) => v / 1000)),
    mbPerSecond: spread(ms(r.id).map((v) => inputBytes / 1e6 / (v / 1000))),
    peakRssMB: timeTool === undefined ? null : spread(rss(r.id).map((v) => v / 2 ** 20)),
    // Throughput against the ceiling in the same round (the ceiling's time over this one's).
    vsCeiling: spread(perRound(ms('ceiling'), ms(r.id), (c, x) => c / x)),
  }));
  // The string API against romanizeBuffer: the calls themselves (timed in the child, the input
  // already in memory as a string or as bytes), and the whole processes, which also decode the
  // file into a string and encode the result (a cost of holding text as strings, not of the API).
  const callOf = (id: string, key: string): number[] => procSamples.get(id)!.map((s) => s.report?.[key] ?? NaN);
  const stringVsBuffer = spread(perRound(callOf('string', 'callMs'), callOf('buffer', 'callMs'), (s, b) => s / b));
  const stringVsBufferProcess = spread(perRound(ms('string'), ms('buffer'), (s, b) => s / b));
  const callSeconds = { string: spread(callOf('string', 'callMs').map((v) => v / 1000)), buffer: spread(callOf('buffer', 'callMs').map((v) => v / 1000)) };
  // The call's memory (peak RSS after it less RSS before it: an upper bound), × input.
  const callMemory = { string: spread(callOf('string', 'callPeakKB').map((kb) => (kb * 1024) / inputBytes)), buffer: spread(callOf('buffer', 'callPeakKB').map((kb) => (kb * 1024) / inputBytes)) };
  // Memory beyond the loaded engine (the idle child), in multiples of the input's size.
  const memory = (id: string): Spread | null => (timeTool === undefined ? null : spread(perRound(rss(id), rss('idle'), (x, idle) => (x - idle) / inputBytes)));
  const stringMemory = memory('string');
  const bufferMemory = memory('buffer');
  const sameOutput = readFileEq(out('string'), out('buffer')) && readFileEq(out('cli-ml'), out('buffer'));

  // -------------------------------------------------------------------------------------------
  // Per call, in this process: each round times every function for about `callMs` ms of CPU, in an
  // order rotated by the round.

  const NAME = 'Салтыков-Щедрин Михаил Евграфович, князь';
  // ALA-LC's ties (ц, ю, я and its ligatures) on a name that has them, also 40 characters.
  const TIES = 'Цветаева Марина Ивановна, Юрьевская Ядви';
  if (NAME.length !== 40 || TIES.length !== 40) throw new Error('the per-call names must have 40 characters');
  const anyAscii = (await import('any-ascii')).default;
  const calls: { id: string; text: string; fn: (t: string) => unknown; peer: boolean }[] = [];
  for (const { id } of lib.listSchemes()) calls.push({ id, text: NAME, fn: (t) => lib.romanize(t, { scheme: id }), peer: false });
  calls.push({ id: 'ala-lc (ties)', text: TIES, fn: (t) => lib.romanize(t, { scheme: 'ala-lc' }), peer: false });
  calls.push({ id: 'any-ascii', text: NAME, fn: anyAscii, peer: true });
  calls.push({ id: 'any-ascii (ties name)', text: TIES, fn: anyAscii, peer: true });
  // The process's CPU time (user + system, µs), not wall time: time spent waiting for a core
  // while other programs run is not counted, so the figures hold on a loaded machine too.
  const cpuMicros = (): number => {
    const u = process.cpuUsage();
    return u.user + u.system;
  };
  const nsPerCall = (fn: (t: string) => unknown, text: string): number => {
    let n = 0;
    let sink = 0;
    const start = cpuMicros();
    let now = start;
    do {
      for (let k = 0; k < 200; k++) sink += (fn(text) as string).length;
      n += 200;
      now = cpuMicros();
    } while (now - start < callMs * 1000);
    if (sink === 0) throw new Error('no output');
    return ((now - start) * 1000) / n;
  };
  for (const c of calls) nsPerCall(c.fn, c.text); // warm-up
  // Each function is timed between two runs of any-ascii on the same name, and its ratio is taken
  // against their mean: drift in the machine's load between the three touches both sides alike.
  const peerOf = (c: (typeof calls)[number]): (typeof calls)[number] => calls.find((p) => p.peer && p.text === c.text)!;
  const callNs = new Map<string, number[]>(calls.map((c) => [c.id, []]));
  const callRatio = new Map<string, number[]>(calls.map((c) => [c.id, []]));
  const ourCalls = calls.filter((c) => !c.peer);
  // More rounds here than for the processes: they are short, and a short timing is the noisiest.
  const callRounds = Math.max(rounds, 7);
  for (let round = 0; round < callRounds; round++) {
    for (let k = 0; k < ourCalls.length; k++) {
      const c = ourCalls[(k + round) % ourCalls.length]!;
      const peer = peerOf(c);
      const before = nsPerCall(peer.fn, peer.text);
      const ns = nsPerCall(c.fn, c.text);
      const after = nsPerCall(peer.fn, peer.text);
      callNs.get(c.id)!.push(ns);
      callNs.get(peer.id)!.push(before, after);
      callRatio.get(c.id)!.push((before + after) / 2 / ns);
    }
  }
  load.push(os.loadavg());
  const callRows = calls.map((c) => ({
    id: c.id,
    peer: c.peer,
    nsPerCall: spread(callNs.get(c.id)!),
    opsPerSecond: spread(callNs.get(c.id)!.map((ns) => 1e9 / ns)),
    vsAnyAscii: c.peer ? spread([1]) : spread(callRatio.get(c.id)!),
  }));

  // -------------------------------------------------------------------------------------------
  // The targets.

  const cliStart = startRows.find((r) => r.id === 'cli')!;
  const row = (id: string): (typeof procRows)[number] => procRows.find((r) => r.id === id)!;
  const ours = callRows.filter((r) => !r.peer);
  const slowest = ours.reduce((a, b) => (b.vsAnyAscii.median < a.vsAnyAscii.median ? b : a));
  const targets = [
    { target: "CLI romanize start-up within 30 ms of bare node (wall, median over rounds)", value: `${fmt(cliStart.overNodeMs!.median, 0)} ms`, met: cliStart.overNodeMs!.median <= 30 },
    { target: 'whole process 20 MB, modified-loc ≥ 0.7 × byte-table ceiling', value: fmt(row('cli:modified-loc').vsCeiling.median, 2), met: row('cli:modified-loc').vsCeiling.median >= 0.7 },
    { target: 'whole process 20 MB, icao-9303 ≥ 0.85 × byte-table ceiling', value: fmt(row('cli:icao-9303').vsCeiling.median, 2), met: row('cli:icao-9303').vsCeiling.median >= 0.85 },
    { target: `per call ≥ 1.0 × any-ascii for every scheme (slowest: ${slowest.id})`, value: fmt(slowest.vsAnyAscii.median, 2), met: slowest.vsAnyAscii.median >= 1 },
    { target: 'string API within 1.3 × of romanizeBuffer (the call, input in memory)', value: fmt(stringVsBuffer.median, 2), met: stringVsBuffer.median <= 1.3 },
    { target: 'string API ≤ 3 × the input in memory (the call: peak RSS after it less RSS before it)', value: `${fmt(callMemory.string.median, 2)} ×`, met: callMemory.string.median <= 3 },
  ];

  // -------------------------------------------------------------------------------------------
  // Report.

  const results = {
    date: new Date().toISOString(),
    seconds: (Date.now() - began) / 1000,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', node: process.version, totalMemoryMB: Math.round(os.totalmem() / 2 ** 20) },
    loadAverage: load,
    rounds,
    spawnsPerRound: spawns,
    corpus: { file: path.relative(root, corpus), bytes: inputBytes },
    startup: startRows,
    wholeProcess: procRows,
    stringVsBuffer: { call: stringVsBuffer, wholeProcess: stringVsBufferProcess, callSeconds },
    memoryOverInput: { call: callMemory, wholeProcessOverIdle: { string: stringMemory, buffer: bufferMemory } },
    sameOutput,
    perCall: { name: NAME, tiesName: TIES, ms: callMs, rounds: callRounds, rows: callRows },
    targets,
  };
  const md: string[] = [];
  const sp = (s: Spread | null, d = 1): string => (s === null ? '—' : `${fmt(s.median, d)} (${fmt(s.min, d)}–${fmt(s.max, d)})`);
  md.push(`# latinitsa quick benchmark (${results.date})`, '');
  md.push(`Machine: ${results.machine.cpus} × ${results.machine.model}, Node ${results.machine.node}; load average (1, 5, 15 min) at the start ${la(load[0]!)}, after the start-up rounds ${la(load[1]!)}, after the 20 MB rounds ${la(load[2]!)}, at the end ${la(load[3]!)}.`);
  md.push(`${rounds} interleaved rounds; each figure is the median over rounds with the range (min–max) in brackets; ratios are taken within each round. Run took ${results.seconds.toFixed(0)} s.`, '');
  md.push('## Targets', '', '| target | measured (median) | met |', '|---|---:|---|');
  for (const t of targets) md.push(`| ${t.target} | ${t.value} | ${t.met ? 'yes' : '**no**'} |`);
  md.push('', `## Start-up (${spawns} spawns of each per round, interleaved; the round's figure is their median)`, '');
  md.push('| command | wall ms | over node -e 0, ms | CPU (user+sys) ms | CPU over node, ms |', '|---|---:|---:|---:|---:|');
  for (const r of startRows) md.push(`| ${r.label} | ${sp(r.wallMs, 0)} | ${sp(r.overNodeMs, 0)} | ${sp(r.cpuMs, 0)} | ${sp(r.cpuOverNodeMs, 0)} |`);
  md.push('', `## Whole process, ${(inputBytes / 1e6).toFixed(1)} MB (${results.corpus.file}), spawn to exit`, '');
  md.push('| measurement | s | MB/s | peak RSS MB | × byte-table ceiling |', '|---|---:|---:|---:|---:|');
  for (const r of procRows) md.push(`| ${r.label} | ${sp(r.seconds, 2)} | ${sp(r.mbPerSecond)} | ${sp(r.peakRssMB, 0)} | ${sp(r.vsCeiling, 2)} |`);
  md.push('');
  md.push(`String API / romanizeBuffer on the same 20 MB: the call ${sp(stringVsBuffer, 2)} (string ${sp(callSeconds.string, 2)} s, buffer ${sp(callSeconds.buffer, 2)} s); the whole process ${sp(stringVsBufferProcess, 2)} (it also decodes the file into a string and encodes the result).`);
  md.push(`Memory, × input size: the call (peak RSS after it less RSS before it, an upper bound) string API ${sp(callMemory.string, 2)}, romanizeBuffer ${sp(callMemory.buffer, 2)}; the whole process beyond the idle engine, string API ${sp(stringMemory, 2)}, romanizeBuffer ${sp(bufferMemory, 2)}. Same output (string API, CLI and romanizeBuffer): ${sameOutput}.`);
  md.push('', `## Per call, in process ("${NAME}"; ALA-LC's ties on "${TIES}"), ${callMs} ms of CPU time per function per round, ${callRounds} rounds, each between two runs of any-ascii (its ratio to their mean)`, '');
  md.push('| function | ns/call | ops/s (M) | × any-ascii on the same name |', '|---|---:|---:|---:|');
  for (const r of callRows) md.push(`| ${r.peer ? r.id : `latinitsa romanize ${r.id}`} | ${sp(r.nsPerCall, 0)} | ${sp({ median: r.opsPerSecond.median / 1e6, min: r.opsPerSecond.min / 1e6, max: r.opsPerSecond.max / 1e6 }, 2)} | ${sp(r.vsAnyAscii, 2)} |`);
  const text = `${md.join('\n')}\n`;
  mkdirSync(path.join(benchDir, 'results'), { recursive: true });
  writeFileSync(path.join(benchDir, 'results', 'quick.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(benchDir, 'results', 'quick.md'), text);
  for (const r of runs) rmSync(r.output, { force: true });
  process.stdout.write(text);
}

function med(xs: number[]): number {
  return spread(xs).median;
}

function fmt(x: number, digits = 1): string {
  return Number.isFinite(x) ? x.toFixed(digits) : '—';
}

function la(l: number[]): string {
  return l.map((x) => x.toFixed(1)).join(' ');
}

function readFileEq(a: string, b: string): boolean {
  if (!existsSync(a) || !existsSync(b) || statSync(a).size !== statSync(b).size) return false;
  return spawnSync('cmp', ['-s', a, b]).status === 0;
}

/** The newest modification time of the files under `dir`. */
function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const t = statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}
