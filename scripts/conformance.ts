// `npm run conformance`: runs every outside test vector against latinitsa and prints a table
// source × scheme → passed / documented exception / failed (and not implemented).
//
// Vectors come from test/fixtures/vectors/<source>/<scheme>.tsv (copied into the repository with
// their licences, see the README there) and, when ../shared/conformance exists, from there as well:
// the sources not copied (Lingua::Translit, GPL/Artistic) and the oracle outputs of ICU,
// Lingua::Translit, iuliia-js and ScriptShifter on 347 inputs. Scheme ids are the conformance
// folder's; SCHEMES maps them to latinitsa's schemes and options.
//
// A vector that fails is either listed in test/fixtures/vectors/exceptions.tsv (the vector, the
// expected and the actual output, the rule that decides it, the reason) or it is an
// undocumented failure, and the command exits with status 1. Oracles that are not authoritative
// for a scheme (GATES) are reported as agreement counts only.
//
//   npm run conformance                 table
//   npm run conformance -- --failures   also list each undocumented failure
//   npm run conformance -- --write-exceptions FILE   write a TSV of every failure in the
//                                       exceptions format (for review; reasons to be filled in)
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { listSchemes, romanize } from '../src/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoVectorsDir = path.join(root, 'test', 'fixtures', 'vectors');
export const sharedVectorsDir = path.resolve(root, '..', 'shared', 'conformance');
export const exceptionsFile = path.join(repoVectorsDir, 'exceptions.tsv');

/** A conformance scheme id mapped to a latinitsa scheme and the options that select the variant. */
export interface Target {
  scheme: string;
  options: Record<string, unknown>;
  why?: string;
}

/**
 * Conformance-folder scheme ids (shared/conformance/README.md "Scheme ids") → latinitsa. Ids not
 * listed are schemes latinitsa does not implement ("not implemented", not failures).
 */
export const SCHEMES: Record<string, Target> = {
  'ala-lc': { scheme: 'ala-lc', options: {} },
  'ala-lc-simplified': { scheme: 'ala-lc-simplified', options: {} },
  'bgn-pcgn': { scheme: 'bgn-pcgn', options: { interpunct: 'true' }, why: 'the folder\'s bgn-pcgn is the strict variant with middle dots (bgn-pcgn rule B3, option interpunct)' },
  'bgn-pcgn-simplified': { scheme: 'bgn-pcgn', options: {}, why: 'BGN/PCGN without middle dots is bgn-pcgn\'s default (option interpunct)' },
  'iso-9': { scheme: 'iso-9', options: {} },
  'gost-7.79-b': { scheme: 'gost-7.79-b', options: {} },
  'gost-7.79-b-old': { scheme: 'gost-7.79-b', options: {}, why: 'pre-1918 letters are part of gost-7.79-b (gost-7.79-b rule G2)' },
  'icao-9303': { scheme: 'icao-9303', options: {} },
  scientific: { scheme: 'scholarly', options: {} },
  wikipedia: { scheme: 'wikipedia', options: {} },
  mosmetro: { scheme: 'mosmetro', options: {} },
  'yandex-maps': { scheme: 'yandex-maps', options: {} },
  telegram: { scheme: 'telegram', options: {} },
  'bs-2979': { scheme: 'bs-2979', options: {} },
  'bs-2979-simplified': { scheme: 'bs-2979-simplified', options: {} },
  'gost-16876': { scheme: 'gost-16876', options: {} },
  'gost-16876-simplified': { scheme: 'gost-16876-simplified', options: {} },
  'ungegn-1987': { scheme: 'ungegn-1987', options: {} },
  // Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian: the folder ids are latinitsa's own.
  ...Object.fromEntries(
    [
      'uk-national', 'ala-lc-uk', 'bgn-pcgn-uk', 'bgn-pcgn-uk-1965',
      'be-national', 'ala-lc-be', 'bgn-pcgn-be',
      'bg-streamlined', 'ala-lc-bg', 'bgn-pcgn-bg', 'bgn-pcgn-bg-1952',
      'sr-gaj', 'ala-lc-sr', 'bgn-pcgn-sr',
      'mk-national', 'ala-lc-mk', 'bgn-pcgn-mk',
    ].map((id) => [id, { scheme: id, options: {} }]),
  ),
  'iso-9-slavic': { scheme: 'iso-9', options: { lang: 'auto' }, why: 'ISO 9 on Ukrainian, Belarusian, Bulgarian, Serbian and Macedonian inputs: one table for every language, each input read in its detected language (the apostrophe)' },
};

