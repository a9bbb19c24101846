// Abuse benchmark of `latinitsa serve` (not a test): the floods of docs/web.md "Limits", each
// against a fresh server process, with the figures they are judged by — peak and settled RSS of
// the server process (its worker threads included), latency of ordinary requests beside the
// flood, counts of answers by status and of connections reset.
//   npm run test:abuse-long -- [--only zip-bomb,budget-flood,…] [--root DIR] [--label after] [--json] [--seconds 30]
// Each scenario has its pass criteria (docs/web.md "Limits and security"); the run exits 1 when
// one fails, so it is the long-run test of the server's limits (too heavy for `npm test`).
// `--root` runs the server of another checkout (for before/after figures: `git archive main`
// unpacked beside node_modules); the flood itself is always this file's.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { docxBomb } from '../test/support/zip-bomb.ts';

const here = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    root: { type: 'string', default: here },
    label: { type: 'string', default: 'this checkout' },
    seconds: { type: 'string', default: '30' },
    json: { type: 'boolean', default: false },
  },
});
const root = path.resolve(values.root!);
const floodSeconds = Number(values.seconds);

// ---------------------------------------------------------------------------------------------
// The server under test, and its memory.

interface Server {
  child: ChildProcess;
  port: number;
  url: string;
  stderr: () => string;
  /** Current and peak (VmHWM) resident memory of the server process in MB. */
  rss: () => { now: number; peak: number };
  stop: () => Promise<number | null>;
}

async function startServer(args: string[] = []): Promise<Server> {
  const code = `const { main } = await import(${JSON.stringify(path.join(root, 'src', 'cli', 'main.ts'))}); process.exitCode = await main(process.argv.slice(1));`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code, 'serve', '--port', '0', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/[^\s]+:\d+\/)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (c) => reject(new Error(`server exited ${c}: ${stderr}`)));
  });
  // Warm both lanes up (a small and a large body) and the scheme list (built on first use): the
  // floods measure a running server, not its start.
  const warm = async (text: string): Promise<void> => {
    for (let i = 0; i < 100 && (await request(`${url}api/romanize`, { body: JSON.stringify({ text }), timeoutMs: 30_000 })).status !== 200; i++) await sleep(100);
  };
  await Promise.all([warm('Киров'), warm('Киров '.repeat(10_000)), request(`${url}api/schemes`)]);
  const status = (): string => readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const mb = (field: string): number => Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status())![1]) / 1024);
  return {
    child,
    url,
    port: Number(/:(\d+)\/$/.exec(url)![1]),
    stderr: () => stderr,
    rss: () => ({ now: mb('VmRSS'), peak: mb('VmHWM') }),
    stop: async () => {
      if (child.exitCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const c = await exited;
      clearTimeout(timer);
      return c;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Clients.

interface Reply {
  status: number;
  ms: number;
  bytes: number;
  /** `reset`, `refused`…: the connection failed instead of an answer. */
  failure?: string;
}

function request(url: string, options: { method?: string; body?: string; headers?: Record<string, string>; agent?: http.Agent | false; timeoutMs?: number } = {}): Promise<Reply> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(options.body)) });
    const req = http.request(url, { method: options.method ?? (options.body === undefined ? 'GET' : 'POST'), headers, agent: options.agent ?? false }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ status: res.statusCode!, ms: performance.now() - t0, bytes }));
      res.on('error', (e: NodeJS.ErrnoException) => resolve({ status: 0, ms: performance.now() - t0, bytes, failure: e.code ?? 'error' }));
    });
    if (options.timeoutMs !== undefined) req.setTimeout(options.timeoutMs, () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ status: 0, ms: performance.now() - t0, bytes: 0, failure: e.code ?? 'error' }));
    req.end(options.body);
  });
}

const post = (s: Server, route: string, body: unknown, extra: { agent?: http.Agent; timeoutMs?: number } = {}): Promise<Reply> =>
  request(`${s.url}api/${route}`, { body: JSON.stringify(body), ...extra });

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function percentiles(ms: number[]): { p50: number; p99: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number): number => Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN);
  return { p50: at(0.5), p99: at(0.99), max: Math.round(s.at(-1) ?? NaN) };
}

