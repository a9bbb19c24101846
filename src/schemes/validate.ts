import { LatinitsaError } from '../errors.ts';
import languageSchema from './language.schema.json' with { type: 'json' };
import schemeSchema from './scheme.schema.json' with { type: 'json' };
import { checkSchema, pointerSegment, type Fail, type JsonSchema } from './schema.ts';
import { describeChar, inWordOf, lookAlikeOf } from './script.ts';
import type { LanguageSource, RuleSource, SchemeSource } from './types.ts';

export { pointerSegment } from './schema.ts';

/** Options of {@link validateScheme}. */
export interface ValidateSchemeOptions {
  /** File name to put in error messages. */
  file?: string;
  /** Language data the rules' letter classes refer to. */
  language: LanguageSource;
  /** Option definitions inherited through `extends`, so that `if` conditions can name them. */
  inheritedOptions?: SchemeSource['options'];
  /**
   * The other languages the scheme serves (its `languages`, as language data), whose letters it
   * may name too; `loadScheme` passes them. Default: none.
   */
  otherLanguages?: readonly LanguageSource[];
}

/**
 * The options every scheme has (`romanize(text, { scheme, allCaps, … })`): a scheme's own option
 * of one of these names could never be set. The engine's resolver reads the same list.
 */
export const COMMON_OPTION_NAMES: readonly string[] = ['scheme', 'lang', 'allCaps', 'preReform', 'exceptions', 'joinLineBreakHyphens', 'repairHomoglyphs'];

/**
 * Whether a name given in a scheme file (an option, an option's value, a profile) is reserved:
 * the name of a property every object has (`__proto__`, `constructor`, `toString`…). Such a
 * name, looked up carelessly, finds something that is not in the file.
 */
function isReservedName(name: string): boolean {
  return name === '__proto__' || name in Object.prototype;
}

// Read through a function: in the built package the schema's text is parsed on the first call,
// not when the module loads (scripts/build.mjs), since a run that checks no user file needs neither.
const schemeSchemaOf = (): JsonSchema => schemeSchema as JsonSchema;
const languageSchemaOf = (): JsonSchema => languageSchema as JsonSchema;
const CONTEXT_KEYS = ['after', 'before', 'notAfter', 'notBefore'] as const;

/** A `fail` that throws `ERR_SCHEME_INVALID` naming the file (or `what`), the pointer and the reason. */
function failer(file: string | undefined, what: string): Fail {
  return (pointer, reason) => {
    throw new LatinitsaError('ERR_SCHEME_INVALID', `${file ?? what}: ${pointer || '/'}: ${reason}`, {
      ...(file === undefined ? {} : { file }),
      pointer,
    });
  };
}

/**
 * Checks a scheme file and returns it typed: its structure against `scheme.schema.json`, then
 * what the schema cannot say (docs/scheme-format.md). Throws {@link LatinitsaError} with code
 * `ERR_SCHEME_INVALID`, the file, a JSON pointer to the field and the reason.
 *
 * @example
 * import { validateScheme, getLanguage } from 'latinitsa/schemes';
 * const error = (() => { try { validateScheme({ id: 'x', name: 'X', leters: {} }, { file: 'x.json', language: getLanguage('ru') }); } catch (e) { return e as Error; } })();
 * error?.message;
 * //=> 'x.json: /leters: unknown field "leters" (allowed: id, name, authority, edition, source, description, summary, language, languages, family, extends, letters, letterNotes, rules, removeRules, options, defaults, case, profiles, alphabet, samples)'
 */
export function validateScheme(data: unknown, options: ValidateSchemeOptions): SchemeSource {
  return checkSchemeMeaning(checkSchemeShape(data, options), options);
}

