import data from './data/conventional.json' with { type: 'json' };

/** A conventional form as the checker looks it up: its word, and whether it is a capitalised name. */
export interface ConventionalEntry {
  cyrillic: string;
  capitalised: boolean;
  /** A place's name of several words (Yasnaya Polyana): the list's rows marked `place`. */
  place?: boolean;
}

let builtIn: Map<string, ConventionalEntry> | undefined;

/**
 * The built-in conventional English forms (src/check/data/conventional.json), by lower-case form:
 * established English names of Russian and Soviet people, places, institutions and things, each
 * with the Russian word it renders and its source (docs/check.md says how the list was built).
 */
export function conventionalForms(): ReadonlyMap<string, ConventionalEntry> {
  if (builtIn === undefined) {
    builtIn = new Map();
    for (const [form, cyrillic, , kind] of data.forms as [string, string, string, string?][]) builtIn.set(form.toLowerCase(), { cyrillic, capitalised: form[0] !== form[0]!.toLowerCase(), ...(kind === 'place' ? { place: true } : {}) });
  }
  return builtIn;
}

/** A person's established full name, or a place's name of several words: its words (lower case) and the Cyrillic word of each. */
export interface FullName {
  words: readonly string[];
  cyrillic: readonly (string | undefined)[];
  /** A place's name (Yasnaya Polyana, Nizhny Novgorod), not a person's. */
  place: boolean;
}

/**
 * Full names as a person's established English name has them (Grigori Rasputin, Sviatoslav
 * Richter): each word of such a name, written as in the name and followed or preceded by its other
 * words, is never a scheme mismatch (it is still grouped with the other spellings of its word). By
 * first word (lower case), the words of each name and the word each renders (георги in Georgi
 * Dimitrov: the Bulgarian name, not the Russian георгий).
 *
 * @param forms Conventional forms (lower case) and their entries; those with a space are full names.
 * @returns The full names by their first word.
 */
export function fullNames(forms: Iterable<[string, ConventionalEntry]>): ReadonlyMap<string, readonly FullName[]> {
  const out = new Map<string, FullName[]>();
  for (const [form, entry] of forms) {
    const words = form.split(/\s+/u).filter((w) => w !== '');
    if (words.length < 2) continue;
    const cyrillic = entry.cyrillic.split(/\s+/u).filter((w) => w !== '');
    out.set(words[0]!, [...(out.get(words[0]!) ?? []), { words, cyrillic: cyrillic.length === words.length ? cyrillic : words.map(() => undefined), place: entry.place === true }]);
  }
  return out;
}

/**
 * Which words of a tokenized text stand in one of the full names: the name's words in order,
 * joined by spaces. For each such word, the Cyrillic word it renders in the name ('' when the
 * list does not say); for the others, undefined. After the first word, a word may be another
 * conventional form of the same Russian word (Fyodor Dostoevsky for the list's Fyodor
 * Dostoyevsky): the list keeps one title of a person, English writes its other established forms.
 *
 * @param text The text the tokens come from.
 * @param tokens Its words.
 * @param names Full names by first word (see {@link fullNames}).
 * @param fold The case folding of the names' words.
 * @param conventional The conventional forms (lower case), whose words may stand for a name's word.
 * @returns One entry per token.
 */
export function inFullName(text: string, tokens: readonly { text: string; start: number; end: number }[], names: ReadonlyMap<string, readonly FullName[]>, fold: (word: string) => string, conventional?: ReadonlyMap<string, ConventionalEntry>): (string | undefined)[] {
  return namesIn(text, tokens, names, fold, conventional).named;
}

/**
 * The words of a tokenized text in the list's names of several words, found in one pass:
 * `named` as {@link inFullName} gives it, and `place`, for each word of a place's name (Yasnaya
 * Polyana, Nizhny Novgorod), the name as the text writes it, else undefined. A place's name is a
 * unit: a fix to one of its words alone would leave it half rewritten (Yasnaia Polyana).
 *
 * @param text The text the tokens come from.
 * @param tokens Its words.
 * @param names Full names by first word (see {@link fullNames}).
 * @param fold The case folding of the names' words.
 * @param conventional The conventional forms (lower case), whose words may stand for a name's word.
 * @returns One entry per token in each list.
 */
export function namesIn(text: string, tokens: readonly { text: string; start: number; end: number }[], names: ReadonlyMap<string, readonly FullName[]>, fold: (word: string) => string, conventional?: ReadonlyMap<string, ConventionalEntry>): { named: (string | undefined)[]; place: (string | undefined)[] } {
  const named: (string | undefined)[] = tokens.map(() => undefined);
  const place: (string | undefined)[] = tokens.map(() => undefined);
  if (names.size === 0) return { named, place };
  const alike = (word: string, k: number, name: string, cyrillic: string | undefined): boolean => word === name || (k > 0 && cyrillic !== undefined && conventional?.get(word)?.cyrillic === cyrillic);
  tokens.forEach((t, i) => {
    for (const name of names.get(fold(t.text)) ?? []) {
      const ok = name.words.every((w, k) => {
        const u = tokens[i + k];
        return u !== undefined && alike(fold(u.text), k, w, name.cyrillic[k]) && (k === 0 || /^\s+$/u.test(text.slice(tokens[i + k - 1]!.end, u.start)));
      });
      if (!ok) continue;
      const written = name.place ? text.slice(t.start, tokens[i + name.words.length - 1]!.end).replace(/\s+/gu, ' ') : undefined;
      for (let k = 0; k < name.words.length; k++) {
        named[i + k] = name.cyrillic[k] ?? '';
        if (written !== undefined) place[i + k] = written;
      }
    }
  });
  return { named, place };
}
