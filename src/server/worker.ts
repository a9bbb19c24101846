// A worker thread of the server's pool: runs one operation at a time and posts the result back.
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { LatinitsaError } from '../errors.ts';
import { preloadLexicon, runOperation, type OperationName } from './operations.ts';
import type { WorkerSettings } from './pool.ts';
import { HttpError } from './request.ts';

interface Task {
  id: number;
  op: OperationName;
  body: string | Uint8Array;
}

// The thread's priority is set before this module loads (pool.ts, createWorker).
const { maxAnswerBytes } = workerData as WorkerSettings;

/**
 * The answer as JSON bytes, serialized here rather than in the server thread (which would stall
 * every other request on a large one), and refused when over the limit.
 */
function serialize(value: unknown): Uint8Array {
  const tooLarge = (): LatinitsaError =>
    new LatinitsaError('ERR_TOO_LARGE', `the answer would be larger than the server's limit of ${(maxAnswerBytes / 1048576).toFixed(0)} MiB; send less text at a time`);
  let json: string;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    // Longer than a string can be.
    if (error instanceof RangeError) throw tooLarge();
    throw error;
  }
  // A character is one to three bytes of UTF-8: refuse before encoding when it cannot fit.
  if (json.length > maxAnswerBytes) throw tooLarge();
  const bytes = new TextEncoder().encode(json);
  if (bytes.byteLength > maxAnswerBytes) throw tooLarge();
  return bytes;
}

parentPort?.on('message', (task: Task) => {
  runOperation(task.op, task.body).then(serialize).then(
    (json) => parentPort!.postMessage({ id: task.id, ok: true, json, heapMb: getHeapStatistics().used_heap_size / 1048576 }, [json.buffer as ArrayBuffer]),
    (error: unknown) => {
      // Only our own errors carry a message meant for the client; anything else is a 500.
      const plain =
        error instanceof HttpError
          ? { status: error.status, code: error.code, message: error.message }
          : error instanceof LatinitsaError
            ? { code: error.code, message: error.message, ...(error.pointer === undefined ? {} : { pointer: error.pointer }) }
            : { status: 500, code: 'ERR_INTERNAL', message: 'internal error' };
      // A bug, not bad input: the client learns nothing, the operator gets the stack.
      if (plain.status === 500) console.error(`latinitsa: ${task.op}:`, error);
      parentPort!.postMessage({ id: task.id, ok: false, error: plain, heapMb: getHeapStatistics().used_heap_size / 1048576 });
    },
  );
});

// The lexicon of reverse romanization loads once per thread, before the first request: then the
// pool is told the thread is ready. A task's time budget counts from here, not from loading, and
// no task waits behind the lexicon's decoding (a second of work) in a thread that took it.
void preloadLexicon().finally(() => parentPort?.postMessage({ ready: true }));
