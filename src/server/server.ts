// The HTTP server: the web page (static folder) and the JSON API, on 127.0.0.1 by default, with
// bounded headers time, body size, processing time and connections, and a clean shutdown.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { BlockList, isIP, type AddressInfo, type Socket } from 'node:net';
import { errorResponse, handleApi, type ApiResponse, type Executor } from './api.ts';
import { runOperation } from './operations.ts';
import { WorkerPool } from './pool.ts';
import { defaultStaticDir, resolveStatic } from './static.ts';

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** Interface to bind. Default `127.0.0.1` (loopback only). */
  host?: string;
  /** Port; `0` picks a free one. Default 8080. */
  port?: number;
  /** Folder of the built web page. Default `dist/web` of the package. */
  staticDir?: string;
  /** Largest request body in bytes (413 above it). Default 4 MiB. */
  maxBodyBytes?: number;
  /** Processing-time budget of one API request in ms (503 above it). Default 10 000. */
  timeoutMs?: number;
  /** Worker threads for API work; `0` runs it in the server thread without a time budget. Default 2. */
  workers?: number;
  /**
   * Worker threads of the quick lane: requests with bodies up to `quickLaneBytes` run there, apart
   * from larger ones, so a flood of requests that use the whole time budget cannot hold up small
   * ones. Default 1 (none when `workers` is 0).
   */
  quickWorkers?: number;
  /** Largest body in bytes that goes to the quick lane. Default 64 KiB. */
  quickLaneBytes?: number;
  /** Largest answer of an API request in bytes (413 above it; workers only). Default 16 MiB. */
  maxAnswerBytes?: number;
  /**
   * Resident memory of the whole server in MB beyond which the API requests under which it grew
   * (by 64 MB or more) are stopped with 413 and their workers replaced (workers only). Default 640.
   */
  maxMemoryMb?: number;
  /** API requests allowed to wait for a worker (503 "busy" beyond). Default 1024. */
  maxQueue?: number;
  /** Request-body bytes held in memory at once, over all connections (503 "busy" beyond). Default 64 MiB. */
  maxBufferedBytes?: number;
  /** Time a client has to send its request headers in ms (slow clients are cut off). Default 10 000. */
  headersTimeoutMs?: number;
  /** Time a client has to send its whole request in ms. Default 30 000. */
  requestTimeoutMs?: number;
  /**
   * Connections served at once. Default 512. When they are all taken, a newcomer takes the slot of
   * the connection that has waited longest without a request in progress (a slow client still
   * sending its headers, an idle keep-alive) if it has waited over two seconds; otherwise it gets a
   * 503 answer. Beyond twice this many, connections are refused outright.
   */
  maxConnections?: number;
}

/** A started server. */
export interface RunningServer {
  /** `http://127.0.0.1:8080/` */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly server: http.Server;
  /** Stops accepting, lets requests in flight finish (up to `graceMs`, default 5 000), stops the workers. */
  close(options?: { graceMs?: number }): Promise<void>;
}

/** Every loopback address: 127.0.0.0/8 and ::1 (also written long or IPv4-mapped). */
const loopbackAddresses = new BlockList();
loopbackAddresses.addSubnet('127.0.0.0', 8, 'ipv4');
loopbackAddresses.addAddress('::1', 'ipv6');

/**
 * Whether a host name or address is this machine's loopback: `localhost` or an address of
 * 127.0.0.0/8 or ::1.
 *
 * @example
 * import { isLoopback } from 'latinitsa/server';
 * [isLoopback('127.0.0.2'), isLoopback('[::1]'), isLoopback('localhost'), isLoopback('0.0.0.0'), isLoopback('evil.example')];
 * //=> [true, true, true, false, false]
 */
