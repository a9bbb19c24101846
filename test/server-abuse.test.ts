// The server on loopback under load and abuse (issue 9.4): many clients, slow clients, oversized
// bodies, malformed JSON, floods; it keeps serving the others, its memory stays bounded, and it
// shuts down cleanly on SIGTERM. Bounded: a few thousand requests, loopback only.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../src/server/index.ts';
import { docxBomb } from './support/zip-bomb.ts';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });

function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - t0 }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const romanizeBody = JSON.stringify({ text: 'Сергей Миронович Киров, Щёлково' });
const postJson = (url: string, body: string): Promise<Reply> =>
  request(`${url}api/romanize`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

/** Runs `total` jobs with at most `concurrency` at a time. */
async function pooled<T>(total: number, concurrency: number, job: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(total);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        results[i] = await job(i);
      }
    }),
  );
  return results;
}

/** Sends raw bytes on a new connection and resolves with everything the server sent back when it closes. */
function raw(port: number, data: string | Buffer, keepOpenMs = 0): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? resolve(Buffer.concat(chunks).toString('latin1')) : reject(e)));
    socket.write(data, () => {
      if (keepOpenMs > 0) setTimeout(() => socket.end(), keepOpenMs);
    });
  });
}

describe('server under abuse (in-process, loopback)', () => {
  let dir: string;
  let server: RunningServer;
  const limit = 64 * 1024;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'latinitsa-abuse-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title><style>b{}</style><script>1</script>');
    server = await startServer({ port: 0, staticDir: dir, workers: 2, maxBodyBytes: limit, headersTimeoutMs: 1000, timeoutMs: 2000 });
    // Warm the worker threads up.
    await Promise.all([postJson(server.url, romanizeBody), postJson(server.url, romanizeBody)]);
  });

  after(async () => {
    await server.close({ graceMs: 500 });
    rmSync(dir, { recursive: true, force: true });
  });

  it('binds to 127.0.0.1 by default and answers only to localhost names (DNS rebinding)', async () => {
    const quick = await startServer({ port: 0, staticDir: dir, workers: 0 });
    try {
      assert.equal((quick.server.address() as net.AddressInfo).address, '127.0.0.1');
      assert.equal(quick.host, '127.0.0.1');
    } finally {
      await quick.close();
    }
    const evil = await request(server.url, { headers: { host: 'evil.example:8080' } });
    assert.equal(evil.status, 403);
    // The API refuses as every API error answers: JSON with a code.
    const api = await request(`${server.url}api/schemes`, { headers: { host: 'evil.example:8080' } });
    assert.equal(api.status, 403);
    assert.match(String(api.headers['content-type']), /^application\/json/);
    assert.deepEqual(JSON.parse(api.body), { error: { status: 403, code: 'ERR_FORBIDDEN_HOST', message: 'this server answers only to localhost' } });
    assert.equal((await request(server.url, { headers: { host: `localhost:${server.port}` } })).status, 200);
  });

  it('sends security headers: CSP for the page, nosniff, no-referrer, no framing', async () => {
    const page = await request(server.url);
    assert.equal(page.status, 200);
    const csp = String(page.headers['content-security-policy']);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'sha256-/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    for (const res of [page, await postJson(server.url, romanizeBody), await request(`${server.url}nope.html`)]) {
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['referrer-policy'], 'no-referrer');
      assert.equal(res.headers['x-frame-options'], 'DENY');
      assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
    }
  });

  it('serves no file outside its static folder over HTTP (raw request paths)', async () => {
    for (const p of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2f..%2fetc%2fpasswd', '/%2e%2e%5c%2e%2e%5cetc%5cpasswd', '/.%00./etc/passwd']) {
      const reply = await raw(server.port, `GET ${p} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      assert.match(reply, /^HTTP\/1\.1 (400|404)/, p);
      assert.doesNotMatch(reply, /root:/, p);
    }
    assert.equal((await request(`${server.url}index.html`, { method: 'DELETE' })).status, 405);
  });

  it('413 for a body over the limit, declared or streamed, and the connection is closed', async () => {
    const declared = await raw(server.port, `POST /api/romanize HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${limit * 100}\r\n\r\n{"text":"`);
    assert.match(declared, /^HTTP\/1\.1 413/);
    assert.match(declared, /ERR_TOO_LARGE/);
    const chunk = Buffer.alloc(16 * 1024, 'a');
    let body = `POST /api/romanize HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`;
    for (let i = 0; i < 8; i++) body += `${chunk.length.toString(16)}\r\n${chunk.toString()}\r\n`;
    const streamed = await raw(server.port, body, 2000);
    assert.match(streamed, /^HTTP\/1\.1 413/);
    assert.equal((await postJson(server.url, romanizeBody)).status, 200);
  });

  it('400 for malformed JSON and invalid UTF-8 while good requests beside them succeed', async () => {
    const bad = ['{', '{"text":', 'null', '[]', '{"text": 1}', '\u0000', '{"text": "x"'.padEnd(60_000, ' ')];
    const replies = await Promise.all([
      ...bad.map((b) => postJson(server.url, b)),
      request(`${server.url}api/romanize`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) }),
      ...Array.from({ length: 20 }, () => postJson(server.url, romanizeBody)),
    ]);
    const badReplies = replies.slice(0, bad.length + 1);
    for (const r of badReplies) assert.equal(r.status, 400, r.body);
    assert.match(badReplies.at(-1)!.body, /ERR_INVALID_UTF8/);
    for (const r of replies.slice(bad.length + 1)) assert.deepEqual([r.status, JSON.parse(r.body).output], [200, 'Sergei Mironovich Kirov, Shchyolkovo'], r.body);
  });

  it('cuts off slow clients (slowloris) and keeps serving the others meanwhile', async (t) => {
    const sockets = Array.from({ length: 30 }, () => net.connect(server.port, '127.0.0.1'));
    const closed = sockets.map((s) => new Promise<number>((resolve) => {
      const t0 = performance.now();
      s.on('error', () => {});
      s.on('close', () => resolve(performance.now() - t0));
    }));
    // A header byte every 100 ms: never a complete request.
    const drip = setInterval(() => {
      for (const s of sockets) if (!s.destroyed) s.write('X');
    }, 100);
    for (const s of sockets) s.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    try {
      const served = await pooled(40, 8, () => postJson(server.url, romanizeBody));
      assert.ok(served.every((r) => r.status === 200));
      const times = await Promise.all(closed);
      t.diagnostic(`30 slow clients cut off after ${Math.round(Math.min(...times))}–${Math.round(Math.max(...times))} ms; 40 requests beside them, slowest ${Math.round(Math.max(...served.map((r) => r.ms)))} ms`);
      // headersTimeout is 1 s, checked every second.
      assert.ok(Math.max(...times) < 4000, `slow clients held on for ${Math.round(Math.max(...times))} ms`);
    } finally {
      clearInterval(drip);
      for (const s of sockets) s.destroy();
    }
  });

  it('a request over the processing-time budget gets 503 while the others are served', async () => {
    const heavy = JSON.stringify({ text: 'In 1934 Grigorii Zinoviev and Zinovyev were tried. '.repeat(1200) });
    const slow = request(`${server.url}api/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: heavy });
    const others = await pooled(30, 4, () => postJson(server.url, romanizeBody));
    assert.ok(others.every((r) => r.status === 200));
    const s = await slow;
    // On a fast machine the check may finish inside the budget; either way it is a clean answer.
    assert.ok(s.status === 200 || (s.status === 503 && /ERR_TIMEOUT/.test(s.body)), `${s.status} ${s.body.slice(0, 200)}`);
  });

  it('answers 500 concurrent clients and a flood of mixed traffic with no failed well-formed request', async () => {
    const burst = await Promise.all(Array.from({ length: 500 }, () => postJson(server.url, romanizeBody)));
    assert.deepEqual(burst.filter((r) => r.status !== 200).map((r) => r.status), []);
    const flood = await pooled(3000, 48, (i): Promise<[string, number]> =>
      i % 10 === 0 ? postJson(server.url, '{"text":').then((r) => ['bad', r.status])
      : i % 10 === 1 ? request(`${server.url}api/schemes`).then((r) => ['good', r.status])
      : postJson(server.url, romanizeBody).then((r) => ['good', r.status]),
    );
    assert.deepEqual(flood.filter(([kind, status]) => kind === 'good' && status !== 200), []);
    assert.deepEqual(flood.filter(([kind, status]) => kind === 'bad' && status !== 400), []);
  });
});

describe('lanes: a flood of requests that use the whole time budget', () => {
  it('does not hold up small requests (they run in the quick lane)', async (t) => {
    const budgetMs = 1500;
    const server = await startServer({ port: 0, workers: 1, timeoutMs: budgetMs, staticDir: os.tmpdir() });
    let stop = false;
    try {
      // Warm both lanes' threads up.
      assert.equal((await postJson(server.url, romanizeBody)).status, 200);
      // About 1 MB of check each: over the 1.5 s budget on this machine, or close to it.
      const heavy = JSON.stringify({ text: 'In 1934 Grigorii Zinoviev and Zinovyev were tried in Leningrad. '.repeat(16_000) });
      const flood: number[] = [];
      const clients = Array.from({ length: 3 }, async () => {
        while (!stop) flood.push((await request(`${server.url}api/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: heavy })).status);
      });
      await new Promise((r) => setTimeout(r, 300));
      const ordinary: Reply[] = [];
      for (let i = 0; i < 8; i++) {
        ordinary.push(await postJson(server.url, romanizeBody));
        await new Promise((r) => setTimeout(r, 150));
      }
      stop = true;
      await Promise.all(clients);
      const ms = ordinary.map((r) => Math.round(r.ms)).sort((a, b) => a - b);
      t.diagnostic(`flood answers ${flood.join(' ')}; ordinary requests beside it ${ms.join(', ')} ms`);
      assert.deepEqual(ordinary.map((r) => r.status), Array(8).fill(200));
      // Behind the flood they would wait for a whole budget or more.
      assert.ok(ms.at(-1)! < budgetMs, `an ordinary request waited ${ms.at(-1)} ms`);
    } finally {
      stop = true;
      await server.close({ graceMs: 100 });
    }
  });
});

