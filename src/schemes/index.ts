// `latinitsa/schemes`: the scheme and language data and everything about it — the registry, the
// defaults, the validator and the types of the two file formats (docs/api.md). Browser-safe.
export {
  DEFAULT_LANGUAGE,
  DEFAULT_SCHEME,
  defaultSchemeOf,
  getLanguage,
  getScheme,
  listSchemes,
  listLanguages,
  schemeForLanguage,
  loadScheme,
  type DefaultSchemeOptions,
  type LoadSchemeOptions,
  type Scheme,
  type SchemeInfo,
} from './registry.ts';
export { validateScheme, validateLanguage, type ValidateSchemeOptions } from './validate.ts';
export type * from './types.ts';
