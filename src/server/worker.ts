// A worker thread of the server's pool: runs one operation at a time and posts the result back.
import { parentPort } from 'node:worker_threads';
import { LatinitsaError } from '../errors.ts';
import { preloadLexicon, runOperation, type OperationName } from './operations.ts';
import { HttpError } from './request.ts';

interface Task {
  id: number;
  op: OperationName;
  body: string;
}

// The lexicon of reverse romanization loads once per thread, before the first request needs it.
void preloadLexicon();

parentPort?.on('message', (task: Task) => {
  runOperation(task.op, task.body).then(
    (value) => parentPort!.postMessage({ id: task.id, ok: true, value }),
    (error: unknown) => {
      // Only our own errors carry a message meant for the client; anything else is a 500.
      const plain =
        error instanceof HttpError
          ? { status: error.status, code: error.code, message: error.message }
          : error instanceof LatinitsaError
            ? { code: error.code, message: error.message }
            : { status: 500, code: 'ERR_INTERNAL', message: 'internal error' };
      // A bug, not bad input: the client learns nothing, the operator gets the stack.
      if (plain.status === 500) console.error(`latinitsa: ${task.op}:`, error);
      parentPort!.postMessage({ id: task.id, ok: false, error: plain });
    },
  );
});

// Tell the pool the thread is ready: its time budget counts from here, not from module loading.
parentPort?.postMessage({ ready: true });
