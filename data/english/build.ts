// Builds src/check/data/english.json: the English words (from the `word-list` package, MIT,
// Sindre Sorhus, words from atebits/Words en.txt, plus the proper nouns of data/english/proper.txt) that could pass for romanized Russian, i.e.
// whose cheapest Cyrillic reading costs no more than the checker's plausibility threshold plus a
// margin. Other English words (with th, c, w, h, x…) never reach the checker's word test, so
// leaving them out keeps the browser bundle small. Run: node --import tsx data/english/build.ts
// (again whenever src/check/data/inverse.json changes; test/check-english.test.ts checks that).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import wordListPath from 'word-list';
import { cyrillicCandidates, candidateThresholds } from '../../src/check/candidates.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const common = readFileSync(wordListPath, 'utf8').split('\n');
// Proper nouns the package lacks (months, nations, English given names): data/english/proper.txt.
const proper = readFileSync(path.join(root, 'data', 'english', 'proper.txt'), 'utf8')
  .split('\n')
  .filter((line) => !line.startsWith('#'))
  .flatMap((line) => line.split(/\s+/u))
  .map((w) => w.toLowerCase());
const words = [...new Set([...common, ...proper])].filter((w) => /^[a-z]{2,}$/u.test(w));
const margin = 0;
const kept = words.filter((w) => cyrillicCandidates(w, { limit: 1, maxCost: candidateThresholds.maxCost + margin }).length > 0);
const out = {
  $comment: `English words that could pass for romanized Russian (${kept.length} of ${words.length}); built by data/english/build.ts from the word-list package (MIT). Do not edit by hand.`,
  maxCost: candidateThresholds.maxCost + margin,
  words: kept.join(' '),
};
writeFileSync(path.join(root, 'src', 'check', 'data', 'english.json'), JSON.stringify(out) + '\n');
console.log(`${kept.length} of ${words.length} words kept`);
