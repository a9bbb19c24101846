// Reading a request body of the JSON API: the fields each operation takes, with an answer a
// client can act on for each mistake (400 with the field named). docs/web.md.
import { createHash } from 'node:crypto';
import { LatinitsaError } from '../errors.ts';
import { loadScheme, type Scheme } from '../schemes/registry.ts';

/**
 * An error with an HTTP status, for problems the library has no code for (a missing field).
 *
 * @example
 * import { HttpError } from 'latinitsa/server';
 * new HttpError(400, 'ERR_MISSING_FIELD', 'missing field "text"').status;
 * //=> 400
 */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
  }
}

/**
 * A request body (a JSON object) as an operation reads it: each field through {@link Input.get},
 * which records it. The fields an operation reads are the fields it takes: there is no other list
 * of them, and {@link Input.done} refuses any other field the body has, so that a misspelt one
 * (`"shceme"`) is an error rather than a default silently used (docs/web.md).
 */
export class Input {
  readonly #values: Record<string, unknown>;
  readonly #read = new Set<string>();
  readonly #route: string;
  constructor(values: Record<string, unknown>, route: string) {
    this.#values = values;
    this.#route = route;
  }
  /** A field's value (undefined when absent); the field is one this operation takes. */
  get(field: string): unknown {
    this.#read.add(field);
    return Object.hasOwn(this.#values, field) ? this.#values[field] : undefined;
  }
  /** The body's fields no read has asked for yet. */
  unread(): string[] {
    return Object.keys(this.#values).filter((field) => !this.#read.has(field));
  }
  /**
   * Throws 400 `ERR_UNKNOWN_FIELD` naming the first field of the body the operation has not read.
   * Operations call it once they have read their fields, before any work.
   */
  done(): void {
    const [unknown] = this.unread();
    if (unknown === undefined) return;
    throw new HttpError(400, 'ERR_UNKNOWN_FIELD', `unknown field ${JSON.stringify(unknown)}: ${this.#route} takes ${[...this.#read].map((f) => `"${f}"`).join(', ')}`);
  }
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

/** The body, which must be a JSON object, to be read for `route` (`/api/check`: named in messages). */
export function requireObject(input: unknown, route: string): Input {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new HttpError(400, 'ERR_BAD_REQUEST', 'the request body must be a JSON object');
  }
  return new Input(input as Record<string, unknown>, route);
}

/** A string field, or undefined when absent. */
export function optionalString(input: Input, field: string): string | undefined {
  const value = input.get(field);
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new HttpError(400, 'ERR_BAD_REQUEST', `field "${field}" must be a string, found ${describe(value)}`);
  return value;
}

/**
 * A field that takes one of a closed list of strings (`format`, `style`, `versoStyle`, MARC's
 * `operation`…), or undefined when absent: the one reader of such fields in every route. A value
 * of another type is a malformed request (400 ERR_BAD_REQUEST, as every field of the wrong type);
 * a string not in the list is a bad option value (422 ERR_INVALID_OPTION), as the library's and the
 * scheme resolver's are, whatever the text holds (docs/web.md "The API").
 */
export function optionalChoice<T extends string>(input: Input, field: string, allowed: readonly T[]): T | undefined {
  const value = optionalString(input, field);
  if (value === undefined || (allowed as readonly string[]).includes(value)) return value as T | undefined;
  throw new LatinitsaError('ERR_INVALID_OPTION', `field "${field}" must be one of ${allowed.join(', ')}, found ${JSON.stringify(value)}`);
}

/**
 * A field that takes a positive integer (`maxWords`), or undefined when absent: another type is a
 * 400, a number that is not a positive integer a bad option value (422), as with {@link optionalChoice}.
 */
export function optionalPositiveInteger(input: Input, field: string): number | undefined {
  const value = input.get(field);
  if (value === undefined) return undefined;
  if (typeof value !== 'number') throw new HttpError(400, 'ERR_BAD_REQUEST', `field "${field}" must be a positive integer, found ${describe(value)}`);
  if (!Number.isInteger(value) || value < 1) throw new LatinitsaError('ERR_INVALID_OPTION', `field "${field}" must be a positive integer, found ${value}`);
  return value;
}

/** A string field that must be there. */
export function requireString(input: Input, field: string): string {
  const value = optionalString(input, field);
  if (value === undefined) throw new HttpError(400, 'ERR_MISSING_FIELD', `missing field "${field}" (a string)`);
  return value;
}

/** The bytes of a base64 field (JSON has no bytes); `what` says what they must be. */
export function base64Field(data: string, field: string, what: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data)) throw new HttpError(400, 'ERR_BAD_REQUEST', `field "${field}" must be ${what} in base64`);
  return Buffer.from(data, 'base64');
}

