// `npm run bench`: forward romanization of a 50 MB Russian corpus by latinitsa's schemes and by
// the peers, with two ceilings, in one run (docs/performance.md explains the method).
//
//   node --import tsx bench/romanize.bench.ts --quick [--rounds N] [--size MB] [--spawns N]
//   node --import tsx bench/romanize.bench.ts [--rounds N] [--size MB] [--cli-size MB]
//        [--aux-size MB] [--latency-ms MS] [--only REGEX] [--no-build]
//
// Every whole-process figure is a separate child process (bench/child.mjs over the built dist/,
// or the peer's own program), timed from spawn to exit, with its peak RSS from /usr/bin/time
// (or the child's own process.resourceUsage when /usr/bin/time is absent). Rounds are
// interleaved: round r runs every measurement once, in an order rotated by r. The figure is the
// median over rounds. Results: bench/results/latest.json and latest.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Bench } from 'tinybench';
import { benchDir, buildCorpus, corpusDir } from './build-corpus.ts';
import { median, runProcess, timeTool, type ProcessRun, type Sample } from './measure.ts';

// `--quick`: the table of the speed targets instead (bench/quick.ts, under a minute).
if (process.argv.includes('--quick')) {
  const { runQuick } = await import('./quick.ts');
  await runQuick(process.argv.slice(2).filter((a) => a !== '--quick'));
  process.exit(0);
}

const root = path.resolve(benchDir, '..');
const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: process.env.BENCH_ROUNDS ?? '3' },
    size: { type: 'string', default: '50' },
    'cli-size': { type: 'string', default: '1024' },
    'aux-size': { type: 'string', default: '0.2' },
    'slow-size': { type: 'string', default: '5' },
    'latency-ms': { type: 'string', default: '300' },
    only: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});
const rounds = Math.max(1, Number(args.rounds));
const sizeBytes = Number(args.size) * 1e6;
const cliBytes = Number(args['cli-size']) * 1e6;
const only = args.only === undefined ? undefined : new RegExp(args.only);

// ---------------------------------------------------------------------------------------------
// Set-up: the built library and CLI, the corpora, the tools present on this machine.

const log = (s: string): void => {
  process.stderr.write(`${s}\n`);
};

if (!args['no-build'] || !existsSync(path.join(root, 'dist', 'index.js'))) {
  log('building dist/ (tsc -p tsconfig.build.json)…');
  // Type errors elsewhere in the tree do not stop tsc from emitting; only a missing dist does.
  spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'ignore' });
}
const lib = (await import(path.join(root, 'dist', 'index.js'))) as typeof import('../src/index.ts') & Record<string, unknown>;

const corpus = buildCorpus(sizeBytes);
const corpusSize = statSync(corpus).size;
const outDir = path.join(corpusDir, 'out');
mkdirSync(outDir, { recursive: true });

const has = (cmd: string, argv: string[]): boolean => spawnSync(cmd, argv, { stdio: 'ignore' }).status === 0;
const uconv = has('uconv', ['--version']);
const lingua = has('perl', ['-MLingua::Translit', '-e', '1']);

// ---------------------------------------------------------------------------------------------
// The measurements.

type Kind = 'ceiling' | 'latinitsa' | 'peer' | 'aux';
interface Measurement {
  id: string;
  kind: Kind;
  label: string;
  scheme: string;
  argv: string[];
  /** Input file fed as stdin instead of as an argument. */
  stdin?: string;
  input: string;
  output: string;
  env?: Record<string, string>;
}

const measurements: Measurement[] = [];
const node = (id: string, kind: Kind, label: string, scheme: string, task: string, arg: string, input = corpus): void => {
  const output = path.join(outDir, `${id}.out`);
  measurements.push({ id, kind, label, scheme, argv: [process.execPath, path.join(benchDir, 'child.mjs'), task, arg, input, output], input, output });
};

node('ceiling-io', 'ceiling', 'ceiling: read + decode + encode + write', '—', 'ceiling-io', '');
node('ceiling-table', 'ceiling', 'ceiling: context-free byte table', '—', 'ceiling-table', '');

