/**
 * The checker's precision on every corpus still held out (`heldOutCorpora` in
 * test/support/realtext.ts; docs/check.md "Where it stands"), as their tests and the notes measure
 * it, in one command (`npm run measure:held-out`):
 *
 *   node --import tsx scripts/held-out.ts [--corpora a,b,…] [--no-score-model] [--issue-convention] [--out DIR]
 *
 * Each corpus is checked as its test checks it: all its files as one work, once without a scheme and
 * once with `wikipedia`; a corpus whose SOURCES.tsv has a `scheme` column (each author's own) checks
 * every file as its own work, without a scheme and then with each scheme its authors write. Findings
 * from `likely` up (the command's default), each given the verdict of the corpus's judged.tsv.
 * Printed: per run, the judged findings, how many are true, the precision, the `certain` band's
 * (what `--fix` applies), and the findings no judge saw (a change that makes new findings has them:
 * judge them before quoting a figure); then the pooled figures per kind of text (`heldOutKinds`: books,
 * Wikipedia articles that mention Russia or are about it, essays) and over all runs.
 * `--out DIR` writes each run's findings with their verdicts (check-realtext.ts's columns), for
 * comparing two versions of the checker row by row. `--issue-convention` reads every held-out
 * corpus's false rows as the issue's own judged findings would (each corpus's
 * judged-issue-convention.tsv; docs/check.md "How findings are judged"). A corpus whose
 * texts are kept outside the repository (realtext38) is read from ../<corpus>-texts beside it, and
 * skipped, saying so, when they are absent.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadLexicon } from '../src/io/lexicon.ts';
import { fixturesDir } from '../test/support/fixtures.ts';
import { checkCorpusWorks, corpusSplit, declaredSchemes, filesOfRun, heldOutCorpora, heldOutKinds, judgedCounts, judgedKey, readJudged, runName } from '../test/support/realtext.ts';

const { values } = parseArgs({ options: { corpora: { type: 'string' }, 'no-score-model': { type: 'boolean', default: false }, out: { type: 'string' }, 'issue-convention': { type: 'boolean', default: false } } });
// Without `--corpora`, a held-out corpus not judged yet (no judged.tsv: realtext62, realtext63) is
// left out and named; a corpus asked for by name must be judged.
const notJudged = (c: string): boolean => !existsSync(path.join(fixturesDir, c, 'judged.tsv'));
const corpora = values.corpora?.split(',') ?? heldOutCorpora.filter((c) => !notJudged(c));
if (values.corpora === undefined && corpora.length < heldOutCorpora.length) console.log(`not judged yet, left out: ${heldOutCorpora.filter(notJudged).join(', ')}`);
const unknown = corpora.filter(notJudged);
if (unknown.length > 0) throw new Error(`no judged corpus in test/fixtures: ${unknown.join(', ')}`);
if (values.out !== undefined) mkdirSync(values.out, { recursive: true });

/** Judged true and false findings over all and in the certain band, and the unjudged ones. */
interface Tally { t: number; f: number; ct: number; cf: number; u: number }
const add = (a: Tally, b: Tally): void => { a.t += b.t; a.f += b.f; a.ct += b.ct; a.cf += b.cf; a.u += b.u; };
const empty = (): Tally => ({ t: 0, f: 0, ct: 0, cf: 0, u: 0 });
const ratio = (t: number, f: number): string => (t + f === 0 ? '–' : `${(t / (t + f)).toFixed(3)} (${t}/${t + f})`);