function count(replies: Reply[]): Record<string, number> {
  const c: Record<string, number> = {};
  for (const r of replies) {
    const k = r.failure ?? String(r.status);
    c[k] = (c[k] ?? 0) + 1;
  }
  return c;
}

/** Samples the server's RSS every 100 ms until stopped. */
function sampler(s: Server): { stop: () => number } {
  let max = 0;
  const timer = setInterval(() => {
    try {
      max = Math.max(max, s.rss().now);
    } catch {
      /* exited */
    }
  }, 100);
  return { stop: () => (clearInterval(timer), max) };
}

const ordinary = { text: 'Сергей Миронович Киров, Щёлково' };

/** Ordinary romanize requests, one every `everyMs`, until `until()`; their latencies. */
async function ordinaryTraffic(s: Server, until: () => boolean, everyMs = 100): Promise<Reply[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const replies: Reply[] = [];
  const pending: Promise<void>[] = [];
  while (!until()) {
    pending.push(post(s, 'romanize', ordinary, { agent, timeoutMs: 60_000 }).then((r) => void replies.push(r)));
    await sleep(everyMs);
  }
  await Promise.all(pending);
  agent.destroy();
  return replies;
}

// ---------------------------------------------------------------------------------------------
// Scenarios.

type Figures = Record<string, string | number>;

/** A scenario: its figures, and the criteria they must meet (each failure as a sentence). */
interface Scenario {
  row: string;
  run: () => Promise<Figures>;
  check: (f: Figures) => string[];
}

const num = (v: string | number | undefined): number => Number(v);
const noFailures = (answers: string | number | undefined): boolean => !/"(ECONNRESET|EPIPE|TIMEOUT|error|5\d\d(?<!503))"/.test(String(answers));
const fail = (ok: boolean, message: string): string[] => (ok ? [] : [message]);
const GB = 1024;