export function isLoopback(host: string): boolean {
  const name = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (name === 'localhost') return true;
  const family = isIP(name);
  return family !== 0 && loopbackAddresses.check(name, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The warning `serve` prints when bound beyond loopback (other machines can reach the API, which
 * has no authentication, and the Host check against DNS rebinding is off); none on loopback.
 *
 * @example
 * import { exposureWarning } from 'latinitsa/server';
 * exposureWarning('127.0.0.1');
 * //=> undefined
 * exposureWarning('0.0.0.0')?.startsWith('latinitsa: warning: listening on 0.0.0.0');
 * //=> true
 */
export function exposureWarning(host: string): string | undefined {
  if (isLoopback(host)) return undefined;
  return `latinitsa: warning: listening on ${host}, beyond loopback: other machines can reach the page and the API, which has no authentication or rate limit; the Host check against DNS rebinding is off. Put it behind a proxy that adds them, or bind to 127.0.0.1.`;
}

/** Security headers sent with everything. */
const baseHeaders: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

const apiCsp = "default-src 'none'; frame-ancestors 'none'";

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The page's CSP: its own inline script and style by hash, nothing from elsewhere, no framing.
 *
 * @example
 * import { pageCsp } from 'latinitsa/server';
 * pageCsp('<script>go()</script>').split('; ').slice(0, 2);
 * //=> ["default-src 'none'", "script-src 'sha256-5KYv+PUboo5h+0+YAtGRPbwv5d/QxzHslP4YGnUaxRw='"]
 */
export function pageCsp(html: string): string {
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => sha256(m[1]!));
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]!));
  return [
    "default-src 'none'",
    `script-src ${scripts.join(' ') || "'none'"}`,
    `style-src ${styles.join(' ') || "'none'"}`,
    "img-src 'self' data:",
    "connect-src 'self'",
    // The page's worker is a Blob of its own (hashed) script.
    "worker-src blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Whether the Host header names this machine (against DNS rebinding when bound to loopback). */
function hostAllowed(hostHeader: string | undefined, boundHost: string): boolean {
  if (!isLoopback(boundHost)) return true;
  if (hostHeader === undefined) return false;
  const name = hostHeader.startsWith('[') ? hostHeader.slice(1, hostHeader.indexOf(']')) : hostHeader.replace(/:\d+$/, '');
  return isLoopback(name);
}

type Body = { ok: true; bytes: Buffer } | { ok: false; response: ApiResponse };

/** Bytes of request bodies held by all connections, against `maxBufferedBytes`. */
interface ByteBudget {
  used: number;
  readonly max: number;
}

/**
 * Reads a request body up to `limit` bytes; beyond it, stops reading and answers 413. The bytes
 * count against the server-wide budget until `release` (when the answer is sent); a full budget
 * answers 503 at once.
 */
function readBody(req: http.IncomingMessage, limit: number, budget: ByteBudget, held: { bytes: number }): Promise<Body> {
  const tooLarge = (): Body => ({ ok: false, response: errorResponse(413, 'ERR_TOO_LARGE', `the body is larger than the limit of ${limit} bytes`) });
  const busy = (): Body => ({ ok: false, response: errorResponse(503, 'ERR_BUSY', 'the server is busy; try again in a moment', { headers: { 'retry-after': '1' } }) });
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(tooLarge());
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (body: Body): void => {
      if (done) return;
      done = true;
      resolve(body);
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit || budget.used + chunk.length > budget.max) {
        chunks.length = 0;
        req.pause();
        finish(size > limit ? tooLarge() : busy());
        return;
      }
      budget.used += chunk.length;
      held.bytes += chunk.length;
      chunks.push(chunk);
    });
    // The bytes as they came: decoding (and checking the UTF-8 of) a large body takes tens of ms,
    // so it happens in the worker, not here where every other request waits.
    req.on('end', () => finish({ ok: true, bytes: Buffer.concat(chunks) }));
    req.on('error', () => finish({ ok: false, response: errorResponse(400, 'ERR_BAD_REQUEST', 'the request was aborted') }));
  });
}

function send(res: http.ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer, head: boolean): void {
  if (res.headersSent || res.destroyed) return;
  const buffer = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...baseHeaders, ...headers, 'content-length': String(buffer.length) });
  res.end(head ? undefined : buffer);
}

/** What the server knows of one connection, for {@link admitConnections}. */
interface ConnectionState {
  /** When the connection opened or its last answer ended (performance.now()). */
  since: number;
  /** A request is in progress (headers received, answer not ended). */
  busy: boolean;
  /** Accepted beyond `maxConnections`: its request gets a 503 and the connection is closed. */
  overCapacity: boolean;
}

const connectionStates = new WeakMap<Socket, ConnectionState>();

/**
 * A connection without a request in progress for this long may lose its slot to a newcomer: long
 * enough that a client whose request is on its way, on a busy server, is not taken for a slow one.
 */
const EVICT_AFTER_MS = 2_000;
/** A connection over capacity has this long to send its request (for the 503) before it is closed. */
const OVER_CAPACITY_MS = 5_000;

/**
 * Admission of connections: `max` are served at once. A newcomer beyond them takes the slot of the
 * connection that has waited longest without a request in progress, once it has waited over
 * EVICT_AFTER_MS (slow-header clients and idle keep-alives cannot hold every slot); failing that,
 * it is answered 503 and closed, never reset. Node's own `maxConnections` (which resets) stays as
 * a hard cap at twice as many.
 */
