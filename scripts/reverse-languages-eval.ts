/**
 * How well the readings of Ukrainian and Bulgarian romanization come back, with and without the
 * lexicon of the language (docs/reverse.md, "Lexicons of other languages"): every line of a
 * fixture (scheme, latin, cyrillic; test/fixtures/reverse/national.tsv, the standards' own
 * examples, and test/fixtures/reverse/held-out-uk-bg.tsv, outside data) is read back with
 * `all: true`, and each word's best reading is compared with the original. A wrong reading that
 * the result calls certain is counted apart: that is the error a user is not warned of.
 *
 *   node --import tsx scripts/reverse-languages-eval.ts [FIXTURE…]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deromanizeDetailed, type Lexicon } from '../src/index.ts';
import { resolveScheme } from '../src/engine/resolve.ts';
import { loadLexicon } from '../src/io/lexicon.ts';
import { APOSTROPHE_LETTER } from '../src/schemes/script.ts';

/** One line of a fixture. */
export interface ReadingCase {
  scheme: string;
  latin: string;
  cyrillic: string;
}

/** Reads a fixture: tab-separated scheme, latin, cyrillic (further columns ignored); `#` lines are comments. */
export function readCases(file: string): ReadingCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const [scheme, latin, cyrillic] = l.split('\t') as [string, string, string];
      return { scheme, latin, cyrillic: cyrillic.normalize('NFC') };
    });
}

/** Counts over the words of the cases. */
export interface ReadingScore {
  words: number;
  right: number;
  wrong: number;
  /** Wrong best readings the result calls certain. */
  wrongCertain: number;
  /** Each wrong word: what was read, and the original. */
  misses: string[];
}

/**
 * The Cyrillic words of a text, as deromanize cuts the Latin ones (hyphens part words; apostrophes
 * do not), with every spelling of the in-word apostrophe as the one letter the engine writes
 * (docs/languages.md: U+0027 and U+2019 are read as U+02BC).
 */
const cyrillicWords = (text: string): string[] => (text.match(/[\p{L}\p{M}ʼ'’]+/gu) ?? []).map((w) => w.replace(/['’]/g, APOSTROPHE_LETTER));

/**
 * Reads every case back and counts its words' best readings; `lexicons` gives the lexicon of each
 * language (none: letter statistics alone).
 */
export function scoreReadings(options: { cases: ReadingCase[]; lexicons?: ReadonlyMap<string, Lexicon> }): ReadingScore {
  const score: ReadingScore = { words: 0, right: 0, wrong: 0, wrongCertain: 0, misses: [] };
  for (const c of options.cases) {
    const lexicon = options.lexicons?.get(resolveScheme({ scheme: c.scheme }).language.id);
    const r = deromanizeDetailed(c.latin, { scheme: c.scheme, all: true, ...(lexicon === undefined ? {} : { lexicon }) });
    const expected = cyrillicWords(c.cyrillic);
    if (expected.length !== r.words.length) throw new Error(`${c.scheme} ${c.latin}: ${r.words.length} words read, ${expected.length} in ${c.cyrillic}`);
    r.words.forEach((w, k) => {
      score.words++;
      if (w.output === expected[k]) {
        score.right++;
        return;
      }
      score.wrong++;
      if (w.certain) score.wrongCertain++;
      score.misses.push(`${c.scheme} ${w.source} → ${w.output}${w.certain ? ' (certain)' : ''}, not ${expected[k]}`);
    });
  }
  return score;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename) {
  const root = path.resolve(import.meta.dirname, '..');
  const files = process.argv.length > 2 ? process.argv.slice(2) : ['test/fixtures/reverse/national.tsv', 'test/fixtures/reverse/held-out-uk-bg.tsv'];
  const lexicons = new Map<string, Lexicon>();
  for (const language of ['uk', 'bg']) {
    const lexicon = await loadLexicon({ language });
    if (lexicon !== undefined) lexicons.set(language, lexicon);
  }
  for (const file of files) {
    const cases = readCases(path.resolve(root, file));
    for (const [label, lex] of [['without a lexicon', undefined], ['with the lexicons', lexicons]] as const) {
      const s = scoreReadings({ cases, ...(lex === undefined ? {} : { lexicons: lex }) });
      console.log(`${file} (${cases.length} lines), ${label}: ${s.right} of ${s.words} words right (${((100 * s.right) / s.words).toFixed(1)}%), ${s.wrong} wrong, ${s.wrongCertain} of them certain`);
      for (const m of s.misses) console.log(`  ${m}`);
    }
  }
}
