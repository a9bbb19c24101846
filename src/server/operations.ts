// The work behind each POST route: validate the JSON body, call the library, shape the answer.
// Plain functions of (input) → result, run in a worker thread by the server (so that a slow
// request cannot block the others) and called directly by the handler tests.
import * as core from '../index.ts';
import { LatinitsaError } from '../errors.ts';
import { applyFixes, checkCitations, checkText, convertDetailed, deromanizeDetailed, romanizeBibtex, romanizeCsl, type RomanizeBibOptions, explain, getCompiled, getScheme, listSchemes, regionsOfPlainText, romanize, romanizeDetailed, schemeIdForLanguage, type CheckOptions, type CheckCitationsOptions, type Lexicon, type RomanizeOptions, type Segment } from '../index.ts';
import { docxToParagraphText } from '../io/docx.ts';
import { markdownRegions } from '../io/markdown.ts';
import { loadLexicon } from '../reverse/node-lexicon.ts';

/**
 * An error with an HTTP status, for problems the library has no code for (missing field, 501).
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
 * Names of the operations behind `POST /api/<name>`.
 *
 * @example
 * import { operationNames } from 'latinitsa/server';
 * operationNames.includes('romanize');
 * //=> true
 */
export const operationNames = ['romanize', 'deromanize', 'convert', 'check', 'cite', 'bib'] as const;
export type OperationName = (typeof operationNames)[number];

type Input = Record<string, unknown>;
type Fn = (...args: unknown[]) => unknown;

/** A library function by name, or `undefined` while its issue has not landed. */
function libraryFunction(name: string): Fn | undefined {
  const value = (core as unknown as Record<string, unknown>)[name];
  return typeof value === 'function' ? (value as Fn) : undefined;
}

/** Which library function each operation needs (the page and `/api/schemes` report these). */
const needs: Record<OperationName, string> = {
  romanize: 'romanize',
  deromanize: 'deromanizeDetailed',
  convert: 'convertDetailed',
  check: 'checkText',
  cite: 'checkCitations',
  bib: 'romanizeBibtex',
};

/**
 * Which operations the library offers in this build (a route whose library function is missing
 * answers 501).
 *
 * @example
 * import { availableOperations } from 'latinitsa/server';
 * availableOperations().romanize;
 * //=> true
 */
export function availableOperations(): Record<OperationName, boolean> {
  return Object.fromEntries(operationNames.map((op) => [op, libraryFunction(needs[op]) !== undefined])) as Record<OperationName, boolean>;
}

function requireObject(input: unknown): Input {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new HttpError(400, 'ERR_BAD_REQUEST', 'the request body must be a JSON object');
  }
  return input as Input;
}

function requireString(input: Input, field: string): string {
  const value = optionalString(input, field);
  if (value === undefined) throw new HttpError(400, 'ERR_MISSING_FIELD', `missing field "${field}" (a string)`);
  return value;
}

function optionalString(input: Input, field: string): string | undefined {
  const value = input[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new HttpError(400, 'ERR_BAD_REQUEST', `field "${field}" must be a string, found ${describe(value)}`);
  return value;
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

const OPTION_NAME = /^[A-Za-z][A-Za-z0-9-]*$/;

/** The `options` object of a request: scheme options and common options, names checked. */
function readOptions(input: Input): Record<string, unknown> {
  const value = input['options'];
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'ERR_BAD_REQUEST', `field "options" must be an object, found ${describe(value)}`);
  }
  const options: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [name, v] of Object.entries(value)) {
    // Names reach the engine's option lookup; refuse `__proto__` and friends outright.
    if (!OPTION_NAME.test(name) || name === 'scheme') {
      throw new LatinitsaError('ERR_INVALID_OPTION', `invalid option name ${JSON.stringify(name)}`);
    }
    options[name] = v;
  }
  return { ...options };
}

