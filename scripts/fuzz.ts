// Property fuzzing of latinitsa's entry points: romanize, explain, romanizeDetailed (also with
// lang 'auto' over texts mixing the languages of the schemes' samples), loadScheme, the byte
// decoder / line splitter, the lexicon parser, deromanize, convert, the checker, the citation
// parser and finder, the checker on works of several documents with notes and settings
// (checkDocuments), the BibTeX and CSL-JSON romanizers, .docx parts (read, and fixes written
// back), MARC records (bytes changed, read as any format, every record operation), the HTTP API
// routes (handleApi in-process, bodies a user could send), the CLI (main(argv, io) in-process)
// and `latinitsa check` on a project (a settings file right or wrong; --fix on .md, .txt, .docx
// with and without footnotes).
//
//   npm run fuzz -- [runs per entry point = 2000] [seed] [only entry points whose names contain this]
//
// Inputs: random Unicode (lone surrogates, combining marks, RTL, emoji, NUL, every Cyrillic
// block), random bytes, very long lines and words, huge and deeply nested JSON. Invariants: no
// exception other than LatinitsaError (with a code and a message), every call within a time
// bound, romanize output NFC with no Cyrillic letter the scheme maps, explain consistent with
// romanize, every range a result reports holding (in the text as given) what it says is there,
// a .docx's rewritten parts reading back to the edit's text, no 5xx from the API, CLI exit 0 (empty stderr, or the one-line warning about unmapped letters) or 2 (one line on stderr),
// `check --fix` changing a file only in the spans of the certain fixes it reported and a second
// --fix changing nothing. A short run is in the tests
// (test/cli-fuzz.test.ts).
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { main } from '../src/cli/main.ts';
import { commands } from '../src/cli/commands.ts';
import { LatinitsaError } from '../src/errors.ts';
import {
  checkCitations,
  checkDocuments,
  checkText,
  convertDetailed,
  deromanizeDetailed,
  explain,
  getScheme,
  listSchemes,
  loadScheme,
  parseArchivalReference,
  romanize,
  romanizeBibtex,
  romanizeCsl,
  romanizeDetailed,
  type CheckDocument,
  type CheckOptions,
  type CheckDiagnostic,
  type RomanizeOptions,
} from '../src/index.ts';
import { parseConfidence } from '../src/check/confidence.ts';
import { foldRomanized } from '../src/reverse/readings.ts';
import { loadLexicon } from '../src/io/lexicon.ts';
import { editDocument, readDocument, type DocxPart } from '../src/document/index.ts';
import { selectFixes } from '../src/diagnostics/index.ts';
import { firstInvalidUtf8, parseLexicon, readDocumentFile, readDocxParts, textBlocks, writeDocumentFile } from '../src/io/index.ts';
import { checkRecord, readRecords, recordToMarcXml, romanizeRecord, serializeIso2709, vernacularRecord } from '../src/marc/index.ts';
import { handleApi, operationNames } from '../src/server/index.ts';
import { builtInSources } from '../src/schemes/registry.ts';
import { romanizableValues } from '../src/engine/compile.ts';

/** One failed case: which entry point, the input (shortened), what went wrong, and whether it is a known, reported engine bug. */
export interface FuzzFailure {
  entry: string;
  input: string;
  problem: string;
  known?: string;
}

export interface EntryReport {
  entry: string;
  cases: number;
  failures: FuzzFailure[];
  /** Slowest call, in milliseconds. */
  maxMs: number;
}

export interface FuzzOptions {
  /** Cases per entry point. */
  numRuns: number;
  seed?: number;
  /** A call slower than this plus 10 µs per character of input is a failure ("no hang": time linear in the input). */
  maxMs?: number;
  /** Input sizes: `small` for the test suite, `large` for the script (long lines up to ~1 MB). */
  size?: 'small' | 'large';
  /** Also run the other sub-commands of the CLI table (not `serve`). Default: with size `large`. */
  subCommands?: boolean;
  /** Run only the entry points whose names contain this (the others run no case). */
  only?: string;
}

// ——— Arbitraries ———

const range = (from: number, to: number): fc.Arbitrary<string> => fc.integer({ min: from, max: to }).map((c) => String.fromCodePoint(c));
/** One code unit or code point of the kinds that break text code. */
const unit: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: range(0x0410, 0x044f) }, // modern Russian letters
  { weight: 2, arbitrary: fc.constantFrom('ё', 'Ё', 'і', 'ѣ', 'ѳ', 'ѵ', 'ѕ', 'ѡ', 'ѧ', 'ѫ', 'ѯ', 'ѱ', 'ѿ', 'ѹ', 'Ӗ', 'ӥ', 'ꙋ', 'ᲀ') },
  { weight: 2, arbitrary: range(0x0400, 0x052f) }, // Cyrillic, Cyrillic Supplement
  { weight: 1, arbitrary: fc.oneof(range(0x1c80, 0x1c8f), range(0x2de0, 0x2dff), range(0xa640, 0xa69f)) },
  { weight: 3, arbitrary: fc.constantFrom(' ', ' ', '\n', '\r\n', '\r', '-', '.', ',', '(', ')', '«', '»', '’', '\t') },
  { weight: 2, arbitrary: range(0x0300, 0x036f) }, // combining marks
  { weight: 1, arbitrary: fc.constantFrom('\u0301', '\u0300', '\u0306', '\u0308', '\u00ad', '\u200b', '\u200c', '\u200d', '\ufeff', '\u0000', '\u202e', '\u200f') },
  { weight: 1, arbitrary: range(0x05d0, 0x05ea) }, // Hebrew (RTL)
  { weight: 1, arbitrary: range(0x0627, 0x064a) }, // Arabic (RTL)
  { weight: 1, arbitrary: range(0x1f300, 0x1faff) }, // emoji (surrogate pairs)
  { weight: 1, arbitrary: range(0xd800, 0xdfff) }, // lone surrogates
  { weight: 2, arbitrary: range(0x20, 0x7e) }, // ASCII, Latin look-alikes
  { weight: 1, arbitrary: fc.constantFrom('a', 'c', 'e', 'o', 'p', 'x', 'y', 'A', 'B', 'C', 'E', 'H', 'K', 'M', 'O', 'P', 'T', 'X') },
  { weight: 1, arbitrary: range(0, 0x10ffff) },
);

function textArb(size: 'small' | 'large'): fc.Arbitrary<string> {
  const long = size === 'large' ? 200_000 : 5_000;
  return fc.oneof(
    { weight: 10, arbitrary: fc.array(unit, { maxLength: 80 }).map((a) => a.join('')) },
    // Very long words and lines.
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('щ', 'Щ', 'ий', 'ь', 'а\u0301', 'Ю', 'ЦК ', 'ёлка ', 'x'), fc.integer({ min: 1, max: long })).map(([s, n]) => s.repeat(Math.ceil(n / s.length))) },
    { weight: 1, arbitrary: fc.tuple(fc.array(unit, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: long / 8 })).map(([a, n]) => a.join('').repeat(n)) },
  );
}

const schemeIds = listSchemes().map((s) => s.id);

/**
 * Valid romanize options for any scheme, with any of its option values but those that rewrite
 * given names only (`givenNames`: the checker's, which romanizing refuses, docs/scheme-format.md).
 */
const optionsArb: fc.Arbitrary<RomanizeOptions> = fc.constantFrom(...schemeIds).chain((id) => {
  const scheme = getScheme(id);
  const schemeOptions = Object.fromEntries(Object.entries(scheme.options).map(([name, o]) => [name, fc.constantFrom(undefined, ...romanizableValues(o))]));
  return fc.record({
    scheme: fc.constant(id),
    allCaps: fc.constantFrom(undefined, 'upper', 'acronym', 'auto'),
    preReform: fc.constantFrom(undefined, 'native', 'modernize'),
    joinLineBreakHyphens: fc.boolean(),
    repairHomoglyphs: fc.boolean(),
    own: fc.record(schemeOptions),
  }).map(({ own, ...common }) => {
    const options: Record<string, unknown> = {};
    for (const [k, v] of Object.entries({ ...common, ...own })) if (v !== undefined) options[k] = v;
    return options as RomanizeOptions;
  });
});

function deepJson(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 'ж';
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

/** Scheme data: random JSON, built-in schemes with a random field replaced, deep and huge values. */
function schemeDataArb(size: 'small' | 'large'): fc.Arbitrary<unknown> {
  const big = size === 'large' ? 100_000 : 5_000;
  const fields = ['id', 'name', 'extends', 'letters', 'rules', 'options', 'defaults', 'case', 'profiles', 'alphabet', 'samples', 'language', 'removeRules', 'letterNotes', '$comment', 'source'];
  const nasty = fc.oneof(
    fc.jsonValue(),
    fc.integer({ min: 1, max: big }).map((d) => deepJson(d, 'array')),
    fc.integer({ min: 1, max: big }).map((d) => deepJson(d, 'object')),
    fc.integer({ min: 1, max: big }).map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [String.fromCodePoint(0x400 + (i % 0x130)) + i, 'a']))),
    fc.integer({ min: 1, max: big }).map((n) => Array.from({ length: n }, () => ({ match: 'ий', output: 'y', after: ['@vowel'] }))),
    fc.constantFrom(null, '', 'modified-loc', 'no-such', '__proto__', 'constructor', { __proto__: { polluted: 1 } }),
  );
  return fc.oneof(
    fc.jsonValue(),
    fc.tuple(fc.constantFrom(...builtInSources()), fc.constantFrom(...fields), nasty).map(([source, field, value]) => ({ ...structuredClone(source), id: 'fuzz', [field]: value })),
    fc.tuple(fc.constantFrom(...fields), nasty).map(([field, value]) => ({ id: 'fuzz', name: 'Fuzz', extends: 'modified-loc', [field]: value })),
    fc.tuple(fc.string(), fc.string(), fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 4 }))).map(([id, name, letters]) => ({ id, name, letters, alphabet: 'abc' })),
  );
}

