/**
 * The checker's recall on variants planted by rule into real prose nobody on the project wrote
 * (docs/check.md, "Recall on variants planted into real prose"). The project's own planted corpus
 * (test/fixtures/manuscripts) was written here and tuned on; this plants slips of romanization into
 * the texts of a real corpus by a fixed rule and asks whether `latinitsa check` reports each one.
 *
 *   node --import tsx scripts/planted-recall.ts --corpus DIR [--corpus DIR2 …] [--scheme ID] [--per-file 5] [--seed 1] [--list] [--out FILE]
 *
 * **The rule.** In each text (checked as its own work, as `latinitsa check FILE` checks it):
 * 1. A candidate is a capitalised Latin word (a letter in upper case, then letters in lower case)
 *    that the text writes at least {@link MIN_COUNT} times in running text (not notes, not a block
 *    quotation, not italics, not inside a file name or address), and that reads as one Russian
 *    name: of its readings in the schemes of {@link SOURCE_SCHEMES} (the reverse engine with the
 *    shipped lexicon, `deromanizeDetailed`), the best the lexicon knows is a given name,
 *    patronymic, surname or proper name and outranks every other one the lexicon knows by
 *    {@link READING_MARGIN}; not a word the reverse engine takes for English in any of those
 *    schemes (York, Paris).
 * 2. Its variant is that Cyrillic word as another scheme of {@link VARIANT_SCHEMES} writes it (the
 *    schemes in the order a seeded shuffle gives), the first that differs from the text's spelling
 *    by more than apostrophes, in plain ASCII letters, and is written nowhere in the text; with a
 *    declared scheme, not the scheme's own spelling of the word (that is no slip under it).
 * 3. Up to `--per-file` candidates per text (default 5; a seeded draw), each a different Cyrillic
 *    word: one occurrence of each (the middle one) is replaced by its variant.
 * 4. The planted text is checked (with `--scheme` when given). A plant is **found** when a finding
 *    from `likely` up starts where it stands and its `actual` is the planted spelling (one below
 *    `likely` is shown in the list's evidence column, not counted); it
 *    is **fixed** when that finding's fix (or, without a fix, its first `expected`) is the text's
 *    spelling again (with a scheme: or the scheme's spelling of the word).
 *
 * Nothing in the rule reads the checker's lists or weights; the readings come from the reverse
 * engine and its lexicon, which the checker shares (a plant whose word the lexicon does not know is
 * not made: the figure is recall on names the lexicon knows).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { checkDocuments, deromanizeDetailed, readDocument, romanize, type CheckDiagnostic } from '../src/index.ts';
import type { Lexicon } from '../src/reverse/index.ts';
import { documentFormatOf } from '../src/document/index.ts';
import { loadLexicon } from '../src/io/lexicon.ts';
import { parseConfidence } from '../src/check/confidence.ts';
import { corpusSplit } from '../test/support/realtext.ts';
import { seeded } from './seeded.ts';
import { normalSpelling, recallLine } from './variant-recall.ts';

/** How often a spelling must stand in a text's running text to be planted on. */
export const MIN_COUNT = 3;
/** The schemes a spelling of the text is read in. */
export const SOURCE_SCHEMES = ['wikipedia', 'bgn-pcgn', 'ala-lc-simplified', 'modified-loc', 'icao-9303'] as const;
/** The schemes a variant is written in: the same ones English prose is written in. */
export const VARIANT_SCHEMES = SOURCE_SCHEMES;
const NAME_KINDS = new Set(['given', 'patronymic', 'surname', 'proper']);
/** The command's default: findings from `likely` up. */
const LIKELY = parseConfidence('likely');

