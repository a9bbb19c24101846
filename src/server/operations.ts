// The work behind each POST route: validate the JSON body, call the library, shape the answer.
// Plain functions of (input) → result, run in a worker thread by the server (so that a slow
// request cannot block the others) and called directly by the handler tests.
import { checkText } from '../check/check.ts';
import { confidenceLevels } from '../check/confidence.ts';
import { checkSettingNames, checkSettingProblem } from '../check/config.ts';
import type { CheckOptions } from '../check/types.ts';
import type { RomanizeBibOptions } from '../cite/bib.ts';
import { romanizeBibtex } from '../cite/bibtex.ts';
import { romanizeCsl } from '../cite/csl.ts';
import { checkCitations, type CheckCitationsOptions } from '../cite/text.ts';
import { applyFixes, selectFixes } from '../diagnostics/fix.ts';
import { editDocument, readDocument, type ProseDocument } from '../document/document.ts';
import { notePlaces } from '../document/regions.ts';
import '../engine/detector.ts'; // `lang: "auto"` runs the language detector
import { explain, romanizeDetailed, type Segment } from '../engine/romanize.ts';
import type { RomanizeOptions } from '../engine/resolve.ts';
import { decodeUtf8 } from '../io/decode.ts';
import { bytesToDocument } from '../io/documents.ts';
import { rewriteDocx } from '../io/docx.ts';
import { loadLexicon } from '../io/lexicon.ts';
import { convertDetailed } from '../reverse/convert.ts';
import { deromanizeDetailed } from '../reverse/deromanize.ts';
import { detectScheme } from '../reverse/detect.ts';
import type { Lexicon } from '../reverse/lexicon.ts';
import { marcBatch, type MarcBatchInput } from '../marc/batch.ts';
import { resolveScheme } from '../engine/resolve.ts';
import { DEFAULT_LANGUAGE } from '../schemes/languages.ts';
import { DEFAULT_SCHEME, getScheme, listSchemes, type Scheme } from '../schemes/registry.ts';
import { LatinitsaError } from '../errors.ts';
import { BIB_FORMATS, CHECK_FORMATS, CITE_FORMATS, CITE_STYLES, MARC_NORMALIZATIONS, MARC_OPERATIONS, MARC_OUTPUTS, MARC_TIES, VERSO_STYLES } from './choices.ts';
import { base64Field, HttpError, optionalBoolean, optionalChoice, optionalPositiveInteger, optionalString, optionsField, requireObject, requireString, schemeField, schemeValue, type Input } from './request.ts';

/**
 * Names of the operations behind `POST /api/<name>`.
 *
 * @example
 * import { operationNames } from 'latinitsa/server';
 * operationNames.includes('romanize');
 * //=> true
 */
export const operationNames = ['romanize', 'deromanize', 'convert', 'detect', 'check', 'cite', 'bib', 'marc'] as const;
export type OperationName = (typeof operationNames)[number];

/** A segment of `explain` with the note of the rule or letter that produced it. */
export interface ExplainedSegment extends Segment {
  note?: string;
}

function withNotes(segments: Segment[], scheme: Scheme): ExplainedSegment[] {
  const ruleNotes = new Map<string, string>();
  for (const rule of scheme.rules) if (rule.id !== undefined && rule.note !== undefined) ruleNotes.set(rule.id, rule.note);
  return segments.map((s) => {
    const note = s.rule === undefined ? undefined : (ruleNotes.get(s.rule) ?? (s.letter === undefined ? undefined : scheme.letterNotes[s.letter]));
    return note === undefined ? s : { ...s, note };
  });
}

/**
 * Most characters `explain` takes at a time: each becomes a segment of some 40–70 bytes of JSON,
 * so this keeps an explained answer to a few MB (docs/web.md).
 */
export const EXPLAIN_MAX_CHARS = 100_000;