/**
 * Per file: options that select the variant a source writes where the scheme has an option for
 * it (the glyph of the signs, the form of the tie), so that a cosmetic choice is not counted
 * as a failure. Key: `<source>/<scheme id>`.
 */
export const SOURCE_OPTIONS: Record<string, { options: Record<string, unknown>; why: string }> = {
  'iuliia/ala-lc-simplified': { options: { signs: 'ascii' }, why: 'iuliia\'s ala_lc_alt writes ь/ъ as ASCII \' and " (option signs)' },
  'oracle/iuliia-js/ala-lc-simplified': { options: { signs: 'ascii' }, why: 'iuliia\'s ala_lc_alt writes ь/ъ as ASCII \' and " (option signs)' },
  'scriptshifter/ala-lc': { options: { tie: 'halves' }, why: 'the ScriptShifter test CSV writes ties as U+FE20/U+FE21 halves (option tie)' },
  'oracle/icu/bgn-pcgn': { options: { signs: 'prime' }, why: 'ICU writes ь/ъ as ʹ/ʺ, an earlier BGN edition (option signs)' },
  'romanization-net/bgn-pcgn': { options: { signs: 'prime' }, why: 'Romanization.NET writes ь/ъ as ʹ/ʺ (option signs)' },
  'interscript/ungegn-1987': { options: { repairHomoglyphs: true }, why: '36 of 43 inputs mix in Latin look-alike letters (upstream data defect; docs/rules/normalization.md)' },
  'interscript/bgn-pcgn': { options: { repairHomoglyphs: true }, why: 'one input begins with a Latin O (upstream data defect; docs/rules/normalization.md)' },
  'interscript/be-national': { options: { repairHomoglyphs: true }, why: '4 of 47 inputs write the Belarusian і as a Latin i (upstream data defect)' },
  'interscript/bgn-pcgn-be': { options: { interpunct: 'true' }, why: 'the PCGN examples write the optional middle dot (Hyez·haly)' },
  'oracle/icu/bgn-pcgn-uk-1965': { options: { signs: 'prime', interpunct: 'true' }, why: 'ICU writes ь and the apostrophe as ʹ ʺ and always writes the middle dots' },
  'oracle/icu/bgn-pcgn-be': { options: { signs: 'prime', interpunct: 'true' }, why: 'ICU writes ь and the apostrophe as ʹ ʺ and always writes the middle dots' },
  ...Object.fromEntries(
    ['ala-lc-uk', 'ala-lc-be', 'ala-lc-bg', 'ala-lc-mk'].map((id) => [`scriptshifter/${id}`, { options: { tie: 'halves' }, why: 'the ScriptShifter test CSV writes ties as U+FE20/U+FE21 halves' }]),
  ),
};

/**
 * Oracles (outputs of other implementations on 347 inputs written for the conformance suite):
 * which of them gate which scheme, i.e. every disagreement must be a documented exception.
 * The others are reported as agreement counts only.
 */
export const GATES: Record<string, { schemes: string[] | 'all'; why: string }> = {
  scriptshifter: {
    schemes: ['ala-lc', 'ala-lc-uk', 'ala-lc-be', 'ala-lc-bg', 'ala-lc-sr', 'ala-lc-mk'],
    why: 'the Library of Congress\'s own converter (tables v1.0.0 of 2025): the authority\'s implementation of its tables',
  },
  'iuliia-js': {
    schemes: ['ala-lc-simplified', 'wikipedia', 'icao-9303', 'mosmetro', 'yandex-maps', 'telegram', 'bs-2979', 'bs-2979-simplified', 'gost-16876', 'gost-16876-simplified', 'ungegn-1987', 'iso-9', 'gost-7.79-b', 'scientific', 'bgn-pcgn', 'bgn-pcgn-simplified'],
    why: 'iuliia is the only complete public definition of several schemes (mosmetro, yandex-maps, telegram, …) and a careful one of the others; its known systematic deviations (Cyrillic ё, title-case digraphs in all-caps words) are documented per vector',
  },
  icu: {
    schemes: ['bgn-pcgn', 'bgn-pcgn-uk-1965', 'bgn-pcgn-be', 'bgn-pcgn-bg-1952', 'bgn-pcgn-sr', 'bgn-pcgn-mk'],
    why: 'CLDR\'s <Language>-Latin/BGN transforms are the most widely deployed BGN implementations (for uk and bg the superseded systems, implemented as their own schemes); their deviations are documented per vector',
  },
  'lingua-translit': {
    schemes: ['iso-9-slavic', 'bg-streamlined'],
    why: 'Lingua::Translit deviates from the Russian tables by design (ALA-LC without ties and with ′ ″, BGN with \' \'\', GOST with y\'), which are reported for information only; its ISO 9 and Bulgarian Streamlined tables are faithful and gate, with their slips documented per vector',
  },
};