// ——— Checks ———

const CYRILLIC_LETTER = /(?=\p{L})\p{Script=Cyrillic}/gu;

function describeError(error: unknown): string | undefined {
  if (error instanceof LatinitsaError) {
    if (typeof error.code !== 'string' || !error.code.startsWith('ERR_')) return `LatinitsaError without a code: ${error.message}`;
    if (typeof error.message !== 'string' || error.message === '') return `LatinitsaError ${error.code} without a message`;
    return undefined;
  }
  // Where it was thrown: the first frames in the project's source, for the report.
  const frames = error instanceof Error ? (error.stack ?? '').split('\n').filter((l) => /\/src\//.test(l)).slice(0, 3).map((l) => l.trim().replace(/^at /, '').replace(/\(?\S*\/src\//, 'src/').replace(/\)$/, '')) : [];
  return `uncaught ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}${frames.length > 0 ? ` [${frames.join(' < ')}]` : ''}`;
}

function short(value: unknown): string {
  let s: string;
  try {
    s = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value, (_, v: unknown) => (typeof v === 'string' && v.length > 60 ? `${v.slice(0, 60)}…(${v.length})` : v)) ?? String(value);
  } catch {
    s = typeof value === 'object' && value !== null ? `{${Object.keys(value).map((k) => `${k}: ${typeof (value as Record<string, unknown>)[k]}`).join(', ')}} (too deep to print)` : String(value);
  }
  return s.length > 300 ? `${s.slice(0, 300)}…(${s.length} chars)` : s;
}

/**
 * Engine bugs found by this fuzzer and reported to the engine's owner (src/engine is not this
 * module's to change); a failure they explain is counted as known.
 */
export const KNOWN_BUGS: { id: string; description: string; matches: (f: { entry: string; problem: string; text?: string; options?: RomanizeOptions; data?: unknown }) => boolean }[] = [];

function classify(failure: FuzzFailure, context: { text?: string; options?: RomanizeOptions; data?: unknown }): FuzzFailure {
  const known = KNOWN_BUGS.find((b) => b.matches({ entry: failure.entry, problem: failure.problem, ...context }));
  return known === undefined ? failure : { ...failure, known: known.id };
}

/** Size of an input for the time bound: characters of a string, or of its JSON. */
function sizeOf(value: unknown): number {
  if (typeof value === 'string') return value.length;
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return 0;
  }
}

function timed<T>(fn: () => T): { value?: T; error?: unknown; ms: number } {
  const t0 = performance.now();
  try {
    const value = fn();
    return { value, ms: performance.now() - t0 };
  } catch (error) {
    return { error, ms: performance.now() - t0 };
  }
}

async function timedAsync<T>(fn: () => Promise<T>): Promise<{ value?: T; error?: unknown; ms: number }> {
  const t0 = performance.now();
  try {
    const value = await fn();
    return { value, ms: performance.now() - t0 };
  } catch (error) {
    return { error, ms: performance.now() - t0 };
  }
}

/** Sub-commands that report findings (exit 1, messages on stderr) rather than romanize. */
const checkerCommand = (command: string): boolean => command !== '' && command !== 'romanize' && command !== 'schemes';

// ——— Runner ———

/**
 * The first `range: [start, end]`, or a diagnostic's `place` (its start and end offsets), in a
 * result that does not lie inside an input of `length` characters.
 */
function rangesOutside(value: unknown, length: number, depth = 0): unknown {
  if (depth > 8 || typeof value !== 'object' || value === null) return undefined;
  const range = (value as { range?: unknown }).range;
  if (Array.isArray(range) && range.length === 2 && typeof range[0] === 'number' && typeof range[1] === 'number') {
    if (range[0] < 0 || range[1] < range[0] || range[1] > length) return range;
  }
  const place = (value as { place?: { start?: { offset?: unknown }; end?: { offset?: unknown } } }).place;
  const [start, end] = [place?.start?.offset, place?.end?.offset];
  if (typeof start === 'number' && typeof end === 'number' && (start < 0 || end < start || end > length)) return place;
  for (const v of Object.values(value)) {
    const bad = rangesOutside(v, length, depth + 1);
    if (bad !== undefined) return bad;
  }
  return undefined;
}