function romanizeOp(input: Input): unknown {
  const text = requireString(input, 'text');
  if (input.get('explain') !== undefined && typeof input.get('explain') !== 'boolean') {
    throw new HttpError(400, 'ERR_BAD_REQUEST', 'field "explain" must be a boolean');
  }
  if (input.get('explain') === true && text.length > EXPLAIN_MAX_CHARS) {
    throw new HttpError(413, 'ERR_TOO_LARGE', `"explain" takes at most ${EXPLAIN_MAX_CHARS} characters at a time, found ${text.length}; send the text in parts, or without "explain"`);
  }
  const lang = optionalString(input, 'lang');
  const given = schemeField(input, 'scheme');
  // The scheme and its options are resolved (and checked) once; romanize and explain get the
  // scheme itself. With lang "auto" each paragraph resolves its own (languages says which).
  const options: RomanizeOptions = { ...optionsField(input) };
  input.done();
  if (lang !== undefined) options.lang = lang;
  let scheme: Scheme | undefined;
  if (lang === 'auto') {
    if (given !== undefined) options.scheme = typeof given === 'string' ? getScheme(given) : given;
  } else {
    scheme = resolveScheme({ ...options, scheme: given ?? (lang === undefined ? DEFAULT_SCHEME : undefined) }).scheme;
    options.scheme = scheme;
  }
  const result = romanizeDetailed(text, options);
  const body: Record<string, unknown> = { ...(scheme === undefined ? {} : { scheme: scheme.id }), ...(lang === undefined ? {} : { lang }), output: result.text, diagnostics: result.diagnostics };
  if (result.languages !== undefined) body['languages'] = result.languages;
  // With lang "auto" a segment names its paragraph's scheme: the request's own (not registered) or a built-in one.
  const schemeOf = (id: string): Scheme => (typeof given === 'object' && given.id === id ? given : getScheme(id));
  if (input.get('explain') === true) body['segments'] = explain(text, options).flatMap((seg) => withNotes([seg], seg.scheme === undefined ? scheme! : schemeOf(seg.scheme)));
  return body;
}

/**
 * The shipped lexicons that rank reverse readings, by language; without one (a language the
 * package has none of, a file missing or damaged) letter statistics rank, and answers say
 * `"lexicon": false`.
 */
const lexicons = new Map<string, Promise<Lexicon | undefined>>();
/**
 * Starts loading the lexicon of a language, Russian by default (the worker threads call this for
 * Russian when they start; the others load on first use).
 */
export function preloadLexicon(language: string = DEFAULT_LANGUAGE): Promise<Lexicon | undefined> {
  let lexicon = lexicons.get(language);
  if (lexicon === undefined) lexicons.set(language, (lexicon = loadLexicon({ language }).catch(() => undefined)));
  return lexicon;
}

/** The lexicon of the language a text in this scheme is read in (the scheme and its options are checked when the text is read). */
function lexiconOfScheme(scheme: string | Scheme, schemeOptions: Record<string, unknown>): Promise<Lexicon | undefined> {
  let language: string;
  try {
    language = resolveScheme({ ...schemeOptions, scheme }).language.id;
  } catch {
    return Promise.resolve(undefined);
  }
  return preloadLexicon(language);
}

async function deromanizeOp(input: Input): Promise<unknown> {
  const text = requireString(input, 'text');
  const scheme = schemeField(input, 'scheme') ?? DEFAULT_SCHEME;
  const all = optionalBoolean(input, 'all');
  const schemeOptions = optionsField(input);
  input.done();
  const lex = await lexiconOfScheme(scheme, schemeOptions);
  const result = deromanizeDetailed(text, { scheme, schemeOptions, ...(all === undefined ? {} : { all }), ...(lex === undefined ? {} : { lexicon: lex }) });
  // Whether the lexicon ranked the readings.
  return { ...result, lexicon: lex !== undefined };
}

async function convertOp(input: Input): Promise<unknown> {
  const text = requireString(input, 'text');
  const from = schemeField(input, 'from');
  const to = schemeField(input, 'to');
  if (from === undefined || to === undefined) throw new HttpError(400, 'ERR_MISSING_FIELD', `missing field "${from === undefined ? 'from' : 'to'}" (a scheme id or a scheme)`);
  const all = optionalBoolean(input, 'all');
  const fromOptions = optionsField(input, 'fromOptions');
  const toOptions = optionsField(input, 'toOptions');
  input.done();
  const lex = await lexiconOfScheme(from, fromOptions);
  const result = convertDetailed(text, {
    from,
    to,
    fromOptions,
    toOptions,
    ...(all === undefined ? {} : { all }),
    ...(lex === undefined ? {} : { lexicon: lex }),
  });
  return { ...result, lexicon: lex !== undefined };
}

