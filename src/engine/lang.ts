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
import { getLanguage, getScheme, listLanguages, listSchemes, schemeForLanguage, type Scheme } from '../schemes/registry.ts';
import type { LanguageSource } from '../schemes/types.ts';

/** The value of `lang` that decides the language of each paragraph from its letters. */
export const AUTO_LANGUAGE = 'auto';

/** The language of text when the caller names none. */
export const DEFAULT_LANGUAGE = listLanguages()[0]!;

/** A scheme and the language whose letters it reads. */
export interface SchemeInLanguage {
  scheme: Scheme;
  language: LanguageSource;
}

function languageOf(lang: unknown): LanguageSource {
  if (typeof lang !== 'string' || !listLanguages().includes(lang)) {
    throw new LatinitsaError('ERR_INVALID_OPTION', `option "lang" must be one of ${[...listLanguages(), AUTO_LANGUAGE].map((l) => `"${l}"`).join(', ')}, found ${JSON.stringify(lang)}`);
  }
  return getLanguage(lang);
}

/**
 * The scheme (an id, a loaded scheme, or none) and language (an id, or none) resolved to the
 * scheme to run and the language to read the text in. `lang: 'auto'` is decided per paragraph
 * by `romanize`, not here.
 */
export function schemeInLanguage(scheme: string | Scheme | undefined, lang: unknown): SchemeInLanguage {
  if (lang === undefined) {
    const s = typeof scheme === 'object' ? scheme : getScheme(scheme ?? getLanguage(DEFAULT_LANGUAGE).defaultScheme!);
    return { scheme: s, language: s.language };
  }
  const language = languageOf(lang);
  if (scheme === undefined) return { scheme: getScheme(language.defaultScheme!), language };
  const given = typeof scheme === 'object' ? scheme : getScheme(scheme);
  const s = schemeForLanguage(given, language.id);
  if (s === undefined) {
    const own = listSchemes().filter((i) => i.languages.includes(language.id)).map((i) => i.id);
    throw new LatinitsaError('ERR_INVALID_OPTION', `scheme "${given.id}" has no table for ${language.name} (lang "${language.id}"); ${language.name} schemes: ${own.join(', ')}`);
  }
  return { scheme: s, language };
}

/**
 * The id of the scheme to use for text in `lang` when the caller named `scheme` (or none): the
 * scheme of the same family for that language, or the language's default when the family has
 * none. Used where a scheme is named per document or per field (the checker, bibliographies).
 *
 * @example
 * import { schemeIdForLanguage } from 'latinitsa';
 * [schemeIdForLanguage('ala-lc', 'uk'), schemeIdForLanguage(undefined, 'bg'), schemeIdForLanguage('modified-loc', 'sr')];
 * //=> ['ala-lc-uk', 'bg-streamlined', 'sr-gaj']
 */
export function schemeIdForLanguage(scheme: string | undefined, lang: string): string {
  const language = languageOf(lang);
  if (scheme === undefined) return language.defaultScheme!;
  return schemeForLanguage(getScheme(scheme), language.id)?.id ?? language.defaultScheme!;
}