const available = new Set(lib.listSchemes().map((s) => s.id));
const wanted = ['modified-loc', 'bgn-pcgn', 'icao-9303', 'iso-9', 'ala-lc', 'gost-7.79-b'];
const schemes = wanted.filter((id) => available.has(id));
const missing = wanted.slice(0, 4).filter((id) => !available.has(id));
for (const id of schemes) node(`latinitsa:${id}`, 'latinitsa', 'latinitsa romanizeBuffer', id, 'latinitsa', id);
node('latinitsa-entry:modified-loc', 'latinitsa', "latinitsa romanizeBuffer via import 'latinitsa'", 'modified-loc', 'latinitsa-entry', 'modified-loc');
node('latinitsa-string:modified-loc', 'latinitsa', 'latinitsa romanize (string API)', 'modified-loc', 'latinitsa-string', 'modified-loc');
node('latinitsa-stream:modified-loc', 'latinitsa', 'latinitsa createRomanizer (fs streams)', 'modified-loc', 'latinitsa-stream', 'modified-loc');

node('iuliia:icao', 'peer', 'iuliia (per line)', 'ICAO DOC 9303', 'iuliia', 'ICAO_DOC_9303');
node('iuliia:wikipedia', 'peer', 'iuliia (per line)', 'Wikipedia', 'iuliia', 'WIKIPEDIA');
node('transliteration', 'peer', 'transliteration', 'own', 'transliteration', '');
node('cyrillic-to-translit-js', 'peer', 'cyrillic-to-translit-js', 'own', 'cyrillic-to-translit-js', '');
node('unidecode', 'peer', 'unidecode (per line)', 'generic ASCII', 'unidecode', '');
node('any-ascii', 'peer', 'any-ascii', 'generic ASCII', 'any-ascii', '');
if (uconv) {
  const output = path.join(outDir, 'uconv.out');
  measurements.push({ id: 'uconv:bgn', kind: 'peer', label: 'ICU uconv (C++)', scheme: 'Russian-Latin/BGN', argv: ['uconv', '-f', 'utf-8', '-t', 'utf-8', '-x', 'Russian-Latin/BGN', '-o', output, corpus], input: corpus, output });
}
// Lingua::Translit runs at a few MB/s: it reads a smaller slice of the same corpus (--slow-size MB);
// its figure is still a throughput, comparable with the others.
if (lingua) {
  const slow = buildCorpus(Number(args['slow-size']) * 1e6, `corpus-slow-${args['slow-size']}mb.txt`);
  for (const [id, table] of [['lingua:ala-lc', 'ALA-LC RUS'], ['lingua:iso-9', 'ISO 9']] as const) {
    const output = path.join(outDir, `${id}.out`);
    measurements.push({
      id,
      kind: 'peer',
      label: 'Lingua::Translit (Perl)',
      scheme: table,
      argv: ['perl', '-CSD', '-MLingua::Translit', '-ne', 'BEGIN { $t = Lingua::Translit->new($ENV{LT_TABLE}) } print $t->translit($_)'],
      stdin: slow,
      input: slow,
      output,
      env: { LT_TABLE: table },
    });
  }
}

// The reverse engine and the checker, when their modules export something (on a smaller text:
// the romanized corpus, cut to --aux-size MB).
const auxBytes = Number(args['aux-size']) * 1e6;
let auxInput: string | undefined;
const auxMeasurements: [string, string, string][] = [];
if (typeof lib.deromanize === 'function') auxMeasurements.push(['reverse:modified-loc', 'reverse engine: deromanize', 'deromanize']);
if (typeof lib.checkText === 'function') auxMeasurements.push(['check:modified-loc', 'checker: checkText', 'checkText']);
if (auxMeasurements.length > 0) {
  const source = readFileSync(buildCorpus(auxBytes, `aux-${args['aux-size']}mb.txt`));
  auxInput = path.join(corpusDir, `aux-${args['aux-size']}mb.latin.txt`);
  writeFileSync(auxInput, lib.romanizeBuffer(source, { scheme: 'modified-loc' }));
  for (const [id, label, fn] of auxMeasurements) node(id, 'aux', label, 'modified-loc', id.startsWith('reverse') ? 'reverse' : 'check', fn, auxInput);
}

const selected = measurements.filter((m) => only === undefined || only.test(m.id) || m.kind === 'ceiling');

// ---------------------------------------------------------------------------------------------
// Running.