const scenarios: Record<string, Scenario> = {
  // Row 2: 3 rounds of 4 .docx bombs at once (1.55 MB request → 1 GB of XML each).
  'zip-bomb': {
    row: '2',
    run: async () => {
      const bomb = (await docxBomb({ xmlBytes: 1_000_000_000 })).toString('base64');
      const s = await startServer();
      try {
        const idle = s.rss().now;
        const samples = sampler(s);
        const replies: Reply[] = [];
        const t0 = performance.now();
        for (let round = 0; round < 3; round++) {
          replies.push(...(await Promise.all(Array.from({ length: 4 }, () => post(s, 'check', { format: 'docx', data: bomb }, { timeoutMs: 120_000 })))));
        }
        const seconds = (performance.now() - t0) / 1000;
        await sleep(5000);
        const settled = s.rss().now;
        const peak = Math.max(samples.stop(), s.rss().peak);
        const after = await post(s, 'romanize', ordinary, { timeoutMs: 30_000 });
        return { 'request MB': +(bomb.length / 1e6).toFixed(2), 'idle RSS MB': idle, 'peak RSS MB': peak, 'RSS 5 s after MB': settled, answers: JSON.stringify(count(replies)), 'slowest s': +(Math.max(...replies.map((r) => r.ms)) / 1000).toFixed(1), 'all rounds s': +seconds.toFixed(1), 'ordinary after': after.status };
      } finally {
        await s.stop();
      }
    },
    check: (f) => [
      ...fail(num(f['peak RSS MB']) < GB, `peak RSS ${f['peak RSS MB']} MB, over 1 GB`),
      ...fail(!/"(200|500|ECONNRESET|TIMEOUT)"/.test(String(f['answers'])), `answers ${f['answers']}: each bomb must be refused (413 or 503), none served, reset or 500`),
      ...fail(f['ordinary after'] === 200, 'an ordinary request after the bombs failed'),
    ],
  },

  // Row 5: 4 clients looping requests that each need more than the 10 s budget (check on ~4 MB),
  // ordinary romanize requests beside them, one every 100 ms.
  'budget-flood': {
    row: '5',
    run: async () => {
      const heavy = { text: 'In 1934 Grigorii Zinoviev and Zinovyev were tried in Leningrad. '.repeat(60_000) };
      const s = await startServer();
      try {
        const end = Date.now() + floodSeconds * 1000;
        const done = (): boolean => Date.now() > end;
        const flood: Reply[] = [];
        const clients = Array.from({ length: 4 }, async () => {
          const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
          while (!done()) flood.push(await post(s, 'check', heavy, { agent, timeoutMs: 120_000 }));
          agent.destroy();
        });
        await sleep(500); // the flood holds the workers first
        const samples = sampler(s);
        const normal = await ordinaryTraffic(s, done);
        await Promise.all(clients);
        const ok = normal.filter((r) => r.status === 200);
        return { 'heavy request MB': +(JSON.stringify(heavy).length / 1e6).toFixed(2), 'flood answers': JSON.stringify(count(flood)), 'ordinary requests': normal.length, 'ordinary answers': JSON.stringify(count(normal)), ...prefixed('ordinary ms ', percentiles(ok.map((r) => r.ms))), 'peak RSS MB': samples.stop() };
      } finally {
        await s.stop();
      }
    },
    check: (f) => [
      ...fail(num(f['ordinary ms p99']) < 200, `ordinary requests p99 ${f['ordinary ms p99']} ms, over 200 ms`),
      ...fail(!/"(?!200")[^"]+"/.test(String(f['ordinary answers'])), `ordinary answers ${f['ordinary answers']}: all must be 200`),
      ...fail(noFailures(f['flood answers']), `flood answers ${f['flood answers']}: 200, 413 or 503 only`),
    ],
  },

  // Row 6: very large answers: 4 × explain on 1.68 MB, then 4 × deromanize on ~3.9 MB, then 4 on
  // 200 KB (answers under the limit), with
  // GET /api/schemes every 100 ms beside them.
  'large-answers': {
    row: '6',
    run: async () => {
      const cyrillic = 'В 1934 году Сергей Миронович Киров был убит в Ленинграде; Григорий Зиновьев обвинён. ';
      const explainBody = { text: cyrillic.repeat(Math.ceil(1_680_000 / Buffer.byteLength(cyrillic))).slice(0, 940_000), explain: true };
      const latin = "V 1934 godu Sergei Mironovich Kirov byl ubit v Leningrade; Grigorii Zinov'ev obvinen. ";
      const deromanizeBody = { text: latin.repeat(Math.ceil(3_900_000 / latin.length)).slice(0, 3_900_000) };
      // A budget long enough for the work to finish on a slow machine: the answers are the point.
      const s = await startServer(['--timeout', '120']);
      try {
        const samples = sampler(s);
        let stop = false;
        const probes: Promise<Reply[]> = (async () => {
          const out: Reply[] = [];
          while (!stop) {
            out.push(await request(`${s.url}api/schemes`, { timeoutMs: 60_000 }));
            await sleep(100);
          }
          return out;
        })();
        const explainReplies = await Promise.all(Array.from({ length: 4 }, () => post(s, 'romanize', explainBody, { timeoutMs: 120_000 })));
        const deromanizeReplies = await Promise.all(Array.from({ length: 4 }, () => post(s, 'deromanize', deromanizeBody, { timeoutMs: 120_000 })));
        // Large answers that are allowed: 200 KB of text, some 11 MB of answer each.
        const allowedReplies = await Promise.all(Array.from({ length: 4 }, () => post(s, 'deromanize', { text: deromanizeBody.text.slice(0, 200_000) }, { timeoutMs: 120_000 })));
        stop = true;
        const schemes = await probes;
        await sleep(5000);
        const settled = s.rss().now;
        const peak = Math.max(samples.stop(), s.rss().peak);
        return {
          'explain request MB': +(Buffer.byteLength(JSON.stringify(explainBody)) / 1e6).toFixed(2),
          'explain answers': JSON.stringify(count(explainReplies)),
          'explain answer MB': +(Math.max(...explainReplies.map((r) => r.bytes)) / 1e6).toFixed(1),
          'deromanize request MB': +(Buffer.byteLength(JSON.stringify(deromanizeBody)) / 1e6).toFixed(2),
          'deromanize answers': JSON.stringify(count(deromanizeReplies)),
          'deromanize answer MB': +(Math.max(...deromanizeReplies.map((r) => r.bytes)) / 1e6).toFixed(1),
          'deromanize 200 KB answers': JSON.stringify(count(allowedReplies)),
          'deromanize 200 KB answer MB': +(Math.max(...allowedReplies.map((r) => r.bytes)) / 1e6).toFixed(1),
          ...prefixed('GET /api/schemes ms ', percentiles(schemes.map((r) => r.ms))),
          'peak RSS MB': peak,
          'RSS 5 s after MB': settled,
        };
      } finally {
        await s.stop();
      }
    },
    check: (f) => [
      ...fail(num(f['peak RSS MB']) < GB, `peak RSS ${f['peak RSS MB']} MB, over 1 GB`),
      ...fail(num(f['GET /api/schemes ms p99']) < 200, `GET /api/schemes p99 ${f['GET /api/schemes ms p99']} ms beside the flood, over 200 ms`),
      ...fail(noFailures(f['explain answers']) && noFailures(f['deromanize answers']), 'a large request was reset, timed out or failed with 500'),
      ...fail(f['deromanize 200 KB answers'] === '{"200":4}', `deromanize on 200 KB: ${f['deromanize 200 KB answers']}, answers under the limit must be served`),
    ],
  },

  // Rows 10 and 11 as the API sees them: crafted bodies that must give a clean 4xx.
  crafted: {
    row: '10, 11',
    run: async () => {
      const s = await startServer();
      try {
        const n = 100_000;
        const nested = `[{"title":"Киров","note":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}]`;
        const results: Figures = {};
        const cases: [string, string, unknown][] = [
          ['CSL nested 100,000', 'bib', { text: nested, format: 'csl-json' }],
          ['signBeforeE __proto__', 'romanize', { text: 'объём', options: { signBeforeE: '__proto__' } }],
          ['options {"__proto__": …}', 'romanize', JSON.parse('{"text":"объём","options":{"__proto__":{"signBeforeE":"omit"}}}')],
          ['versoStyle __proto__', 'cite', { text: 'ГАРФ. Ф. 1. Оп. 2. Д. 3. Л. 5 об.', style: 'english', versoStyle: '__proto__' }],
          ['versoStyle toString', 'cite', { text: 'ГАРФ. Ф. 1. Оп. 2. Д. 3. Л. 5 об.', style: 'english', versoStyle: 'toString' }],
        ];
        for (const [name, route, body] of cases) {
          const r = await post(s, route, body, { timeoutMs: 60_000 });
          results[name] = r.failure ?? r.status;
        }
        return results;
      } finally {
        await s.stop();
      }
    },
    check: (f) => Object.entries(f).flatMap(([k, v]) => fail(typeof v === 'number' && v >= 400 && v < 500, `${k}: ${v}, not a 4xx`)),
  },

  // Row 14: bound to another loopback address, and beyond loopback.
  host: {
    row: '14',
    run: async () => {
      const results: Figures = {};
      const loop2 = await startServer(['--host', '127.0.0.2']);
      try {
        results['127.0.0.2, Host: evil.example'] = (await request(`${loop2.url}api/schemes`, { headers: { host: 'evil.example' } })).status;
        results['127.0.0.2, Host: 127.0.0.2'] = (await request(`${loop2.url}api/schemes`)).status;
      } finally {
        await loop2.stop();
      }
      const any = await startServer(['--host', '0.0.0.0']);
      try {
        await sleep(300);
        results['0.0.0.0 warns'] = /loopback|other machines/i.test(any.stderr()) ? 'yes' : 'no';
      } finally {
        await any.stop();
      }
      return results;
    },
    check: (f) => [
      ...fail(f['127.0.0.2, Host: evil.example'] === 403, 'Host check off on 127.0.0.2'),
      ...fail(f['127.0.0.2, Host: 127.0.0.2'] === 200, 'own address refused on 127.0.0.2'),
      ...fail(f['0.0.0.0 warns'] === 'yes', 'no warning when bound to 0.0.0.0'),
    ],
  },

  // Row 18: 1,000 connections at once; then 600 slow-header clients that reconnect as soon as
  // they are cut off, and 25 ordinary requests beside them.
  connections: {
    row: '18',
    run: async () => {
      const s = await startServer();
      try {
        const body = JSON.stringify(ordinary);
        const burst = await Promise.all(
          Array.from({ length: 1000 }, () => request(`${s.url}api/romanize`, { body, headers: { connection: 'close' }, timeoutMs: 60_000 })),
        );
        const results: Figures = { '1,000 at once': JSON.stringify(count(burst)) };

        let stop = false;
        let cutOff = 0;
        const slow = new Set<net.Socket>();
        const open = (): void => {
          if (stop) return;
          const socket = net.connect(s.port, '127.0.0.1');
          slow.add(socket);
          socket.on('error', () => {});
          socket.on('connect', () => socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: '));
          socket.on('close', () => {
            slow.delete(socket);
            cutOff++;
            setTimeout(open, 10);
          });
        };
        for (let i = 0; i < 600; i++) open();
        const drip = setInterval(() => {
          for (const socket of slow) if (socket.writable) socket.write('x');
        }, 1000);
        await sleep(3000); // the slow clients hold their connections first
        const t0 = performance.now();
        const normal: Reply[] = [];
        for (let i = 0; i < 25; i++) {
          normal.push(await request(`${s.url}api/romanize`, { body, timeoutMs: 30_000 }));
          if (performance.now() - t0 > 60_000) break;
        }
        const seconds = (performance.now() - t0) / 1000;
        stop = true;
        clearInterval(drip);
        for (const socket of slow) socket.destroy();
        results['25 beside 600 slow: answers'] = JSON.stringify(count(normal));
        results['25 beside 600 slow: served'] = normal.filter((r) => r.status === 200).length;
        results['25 beside 600 slow: s'] = +seconds.toFixed(1);
        results['25 beside 600 slow: slowest ms'] = Math.round(Math.max(...normal.map((r) => r.ms)));
        results['slow clients cut off'] = cutOff;
        return results;
      } finally {
        await s.stop();
      }
    },
    check: (f) => [
      ...fail(!/ECONNRESET|EPIPE|error/.test(String(f['1,000 at once'])), `1,000 at once: ${f['1,000 at once']}: beyond capacity must be 503, not reset`),
      ...fail(f['25 beside 600 slow: served'] === 25, `${f['25 beside 600 slow: served']} of 25 ordinary requests served beside 600 slow clients`),
    ],
  },
};

function prefixed(prefix: string, o: Record<string, number>): Figures {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [`${prefix}${k}`, v]));
}