describe('large answers', () => {
  it('refuses "explain" on more than 100,000 characters and answers over the limit with 413, serving the others', async () => {
    const server = await startServer({ port: 0, workers: 1, maxAnswerBytes: 1024 * 1024, staticDir: os.tmpdir() });
    try {
      const explain = await postJson(server.url, JSON.stringify({ text: 'Щёлково '.repeat(20_000), explain: true }));
      assert.equal(explain.status, 413, explain.body.slice(0, 200));
      assert.match(JSON.parse(explain.body).error.message, /"explain" takes at most 100000 characters/);
      // About 3 MB of answer for 100 KB of text (every word with its readings).
      const latin = "V 1934 godu Sergei Mironovich Kirov byl ubit v Leningrade; Grigorii Zinov'ev obvinen. ".repeat(1200);
      const [big, small] = await Promise.all([
        request(`${server.url}api/deromanize`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: latin }) }),
        postJson(server.url, romanizeBody),
      ]);
      assert.equal(big.status, 413, big.body.slice(0, 200));
      assert.match(big.body, /ERR_TOO_LARGE.*the answer would be larger than the server's limit of 1 MiB/);
      assert.equal(small.status, 200);
      // Just under the limit still answers.
      assert.equal((await request(`${server.url}api/deromanize`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: latin.slice(0, 8_000) }) })).status, 200);
    } finally {
      await server.close({ graceMs: 100 });
    }
  });
});

