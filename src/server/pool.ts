// A small pool of worker threads with a time budget per task: a request that takes too long is
// stopped (its worker terminated and replaced) without touching the requests of others, and a
// full queue answers "busy" at once instead of piling up memory.
import { Worker } from 'node:worker_threads';
import { LatinitsaError } from '../errors.ts';
import type { OperationName } from './operations.ts';
import { HttpError } from './request.ts';

/** Options of {@link WorkerPool}. */
export interface WorkerPoolOptions {
  /** Number of worker threads. Default 2. */
  size?: number;
  /** Time budget of one task in milliseconds. Default 10 000. */
  timeoutMs?: number;
  /** Tasks allowed to wait for a free worker; more are refused with 503. Default 1024. */
  maxQueue?: number;
  /** Old-generation heap limit of each worker in MB. Default 512. */
  memoryMb?: number;
  /** Largest answer in bytes of JSON; a larger one is refused with 413. Default 16 MiB. */
  maxAnswerBytes?: number;
  /**
   * A worker whose heap is over this many MB after a task is replaced, so that the memory a large
   * request took is given back rather than kept for the next. Default 256.
   */
  recycleHeapMb?: number;
  /**
   * Added to the nice value of the pool's threads (Linux only), so that their work yields the CPU
   * to threads doing quicker work. Default 0.
   */
  niceness?: number;
}

/** What a worker thread is told when it starts (worker.ts). */
export interface WorkerSettings {
  maxAnswerBytes: number;
  /** Added to the thread's nice value (Linux, where it is per thread): a lower CPU priority. */
  niceness: number;
}

interface Pending {
  id: number;
  op: OperationName;
  body: string | Uint8Array;
  resolve: (value: Buffer) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  /** Whether the thread has loaded its modules (tasks are sent only then). */
  ready: boolean;
  task: Pending | undefined;
  /** Resident memory of the process when the task started, in bytes. */
  rssAtStart: number;
  timer: NodeJS.Timeout | undefined;
}

/** The error of a task stopped for the memory it took. */
const tooMuchMemory = (): LatinitsaError => new LatinitsaError('ERR_TOO_LARGE', 'the request needed more memory than the server allows');

/**
 * The code a worker thread starts with. It first lowers the thread's CPU priority when asked (on
 * Linux the nice value belongs to the thread, and threads inherit it from the thread that starts
 * them), so that everything the worker does runs at that priority, its module loading included.
 * Under tsx (tests, `node --import tsx`) the worker's module is TypeScript and needs tsx registered
 * in the thread; resolving tsx waits on the loader's thread, which is busy while workers load, so it
 * is resolved once here rather than at every replacement (that stalled the server).
 */
let bootModule: URL | undefined;
function createWorker(memoryMb: number, workerData: WorkerSettings): Worker {
  if (bootModule === undefined) {
    const own = new URL(import.meta.url);
    const isTs = own.pathname.endsWith('.ts');
    const target = new URL(isTs ? './worker.ts' : './worker.js', own);
    const boot = [
      `import { getPriority, setPriority } from 'node:os';`,
      `import { workerData } from 'node:worker_threads';`,
      `if (workerData.niceness > 0 && process.platform === 'linux') {`,
      // Not allowed here: the thread keeps its priority.
      `  try { setPriority(0, Math.min(19, getPriority(0) + workerData.niceness)); } catch {}`,
      `}`,
      isTs ? `const { register } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}); register();` : '',
      `await import(${JSON.stringify(target.href)});`,
    ].join('\n');
    bootModule = new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
  }
  return new Worker(bootModule, { resourceLimits: { maxOldGenerationSizeMb: memoryMb }, workerData });
}

/**
 * Runs operations in worker threads with a time budget and a bounded queue.
 *
 * @example
 * import { WorkerPool } from 'latinitsa/server';
 * import { DEFAULT_SCHEME } from 'latinitsa';
 * const pool = new WorkerPool({ size: 1, timeoutMs: 30_000 });
 * JSON.parse((await pool.run('romanize', '{"text": "Щёлково"}')).toString());
 * //=> { scheme: DEFAULT_SCHEME, output: 'Shchyolkovo', diagnostics: [] }
 * await pool.close();
 */
export class WorkerPool {
  readonly #slots: Slot[] = [];
  readonly #queue: Pending[] = [];
  readonly #timeoutMs: number;
  readonly #maxQueue: number;
  readonly #memoryMb: number;
  readonly #settings: WorkerSettings;
  readonly #recycleHeapMb: number;
  #nextId = 1;
  #closed = false;