/** Runs every entry point `numRuns` times and returns what happened. */
export async function runFuzz(options: FuzzOptions): Promise<EntryReport[]> {
  const size = options.size ?? 'small';
  const maxMs = options.maxMs ?? (size === 'large' ? 10_000 : 3_000);
  const params = { numRuns: options.numRuns, ...(options.seed === undefined ? {} : { seed: options.seed }), endOnFailure: false };
  const reports: EntryReport[] = [];
  // Each entry point's block calls this just before its property runs with `params`.
  const report = (entry: string): EntryReport => {
    const r: EntryReport = { entry, cases: 0, failures: [], maxMs: 0 };
    params.numRuns = options.only === undefined || entry.includes(options.only) ? options.numRuns : 0;
    if (params.numRuns > 0) reports.push(r);
    return r;
  };
  const text = textArb(size);
  const boundFor = (size: number): number => maxMs + Math.max(0, size) * 0.01;
  const bound = (input: unknown): number => boundFor(sizeOf(input));

  // romanize
  {
    const r = report('romanize');
    fc.assert(
      fc.property(fc.oneof({ weight: 20, arbitrary: text }, { weight: 1, arbitrary: fc.anything() }), optionsArb, (input, opts) => {
        r.cases++;
        const res = timed(() => romanize(input as string, opts));
        r.maxMs = Math.max(r.maxMs, res.ms);
        const fail = (problem: string): void => void r.failures.push(classify({ entry: 'romanize', input: `${short(input)} ${short(opts)}`, problem }, { ...(typeof input === 'string' ? { text: input } : {}), options: opts }));
        if (res.ms > bound(input)) fail(`slow: ${res.ms.toFixed(0)} ms`);
        if (typeof input !== 'string') {
          if (!(res.error instanceof LatinitsaError)) fail(`non-string input did not give a LatinitsaError: ${describeError(res.error) ?? 'returned'}`);
          return true;
        }
        if (res.error !== undefined) return void fail(describeError(res.error) ?? `threw ${(res.error as LatinitsaError).code} for valid options`), true;
        const out = res.value!;
        if (out.normalize('NFC') !== out) fail('output is not NFC');
        const letters = getScheme(String(opts.scheme)).letters;
        const left = (out.match(CYRILLIC_LETTER) ?? []).filter((c) => Object.hasOwn(letters, c.toLowerCase()));
        if (left.length > 0) fail(`output keeps Cyrillic letters the scheme maps: ${[...new Set(left)].join(' ')}`);
        return true;
      }),
      params,
    );
  }

  // explain
  {
    const r = report('explain');
    fc.assert(
      fc.property(text, optionsArb, (input, opts) => {
        r.cases++;
        const res = timed(() => explain(input, opts));
        r.maxMs = Math.max(r.maxMs, res.ms);
        const fail = (problem: string): void => void r.failures.push(classify({ entry: 'explain', input: `${short(input)} ${short(opts)}`, problem }, { text: input, options: opts }));
        if (res.ms > bound(input)) fail(`slow: ${res.ms.toFixed(0)} ms`);
        if (res.error !== undefined) return void fail(describeError(res.error) ?? `threw ${(res.error as LatinitsaError).code} for valid options`), true;
        const segments = res.value!;
        // Contiguous ranges; a letter that becomes several (ѱ → п с) repeats its range.
        let pos = 0;
        let prevStart = -1;
        for (const s of segments) {
          const repeat = s.input[0] === prevStart && s.input[1] === pos;
          if ((!repeat && s.input[0] !== pos) || s.input[1] < s.input[0]) return void fail(`segments are not contiguous at ${pos}: ${short(s)}`), true;
          prevStart = s.input[0];
          pos = s.input[1];
        }
        // Without an output profile, the outputs joined are romanize's result (up to NFC at seams).
        const compiledProfile = Object.values(getScheme(String(opts.scheme)).options).some((o, i) => {
          const value = (opts as Record<string, unknown>)[Object.keys(getScheme(String(opts.scheme)).options)[i]!] ?? o.default;
          return o.values[String(value)]?.profile !== undefined;
        });
        if (!compiledProfile) {
          const joined = segments.map((s) => s.output).join('').normalize('NFC');
          const expected = timed(() => romanize(input, opts)).value;
          if (expected !== undefined && joined !== expected) fail(`explain outputs joined differ from romanize: ${short(joined)} ≠ ${short(expected)}`);
        }
        return true;
      }),
      params,
    );
  }

  // loadScheme
  {
    const r = report('loadScheme');
    fc.assert(
      fc.property(schemeDataArb(size), (data) => {
        r.cases++;
        const res = timed(() => loadScheme(data, { file: 'fuzz.json' }));
        r.maxMs = Math.max(r.maxMs, res.ms);
        const fail = (problem: string): void => void r.failures.push(classify({ entry: 'loadScheme', input: short(data), problem }, { data }));
        if (res.ms > bound(data)) fail(`slow: ${res.ms.toFixed(0)} ms`);
        if (res.error !== undefined) {
          const problem = describeError(res.error);
          if (problem !== undefined) fail(problem);
        } else {
          // A scheme that loads must romanize.
          const use = timed(() => romanize('Щукин Юрий ЦК ВКП(б) ёлка', { scheme: res.value! }));
          const problem = use.error === undefined ? undefined : describeError(use.error);
          if (problem !== undefined) fail(`loaded, then romanize: ${problem}`);
        }
        if (({} as Record<string, unknown>).polluted !== undefined) fail('prototype pollution');
        return true;
      }),
      params,
    );
  }

  // decode + line blocks over random bytes
  {
    const r = report('textBlocks (bytes)');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: size === 'large' ? 100_000 : 2_000 }), fc.array(fc.nat(), { maxLength: 10 }), fc.constantFrom('utf-8' as const, 'windows-1251' as const, 'koi8-r' as const), async (bytes, cuts, encoding) => {
        r.cases++;
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks = [...points, bytes.length].map((p, i, a) => bytes.subarray(i === 0 ? 0 : a[i - 1], p)).filter((c) => c.length > 0);
        const res = await timedAsync(async () => {
          let s = '';
          for await (const b of textBlocks(chunks, { encoding })) s += b;
          return s;
        });
        r.maxMs = Math.max(r.maxMs, res.ms);
        const fail = (problem: string): void => void r.failures.push({ entry: 'textBlocks (bytes)', input: `${encoding} ${Buffer.from(bytes).toString('hex').slice(0, 200)}`, problem });
        if (res.ms > boundFor(bytes.length)) fail(`slow: ${res.ms.toFixed(0)} ms`);
        const bad = encoding === 'utf-8' ? firstInvalidUtf8(bytes) : -1;
        if (res.error !== undefined) {
          const problem = describeError(res.error);
          if (problem !== undefined) fail(problem);
          else if ((res.error as LatinitsaError).offset !== bad) fail(`offset ${(res.error as LatinitsaError).offset}, expected ${bad}`);
        } else if (bad >= 0) fail(`invalid UTF-8 at ${bad} was accepted`);
        else if (res.value !== new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes)) fail('decoded text differs from TextDecoder');
        return true;
      }),
      params,
    );
  }

  // lexicon parser
  {
    const r = report('parseLexicon');
    fc.assert(
      fc.property(fc.oneof(text, fc.jsonValue().map((v) => JSON.stringify(v)), fc.dictionary(text, fc.jsonValue()).map((v) => JSON.stringify(v))), (input) => {
        r.cases++;
        const res = timed(() => parseLexicon(input, { file: 'fuzz.tsv' }));
        r.maxMs = Math.max(r.maxMs, res.ms);
        const problem = res.error === undefined ? undefined : describeError(res.error);
        if (problem !== undefined) r.failures.push({ entry: 'parseLexicon', input: short(input), problem });
        else if (res.value !== undefined && Object.values(res.value).some((v) => typeof v !== 'string')) r.failures.push({ entry: 'parseLexicon', input: short(input), problem: 'non-string value' });
        return true;
      }),
      params,
    );
  }

  // Library entry points that take a user's text (reverse, convert, the checker, citations,
  // bibliographies): only LatinitsaError may be thrown, within the time bound, and every range
  // they report lies inside the input. The reverse engine and the checker are slow per character
  // (milliseconds per word), so they get inputs of at most `cap` characters.
  const latin = text.map((t) => romanize(t, { scheme: 'modified-loc' }));
  const bibtex = fc
    .array(fc.oneof(fc.constantFrom('@article{', '@book{k,', '@string{n = "Наука"}', '@comment{', '@preamble{', '}', '{', '"', '=', ',', ' # ', 'title = {Культура и взрыв}', 'author = {Лотман, Юрий Михайлович and Успенский, Б. А.}', '\n', '\r\n', '%', '\\"{E}'), text), { maxLength: 30 })
    .map((parts) => parts.join(''));
  const csl = fc.oneof(
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.array(fc.record({ id: fc.string(), type: fc.constantFrom('book', 'article-journal'), title: text, author: fc.array(fc.record({ family: text, given: text }), { maxLength: 3 }) }), { maxLength: 4 }).map((v) => JSON.stringify(v)),
    text,
  );
  const cap = size === 'large' ? 4000 : 400;
  // Citations and bibliographies are linear but build a structure per item: large, not huge.
  const bigCap = size === 'large' ? 200_000 : 4000;
  const capped = (arb: fc.Arbitrary<string>, n = cap): fc.Arbitrary<string> => arb.map((t) => t.slice(0, n));
  // Texts that mix the languages the schemes cover (the schemes' own samples), for lang 'auto'.
  const samples = [...new Set(schemeIds.flatMap((id) => getScheme(id).samples.map(([cyrillic]) => cyrillic)))];
  const mixed = fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...samples) }, { weight: 3, arbitrary: unit }, { weight: 2, arbitrary: fc.constantFrom(' ', '\n\n', '\n', ', ') }), { maxLength: 40 }).map((a) => a.join(''));
  const detailedOptions = fc.tuple(optionsArb, fc.boolean()).map(([o, auto]): RomanizeOptions => (auto ? { ...o, lang: 'auto' } : o));
  // Each range a result reports holds, in the text as given, what the result says is there.
  const holds = (input: string, items: readonly { range: [number, number] | undefined; text: string | undefined }[]): string | undefined => {
    const bad = items.find((i) => i.range === undefined || input.slice(i.range[0], i.range[1]) !== i.text);
    return bad === undefined ? undefined : `range ${JSON.stringify(bad.range)} holds ${short(bad.range === undefined ? undefined : input.slice(bad.range[0], bad.range[1]))}, not ${short(bad.text)}`;
  };
  const wordsHold = (input: string, value: unknown): string | undefined => holds(input, (value as { words: { input: [number, number]; source: string }[] }).words.map((w) => ({ range: w.input, text: w.source })));
  // A bibliography is edited in place: the input is the output with each change's \`to\` put back
  // to its \`from\`, in order; everything between (untouched fields, spacing, comments) byte for byte.
  const changesOnly = (input: string, value: unknown): string | undefined => {
    const { output, changes } = value as { output: string; changes: { from: string; to: string }[] };
    let [i, o] = [0, 0];
    for (const c of changes) {
      let j = input.indexOf(c.from, i);
      while (j >= 0 && !(output.slice(o, o + j - i) === input.slice(i, j) && output.startsWith(c.to, o + j - i))) j = input.indexOf(c.from, j + 1);
      if (j < 0) return `change ${short(c)} is not where the output differs from the input (after output offset ${o})`;
      o += j - i + c.to.length;
      i = j + c.from.length;
    }
    return input.slice(i) === output.slice(o) ? undefined : `the output differs from the input outside its changes (after input offset ${i}: ${short(input.slice(i, i + 60))} ≠ ${short(output.slice(o, o + 60))})`;
  };
  const isCompactJson = (t: string): boolean => {
    try {
      return JSON.stringify(JSON.parse(t)) === t;
    } catch {
      return false;
    }
  };
  // convert writes the Cyrillic words the input has itself (not glued to a read word or to Latin
  // letters) as they are, in order.
  const ownCyrillicKept = (input: string, value: unknown): string | undefined => {
    const { text: out, words } = value as { text: string; words: { input: [number, number] }[] };
    const output = out.normalize('NFC');
    let at = 0;
    for (const m of input.matchAll(/(?<![\p{L}\p{M}])[\p{L}\p{M}]+/gu)) {
      const [start, end] = [m.index, m.index + m[0].length];
      if (!/\p{Script=Cyrillic}/u.test(m[0]) || /\p{Script=Latin}/u.test(m[0]) || words.some((w) => w.input[0] < end && start < w.input[1])) continue;
      const k = output.indexOf(m[0].normalize('NFC'), at);
      if (k < 0) return `the input's own Cyrillic word ${short(m[0])} is not in the output as written (after output offset ${at})`;
      at = k + m[0].normalize('NFC').length;
    }
    return undefined;
  };
  type Entry = [string, fc.Arbitrary<string>, (input: string) => unknown, ((input: string, value: unknown) => string | undefined)?];
  const entries: Entry[] = [
    ['deromanize', capped(fc.oneof(latin, text)), (t) => deromanizeDetailed(t, { scheme: 'modified-loc' }), wordsHold],
    ['deromanize ala-lc', capped(fc.oneof(text.map((t) => romanize(t, { scheme: 'ala-lc' })), text)), (t) => deromanizeDetailed(t, { scheme: 'ala-lc' }), wordsHold],
    ['convert', capped(fc.oneof(latin, text, mixed, fc.tuple(latin, mixed).map(([a, b]) => `${a} ${b}`))), (t) => convertDetailed(t, { from: 'modified-loc', to: 'bgn-pcgn' }), (t, v) => wordsHold(t, v) ?? ownCyrillicKept(t, v)],
    ['checkText', capped(fc.oneof(latin, text)), (t) => checkText(t, { scheme: 'modified-loc' })],
    ['parseArchivalReference', capped(text, bigCap), (t) => parseArchivalReference(t)],
    ['checkCitations', capped(text, bigCap), (t) => checkCitations(t)],
    ['romanizeBibtex', capped(bibtex, bigCap), (t) => romanizeBibtex(t), changesOnly],
    // A CSL change's \`from\` is its value as JSON, not as written: the check needs compact input.
    ['romanizeCsl', capped(csl, bigCap), (t) => romanizeCsl(t), (t, v) => (isCompactJson(t) ? changesOnly(t, v) : undefined)],
  ];
  for (const [entry, arb, fn, check] of entries) {
    const r = report(entry);
    fc.assert(
      fc.property(arb, (input) => {
        r.cases++;
        const res = timed(() => fn(input));
        r.maxMs = Math.max(r.maxMs, res.ms);
        const fail = (problem: string): void => void r.failures.push(classify({ entry, input: short(input), problem }, { text: input }));
        if (res.ms > bound(input) + 0.5 * input.length) fail(`slow: ${res.ms.toFixed(0)} ms`);
        const problem = res.error === undefined ? undefined : describeError(res.error);
        if (problem !== undefined) fail(problem);
        const bad = rangesOutside(res.value, input.length);
        if (bad !== undefined) fail(`range ${JSON.stringify(bad)} outside the input (${input.length} characters)`);
        const wrong = res.error === undefined ? check?.(input, res.value) : undefined;
        if (wrong !== undefined) fail(wrong);
        return true;
      }),
      params,
    );
  }

  // The checker on a work as a program calls it: several documents, each with regions (Markdown's,
  // plain text's with a Notes heading, cut at random, or none), written in two systems (simplified
  // in the text, the Library of Congress's in the notes: notes-system.ts), with the names, initials,
  // demonyms and cues of the name rules (docs/check.md, "Names of other languages"), and any
  // settings (the notes scheme, `same`, a language, options, allow, ignore, conventional forms),
  // with and without the lexicon. Only LatinitsaError; each finding's place holds its word in its
  // document, findings in order, at least as sure as asked; no ignored word reported; two runs
  // alike; and a document without notes checked alike with its whole text as one region given, or
  // notesScheme 'same'.
  {
    const r = report('checkDocuments (notes, names, settings)');
    const lexicon = await loadLexicon();
    const checkWords = [
      'Trotsky', 'Trotskii', 'Trotskiy', 'Trockij', 'Zinoviev', 'Zinov’ev', "Zinov'ev", 'Zinovyev', 'Zinovʹev', 'Istoriia', 'Istoriya', 'revoliutsii', 'revolyutsii',
      'russkoi', 'russkoy', 'Sochineniia', 'Sochineniya', 'Izvestiia', 'Izvestia', 'Moskovskii', 'Moskovsky', 'partii', 'Iurii', 'Yury', 'Yuri', 'Yurii',
      'Tukhachevsky', 'Tukhachevskii', 'Iagoda', 'Yagoda', 'Genrikh', 'Dostoevsky', 'Dostoyevsky', 'Dostoevskii', 'Lev', 'Davidovič', 'Grigory', 'Grigorii',
      'Vladimir', 'Pyotr', 'Kasyan', 'Maximoff', 'Maksimov', 'Chaykovsky', 'Tchaikovsky', 'Chaikovskii', 'G.', 'L.', 'V. I.', 'Kulja', 'Viet', 'Gorlice',
      'Altafjord', 'Altafiord', 'Katja', 'Szymon', 'Gyorgy', 'Toreeva', 'Toreyeva', 'Novyi', 'Mir', 'Krasnyi', 'Privolnoe', 'Skryabin', 'Scriabin',
      'Swedish', 'Russian', 'Ukrainian', 'Polish', 'Georgian', 'American', 'Soviet', 'also', 'né', 'née', 'spelt', 'a.k.a.', 'sometimes spelled',
      'von', 'de', 'FC', 'Sibir', 'Amu', 'Darya', '(Latvian, Russian)', 'Ribbentrop', 'the', 'of', 'and', 'wrote', 'in', 'Moscow', 'Сталин', 'Kирoв', 'Mоsсow',
    ];
    const checkPieces = [' ', ' ', ' ', ', ', '. ', '; ', '\n', '\n\n', '\nNotes\n', '\nBibliography\n', '\n## Notes\n\n', '\n# References\n\n', '[^1]', '\n[^1]: ', '1. ', '(Moscow, 1924); ', '*', '_', '`', '-', '«', '»', '\u0301'];
    // Words mostly apart (a space after most), now and then glued to what follows.
    const spaced = fc.tuple(fc.constantFrom(...checkWords), fc.oneof({ weight: 6, arbitrary: fc.constant(' ') }, { weight: 1, arbitrary: fc.constant('') })).map(([w, sp]) => w + sp);
    const work = fc.array(fc.oneof({ weight: 8, arbitrary: spaced }, { weight: 4, arbitrary: fc.constantFrom(...checkPieces) }, { weight: 1, arbitrary: unit }), { maxLength: size === 'large' ? 300 : 60 }).map((a) => a.join(''));
    // A book in two systems: simplified spellings in the text, the Library of Congress's in the
    // notes (under a heading or as Markdown footnotes), each now and then swapped for the other.
    const dualPairs: [string, string][] = [
      ['Trotsky', 'Trotskii'], ['Zinoviev', 'Zinov’ev'], ['Izvestia', 'Izvestiia'], ['Istoriya', 'Istoriia'], ['revolyutsii', 'revoliutsii'], ['russkoy', 'russkoi'],
      ['Sochineniya', 'Sochineniia'], ['Moskovsky', 'Moskovskii'], ['Yury', 'Iurii'], ['Tukhachevsky', 'Tukhachevskii'], ['Dostoevsky', 'Dostoevskii'], ['Yagoda', 'Iagoda'],
      ['Gorky', 'Gor’kii'], ['Yezhov', 'Ezhov'], ['Yevgeny', 'Evgenii'], ['Lunacharsky', 'Lunacharskii'], ['Dzerzhinsky', 'Dzerzhinskii'], ['Krasnaya', 'Krasnaia'],
    ];
    const dualWord = (full: boolean): fc.Arbitrary<string> => fc.tuple(fc.constantFrom(...dualPairs), fc.integer({ min: 0, max: 9 })).map(([pair, k]) => pair[(k === 0) === full ? 0 : 1]);
    const dualText = fc
      .tuple(fc.array(dualWord(false), { minLength: 1, maxLength: 30 }), fc.array(dualWord(true), { minLength: 1, maxLength: 30 }), fc.constantFrom('\n\nNotes\n\n', '\n\n## Notes\n\n', '\n\n# Bibliography\n\n', 'footnotes'), work.map((w) => w.slice(0, 80)))
      .map(([text, notes, how, noise]) =>
        how === 'footnotes'
          ? `${text.join(' ')} ${noise}[^1].\n\n${notes.map((w, i) => `[^${i + 1}]: ${w}, p. ${i}.`).join('\n\n')}\n`
          : `${text.join(' and ')}. ${noise}${how}${notes.map((w, i) => `${i + 1}. ${w} (Moscow, 1924).`).join('\n')}\n`,
      );
    // How a document's regions are given: as readDocument finds them, cut at random, or not at all.
    const documentArb = fc.tuple(fc.oneof({ weight: 2, arbitrary: work }, { weight: 1, arbitrary: dualText }), fc.constantFrom('markdown' as const, 'text' as const, 'cut' as const, 'none' as const), fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 4 })).map(([text, how, cuts]): CheckDocument => {
      if (how === 'none') return { text };
      if (how !== 'cut') return { text, regions: readDocument({ text, format: how }).regions };
      const points = [...new Set(cuts.map(([c]) => c % (text.length + 1)))].sort((a, b) => a - b);
      const ends = [...points, text.length];
      return { text, regions: ends.map((end, i) => ({ start: i === 0 ? 0 : ends[i - 1]!, end, kind: cuts[i]?.[1] === true ? ('notes' as const) : ('text' as const) })) };
    });
    const checkSchemes = ['modified-loc', 'ala-lc', 'ala-lc-simplified', 'bgn-pcgn', 'wikipedia', 'iso-9'].filter((id) => schemeIds.includes(id));
    const maybeSetting = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined, freq: 2 });
    // A scheme's own options, with any of their values (now and then another scheme's, an error).
    const ownOptions = (id: string | undefined): fc.Arbitrary<Record<string, unknown> | undefined> => {
      const own = Object.entries(getScheme(id ?? 'modified-loc').options).map(([name, o]) => [name, fc.constantFrom(undefined, ...Object.keys(o.values))] as const);
      return fc.option(fc.oneof({ weight: 8, arbitrary: fc.record(Object.fromEntries(own)).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))) }, { weight: 1, arbitrary: fc.constantFrom<Record<string, unknown>>({ signBeforeE: 'omit' }, { nope: 1 }) }), { nil: undefined, freq: 3 });
    };
    const schemeWithOptions = (ids: fc.Arbitrary<string>): fc.Arbitrary<[string | undefined, Record<string, unknown> | undefined]> =>
      maybeSetting(ids).chain((id) => fc.tuple(fc.constant(id), ownOptions(id === 'same' ? undefined : id)));
    const checkOptionsArb = fc.record({
      text: schemeWithOptions(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...checkSchemes) }, { weight: 1, arbitrary: fc.constantFrom(...schemeIds) })),
      notes: schemeWithOptions(fc.constantFrom('same', ...checkSchemes)),
      lang: fc.option(fc.oneof({ weight: 6, arbitrary: fc.constantFrom('ru', 'uk', 'be') }, { weight: 1, arbitrary: fc.constant('xx') }), { nil: undefined, freq: 4 }),
      minConfidence: maybeSetting(fc.constantFrom<CheckOptions['minConfidence']>('certain', 'likely', 'possible', 0, 0.5, 1)),
      allow: maybeSetting(fc.array(fc.constantFrom(...checkWords), { maxLength: 3 })),
      ignore: maybeSetting(fc.array(fc.constantFrom(...checkWords), { maxLength: 3 })),
      conventional: fc.option(fc.constantFrom<Record<string, string>>({ Tchaikovsky: 'чайковский' }, { Zinovyev: 'зиновьев' }, { Trotskii: 'троцкий', Iurii: 'юрий' }), { nil: undefined, freq: 4 }),
      builtInConventional: fc.option(fc.boolean(), { nil: undefined, freq: 4 }),
      lexicon: fc.boolean(),
    }).map(({ lexicon: withLexicon, text: [scheme, schemeOptions], notes: [notesScheme, notesSchemeOptions], ...rest }) => {
      const o = { scheme, schemeOptions, notesScheme, notesSchemeOptions, ...rest };
      const options: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(o)) if (v !== undefined) options[k] = v;
      if (withLexicon && lexicon !== undefined) options['lexicon'] = lexicon;
      return options as CheckOptions;
    });
    const shown = (d: CheckDiagnostic): string => JSON.stringify([d.file, d.place.start.offset, d.place.end.offset, d.ruleId, d.actual, d.expected, d.confidence, d.fix]);
    fc.assert(
      fc.property(fc.array(documentArb, { minLength: 1, maxLength: 3 }), checkOptionsArb, (docs, opts) => {
        r.cases++;
        const documents = docs.map((d, i) => ({ ...d, file: `ch${i}.md` }));
        const { lexicon: _, ...printable } = opts;
        const input = `${short(documents)} ${short(printable)}${opts.lexicon === undefined ? '' : ' with the lexicon'}`;
        const fail = (problem: string): void => void r.failures.push(classify({ entry: 'checkDocuments (notes, names, settings)', input, problem }, {}));
        const size = documents.reduce((n, d) => n + d.text.length, 0);
        const res = timed(() => checkDocuments(documents, opts));
        r.maxMs = Math.max(r.maxMs, res.ms);
        if (res.ms > boundFor(size) + 2 * size) fail(`slow: ${res.ms.toFixed(0)} ms`);
        if (res.error !== undefined) {
          const problem = describeError(res.error);
          if (problem !== undefined) fail(problem);
          return true;
        }
        const found = res.value!;
        const index = new Map(documents.map((d, i) => [d.file, i]));
        let last = [-1, -1];
        const floor = opts.minConfidence === undefined ? 0 : parseConfidence(opts.minConfidence);
        const ignored = new Set((opts.ignore ?? []).map((w) => foldRomanized(w)));
        for (const d of found) {
          const k = index.get(d.file ?? '');
          if (k === undefined) return void fail(`a finding names no document: ${shown(d)}`), true;
          const text = documents[k]!.text;
          const [start, end] = [d.place.start.offset, d.place.end.offset];
          if (!(start >= 0 && start <= end && end <= text.length) || text.slice(start, end) !== d.actual) return void fail(`the place of ${shown(d)} holds ${short(text.slice(start, end))}`), true;
          if (d.fix !== undefined && !(d.fix.range[0] >= 0 && d.fix.range[0] <= d.fix.range[1] && d.fix.range[1] <= text.length)) return void fail(`fix outside its document: ${shown(d)}`), true;
          if (k < last[0]! || (k === last[0] && start < last[1]!)) return void fail(`findings out of order at ${shown(d)}`), true;
          last = [k, start];
          if (!(d.confidence >= floor && d.confidence <= 1)) return void fail(`confidence ${d.confidence} below the minimum ${floor} or over 1: ${shown(d)}`), true;
          // Every rule, a word mixing scripts included (docs/check.md, Settings).
          if (ignored.has(foldRomanized(d.actual))) return void fail(`an ignored word is reported: ${shown(d)}`), true;
        }
        const again = timed(() => checkDocuments(documents, opts)).value;
        if (again === undefined || again.map(shown).join('\n') !== found.map(shown).join('\n')) return void fail('a second run differs from the first'), true;
        // With a house scheme and notes, no notesScheme is one of the explicit choices: the notes
        // in a system of their own (notes-systems.json's), or with the text ('same').
        if (opts.scheme !== undefined && opts.notesScheme === undefined && documents.some((d) => d.regions?.some((g) => g.kind === 'notes') === true)) {
          const choices = ['same', 'ala-lc-simplified', 'ala-lc'].map((notesScheme) => timed(() => checkDocuments(documents, { ...opts, notesScheme })).value?.map(shown).join('\n'));
          if (!choices.includes(found.map(shown).join('\n'))) fail(`without notesScheme the findings are those of no explicit notesScheme ('same', ala-lc-simplified, ala-lc): ${short(found.map(shown))}`);
        }
        // Without notes, how the whole text is given as running text, and notesScheme 'same',
        // change nothing.
        if (documents.every((d) => d.regions === undefined)) {
          const whole = documents.map((d) => ({ ...d, regions: [{ start: 0, end: d.text.length, kind: 'text' as const }] }));
          const same = timed(() => checkDocuments(whole, { ...opts, notesScheme: opts.notesScheme ?? 'same' })).value;
          if (same === undefined || same.map(shown).join('\n') !== found.map(shown).join('\n')) fail(`the whole text given as one region of running text (and notesScheme 'same') changes the findings: ${short(same?.map(shown))} ≠ ${short(found.map(shown))}`);
        }
        return true;
      }),
      params,
    );
  }

  // romanizeDetailed, with lang 'auto' over texts that mix languages: each diagnostic's place
  // holds its letter in the text as given, and the text is romanize's.
  {
    const r = report('romanizeDetailed');
    fc.assert(
      fc.property(fc.oneof(text, mixed), detailedOptions, (input, opts) => {
        r.cases++;
        const res = timed(() => romanizeDetailed(input, opts));
        r.maxMs = Math.max(r.maxMs, res.ms);
        const fail = (problem: string): void => void r.failures.push(classify({ entry: 'romanizeDetailed', input: `${short(input)} ${short(opts)}`, problem }, { text: input, options: opts }));
        if (res.ms > bound(input)) fail(`slow: ${res.ms.toFixed(0)} ms`);
        if (res.error !== undefined) return void fail(describeError(res.error) ?? `threw ${(res.error as LatinitsaError).code} for valid options`), true;
        const wrong = holds(input, res.value!.diagnostics.map((d) => ({ range: d.place === undefined ? undefined : [d.place.start.offset, d.place.end.offset], text: d.actual })));
        if (wrong !== undefined) fail(wrong);
        const plain = timed(() => romanize(input, opts)).value;
        if (plain !== undefined && plain !== res.value!.text) fail(`text differs from romanize: ${short(res.value!.text)} ≠ ${short(plain)}`);
        return true;
      }),
      params,
    );
  }

  // .docx: the parts of the test files, their XML with random text put in, and random fixes: only
  // LatinitsaError, and after editDocument the rewritten parts read back to the edit's text.
  {
    const r = report('docx read and edit');
    const dir = path.join(import.meta.dirname, '..', 'test', 'fixtures', 'docx');
    const files = readdirSync(dir).filter((f) => f.endsWith('.docx')).map((f) => ({ name: f, parts: readDocxParts(readFileSync(path.join(dir, f)), { file: f }) }));
    // What Word itself writes: runs of text (any text, escaped) and tabs, between runs or paragraphs.
    const escape = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const insert = fc.oneof(text.map((t) => `<w:r><w:t xml:space="preserve">${escape(t.slice(0, 30))}</w:t></w:r>`), fc.constant('<w:r><w:tab/></w:r>'), fc.constant('<w:r><w:br/></w:r>'));
    // Fix texts are what a checker proposes: any text (a byte-order mark aside), at code point boundaries.
    const fixText = fc.oneof(text.map((t) => t.slice(0, 40).replace(/\uFEFF/g, '')), fc.constantFrom('Zinoviev', 'Kamenev\n', '\t'));
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.array(fc.tuple(fc.nat(), insert), { maxLength: 3 }), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 20 }), fixText), { maxLength: 5 }), (file, inserts, fixSpecs) => {
        r.cases++;
        const decoder = new TextDecoder();
        const encoder = new TextEncoder();
        const parts: DocxPart[] = file.parts.map((p) => {
          let xml = decoder.decode(p.xml);
          for (const [at, t] of inserts) {
            const places = [...xml.matchAll(/<w:r[ >]|<\/w:p>/g)].map((m) => m.index);
            if (places.length === 0) continue;
            const k = places[at % places.length]!;
            xml = xml.slice(0, k) + t + xml.slice(k);
          }
          return { ...p, xml: encoder.encode(xml) };
        });
        const input = `${file.name} ${short(inserts)} ${short(fixSpecs)}`;
        const fail = (problem: string): void => void r.failures.push({ entry: 'docx read and edit', input, problem });
        const res = timed(() => {
          const doc = readDocument({ docx: parts });
          const points = [0];
          for (const c of doc.text) points.push(points[points.length - 1]! + c.length);
          const fixes = fixSpecs.map(([at, n, t]) => {
            const k = at % points.length;
            return { range: [points[k]!, points[Math.min(points.length - 1, k + n)]!] as [number, number], text: t };
          });
          const edit = editDocument(doc, fixes);
          const written = parts.map((p) => ({ ...p, xml: edit.parts?.get(p.name) ?? p.xml }));
          return { edit, again: readDocument({ docx: written }).text };
        });
        r.maxMs = Math.max(r.maxMs, res.ms);
        if (res.ms > boundFor(parts.reduce((n, p) => n + p.xml.length, 0))) fail(`slow: ${res.ms.toFixed(0)} ms`);
        const problem = res.error === undefined ? undefined : describeError(res.error);
        if (problem !== undefined) return void fail(problem), true;
        if (res.value !== undefined && res.value.edit.parts !== undefined && res.value.again !== res.value.edit.text) fail(`the rewritten parts read ${short(res.value.again)}, the edit says ${short(res.value.edit.text)}`);
        return true;
      }),
      params,
    );
  }

  // MARC: pieces of the test records (ISO 2709) with bytes changed, read as any format, then
  // romanized, checked, made vernacular and written out: only LatinitsaError, or an error item.
  {
    const r = report('MARC records');
    const records = readFileSync(path.join(import.meta.dirname, '..', 'test', 'fixtures', 'marc', 'real', 'records.mrc'));
    const marcOptions = fc.record({ scheme: fc.constantFrom(undefined, 'ala-lc', 'modified-loc', 'bgn-pcgn', 'iso-9'), lang: fc.constantFrom(undefined, 'auto', 'ru', 'uk') }).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), fc.nat(), fc.nat({ max: size === 'large' ? records.length : 6000 }), marcOptions, fc.constantFrom('auto' as const, 'iso2709' as const, 'marcxml' as const, 'json' as const), async (flips, from, length, opts, format) => {
        r.cases++;
        const bytes = Uint8Array.from(records);
        for (const [at, value] of flips) bytes[at % bytes.length] = value;
        const data = bytes.subarray(from % bytes.length, (from % bytes.length) + length);
        const fail = (problem: string): void => void r.failures.push({ entry: 'MARC records', input: `${short(flips)} from ${from % bytes.length}, ${length} bytes, ${format} ${short(opts)}`, problem });
        const res = await timedAsync(async () => {
          for await (const item of readRecords([data], { format })) {
            if (item.record === undefined) continue;
            const record = item.record;
            romanizeRecord(record, opts);
            checkRecord(record, opts);
            vernacularRecord(record, opts);
            serializeIso2709(record);
            recordToMarcXml(record);
          }
        });
        r.maxMs = Math.max(r.maxMs, res.ms);
        if (res.ms > boundFor(data.length)) fail(`slow: ${res.ms.toFixed(0)} ms`);
        const problem = res.error === undefined ? undefined : describeError(res.error);
        if (problem !== undefined) fail(problem);
        return true;
      }),
      params,
    );
  }

  // The HTTP API (handleApi in-process, the worker's runOperation): bodies a user could send,
  // right and wrong, to every operation; never a 5xx, and every error has a code.
  {
    const r = report('API routes');
    const scheme = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...schemeIds) }, { weight: 1, arbitrary: fc.constantFrom('', 'nope', '__proto__', 'toString') });
    const wrong = fc.oneof(fc.constant(null), fc.integer(), fc.boolean(), fc.constant([]), fc.constant({}), fc.string({ maxLength: 5 }));
    const maybe = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined, freq: 2 });
    const schemeOptions = fc.oneof(
      fc.constant(undefined),
      wrong,
      optionsArb.map(({ scheme: _, ...o }) => o as Record<string, unknown>),
    );
    const langArb = maybe(fc.constantFrom('auto', 'ru', 'uk', 'be', 'xx', ''));
    // Real .docx files (with footnotes and endnotes), in base64 as the page sends them.
    const docxDir = path.join(import.meta.dirname, '..', 'test', 'fixtures', 'docx');
    const docxFixtures = ['footnotes.docx', 'endnotes.docx', 'tables.docx', 'footnote-hyperlink.docx'].map((f) => readFileSync(path.join(docxDir, f)).toString('base64'));
    docxFixtures.push(readFileSync(path.join(import.meta.dirname, '..', 'test', 'fixtures', 'manuscripts', 'book.docx')).toString('base64'));
    const body = (op: string): fc.Arbitrary<Record<string, unknown>> => {
      const t = fc.oneof(text, mixed, latin).map((s) => s.slice(0, cap));
      switch (op) {
        case 'romanize': return fc.record({ text: t, scheme: maybe(scheme), lang: langArb, explain: maybe(fc.oneof(fc.boolean(), wrong)), options: schemeOptions });
        case 'deromanize': return fc.record({ text: t, scheme: maybe(scheme), all: maybe(fc.oneof(fc.boolean(), wrong)), options: schemeOptions });
        case 'convert': return fc.record({ text: t, from: maybe(scheme), to: maybe(scheme), all: maybe(fc.boolean()), fromOptions: schemeOptions, toOptions: schemeOptions });
        case 'detect': return fc.record({ text: t, schemes: maybe(fc.oneof(fc.array(scheme, { maxLength: 3 }), wrong)), maxWords: maybe(fc.oneof(fc.integer({ min: -2, max: 50 }), fc.double(), wrong)) });
        case 'check': {
          // The document: a text, a .docx (one of the fixtures now and then), or a text with regions, right or wrong.
          const regionsArb = fc.oneof(wrong, fc.array(fc.record({ start: fc.integer({ min: -1, max: 40 }), end: fc.integer({ min: 0, max: 60 }), kind: fc.constantFrom('text', 'notes', 'x'), quoted: maybe(fc.oneof(fc.constant(true), wrong)) }), { maxLength: 3 }));
          const documentArb = fc.oneof(
            fc.record({ text: t, format: maybe(fc.constantFrom('text', 'markdown', 'x')), regions: maybe(regionsArb) }),
            fc.record({ format: fc.constant('docx'), data: fc.oneof(fc.base64String({ maxLength: 40 }), fc.constant('!!'), fc.constantFrom(...docxFixtures)), file: maybe(fc.constantFrom('a.docx', '')) }),
            fc.record({ text: maybe(t), format: maybe(fc.constantFrom('text', 'markdown', 'docx', 'x')), data: maybe(fc.base64String({ maxLength: 40 })) }),
          );
          const settingsArb = fc.record({
            scheme: maybe(scheme),
            notesScheme: maybe(scheme),
            lang: langArb,
            allow: maybe(fc.oneof(fc.array(t, { maxLength: 2 }), wrong)),
            ignore: maybe(fc.oneof(fc.array(fc.constantFrom('check/scheme-mismatch', 'x', 'Kирoв', 'Zinovyev'), { maxLength: 2 }), wrong)),
            minConfidence: maybe(fc.oneof(fc.constantFrom('certain', 'likely', 'possible', 'sure', 0, 0.5, 1, 2), wrong)),
            conventional: maybe(fc.oneof(fc.constantFrom({ Tchaikovsky: 'чайковский' }, { '': 'x' }, { Zinovyev: 'zinoviev' }), wrong)),
            builtInConventional: maybe(fc.oneof(fc.boolean(), wrong)),
            notesSchemeOptions: maybe(fc.oneof(wrong, fc.constant({ tie: 'halves' }))),
            options: schemeOptions,
          });
          return fc.tuple(documentArb, settingsArb).map(([d, o]) => ({ ...d, ...o }));
        }
        case 'cite': return fc.record({ text: t, format: maybe(fc.constantFrom('text', 'markdown', 'x')), style: maybe(fc.constantFrom('english', 'russian', 'numbers', 'x')), versoStyle: maybe(fc.oneof(fc.string({ maxLength: 4 }), wrong)), scheme: maybe(scheme) });
        case 'bib': return fc.record({ text: fc.oneof(t, bibtex.map((b) => b.slice(0, cap)), csl.map((c) => c.slice(0, cap))), format: maybe(fc.constantFrom('bibtex', 'csl-json', 'x')), scheme: maybe(scheme), schemes: maybe(fc.oneof(fc.dictionary(fc.constantFrom('names', 'titles', 'x', '__proto__'), fc.oneof(scheme, wrong), { maxKeys: 3 }), wrong)), lang: langArb, keepOriginal: maybe(fc.oneof(fc.boolean(), wrong)) });
        default: return fc.record({ operation: fc.constantFrom('romanize', 'check', 'vernacular', 'x'), output: maybe(fc.constantFrom('json-objects', 'json', 'marcxml', 'iso2709', 'x')), text: maybe(t), data: maybe(fc.base64String({ maxLength: 60 })), scheme: maybe(scheme), lang: langArb, tie: maybe(fc.constantFrom('auto', 'breve', 'halves', 'x')), normalization: maybe(fc.constantFrom('auto', 'NFC', 'NFD', 'x')), all: maybe(fc.boolean()), options: schemeOptions });
      }
    };
    // A field no route takes, now and then (misspelt, or a name every object has): never a 200.
    const strayField = fc.option(fc.constantFrom('shceme', 'txt', 'option', 'schemeOptions', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'regions', 'data'), { nil: undefined, freq: 4 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...operationNames).chain((op) => fc.tuple(fc.constant(op), body(op), strayField)), async ([op, b, stray]) => {
        r.cases++;
        // JSON.parse makes "__proto__" an own field; an object literal would not.
        const misspelt = stray !== undefined && !Object.hasOwn(b, stray) && !(op === 'check' && ['regions', 'data'].includes(stray)) ? stray : undefined;
        const json = misspelt === undefined ? JSON.stringify(b) : JSON.stringify(b).replace(/^\{/, `{${JSON.stringify(misspelt)}:1${Object.keys(b).some((k) => b[k] !== undefined) ? ',' : ''}`);
        const res = await timedAsync(() => handleApi({ method: 'POST', path: `/api/${op}`, headers: { 'content-type': 'application/json' }, body: json }));
        r.maxMs = Math.max(r.maxMs, res.ms);
        const fail = (problem: string): void => void r.failures.push(classify({ entry: 'API routes', input: `${op} ${short(json)}`, problem }, typeof b['text'] === 'string' ? { text: b['text'] } : {}));
        if (res.ms > boundFor(json.length) + 0.5 * json.length) fail(`slow: ${res.ms.toFixed(0)} ms`);
        if (res.error !== undefined) return void fail(`handleApi threw: ${describeError(res.error)}`), true;
        const { status, body: answer } = res.value!;
        if (status >= 500) fail(`status ${status}: ${short(String(answer))}`);
        else if (status >= 400 && !/"code":"ERR_[A-Z_]+"/.test(String(answer))) fail(`status ${status} without an error code: ${short(String(answer))}`);
        if (misspelt !== undefined && status === 200) fail(`a field the route does not take (${JSON.stringify(misspelt)}) was answered 200`);
        // A check answered with its regions, sent back with its text, finds the same again (the web page's second check of a .docx).
        if (op === 'check' && status === 200 && misspelt === undefined) {
          const first = JSON.parse(String(answer)) as { text: string; regions: unknown; diagnostics: unknown };
          const { text: _t, data: _d, file: _f, format: _m, regions: _r, ...settings } = b;
          const again = await handleApi({ method: 'POST', path: '/api/check', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...settings, text: first.text, regions: first.regions }) });
          if (again.status !== 200 || JSON.stringify(JSON.parse(String(again.body)).diagnostics) !== JSON.stringify(first.diagnostics)) fail(`checked again with its regions: status ${again.status}, other findings: ${short(String(again.body))}`);
        }
        return true;
      }),
      params,
    );
  }

  // CLI
  {
    const r = report('cli main(argv, io)');
    const dir = await mkdtemp(path.join(tmpdir(), 'latinitsa-fuzz-'));
    try {
      const files: Record<string, string | Uint8Array> = {
        'house.json': JSON.stringify({ id: 'house', name: 'House', extends: 'ala-lc-simplified', samples: [['Щукин', 'Shchukin']] }),
        'deep.json': '['.repeat(size === 'large' ? 1_000_000 : 50_000) + ']'.repeat(size === 'large' ? 1_000_000 : 50_000),
        'deep-object.json': `{"id":"x","name":"x","extends":"modified-loc","$comment":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`,
        'huge.json': JSON.stringify({ id: 'huge', name: 'Huge', extends: 'modified-loc', letterNotes: Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, 'note'])) }),
        'garbage.bin': Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256),
        'cp1251.txt': Uint8Array.from([0xca, 0xe8, 0xf0, 0xee, 0xe2, 0x0d, 0x0a, 0xd9, 0xf3, 0xea, 0xe8, 0xed]),
        'text.txt': 'Сергей Миронович Киров\r\nЦК ВКП(б) Щёлково',
        'names.tsv': 'Толстой\tTolstoy\n',
        'names.json': '{"Толстой": "Tolstoy"}',
      };
      for (const [name, data] of Object.entries(files)) await writeFile(path.join(dir, name), data);
      const fileNames = [...Object.keys(files), 'missing.txt', '.', '-'];
      const commandNames = ['', ...((options.subCommands ?? size === 'large') ? Object.keys(commands).filter((c) => c !== 'serve') : [])];
      const flagArb: fc.Arbitrary<string[]> = fc.oneof(
        fc.constantFrom(['--scheme'], ['-s'], ['--scheme-file'], ['--exceptions'], ['-x'], ['--encoding'], ['-e'], ['--all-caps'], ['--pre-reform'], ['-O'], ['--option'], ['--sign-before-e'], ['--yo'], ['--tie'], ['--join-line-break-hyphens'], ['--repair-homoglyphs'], ['--list-schemes'], ['--help'], ['-h'], ['--version'], ['--demo'], ['--'], ['-'], ['--no-such'], ['-Z'], ['--in-place'], ['-i'], ['--input'], ['-o'], ['--output']).map((a) => [...a]),
        fc.tuple(fc.constantFrom('--scheme', '-s'), fc.constantFrom(...schemeIds, 'nope', '')).map((a) => [...a]),
        fc.tuple(fc.constantFrom('--lang', '-l'), fc.constantFrom('auto', 'ru', 'uk', 'be', 'sr', 'xx', '')).map((a) => [...a]),
        fc.tuple(fc.constantFrom('--scheme-file', '-x', '--exceptions', '-i', '--input'), fc.constantFrom(...fileNames)).map((a) => [...a]),
        fc.tuple(fc.constantFrom('-o', '--output'), fc.constantFrom('out.txt', 'text.txt', '.', 'sub/out.txt')).map((a) => [...a]),
        fc.tuple(fc.constantFrom('--encoding', '-e'), fc.constantFrom('utf-8', 'cp1251', 'koi8-r', 'latin1', '')).map((a) => [...a]),
        fc.tuple(fc.constantFrom('--all-caps', '--pre-reform', '--sign-before-e', '--yo', '--tie', '--signs'), fc.constantFrom('upper', 'acronym', 'auto', 'native', 'modernize', 'omit', 'i', 'e', 'yo', 'halves', 'x', '')).map((a) => [...a]),
        fc.tuple(fc.constantFrom('-O', '--option'), fc.string({ maxLength: 20 })).map((a) => [...a]),
        fc.string({ maxLength: 20 }).map((s) => [s]),
        fc.array(unit, { maxLength: 30 }).map((a) => [a.join('')]),
      );
      const stdinArb = fc.oneof(
        text.map((s) => [Buffer.from(s, 'utf8')]),
        fc.uint8Array({ maxLength: 3000 }).map((b) => [Buffer.from(b)]),
        fc.tuple(text, fc.nat()).map(([s, cut]) => {
          const b = Buffer.from(s, 'utf8');
          const k = cut % (b.length + 1);
          return [b.subarray(0, k), b.subarray(k)];
        }),
      );
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...commandNames), fc.array(flagArb, { maxLength: 6 }).map((a) => a.flat()), stdinArb, async (command, flags, stdinChunks) => {
          const argv = command === '' ? flags : [command, ...flags];
          r.cases++;
          // Never rewrite the fixture files: in-place only on a copy.
          const safeArgv = argv.includes('--in-place') ? ['--in-place', '-i', 'copy.txt', ...argv.filter((a) => a !== '--in-place')] : argv;
          if (safeArgv.includes('--in-place')) await writeFile(path.join(dir, 'copy.txt'), files['text.txt']!);
          const outputs = new Set(['-o', '--output']);
          if (safeArgv.some((a, i) => outputs.has(a) && safeArgv[i + 1] !== undefined && files[safeArgv[i + 1]!] !== undefined)) return true;
          const stdin = new PassThrough();
          const stdout = new PassThrough();
          const stderr = new PassThrough();
          let err = '';
          let outBytes = 0;
          stdout.on('data', (b: Buffer) => (outBytes += b.length));
          stderr.on('data', (b: Buffer) => (err += b.toString()));
          for (const c of stdinChunks) stdin.write(c);
          stdin.end();
          const res = await timedAsync(() => main(safeArgv, { stdin, stdout, stderr, cwd: dir, env: {} }));
          r.maxMs = Math.max(r.maxMs, res.ms);
          const stdinText = Buffer.concat(stdinChunks).toString('utf8');
          const fail = (problem: string): void => void r.failures.push(classify({ entry: 'cli', input: `${short(safeArgv)} stdin ${short(stdinText)}`, problem }, { text: `${stdinText}\n${safeArgv.join(' ')}` }));
          if (res.ms > boundFor(stdinText.length + safeArgv.join(' ').length)) fail(`slow: ${res.ms.toFixed(0)} ms`);
          if (res.error !== undefined) return void fail(`main threw: ${describeError(res.error)}`), true;
          const code = res.value!;
          // Exit 0 may come with the one-line warning about letters the scheme has no value for.
          if (code === 0 && err !== '' && !/^(?:latinitsa: warning: [^\n]+\n)+$/.test(err) && !checkerCommand(command)) fail(`exit 0 with stderr ${short(err)}`);
          if (code === 2 && !/^latinitsa: [^\n]+\n$/.test(err)) fail(`exit 2 without exactly one line on stderr: ${short(err)}`);
          // Exit 1 means findings, for the checking commands only.
          if (code !== 0 && code !== 2 && !(code === 1 && checkerCommand(command))) fail(`exit ${code}: ${short(err)}`);
          return true;
        }),
        params,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  // `latinitsa check` as a user runs it on a project: a settings file (right or wrong) and a
  // manuscript (.md, .txt or .docx) that spells names several ways. Exit 0/1, or 2 with one line;
  // with --fix the file changes only in the spans of certain fixes the report offered (in the
  // text as read, the byte-order mark and line ends kept), and a second --fix changes nothing.
  {
    const r = report('check --fix and settings');
    const dir = await mkdtemp(path.join(tmpdir(), 'latinitsa-fuzz-fix-'));
    const docxTemplate = readFileSync(path.join(import.meta.dirname, '..', 'test', 'fixtures', 'docx', 'single-paragraph.docx'));
    // Word's own notes: a body paragraph and two footnotes (test/fixtures/docx/footnotes.docx).
    const docxNotesTemplate = readFileSync(path.join(import.meta.dirname, '..', 'test', 'fixtures', 'docx', 'footnotes.docx'));
    const words = ['Istoriia', 'Sochineniia', 'Izvestiia', 'Izvestia', "Zinov'ev", 'Zinoviev', 'Zinovyev', 'Zinov’ev', 'Ezhov', 'Yezhov', 'Mоlotov', 'Molotov', 'Trotsky', 'Trotskii', 'Kamenev', 'Dzerzhinskii', 'Dzerzhinsky', 'Iurii', 'Yury', 'Khrushchev', 'Khrushchov', 'Stаlin', 'Stalin', 'istorii', 'Moscow', 'Сталин'];
    const pieces = [' ', ' ', '. ', ', ', '\n', '\r\n', '\n\n', '*', '_', '`', '[', '](http://x)', '[^1]', '\n[^1]: ', '# ', '\n```\n', '\n---\n', '<!-- ', ' -->', '\nNotes\n', '\n## Bibliography\n\n', '\n> ', '\n- ', '«', '»', '\u00ad', '\u0301', '\u200b', '\ufeff', 'the ', 'of '];
    const manuscript = fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...words) }, { weight: 4, arbitrary: fc.constantFrom(...pieces) }, { weight: 1, arbitrary: unit }), { maxLength: size === 'large' ? 400 : 80 }).map((a) => a.join(''));
    const settingValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom<unknown>('modified-loc', 'ala-lc', 'bgn-pcgn', 'nope', '', 'uk', 'certain', 'possible', 0.5, 2, ['Zinovyev'], [''], { Tchaikovsky: 'чайковский' }, { '': 'ж' }, { Zinovyev: 'зиновьев' }, { signBeforeE: 'omit' }, { nope: 1 }));
    const settings = fc.option(fc.dictionary(fc.constantFrom('scheme', 'notesScheme', 'lang', 'schemeOptions', 'notesSchemeOptions', 'allow', 'ignore', 'conventional', 'builtInConventional', 'minConfidence', '$comment', 'x', 'check'), settingValue, { maxKeys: 3 }), { nil: undefined, freq: 2 });
    const run = async (argv: string[]): Promise<{ code: number; out: string; err: string }> => {
      const stdin = new PassThrough();
      const stdout = new PassThrough();
      const stderr = new PassThrough();
      let [out, err] = ['', ''];
      stdout.on('data', (b: Buffer) => (out += b.toString()));
      stderr.on('data', (b: Buffer) => (err += b.toString()));
      stdin.end();
      return { code: await main(argv, { stdin, stdout, stderr, cwd: dir, env: {} }), out, err };
    };
    const textOf = async (file: string): Promise<string> => (await readDocumentFile(path.join(dir, file))).text;
    try {
      await fc.assert(
        fc.asyncProperty(manuscript, fc.constantFrom('md', 'txt', 'docx', 'docx with notes'), settings, fc.constantFrom<string[]>([], ['--scheme', 'modified-loc'], ['--scheme', 'ala-lc'], ['--min-confidence', 'certain'], ['--notes-scheme', 'same'], ['--scheme', 'modified-loc', '--notes-scheme', 'ala-lc-simplified'], ['--allow', 'Zinovyev', '--ignore', 'Stalin']), async (text, kind, config, flags) => {
          r.cases++;
          const ext = kind === 'docx with notes' ? 'docx' : kind;
          const file = `book.${ext}`;
          const input = `${kind} ${short(text)} settings ${short(config)} ${flags.join(' ')}`;
          const fail = (problem: string): void => void r.failures.push(classify({ entry: 'check --fix and settings', input, problem }, { text }));
          await rm(path.join(dir, '.latinitsarc.json'), { force: true });
          if (config !== undefined) await writeFile(path.join(dir, '.latinitsarc.json'), JSON.stringify(config));
          if (kind === 'docx') {
            // Word's own layout, the text put in by the library's edit (one paragraph: no line breaks).
            await writeFile(path.join(dir, file), docxTemplate);
            const doc = await readDocumentFile(path.join(dir, file));
            const edit = editDocument(doc, [{ range: [0, doc.text.length], text: text.replace(/[\r\n\ufeff]/g, ' ') }]);
            await writeDocumentFile(path.join(dir, file), doc, edit);
          } else if (kind === 'docx with notes') {
            // The text's first half in the body's first run, the rest in the first footnote's.
            await writeFile(path.join(dir, file), docxNotesTemplate);
            const doc = await readDocumentFile(path.join(dir, file));
            const flat = text.replace(/[\r\n\ufeff]/g, ' ');
            const [body, note] = [flat.slice(0, flat.length >> 1), flat.slice(flat.length >> 1)];
            const at = (s: string): [number, number] => [doc.text.indexOf(s), doc.text.indexOf(s) + s.length];
            const edit = editDocument(doc, [{ range: at('Ouch'), text: body }, { range: at('A tachyon walks into a bar.'), text: note }]);
            await writeDocumentFile(path.join(dir, file), doc, edit);
          } else await writeFile(path.join(dir, file), text);
          const before = await readFile(path.join(dir, file));
          const res = await timedAsync(async () => {
            const report = await run(['check', file, '--json', ...flags]);
            if (report.code === 2) return { report };
            const fixed = await run(['check', file, '--fix', ...flags]);
            const once = await readFile(path.join(dir, file));
            const again = await run(['check', file, '--fix', ...flags]);
            return { report, fixed, once, again, twice: await readFile(path.join(dir, file)) };
          });
          r.maxMs = Math.max(r.maxMs, res.ms);
          if (res.ms > 3 * boundFor(text.length)) fail(`slow: ${res.ms.toFixed(0)} ms`);
          if (res.error !== undefined) return void fail(`main threw: ${describeError(res.error)}`), true;
          const { report, fixed, once, again, twice } = res.value!;
          for (const [what, out] of [['check', report], ['check --fix', fixed], ['second --fix', again]] as const) {
            if (out === undefined) continue;
            if (out.code === 2 && !/^latinitsa: [^\n]+\n$/.test(out.err)) fail(`${what}: exit 2 without exactly one line on stderr: ${short(out.err)}`);
            else if (out.code !== 0 && out.code !== 1 && out.code !== 2) fail(`${what}: exit ${out.code}: ${short(out.err)}`);
          }
          if (report.code === 2 || once === undefined || twice === undefined) return true;
          if (fixed!.code === 2) return void fail(`check passed, --fix failed: ${short(fixed!.err)}`), true;
          if (!Buffer.from(twice).equals(once)) fail(`a second --fix changed the file again (${short(again!.err)})`);
          // The text read back is the text read before with some of the certain fixes applied, in
          // order; a plain text file is that text's bytes exactly (mark and line ends kept).
          const diagnostics = JSON.parse(report.out) as { fix?: { range: [number, number]; text: string }; confidence?: number }[];
          const fixes = selectFixes(diagnostics.filter((d) => (d.confidence ?? 0) >= 0.9));
          await writeFile(path.join(dir, `was.${ext}`), before);
          const was = await textOf(`was.${ext}`);
          const now = await textOf(file);
          let [at, k] = [0, 0];
          for (const fix of fixes) {
            const same = was.slice(at, fix.range[0]);
            if (now.slice(k, k + same.length) !== same) break;
            k += same.length;
            if (fix.text !== was.slice(...fix.range) && now.startsWith(fix.text, k)) k += fix.text.length;
            else if (now.startsWith(was.slice(...fix.range), k)) k += fix.range[1] - fix.range[0];
            else break;
            at = fix.range[1];
          }
          if (was.slice(at) !== now.slice(k)) fail(`--fix changed the file outside the certain fixes' spans: ${short(now)} from ${short(was)}`);
          else if (ext !== 'docx') {
            const bom = before[0] === 0xef && before[1] === 0xbb && before[2] === 0xbf;
            if (new TextDecoder('utf-8', { ignoreBOM: true }).decode(once) !== (bom ? '\ufeff' : '') + now) fail('the file written is not its text (byte-order mark or line ends lost)');
          }
          return true;
        }),
        params,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return reports;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const numRuns = Number(process.argv[2] ?? 2000);
  const seed = process.argv[3] === undefined ? Date.now() % 2 ** 31 : Number(process.argv[3]);
  const t0 = performance.now();
  const reports = await runFuzz({ numRuns, seed, size: 'large', ...(process.argv[4] === undefined ? {} : { only: process.argv[4] }) });
  process.stdout.write(`seed ${seed}, ${((performance.now() - t0) / 1000).toFixed(1)} s\n\n| entry point | cases | failures (known) | slowest call |\n|---|---|---|---|\n`);
  for (const r of reports) {
    const known = r.failures.filter((f) => f.known !== undefined).length;
    process.stdout.write(`| ${r.entry} | ${r.cases} | ${r.failures.length} (${known}) | ${r.maxMs.toFixed(0)} ms |\n`);
  }
  for (const r of reports) {
    const seen = new Set<string>();
    for (const f of r.failures) {
      const key = f.known ?? f.problem.slice(0, 80);
      if (seen.has(key)) continue;
      seen.add(key);
      process.stdout.write(`\n${f.entry}${f.known ? ` [known: ${f.known}]` : ''}: ${f.problem}\n  input: ${f.input}\n`);
    }
  }
  process.stdout.write(`\nKnown engine bugs:\n${KNOWN_BUGS.map((b) => `- ${b.id}: ${b.description}`).join('\n')}\n`);
  process.exitCode = reports.some((r) => r.failures.some((f) => f.known === undefined)) ? 1 : 0;
}