/** A planted variant. */
export interface Plant {
  file: string;
  /** Offset of the planted word in the planted text, and its line and column (1-based). */
  offset: number;
  line: number;
  column: number;
  original: string;
  variant: string;
  cyrillic: string;
  variantScheme: string;
  /** How often the text writes the original. */
  count: number;
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** How far (log10 units) the best reading must rank above any other name the spelling may stand for. */
export const READING_MARGIN = 1;

/**
 * The Russian name a spelling reads as: of the readings the schemes of {@link SOURCE_SCHEMES} give
 * it (the reverse engine with the lexicon), the best-scored one the lexicon calls a name, when it
 * ranks at least {@link READING_MARGIN} above every other reading the lexicon knows; else undefined.
 */
export function readingOf(word: string, lexicon: Lexicon): string | undefined {
  const scores = new Map<string, { score: number; name: boolean }>();
  for (const scheme of SOURCE_SCHEMES) {
    const reading = deromanizeDetailed(word, { scheme, lexicon }).words[0];
    // A word the reverse engine takes for English in any scheme (York, Paris) is left alone.
    if (reading?.reason === 'english') return undefined;
    for (const c of reading?.candidates ?? []) {
      if (c.attested.length === 0) continue;
      const seen = scores.get(c.text);
      if (seen === undefined || seen.score < c.score) scores.set(c.text, { score: c.score, name: c.attested.some((k) => NAME_KINDS.has(k)) });
    }
  }
  const ranked = [...scores].sort((a, b) => b[1].score - a[1].score);
  const [best, next] = ranked;
  if (best === undefined || !best[1].name || (next !== undefined && best[1].score - next[1].score < READING_MARGIN)) return undefined;
  return best[0];
}

/** The plants of one text (see the rule at the top of this file). */
export function plantText(file: string, text: string, lexicon: Lexicon, options: { perFile: number; random: () => number; scheme?: string }): { text: string; plants: Plant[] } {
  const doc = readDocument({ text, format: documentFormatOf(file) as 'text' | 'markdown' });
  const italics = doc.emphasis ?? [];
  const inRunningText = (start: number, end: number): boolean =>
    doc.regions.some((r) => r.kind === 'text' && r.quoted !== true && r.start <= start && end <= r.end) && !italics.some(([a, b]) => a < end && start < b);
  const words = new Map<string, number[]>();
  // A word, not part of a file name, a path or an address (Natalia_Toreeva_1997.jpg, /wiki/Kirov).
  for (const m of text.matchAll(/(?<![\p{L}\p{M}\p{N}'’_\/.-])\p{Lu}\p{Ll}+(?![\p{L}\p{M}\p{N}'’_\/-]|\.\p{L})/gu)) {
    const at = m.index;
    if (inRunningText(at, at + m[0].length)) (words.get(m[0]) ?? words.set(m[0], []).get(m[0])!).push(at);
  }
  const written = new Set([...text.matchAll(/[\p{L}'’]+/gu)].map((m) => normalSpelling(m[0])));
  const candidates: Array<{ word: string; at: number[]; cyrillic: string }> = [];
  for (const [word, at] of [...words].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))) {
    if (at.length < MIN_COUNT) continue;
    const cyrillic = readingOf(word, lexicon);
    if (cyrillic === undefined) continue;
    candidates.push({ word, at, cyrillic });
  }
  const chosen: Array<{ word: string; at: number; cyrillic: string; variant: string; scheme: string; count: number }> = [];
  const cyrillicTaken = new Set<string>();
  for (const c of shuffled(candidates, options.random)) {
    if (chosen.length >= options.perFile) break;
    if (cyrillicTaken.has(c.cyrillic.toLowerCase())) continue;
    const variant = shuffled(VARIANT_SCHEMES, options.random)
      .map((scheme) => ({ scheme, text: romanize(c.cyrillic, { scheme }) }))
      .find((v) => /^[A-Za-z'’]+$/u.test(v.text) && normalSpelling(v.text) !== normalSpelling(c.word) && !written.has(normalSpelling(v.text)) && (options.scheme === undefined || normalSpelling(v.text) !== normalSpelling(romanize(c.cyrillic, { scheme: options.scheme }))));
    if (variant === undefined) continue;
    cyrillicTaken.add(c.cyrillic.toLowerCase());
    chosen.push({ word: c.word, at: c.at[Math.floor(c.at.length / 2)]!, cyrillic: c.cyrillic, variant: variant.text, scheme: variant.scheme, count: c.at.length });
  }
  // Replace from the end, so that earlier offsets stay put; then locate each plant in the new text.
  let out = text;
  for (const c of [...chosen].sort((a, b) => b.at - a.at)) out = out.slice(0, c.at) + c.variant + out.slice(c.at + c.word.length);
  const plants: Plant[] = [];
  for (const c of chosen) {
    const shift = chosen.filter((o) => o.at < c.at).reduce((n, o) => n + o.variant.length - o.word.length, 0);
    const offset = c.at + shift;
    const before = out.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    plants.push({ file, offset, line, column, original: c.word, variant: c.variant, cyrillic: c.cyrillic, variantScheme: c.scheme, count: c.count });
  }
  return { text: out, plants };
}

/** A plant and what the checker made of it. */
export interface PlantResult extends Plant {
  found: boolean;
  fixed: boolean;
  evidence: string;
}

/** The plants of a corpus folder's texts, each text checked as its own work. */
export function corpusPlants(dir: string, lexicon: Lexicon, options: { scheme?: string; perFile: number; seed: number }): PlantResult[] {
  const random = seeded(options.seed);
  const results: PlantResult[] = [];
  for (const file of corpusSplit(dir).keys()) {
    if (documentFormatOf(file) === 'docx') continue;
    const original = readFileSync(path.join(dir, file), 'utf8');
    const { text, plants } = plantText(file, original, lexicon, { perFile: options.perFile, random, ...(options.scheme === undefined ? {} : { scheme: options.scheme }) });
    if (plants.length === 0) continue;
    const doc = readDocument({ text, format: documentFormatOf(file) as 'text' | 'markdown' });
    // Checked at every confidence, so that a plant reported below the command's default shows as such.
    const all = checkDocuments([{ file, ...doc }], { lexicon, minConfidence: 0, ...(options.scheme === undefined ? {} : { scheme: options.scheme }) });
    for (const p of plants) {
      const at = all.find((f) => f.place.start.line === p.line && f.place.start.column === p.column && f.actual === p.variant);
      const d: CheckDiagnostic | undefined = at !== undefined && at.confidence >= LIKELY ? at : undefined;
      const target = d === undefined ? undefined : (d.fix?.text ?? d.expected[0]);
      const schemeSpelling = options.scheme === undefined ? undefined : romanize(p.cyrillic, { scheme: options.scheme });
      const fixed = target !== undefined && (normalSpelling(target) === normalSpelling(p.original) || (schemeSpelling !== undefined && normalSpelling(target) === normalSpelling(schemeSpelling)));
      const shown = d ?? at;
      results.push({ ...p, found: d !== undefined, fixed, evidence: shown === undefined ? '' : `${shown.ruleId} → ${shown.fix?.text ?? shown.expected[0] ?? ''} (${shown.confidence.toFixed(2)})` });
    }
  }
  return results;
}

function main(): void {
  const { values } = parseArgs({ options: { corpus: { type: 'string', multiple: true }, scheme: { type: 'string' }, 'per-file': { type: 'string', default: '5' }, seed: { type: 'string', default: '1' }, list: { type: 'boolean', default: false }, out: { type: 'string' } } });
  const corpora = values.corpus ?? [];
  if (corpora.length === 0) throw new Error('usage: planted-recall.ts --corpus DIR [--corpus DIR2 …] [--scheme ID] [--per-file 5] [--seed 1] [--list] [--out FILE]');
  void run(corpora, values);
}

async function run(corpora: string[], values: { scheme?: string; 'per-file'?: string; seed?: string; list?: boolean; out?: string }): Promise<void> {
  const lexicon = await loadLexicon();
  if (lexicon === undefined) throw new Error('no lexicon: build it first (npm run build)');
  const options = { perFile: Number(values['per-file']), seed: Number(values.seed), ...(values.scheme === undefined ? {} : { scheme: values.scheme }) };
  console.log(`Recall on variants planted into real prose; ${values.scheme === undefined ? 'no scheme' : `--scheme ${values.scheme}`}; findings from likely up; ${options.perFile} per text at most, seed ${options.seed}.\n`);
  const all: Array<PlantResult & { corpus: string }> = [];
  for (const dir of corpora) {
    const results = corpusPlants(dir, lexicon, options).map((r) => ({ ...r, corpus: path.basename(dir) }));
    all.push(...results);
    const k = results.filter((r) => r.found).length;
    console.log(`${path.basename(dir)}: found ${recallLine(k, results.length)}; found with the text's spelling (or the scheme's) as the fix ${results.filter((r) => r.fixed).length}`);
  }
  const k = all.filter((r) => r.found).length;
  console.log(`pooled: found ${recallLine(k, all.length)}; fixed ${recallLine(all.filter((r) => r.fixed).length, all.length)}`);
  const rows = ['corpus\tfile\tline\tcolumn\toriginal\tcount\tvariant\tvariant_scheme\tcyrillic\tfound\tfixed\tevidence', ...all.map((r) => [r.corpus, r.file, r.line, r.column, r.original, r.count, r.variant, r.variantScheme, r.cyrillic, r.found, r.fixed, r.evidence].join('\t'))];
  if (values.list === true) console.log(`\n${rows.filter((r, i) => i === 0 || r.includes('\tfalse\t')).join('\n')}`);
  if (values.out !== undefined) writeFileSync(values.out, `${rows.join('\n')}\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