  constructor(options: WorkerPoolOptions = {}) {
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#maxQueue = options.maxQueue ?? 1024;
    this.#memoryMb = options.memoryMb ?? 512;
    this.#settings = { maxAnswerBytes: options.maxAnswerBytes ?? 16 * 1024 * 1024, niceness: options.niceness ?? 0 };
    this.#recycleHeapMb = options.recycleHeapMb ?? 256;
    const size = Math.max(1, options.size ?? 2);
    for (let i = 0; i < size; i++) this.#slots.push(this.#spawn());
  }

  #spawn(): Slot {
    const slot: Slot = { worker: createWorker(this.#memoryMb, this.#settings), ready: false, task: undefined, rssAtStart: 0, timer: undefined };
    slot.worker.on('message', (msg: { id: number; ok: boolean; json?: Uint8Array; error?: unknown; heapMb?: number; ready?: boolean }) => {
      if (msg.ready === true) {
        slot.ready = true;
        this.#pump();
        return;
      }
      const task = slot.task;
      if (task === undefined || task.id !== msg.id) return;
      this.#finish(slot);
      if (msg.ok) task.resolve(Buffer.from(msg.json!.buffer, msg.json!.byteOffset, msg.json!.byteLength));
      else task.reject(msg.error);
      if ((msg.heapMb ?? 0) > this.#recycleHeapMb) this.#replace(slot, undefined);
    });
    // A worker that dies (out of memory, crash) fails its task and is replaced.
    slot.worker.on('error', (error: Error & { code?: string }) => this.#replace(slot, error.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? tooMuchMemory()
      : new HttpError(500, 'ERR_INTERNAL', 'internal error')));
    slot.worker.on('exit', () => this.#replace(slot, new HttpError(500, 'ERR_INTERNAL', 'internal error')));
    return slot;
  }

  #finish(slot: Slot): void {
    if (slot.timer !== undefined) clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.task = undefined;
    queueMicrotask(() => this.#pump());
  }

  #replace(slot: Slot, error: unknown): void {
    const index = this.#slots.indexOf(slot);
    if (index === -1) return;
    const task = slot.task;
    if (slot.timer !== undefined) clearTimeout(slot.timer);
    slot.task = undefined;
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => {});
    void slot.worker.terminate();
    if (this.#closed) {
      this.#slots.splice(index, 1);
    } else {
      this.#slots[index] = this.#spawn();
      queueMicrotask(() => this.#pump());
    }
    task?.reject(error);
  }

  #pump(): void {
    for (const slot of this.#slots) {
      if (slot.task !== undefined || !slot.ready) continue;
      const task = this.#queue.shift();
      if (task === undefined) return;
      slot.task = task;
      slot.rssAtStart = process.memoryUsage.rss();
      slot.timer = setTimeout(() => {
        this.#replace(slot, new LatinitsaError('ERR_TIMEOUT', `the request took longer than the server's limit of ${this.#timeoutMs / 1000} s; send less text at a time`));
      }, this.#timeoutMs);
      // Bytes that own their whole memory are handed over rather than copied (pooled small buffers are copied).
      const body = task.body;
      const own = typeof body !== 'string' && body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer;
      slot.worker.postMessage({ id: task.id, op: task.op, body }, own ? [body.buffer as ArrayBuffer] : []);
    }
  }

  /**
   * Runs an operation on a JSON body (text or UTF-8 bytes); resolves with the answer as JSON bytes (serialized in the
   * worker, under `maxAnswerBytes`). Rejects with 503 at once when the queue is full.
   */
  run(op: OperationName, body: string | Uint8Array): Promise<Buffer> {
    if (this.#closed) return Promise.reject(new HttpError(503, 'ERR_SHUTTING_DOWN', 'the server is shutting down'));
    if (this.#queue.length >= this.#maxQueue) {
      return Promise.reject(new HttpError(503, 'ERR_BUSY', 'the server is busy; try again in a moment'));
    }
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, op, body, resolve, reject });
      this.#pump();
    });
  }

  /**
   * Stops every running task under which the process's resident memory (`rss` bytes now) grew by
   * `bytes` or more (413: it took more memory than the server allows), replacing their workers.
   * Returns how many were stopped.
   */
  stopTasksGrownBy(rss: number, bytes: number): number {
    const grown = this.#slots.filter((slot) => slot.task !== undefined && rss - slot.rssAtStart >= bytes);
    for (const slot of grown) this.#replace(slot, tooMuchMemory());
    return grown.length;
  }

  /** Stops every worker; waiting tasks are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const task of this.#queue.splice(0)) task.reject(new HttpError(503, 'ERR_SHUTTING_DOWN', 'the server is shutting down'));
    const slots = this.#slots.splice(0);
    await Promise.all(
      slots.map((slot) => {
        slot.worker.removeAllListeners();
        slot.task?.reject(new HttpError(503, 'ERR_SHUTTING_DOWN', 'the server is shutting down'));
        if (slot.timer !== undefined) clearTimeout(slot.timer);
        return slot.worker.terminate();
      }),
    );
  }
}