/** Checks a scheme id early so that an unknown one is a 422 whatever the library does next. */
function schemeId(input: Input, field: string, fallback: string | undefined): string {
  const id = fallback === undefined ? requireString(input, field) : (optionalString(input, field) ?? fallback);
  getScheme(id);
  return id;
}

/** A segment of `explain` with the note of the rule or letter that produced it. */
export interface ExplainedSegment extends Segment {
  note?: string;
}

function withNotes(segments: Segment[], schemeIdValue: string): ExplainedSegment[] {
  const scheme = getScheme(schemeIdValue);
  const ruleNotes = new Map<string, string>();
  for (const rule of scheme.rules) if (rule.id !== undefined && rule.note !== undefined) ruleNotes.set(rule.id, rule.note);
  return segments.map((s) => {
    const note = s.rule === undefined ? undefined : (ruleNotes.get(s.rule) ?? (s.letter === undefined ? undefined : scheme.letterNotes[s.letter]));
    return note === undefined ? s : { ...s, note };
  });
}

function romanizeOp(input: Input): unknown {
  const text = requireString(input, 'text');
  const given = optionalString(input, 'scheme');
  const lang = optionalString(input, 'lang');
  const options: RomanizeOptions = { ...readOptions(input) };
  if (given !== undefined) options.scheme = schemeId(input, 'scheme', undefined);
  if (lang !== undefined) options.lang = lang;
  if (input['explain'] !== undefined && typeof input['explain'] !== 'boolean') {
    throw new HttpError(400, 'ERR_BAD_REQUEST', 'field "explain" must be a boolean');
  }
  const result = romanizeDetailed(text, options);
  // The scheme used (with lang "auto", per paragraph in languages).
  const scheme = lang === 'auto' ? given : getCompiled(options).scheme.id;
  const body: Record<string, unknown> = { ...(scheme === undefined ? {} : { scheme }), ...(lang === undefined ? {} : { lang }), output: result.text, diagnostics: result.diagnostics };
  if (result.languages !== undefined) body['languages'] = result.languages;
  if (input['explain'] === true) body['segments'] = explain(text, options).flatMap((s) => withNotes([s], s.scheme ?? scheme!));
  return body;
}

function notImplemented(op: OperationName): never {
  throw new HttpError(501, 'ERR_NOT_IMPLEMENTED', `"${op}" is not available in this version of latinitsa (the library has no ${needs[op]}() yet)`);
}

/**
 * The word lists that rank reverse readings, if built (`node_modules/.cache/latinitsa`); never
 * built here, as that would take longer than a request may. Without them letter statistics rank.
 */
let lexicon: Promise<Lexicon | undefined> | undefined;
/** Starts loading the lexicon (the worker threads call this when they start). */
export function preloadLexicon(): Promise<Lexicon | undefined> {
  lexicon ??= loadLexicon({ build: false }).catch(() => undefined);
  return lexicon;
}

