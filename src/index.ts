export { LatinitsaError, type ErrorCode, type ErrorDetails } from './errors.ts';
export type { SchemeSource, RuleSource, OptionSource, OptionValueSource, ProfileSource, LanguageSource, AllCapsMode, PreReformMode, ContextToken } from './schemes/types.ts';
export { validateScheme, type ValidateSchemeOptions } from './schemes/validate.ts';
export { getScheme, listSchemes, loadScheme, getLanguage, type Scheme, type SchemeInfo, type LoadSchemeOptions } from './schemes/registry.ts';
export { normalizeInput, type NormalizeOptions } from './engine/normalize.ts';
export { titleForm, type CommonOptions, type CompiledScheme } from './engine/compile.ts';
export { romanize, explain, getCompiled, type RomanizeOptions, type Segment } from './engine/romanize.ts';
export * from './cite/index.ts';
export * from './check/index.ts';