export interface Vector {
  /** Source directory (`iuliia`, `interscript`) or `oracle/<name>`. */
  source: string;
  /** Scheme id of the conformance folder. */
  file: string;
  input: string;
  expected: string;
  /** Where it was read: the repository's fixtures or ../shared/conformance. */
  origin: 'repo' | 'shared';
}

export interface Exception {
  source: string;
  file: string;
  input: string;
  expected: string;
  actual: string;
  spec: string;
  family: string;
  reason: string;
}

export type Status = 'passed' | 'exception' | 'failed' | 'not implemented' | 'agrees' | 'disagrees';

export interface Result {
  vector: Vector;
  status: Status;
  actual?: string;
  /** A listed exception whose vector now passes (the list should be updated). */
  stale?: boolean;
}

/** Undoes the conformance TSV escapes (\\ \t \n \r). */
export function unescapeTsv(s: string): string {
  return s.replace(/\\([\\tnr])/g, (_, c: string) => ({ '\\': '\\', t: '\t', n: '\n', r: '\r' })[c]!);
}

/** Escapes a cell for the conformance TSV format. */
export function escapeTsv(s: string): string {
  return s.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}

function readPairs(file: string): [string, string][] {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  if (lines[0]?.startsWith('cyrillic\t')) lines.shift();
  return lines.map((l) => {
    const [a = '', b = ''] = l.split('\t');
    return [unescapeTsv(a), unescapeTsv(b)];
  });
}

function dirs(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  } catch {
    return [];
  }
}

function tsvs(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort();
  } catch {
    return [];
  }
}

const ORACLE_NAMES = ['lingua-translit', 'iuliia-js', 'scriptshifter', 'icu'];

/** Options of {@link loadVectors}. */
export interface LoadVectorsOptions {
  /** Read ../shared/conformance when it exists. Default `true`. */
  shared?: boolean;
  /** Keep only these sources (directory names, `oracle/<name>` for oracles). */
  sources?: string[];
}

/**
 * Every vector: the repository's fixtures, then ../shared/conformance's sources that were not
 * copied (Lingua::Translit) and its oracle files.
 */
export function loadVectors(options: LoadVectorsOptions = {}): Vector[] {
  const { shared = true, sources } = options;
  const keep = (s: string): boolean => sources === undefined || sources.includes(s);
  const vectors: Vector[] = [];
  const seen = new Set<string>();
  for (const source of dirs(repoVectorsDir)) {
    if (source === 'oracles') continue;
    if (!keep(source)) continue;
    for (const f of tsvs(path.join(repoVectorsDir, source))) {
      const file = path.basename(f, '.tsv');
      seen.add(`${source}/${file}`);
      for (const [input, expected] of readPairs(path.join(repoVectorsDir, source, f))) vectors.push({ source, file, input, expected, origin: 'repo' });
    }
  }
  const oracleFiles = (dir: string, origin: Vector['origin']): void => {
    for (const f of tsvs(path.join(dir, 'oracles'))) {
      const name = ORACLE_NAMES.find((o) => f.startsWith(`${o}-`));
      if (name === undefined) continue;
      const source = `oracle/${name}`;
      const file = path.basename(f, '.tsv').slice(name.length + 1);
      if (!keep(source) || seen.has(`${source}/${file}`)) continue;
      seen.add(`${source}/${file}`);
      for (const [input, expected] of readPairs(path.join(dir, 'oracles', f))) vectors.push({ source, file, input, expected, origin });
    }
  };
  // Oracle outputs on inputs written for the other languages (test/fixtures/vectors/oracles).
  oracleFiles(repoVectorsDir, 'repo');
  if (shared && existsSync(sharedVectorsDir)) {
    for (const source of dirs(sharedVectorsDir)) {
      if (source === 'oracles') continue;
      if (!keep(source)) continue;
      for (const f of tsvs(path.join(sharedVectorsDir, source))) {
        const file = path.basename(f, '.tsv');
        if (seen.has(`${source}/${file}`)) continue; // the repository holds the same file
        for (const [input, expected] of readPairs(path.join(sharedVectorsDir, source, f))) vectors.push({ source, file, input, expected, origin: 'shared' });
      }
    }
    oracleFiles(sharedVectorsDir, 'shared');
  }
  return vectors;
}

