// File-system errors as the one error class, with one-line messages a person can act on.
import { LatinitsaError } from '../errors.ts';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EMFILE: 'too many open files',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
  EEXIST: 'already exists',
  EFBIG: 'the file is too large for the file-size limit (ulimit -f)',
  ENXIO: 'no one is reading at the other end (a FIFO or socket)',
  ENAMETOOLONG: 'the file name is too long',
  ELOOP: 'too many symbolic links',
  EDQUOT: 'the disk quota is exceeded',
};

/**
 * A file-system error as a one-line `ERR_IO` {@link LatinitsaError}: `cannot read notes.txt: no
 * such file`. Other errors pass through unchanged.
 *
 * @example
 * import { ioError } from 'latinitsa/io';
 * (ioError('read', 'a.txt', Object.assign(new Error('x'), { code: 'ENOENT' })) as Error).message;
 * //=> 'cannot read a.txt: no such file'
 */
export function ioError(verb: string, file: string, error: unknown): unknown {
  if (error instanceof LatinitsaError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  // Node refuses a path with a NUL character before asking the system: still the user's input.
  if (code === 'ERR_INVALID_ARG_VALUE' && /null bytes/.test(String((error as Error).message))) {
    return new LatinitsaError('ERR_IO', `cannot ${verb} ${JSON.stringify(file)}: the file name contains a NUL character`, { file, cause: error });
  }
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return error;
  return new LatinitsaError('ERR_IO', `cannot ${verb} ${file}: ${REASONS[code] ?? code.toLowerCase()}`, { file, cause: error });
}

/**
 * Whether an error is that of an output closed by its reader (`latinitsa … | head`): not a
 * failure, the command stops quietly.
 *
 * @example
 * import { isClosedPipe } from 'latinitsa/io';
 * isClosedPipe(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
 * //=> true
 */
export function isClosedPipe(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || code === 'ERR_STREAM_WRITE_AFTER_END';
}