async function detectOp(input: Input): Promise<unknown> {
  const text = requireString(input, 'text');
  const list = input.get('schemes');
  if (list !== undefined && !Array.isArray(list)) throw new HttpError(400, 'ERR_BAD_REQUEST', 'field "schemes" must be an array of scheme ids or schemes');
  const schemes = (list as unknown[] | undefined)?.map((item, k) => {
    const scheme = schemeValue(item, `schemes.${k}`)!;
    return typeof scheme === 'string' ? getScheme(scheme) : scheme;
  });
  const maxWords = optionalPositiveInteger(input, 'maxWords');
  input.done();
  const lex = await preloadLexicon();
  const result = detectScheme(text, { ...(schemes === undefined ? {} : { schemes }), ...(maxWords === undefined ? {} : { maxWords }), ...(lex === undefined ? {} : { lexicon: lex }) });
  return { ...result, lexicon: lex !== undefined };
}

/** The fields of `POST /api/check` that say what the document is; every other field is a setting of the checker. */
const CHECK_DOCUMENT_FIELDS = ['text', 'format', 'data', 'file', 'regions', 'emphasis', 'notes', 'options'] as const;

async function checkOp(input: Input): Promise<unknown> {
  const format = optionalChoice(input, 'format', CHECK_FORMATS) ?? 'text';
  const text = format === 'docx' ? undefined : requireString(input, 'text');
  // A .docx travels as base64 in "data" (JSON has no bytes).
  const data = format === 'docx' ? requireString(input, 'data') : undefined;
  const file = optionalString(input, 'file');
  // A plain text's prose regions as an earlier answer gave them (a .docx's text, its notes as notes,
  // sent again after edits: the web page), checked by the checker like the library's option.
  const regions = format === 'text' ? input.get('regions') : undefined;
  // Its italic spans as the answer gave them (a published title's spelling is its publisher's),
  // checked by the checker like the library's option.
  const emphasis = format === 'text' ? input.get('emphasis') : undefined;
  // A .docx's footnotes and endnotes as the answer gave them (a finding in one is placed by the
  // note: inNote), checked by the checker like the library's option.
  const notes = format === 'text' ? input.get('notes') : undefined;
  // The scheme's options are "options" in every route of the API ("schemeOptions" in the settings).
  const schemeOptions = optionsField(input);
  // Every other field is a setting of the checker, read by the one table the settings file and the
  // library are checked by (src/check/config.ts): a name that is not a setting is an unknown field.
  const options: CheckOptions = Object.keys(schemeOptions).length > 0 ? { schemeOptions } : {};
  for (const key of input.unread()) {
    if ((CHECK_DOCUMENT_FIELDS as readonly string[]).includes(key)) {
      throw new HttpError(400, 'ERR_BAD_REQUEST', `field "${key}" is not read with format "${format}"`);
    }
    // The API's one name for a scheme's options is "options", in every route.
    if (key === 'schemeOptions') throw new HttpError(400, 'ERR_UNKNOWN_FIELD', 'unknown field "schemeOptions": /api/check takes the scheme\'s options in "options", as every route does');
    // A scheme of one's own is loaded first: the settings table takes loaded schemes.
    const given = input.get(key);
    const value = (key === 'scheme' || key === 'notesScheme') && typeof given === 'object' && given !== null && !Array.isArray(given) ? schemeValue(given, key) : given;
    const wrong = checkSettingProblem(key, value);
    if (wrong !== undefined) {
      // A setting's wrong value is the library's wrong option (422), an unknown name a malformed request (400).
      throw (checkSettingNames as readonly string[]).includes(key)
        ? new LatinitsaError('ERR_INVALID_OPTION', `field "${key}" ${wrong}`)
        : new HttpError(400, 'ERR_UNKNOWN_FIELD', `unknown field "${key}": /api/check takes ${[...CHECK_DOCUMENT_FIELDS, ...checkSettingNames.filter((f) => f !== 'schemeOptions')].map((f) => `"${f}"`).join(', ')}`);
    }
    // An empty scheme is none (a form's empty choice).
    if ((key === 'scheme' || key === 'notesScheme') && value === '') continue;
    (options as Record<string, unknown>)[key] = value;
  }
  input.done();
  let doc: ProseDocument;
  let bytes: Buffer | undefined;
  if (data !== undefined) {
    // Read as the CLI reads a file: its footnotes and endnotes are notes (docs/check.md), not
    // running text.
    bytes = base64Field(data, 'data', 'the .docx file');
    doc = await bytesToDocument(bytes, { file: file ?? 'upload.docx', format: 'docx' });
  } else {
    // With its regions, the text is taken as it is (they are offsets into it).
    doc = regions === undefined ? readDocument({ text: text!, format: format as 'text' | 'markdown' }) : { format: 'text', text: text!, bom: false, regions: regions as ProseDocument['regions'] };
    if (emphasis !== undefined) doc = { ...doc, emphasis: emphasis as NonNullable<ProseDocument['emphasis']> };
    if (notes !== undefined) doc = { ...doc, notes: notes as NonNullable<ProseDocument['notes']> };
  }
  // Read with the shipped lexicon, as `latinitsa check` reads: the confidences are the command's.
  const lex = await preloadLexicon();
  // A finding in a .docx's footnote or endnote says which note (inNote), as the command reports it.
  const diagnostics = notePlaces(checkText(doc.text, { ...options, regions: doc.regions, ...(doc.emphasis === undefined ? {} : { emphasis: doc.emphasis }), ...(doc.notes === undefined ? {} : { notes: doc.notes }), ...(lex === undefined ? {} : { lexicon: lex }) }), doc);
  // Unattended, only the certain fixes are applied, as `check --fix` applies them (docs/check.md):
  // to a .docx by the same rewrite as the command's, its file sent back in base64 (fixedData).
  const certain = diagnostics.filter((d) => d.confidence >= confidenceLevels.certain);
  if (bytes === undefined) return { format, text: doc.text, regions: doc.regions, emphasis: doc.emphasis ?? [], notes: doc.notes ?? [], diagnostics, fixed: applyFixes(doc.text, certain), lexicon: lex !== undefined };
  const edit = editDocument(doc, selectFixes(certain));
  const fixedData = edit.applied.length === 0 ? data! : Buffer.from(rewriteDocx(bytes, doc.docx!.parts, edit, { file: file ?? 'upload.docx' })).toString('base64');
  return { format, text: doc.text, regions: doc.regions, emphasis: doc.emphasis ?? [], notes: doc.notes ?? [], diagnostics, fixed: edit.text, fixedData, fixedSkipped: edit.skipped.length, lexicon: lex !== undefined };
}

