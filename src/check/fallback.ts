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
 * spellings the data's alternatives make of it (German ch for х: Bucharin as Bukharin). In a work
 * in the older romanization ({@link olderStyle}) the older alternatives too, each alone and
 * together with the others that apply (Raspoutine: the French ou and final -e at once, Rasputin).
 *
 * @param word A Latin word.
 * @param older Whether the work is in the older romanization.
 */
export function fallbackKeys(word: string, older = false): string[] {
  const fold = foldRomanized(word);
  const keys = new Set([fallbackKey(fold)]);
  alternatives ??= data.alternatives.replace.map(([from, to]) => [new RegExp(from!, 'u'), new RegExp(from!, 'gu'), to!]);
  for (const [test, all, to] of alternatives) {
    if (test.test(fold)) keys.add(fallbackKey(fold.replace(all, to)));
  }
  if (older) {
    olderAlternatives ??= data.olderStyle.alternatives.map(([from, to]) => [new RegExp(from!, 'u'), new RegExp(from!, 'gu'), to!]);
    let forms = [fold];
    for (const [test, all, to] of olderAlternatives) {
      if (test.test(fold)) forms = [...forms, ...forms.map((f) => f.replace(all, to))];
    }
    for (const f of forms) keys.add(fallbackKey(f));
  }
  return [...keys];
}

let olderAlternatives: Array<[test: RegExp, all: RegExp, to: string]> | undefined;
let olderEndings: { old: RegExp; modern: RegExp } | undefined;

/**
 * Whether a work is in the older English romanization of Russian (Romanoff, Ivanovitch): its
 * distinct capitalised words that end as that romanization ends surnames and patronymics are many,
 * and a large share of those and the ones that end as the modern schemes end them. The endings and
 * bounds are data (src/check/data/fallback.json, `olderStyle`); docs/check.md, "A work in the older
 * romanization".
 *
 * @param words The work's distinct capitalised words, folded (foldRomanized).
 * @param skip Whether a word does not count (an English word, a conventional form).
 * @example
 * import { olderStyle } from 'latinitsa/check';
 * const names = ['Romanoff', 'Ivanovitch', 'Sokoloff', 'Orloff', 'Petrovitch', 'Menshikoff', 'Golitzine', 'Tolstoi', 'Obolenskoff', 'Tchitchagoff', 'Galitzinoff', 'Vassilievitch', 'Zinoviev'];
 * [olderStyle(names.map((w) => w.toLowerCase()), () => false), olderStyle(['romanov', 'ivanovich', 'sokoloff'], () => false)];
 * //=> [true, false]
 */
export function olderStyle(words: Iterable<string>, skip: (fold: string) => boolean): boolean {
  const { minLength, minWords, minShare } = data.olderStyle;
  olderEndings ??= { old: new RegExp(data.olderStyle.old, 'u'), modern: new RegExp(data.olderStyle.modern, 'u') };
  let old = 0;
  let modern = 0;
  for (const w of words) {
    if ([...w].length < minLength || skip(w)) continue;
    if (olderEndings.old.test(w)) old++;
    else if (olderEndings.modern.test(w)) modern++;
  }
  return old >= minWords && old >= minShare * (old + modern);
}

let modernize: Array<[RegExp, string]> | undefined;
/**
 * A folded word of a work in the older romanization read in the modern letters (Dolgoroukoff as
 * dolgorukov, Tchérévine as tcherevin): the replacements are data (`olderStyle.modernize` in
 * src/check/data/fallback.json). Used only as evidence that a group's word is Russian
 * (docs/check.md, "A work in the older romanization").
 *
 * @param fold The folded word (foldRomanized).
 * @returns The word with the older letters and endings replaced.
 */
export function modernSpelling(fold: string): string {
  modernize ??= data.olderStyle.modernize.replace.map(([from, to]) => [new RegExp(from!, 'gu'), to!] as [RegExp, string]);
  return modernize.reduce((w, [from, to]) => w.replace(from, to), fold);
}

const joinOnlyLetters = new Set(data.olderStyle.joinOnly);
/**
 * Whether a capitalised word no scheme writes only because of letters the older romanization wrote
 * for Russian ones (w for в: Feodorowna) may still join a group by its fallback key, in a work in
 * that romanization (docs/check.md, "A work in the older romanization").
 *
 * @param fold The folded word (foldRomanized).
 * @param written Whether a letter is one some scheme writes.
 */
export function joinOnlyWord(fold: string, written: (ch: string) => boolean): boolean {
  const letters = [...fold];
  const unwritten = letters.filter((ch) => !written(ch));
  return unwritten.length > 0 && unwritten.every((ch) => joinOnlyLetters.has(ch)) && letters.length >= data.olderStyle.minLength;
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
