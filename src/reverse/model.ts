import type { LetterModel } from './decode.ts';
import data from './data/ru-letters.json' with { type: 'json' };

/** The letter-pair statistics file written by `npm run build:lexicon` (see scripts/build-lexicon.ts). */
export interface LetterStats {
  $comment?: string;
  /** `^` (word start), the letters, `$` (word end). */
  alphabet: string;
  /** log10 P(column letter | row letter) × 100, rounded; rows and columns in `alphabet` order. */
  logp: number[][];
  /** log10 P(third letter | first two) × 100 for frequent triples (`^` and `$` included). */
  triples?: Record<string, number>;
}

/** How much a triple unseen in the statistics costs on top of the pair (log10 of stupid backoff's 0.4). */
const BACKOFF = -0.4;

/** A {@link LetterModel} over letter-pair statistics; unseen letters score as very unlikely. */
export function letterModel(stats: LetterStats): LetterModel {
  const index = new Map<string, number>();
  [...stats.alphabet].forEach((ch, i) => index.set(ch, i));
  const triples = new Map(Object.entries(stats.triples ?? {}));
  const pair = (prev: string, letter: string): number => {
    const i = index.get(prev);
    const j = index.get(letter);
    if (i === undefined || j === undefined) return -6;
    return (stats.logp[i]?.[j] ?? -600) / 100;
  };
  if (triples.size === 0) return (context, letter) => pair(context[context.length - 1]!, letter);
  return (context, letter) => {
    if (context.length < 2) return pair(context, letter);
    const t = triples.get(context + letter);
    return t !== undefined ? t / 100 : BACKOFF + pair(context[1]!, letter);
  };
}

let russian: LetterModel | undefined;
/**
 * The built-in model of Russian letter pairs (browser-safe, about 10 KB). Its tables are built on
 * first use, not when the package is imported: most programs never read romanized text back.
 */
export const russianLetters: LetterModel = (context, letter) => (russian ??= letterModel(data as LetterStats))(context, letter);