function runOnce(m: Measurement): Sample {
  const run: ProcessRun = { argv: m.argv, output: m.output, cwd: root };
  if (m.stdin !== undefined) run.stdin = m.stdin;
  if (m.env !== undefined) run.env = m.env;
  return runProcess(run);
}

const samples = new Map<string, Sample[]>(selected.map((m) => [m.id, []]));
for (let round = 0; round < rounds; round++) {
  for (let k = 0; k < selected.length; k++) {
    const m = selected[(k + round) % selected.length]!;
    const s = runOnce(m);
    samples.get(m.id)!.push(s);
    log(`round ${round + 1}/${rounds} ${m.id.padEnd(34)} ${(s.ms / 1000).toFixed(2)} s ${s.rssKB === undefined ? '' : `${(s.rssKB / 1024).toFixed(0)} MB`}${s.ok ? '' : ` FAILED: ${s.error}`}`);
  }
}

// Output identity: the string API, the Buffer path and the stream path give the same bytes.
const same = (a: string, b: string): boolean => existsSync(a) && existsSync(b) && readFileSync(a).equals(readFileSync(b));
const identical = {
  stringVsBuffer: same(path.join(outDir, 'latinitsa-string:modified-loc.out'), path.join(outDir, 'latinitsa:modified-loc.out')),
  streamVsBuffer: same(path.join(outDir, 'latinitsa-stream:modified-loc.out'), path.join(outDir, 'latinitsa:modified-loc.out')),
};


interface Row {
  id: string;
  kind: Kind;
  label: string;
  scheme: string;
  inputBytes: number;
  medianSeconds: number | null;
  mbPerSecond: number | null;
  peakRssMB: number | null;
  ok: boolean;
  error?: string;
  vsIoCeiling?: number | null;
  vsTableCeiling?: number | null;
  vsFastestPeer?: number | null;
}

const rows: Row[] = selected.map((m) => {
  const ss = samples.get(m.id)!;
  const good = ss.filter((s) => s.ok);
  const bytes = statSync(m.input).size;
  const sec = good.length === 0 ? null : median(good.map((s) => s.ms)) / 1000;
  const rss = good.flatMap((s) => (s.rssKB === undefined ? [] : [s.rssKB]));
  const row: Row = {
    id: m.id,
    kind: m.kind,
    label: m.label,
    scheme: m.scheme,
    inputBytes: bytes,
    medianSeconds: sec,
    mbPerSecond: sec === null ? null : bytes / 1e6 / sec,
    peakRssMB: rss.length === 0 ? null : Math.max(...rss) / 1024,
    ok: good.length === ss.length,
  };
  const firstError = ss.find((s) => !s.ok)?.error;
  if (firstError !== undefined) row.error = firstError;
  return row;
});
const rate = (id: string): number | null => rows.find((r) => r.id === id)?.mbPerSecond ?? null;
const ioCeiling = rate('ceiling-io');
const tableCeiling = rate('ceiling-table');
const peerRows = rows.filter((r) => r.kind === 'peer' && r.mbPerSecond !== null);
const fastestPeer = peerRows.reduce<Row | undefined>((best, r) => (best === undefined || r.mbPerSecond! > best.mbPerSecond! ? r : best), undefined);
const ratio = (a: number | null, b: number | null | undefined): number | null => (a === null || b === null || b === undefined ? null : a / b);
for (const r of rows) {
  r.vsIoCeiling = ratio(r.mbPerSecond, ioCeiling);
  r.vsTableCeiling = ratio(r.mbPerSecond, tableCeiling);
  r.vsFastestPeer = ratio(r.mbPerSecond, fastestPeer?.mbPerSecond);
}

// ---------------------------------------------------------------------------------------------
// Per-call latency: a 40-character name, in this process (tinybench).

