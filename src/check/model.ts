// What the checker's stages pass to each other: the written forms it recognised as romanized
// Russian, their occurrences, and the groups of spellings of one word. docs/check.md.
import { LexiconFlag } from '../reverse/lexicon.ts';
import type { Reading } from '../reverse/readings.ts';

/** Lexicon flags of names: a reading with one of them is a known name. */
export const NAME_FLAGS = LexiconFlag.given | LexiconFlag.surname | LexiconFlag.patronymic | LexiconFlag.proper;

/** How a spelling was recognised as romanized Russian. */
export type Kind = 'attested' | 'plausible' | 'conventional' | 'loose';

/** What the checker knows about one written form (cached per run). */
export interface FormInfo {
  fold: string;
  kind: Kind;
  /** Readings that count as this spelling's word (attested ones, or the near unattested ones). */
  near: string[];
  /** The Cyrillic word the conventional list names for this form. */
  conventional?: string;
  /** An English proper noun read as a Russian name: grouped, never reported, no anchor. */
  english?: boolean;
  readings: readonly Reading[];
}

/** The lexicon's flags for a form's reading as one Cyrillic word (0 when it is not among its readings). */
export function readingFlags(info: FormInfo, cyrillic: string): number {
  return info.readings.find((r) => r.cyrillic === cyrillic)?.flags ?? 0;
}

export interface Occurrence {
  doc: number;
  start: number;
  end: number;
  text: string;
  /** First letters (by fallback key) of the one or two capitalised words before it: a name's given name and patronymic or initials. */
  names: string[];
  /** The capitalised word right after it (by fallback key): a given name's surname. */
  surname: string | undefined;
  /**
   * What the other words of the person's name it stands in say (see `nameCompany` in words.ts):
   * 'russian' when one of them is Russian by the lexicon, the conventional list or a Russian
   * surname ending; 'foreign' when none is, or a demonym of another nation describes the name;
   * undefined when it stands alone. Worked out on first use: most occurrences are never asked.
   */
  company: () => 'russian' | 'foreign' | undefined;
  /**
   * What the sentence it stands in says of its language (see `sentenceLanguage` in foreign.ts):
   * 'russian' with Cyrillic, Russian or Soviet, or a Russian name in it; 'foreign' when it names
   * only another nation or language or has letters of another script. Worked out on first use.
   */
  sentence: () => 'russian' | 'foreign' | 'home' | undefined;
  /** Whether a real Russian word stands beside it (see `russianNeighbour` in words.ts). */
  russianNeighbour: boolean;
  /**
   * The Cyrillic word it renders in a person's established full name it stands in (Grigori
   * Rasputin: григорий; '' when the list does not say), else undefined. Such a word is never a
   * scheme mismatch.
   */
  established: string | undefined;
  /**
   * Whether that full name names a thing after the person (the Andrei Bely Prize): the thing
   * keeps the form it was named with, and the word is not reported by grouping either.
   */
  eponym: boolean;
  /**
   * The place's name of several words of the conventional list it stands in (Yasnaya Polyana), as
   * the text writes it, else undefined. A fix to one of its words alone would leave the name half
   * rewritten (Yasnaia Polyana), so such a fix is shown, never applied unattended.
   */
  inName: string | undefined;
  /**
   * Whether it is the text's transliteration of a Cyrillic word quoted beside it (see
   * `cyrillicTransliterations` in foreign.ts): given on purpose, never reported as an
   * inconsistency; a declared scheme still judges it.
   */
  transliteration: boolean;
}

/** One spelling in one domain (text or notes), with its occurrences. */
export interface Spelling {
  key: string;
  domain: 'text' | 'notes';
  info: FormInfo;
  /** The spelling as written most often (set once the text is read). */
  display: string;
  written: Map<string, number>;
  occurrences: Occurrence[];
}

/** How a spelling came to its group, weakest last: it decides part of the confidence. */
export type Link = 'reading' | 'near' | 'fallback' | 'alternative';

/** Spellings of one Cyrillic word in one domain. */
export interface Group {
  domain: 'text' | 'notes';
  cyrillic: string;
  spellings: Array<{ s: Spelling; link: Link }>;
}

/** Whether a spelling can carry a group: a real word, a conventional form, a capitalised plausible name. */
export function anchor(s: Spelling): boolean {
  if (s.info.english === true) return false;
  return s.info.kind === 'attested' || s.info.kind === 'conventional' || (s.info.kind === 'plausible' && /^\p{Lu}/u.test(s.display) && s.info.fold.length >= 5);
}

/** How many times a spelling is written. */
export function count(s: Spelling): number {
  return s.occurrences.length;
}