/** The structure of a scheme file, as scheme.schema.json describes it (no language needed). */
export function checkSchemeShape(data: unknown, options: { file?: string | undefined }): SchemeSource {
  const fail: Fail = failer(options.file, 'scheme');
  const schema = schemeSchemaOf();
  checkSchema(data, schema, schema, '', fail);
  const scheme = data as SchemeSource;
  // The schema's anyOf, with a message that says why.
  if (scheme.extends === undefined && scheme.letters === undefined) fail('/letters', 'is required unless the scheme "extends" another one');
  return scheme;
}

/** What the schema cannot say about a scheme whose structure is checked: options, rules, letter classes. */
export function checkSchemeMeaning(scheme: SchemeSource, options: ValidateSchemeOptions): SchemeSource {
  const fail: Fail = failer(options.file, 'scheme');
  const { language } = options;

  const reserved = (pointer: string, name: string): void => {
    if (isReservedName(name)) fail(pointer, `"${name}" is a reserved name (a property of every JavaScript object): choose another`);
  };
  for (const name of Object.keys(scheme.profiles ?? {})) reserved(`/profiles/${pointerSegment(name)}`, name);
  const optionDefs: Record<string, { values: Record<string, unknown> }> = Object.assign(Object.create(null) as Record<string, { values: Record<string, unknown> }>, options.inheritedOptions);
  for (const [name, option] of Object.entries(scheme.options ?? {})) {
    reserved(`/options/${pointerSegment(name)}`, name);
    if (COMMON_OPTION_NAMES.includes(name)) fail(`/options/${pointerSegment(name)}`, `"${name}" is a common option of every scheme (${COMMON_OPTION_NAMES.join(', ')}): a scheme's own option needs another name`);
    for (const value of Object.keys(option.values)) reserved(`/options/${pointerSegment(name)}/values/${pointerSegment(value)}`, value);
    if (!Object.hasOwn(option.values, option.default)) {
      fail(`/options/${pointerSegment(name)}/default`, `"${option.default}" is not one of the values (${Object.keys(option.values).join(', ')})`);
    }
    optionDefs[name] = option;
  }

  // Letters a word of the scheme's languages cannot hold — a Latin "q", or a Latin "e" typed for
  // the Cyrillic one — would make a value or a rule that never applies, silently
  // (docs/scheme-format.md): each is refused where it is written.
  const served = [language, ...(options.otherLanguages ?? [])];
  const letters = (pointer: string, text: string): void => checkLetters(pointer, text, served, fail);
  for (const key of Object.keys(scheme.letters ?? {})) if (!key.startsWith('$')) letters(`/letters/${pointerSegment(key)}`, key);
  for (const [name, option] of Object.entries(scheme.options ?? {})) {
    for (const [valueName, value] of Object.entries(option.values)) {
      const at = `/options/${pointerSegment(name)}/values/${pointerSegment(valueName)}`;
      for (const key of Object.keys(value.letters ?? {})) if (!key.startsWith('$')) letters(`${at}/letters/${pointerSegment(key)}`, key);
      // What `substitute` and `givenNames` write is read again as letters of the text.
      for (const part of ['substitute', 'givenNames'] as const) {
        for (const [key, out] of Object.entries(value[part] ?? {})) {
          if (key.startsWith('$')) continue;
          letters(`${at}/${part}/${pointerSegment(key)}`, key);
          checkLetters(`${at}/${part}/${pointerSegment(key)}`, out, served, fail, 'written');
        }
      }
    }
  }

  (scheme.rules ?? []).forEach((rule, i) => {
    const at = `/rules/${i}`;
    const ruleLetters = [...rule.match];
    if (Array.isArray(rule.output) && rule.output.length !== ruleLetters.length) {
      fail(`${at}/output`, `has ${rule.output.length} parts but "match" has ${ruleLetters.length} letters (one output per matched letter)`);
    }
    letters(`${at}/match`, rule.match);
    checkContexts(rule, at, language, served, fail);
    for (const [name, value] of Object.entries(rule.if ?? {})) {
      const cat = `${at}/if/${pointerSegment(name)}`;
      const def = Object.hasOwn(optionDefs, name) ? optionDefs[name] : undefined;
      if (def === undefined) fail(cat, `names no option of this scheme ("${name}")`);
      if (!Object.hasOwn(def.values, value)) fail(cat, `"${value}" is not a value of option "${name}" (${Object.keys(def.values).join(', ')})`);
    }
  });
  return scheme;
}

