import data from './data/fallback.json' with { type: 'json' };
import { foldRomanized } from '../reverse/readings.ts';

let replace: Array<[RegExp, string]> | undefined;
/** The alternatives' patterns, compiled once: one to test a word with, one to replace in it. */
let alternatives: Array<[test: RegExp, all: RegExp, to: string]> | undefined;
/**
 * Keys already made: a check asks the key of a word at each of its occurrences and again when it
 * groups them, and each key is 29 replacements. Emptied when full (a server checks many texts).
 */
const keyCache = new Map<string, string>();
const KEY_CACHE_LIMIT = 50_000;
let inflectionStem: RegExp | undefined;
const formation = new RegExp(data.englishSuffixes.pattern, 'u');

/**
 * The checker's fallback key of a romanized word: the spellings of one Russian word in different
 * schemes, and slips that no scheme writes, share it (Zinov’ev, Zinovyev, Zinoviev → `zinovev`;
 * Blumkin, Blyumkin → `blumkin`). The replacements are data (src/check/data/fallback.json). Used
 * only for spellings that have no plausible Cyrillic reading of their own.
 *
 * @param word A Latin word.
 * @returns The key.
 * @example
 * import { fallbackKey } from 'latinitsa/check';
 * ['Iurii', 'Yury', 'Yuri', 'Feodorovna', 'Fyodorovna'].map((w) => fallbackKey(w));
 * //=> ['Uri', 'Uri', 'Uri', 'fodorovna', 'fodorovna']
 */
export function fallbackKey(word: string): string {
  const known = keyCache.get(word);
  if (known !== undefined) return known;
  replace ??= data.skeleton.map(([re, to]) => [new RegExp(re!, 'gu'), to!]);
  let s = foldRomanized(word);
  for (const [re, to] of replace) s = s.replace(re, to);
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
  keyCache.set(word, s);
  return s;
}

/**
 * The fallback keys of a spelling no scheme writes: its {@link fallbackKey}, and the keys of the
 * spellings the data's alternatives make of it (German ch for х: Bucharin as Bukharin).
 */
export function fallbackKeys(word: string): string[] {
  const fold = foldRomanized(word);
  const keys = new Set([fallbackKey(fold)]);
  alternatives ??= data.alternatives.replace.map(([from, to]) => [new RegExp(from!, 'u'), new RegExp(from!, 'gu'), to!]);
  for (const [test, all, to] of alternatives) {
    if (test.test(fold)) keys.add(fallbackKey(fold.replace(all, to)));
  }
  return [...keys];
}

/** Whether a word is an English formation on a Russian name (Trotskyist, Zinovievite, Leninism). */
export function isEnglishFormation(fold: string): boolean {
  return fold.length > 6 && formation.test(fold);
}

/**
 * Whether a spelling is another spelling of its word with a Russian case or number ending added
 * (Yevreyi, евреи, beside Yevrey, еврей): that word in another form, not a second spelling of it.
 * The fallback key drops such an ending, so the two meet in one group; the endings and the stems
 * they follow are data (src/check/data/fallback.json, `inflections`). docs/check.md, "Groups".
 *
 * @param fold The folded spelling (foldRomanized).
 * @param of The folded spelling it may be a form of (inflectedForm('yevreyi', 'yevrey') is true,
 *   inflectedForm('dmitrii', 'dmitri') false: a final i after i is a romanization of ий).
 */
export function inflectedForm(fold: string, of: string): boolean {
  if (fold.length <= of.length || !fold.startsWith(of)) return false;
  inflectionStem ??= new RegExp(data.inflections.stem, 'u');
  return inflectionStem.test(of) && data.inflections.endings.includes(fold.slice(of.length));
}
