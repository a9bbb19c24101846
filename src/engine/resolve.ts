/**
 * The one place where "which scheme, with which options" is decided: a scheme id or a loaded
 * scheme (or none: the language's default), the common options and the scheme's own options
 * become a compiled scheme. Every caller — romanize, the byte and stream paths, reverse, the
 * checker, citations, the CLI, the HTTP API and the page — goes through {@link resolveScheme}, so
 * option names and values are checked here and nowhere else (docs/architecture.md).
 */
import { LatinitsaError } from '../errors.ts';
import { defaultSchemeOf } from '../schemes/languages.ts';
import { getScheme, isLoadedScheme, type Scheme } from '../schemes/registry.ts';
import type { AllCapsMode, PreReformMode } from '../schemes/types.ts';
import { COMMON_OPTION_NAMES } from '../schemes/validate.ts';
import { compileScheme, type CommonOptions, type CompiledScheme } from './compile.ts';
import { schemeInLanguage } from './lang.ts';

/**
 * A scheme and its options, as `romanize` and every other function that romanizes take them:
 * the scheme, the language, the common options (docs/rules/options.md), and the scheme's own
 * options by name (e.g. `signBeforeE: 'omit'` for the default scheme, `tie: 'halves'` for ala-lc).
 */
export interface RomanizeOptions extends CommonOptions {
  /** Scheme id or a loaded scheme. Default: the language's default scheme (`DEFAULT_SCHEME` for Russian). */
  scheme?: string | Scheme | undefined;
  /**
   * The language of the text (`'ru'`, `'uk'`, `'be'`, `'bg'`, `'sr'`, `'mk'`), or `'auto'` to decide
   * it per paragraph (`romanize`, `explain`, `romanizeDetailed`; docs/languages.md). Without
   * `scheme`: the language's default scheme; with one: that scheme if it serves the language,
   * else the scheme of the same family for it (`ala-lc` → `ala-lc-uk`). Default: the scheme's
   * language.
   */
  lang?: string | undefined;
  /** Scheme-specific options, by name. */
  [schemeOption: string]: unknown;
}

// The option names every scheme accepts (decided with the scheme files' rules, which reserve
// them); any other name must be an option of the chosen scheme.
export { COMMON_OPTION_NAMES };

const ALL_CAPS: readonly AllCapsMode[] = ['upper', 'acronym', 'auto'];
const PRE_REFORM: readonly PreReformMode[] = ['native', 'modernize'];
const COMMON = new Set(COMMON_OPTION_NAMES);

const compiledCache = new WeakMap<Scheme, Map<string, CompiledScheme>>();
/** The compiled scheme for a scheme's default options (the common case, looked up without building a key). */
const defaultCompiled = new WeakMap<Scheme, CompiledScheme>();
let lastDefault: CompiledScheme | undefined;
/**
 * The id `lastDefault` was asked for by, when it is a built-in scheme's (an id that always names
 * the same scheme: a registered scheme may be replaced, a built-in one not), so that a run of calls
 * with the same id skips the registry.
 */
let lastDefaultId: string | undefined;

/** A wrong value as the message of an option error names it (`found …`). */
export const describeValue = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'string' ? JSON.stringify(value) : typeof value);

function chosenScheme(scheme: unknown, lang: unknown): Scheme {
  if (scheme === undefined) return getScheme(defaultSchemeOf({ lang }));
  if (typeof scheme === 'string') return getScheme(scheme);
  if (isLoadedScheme(scheme)) return scheme;
  throw new LatinitsaError('ERR_INVALID_OPTION', `option "scheme" must be a scheme id or a scheme from loadScheme, found ${describeValue(scheme)}`);
}

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new LatinitsaError('ERR_INVALID_OPTION', `option "${name}" must be one of ${allowed.map((v) => `"${v}"`).join(', ')}, found ${describeValue(value)}`);
}

/**
 * The scheme's option values in force: the caller's, else the scheme's defaults. A name that is
 * not an option of the scheme, or a value that is not one of the option's values, throws. Only
 * own properties count, so `constructor` or `toString` are never taken for an option or a value.
 */
function optionValues(scheme: Scheme, options: RomanizeOptions): Record<string, string> {
  for (const key of Object.keys(options)) {
    if (COMMON.has(key) || options[key] === undefined || Object.hasOwn(scheme.options, key)) continue;
    const known = [...COMMON_OPTION_NAMES.filter((k) => k !== 'scheme'), ...Object.keys(scheme.options)];
    throw new LatinitsaError('ERR_INVALID_OPTION', `unknown option ${JSON.stringify(key)} for scheme "${scheme.id}" (known: ${known.join(', ')})`);
  }
  const values: Record<string, string> = {};
  for (const [name, option] of Object.entries(scheme.options)) {
    const given = Object.hasOwn(options, name) ? options[name] : undefined;
    // Two-valued options named "true"/"false" also take booleans (`interpunct: true`).
    const value = typeof given === 'boolean' ? String(given) : given;
    if (value === undefined) values[name] = option.default;
    else if (typeof value === 'string' && Object.hasOwn(option.values, value)) values[name] = value;
    else {
      throw new LatinitsaError(
        'ERR_INVALID_OPTION',
        `option "${name}" of scheme "${scheme.id}" must be one of ${Object.keys(option.values).map((v) => `"${v}"`).join(', ')}, found ${JSON.stringify(value)}`,
      );
    }
  }
  return values;
}

