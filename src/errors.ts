import { describeValue } from './schemes/schema.ts';

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

/**
 * Checks a public function's options object before anything reads it: undefined (no options) or
 * an object, and, when `known` is given, no option of another name. A program's misuse —
 * `romanize(text, null)`, `deromanize(text, 'ala-lc')`, `{ shceme: 'ala-lc' }` — is then an
 * `ERR_INVALID_OPTION` that names it, not a TypeError inside, nor an option silently ignored.
 *
 * @param options What the caller passed.
 * @param known The option names the function takes (its options' type), when it checks names here.
 * @param what The function, for the message.
 */
export function assertOptions(options: unknown, known: readonly string[] | undefined, what: string): asserts options is Record<string, unknown> | undefined {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new LatinitsaError('ERR_INVALID_OPTION', `${what}: the options must be an object, found ${describeValue(options)}`);
  }
  if (known === undefined) return;
  for (const key of Object.keys(options)) {
    if ((options as Record<string, unknown>)[key] === undefined || known.includes(key)) continue;
    throw new LatinitsaError('ERR_INVALID_OPTION', `${what}: unknown option ${JSON.stringify(key)} (known: ${known.join(', ')})`);
  }
}
