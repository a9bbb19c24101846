/**
 * The language files (src/schemes/languages/*.json) and the defaults they decide: the
 * default language, and each language's default scheme for running text and for citations
 * (docs/scheme-format.md).
 */
import { LatinitsaError } from '../errors.ts';
import { languageFiles } from './builtin.ts';
import type { LanguageSource } from './types.ts';

/** The language of text when a caller names none. */
export const DEFAULT_LANGUAGE = 'ru';

/** Throws ERR_SCHEME_INVALID naming the file (or the id), the JSON pointer and the reason. */
export function invalid(file: string | undefined, id: string, pointer: string, reason: string): never {
  throw new LatinitsaError('ERR_SCHEME_INVALID', `${file ?? id}: ${pointer}: ${reason}`, { ...(file === undefined ? {} : { file }), pointer });
}

/**
 * The language files, by id: the default language first. They are not checked at run time: the
 * tests check each one against its schema and rules (test/scheme-registry.test.ts), and start-up
 * should not pay for it; the name of each file must still be its id.
 */
export const languages: ReadonlyMap<string, LanguageSource> = loadLanguages();

function loadLanguages(): Map<string, LanguageSource> {
  const map = new Map<string, LanguageSource>();
  const first = `${DEFAULT_LANGUAGE}.json`;
  for (const [name, data] of Object.entries(languageFiles).sort(([a], [b]) => Number(b === first) - Number(a === first))) {
    const file = `src/schemes/languages/${name}`;
    const language = data as LanguageSource;
    if (`${language.id}.json` !== name) invalid(file, language.id, '/id', `must be "${name.slice(0, -'.json'.length)}", the name of the file`);
    map.set(language.id, language);
  }
  return map;
}

/**
 * Language data by id (`ru`).
 *
 * @example
 * import { getLanguage } from 'latinitsa/schemes';
 * getLanguage('ru').classes.sign;
 * //=> 'ъь'
 */
export function getLanguage(id: string): LanguageSource {
  const language = languages.get(id);
  if (language === undefined) {
    throw new LatinitsaError('ERR_SCHEME_INVALID', `unknown language "${id}" (known: ${[...languages.keys()].join(', ')})`);
  }
  return language;
}

/** Options of {@link defaultSchemeOf}. */
export interface DefaultSchemeOptions {
  /** Language id. Default {@link DEFAULT_LANGUAGE}. */
  lang?: unknown;
  /** `text` (running text, the default) or `citation` (archival references and bibliographies). */
  use?: 'text' | 'citation';
}

/**
 * The scheme a language uses when the caller names none, as its language file says:
 * `defaultScheme` for running text, `citationScheme` (else `defaultScheme`) for citations and
 * bibliographies. An unknown language is `ERR_INVALID_OPTION`.
 *
 * @example
 * import { defaultSchemeOf } from 'latinitsa/schemes';
 * defaultSchemeOf({ lang: 'ru', use: 'citation' });
 * //=> 'ala-lc-simplified'
 */
export function defaultSchemeOf(options: DefaultSchemeOptions = {}): string {
  const lang = options.lang ?? DEFAULT_LANGUAGE;
  const language = typeof lang === 'string' ? languages.get(lang) : undefined;
  if (language === undefined) {
    throw new LatinitsaError('ERR_INVALID_OPTION', `unknown language ${JSON.stringify(lang)} (known: ${[...languages.keys()].join(', ')})`);
  }
  const id = (options.use === 'citation' ? language.citationScheme : undefined) ?? language.defaultScheme;
  if (id === undefined) throw new LatinitsaError('ERR_INVALID_OPTION', `language "${language.id}" names no default scheme; name one with "scheme"`);
  return id;
}

/**
 * The scheme used when none is named: the default scheme of the default language (its language
 * file's `defaultScheme`). Code never writes a scheme id of its own; it asks for this one or for
 * {@link defaultSchemeOf} a language.
 *
 * @example
 * import { DEFAULT_SCHEME } from 'latinitsa';
 * DEFAULT_SCHEME;
 * //=> 'modified-loc'
 */
export const DEFAULT_SCHEME: string = defaultSchemeOf();