function admitConnections(server: http.Server, max: number): void {
  const admitted = new Set<Socket>();
  server.maxConnections = 2 * max;
  server.on('connection', (socket: Socket) => {
    const now = performance.now();
    const state: ConnectionState = { since: now, busy: false, overCapacity: false };
    connectionStates.set(socket, state);
    if (admitted.size >= max) {
      let victim: Socket | undefined;
      let oldest = now - EVICT_AFTER_MS;
      for (const other of admitted) {
        const o = connectionStates.get(other)!;
        if (!o.busy && o.since <= oldest) {
          oldest = o.since;
          victim = other;
        }
      }
      if (victim === undefined) {
        state.overCapacity = true;
        socket.setTimeout(OVER_CAPACITY_MS, () => socket.destroy());
        return;
      }
      admitted.delete(victim);
      victim.destroy();
    }
    admitted.add(socket);
    socket.on('close', () => admitted.delete(socket));
  });
}

/**
 * The worker pools: a quick lane for small bodies and a lane for the rest, each with its own
 * threads and queue. Work costs about in proportion to the text it is given, so the body's size
 * sorts requests before any is parsed; a flood of large requests then fills only its own lane.
 */
/** How much lower the large lane's threads run (nice values, Linux). */
const LARGE_LANE_NICENESS = 10;

function startLanes(workers: number, options: ServerOptions): { execute: Executor; close: () => Promise<void> } {
  const common = { timeoutMs: options.timeoutMs ?? 10_000, maxQueue: options.maxQueue ?? 1024, ...(options.maxAnswerBytes === undefined ? {} : { maxAnswerBytes: options.maxAnswerBytes }) };
  // The large lane's threads also run at a lower CPU priority, so that on a busy machine the
  // quick lane and the server thread are scheduled first.
  const large = new WorkerPool({ size: workers, niceness: LARGE_LANE_NICENESS, ...common });
  const quickWorkers = options.quickWorkers ?? 1;
  const quick = quickWorkers > 0 ? new WorkerPool({ size: quickWorkers, ...common }) : large;
  const quickLaneBytes = options.quickLaneBytes ?? 64 * 1024;
  const guard = guardMemory([large, quick], options.maxMemoryMb ?? 640);
  return {
    execute: (op, body) => (body.length <= quickLaneBytes ? quick : large).run(op, body),
    close: async () => {
      clearInterval(guard);
      await Promise.all([large.close(), quick.close()]);
    },
  };
}

/** How often the server's memory is looked at, and how long a stopped worker has to give its memory back. */
const MEMORY_CHECK_MS = 50;
const MEMORY_SETTLE_MS = 200;
/** Growth under a task below which it is not blamed (memory the process held before it began). */
const MEMORY_BLAME_BYTES = 64 * 1048576;

/**
 * Bounds the memory of the API work: when the process's resident memory is over `maxMb`, every task
 * under which it grew by MEMORY_BLAME_BYTES or more (in any lane) is stopped, and its worker with
 * all it allocated (heap and buffers alike: a worker's heap limit does not count buffers, which a
 * .docx bomb inflates into) is replaced. Stopping them all at once, not one by one, is what keeps
 * two bombs side by side from growing past the bound while the first is stopped. Then a pause for
 * the memory to be given back. Memory the process kept from earlier work (the allocator does not
 * always return it) blames no one.
 */
function guardMemory(pools: WorkerPool[], maxMb: number): NodeJS.Timeout {
  let lastStop = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const rss = process.memoryUsage.rss();
    if (now - lastStop < MEMORY_SETTLE_MS || rss <= maxMb * 1048576) return;
    for (const pool of pools) {
      if (pool.stopTasksGrownBy(rss, MEMORY_BLAME_BYTES) > 0) lastStop = now;
    }
  }, MEMORY_CHECK_MS);
  timer.unref();
  return timer;
}

interface CachedPage {
  mtimeMs: number;
  body: Buffer;
  /** The body gzipped once (the page is ~1.8 MB, ~0.5 MB gzipped). */
  gzip: Buffer;
  csp: string | undefined;
}

