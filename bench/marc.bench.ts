// `npm run bench:marc`: MARC records streamed through latinitsa/marc, on synthetic records made
// from the catalogers' records of test/fixtures/marc/real (each record's 880 Cyrillic put back
// into its regular fields and the 880s dropped, so that every record has fields to romanize; the
// 001 made unique). Each measurement is a child process over the built library
// (bench/marc-child.mjs): its records/s from its own clock, its peak RSS from
// process.resourceUsage().
//
// 1. Ratios: ROUNDS rounds of RECORDS/ROUNDS records; every measurement runs once per round, in an
//    order rotated by the round, so that a busy machine weighs on all alike. With MARC_PEERS
//    naming a folder whose node_modules holds marcjs and @natlibfi/marc-record-serializers, their
//    ISO 2709 readers run too (@natlibfi on at most NATLIBFI_CAP records: it slows as its input grows).
// 2. The full stream: `romanize` on all RECORDS records in one process (throughput and peak RSS).
//
//   node --import tsx bench/marc.bench.ts [--records N] [--rounds R] [--no-build]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    records: { type: 'string', default: '1000000' },
    rounds: { type: 'string', default: '4' },
    'no-build': { type: 'boolean', default: false },
  },
});
const N = Number(args.records);
const rounds = Math.max(1, Number(args.rounds));
const NATLIBFI_CAP = 5000;
const root = path.resolve(import.meta.dirname, '..');
const peers = process.env.MARC_PEERS;

if (!args['no-build']) {
  const b = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(1);
}

interface Result {
  task: string;
  records: number;
  bad: number;
  written: number;
  seconds: number;
  rssMB: number;
}

function measure(task: string, records: number): Result {
  const r = spawnSync(process.execPath, [path.join(root, 'bench', 'marc-child.mjs'), task, String(records), ...(peers === undefined ? [] : [path.resolve(peers)])], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`${task}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Result;
}

const tasks = ['read', 'romanize', 'check', ...(peers === undefined ? [] : ['marcjs', 'natlibfi'])];
const total: Record<string, Result> = {};
for (let round = 0; round < rounds; round++) {
  const order = tasks.map((_, i) => tasks[(i + round) % tasks.length]!);
  for (const task of order) {
    const r = measure(task, task === 'natlibfi' ? Math.min(NATLIBFI_CAP, Math.ceil(N / rounds)) : Math.ceil(N / rounds));
    const t = (total[task] ??= { task, records: 0, bad: 0, written: 0, seconds: 0, rssMB: 0 });
    t.records += r.records;
    t.bad += r.bad;
    t.written += r.written;
    t.seconds += r.seconds;
    t.rssMB = Math.max(t.rssMB, r.rssMB);
  }
}
const rate = (r: Result): number => r.records / r.seconds;
console.log(`MARC, synthetic records from test/fixtures/marc/real (node ${process.version}, ${process.platform}, load ${(await import('node:os')).loadavg()[0]!.toFixed(1)})`);
console.log(`1. ${rounds} interleaved rounds of ${Math.ceil(N / rounds).toLocaleString('en')} records`);
for (const r of Object.values(total)) {
  console.log(`  ${r.task.padEnd(9)} ${Math.round(rate(r)).toLocaleString('en').padStart(8)} records/s  ×${(rate(r) / rate(total.read!)).toFixed(2)} of latinitsa read  peak RSS ${r.rssMB.toFixed(0)} MB  records ${r.records} not read ${r.bad}`);
}
const full = measure('romanize', N);
console.log(`2. romanize, one stream of ${N.toLocaleString('en')} records: ${Math.round(rate(full)).toLocaleString('en')} records/s, ${full.seconds.toFixed(1)} s, peak RSS ${full.rssMB.toFixed(0)} MB, ${full.written.toLocaleString('en')} pairs made, ${full.bad} records not read`);