function optionalBoolean(input: Input, field: string): boolean | undefined {
  const value = input[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw new HttpError(400, 'ERR_BAD_REQUEST', `field "${field}" must be a boolean, found ${describe(value)}`);
  return value;
}

function optionalStrings(value: unknown, field: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new HttpError(400, 'ERR_BAD_REQUEST', `field "${field}" must be an array of strings`);
  return value as string[];
}

async function deromanizeOp(input: Input): Promise<unknown> {
  const text = requireString(input, 'text');
  const scheme = schemeId(input, 'scheme', 'modified-loc');
  const all = optionalBoolean(input, 'all');
  const lex = await preloadLexicon();
  const result = deromanizeDetailed(text, { scheme, schemeOptions: readOptions(input), ...(all === undefined ? {} : { all }), ...(lex === undefined ? {} : { lexicon: lex }) });
  // Whether word lists ranked the readings (they exist once `npm run build:lexicon` has run).
  return { ...result, lexicon: lex !== undefined };
}

function objectField(input: Input, field: string): Record<string, unknown> | undefined {
  if (input[field] === undefined) return undefined;
  return readOptions({ options: input[field] });
}

async function convertOp(input: Input): Promise<unknown> {
  const text = requireString(input, 'text');
  const from = schemeId(input, 'from', undefined);
  const to = schemeId(input, 'to', undefined);
  const fromOptions = objectField(input, 'fromOptions');
  const toOptions = objectField(input, 'toOptions');
  const all = optionalBoolean(input, 'all');
  const lex = await preloadLexicon();
  const result = convertDetailed(text, {
    from,
    to,
    ...(fromOptions === undefined ? {} : { fromOptions }),
    ...(toOptions === undefined ? {} : { toOptions }),
    ...(all === undefined ? {} : { all }),
    ...(lex === undefined ? {} : { lexicon: lex }),
  });
  return { ...result, lexicon: lex !== undefined };
}

const CHECK_FORMATS = ['text', 'markdown', 'docx'] as const;

async function checkOp(input: Input): Promise<unknown> {
  const format = optionalString(input, 'format') ?? 'text';
  if (!(CHECK_FORMATS as readonly string[]).includes(format)) {
    throw new HttpError(400, 'ERR_BAD_REQUEST', `field "format" must be one of ${CHECK_FORMATS.join(', ')}, found "${format}"`);
  }
  let text: string;
  if (format === 'docx') {
    // A .docx travels as base64 in "data" (JSON has no bytes).
    const data = requireString(input, 'data');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data)) throw new HttpError(400, 'ERR_BAD_REQUEST', 'field "data" must be the .docx file in base64');
    text = await docxToParagraphText(Buffer.from(data, 'base64'), { file: optionalString(input, 'file') ?? 'upload.docx' });
  } else {
    text = requireString(input, 'text');
  }
  const options: CheckOptions = {};
  const scheme = optionalString(input, 'scheme');
  if (scheme !== undefined && scheme !== '') options.scheme = schemeId(input, 'scheme', undefined);
  const notesScheme = optionalString(input, 'notesScheme');
  if (notesScheme !== undefined && notesScheme !== '') options.notesScheme = schemeId(input, 'notesScheme', undefined);
  const schemeOptions = readOptions(input);
  if (Object.keys(schemeOptions).length > 0) options.schemeOptions = schemeOptions;
  const lang = optionalString(input, 'lang');
  if (lang !== undefined) {
    options.scheme = schemeIdForLanguage(options.scheme, lang);
    if (options.notesScheme !== undefined) options.notesScheme = schemeIdForLanguage(options.notesScheme, lang);
  }
  const allow = optionalStrings(input['allow'], 'allow');
  if (allow !== undefined) options.allow = allow;
  const ignore = optionalStrings(input['ignore'], 'ignore');
  if (ignore !== undefined) options.ignore = ignore;
  const regions = format === 'markdown' ? markdownRegions(text) : regionsOfPlainText(text);
  const diagnostics = checkText(text, { ...options, regions });
  return { format, text, diagnostics, fixed: format === 'docx' ? undefined : applyFixes(text, diagnostics) };
}

const CITE_STYLES = ['english', 'russian', 'numbers'] as const;

function citeOp(input: Input): unknown {
  const text = requireString(input, 'text');
  const options: CheckCitationsOptions = {};
  const format = optionalString(input, 'format');
  if (format !== undefined) {
    if (format !== 'text' && format !== 'markdown') throw new HttpError(400, 'ERR_BAD_REQUEST', `field "format" must be "text" or "markdown", found "${format}"`);
    options.format = format;
  }
  const style = optionalString(input, 'style');
  if (style !== undefined) {
    if (!(CITE_STYLES as readonly string[]).includes(style)) throw new HttpError(400, 'ERR_BAD_REQUEST', `field "style" must be one of ${CITE_STYLES.join(', ')}, found "${style}"`);
    options.style = style as (typeof CITE_STYLES)[number];
  }
  const verso = optionalString(input, 'versoStyle');
  if (verso !== undefined) options.versoStyle = verso as NonNullable<CheckCitationsOptions['versoStyle']>;
  const scheme = optionalString(input, 'scheme');
  if (scheme !== undefined) options.scheme = schemeId(input, 'scheme', undefined);
  return checkCitations(text, options);
}

