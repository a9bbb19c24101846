// The library work behind the page's live panels, off the main thread: a Web Worker made from the
// page's own script (one self-contained file, so the worker is a Blob of the same code, started
// with no document). Typing in a 20,000-character text stays responsive because romanizing,
// explaining, detecting and reading back happen there. Where a worker cannot start (an old
// browser, a policy), the same operations run in the page.
import { ownScheme } from './own-scheme.ts';
import { ops, type Explained } from './ops.ts';

export type Ops = typeof ops;
export type OpName = keyof Ops;
type Arg<K extends OpName> = Parameters<Ops[K]>[0];
type Result<K extends OpName> = Awaited<ReturnType<Ops[K]>>;

interface Request {
  id: number;
  op: OpName;
  arg: unknown;
}
type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string } | { ready: true };

/** Runs in the worker: answers the page's requests one at a time, in order. */
export function serveWorker(): void {
  const scope = globalThis as unknown as { postMessage(message: unknown, transfer?: Transferable[]): void; addEventListener(type: 'message', fn: (e: MessageEvent<Request>) => void): void };
  scope.addEventListener('message', async (e) => {
    const { id, op, arg } = e.data;
    try {
      const value: unknown = await (ops[op] as (a: unknown) => unknown)(arg);
      const transfer = op === 'explain' ? [(value as Explained).starts.buffer, (value as Explained).kinds.buffer] : [];
      scope.postMessage({ id, ok: true, value } satisfies Reply, transfer);
    } catch (error) {
      scope.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies Reply);
    }
  });
  scope.postMessage({ ready: true } satisfies Reply);
}

/** The page's side: sends operations to the worker once it is ready, runs them here until then. */
export class Engine {
  #worker: Worker | undefined;
  #ready = false;
  #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  #next = 1;

  /** Starts the worker from the page's own script text (`undefined`: everything runs in the page). */
  constructor(scriptText: string | undefined) {
    if (scriptText === undefined || typeof Worker === 'undefined') return;
    try {
      const url = URL.createObjectURL(new Blob([scriptText], { type: 'text/javascript' }));
      const worker = new Worker(url);
      worker.addEventListener('message', (e: MessageEvent<Reply>) => {
        const reply = e.data;
        if ('ready' in reply) {
          this.#ready = true;
          URL.revokeObjectURL(url);
          void this.run('init', { page: location.href });
          this.shareOwnScheme();
          return;
        }
        const waiting = this.#pending.get(reply.id);
        this.#pending.delete(reply.id);
        if (reply.ok) waiting?.resolve(reply.value);
        else waiting?.reject(new Error(reply.message));
      });
      // A worker that fails to start (blocked by a policy, a script error) leaves the page doing the work.
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        this.#fail();
      });
      this.#worker = worker;
    } catch {
      this.#worker = undefined;
    }
  }

  /** Gives the worker the scheme file the reader opened (in the page it is already there); before it is ready, it gets it when it is. */
  shareOwnScheme(): void {
    const own = ownScheme();
    if (own !== undefined && this.inWorker) void this.run('ownScheme', { definition: own.definition, file: own.file });
  }

  /** Whether work runs off the main thread. */
  get inWorker(): boolean {
    return this.#ready && this.#worker !== undefined;
  }

  #fail(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#ready = false;
    for (const w of this.#pending.values()) w.reject(new Error('the background worker stopped'));
    this.#pending.clear();
  }

  /**
   * Runs one operation: in the worker when it is ready, unless `inPage` (small work, where the
   * trip to the worker and back costs more than the work).
   */
  run<K extends OpName>(op: K, arg: Arg<K>, inPage = false): Promise<Result<K>> {
    if (inPage || !this.inWorker) {
      try {
        return Promise.resolve((ops[op] as (a: Arg<K>) => Result<K> | Promise<Result<K>>)(arg));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    const id = this.#next++;
    return new Promise<Result<K>>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.#worker!.postMessage({ id, op, arg } satisfies Request);
    });
  }
}

/**
 * Runs a task so that at most one is in flight and only the newest waiting one runs next (the
 * ones in between are dropped): typing faster than the work keeps the queue at one.
 */
export function latestOnly<T>(task: (input: T) => Promise<void>): (input: T) => void {
  let running = false;
  let waiting: { input: T } | undefined;
  const pump = async (input: T): Promise<void> => {
    running = true;
    try {
      await task(input);
    } finally {
      running = false;
      const next = waiting;
      waiting = undefined;
      if (next !== undefined) void pump(next.input);
    }
  };
  return (input: T) => {
    if (running) waiting = { input };
    else void pump(input);
  };
}