/** Sources whose vectors may not be copied into the repository: exceptions store a hash of the expected value. */
const NOT_COPIED = (v: Pick<Vector, 'source' | 'origin'>): boolean => v.origin === 'shared' && (v.source === 'lingua-translit' || v.source === 'oracle/lingua-translit');

/**
 * How an exception records the expected value of a vector: verbatim, or hashed for the sources
 * read from ../shared/conformance that are not copied into the repository.
 */
export function recordedExpected(v: Pick<Vector, 'source' | 'origin'>, expected: string): string {
  if (!NOT_COPIED(v)) return expected;
  return `sha256:${createHash('sha256').update(expected.normalize('NFC')).digest('hex').slice(0, 16)}`;
}

const key = (source: string, file: string, input: string): string => `${source}\u0000${file}\u0000${input}`;

/** The documented exceptions, by source, scheme and input. */
export function loadExceptions(file = exceptionsFile): Map<string, Exception> {
  const map = new Map<string, Exception>();
  if (!existsSync(file)) return map;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#') || line.startsWith('source\t')) continue;
    const [source = '', scheme = '', input = '', expected = '', actual = '', spec = '', family = '', reason = ''] = line.split('\t').map(unescapeTsv);
    map.set(key(source, scheme, input), { source, file: scheme, input, expected, actual, spec, family, reason });
  }
  return map;
}

/** The latinitsa scheme and options for a vector, or undefined when the scheme is not implemented. */
export function targetOf(v: Vector, available: ReadonlySet<string>): Target | undefined {
  const t = SCHEMES[v.file];
  if (t === undefined || !available.has(t.scheme)) return undefined;
  const extra = SOURCE_OPTIONS[`${v.source}/${v.file}`]?.options ?? {};
  return { scheme: t.scheme, options: { ...t.options, ...extra } };
}

/** Whether disagreements of this vector's source must be documented (every source; oracles per GATES). */
export function isGated(v: Vector): boolean {
  if (!v.source.startsWith('oracle/')) return true;
  const gate = GATES[v.source.slice('oracle/'.length)];
  return gate !== undefined && (gate.schemes === 'all' || gate.schemes.includes(v.file));
}

/** Runs the vectors and classifies each. */
export function evaluate(vectors: readonly Vector[], exceptions: ReadonlyMap<string, Exception> = loadExceptions()): Result[] {
  const available = new Set(listSchemes().map((s) => s.id));
  return vectors.map((vector) => {
    const target = targetOf(vector, available);
    if (target === undefined) return { vector, status: 'not implemented' };
    const actual = romanize(vector.input, { scheme: target.scheme, ...target.options });
    const expected = vector.expected.normalize('NFC');
    const ex = exceptions.get(key(vector.source, vector.file, vector.input));
    if (actual === expected) return ex === undefined ? { vector, status: isGated(vector) ? 'passed' : 'agrees', actual } : { vector, status: 'passed', actual, stale: true };
    if (!isGated(vector)) return { vector, status: 'disagrees', actual };
    if (ex !== undefined && ex.actual.normalize('NFC') === actual && ex.expected.normalize('NFC') === recordedExpected(vector, expected)) {
      return { vector, status: 'exception', actual };
    }
    return { vector, status: 'failed', actual };
  });
}

export interface TableRow {
  source: string;
  file: string;
  scheme: string;
  counts: Record<Status, number>;
  stale: number;
}