const BIB_FORMATS = ['bibtex', 'csl-json'] as const;

function bibOp(input: Input): unknown {
  const text = requireString(input, 'text');
  // Without a format: CSL-JSON is a JSON array or object, anything else is BibTeX.
  const format = optionalString(input, 'format') ?? (/^\s*[[{]/.test(text) && !/^\s*@/.test(text) ? 'csl-json' : 'bibtex');
  if (!(BIB_FORMATS as readonly string[]).includes(format)) throw new HttpError(400, 'ERR_BAD_REQUEST', `field "format" must be one of ${BIB_FORMATS.join(', ')}, found "${format}"`);
  const options: RomanizeBibOptions = {};
  const scheme = optionalString(input, 'scheme');
  if (scheme !== undefined) options.scheme = schemeId(input, 'scheme', undefined);
  const schemes = input['schemes'];
  if (schemes !== undefined) {
    if (typeof schemes !== 'object' || schemes === null || Array.isArray(schemes)) throw new HttpError(400, 'ERR_BAD_REQUEST', 'field "schemes" must be an object like {"names": "modified-loc"}');
    for (const [group, id] of Object.entries(schemes)) {
      if (typeof id !== 'string') throw new HttpError(400, 'ERR_BAD_REQUEST', `field "schemes.${group}" must be a string`);
      getScheme(id);
    }
    options.schemes = schemes as NonNullable<RomanizeBibOptions['schemes']>;
  }
  const lang = optionalString(input, 'lang');
  if (lang !== undefined) {
    options.scheme = schemeIdForLanguage(options.scheme, lang);
    if (options.schemes !== undefined) options.schemes = Object.fromEntries(Object.entries(options.schemes).map(([g, id]) => [g, schemeIdForLanguage(id, lang)]));
  }
  const keep = optionalBoolean(input, 'keepOriginal');
  if (keep !== undefined) options.keepOriginal = keep;
  return { format, ...(format === 'csl-json' ? romanizeCsl(text, options) : romanizeBibtex(text, options)) };
}

const operations: Record<OperationName, (input: Input) => unknown> = {
  romanize: romanizeOp,
  deromanize: deromanizeOp,
  convert: convertOp,
  check: checkOp,
  cite: citeOp,
  bib: bibOp,
};

/**
 * Runs one API operation on a request body (JSON text). Throws {@link HttpError} or
 * `LatinitsaError` for bad input; the server turns them into 4xx answers. Parsing happens here,
 * in the worker thread, because JSON nested a million deep takes a second to reject.
 *
 * @example
 * import { runOperation } from 'latinitsa/server';
 * await runOperation('romanize', '{"text": "Киров", "scheme": "ala-lc"}');
 * //=> { scheme: 'ala-lc', output: 'Kirov' }
 */
export async function runOperation(op: OperationName, body: string): Promise<unknown> {
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : 'nested too deeply';
    throw new HttpError(400, 'ERR_BAD_JSON', `the body is not valid JSON: ${detail}`);
  }
  if (!availableOperations()[op]) notImplemented(op);
  return operations[op](requireObject(input));
}

/** `GET /api/schemes`: every scheme with its options, and which operations this build offers. */
export function schemesResponse(): unknown {
  return { schemes: listSchemes(), operations: availableOperations() };
}

/** `GET /api/schemes/{id}`: one scheme in full (letters, rules with notes, options, samples). */
export function schemeResponse(id: string): unknown {
  const s = getScheme(id);
  return {
    id: s.id,
    name: s.name,
    authority: s.authority,
    edition: s.edition,
    source: s.source,
    description: s.description,
    extends: s.extendsChain,
    letters: s.letters,
    letterNotes: s.letterNotes,
    rules: s.rules,
    options: s.options,
    defaults: s.defaults,
    samples: s.samples,
    builtIn: s.builtIn,
  };
}
