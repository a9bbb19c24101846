import type { Writable } from 'node:stream';

// Its own module so that a command that writes a short answer does not load the streaming romanizer
// (io/lines.ts re-exports it; docs/performance.md).

/**
 * Writes to a stream and, when its buffer is full, returns a promise of its `drain` (rejected if
 * the stream fails or closes first, e.g. a closed pipe); `undefined` when there is room.
 *
 * @example
 * import { writeWithBackpressure } from 'latinitsa/io';
 * const { PassThrough } = await import('node:stream');
 * const s = new PassThrough();
 * writeWithBackpressure(s, Buffer.from('Kirov'));
 * //=> undefined
 * s.read().toString();
 * //=> 'Kirov'
 */
export function writeWithBackpressure(stream: Writable, bytes: Uint8Array): Promise<void> | undefined {
  if (stream.destroyed || stream.writableEnded) {
    return Promise.reject(Object.assign(new Error('write after end'), { code: 'EPIPE' }));
  }
  if (stream.write(bytes)) return undefined;
  return new Promise<void>((resolve, reject) => {
    const done = (): void => {
      cleanup();
      resolve();
    };
    const fail = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const closed = (): void => {
      cleanup();
      reject(Object.assign(new Error('output closed'), { code: 'EPIPE' }));
    };
    const cleanup = (): void => {
      stream.off('drain', done);
      stream.off('error', fail);
      stream.off('close', closed);
    };
    stream.on('drain', done);
    stream.on('error', fail);
    stream.on('close', closed);
  });
}