/**
 * Every character of `text` must be one a word of the languages can hold: of a letter key, a
 * match or a context (`read`: the text is never read there), or of what `substitute` writes
 * (`written`: the letters and rules never read it).
 */
function checkLetters(pointer: string, text: string, served: readonly LanguageSource[], fail: Fail, role: 'read' | 'written' = 'read'): void {
  for (const ch of text) {
    if (inWordOf(served, ch)) continue;
    const names = served.map((l) => l.name).join(', ');
    const scripts = [...new Set(served.map((l) => l.script))].join(', ');
    const twin = lookAlikeOf(served, ch);
    const hint = twin === undefined ? '' : `: did you mean the ${twin.script} ${describeChar(twin.char)}, which it looks like?`;
    const effect = role === 'read' ? 'no word holds it, so this never applies' : 'the letters and rules of the scheme never read it';
    fail(pointer, `${describeChar(ch)} is not a letter of ${names} (${scripts} script): ${effect}${hint}`);
  }
}

/**
 * A rule's contexts: `^` (the start of the word) is what precedes a match, so it stands in `after`
 * or `notAfter`; `$` (the end of the word) follows one, in `before` or `notBefore` (the engine
 * compares the letter before the match with `after`, the letter after it with `before`;
 * docs/scheme-format.md). Letter classes (`@vowel`) must be classes of the language, and letters
 * letters of its words.
 */
function checkContexts(rule: Pick<RuleSource, (typeof CONTEXT_KEYS)[number]>, at: string, language: LanguageSource, served: readonly LanguageSource[], fail: Fail): void {
  for (const key of CONTEXT_KEYS) {
    const side = key === 'after' || key === 'notAfter' ? 'before' : 'after';
    (rule[key] ?? []).forEach((token, j) => {
      const pointer = `${at}/${key}/${j}`;
      if (token === '^' && side === 'after') fail(pointer, `"^" (the start of the word) stands only in "after" or "notAfter", which look at what precedes the match; "${key}" looks at what follows it, where "$" is the end of the word`);
      else if (token === '$' && side === 'before') fail(pointer, `"$" (the end of the word) stands only in "before" or "notBefore", which look at what follows the match; "${key}" looks at what precedes it, where "^" is the start of the word`);
      else if (token.startsWith('@')) {
        if (!Object.hasOwn(language.classes, token.slice(1))) {
          fail(pointer, `unknown letter class "${token}" (the ${language.name} classes are ${Object.keys(language.classes).map((k) => `@${k}`).join(', ')})`);
        }
      } else if (token !== '^' && token !== '$') checkLetters(pointer, token, served, fail);
    });
  }
}

/**
 * Checks a language file and returns it typed: its structure against `language.schema.json`, then
 * that the letter classes its deletions name exist. Errors are `ERR_SCHEME_INVALID` with the file,
 * a JSON pointer and the reason.
 */
export function validateLanguage(data: unknown, options: { file?: string } = {}): LanguageSource {
  const language = checkLanguageShape(data, options);
  const fail = failer(options.file, 'language');
  (language.modernizeDeletes ?? []).forEach((deletion, i) => {
    checkLetters(`/modernizeDeletes/${i}/match`, deletion.match, [language], fail);
    checkContexts(deletion, `/modernizeDeletes/${i}`, language, [language], fail);
  });
  return language;
}

/** The structure of a language file, as language.schema.json describes it. */
export function checkLanguageShape(data: unknown, options: { file?: string | undefined }): LanguageSource {
  const schema = languageSchemaOf();
  checkSchema(data, schema, schema, '', failer(options.file, 'language'));
  return data as LanguageSource;
}
