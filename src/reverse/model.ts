import type { LetterModel } from './decode.ts';
import data from './data/ru-letters.json' with { type: 'json' };

/** The letter-pair statistics file written by `npm run build:lexicon` (see scripts/build-lexicon.ts). */
export interface LetterStats {
  $comment?: string;
  /** `^` (word start), the letters, `$` (word end). */
  alphabet: string;
  /** log10 P(column letter | row letter) × 100, rounded; rows and columns in `alphabet` order. */
  logp: number[][];
}

/** A {@link LetterModel} over letter-pair statistics; unseen letters score as very unlikely. */
export function letterModel(stats: LetterStats): LetterModel {
  const index = new Map<string, number>();
  [...stats.alphabet].forEach((ch, i) => index.set(ch, i));
  return (prev, letter) => {
    const i = index.get(prev);
    const j = index.get(letter);
    if (i === undefined || j === undefined) return -6;
    return (stats.logp[i]?.[j] ?? -600) / 100;
  };
}

/** The built-in model of Russian letter pairs (browser-safe, about 10 KB). */
export const russianLetters: LetterModel = letterModel(data as LetterStats);
