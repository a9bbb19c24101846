// Property fuzzing of latinitsa's entry points: romanize, explain, loadScheme,
// the byte decoder / line splitter, the lexicon parser, deromanize, convert, the checker, the
// citation parser and finder, the BibTeX and CSL-JSON romanizers, and the CLI (main(argv, io)
// in-process). The API routes have their own property test (test/server.test.ts).
//
//   npm run fuzz -- [runs per entry point = 2000] [seed]
//
// Inputs: random Unicode (lone surrogates, combining marks, RTL, emoji, NUL, every Cyrillic
// block), random bytes, very long lines and words, huge and deeply nested JSON. Invariants: no
// exception other than LatinitsaError (with a code and a message), every call within a time
// bound, romanize output NFC with no Cyrillic letter the scheme maps, explain consistent with
// romanize, CLI exit 0 (empty stderr, or the one-line warning about unmapped letters) or 2 (one line on stderr). A short run is in the tests
// (test/cli-fuzz.test.ts).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { main } from '../src/cli/main.ts';
import { commands } from '../src/cli/commands.ts';
import { LatinitsaError } from '../src/errors.ts';
import {
  checkCitations,
  checkText,
  convert,
  deromanize,
  explain,
  getScheme,
  listSchemes,
  loadScheme,
  parseArchivalReference,
  romanize,
  romanizeBibtex,
  romanizeCsl,
  type RomanizeOptions,
} from '../src/index.ts';
import { firstInvalidUtf8, parseLexicon, textBlocks } from '../src/io/index.ts';
import { builtInSources } from '../src/schemes/registry.ts';

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

/** Valid romanize options for any scheme, with any of its option values. */
const optionsArb: fc.Arbitrary<RomanizeOptions> = fc.constantFrom(...schemeIds).chain((id) => {
  const scheme = getScheme(id);
  const schemeOptions = Object.fromEntries(Object.entries(scheme.options).map(([name, o]) => [name, fc.constantFrom(undefined, ...Object.keys(o.values))]));
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
  return `uncaught ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
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
export const KNOWN_BUGS: { id: string; description: string; matches: (f: { problem: string; text?: string; options?: RomanizeOptions; data?: unknown }) => boolean }[] = [];

function classify(failure: FuzzFailure, context: { text?: string; options?: RomanizeOptions; data?: unknown }): FuzzFailure {
  const known = KNOWN_BUGS.find((b) => b.matches({ problem: failure.problem, ...context }));
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
  const report = (entry: string): EntryReport => {
    const r: EntryReport = { entry, cases: 0, failures: [], maxMs: 0 };
    reports.push(r);
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
  {
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
    const entries: [string, fc.Arbitrary<string>, (input: string) => unknown][] = [
      ['deromanize', capped(fc.oneof(latin, text)), (t) => deromanize(t, { scheme: 'modified-loc' })],
      ['deromanize ala-lc', capped(fc.oneof(text.map((t) => romanize(t, { scheme: 'ala-lc' })), text)), (t) => deromanize(t, { scheme: 'ala-lc' })],
      ['convert', capped(fc.oneof(latin, text)), (t) => convert(t, { from: 'modified-loc', to: 'bgn-pcgn' })],
      ['checkText', capped(fc.oneof(latin, text)), (t) => checkText(t, { scheme: 'modified-loc' })],
      ['parseArchivalReference', capped(text, bigCap), (t) => parseArchivalReference(t)],
      ['checkCitations', capped(text, bigCap), (t) => checkCitations(t)],
      ['romanizeBibtex', capped(bibtex, bigCap), (t) => romanizeBibtex(t)],
      ['romanizeCsl', capped(csl, bigCap), (t) => romanizeCsl(t)],
    ];
    for (const [entry, arb, fn] of entries) {
      const r = report(entry);
      fc.assert(
        fc.property(arb, (input) => {
          r.cases++;
          const res = timed(() => fn(input));
          r.maxMs = Math.max(r.maxMs, res.ms);
          const fail = (problem: string): void => void r.failures.push({ entry, input: short(input), problem });
          if (res.ms > bound(input) + 0.5 * input.length) fail(`slow: ${res.ms.toFixed(0)} ms`);
          const problem = res.error === undefined ? undefined : describeError(res.error);
          if (problem !== undefined) fail(problem);
          const bad = rangesOutside(res.value, input.length);
          if (bad !== undefined) fail(`range ${JSON.stringify(bad)} outside the input (${input.length} characters)`);
          return true;
        }),
        params,
      );
    }
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
  return reports;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const numRuns = Number(process.argv[2] ?? 2000);
  const seed = process.argv[3] === undefined ? Date.now() % 2 ** 31 : Number(process.argv[3]);
  const t0 = performance.now();
  const reports = await runFuzz({ numRuns, seed, size: 'large' });
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