// The measurements read with the shipped lexicon, as the command does: without it the figures are another checker's.
const lexicon = await loadLexicon();
if (lexicon === undefined) throw new Error('no lexicon: build it first (npm run build)');
const pooled = new Map<string, Tally>();
const lines = ['| corpus | kind | run | precision | certain band | unjudged |', '|---|---|---|---|---|---|'];
for (const c of corpora) {
  const fixture = path.join(fixturesDir, c);
  // A corpus whose texts may not be stored here (in copyright, or without a licence) keeps them
  // beside the repository, in ../<corpus>-texts, as its README says; without them it is skipped.
  const outside = path.resolve(fixturesDir, '..', '..', '..', `${c}-texts`);
  const dir = corpusSplit(fixture).size > 0 ? fixture : outside;
  if (!existsSync(dir)) {
    lines.push(`| ${c} | – | – | texts absent (${path.relative(process.cwd(), outside)}) | – | – |`);
    continue;
  }
  const files = [...corpusSplit(dir).keys()];
  const sources = path.join(fixture, 'SOURCES.tsv');
  const declared = existsSync(sources) && readFileSync(sources, 'utf8').split('\n', 1)[0]!.split('\t').includes('scheme') ? declaredSchemes(sources) : undefined;
  // A corpus whose authors write no scheme says `none` (realtext13): its files are checked in the run without one.
  const schemes = declared === undefined ? ['wikipedia'] : [...new Set(declared.values())].filter((s) => s !== '' && s !== '-' && s !== 'none');
  const judged = readJudged(path.join(fixture, 'judged.tsv'));
  // `--issue-convention`: a corpus judged by a stricter convention than the issue's own judged
  // findings keeps a second reading of its false rows (judged-issue-convention.tsv), which wins.
  const second = path.join(fixture, 'judged-issue-convention.tsv');
  if (values['issue-convention'] && existsSync(second)) for (const [k, j] of readJudged(second, { verdict: 'verdict_issue' })) judged.set(k, { ...judged.get(k)!, verdict: j.verdict });
  const kind = heldOutKinds[c] ?? 'tuning';
  for (const scheme of [undefined, ...schemes]) {
    const run = runName(scheme);
    const works = await checkCorpusWorks(dir, filesOfRun(files, scheme, declared), {
      each: declared !== undefined,
      check: { lexicon, ...(scheme === undefined ? {} : { scheme }), ...(values['no-score-model'] ? { learnedScore: false } : {}) },
    });
    const found = works.flatMap((w) => w.found);
    const { counts, unjudged } = judgedCounts(judged, run, found);
    const [t, f] = counts['all'] ?? [0, 0];
    const [ct, cf] = counts['certain'] ?? [0, 0];
    const tally: Tally = { t, f, ct, cf, u: unjudged };
    lines.push(`| ${c} | ${kind} | ${run} | ${ratio(t, f)} | ${ratio(ct, cf)} | ${unjudged} |`);
    for (const k of [kind, 'all']) add(pooled.get(k) ?? pooled.set(k, empty()).get(k)!, tally);
    if (values.out !== undefined) {
      const rows = found.map((d) => {
        const j = judged.get(judgedKey(run, d));
        return [d.file, d.place.start.line, d.actual, d.expected[0] ?? '', d.ruleId, j?.verdict ?? '?', j?.cause ?? '', run, d.place.start.column, d.confidence].join('\t');
      });
      writeFileSync(path.join(values.out, `${c}-${run}.tsv`), ['file\tline\tword\tsuggestion\trule\tverdict\tcause\trun\tcolumn\tconfidence', ...rows].join('\n') + '\n');
    }
  }
}
lines.push('', '| pooled | precision | certain band | unjudged |', '|---|---|---|---|');
for (const [k, t] of [...pooled].sort(([a], [b]) => Number(a === 'all') - Number(b === 'all') || a.localeCompare(b))) lines.push(`| ${k} | ${ratio(t.t, t.f)} | ${ratio(t.ct, t.cf)} | ${t.u} |`);
console.log(`Held-out corpora, checker ${values['no-score-model'] ? 'without' : 'with'} its learned score; findings from likely up${values['issue-convention'] ? "; false rows read again by the issue's convention where a corpus has that reading" : ''}.\n`);
console.log(lines.join('\n'));