function citeOp(input: Input): unknown {
  const text = requireString(input, 'text');
  const options: CheckCitationsOptions = {};
  // Every closed-list field through the one reader: a bad value is refused alike, whether or not
  // the text has a reference to act on.
  const format = optionalChoice(input, 'format', CITE_FORMATS);
  if (format !== undefined) options.format = format;
  const style = optionalChoice(input, 'style', CITE_STYLES);
  if (style !== undefined) options.style = style;
  const verso = optionalChoice(input, 'versoStyle', VERSO_STYLES);
  if (verso !== undefined) options.versoStyle = verso;
  const scheme = schemeField(input, 'scheme');
  if (scheme !== undefined) options.scheme = scheme;
  input.done();
  return checkCitations(text, options);
}

function bibOp(input: Input): unknown {
  const text = requireString(input, 'text');
  // Without a format: CSL-JSON is a JSON array or object, anything else is BibTeX.
  const format = optionalChoice(input, 'format', BIB_FORMATS) ?? (/^\s*[[{]/.test(text) && !/^\s*@/.test(text) ? 'csl-json' : 'bibtex');
  const options: RomanizeBibOptions = {};
  const scheme = schemeField(input, 'scheme');
  if (scheme !== undefined) options.scheme = scheme;
  const schemes = input.get('schemes');
  if (schemes !== undefined) {
    if (typeof schemes !== 'object' || schemes === null || Array.isArray(schemes)) throw new HttpError(400, 'ERR_BAD_REQUEST', `field "schemes" must be an object like {"names": "${DEFAULT_SCHEME}"}`);
    // A group's name is checked by the library (unknown ones are a 422), its scheme here.
    options.schemes = Object.fromEntries(Object.entries(schemes).map(([group, value]) => [group, schemeValue(value, `schemes.${group}`)]));
  }
  const lang = optionalString(input, 'lang');
  if (lang !== undefined) options.lang = lang;
  const keep = optionalBoolean(input, 'keepOriginal');
  if (keep !== undefined) options.keepOriginal = keep;
  input.done();
  return { format, ...(format === 'csl-json' ? romanizeCsl(text, options) : romanizeBibtex(text, options)) };
}

/** Most records one MARC request may hold (a record, or a small batch). */
const MARC_MAX_RECORDS = 1000;

/** `POST /api/marc`: a record or a small batch (MARCXML or MARC-in-JSON text, or ISO 2709 bytes in base64) in, records out (docs/marc.md). */
async function marcOp(input: Input): Promise<unknown> {
  const operation = optionalChoice(input, 'operation', MARC_OPERATIONS);
  if (operation === undefined) throw new HttpError(400, 'ERR_MISSING_FIELD', `missing field "operation" (one of ${MARC_OPERATIONS.join(', ')})`);
  const output = optionalChoice(input, 'output', MARC_OUTPUTS) ?? 'json-objects';
  const request: MarcBatchInput = { operation, output };
  const text = optionalString(input, 'text');
  const data = optionalString(input, 'data');
  if ((text === undefined) === (data === undefined)) throw new HttpError(400, 'ERR_BAD_REQUEST', 'give the records in "text" (MARCXML or MARC-in-JSON) or in "data" (ISO 2709 in base64), one of them');
  if (data !== undefined) request.bytes = base64Field(data, 'data', 'ISO 2709 records');
  else request.text = text!;
  const scheme = schemeField(input, 'scheme');
  if (scheme !== undefined && scheme !== '') request.scheme = scheme;
  const lang = optionalString(input, 'lang');
  if (lang !== undefined && lang !== '') request.lang = lang;
  const schemeOptions = optionsField(input);
  if (Object.keys(schemeOptions).length > 0) request.schemeOptions = schemeOptions;
  const tie = optionalChoice(input, 'tie', MARC_TIES);
  if (tie !== undefined) request.tie = tie;
  const normalization = optionalChoice(input, 'normalization', MARC_NORMALIZATIONS);
  if (normalization !== undefined) request.normalization = normalization;
  const all = optionalBoolean(input, 'all');
  if (all !== undefined) request.all = all;
  input.done();
  const lex = operation === 'vernacular' ? await preloadLexicon() : undefined;
  return { ...(await marcBatch(request, { maxRecords: MARC_MAX_RECORDS, ...(lex === undefined ? {} : { lexicon: lex }) })), lexicon: lex !== undefined };
}

const operations: Record<OperationName, (input: Input) => unknown> = {
  romanize: romanizeOp,
  deromanize: deromanizeOp,
  convert: convertOp,
  detect: detectOp,
  check: checkOp,
  cite: citeOp,
  bib: bibOp,
  marc: marcOp,
};

/**
 * Runs one API operation on a request body (JSON text, or its UTF-8 bytes). Throws {@link HttpError} or
 * `LatinitsaError` for bad input; the server turns them into 4xx answers. Parsing happens here,
 * in the worker thread, because JSON nested a million deep takes a second to reject.
 *
 * @example
 * import { runOperation } from 'latinitsa/server';
 * await runOperation('romanize', '{"text": "Киров", "scheme": "ala-lc"}');
 * //=> { scheme: 'ala-lc', output: 'Kirov', diagnostics: [] }
 */
export async function runOperation(op: OperationName, body: string | Uint8Array): Promise<unknown> {
  const text = typeof body === 'string' ? body : decodeUtf8(body, { file: 'the body' });
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : 'nested too deeply';
    throw new HttpError(400, 'ERR_BAD_JSON', `the body is not valid JSON: ${detail}`);
  }
  try {
    const body = requireObject(input, `/api/${op}`);
    const answer = await operations[op](body);
    // Every operation says when it has read its fields (before its work); this catches one that does not.
    body.done();
    return answer;
  } catch (error) {
    // Input nested deeper than a reader's recursion can go (CSL-JSON, Markdown): bad input, not a
    // server fault. The readers themselves should bound their depth; this keeps any that does not
    // from answering 500.
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new LatinitsaError('ERR_INVALID_INPUT', 'the input is nested too deeply to read');
    }
    throw error;
  }
}

/** `GET /api/schemes`: every scheme with its options. */
export function schemesResponse(): unknown {
  return { schemes: listSchemes() };
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
    summary: s.summary,
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
