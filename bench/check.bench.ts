// Benchmark of the manuscript checker (docs/check.md) on a 600,000-character English manuscript:
// the test corpus (test/fixtures/manuscripts) repeated, with sentences naming 4,000 different
// Russian surnames (russian_name package, romanized with modified-loc) so that the checker meets
// many distinct words, as in a real book. Run: node --import tsx bench/check.bench.ts
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { checkDocuments, romanize } from '../src/index.ts';
import { markdownRegions } from '../src/document/index.ts';
import { loadLexicon } from '../src/io/lexicon.ts';
import { haveRealtext, realtextDir, realtextSplit } from '../test/support/realtext.ts';

const root = path.resolve(import.meta.dirname, '..');
const dir = path.join(root, 'test', 'fixtures', 'manuscripts');
const require = createRequire(import.meta.url);
const surnames = (require('russian_name/json/surnames_male.json') as Array<{ surname: string }>).filter((_, i) => i % 40 === 0).slice(0, 4000).map((s) => s.surname);
const names = surnames.map((s) => romanize(s, { scheme: 'modified-loc' }));
const parts = ['book.md', 'clean.md'].map((f) => readFileSync(path.join(dir, f), 'utf8'));
const target = 600_000;
let text = '';
let k = 0;
while (text.length < target) {
  text += parts[k % parts.length] + '\n\n';
  const extra: string[] = [];
  for (let j = 0; j < 60; j++) extra.push(`${names[(k * 60 + j) % names.length]} wrote to ${names[(k * 60 + j + 1) % names.length]} in the spring.`);
  text += extra.join(' ') + '\n\n';
  k++;
}
text = text.slice(0, target);
// As the command checks: the Russian lexicon loaded (its load is not timed), findings from `likely` up.
const lexicon = await loadLexicon();
const config = { scheme: 'modified-loc', notesScheme: 'ala-lc-simplified', minConfidence: 'likely' as const, ...(lexicon === undefined ? {} : { lexicon }) };
const runs: number[] = [];
let found = 0;
for (let r = 0; r < 3; r++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const regions = markdownRegions(text);
  const t1 = performance.now();
  found = checkDocuments([{ text, regions }], config).length;
  const t2 = performance.now();
  const cpu = process.cpuUsage(c0);
  runs.push(t2 - t0);
  console.log(`run ${r + 1}: parse ${(t1 - t0).toFixed(0)} ms + check ${(t2 - t1).toFixed(0)} ms; ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms of CPU`);
}
console.log(`${text.length} characters, ${found} findings; best ${Math.min(...runs).toFixed(0)} ms, first ${runs[0]!.toFixed(0)} ms (the first run reads every word; later runs reuse the readings cached in the process, as the page does)`);

// The realtext corpus (3 MB of Wikipedia articles, outside the repository), when present: all
// articles as one work, as `latinitsa check ../shared/realtext/wikipedia-*.md` checks them.
if (haveRealtext) {
  const documents = [...realtextSplit().keys()].map((file) => ({ file, text: readFileSync(path.join(realtextDir, file), 'utf8') }));
  for (let r = 0; r < 2; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const withRegions = documents.map((d) => ({ ...d, regions: markdownRegions(d.text) }));
    const t1 = performance.now();
    const n = checkDocuments(withRegions, config).length;
    const t2 = performance.now();
    const cpu = process.cpuUsage(c0);
    console.log(`realtext run ${r + 1}: ${documents.reduce((a, d) => a + d.text.length, 0)} characters, parse ${(t1 - t0).toFixed(0)} ms + check ${(t2 - t1).toFixed(0)} ms (${((cpu.user + cpu.system) / 1000).toFixed(0)} ms of CPU), ${n} findings`);
  }
}
