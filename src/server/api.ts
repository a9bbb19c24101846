// The JSON API as a plain function of a request (method, path, headers, body text) to a response
// (status, headers, body): no socket, so the tests call it directly.
import { LatinitsaError } from '../errors.ts';
import { openApiDocument } from './openapi.ts';
import { operationNames, runOperation, schemeResponse, schemesResponse, type OperationName } from './operations.ts';
import { HttpError } from './request.ts';

/** A request as the API sees it, the body already read (and bounded) by the server. */
export interface ApiRequest {
  method: string;
  /** Path without the query string, e.g. `/api/romanize`. */
  path: string;
  /** Lower-case header names. */
  headers?: Readonly<Record<string, string | string[] | undefined>>;
  /** JSON text, or its bytes (UTF-8, decoded where the operation runs). */
  body?: string | Uint8Array;
}

/** A response: JSON text in `body` (as bytes when a worker serialized it). */
export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/**
 * Runs an operation on a JSON body somewhere (in a worker pool with a time budget, or in-process):
 * the answer as a value, or already serialized as JSON bytes.
 */
export type Executor = (op: OperationName, body: string | Uint8Array) => Promise<unknown>;

/** Options of {@link handleApi}. */
export interface HandleApiOptions {
  /** Where the operations run. Default: in this thread (`runOperation`). */
  execute?: Executor;
}

/** Options of {@link errorResponse}. */
export interface ErrorResponseOptions {
  /** Headers of the answer (`allow`, `retry-after`). */
  headers?: Record<string, string>;
  /** Where in the request body the mistake is, as a JSON pointer (`/scheme/letters/ж`). */
  pointer?: string;
}

/**
 * The shape of every error answer: `{ "error": { "status", "code", "message", "pointer"? } }`.
 *
 * @example
 * import { errorResponse } from 'latinitsa/server';
 * errorResponse(404, 'ERR_NOT_FOUND', 'no such route').body;
 * //=> '{"error":{"status":404,"code":"ERR_NOT_FOUND","message":"no such route"}}'
 */
export function errorResponse(status: number, code: string, message: string, options: ErrorResponseOptions = {}): ApiResponse {
  return json(status, { error: { status, code, message, ...(options.pointer === undefined ? {} : { pointer: options.pointer }) } }, options.headers);
}

function json(status: number, value: unknown, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(value) };
}

/** HTTP status for a library error code. */
const statusOfCode: Record<string, number> = {
  ERR_UNKNOWN_SCHEME: 422,
  ERR_INVALID_OPTION: 422,
  ERR_SCHEME_INVALID: 422,
  ERR_SCHEME_SAMPLE: 422,
  ERR_UNSUPPORTED_FORMAT: 422,
  ERR_INVALID_INPUT: 400,
  ERR_INVALID_UTF8: 400,
  ERR_USAGE: 400,
  ERR_TOO_LARGE: 413,
  ERR_TIMEOUT: 503,
};

/**
 * Turns anything an operation threw into an error answer; unknown errors give a bare 500 that
 * does not reveal their message.
 *
 * @example
 * import { errorToResponse } from 'latinitsa/server';
 * import { LatinitsaError } from 'latinitsa';
 * errorToResponse(new LatinitsaError('ERR_UNKNOWN_SCHEME', 'unknown scheme "x"')).status;
 * //=> 422
 * errorToResponse(new Error('/secret/path')).body;
 * //=> '{"error":{"status":500,"code":"ERR_INTERNAL","message":"internal error while handling the request"}}'
 */
export function errorToResponse(error: unknown): ApiResponse {
  if (error instanceof HttpError) return errorResponse(error.status, error.code, error.message);
  if (error instanceof URIError) return errorResponse(400, 'ERR_BAD_REQUEST', 'malformed percent-encoding in the path');
  if (error instanceof LatinitsaError) return errorResponse(statusOfCode[error.code] ?? 400, error.code, error.message, error.pointer === undefined ? {} : { pointer: error.pointer });
  // Errors that crossed a worker boundary arrive as plain objects.
  if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error) {
    const { code, message, status, pointer } = error as { code: unknown; message: unknown; status?: unknown; pointer?: unknown };
    if (typeof code === 'string' && typeof message === 'string') {
      const s = typeof status === 'number' ? status : (statusOfCode[code] ?? 500);
      if (s !== 500) return errorResponse(s, code, message, typeof pointer === 'string' ? { pointer } : {});
    }
  }
  return errorResponse(500, 'ERR_INTERNAL', 'internal error while handling the request');
}

const GET_ROUTES = new Set(['/api/schemes', '/api/openapi.json']);

/** The answers of the two fixed GET routes, built once (the built-in schemes do not change while serving). */
const fixed = new Map<string, string>();
function fixedJson(path: string, build: () => unknown): ApiResponse {
  let body = fixed.get(path);
  if (body === undefined) fixed.set(path, (body = JSON.stringify(build())));
  return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body };
}