/** A boolean field, or undefined when absent. */
export function optionalBoolean(input: Input, field: string): boolean | undefined {
  const value = input.get(field);
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw new HttpError(400, 'ERR_BAD_REQUEST', `field "${field}" must be a boolean, found ${describe(value)}`);
  return value;
}

/** A field that is an array of strings, or undefined when absent. */
export function optionalStrings(input: Input, field: string): string[] | undefined {
  const value = input.get(field);
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new HttpError(400, 'ERR_BAD_REQUEST', `field "${field}" must be an array of strings`);
  return value as string[];
}

/**
 * A field of options (`options`, `fromOptions`…): an object, copied. Which names and values a
 * scheme takes is checked where the scheme is resolved (the engine's resolver), not here; the
 * scheme itself travels in its own field.
 */
export function optionsField(input: Input, field = 'options'): Record<string, unknown> {
  const value = input.get(field);
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'ERR_BAD_REQUEST', `field "${field}" must be an object, found ${describe(value)}`);
  }
  if (Object.hasOwn(value, 'scheme')) throw new LatinitsaError('ERR_INVALID_OPTION', `field "${field}" cannot name the scheme; give it in its own field`);
  return { ...value };
}

/**
 * Most schemes of one's own a thread keeps loaded and compiled, by the hash of their definition:
 * a client that sends the same scheme with every request (the web page, a script) has it compiled
 * once; the least recently used goes first.
 */
export const OWN_SCHEME_CACHE_SIZE = 32;
const ownSchemes = new Map<string, Scheme>();

/** The JSON text of a value with every object's keys in order: one text for one definition, however its keys were ordered. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}

/**
 * The value of a field that names a scheme (`scheme`, `from`, `schemes.names`…): an id, as it is
 * (checked where the scheme is resolved: an unknown one is a 422), or a scheme of one's own, an
 * object in the format of the scheme files (docs/scheme-format.md), loaded as the commands load a
 * scheme file (src/cli/scheme-file.ts): every error is a 422 that names the field and, in
 * `pointer`, where in the body the mistake is (`/scheme/letters/ж`); a built-in scheme's id is
 * refused. Nothing is registered: the scheme serves this request (and, cached, the same definition
 * sent again), never another client's `"scheme": "<id>"`.
 *
 * @param value The field's value; undefined when absent.
 * @param field The field's path, dots between names: `schemes.names`.
 */
export function schemeValue(value: unknown, field: string): string | Scheme | undefined {
  if (value === undefined || typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'ERR_BAD_REQUEST', `field "${field}" must be a scheme id (a string) or a scheme (an object in the format of the scheme files), found ${describe(value)}`);
  }
  const key = createHash('sha256').update(canonicalJson(value)).digest('hex');
  const cached = ownSchemes.get(key);
  if (cached !== undefined) {
    // Used again: the last to go.
    ownSchemes.delete(key);
    ownSchemes.set(key, cached);
    return cached;
  }
  let scheme: Scheme;
  try {
    scheme = loadScheme(value, { file: `field "${field}"`, own: true });
  } catch (error) {
    if (!(error instanceof LatinitsaError)) throw error;
    throw new LatinitsaError(error.code, error.message, { pointer: `/${field.split('.').join('/')}${error.pointer ?? ''}`, cause: error });
  }
  ownSchemes.set(key, scheme);
  if (ownSchemes.size > OWN_SCHEME_CACHE_SIZE) ownSchemes.delete(ownSchemes.keys().next().value!);
  return scheme;
}

/** A field that names a scheme, read from the body: see {@link schemeValue}. */
export function schemeField(input: Input, field: string): string | Scheme | undefined {
  return schemeValue(input.get(field), field);
}
