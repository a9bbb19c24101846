/**
 * `npm run build:lexicon`: builds the reverse-romanization lexicon (dictionary-ru expanded with
 * hunspell-reader, filtered russian_name names, derived patronymics, common English words) into
 * node_modules/.cache/latinitsa/lexicon-ru.bin, and rewrites the committed letter-pair statistics
 * src/reverse/data/ru-letters.json. The lexicon is also built lazily on first use by
 * `loadLexicon`, so a fresh `npm ci && npm test` needs no extra step.
 */
import path from 'node:path';
import { buildLexicon, defaultLexiconPath } from '../src/reverse/node-lexicon.ts';

const root = path.resolve(import.meta.dirname, '..');
const report = await buildLexicon({ file: defaultLexiconPath, lettersFile: path.join(root, 'src', 'reverse', 'data', 'ru-letters.json'), englishFile: path.join(root, 'src', 'reverse', 'data', 'english-common.json') });
console.log(
  `lexicon: ${report.words} entries (${report.given} given names, ${report.surnames} surnames, ${report.patronymics} patronymics), ` +
    `${report.english} English words, ${(report.bytes / 1e6).toFixed(1)} MB, built in ${(report.ms / 1000).toFixed(1)} s → ${path.relative(root, defaultLexiconPath)}`,
);