/** Counts per source and conformance scheme. */
export function tabulate(results: readonly Result[]): TableRow[] {
  const rows = new Map<string, TableRow>();
  const available = new Set(listSchemes().map((s) => s.id));
  for (const r of results) {
    const k = `${r.vector.source}\u0000${r.vector.file}`;
    let row = rows.get(k);
    if (row === undefined) {
      const t = targetOf(r.vector, available);
      row = { source: r.vector.source, file: r.vector.file, scheme: t === undefined ? '—' : `${t.scheme}${Object.keys(t.options).length ? ` ${JSON.stringify(t.options)}` : ''}`, counts: { passed: 0, exception: 0, failed: 0, 'not implemented': 0, agrees: 0, disagrees: 0 }, stale: 0 };
      rows.set(k, row);
    }
    row.counts[r.status]++;
    if (r.stale) row.stale++;
  }
  return [...rows.values()].sort((a, b) => (a.source.startsWith('oracle/') ? 1 : 0) - (b.source.startsWith('oracle/') ? 1 : 0) || a.source.localeCompare(b.source) || a.file.localeCompare(b.file));
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** The table as text (Markdown). */
export function formatTable(rows: readonly TableRow[]): string {
  const head = ['source', 'scheme (folder id)', 'latinitsa scheme', 'passed', 'exception', 'failed', 'not impl.', 'info: agree/disagree'];
  const body = rows.map((r) => [
    r.source,
    r.file,
    r.scheme,
    String(r.counts.passed),
    String(r.counts.exception),
    String(r.counts.failed),
    String(r.counts['not implemented']),
    r.counts.agrees + r.counts.disagrees > 0 ? `${r.counts.agrees}/${r.counts.disagrees}` : '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => pad(c, widths[i]!)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

function main(argv: string[]): number {
  const started = performance.now();
  const vectors = loadVectors();
  const results = evaluate(vectors);
  const rows = tabulate(results);
  const sharedPresent = existsSync(sharedVectorsDir);
  console.log(`latinitsa conformance: ${vectors.length} vectors (repository fixtures${sharedPresent ? ' + ../shared/conformance' : '; ../shared/conformance not found'})\n`);
  console.log(formatTable(rows));
  const total = (s: Status): number => results.filter((r) => r.status === s).length;
  const stale = results.filter((r) => r.stale);
  console.log(`\npassed ${total('passed')}, documented exceptions ${total('exception')}, failed ${total('failed')}, not implemented ${total('not implemented')}; informational oracles: ${total('agrees')} agree, ${total('disagrees')} disagree (${Math.round(performance.now() - started)} ms)`);
  console.log('\nGating oracles:');
  for (const [name, g] of Object.entries(GATES)) console.log(`  ${name}: ${g.schemes === 'all' ? 'all schemes' : g.schemes.length ? g.schemes.join(', ') : 'none'} — ${g.why}`);
  if (stale.length > 0) {
    console.log(`\n${stale.length} listed exceptions now pass; remove them from ${path.relative(root, exceptionsFile)}:`);
    for (const r of stale) console.log(`  ${r.vector.source}\t${r.vector.file}\t${JSON.stringify(r.vector.input)}`);
  }
  const failed = results.filter((r) => r.status === 'failed');
  if (argv.includes('--failures')) {
    for (const r of failed) console.log(`FAILED ${r.vector.source} ${r.vector.file}: ${JSON.stringify(r.vector.input)}\n  expected ${JSON.stringify(recordedExpected(r.vector, r.vector.expected))}\n  actual   ${JSON.stringify(r.actual)}`);
  }
  const w = argv.indexOf('--write-exceptions');
  if (w >= 0 && argv[w + 1] !== undefined) {
    const lines = failed.map((r) => [r.vector.source, r.vector.file, r.vector.input, recordedExpected(r.vector, r.vector.expected.normalize('NFC')), r.actual ?? '', '', '', ''].map(escapeTsv).join('\t'));
    writeFileSync(argv[w + 1]!, `${lines.join('\n')}\n`);
    console.log(`\nwrote ${lines.length} failures to ${argv[w + 1]}`);
  }
  if (failed.length > 0) {
    console.log(`\n${failed.length} undocumented failures (run with --failures to list them).`);
    return 1;
  }
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