describe('.docx zip bomb', () => {
  it('stops a request whose memory goes over the server\'s bound with 413, again and again, and keeps serving', async (t) => {
    // 230 KB of .docx that inflates to 200 MB of XML; the reader alone took about 800 MB for it.
    const bomb = (await docxBomb({ xmlBytes: 200_000_000 })).toString('base64');
    const base = process.memoryUsage.rss() / 1048576;
    const ceiling = Math.round(base + 350);
    const server = await startServer({ port: 0, workers: 1, maxMemoryMb: ceiling, staticDir: os.tmpdir() });
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss() / 1048576)), 50);
    try {
      const r = await request(`${server.url}api/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ format: 'docx', data: bomb }) });
      t.diagnostic(`RSS ${base.toFixed(0)} MB before, bound ${ceiling} MB, peak ${peak.toFixed(0)} MB, answer ${r.status} after ${Math.round(r.ms)} ms`);
      assert.equal(r.status, 413, r.body.slice(0, 200));
      // Refused by the .docx reader's inflation budget before it inflates, or else by the memory guard.
      assert.match(r.body, /would inflate to \d+ bytes, more than the limit|more memory than the server allows/);
      // Overshoot: what the reader allocates between two looks at the memory (every 100 ms).
      assert.ok(peak < ceiling + 200, `peak ${peak.toFixed(0)} MB over the bound of ${ceiling} MB`);
      assert.equal((await postJson(server.url, romanizeBody)).status, 200);
      // A second bomb: the memory the first took is bounded the same way, not added to.
      const again = await request(`${server.url}api/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ format: 'docx', data: bomb }) });
      t.diagnostic(`second bomb: ${again.status}, peak ${peak.toFixed(0)} MB, RSS ${(process.memoryUsage.rss() / 1048576).toFixed(0)} MB after`);
      assert.equal(again.status, 413);
      assert.ok(peak < ceiling + 200, `peak ${peak.toFixed(0)} MB over the bound of ${ceiling} MB`);
      // Memory held from the bombs blames no later request.
      const check = JSON.stringify({ text: 'In 1934 Grigorii Zinoviev and Zinovyev were tried in Leningrad. '.repeat(2000) });
      assert.equal((await request(`${server.url}api/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: check })).status, 200);
    } finally {
      clearInterval(sampler);
      await server.close({ graceMs: 100 });
    }
  });
});

describe('connections beyond capacity', () => {
  /** Opens `n` connections that send the start of a request and never finish its headers. */
  function slowClients(port: number, n: number): net.Socket[] {
    return Array.from({ length: n }, () => {
      const socket = net.connect(port, '127.0.0.1');
      socket.on('error', () => {});
      socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
      return socket;
    });
  }
  const fresh = (): http.Agent => new http.Agent({ keepAlive: false });
  const post = (url: string, a: http.Agent): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const t0 = performance.now();
      const req = http.request(`${url}api/romanize`, { method: 'POST', headers: { 'content-type': 'application/json' }, agent: a }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - t0 }));
      });
      req.on('error', reject);
      req.end(romanizeBody);
    });

  it('answers 503 with Retry-After, not a reset, when every slot is taken by fresh connections', async () => {
    const server = await startServer({ port: 0, workers: 0, maxConnections: 20, headersTimeoutMs: 10_000, staticDir: os.tmpdir() });
    const slow = slowClients(server.port, 20);
    try {
      await new Promise((r) => setTimeout(r, 200));
      const a = fresh();
      const replies = await Promise.all(Array.from({ length: 10 }, () => post(server.url, a)));
      a.destroy();
      assert.deepEqual(replies.map((r) => r.status), Array(10).fill(503));
      assert.equal(replies[0]!.headers['retry-after'], '1');
      assert.match(replies[0]!.body, /ERR_BUSY/);
    } finally {
      for (const s of slow) s.destroy();
      await server.close({ graceMs: 100 });
    }
  });

  it('slow-header clients cannot hold every slot: ordinary requests take the slots of those waiting longest', async () => {
    const server = await startServer({ port: 0, workers: 0, maxConnections: 20, headersTimeoutMs: 10_000, staticDir: os.tmpdir() });
    let stop = false;
    const slow = new Set<net.Socket>();
    // Slow clients that reconnect as soon as they are cut off, more of them than there are slots.
    const open = (): void => {
      if (stop) return;
      const [socket] = slowClients(server.port, 1);
      slow.add(socket!);
      socket!.on('close', () => {
        slow.delete(socket!);
        setTimeout(open, 10);
      });
    };
    for (let i = 0; i < 30; i++) open();
    try {
      await new Promise((r) => setTimeout(r, 2500));
      const a = fresh();
      const replies: Reply[] = [];
      for (let i = 0; i < 10; i++) replies.push(await post(server.url, a));
      a.destroy();
      assert.deepEqual(replies.map((r) => r.status), Array(10).fill(200));
    } finally {
      stop = true;
      for (const s of slow) s.destroy();
      await server.close({ graceMs: 100 });
    }
  });
});

describe('server on other loopback addresses and beyond loopback', () => {
  it('keeps the Host check on every loopback address (127.0.0.0/8, ::1)', async () => {
    const hosts = ['127.0.0.2', '127.1.2.3', ...(os.networkInterfaces()['lo']?.some((i) => i.address === '::1') ? ['::1'] : [])];
    for (const host of hosts) {
      const s = await startServer({ port: 0, host, workers: 0, staticDir: os.tmpdir() });
      try {
        const name = host.includes(':') ? `[${host}]` : host;
        assert.equal((await request(`${s.url}api/schemes`, { headers: { host: 'evil.example' } })).status, 403, host);
        assert.equal((await request(`${s.url}api/schemes`, { headers: { host: `${name}:${s.port}` } })).status, 200, host);
        assert.equal((await request(`${s.url}api/schemes`, { headers: { host: `localhost:${s.port}` } })).status, 200, host);
      } finally {
        await s.close();
      }
    }
  });

  it('`serve` warns on stderr when bound beyond loopback, and not on loopback', async () => {
    const root = path.resolve(import.meta.dirname, '..');
    const code = `const { main } = await import(${JSON.stringify(path.join(root, 'src', 'cli', 'main.ts'))}); process.exitCode = await main(process.argv.slice(1));`;
    const serveStderr = async (host: string): Promise<string> => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code, 'serve', '--port', '0', '--workers', '0', '--host', host], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (c: Buffer) => /serving/.test(c.toString()) && resolve());
        child.on('exit', (c) => reject(new Error(`serve exited ${c}: ${stderr}`)));
      });
      // The warning follows the "serving" line; give it time to be written before the signal.
      await new Promise((r) => setTimeout(r, 500));
      // 'close': after the child's stderr is read to its end.
      const closed = new Promise((resolve) => child.on('close', resolve));
      child.kill('SIGTERM');
      await closed;
      return stderr;
    };
    assert.match(await serveStderr('0.0.0.0'), /warning: listening on 0\.0\.0\.0, beyond loopback/);
    assert.doesNotMatch(await serveStderr('127.0.0.2'), /warning/);
  });
});

describe('server process: bounded memory under a flood, clean shutdown on SIGTERM', () => {
  let child: ChildProcess;
  let url = '';
  let stderr = '';
  const root = path.resolve(import.meta.dirname, '..');

  const rssMb = (): number => {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
  };

  before(async () => {
    const code = `const { main } = await import(${JSON.stringify(path.join(root, 'src', 'cli', 'main.ts'))}); process.exitCode = await main(process.argv.slice(1));`;
    child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code, 'serve', '--port', '0', '--workers', '2', '--max-body', String(256 * 1024)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (c) => reject(new Error(`server exited ${c}: ${stderr}`)));
    });
  });

  after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('keeps its memory bounded through thousands of requests and oversized bodies', async (t) => {
    await pooled(200, 16, () => postJson(url, romanizeBody));
    const before = rssMb();
    const big = JSON.stringify({ text: 'Щёлково '.repeat(14_000) }); // ≈ 210 KB, under the limit
    const tooBig = 'x'.repeat(300 * 1024);
    const results = await pooled(3000, 32, (i) =>
      i % 50 === 0 ? postJson(url, tooBig).then((r) => (r.status === 413 ? 'ok' : `413? ${r.status}`)).catch(() => 'ok') // the server may close before the upload ends
      : i % 50 === 1 ? postJson(url, big).then((r) => (r.status === 200 ? 'ok' : `big ${r.status}`))
      : postJson(url, romanizeBody).then((r) => (r.status === 200 ? 'ok' : `small ${r.status}`)),
    );
    const after = rssMb();
    assert.deepEqual(results.filter((r) => r !== 'ok'), []);
    t.diagnostic(`RSS ${before.toFixed(0)} MB after warm-up, ${after.toFixed(0)} MB after 3000 requests (60 over the limit, 60 of 210 KB)`);
    assert.ok(after - before < 200, `RSS grew from ${before.toFixed(0)} MB to ${after.toFixed(0)} MB`);
  });

  it('on SIGTERM lets the request in flight finish, stops accepting, and exits 0', async () => {
    const inFlight = request(`${url}api/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Grigorii Zinoviev met Zinovyev. '.repeat(200) }) });
    await new Promise((r) => setTimeout(r, 30));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    child.kill('SIGTERM');
    const reply = await inFlight;
    assert.equal(reply.status, 200);
    const t0 = performance.now();
    assert.equal(await exited, 0);
    assert.ok(performance.now() - t0 < 6000);
    assert.match(stderr, /shutting down/);
    await assert.rejects(request(`${url}api/schemes`, { headers: { connection: 'close' } }));
  });
});
