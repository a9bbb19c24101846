/**
 * Runs the manuscript checker on the realtext corpus (../shared/realtext: 99 English Wikipedia
 * articles, test/fixtures/realtext/README.md) and writes its findings as TSV rows in the columns
 * of the judged fixture, marked with the part of the seeded split they fall in
 * (test/fixtures/realtext/split.tsv). With `--judged FILE`, each finding takes its verdict from
 * the judged file and the precision per part is printed.
 *
 *   node --import tsx scripts/check-realtext.ts [--corpus DIR [--each] [--declared SOURCES.tsv]] [--scheme ID | --scheme-file FILE] [-O NAME=VALUE…] [--part tuning|held-out|all]
 *        [--no-lexicon] [--no-conventional] [--min-confidence C] [--judged FILE] [--out FILE]
 *        [--sample N [--seed S]] [--no-score-model] [--features FILE]
 *
 * `--corpus DIR` checks another corpus instead: all its Markdown articles (`*.md`), plain-text
 * books (`*.txt`) and .docx manuscripts, each read as `latinitsa check` reads it, every one
 * labelled held-out (test/fixtures/realtext2/ to realtext10/, whose READMEs say how each was made;
 * realtext9's and realtext10's texts are kept outside the repository, in ../realtext9-texts and
 * ../realtext10-texts).
 * `--each` checks every file as its own work, as `latinitsa check <file>` once per file does
 * (realtext8's manuscripts, each by its own author), instead of all of them as one work.
 * `--declared SOURCES.tsv` (a corpus whose authors write different schemes, realtext10): with
 * `--scheme ID`, only the files whose `scheme` column there is ID are checked, each with the scheme
 * its author writes; without a scheme, all of them.
 *
 * `--scheme-file FILE` checks with a scheme of one's own (docs/check.md "Settings": a modification
 * no option expresses, realtext9's declared system in test/fixtures/realtext9/scheme.json); the run
 * is named by the file's scheme id (`scheme=realtext9-lc`).
 *
 * `--sample N` writes a seeded random sample of N findings (those with the smallest seeded hash
 * of their place and words; default seed 14) instead of all, for judging by hand.
 *
 * `--no-score-model` checks without the learned score (docs/check.md "A learned score"): what it
 * changes, and the findings its weights are fitted on. `--features FILE` writes every finding's
 * features (src/check/features.ts) with its verdict, one row each (scripts/train-check-model.ts).
 *
 * `--part tuning` checks the tuning articles alone (what the checker was tuned on); `all` (the
 * default) checks all 99 as one work, as `latinitsa check ../shared/realtext/wikipedia-*.md` does;
 * `--min-confidence` defaults to the command's `likely`.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CheckDiagnostic as Diagnostic } from '../src/index.ts';
import { parseConfidence } from '../src/check/index.ts';
import { loadLexicon } from '../src/io/lexicon.ts';
import { parseOptionPairs } from '../src/cli/args.ts';
import { schemeFromFlags } from '../src/cli/scheme-file.ts';
import { findingFeatures } from '../src/check/score.ts';
import { checkCorpusWorks, corpusSplit, declaredSchemes, filesOfRun, judgedKey, readJudged, realtextDir, realtextSplit, runName } from '../test/support/realtext.ts';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    each: { type: 'boolean' },
    declared: { type: 'string' },
    scheme: { type: 'string' },
    'scheme-file': { type: 'string' },
    option: { type: 'string', short: 'O', multiple: true },
    part: { type: 'string', default: 'all' },
    'no-lexicon': { type: 'boolean' },
    'no-conventional': { type: 'boolean' },
    'min-confidence': { type: 'string', default: 'likely' },
    judged: { type: 'string' },
    sample: { type: 'string' },
    seed: { type: 'string', default: '14' },
    out: { type: 'string' },
    'no-score-model': { type: 'boolean' },
    features: { type: 'string' },
  },
});
const corpusDir = values.corpus ?? realtextDir;
if (!existsSync(corpusDir)) throw new Error(`no corpus at ${corpusDir}`);
const split = values.corpus === undefined ? realtextSplit() : corpusSplit(corpusDir);
const declared = values.declared === undefined ? undefined : declaredSchemes(values.declared);
// The scheme as the command reads its pair of flags: an id, or a file of one's own.
const scheme = await schemeFromFlags('check-realtext', { id: values.scheme, file: values['scheme-file'] }, process.cwd());
const schemeId = typeof scheme === 'object' ? scheme.id : scheme;
const files = filesOfRun([...split.keys()].filter((f) => values.part === 'all' || split.get(f) === values.part), schemeId, declared);
const lexicon = values['no-lexicon'] === true ? undefined : await loadLexicon();
// A declared modification of the scheme (docs/check.md, Settings): its options, named in the run.
const schemeOptions = parseOptionPairs('check-realtext', values.option);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const checkOptions = {
  ...(scheme === undefined ? {} : { scheme }),
  ...(Object.keys(schemeOptions).length === 0 ? {} : { schemeOptions }),
  ...(lexicon === undefined ? {} : { lexicon }),
  ...(values['no-conventional'] === true ? { builtInConventional: false } : {}),
  ...(values['no-score-model'] === true ? { learnedScore: false } : {}),
  minConfidence: parseConfidence(values['min-confidence']!),
};
const works = await checkCorpusWorks(corpusDir, files, { each: values.each === true, check: checkOptions });
const found = works.flatMap((w) => w.found);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const run = runName(schemeId, schemeOptions);
const judged = values.judged === undefined ? undefined : readJudged(values.judged);
const rows = ['file\tline\tword\tsuggestion\trule\tverdict\tcause\trun\tcolumn\tconfidence\tpart\tnote\tcyrillic\tgroup'];
const tally = new Map<string, { t: number; f: number; u: number }>();
for (const d of found) {
  const part = split.get(d.file!)!;
  const j = judged?.get(judgedKey(run, d));
  const verdict = j?.verdict ?? '?';
  for (const k of [part, `${part} ${d.ruleId}`, `${part} ${d.data?.confidence}`]) {
    const c = tally.get(k) ?? { t: 0, f: 0, u: 0 };
    if (verdict === 'true') c.t++;
    else if (verdict === 'false') c.f++;
    else c.u++;
    tally.set(k, c);
  }
  rows.push([d.file, d.place.start.line, d.actual, d.expected[0] ?? '', d.ruleId, verdict, j?.cause ?? '', run, d.place.start.column, d.confidence, part, j?.note ?? '', String(d.data?.['cyrillic'] ?? ''), d.note ?? ''].join('\t'));
}
if (values.out !== undefined) {
  let body = rows.slice(1);
  if (values.sample !== undefined) {
    // The sample is the N findings whose seeded hash of their key is smallest: a finding keeps its
    // place in the sample while the checker changes around it.
    const hash = (text: string): number => {
      let h = (Number(values.seed) ^ 0x9e3779b9) >>> 0;
      for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x85ebca6b) >>> 0;
      h ^= h >>> 13;
      return Math.imul(h, 0xc2b2ae35) >>> 0;
    };
    // The key is the row's first nine columns as an unjudged row has them (verdict `?`, no
    // cause), so `--judged` does not change which findings are drawn.
    const keyOf = (row: string): string => {
      const c = row.split('\t').slice(0, 9);
      c[5] = '?';
      c[6] = '';
      return c.join('\t');
    };
    const chosen = new Set([...body].sort((x, y) => hash(keyOf(x)) - hash(keyOf(y))).slice(0, Number(values.sample)));
    body = body.filter((row) => chosen.has(row));
  }
  writeFileSync(values.out, [rows[0], ...body].join('\n') + '\n');
}
if (values.features !== undefined) {
  // Each finding's features as the checker computes them for its score, over the work it was found in.
  const featureRows: Array<[Diagnostic, Record<string, number | string>]> = [];
  for (const w of works) {
    const features = findingFeatures(w.documents, checkOptions);
    for (const dg of w.found) featureRows.push([dg, features({ dg, doc: w.documents.findIndex((d) => d.file === dg.file) })]);
  }
  const names = [...new Set(featureRows.flatMap(([, f]) => Object.keys(f)))];
  const lines = featureRows.map(([d, f]) => [d.file, d.place.start.line, d.place.start.column, d.actual, d.expected[0] ?? '', judged?.get(judgedKey(run, d))?.verdict ?? '?', String(d.data?.['cyrillic'] ?? ''), ...names.map((n) => f[n] ?? '')].join('\t'));
  writeFileSync(values.features, [['file', 'line', 'column', 'word', 'suggestion', 'verdict', 'cyrillic', ...names].join('\t'), ...lines].join('\n') + '\n');
}
console.log(`${run}, part ${values.part}${values.each === true ? ', each file its own work' : ''}: ${files.length} files, ${found.length} findings in ${(ms / 1000).toFixed(2)} s (${((cpu.user + cpu.system) / 1e6).toFixed(2)} s of CPU)`);
for (const [k, c] of [...tally].sort()) {
  const p = c.t + c.f === 0 ? NaN : c.t / (c.t + c.f);
  console.log(`  ${k}: ${c.t + c.f + c.u} findings, ${c.t} true, ${c.f} false, ${c.u} unjudged; precision ${p.toFixed(3)}`);
}
export type { Diagnostic };