const only = values.only?.split(',') ?? Object.keys(scenarios);
console.log(`server of ${root} (${values.label}); machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg()[0]!.toFixed(1)}, node ${process.version}\n`);
const all: Record<string, Figures> = {};
for (const name of only) {
  const scenario = scenarios[name];
  if (scenario === undefined) throw new Error(`no scenario "${name}" (known: ${Object.keys(scenarios).join(', ')})`);
  const t0 = performance.now();
  let figures: Figures;
  try {
    figures = await scenario.run();
  } catch (error) {
    figures = { error: String(error) };
  }
  const failures = 'error' in figures ? [String(figures['error'])] : scenario.check(figures);
  all[name] = { ...figures, verdict: failures.length === 0 ? 'pass' : 'FAIL' };
  console.log(`row ${scenario.row} ${name} (${((performance.now() - t0) / 1000).toFixed(0)} s, load ${os.loadavg()[0]!.toFixed(1)}): ${failures.length === 0 ? 'pass' : 'FAIL'}`);
  for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(34)} ${v}`);
  for (const f of failures) console.log(`  FAIL: ${f}`);
  if (failures.length > 0) process.exitCode = 1;
}
if (values.json) {
  mkdirSync(path.join(here, 'bench', 'results'), { recursive: true });
  const file = path.join(here, 'bench', 'results', `server-abuse-${values.label.replace(/\W+/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), label: values.label, node: process.version, cpus: os.cpus().length, load: os.loadavg()[0], scenarios: all }, null, 2)}\n`);
  console.log(`written ${path.relative(process.cwd(), file)}`);
}
