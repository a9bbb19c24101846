import ru from '../reverse/data/ru-letters.json' with { type: 'json' };
import uk from '../reverse/data/uk-letters.json' with { type: 'json' };
import be from '../reverse/data/be-letters.json' with { type: 'json' };
import bg from '../reverse/data/bg-letters.json' with { type: 'json' };
import sr from '../reverse/data/sr-letters.json' with { type: 'json' };
import mk from '../reverse/data/mk-letters.json' with { type: 'json' };

/**
 * Letter statistics of the languages (docs/languages.md): the files, the model over them, and how
 * they are built. The language detector scores text with them; reverse romanization ranks its
 * readings with them. Browser-safe, below the engine (it imports only its data).
 */

/** The log10 probability of a letter after a context (one or two letters, `^` at the start of a word). */
export type LetterModel = (context: string, letter: string) => number;

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
  // every reading search, so it looks numbers up instead of building strings. A letter of one
  // UTF-16 unit (every letter of the statistics files) is found by its code in a table, which is
  // much cheaper than a Map of strings; a longer one by the Map.
  const letters = [...stats.alphabet];
  const size = letters.length;
  const index = new Map<string, number>();
  letters.forEach((ch, i) => index.set(ch, i));
  const byCode = new Int16Array(Math.max(0, ...letters.map((ch) => (ch.length === 1 ? ch.charCodeAt(0) + 1 : 0)))).fill(-1);
  letters.forEach((ch, i) => {
    if (ch.length === 1) byCode[ch.charCodeAt(0)] = i;
  });
  /** The number of a letter (one character), or -1 when the statistics do not have it. */
  const numberOf = (ch: string | undefined): number => {
    if (ch === undefined) return -1;
    if (ch.length !== 1) return index.get(ch) ?? -1;
    const code = ch.charCodeAt(0);
    return code < byCode.length ? byCode[code]! : -1;
  };
  const pairs = new Float64Array(size * size);
  for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) pairs[i * size + j] = (stats.logp[i]?.[j] ?? -600) / 100;
  const triples = new Float64Array(size * size * size).fill(NaN);
  let anyTriple = false;
  for (const [key, value] of Object.entries(stats.triples ?? {})) {
    const [a, b, c] = [...key].map(numberOf) as [number, number, number];
    if (a < 0 || b < 0 || c < 0) continue;
    triples[(a * size + b) * size + c] = value / 100;
    anyTriple = true;
  }
  /**
   * The number of the letter at `k` (inside the string): `numberOf(s[k])` without taking the
   * letter out of the string. A Cyrillic letter taken out is a new string at every call, and the
   * model runs for every step of every reading search: the garbage collector's work.
   */
  const numberAt = (s: string, k: number): number => {
    const code = s.charCodeAt(k);
    return code < byCode.length ? byCode[code]! : -1;
  };
  const pair = (prev: string, letter: string): number => {
    const i = numberOf(prev);
    const j = numberOf(letter);
    if (i < 0 || j < 0) return -6;
    return pairs[i * size + j]!;
  };
  if (!anyTriple) return (context, letter) => pair(context[context.length - 1]!, letter);
  return (context, letter) => {
    if (context.length < 2) return pair(context, letter);
    const a = numberAt(context, 0);
    const b = numberAt(context, 1);
    const c = numberOf(letter);
    if (a >= 0 && b >= 0 && c >= 0) {
      const t = triples[(a * size + b) * size + c]!;
      if (!Number.isNaN(t)) return t;
    }
    return BACKOFF + (b < 0 || c < 0 ? -6 : pairs[b * size + c]!);
  };
}

/** Options of {@link letterStats}. */
export interface LetterStatsOptions {
  /** What the file is and how it was made (its `$comment`). */
  comment: string;
  /** Also count triples seen at least 3 times. Default `true`. */
  triples?: boolean;
}

/**
 * Letter statistics over a list of word types: add-one smoothed pairs (with `^` and `$` for the
 * word's edges) and, optionally, triples seen at least 3 times. Hyphenated words are skipped.
 * Used by the build scripts (scripts/build-lexicon.ts, scripts/build-letter-stats.ts).
 */
export function letterStats(words: readonly string[], options: LetterStatsOptions): LetterStats {
  const { comment, triples: withTriples = true } = options;
  const letters = [...new Set(words.join(''))].filter((ch) => /\p{L}/u.test(ch)).sort();
  const alphabet = ['^', ...letters, '$'];
  const index = new Map(alphabet.map((ch, i) => [ch, i]));
  const counts = alphabet.map(() => alphabet.map(() => 1));
  const triples = new Map<string, number>();
  const pairTotals = new Map<string, number>();
  for (const w of words) {
    if (w.includes('-')) continue;
    const seq = ['^', ...w, '$'];
    for (let i = 1; i < seq.length; i++) {
      counts[index.get(seq[i - 1]!)!]![index.get(seq[i]!)!]!++;
      if (withTriples && i >= 2) {
        const key = seq[i - 2]! + seq[i - 1]! + seq[i]!;
        triples.set(key, (triples.get(key) ?? 0) + 1);
        const ctx = seq[i - 2]! + seq[i - 1]!;
        pairTotals.set(ctx, (pairTotals.get(ctx) ?? 0) + 1);
      }
    }
  }
  const logp = counts.map((row, i) => {
    if (i === alphabet.length - 1) return row.map(() => -600);
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((c) => Math.round(Math.log10(c / total) * 100));
  });
  const stats: LetterStats = { $comment: comment, alphabet: alphabet.join(''), logp };
  if (withTriples) {
    const tri: Record<string, number> = {};
    for (const [key, c] of [...triples].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (c < 3) continue;
      tri[key] = Math.round(Math.log10(c / pairTotals.get(key.slice(0, 2))!) * 100);
    }
    stats.triples = tri;
  }
  return stats;
}

/** The JSON text of a statistics file: one row of pairs per line. */
export function formatLetterStats(stats: LetterStats): string {
  return `${JSON.stringify(stats).replace(/\],\[/g, '],\n[').replace(/,"triples":/, ',\n"triples":')}\n`;
}

/**
 * Letter statistics per language: Russian's from `npm run build:lexicon` (pairs and triples),
 * the others' from `npm run build:letter-stats` (pairs). The language detector (src/detect) and
 * the reverse of non-Russian schemes use them.
 */
export const LETTER_STATS: Readonly<Record<string, LetterStats>> = { ru, uk, be, bg, sr, mk } as Record<string, LetterStats>;

let russian: LetterModel | undefined;
/**
 * The built-in model of Russian letter pairs (browser-safe, about 10 KB). Its tables are built on
 * first use, not when the package is imported: most programs never read romanized text back.
 */
export const russianLetters: LetterModel = (context, letter) => (russian ??= letterModel(ru as LetterStats))(context, letter);

const models = new Map<string, LetterModel>([['ru', russianLetters]]);

/** The letter model of a language (Russian's when there are no statistics for it). */
export function languageLetters(lang: string): LetterModel {
  let m = models.get(lang);
  if (m === undefined) {
    const stats = LETTER_STATS[lang];
    m = stats === undefined ? russianLetters : letterModel(stats);
    models.set(lang, m);
  }
  return m;
}