const NAME = 'Салтыков-Щедрин Михаил Евграфович, князь';
if (NAME.length !== 40) throw new Error(`the latency name has ${NAME.length} characters, not 40`);
const latencyMs = Number(args['latency-ms']);
const { transliterate } = await import('transliteration');
const ctt = ((await import('cyrillic-to-translit-js')) as unknown as { default: () => { transform: (s: string) => string } }).default();
// @ts-expect-error unidecode ships no types
const unidecode = ((await import('unidecode')) as { default: (s: string) => string }).default;
const anyAscii = (await import('any-ascii')).default;
const iuliiaModule = await import('iuliia');
const iuliia = (iuliiaModule as unknown as { default?: typeof iuliiaModule }).default ?? iuliiaModule;
const bench = new Bench({ time: latencyMs, warmup: true, warmupTime: 100 });
const calls: [string, Kind, () => unknown][] = [
  ...schemes.map((id): [string, Kind, () => unknown] => [`latinitsa romanize ${id}`, 'latinitsa', () => lib.romanize(NAME, { scheme: id })]),
  ['any-ascii', 'peer', () => anyAscii(NAME)],
  ['unidecode', 'peer', () => unidecode(NAME)],
  ['transliteration', 'peer', () => transliterate(NAME)],
  ['cyrillic-to-translit-js', 'peer', () => ctt.transform(NAME)],
  ['iuliia ICAO DOC 9303', 'peer', () => iuliia.translate(NAME, iuliia.ICAO_DOC_9303)],
];
for (const [name, , fn] of calls) bench.add(name, fn);
log('per-call latency (tinybench)…');
await bench.run();
const latency = calls.map(([name, kind]) => {
  const task = bench.getTask(name);
  const result = task?.result as { latency?: { mean: number } } | undefined;
  const meanMs = result?.latency?.mean;
  return { name, kind, opsPerSecond: meanMs === undefined || meanMs === 0 ? null : 1000 / meanMs, meanNs: meanMs === undefined ? null : meanMs * 1e6 };
});
const fastestCallPeer = latency.filter((l) => l.kind === 'peer' && l.opsPerSecond !== null).sort((a, b) => b.opsPerSecond! - a.opsPerSecond!)[0];
const latencyRows = latency.map((l) => ({ ...l, vsFastestPeer: ratio(l.opsPerSecond, fastestCallPeer?.opsPerSecond) }));

// ---------------------------------------------------------------------------------------------
// CLI streaming of a large file (bin/latinitsa.js, stdin → stdout), next to the library's own
// streaming path on the same file, so that CLI overhead shows separately.