/** The `charset` labels of UTF-8 the API takes (WHATWG's two common ones, any case). */
const UTF8_CHARSETS = ['utf-8', 'utf8'];

/**
 * Why a body with this Content-Type is not read (415), or undefined: it must be JSON, and JSON
 * between systems is UTF-8 (RFC 8259 §8.1; application/json defines no charset). A body declared
 * in another charset (windows-1251, KOI8-R, ISO-8859-5, UTF-16) is refused with the list of the
 * accepted ones rather than decoded: read as UTF-8 it would be misread, and decoding it would make
 * this API take JSON that other JSON servers refuse (docs/web.md "The API").
 */
function mediaTypeProblem(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  const [typePart = '', ...params] = (v ?? '').split(';');
  const type = typePart.trim().toLowerCase();
  if (type !== 'application/json' && !(type.startsWith('application/') && type.endsWith('+json'))) {
    return 'send the body as JSON with "Content-Type: application/json"';
  }
  for (const param of params) {
    const eq = param.indexOf('=');
    if (param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    const charset = param.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    if (!UTF8_CHARSETS.includes(charset.toLowerCase())) {
      return `the body must be JSON in UTF-8: charset ${JSON.stringify(charset)} is not read; accepted charsets: ${UTF8_CHARSETS.join(', ')} (or none)`;
    }
  }
  return undefined;
}

/**
 * Why a body with this Content-Encoding is not read (415), or undefined: only `identity` (or no
 * header) is. A compressed body is refused, not inflated: the body-size limit bounds what the
 * server reads (4 MiB), and a gzip body of that size can inflate to gigabytes (a zip bomb); the
 * API's bodies are small JSON, so compression saves its clients little (docs/web.md "The API";
 * RFC 9110 §15.5.16: 415 for an unsupported content coding, with the codings that are supported
 * in Accept-Encoding).
 */
function contentEncodingProblem(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value.join(',') : value;
  if (v === undefined) return undefined;
  const codings = v.split(',').map((c) => c.trim().toLowerCase()).filter((c) => c !== '');
  const other = codings.find((c) => c !== 'identity');
  if (other === undefined) return undefined;
  return `the body must not be compressed: Content-Encoding ${JSON.stringify(other)} is not read; send it uncompressed (identity)`;
}

/**
 * Answers one API request: `GET /api/schemes`, `GET /api/schemes/{id}`, `GET /api/openapi.json`,
 * `POST /api/<operation>` with a JSON body. Never throws.
 *
 * @example
 * import { handleApi } from 'latinitsa/server';
 * const res = await handleApi({ method: 'POST', path: '/api/romanize',
 *   headers: { 'content-type': 'application/json' }, body: '{"text": "Юрий"}' });
 * [res.status, JSON.parse(String(res.body)).output];
 * //=> [200, 'Yury']
 * (await handleApi({ method: 'GET', path: '/api/romanize' })).status;
 * //=> 405
 */
export async function handleApi(request: ApiRequest, options: HandleApiOptions = {}): Promise<ApiResponse> {
  const execute = options.execute ?? runOperation;
  const { method, path } = request;
  const isGet = method === 'GET' || method === 'HEAD';
  try {
    if (GET_ROUTES.has(path) || path.startsWith('/api/schemes/')) {
      if (!isGet) return errorResponse(405, 'ERR_METHOD_NOT_ALLOWED', `${path} accepts GET, not ${method}`, { headers: { allow: 'GET, HEAD' } });
      if (path === '/api/schemes') return fixedJson(path, schemesResponse);
      if (path === '/api/openapi.json') return fixedJson(path, openApiDocument);
      const id = decodeURIComponent(path.slice('/api/schemes/'.length));
      return json(200, schemeResponse(id));
    }
    const op = path.slice('/api/'.length);
    if (!path.startsWith('/api/') || !(operationNames as readonly string[]).includes(op)) {
      return errorResponse(404, 'ERR_NOT_FOUND', `no API route ${path} (see /api/openapi.json)`);
    }
    if (method !== 'POST') return errorResponse(405, 'ERR_METHOD_NOT_ALLOWED', `${path} accepts POST, not ${method}`, { headers: { allow: 'POST' } });
    const refused = mediaTypeProblem(request.headers?.['content-type']);
    if (refused !== undefined) return errorResponse(415, 'ERR_UNSUPPORTED_MEDIA_TYPE', refused);
    const compressed = contentEncodingProblem(request.headers?.['content-encoding']);
    if (compressed !== undefined) return errorResponse(415, 'ERR_UNSUPPORTED_MEDIA_TYPE', compressed, { headers: { 'accept-encoding': 'identity' } });
    const answer = await execute(op as OperationName, request.body ?? '');
    if (Buffer.isBuffer(answer)) return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: answer };
    return json(200, answer);
  } catch (error) {
    return errorToResponse(error);
  }
}
