/**
 * Which scheme and which language a text is romanized with (docs/languages.md): the option
 * `lang` (a language id, or `auto` for a decision per paragraph) with or without a scheme.
 *
 * - no scheme: the language's default scheme (its language file's `defaultScheme`);
 * - a scheme that serves the language (its own, or one it lists, as ISO 9 lists them all): that
 *   scheme, read with the language's letters;
 * - a scheme of another language: the scheme of the same family for the language (`ala-lc` →
 *   `ala-lc-uk`), or an error naming the language's schemes.
 */
import { LatinitsaError } from '../errors.ts';
import { defaultSchemeOf, getLanguage, getScheme, listLanguages, listSchemes, schemeForLanguage, type Scheme } from '../schemes/registry.ts';
import type { LanguageSource } from '../schemes/types.ts';

/** The value of `lang` that decides the language of each paragraph from its letters. */
export const AUTO_LANGUAGE = 'auto';

/** A scheme and the language whose letters it reads. */
export interface SchemeInLanguage {
  scheme: Scheme;
  language: LanguageSource;
}

/**
 * The language `lang` names. Every caller takes one language here: romanize, explain and
 * romanizeDetailed decide `auto` before they come here (docs/languages.md), and the checker,
 * bibliographies and MARC records take no `auto` at all; so the message never offers `auto` as a
 * value this call takes, and says where it is taken.
 */
function languageOf(lang: unknown): LanguageSource {
  if (typeof lang !== 'string' || !listLanguages().includes(lang)) {
    const known = listLanguages().map((l) => `"${l}"`).join(', ');
    const autoTakers = 'romanize, explain and romanizeDetailed';
    throw new LatinitsaError(
      'ERR_INVALID_OPTION',
      lang === AUTO_LANGUAGE
        ? `option "lang" takes one language here: ${known}; found "auto" ("auto", the language decided per paragraph, is taken by ${autoTakers} only)`
        : `option "lang" must be one of ${known} (or "auto" with ${autoTakers}), found ${JSON.stringify(lang)}`,
    );
  }
  return getLanguage(lang);
}

/** A scheme (already chosen) and the option `lang` resolved to the scheme to run and the language to read the text in. */
export function schemeInLanguage(given: Scheme, lang: unknown): SchemeInLanguage {
  if (lang === undefined) return { scheme: given, language: given.language };
  const language = languageOf(lang);
  const scheme = schemeForLanguage(given, language.id);
  if (scheme === undefined) {
    const own = listSchemes().filter((i) => i.languages.includes(language.id)).map((i) => i.id);
    throw new LatinitsaError('ERR_INVALID_OPTION', `scheme "${given.id}" has no table for ${language.name} (lang "${language.id}"); ${language.name} schemes: ${own.join(', ')}`);
  }
  return { scheme, language };
}

/**
 * The id of the scheme to use for text in `lang` when the caller named `scheme` (or none): the
 * scheme of the same family for that language, or the language's default when the family has
 * none. Used where a scheme is named per document or per field (the checker, bibliographies,
 * the paragraphs of `lang: 'auto'`).
 *
 * @example
 * import { schemeIdForLanguage } from 'latinitsa';
 * [schemeIdForLanguage('ala-lc', 'uk'), schemeIdForLanguage(undefined, 'bg'), schemeIdForLanguage('bgn-pcgn', 'sr'), schemeIdForLanguage('wikipedia', 'mk')];
 * //=> ['ala-lc-uk', 'bg-streamlined', 'bgn-pcgn-sr', 'mk-national']
 */
export function schemeIdForLanguage(scheme: string | Scheme | undefined, lang: string): string {
  return languageScheme(scheme, lang).id;
}

/**
 * {@link schemeIdForLanguage}'s scheme itself: a scheme of one's own that serves the language is
 * not registered, so its id names nothing (`lang: 'auto'` with a user's scheme, each paragraph).
 */
export function languageScheme(scheme: string | Scheme | undefined, lang: string): Scheme {
  const language = languageOf(lang);
  const fallback = (): Scheme => getScheme(defaultSchemeOf({ lang: language.id }));
  if (scheme === undefined) return fallback();
  return schemeForLanguage(typeof scheme === 'string' ? getScheme(scheme) : scheme, language.id) ?? fallback();
}

/**
 * The scheme a caller declared, read in `lang`, for a check against it: none stays none (the
 * language's default is nobody's declaration, and a text is never checked against a scheme
 * nobody chose); a scheme is resolved as romanize resolves it ({@link schemeInLanguage}): itself
 * when it serves the language, else its family's scheme for it, else an error naming the
 * language's schemes. A registered scheme is given by its id (ALA-LC's for Ukrainian is
 * ala-lc-uk; docs/languages.md).
 */
export function declaredSchemeInLanguage(scheme: string | Scheme | undefined, lang: string): string | Scheme | undefined {
  languageOf(lang);
  return scheme === undefined ? undefined : schemeOfLanguage(scheme, lang);
}

/**
 * The scheme to use for text in `lang` when the caller named `scheme`: none is the language's
 * default; a scheme, by id or of one's own, is resolved as romanize resolves it
 * ({@link schemeInLanguage}): itself when it serves the language, else its family's scheme for
 * it, else an error naming the language's schemes (ERR_INVALID_OPTION), as `latinitsa --lang`
 * refuses the pair. A named scheme is never swapped for the language's default: the caller
 * asked for that family. A registered scheme is given by its id. Used where a scheme is named per
 * field or per record (bibliographies, MARC records).
 */
export function schemeOfLanguage(scheme: string | Scheme | undefined, lang: string): string | Scheme {
  if (scheme === undefined) return schemeIdForLanguage(undefined, lang);
  const inLanguage = schemeInLanguage(typeof scheme === 'string' ? getScheme(scheme) : scheme, lang).scheme;
  return typeof scheme === 'string' ? inLanguage.id : inLanguage;
}
