// What a word of romanized text is, for reading it back (deromanize) and for sampling it
// (detectScheme): one definition, so that the two find the same words (docs/reverse.md, What is
// left alone).
import equivalents from './equivalents.json' with { type: 'json' };

/** Characters as the members of a RegExp character class, each escaped by its code point. */
export function escapeClass(chars: Iterable<string>): string {
  return [...chars].map((ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`).join('');
}

/** The marks that some scheme writes inside words (equivalents.json `joiners`), as a character class. */
export const JOINERS = `[${escapeClass(equivalents.joiners)}]`;

/**
 * A word: Latin letters, combining marks and the `inner` characters (a scheme's own primes,
 * ties, grave marks, anywhere in the word, its end too), starting with a Latin letter or one of
 * `leading`. A run of joiners (`JOINERS`: Zinov’ev, Ob”ekt, s``ezd) followed by a Latin letter
 * joins the letters around it into one word whatever the scheme: a scheme that cannot write the
 * mark then reads none of the word, where reading the two sides as words of their own gave
 * half-converted words (Зинов’ev) and scored a word twice in detectScheme (docs/reverse.md, What
 * is left alone, rule 1). A joiner that ends a word may be punctuation (a closing quote) and is
 * left out unless it is in `inner`.
 */
export function wordPattern(inner: Iterable<string>, leading: Iterable<string> = []): RegExp {
  const lead = escapeClass(leading);
  const body = `[\\p{Script=Latin}\\p{M}${escapeClass(inner)}]`;
  return new RegExp(`(?:\\p{Script=Latin}${lead === '' ? '' : `|[${lead}]`})${body}*(?:${JOINERS}+(?=\\p{Script=Latin})${body}*)*`, 'gu');
}

/**
 * An English possessive ending a word: an apostrophe as English writes it (U+0027, U+2019) and
 * s. It makes the word English (docs/reverse.md, What is left alone, rule 4): `Gor’kii’s` stays
 * as written, not `Горькийьс` (ala-lc-simplified's ’ is ь) nor the half-Cyrillic `Горький’s`.
 * The modifier-letter prime ʹ (ala-lc, iso-9, scholarly) is no English apostrophe: `valʹs` is no
 * possessive.
 */
const POSSESSIVE = /(?<=[\p{L}\p{M}])['’][sS]$/u;

/** The word without the English possessive ’s that ends it (`Kirov’s` → `Kirov`), or `undefined` when it has none. */
export function withoutPossessive(word: string): string | undefined {
  return POSSESSIVE.test(word) ? word.slice(0, -2) : undefined;
}

/**
 * A word ending in an apostrophe or prime and s, whatever comes before (`Gor'kii's`, `valʹs`):
 * English, unless the lexicon attests the word with it, when the ’s was not cut off as a
 * possessive because its mark is a letter of the scheme (docs/reverse.md rule 4).
 */
export const ENDS_IN_MARK_S = /(?<=[\p{L}\p{M}])['’ʹ′][sS]$/u;
