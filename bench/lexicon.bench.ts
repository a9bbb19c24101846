// Benchmark of the shipped Russian lexicon (data/lexicon/lexicon-ru.bin): load time and extra
// memory in a fresh Node process, and lookups per second, against the obvious alternative in the
// same run: the same entries in a JavaScript Map (loaded from the same file). Each load is
// measured in its own child process, five times; medians are reported, with ratios.
// Run: npm run bench:lexicon
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const RUNS = 5;
const root = path.resolve(import.meta.dirname, '..');

/** What one child process reports. */
interface Sample {
  ms: number;
  /** CPU time of the load (all threads): close to what the load takes on an idle machine. */
  cpuMs: number;
  rssMb: number;
  heapMb: number;
  lookupsPerSecond: number;
}

// The child: loads one way, measures, and prints a Sample as JSON.
const child = `
const kind = process.argv[1];
const { readFileSync } = await import('node:fs');
const { gunzipSync } = await import('node:zlib');
const { loadLexicon, defaultLexiconFile } = await import(${JSON.stringify(path.join(root, 'src', 'io', 'lexicon.ts'))});
const { lexiconEntries } = await import(${JSON.stringify(path.join(root, 'src', 'reverse', 'lexicon-file.ts'))});
globalThis.gc();
const m0 = process.memoryUsage();
const c0 = process.cpuUsage();
const t0 = performance.now();
let lookup;
if (kind === 'lexicon') {
  const lexicon = await loadLexicon();
  lookup = (w) => lexicon.lookup(w);
} else {
  const map = new Map(lexiconEntries(gunzipSync(readFileSync(defaultLexiconFile))));
  lookup = (w) => map.get(w) ?? 0;
}
const ms = performance.now() - t0;
const cpu = process.cpuUsage(c0);
globalThis.gc();
const m1 = process.memoryUsage();
// Probes: every 97th entry, a prefix of it, and a word that is not there.
const probes = [];
{
  let i = 0;
  for (const [w] of lexiconEntries(gunzipSync(readFileSync(defaultLexiconFile)))) if (i++ % 97 === 0) probes.push(w, w.slice(0, -1), w + 'ъ');
}
let found = 0;
const t1 = performance.now();
for (let r = 0; r < 3; r++) for (const p of probes) found += lookup(p) > 0 ? 1 : 0;
const lookupsPerSecond = (3 * probes.length) / ((performance.now() - t1) / 1000);
console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, rssMb: (m1.rss - m0.rss) / 1e6, heapMb: (m1.heapUsed + m1.arrayBuffers - m0.heapUsed - m0.arrayBuffers) / 1e6, lookupsPerSecond, found }));
`;

function sample(kind: string): Sample {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', child, kind], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out) as Sample;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const results: Record<string, Sample> = {};
for (const kind of ['lexicon', 'map']) {
  const samples = Array.from({ length: RUNS }, () => sample(kind));
  results[kind] = { ms: median(samples.map((s) => s.ms)), cpuMs: median(samples.map((s) => s.cpuMs)), rssMb: median(samples.map((s) => s.rssMb)), heapMb: median(samples.map((s) => s.heapMb)), lookupsPerSecond: median(samples.map((s) => s.lookupsPerSecond)) };
}
const { lexicon, map } = results as { lexicon: Sample; map: Sample };
const line = (name: string, s: Sample): string => `${name.padEnd(28)} load ${s.ms.toFixed(0).padStart(6)} ms (CPU ${s.cpuMs.toFixed(0).padStart(6)} ms)   +${s.rssMb.toFixed(0).padStart(4)} MB resident   +${s.heapMb.toFixed(0).padStart(4)} MB heap and buffers   ${(s.lookupsPerSecond / 1e6).toFixed(2)} M lookups/s`;
console.log(`median of ${RUNS} fresh processes each`);
console.log(line('loadLexicon (shipped file)', lexicon));
console.log(line('Map of the same entries', map));
console.log(`ratios lexicon/Map: load ${(lexicon.ms / map.ms).toFixed(2)} (CPU ${(lexicon.cpuMs / map.cpuMs).toFixed(2)}), resident ${(lexicon.rssMb / map.rssMb).toFixed(2)}, heap ${(lexicon.heapMb / map.heapMb).toFixed(2)}, lookups ${(lexicon.lookupsPerSecond / map.lookupsPerSecond).toFixed(2)}`);
