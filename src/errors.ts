/** Machine-readable codes of {@link LatinitsaError}. */
export type ErrorCode =
  | 'ERR_UNKNOWN_SCHEME'
  | 'ERR_SCHEME_INVALID'
  | 'ERR_SCHEME_SAMPLE'
  | 'ERR_INVALID_OPTION'
  | 'ERR_INVALID_INPUT'
  | 'ERR_INVALID_UTF8'
  | 'ERR_UNSUPPORTED_FORMAT'
  | 'ERR_IO'
  | 'ERR_USAGE'
  | 'ERR_TOO_LARGE'
  | 'ERR_TIMEOUT';

/** Details that say where a problem is: a file, a JSON pointer into it, a byte offset. */
export interface ErrorDetails {
  file?: string;
  pointer?: string;
  offset?: number;
  cause?: unknown;
}

/**
 * The one error class latinitsa throws, for misuse and bad data (unknown scheme, malformed scheme
 * file, invalid option). Findings in user text are returned as data, never thrown.
 *
 * @example
 * import { romanize, LatinitsaError } from 'latinitsa';
 * const error = (() => { try { romanize('Киров', { scheme: 'no-such-scheme' }); } catch (e) { return e as LatinitsaError; } })();
 * error instanceof LatinitsaError && error.code;
 * //=> 'ERR_UNKNOWN_SCHEME'
 */
export class LatinitsaError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly pointer?: string;
  readonly offset?: number;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'LatinitsaError';
    this.code = code;
    if (details.file !== undefined) this.file = details.file;
    if (details.pointer !== undefined) this.pointer = details.pointer;
    if (details.offset !== undefined) this.offset = details.offset;
  }
}
