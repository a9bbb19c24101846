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
  // Letters become small numbers and the statistics flat arrays: the model runs for every step of
  // every reading search, so it looks numbers up instead of building strings.
  const letters = [...stats.alphabet];
  const size = letters.length;
  const index = new Map<string, number>();
  letters.forEach((ch, i) => index.set(ch, i));
  const pairs = new Float64Array(size * size).fill(-6);
  for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) pairs[i * size + j] = (stats.logp[i]?.[j] ?? -600) / 100;
  const triples = new Float64Array(size * size * size).fill(NaN);
  let anyTriple = false;
  for (const [key, value] of Object.entries(stats.triples ?? {})) {
    const [a, b, c] = [...key].map((ch) => index.get(ch));
    if (a === undefined || b === undefined || c === undefined) continue;
    triples[(a * size + b) * size + c] = value / 100;
    anyTriple = true;
  }
  const pair = (prev: string, letter: string): number => {
    const i = index.get(prev);
    const j = index.get(letter);
    if (i === undefined || j === undefined) return -6;
    return pairs[i * size + j]!;
  };
  if (!anyTriple) return (context, letter) => pair(context[context.length - 1]!, letter);
  return (context, letter) => {
    if (context.length < 2) return pair(context, letter);
    const a = index.get(context[0]!);
    const b = index.get(context[1]!);
    const c = index.get(letter);
    if (a !== undefined && b !== undefined && c !== undefined) {
      const t = triples[(a * size + b) * size + c]!;
      if (!Number.isNaN(t)) return t;
    }
    return BACKOFF + pair(context[1]!, letter);
  };
}

/** The built-in model of Russian letter pairs (browser-safe, about 10 KB). */
export const russianLetters: LetterModel = letterModel(data as LetterStats);