/**
 * Starts the server: the web page at `/`, the API under `/api/`.
 *
 * @example
 * import { startServer } from 'latinitsa/server';
 * const server = await startServer({ port: 0, workers: 0 });
 * const res = await fetch(`${server.url}api/romanize`, { method: 'POST',
 *   headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Киров' }) });
 * ((await res.json()) as { output: string }).output;
 * //=> 'Kirov'
 * await server.close();
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const staticDir = options.staticDir ?? defaultStaticDir;
  const maxBody = options.maxBodyBytes ?? 4 * 1024 * 1024;
  const workers = options.workers ?? 2;
  const maxConnections = options.maxConnections ?? 512;
  const lanes = workers > 0 ? startLanes(workers, options) : undefined;
  const budget: ByteBudget = { used: 0, max: options.maxBufferedBytes ?? 64 * 1024 * 1024 };
  const execute: Executor = lanes?.execute ?? runOperation;
  const pages = new Map<string, CachedPage>();

  async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, path: string, head: boolean): Promise<void> {
    const found = await resolveStatic(staticDir, path);
    if (found.status !== 200) {
      const message = path === '/' || path === '/index.html' ? 'the web page is not built: run "npm run build:web"' : found.message;
      send(res, found.status, { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': apiCsp }, `${message}\n`, head);
      return;
    }
    const { file, type } = found;
    let cached = pages.get(file);
    const info = await stat(file);
    if (cached === undefined || cached.mtimeMs !== info.mtimeMs) {
      const body = await readFile(file);
      cached = { mtimeMs: info.mtimeMs, body, gzip: gzipSync(body), csp: type.startsWith('text/html') ? pageCsp(body.toString('utf8')) : undefined };
      pages.set(file, cached);
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-cache', vary: 'accept-encoding', 'content-security-policy': cached.csp ?? apiCsp };
    if (gzip) headers['content-encoding'] = 'gzip';
    send(res, 200, headers, gzip ? cached.gzip : cached.body, head);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const head = method === 'HEAD';
    const path = (req.url ?? '/').split('?')[0]!;
    if (!hostAllowed(req.headers.host, host)) {
      // The API's answers are JSON, errors included (docs/web.md); the page's are text.
      const message = 'this server answers only to localhost';
      if (path === '/api' || path.startsWith('/api/')) {
        const r = errorResponse(403, 'ERR_FORBIDDEN_HOST', message);
        send(res, r.status, { ...r.headers, 'cache-control': 'no-store', 'content-security-policy': apiCsp }, r.body, head);
      } else send(res, 403, { 'content-type': 'text/plain; charset=utf-8' }, `${message}\n`, head);
      return;
    }
    // The API's documentation page (built with the web page from the OpenAPI document).
    if ((path === '/api' || path === '/api/') && (method === 'GET' || head)) {
      await serveStatic(req, res, '/api.html', head);
      return;
    }
    if (path === '/api' || path.startsWith('/api/')) {
      let body: Buffer | undefined;
      if (method === 'POST') {
        const held = { bytes: 0 };
        res.on('close', () => {
          budget.used -= held.bytes;
          held.bytes = 0;
        });
        const read = await readBody(req, maxBody, budget, held);
        if (!read.ok) {
          // Do not read the rest of an oversized body: answer and close the connection.
          res.setHeader('connection', 'close');
          const r = read.response;
          send(res, r.status, { ...r.headers, 'cache-control': 'no-store', 'content-security-policy': apiCsp }, r.body, false);
          res.on('finish', () => req.socket.destroySoon());
          return;
        }
        body = read.bytes;
      }
      const r = await handleApi({ method, path, headers: req.headers, ...(body === undefined ? {} : { body }) }, { execute });
      send(res, r.status, { ...r.headers, 'cache-control': 'no-store', 'content-security-policy': apiCsp }, r.body, head);
      return;
    }
    if (method !== 'GET' && !head) {
      send(res, 405, { 'content-type': 'text/plain; charset=utf-8', allow: 'GET, HEAD', 'content-security-policy': apiCsp }, `${method} is not allowed here\n`, false);
      return;
    }
    await serveStatic(req, res, path, head);
  }

  const server = http.createServer(
    {
      headersTimeout: options.headersTimeoutMs ?? 10_000,
      requestTimeout: options.requestTimeoutMs ?? 30_000,
      keepAliveTimeout: 5_000,
      maxHeaderSize: 16 * 1024,
      // How often the timeouts above are checked; the default (30 s) would let slow clients linger.
      connectionsCheckingInterval: 1_000,
    },
    (req, res) => {
      req.on('error', () => {});
      res.on('error', () => {});
      const connection = connectionStates.get(req.socket);
      if (connection !== undefined) {
        connection.busy = true;
        res.on('close', () => {
          connection.busy = false;
          connection.since = performance.now();
        });
        if (connection.overCapacity) {
          const r = errorResponse(503, 'ERR_BUSY', 'the server has too many connections; try again in a moment', { headers: { 'retry-after': '1' } });
          send(res, r.status, { ...r.headers, connection: 'close', 'cache-control': 'no-store', 'content-security-policy': apiCsp }, r.body, req.method === 'HEAD');
          return;
        }
      }
      handle(req, res).catch(() => {
        send(res, 500, { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify({ error: { status: 500, code: 'ERR_INTERNAL', message: 'internal error' } }), false);
      });
    },
  );
  admitConnections(server, maxConnections);

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      // A backlog as deep as the connections taken, so that a burst waits to be accepted (and
      // answered, 503 at worst) rather than overflowing the kernel's queue (default 511).
      server.listen({ port: options.port ?? 8080, host, backlog: 2 * maxConnections }, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    // Port in use, address not available: no worker threads may outlive the failed start.
    await lanes?.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${address.port}/`,
    host,
    port: address.port,
    server,
    close({ graceMs = 5_000 } = {}) {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        await closed;
        clearTimeout(timer);
        await lanes?.close();
      })();
      return closing;
    },
  };
}
