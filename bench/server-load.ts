// Load benchmark of the HTTP server (not a test): a bounded number of requests per scenario at a
// stated concurrency, over keep-alive connections on loopback; reports requests/s, latency
// percentiles and errors. Starts its own server (the built CLI when dist/ exists) unless --url.
//   npm run bench:server -- [--requests 5000] [--concurrency 32] [--url http://127.0.0.1:8080/] [--json]
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '32' },
    url: { type: 'string' },
    workers: { type: 'string', default: '2' },
    json: { type: 'boolean', default: false },
  },
});
const total = Number(values.requests);
const concurrency = Number(values.concurrency);

interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** Fewer requests for heavy scenarios (share of `total`). */
  share?: number;
}

const paragraph = 'В 1934 году Сергей Миронович Киров был убит в Ленинграде; Григорий Зиновьев и Лев Каменев были обвинены. '.repeat(10);
const scenarios: Scenario[] = [
  { name: 'POST /api/romanize (name, 30 chars)', method: 'POST', path: '/api/romanize', body: JSON.stringify({ text: 'Сергей Миронович Киров, Щёлково' }) },
  { name: 'POST /api/romanize (paragraph, 1 KB, ala-lc)', method: 'POST', path: '/api/romanize', body: JSON.stringify({ text: paragraph, scheme: 'ala-lc' }) },
  { name: 'POST /api/romanize explain (name)', method: 'POST', path: '/api/romanize', body: JSON.stringify({ text: 'Юрий Зиновьев', explain: true }) },
  { name: 'POST /api/deromanize (sentence)', method: 'POST', path: '/api/deromanize', body: JSON.stringify({ text: "Zinov'ev and Kamenev in Leningrad", scheme: 'ala-lc-simplified' }), share: 0.5 },
  { name: 'GET /api/schemes', method: 'GET', path: '/api/schemes' },
  { name: 'GET / (the page, ~1.8 MB)', method: 'GET', path: '/', share: 0.1 },
];

interface Result {
  scenario: string;
  requests: number;
  concurrency: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  statuses: Record<string, number>;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

function once(base: URL, s: Scenario): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(new URL(s.path, base), { method: s.method, agent, headers: s.body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(s.body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('error', () => resolve(0));
    req.end(s.body);
  });
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function run(base: URL, s: Scenario): Promise<Result> {
  const n = Math.max(concurrency, Math.round(total * (s.share ?? 1)));
  // Warm-up: JIT, worker threads, caches.
  for (let i = 0; i < concurrency; i++) await once(base, s);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        next++;
        const t = performance.now();
        const status = await once(base, s);
        latencies.push(performance.now() - t);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (x: number): number => Math.round(x * 100) / 100;
  return {
    scenario: s.name,
    requests: n,
    concurrency,
    seconds: round(seconds),
    requestsPerSecond: Math.round(n / seconds),
    latencyMs: { p50: round(percentile(latencies, 50)), p90: round(percentile(latencies, 90)), p99: round(percentile(latencies, 99)), max: round(latencies.at(-1)!) },
    errors: Object.entries(statuses).filter(([code]) => code !== '200').reduce((a, [, c]) => a + c, 0),
    statuses,
  };
}

async function startChild(): Promise<{ url: URL; child: ChildProcess }> {
  const built = existsSync(path.join(root, 'dist', 'server', 'server.js')) && existsSync(path.join(root, 'dist', 'web', 'index.html'));
  const args = built
    ? [path.join(root, 'bin', 'latinitsa.js'), 'serve']
    : ['--import', 'tsx', '--input-type=module', '-e', `const { main } = await import(${JSON.stringify(path.join(root, 'src', 'cli', 'main.ts'))}); process.exitCode = await main(process.argv.slice(1));`, 'serve'];
  const child = spawn(process.execPath, [...args, '--port', '0', '--workers', values.workers!], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<URL>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(new URL(m[1]!));
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  console.log(`server: ${built ? 'built CLI (dist/)' : 'sources through tsx'} at ${url.href}, ${values.workers} worker threads`);
  return { url, child };
}

const started = values.url === undefined ? await startChild() : undefined;
const base = started?.url ?? new URL(values.url!);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}; ${total} requests per scenario at concurrency ${concurrency} (keep-alive, loopback)\n`);
const results: Result[] = [];
for (const s of scenarios) {
  const r = await run(base, s);
  results.push(r);
  console.log(`${r.scenario.padEnd(46)} ${String(r.requests).padStart(6)} req  ${String(r.requestsPerSecond).padStart(6)} req/s  p50 ${r.latencyMs.p50.toFixed(1).padStart(6)} ms  p90 ${r.latencyMs.p90.toFixed(1).padStart(6)} ms  p99 ${r.latencyMs.p99.toFixed(1).padStart(7)} ms  max ${r.latencyMs.max.toFixed(1).padStart(7)} ms  errors ${r.errors}`);
}
agent.destroy();
if (started !== undefined) {
  const exited = new Promise((resolve) => started.child.on('exit', resolve));
  started.child.kill('SIGTERM');
  console.log(`\nserver stopped with SIGTERM: exit code ${String(await exited)}`);
}
if (values.json) {
  mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
  const file = path.join(root, 'bench', 'results', 'server-load.json');
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, results }, null, 2)}\n`);
  console.log(`written ${path.relative(process.cwd(), file)}`);
}