/**
 * The common options that do not compile into the scheme: `exceptions` an object of Cyrillic word
 * to romanization (strings), `joinLineBreakHyphens` and `repairHomoglyphs` booleans
 * (docs/rules/options.md). Checked here so that a wrong type is `ERR_INVALID_OPTION`, not a
 * TypeError deep in the engine (an HTTP request's `"exceptions": {"Юрий": 5}` was a 500).
 */
function checkWordOptions(options: RomanizeOptions): void {
  const exceptions: unknown = options.exceptions;
  if (exceptions !== undefined) {
    if (exceptions === null || typeof exceptions !== 'object' || Array.isArray(exceptions)) {
      throw new LatinitsaError('ERR_INVALID_OPTION', `option "exceptions" must be an object of words and their romanizations, found ${describeValue(exceptions)}`);
    }
    for (const [word, value] of Object.entries(exceptions)) {
      if (typeof value !== 'string') throw new LatinitsaError('ERR_INVALID_OPTION', `option "exceptions": the romanization of ${JSON.stringify(word)} must be a string, found ${describeValue(value)}`);
    }
  }
  for (const name of ['joinLineBreakHyphens', 'repairHomoglyphs'] as const) {
    const value: unknown = options[name];
    if (value !== undefined && typeof value !== 'boolean') throw new LatinitsaError('ERR_INVALID_OPTION', `option "${name}" must be true or false, found ${describeValue(value)}`);
  }
}

/**
 * Resolves a scheme and its options into the compiled scheme the engine runs on: the scheme by
 * id (or the loaded scheme given, or the language's default), every option name and value
 * checked, compiled once per scheme and option set and cached. Misuse throws `LatinitsaError`
 * (`ERR_UNKNOWN_SCHEME`, `ERR_INVALID_OPTION`).
 *
 * @example
 * import { resolveScheme } from 'latinitsa/engine';
 * const compiled = resolveScheme({ scheme: 'ala-lc', tie: 'halves' });
 * [compiled.scheme.id, compiled.options.tie];
 * //=> ['ala-lc', 'halves']
 * resolveScheme().scheme.id === resolveScheme({ lang: 'ru' }).scheme.id;
 * //=> true
 */
export function resolveScheme(options: RomanizeOptions = {}): CompiledScheme {
  // Per-call fast lane: options that name at most a scheme use the scheme's defaults.
  let only = true;
  for (const key in options) {
    if (key !== 'scheme') {
      only = false;
      break;
    }
  }
  let memoId: string | undefined;
  if (only) {
    const id = options.scheme;
    if (typeof id === 'string' && id === lastDefaultId) return lastDefault!;
    const s = chosenScheme(id, undefined);
    memoId = typeof id === 'string' && s.builtIn ? id : undefined;
    const hit = s === lastDefault?.scheme ? lastDefault : defaultCompiled.get(s);
    if (hit !== undefined) {
      lastDefaultId = memoId;
      return (lastDefault = hit);
    }
  }
  if (options.lang !== undefined && options.scheme !== undefined) defaultSchemeOf({ lang: options.lang }); // an unknown language is an error either way
  // The scheme for the language: the one named (or the language's default), else its family's (docs/languages.md).
  const { scheme, language } = schemeInLanguage(chosenScheme(options.scheme, options.lang), options.lang);
  const values = optionValues(scheme, options);
  checkWordOptions(options);
  const allCaps = oneOf('allCaps', options.allCaps, ALL_CAPS) ?? scheme.defaults.allCaps;
  const preReform = oneOf('preReform', options.preReform, PRE_REFORM) ?? scheme.defaults.preReform;
  const key = JSON.stringify([values, allCaps, preReform, language.id]);
  let perScheme = compiledCache.get(scheme);
  if (perScheme === undefined) compiledCache.set(scheme, (perScheme = new Map()));
  let compiled = perScheme.get(key);
  if (compiled === undefined) {
    compiled = compileScheme(scheme, values, { allCaps, preReform }, language);
    perScheme.set(key, compiled);
  }
  if (only) {
    defaultCompiled.set(scheme, compiled);
    lastDefault = compiled;
    lastDefaultId = memoId;
  }
  return compiled;
}

/**
 * Throws when an option in force rewrites only given names (an option value's `givenNames`,
 * docs/scheme-format.md): romanizing a text cannot tell a given name from any other word, so such
 * an option would do nothing there; it is refused rather than silently ignored. Only the checker
 * reads it, with its lexicon of names (docs/check.md, "A declared modification of a scheme").
 */
export function assertRomanizable(compiled: CompiledScheme): void {
  const name = compiled.givenNameOptions[0];
  if (name === undefined) return;
  const value = compiled.options[name]!;
  throw new LatinitsaError(
    'ERR_INVALID_OPTION',
    `option "${name}" of scheme "${compiled.scheme.id}": the value "${value}" applies to given names only, and romanizing cannot tell which words are given names; only \`latinitsa check\` reads it (docs/check.md). Romanize with the default "${compiled.scheme.options[name]!.default}", or use exceptions for the names`,
  );
}
