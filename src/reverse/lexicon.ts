/**
 * The lexicon that ranks reverse-romanization candidates. The core never loads one itself (it
 * must stay browser-safe): callers inject any object with this shape, for example the shipped
 * Russian lexicon from `loadLexicon` (`latinitsa/io`, Node) or `lexiconFromBytes` (the file's
 * bytes, in a browser), or {@link createLexicon} over their own words.
 */
export interface Lexicon {
  /** What the lower-case Cyrillic word is (bit flags {@link LexiconFlag}); 0 when unknown. */
  lookup(word: string): number;
  /** Whether some word of the lexicon starts with this lower-case Cyrillic prefix. */
  hasPrefix(prefix: string): boolean;
  /** Whether the lower-case Latin word is a common English word. */
  isEnglish(word: string): boolean;
  /**
   * The language of its Cyrillic words (`ru` for the shipped lexicon). Readings of a scheme of
   * another language do not look their words up in it (docs/languages.md, "Reverse"); without a
   * language it is used for every scheme.
   */
  readonly language?: string;
}

/** Whether a value a program passed as a lexicon is one (loadLexicon's, createLexicon's, or a program's own). */
export function isLexicon(value: unknown): value is Lexicon {
  const v = value as Partial<Record<keyof Lexicon, unknown>> | null;
  return typeof v === 'object' && v !== null && typeof v.lookup === 'function' && typeof v.hasPrefix === 'function' && typeof v.isEnglish === 'function';
}

/** Bit flags of {@link Lexicon.lookup}. */
export const LexiconFlag = {
  /** A word form of the Russian dictionary. */
  word: 1,
  /** A given name. */
  given: 2,
  /** A surname. */
  surname: 4,
  /** A patronymic. */
  patronymic: 8,
  /** A place name (a capitalised dictionary entry). */
  proper: 16,
} as const;

/** Names of the flags set in a lookup value, for reports. */
export function flagNames(flags: number): string[] {
  return Object.entries(LexiconFlag)
    .filter(([, bit]) => (flags & bit) !== 0)
    .map(([name]) => name);
}

/** Options of {@link createLexicon}. */
export interface CreateLexiconOptions {
  /** Lower-case Cyrillic words and their flags. */
  words: Iterable<readonly [string, number]>;
  /** Lower-case common English words. */
  english?: Iterable<string>;
  /** The language of the words (see {@link Lexicon.language}); default none: used for every scheme. */
  language?: string;
}

/**
 * An in-memory {@link Lexicon} over the given words (browser-safe; for small lists and tests).
 *
 * @example
 * import { createLexicon } from 'latinitsa';
 * const lexicon = createLexicon({ words: [['зиновьев', 4]], english: ['is'] });
 * [lexicon.lookup('зиновьев'), lexicon.hasPrefix('зинов'), lexicon.isEnglish('is')];
 * //=> [4, true, true]
 */
export function createLexicon(options: CreateLexiconOptions): Lexicon {
  const map = new Map<string, number>();
  for (const [word, flags] of options.words) map.set(word, (map.get(word) ?? 0) | flags);
  const sorted = [...map.keys()].sort();
  const english = new Set(options.english ?? []);
  return {
    lookup: (word) => map.get(word) ?? 0,
    hasPrefix: (prefix) => {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid]! < prefix) lo = mid + 1;
        else hi = mid;
      }
      return lo < sorted.length && sorted[lo]!.startsWith(prefix);
    },
    isEnglish: (word) => english.has(word),
    ...(options.language === undefined ? {} : { language: options.language }),
  };
}

/**
 * The lexicon as readings of a language use it: itself when it is of that language (or of none),
 * otherwise none, so that the readings are ranked and taken by letter statistics as without a
 * lexicon (`--no-lexicon`). The shipped lexicon is Russian: it attested Донецк for the Ukrainian
 * `Donetsk` and made the wrong reading certain; and a lexicon that knows none of a language's
 * words, kept for its English ones, left every name in a list or in prose unread, its readings
 * never attested (docs/languages.md, "Reverse").
 */
export function lexiconForLanguage(lexicon: Lexicon | undefined, language: string): Lexicon | undefined {
  return lexicon === undefined || lexicon.language === undefined || lexicon.language === language ? lexicon : undefined;
}

/** Whether readings in `language` are checked against the words of `lexicon` (see {@link lexiconForLanguage}). */
export function lexiconKnows(lexicon: Lexicon | undefined, language: string): boolean {
  return lexicon !== undefined && (lexicon.language === undefined || lexicon.language === language);
}
