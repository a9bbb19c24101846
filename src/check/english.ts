import english from './data/english.json' with { type: 'json' };

const SPACE = 0x20;
const ZERO = 0x30;
const NINE = 0x39;
const LETTER_A = 0x61;

/** Every how many words a front-coded list writes a word whole (see {@link frontCode}). */
export const FRONT_CODE_BLOCK = 32;

/**
 * Front-codes a sorted word list: each word is written as one base-36 digit, the number of
 * letters it shares with the word before (at most 35), then the rest; words are separated by
 * spaces. Every {@link FRONT_CODE_BLOCK}th word is written whole (digit 0), so that a word can be
 * found without decoding the words before it. About half the size of the plain list. (Internal:
 * the build script writes the lists with it; `frontCode(['policy', 'polish', 'politburo'])` is
 * `'0policy 4sh 4tburo'`.)
 */
export function frontCode(sorted: readonly string[]): string {
  const out: string[] = [];
  let prev = '';
  sorted.forEach((w, i) => {
    let k = 0;
    if (i % FRONT_CODE_BLOCK !== 0) while (k < 35 && k < w.length && k < prev.length && w[k] === prev[k]) k++;
    out.push(k.toString(36) + w.slice(k));
    prev = w;
  });
  return out.join(' ');
}

/** The words of a {@link frontCode} string. */
export function frontDecode(coded: string): string[] {
  const out: string[] = [];
  let prev = '';
  if (coded === '') return out;
  for (const part of coded.split(' ')) {
    const w = prev.slice(0, parseInt(part[0]!, 36)) + part.slice(1);
    out.push(w);
    prev = w;
  }
  return out;
}

/** A set of words read from a {@link frontCode} string as it is, without decoding it whole. */
export interface WordSet {
  has(word: string): boolean;
}

/**
 * A {@link WordSet} over a front-coded sorted list: a binary search among the words written
 * whole, then a walk through at most one block. Nothing is decoded until the first lookup, and
 * then only the places of the whole words are found: a checker run looks up a few thousand
 * words, and decoding a quarter of a million costs more than all of them.
 */
export function frontCodedSet(coded: string): WordSet {
  let heads: number[] | undefined;
  /** Whether the word written whole at `at` sorts after `word`, compared where it lies. */
  const headAfter = (at: number, word: string): boolean => {
    for (let i = at + 1, k = 0; ; i++, k++) {
      if (i === coded.length || coded.charCodeAt(i) === SPACE) return false;
      if (k === word.length) return true;
      const c = coded.charCodeAt(i);
      const w = word.charCodeAt(k);
      if (c !== w) return c > w;
    }
  };
  return {
    has(word) {
      if (coded === '') return false;
      if (heads === undefined) {
        // The places of the words written whole: the first, and each part that starts with 0.
        heads = [0];
        for (let at = coded.indexOf(' 0'); at !== -1; at = coded.indexOf(' 0', at + 2)) heads.push(at + 1);
      }
      // The last whole word that does not sort after the word.
      let lo = 0;
      let hi = heads.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (headAfter(heads[mid]!, word)) hi = mid - 1;
        else lo = mid;
      }
      // The walk through the block, comparing in place: `common` is how many letters the word
      // before shares with `word`, and a word keeping more of it than that sorts before `word` too.
      const end = lo + 1 < heads.length ? heads[lo + 1]! - 1 : coded.length;
      let common = 0;
      for (let at = heads[lo]!; at < end; ) {
        const digit = coded.charCodeAt(at);
        const shared = digit <= NINE ? digit - ZERO : digit - LETTER_A + 10;
        let i = at + 1;
        while (i < end && coded.charCodeAt(i) !== SPACE) i++;
        const next = i + 1;
        if (shared <= common) {
          // The word's letters after the shared ones are coded[at + 1 .. i).
          common = shared;
          let k = at + 1;
          while (k < i && common < word.length && coded.charCodeAt(k) === word.charCodeAt(common)) {
            k++;
            common++;
          }
          if (k === i) {
            if (common === word.length) return true;
          } else if (common === word.length || coded.charCodeAt(k) > word.charCodeAt(common)) return false;
        }
        at = next;
      }
      return false;
    },
  };
}

let lists: { common: WordSet; names: WordSet; withW: WordSet } | undefined;

/**
 * The built-in English lists (src/check/data/english.json, built by
 * scripts/build-check-english.ts): common words with their inflections, proper nouns, and apart
 * the words of both that a scheme could write but for a w (Andrew, window: read as v only in a work
 * in the older romanization); lower case. Looked up in their front-coded form (see
 * {@link frontCodedSet}).
 */
export function englishLists(): { readonly common: WordSet; readonly names: WordSet; readonly withW: WordSet } {
  lists ??= { common: frontCodedSet(english.common), names: frontCodedSet(english.names), withW: frontCodedSet(english.withW) };
  return lists;
}