interface StreamRow {
  id: string;
  label: string;
  inputBytes: number;
  seconds: number | null;
  mbPerSecond: number | null;
  peakRssMB: number | null;
  ok: boolean;
  error?: string;
  vsFileBenchmark: number | null;
}
const streamRows: StreamRow[] = [];
if (cliBytes > 0 && (only === undefined || only.test('cli'))) {
  const big = buildCorpus(cliBytes, `corpus-${args['cli-size']}mb.txt`);
  const bigSize = statSync(big).size;
  const fileRate = rate('latinitsa:modified-loc');
  const runs: Measurement[] = [
    { id: 'cli:modified-loc', kind: 'latinitsa', label: 'CLI: latinitsa --scheme modified-loc < file > file', scheme: 'modified-loc', argv: [process.execPath, path.join(root, 'bin', 'latinitsa.js'), '--scheme', 'modified-loc'], stdin: big, input: big, output: path.join(outDir, 'cli.out') },
    { id: 'stream:modified-loc', kind: 'latinitsa', label: 'library: createRomanizer between fs streams', scheme: 'modified-loc', argv: [process.execPath, path.join(benchDir, 'child.mjs'), 'latinitsa-stream', 'modified-loc', big, path.join(outDir, 'stream-big.out')], input: big, output: path.join(outDir, 'stream-big.out') },
  ];
  for (const m of runs) {
    log(`${m.id}: ${(bigSize / 1e6).toFixed(0)} MB…`);
    const s = runOnce(m);
    const row: StreamRow = {
      id: m.id,
      label: m.label,
      inputBytes: bigSize,
      seconds: s.ok ? s.ms / 1000 : null,
      mbPerSecond: s.ok ? bigSize / 1e6 / (s.ms / 1000) : null,
      peakRssMB: s.rssKB === undefined ? null : s.rssKB / 1024,
      ok: s.ok,
      vsFileBenchmark: null,
    };
    row.vsFileBenchmark = ratio(row.mbPerSecond, fileRate);
    if (s.error !== undefined) row.error = s.error;
    streamRows.push(row);
    rmSync(m.output, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Report.

const cpus = os.cpus();
const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus.length, model: cpus[0]?.model ?? 'unknown', node: process.version, loadAverage: os.loadavg(), totalMemoryMB: Math.round(os.totalmem() / 2 ** 20) },
  corpus: { file: path.relative(root, corpus), bytes: corpusSize, source: 'bench/corpora/tolstoy_anna_karenina.txt (see bench/corpora/README.md)' },
  rounds,
  peakRss: timeTool === undefined ? 'child process.resourceUsage (node children only)' : '/usr/bin/time %M',
  missingSchemes: missing,
  skippedPeers: [...(uconv ? [] : ['ICU uconv (not installed)']), ...(lingua ? [] : ['Lingua::Translit (not installed)'])],
  ceilings: { ioMBps: ioCeiling, tableMBps: tableCeiling },
  fastestPeer: fastestPeer === undefined ? null : { id: fastestPeer.id, mbPerSecond: fastestPeer.mbPerSecond },
  identical,
  wholeProcess: rows,
  latency: { name: NAME, rows: latencyRows, fastestPeer: fastestCallPeer?.name ?? null },
  streaming: streamRows,
};

const f = (x: number | null | undefined, digits = 1): string => (x === null || x === undefined ? '—' : x.toFixed(digits));
const md: string[] = [];
md.push(`# latinitsa benchmark (${results.date})`, '');
md.push(`Machine: ${results.machine.cpus} × ${results.machine.model}, Node ${results.machine.node}, load average at the end ${results.machine.loadAverage.map((l) => l.toFixed(1)).join(' ')}.`);
md.push(`Corpus: ${(corpusSize / 1e6).toFixed(1)} MB (${results.corpus.source}), median of ${rounds} interleaved rounds, whole process (spawn to exit). Peak RSS: ${results.peakRss}.`);
if (missing.length > 0) md.push(`Schemes not yet registered (skipped): ${missing.join(', ')}.`);
if (results.skippedPeers.length > 0) md.push(`Skipped: ${results.skippedPeers.join(', ')}.`);
md.push('', '| measurement | scheme | input MB | MB/s | s | peak RSS MB | × I/O ceiling | × table ceiling | × fastest peer |', '|---|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  md.push(`| ${r.label}${r.ok ? '' : ' (FAILED)'} | ${r.scheme} | ${f(r.inputBytes / 1e6)} | ${f(r.mbPerSecond)} | ${f(r.medianSeconds, 2)} | ${f(r.peakRssMB, 0)} | ${f(r.vsIoCeiling, 2)} | ${f(r.vsTableCeiling, 2)} | ${f(r.vsFastestPeer, 2)} |`);
}
md.push('', `Fastest peer: ${fastestPeer?.label ?? '—'} (${fastestPeer?.scheme ?? ''}). Output identical — string API vs romanizeBuffer: ${identical.stringVsBuffer}; stream vs romanizeBuffer: ${identical.streamVsBuffer}.`);
md.push('', `Per-call latency, "${NAME}" (40 characters), tinybench:`, '', '| function | ops/s | ns/call | × fastest peer |', '|---|---:|---:|---:|');
for (const l of latencyRows) md.push(`| ${l.name} | ${f(l.opsPerSecond, 0)} | ${f(l.meanNs, 0)} | ${f(l.vsFastestPeer, 2)} |`);
if (streamRows.length > 0) {
  md.push('', `Streaming ${(streamRows[0]!.inputBytes / 1e6).toFixed(0)} MB (one run each):`, '', '| measurement | MB/s | s | peak RSS MB | × file benchmark (romanizeBuffer, modified-loc) |', '|---|---:|---:|---:|---:|');
  for (const s of streamRows) md.push(`| ${s.label}${s.ok ? '' : ` (FAILED: ${s.error})`} | ${f(s.mbPerSecond)} | ${f(s.seconds, 2)} | ${f(s.peakRssMB, 0)} | ${f(s.vsFileBenchmark, 2)} |`);
}
const mdText = `${md.join('\n')}\n`;
mkdirSync(path.join(benchDir, 'results'), { recursive: true });
writeFileSync(path.join(benchDir, 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(path.join(benchDir, 'results', 'latest.md'), mdText);
for (const m of selected) rmSync(m.output, { force: true });
process.stdout.write(mdText);
