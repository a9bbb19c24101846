import { LatinitsaError } from '../errors.ts';
import { schemeFiles } from './builtin.ts';
import { DEFAULT_LANGUAGE, getLanguage, invalid, languages } from './languages.ts';
import type { LanguageSource, OptionSource, RuleSource, SchemeSource } from './types.ts';

export { DEFAULT_LANGUAGE, DEFAULT_SCHEME, defaultSchemeOf, getLanguage, type DefaultSchemeOptions } from './languages.ts';
import { describeChar, inWordOf, lookAlikeOf } from './script.ts';
import { checkSchemeMeaning, checkSchemeShape, pointerSegment } from './validate.ts';
/**
 * A scheme after validation and `extends` resolution: every field filled in, frozen. Pass it to
 * `romanize` as `scheme`, or register it so that it can be named by id.
 */
export interface Scheme {
  readonly id: string;
  readonly name: string;
  readonly authority: string;
  readonly edition: string;
  readonly source: string;
  readonly description: string;
  /** What the scheme does, in plain words (`""` when its file has none; not inherited through `extends`). */
  readonly summary: string;
  /** Ids of the schemes this one extends, nearest first. */
  readonly extendsChain: readonly string[];
  readonly language: LanguageSource;
  /** The system the scheme belongs to across languages (`ala-lc`): the one it names, else its parent's, else its own id. */
  readonly family: string;
  /** The languages the scheme serves: its own first, then those it lists in `languages` (ISO 9: all). */
  readonly languages: readonly string[];
  readonly letters: Readonly<Record<string, string>>;
  readonly letterNotes: Readonly<Record<string, string>>;
  readonly rules: readonly RuleSource[];
  readonly options: Readonly<Record<string, OptionSource>>;
  readonly defaults: { readonly allCaps: 'upper' | 'acronym' | 'auto'; readonly preReform: 'native' | 'modernize' };
  readonly tieMarks: readonly string[];
  readonly profiles: NonNullable<SchemeSource['profiles']>;
  readonly alphabet: string;
  readonly samples: readonly (readonly [string, string])[];
  /** Whether the scheme ships with latinitsa. */
  readonly builtIn: boolean;
}

/** A short description of a scheme, as `listSchemes` returns it. */
export interface SchemeInfo {
  id: string;
  name: string;
  /** The scheme's language, then the others it serves. */
  languages: string[];
  /** The system the scheme belongs to across languages (its id when none). */
  family: string;
  authority: string;
  edition: string;
  description: string;
  /** What the scheme does, in plain words. */
  summary: string;
  options: Record<string, { default: string; values: string[]; description: string }>;
  builtIn: boolean;
}

/** The schemes built so far, by id: built-in ones as they are first used, and registered ones. */
const registry = new Map<string, Scheme>();
/** Every scheme this module built (built-in, registered or not): what `scheme` options may pass. */
const loaded = new WeakSet<object>();

/** Options of {@link loadScheme}. */
export interface LoadSchemeOptions {
  /** File name for error messages. */
  file?: string;
  /** Make the scheme available by its id (`romanize(text, { scheme: id })`, `extends`). Default `false`. */
  register?: boolean;
  /** Check the scheme's own samples when loading (a failing sample is an error). Default `true`. */
  verifySamples?: boolean;
  /**
   * A user's scheme, passed as an object rather than registered (a command's scheme file, a scheme
   * sent to the HTTP API): its id may not be a built-in scheme's, as a registered one's may not.
   * Default `false`.
   */
  own?: boolean;
}

/** Characters of the title and all-caps forms of a value that the alphabet must contain. */
function* valueChars(value: string): Generator<string> {
  yield* value;
  yield* value.toUpperCase().normalize('NFC');
  yield* value.normalize('NFD');
  yield* value.toUpperCase().normalize('NFD');
}

/** The values a scheme file writes itself: its letters, its rules' outputs, its options' letters. */
function ownValues(source: SchemeSource): string[] {
  return [
    ...Object.entries(source.letters ?? {}).filter(([k]) => !k.startsWith('$')).map(([, v]) => v),
    ...(source.rules ?? []).flatMap((r) => (Array.isArray(r.output) ? r.output : [r.output])),
    ...Object.values(source.options ?? {}).flatMap((o) => Object.values(o.values).flatMap((v) => Object.entries(v.letters ?? {}).filter(([k]) => !k.startsWith('$')).map(([, out]) => out))),
  ];
}

/** An "alphabet" for values: their characters in both cases, less letters of the script they romanize. */
function suggestedAlphabet(values: readonly string[], served: readonly LanguageSource[]): string {
  const chars = [...values.join('')].filter((ch) => !inWordOf(served, ch));
  const lower = [...new Set(chars.map((ch) => ch.toLowerCase()))].sort();
  return [...new Set([...lower, ...lower.map((ch) => ch.toUpperCase())])].join('').normalize('NFC');
}

/** Where a scheme's alphabet comes from, for {@link checkAlphabet}'s message. */
interface AlphabetOrigin {
  /** The file declares `alphabet`. */
  declared: boolean;
  /** The scheme it extends, whose alphabet it takes with its own values' characters. */
  parent: Scheme | undefined;
  /** The languages it serves: a letter of their script in a value is named as such. */
  served: readonly LanguageSource[];
  /** An alphabet for the file's values, offered when it declares none and extends none. */
  suggestion: () => string;
  /** What the file writes itself (the rest is inherited): its letters, how many of the rules are its own (they come first), its options. */
  own: { letters: ReadonlySet<string>; rules: number; options: ReadonlySet<string> };
}

/**
 * Every character a scheme writes must be in its alphabet (docs/scheme-format.md). The message
 * says where that alphabet comes from: declared by the file; the parent's and the file's own
 * characters (which leaves out only letters of the script romanized); or, with neither, none at
 * all — then it says to declare one, and offers it.
 */
function checkAlphabet(scheme: Omit<Scheme, 'builtIn'>, file: string | undefined, origin: AlphabetOrigin): void {
  const allowed = new Set([...scheme.alphabet.normalize('NFD'), ...scheme.alphabet.normalize('NFC')]);
  const fail = (pointer: string, value: string, ch: string): never => {
    if (!origin.declared && origin.parent === undefined) {
      // No alphabet at all: the field to add is the error, with one for this file's values.
      const suggestion = origin.suggestion();
      invalid(file, scheme.id, '/alphabet', `is required unless the scheme "extends" another one: it lists every character the scheme writes, in both cases, so that a look-alike typed by mistake is an error (${pointer} writes ${describeChar(ch)}); add ${suggestion === '' ? 'one' : `"alphabet": ${JSON.stringify(suggestion)}`}`);
    }
    const twin = lookAlikeOf(origin.served, ch);
    const scripts = [...new Set(origin.served.map((l) => l.script))].join(', ');
    const uses = inWordOf(origin.served, ch) ? `the ${scripts} letter ${describeChar(ch)},${twin === undefined ? '' : ` a look-alike of the ${twin.script} ${describeChar(twin.char)},`}` : `${describeChar(ch)},`;
    const reason = origin.declared
      ? `which is not in the scheme's declared "alphabet"`
      : `which is not in its alphabet: a scheme that "extends" another and declares no "alphabet" may write the characters of ${origin.parent!.id}'s alphabet and of its own values, but no letter of the script it romanizes; write the intended character, or declare an "alphabet" listing every character the scheme writes`;
    return invalid(file, scheme.id, pointer, `value ${JSON.stringify(value)} uses ${uses} ${reason}`);
  };
  // A value the file inherits is not in the file: the error is the declared alphabet's, which
  // lacks what the parent writes (not "/letters/а", a field the file does not have). A declared alphabet lists every character the scheme writes, inherited ones too
  // (docs/scheme-format.md): the message offers the parent's alphabet with the declared one.
  const failInherited = (what: string, value: string, ch: string): never => {
    const parent = origin.parent!.id;
    const merged = [...new Set([...scheme.alphabet, ...origin.parent!.alphabet])].join('').normalize('NFC');
    return invalid(file, scheme.id, '/alphabet', `lacks ${describeChar(ch)}, which ${what} inherited from ${parent} writes (${JSON.stringify(value)}): a scheme that "extends" another and declares an "alphabet" lists every character it writes, those of the letters, rules and options it inherits too; declare "alphabet": ${JSON.stringify(merged)} (${parent}'s with this file's), or leave "alphabet" out to write ${parent}'s alphabet and the characters of this file's own values`);
  };
  const check = (pointer: string, value: string, inherited: string | undefined): void => {
    for (const ch of valueChars(value)) {
      if (allowed.has(ch)) continue;
      if (inherited !== undefined && origin.declared && origin.parent !== undefined) failInherited(inherited, value, ch);
      fail(pointer, value, ch);
    }
  };
  for (const [letter, value] of Object.entries(scheme.letters)) check(`/letters/${pointerSegment(letter)}`, value, origin.own.letters.has(letter) ? undefined : `the letter ${JSON.stringify(letter)}`);
  scheme.rules.forEach((rule, i) => {
    const outputs = Array.isArray(rule.output) ? rule.output : [rule.output];
    const inherited = i < origin.own.rules ? undefined : rule.id === undefined ? `a rule for ${JSON.stringify(rule.match)}` : `the rule ${rule.id} (for ${JSON.stringify(rule.match)})`;
    for (const out of outputs) check(`/rules/${i}/output`, out, inherited);
  });
  for (const [name, option] of Object.entries(scheme.options)) {
    for (const [valueName, value] of Object.entries(option.values)) {
      for (const [letter, out] of Object.entries(value.letters ?? {})) {
        const inherited = origin.own.options.has(name) ? undefined : `the option ${JSON.stringify(name)} (value ${JSON.stringify(valueName)}, letter ${JSON.stringify(letter)})`;
        check(`/options/${pointerSegment(name)}/values/${pointerSegment(valueName)}/letters/${pointerSegment(letter)}`, out, inherited);
      }
    }
  }
}

/**
 * `removeRules` names inherited rules by id: an id that names none (a typo, or a scheme that
 * extends nothing) would drop nothing, silently (docs/scheme-format.md).
 */
function checkRemoveRules(source: SchemeSource, parent: Scheme | undefined, file: string | undefined): void {
  const ids = [...new Set((parent?.rules ?? []).flatMap((r) => (r.id === undefined ? [] : [r.id])))];
  (source.removeRules ?? []).forEach((id, i) => {
    if (ids.includes(id)) return;
    const known = parent === undefined ? 'the scheme "extends" none, so it inherits no rule' : ids.length === 0 ? `${parent.id} has no rule with an id` : `the rules of ${parent.id} with an id: ${ids.join(', ')}`;
    invalid(file, source.id, `/removeRules/${i}`, `no inherited rule has the id ${JSON.stringify(id)} (${known})`);
  });
}

/**
 * Builds a scheme from its file: structure, parent, language, the checks that need them, then
 * the merged, frozen scheme. `parentOf` finds the scheme named by `extends` (for the built-in
 * files, loading it first when needed).
 */
function resolve(data: unknown, file: string | undefined, builtIn: boolean, parentOf: (id: string) => Scheme | undefined): Scheme {
  // A built-in file is not checked again at run time: the tests check every one of them exactly as
  // a user's file is checked (test/scheme-registry.test.ts), and start-up should not pay for it.
  const source = builtIn ? (data as SchemeSource) : checkSchemeShape(data, { file });
  let parent: Scheme | undefined;
  if (source.extends !== undefined) {
    if (source.extends === source.id) invalid(file, source.id, '/extends', `circular "extends" chain (${source.id} → ${source.extends})`);
    parent = parentOf(source.extends);
    if (parent === undefined) invalid(file, source.id, '/extends', `unknown scheme "${source.extends}" (known: ${knownIds().join(', ')})`);
  }
  const languageId = source.language ?? parent?.language.id ?? DEFAULT_LANGUAGE;
  if (!languages.has(languageId)) invalid(file, source.id, '/language', `unknown language "${languageId}" (known: ${[...languages.keys()].join(', ')})`);
  const language = getLanguage(languageId);
  // The other languages the scheme serves (ISO 9): their letters may stand in it too.
  const otherLanguages = (source.languages ?? []).map((id, i) => {
    if (!languages.has(id)) invalid(file, source.id, `/languages/${i}`, `unknown language "${id}" (known: ${[...languages.keys()].join(', ')})`);
    return getLanguage(id);
  });
  const served = [language, ...otherLanguages];
  if (!builtIn) {
    checkSchemeMeaning(source, { ...(file === undefined ? {} : { file }), language, otherLanguages, ...(parent ? { inheritedOptions: parent.options } : {}) });
    checkRemoveRules(source, parent, file);
  }
  const removed = new Set(source.removeRules ?? []);
  const ownRules = source.rules ?? [];
  const rules = [...ownRules, ...(parent?.rules ?? []).filter((r) => r.id === undefined || !removed.has(r.id))];
  const letters = { ...parent?.letters, ...stripComments(source.letters ?? {}) };
  const options = { ...parent?.options, ...source.options };
  let alphabet = source.alphabet ?? parent?.alphabet ?? '';
  if (source.alphabet === undefined && parent !== undefined) {
    // A scheme that extends another and declares no alphabet of its own declares, by writing
    // them, the characters of its own values — but not a letter of the script it romanizes: that
    // is the look-alike typed by mistake (a Cyrillic е in "zhе") the alphabet is there to catch
    // (docs/scheme-format.md). A scheme that writes one on purpose declares its alphabet.
    const own = [...ownValues(source).join('')].filter((ch) => !inWordOf(served, ch)).join('');
    alphabet = [...new Set([...alphabet, ...own, ...own.toUpperCase()])].join('');
  }
  const scheme: Omit<Scheme, 'builtIn'> = {
    id: source.id,
    name: source.name,
    authority: source.authority ?? parent?.authority ?? '',
    edition: source.edition ?? parent?.edition ?? '',
    source: source.source ?? parent?.source ?? '',
    description: source.description ?? parent?.description ?? '',
    // A scheme that extends another does something else: the parent's summary would misdescribe it.
    summary: source.summary ?? '',
    extendsChain: parent ? [parent.id, ...parent.extendsChain] : [],
    language,
    family: familyOf(source, parent?.family),
    languages: [language.id, ...(source.languages ?? []).filter((l) => l !== language.id)],
    letters,
    letterNotes: { ...parent?.letterNotes, ...stripComments(source.letterNotes ?? {}) },
    rules,
    options,
    defaults: {
      allCaps: source.defaults?.allCaps ?? parent?.defaults.allCaps ?? 'auto',
      preReform: source.defaults?.preReform ?? parent?.defaults.preReform ?? 'native',
    },
    tieMarks: source.case?.tieMarks ?? parent?.tieMarks ?? [],
    profiles: { ...parent?.profiles, ...source.profiles },
    alphabet,
    samples: (source.samples ?? []).map(([a, b]) => [a, b] as const),
  };
  for (const [name, option] of Object.entries(options)) {
    for (const [valueName, value] of Object.entries(option.values)) {
      if (value.profile !== undefined && !Object.hasOwn(scheme.profiles, value.profile)) {
        throw new LatinitsaError('ERR_SCHEME_INVALID', `${file ?? source.id}: /options/${name}/values/${valueName}/profile: unknown profile "${value.profile}"`, {
          ...(file === undefined ? {} : { file }),
          pointer: `/options/${pointerSegment(name)}/values/${pointerSegment(valueName)}/profile`,
        });
      }
    }
  }
  if (!builtIn) {
    const own = { letters: new Set(Object.keys(stripComments(source.letters ?? {}))), rules: ownRules.length, options: new Set(Object.keys(source.options ?? {})) };
    checkAlphabet(scheme, file, { declared: source.alphabet !== undefined, parent, served, suggestion: () => suggestedAlphabet(ownValues(source), served), own });
  }
  const done = deepFreeze({ ...scheme, builtIn });
  loaded.add(done);
  return done;
}

/**
 * A scheme's family: the one its file names, else its parent's (a house style extending ala-lc is
 * of the ALA-LC family), else its own id (docs/scheme-format.md, `family`). The one rule, for built
 * schemes and for the catalog of built-in files alike.
 */
function familyOf(source: { readonly id: string; readonly family?: string | undefined }, parentFamily: string | undefined): string {
  return source.family ?? parentFamily ?? source.id;
}

/** A built-in scheme's family from the catalog of files (src/schemes/builtin.ts), without building it. */
function catalogFamily(id: string, depth = 0): string {
  const file = schemeFiles[`${id}.json`]!;
  const parent = file.extends !== undefined && depth < builtInIds.length ? catalogFamily(file.extends, depth + 1) : undefined;
  return familyOf({ id, family: file.family }, parent);
}

function stripComments(map: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).filter(([k]) => !k.startsWith('$')));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * The built-in schemes (src/schemes/data/*.json), each file named after its scheme's id, in the
 * order `listSchemes` reports them: by language (the default language first), each language's
 * default scheme first, then by id. A built-in scheme is checked and built when it is first used
 * (`getScheme`, `romanize`, `listSchemes`), so that a process that uses one scheme does not pay
 * for all of them; its parent is built before it.
 */
const builtInIds: readonly string[] = orderBuiltIns();

function orderBuiltIns(): string[] {
  const ids = Object.keys(schemeFiles).map((name) => name.slice(0, -'.json'.length));
  // The language a file declares, or its parent's (copied from the files into the catalog, so
  // that none is read or checked here).
  const languageOf = (id: string, depth = 0): string => {
    const file = schemeFiles[`${id}.json`];
    if (file?.language !== undefined) return file.language;
    if (file?.extends !== undefined && depth < ids.length) return languageOf(file.extends, depth + 1);
    return DEFAULT_LANGUAGE;
  };
  const languageIds = [...languages.keys()];
  const rank = (id: string): [number, number, string] => {
    const lang = languageOf(id);
    return [languageIds.indexOf(lang), languages.get(lang)?.defaultScheme === id ? 0 : 1, id];
  };
  for (const language of languages.values()) {
    for (const key of ['defaultScheme', 'citationScheme'] as const) {
      const id = language[key];
      if (id !== undefined && !(ids.includes(id) && languageOf(id) === language.id)) {
        invalid(`src/schemes/languages/${language.id}.json`, language.id, `/${key}`, `"${id}" is not a built-in scheme of this language`);
      }
    }
    if (language.fallbackScheme !== undefined && !ids.includes(language.fallbackScheme)) {
      invalid(`src/schemes/languages/${language.id}.json`, language.id, '/fallbackScheme', `"${language.fallbackScheme}" is not a built-in scheme`);
    }
  }
  return ids.sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0] - rb[0] || ra[1] - rb[1] || (ra[2] < rb[2] ? -1 : ra[2] > rb[2] ? 1 : 0);
  });
}

/** Built-in schemes being built (their `extends` chain), to report a circular chain. */
const building: string[] = [];

/** The built-in scheme `id`, built on first use; undefined when there is no such file. */
function builtIn(id: string): Scheme | undefined {
  const name = `${id}.json`;
  if (!Object.hasOwn(schemeFiles, name)) return undefined;
  const done = registry.get(id);
  if (done !== undefined) return done;
  const file = `src/schemes/data/${name}`;
  if (building.includes(id)) invalid(file, id, '/extends', `circular "extends" chain (${[...building, id].join(' → ')})`);
  building.push(id);
  let scheme: Scheme;
  try {
    scheme = resolve(schemeFiles[name]!.data(), file, true, builtIn);
  } finally {
    building.pop();
  }
  if (scheme.id !== id) invalid(file, scheme.id, '/id', `must be "${id}", the name of the file`);
  registry.set(id, scheme);
  return scheme;
}

/** A scheme by id, built-in (built on first use) or registered; undefined when none has this id. */
function findScheme(id: string): Scheme | undefined {
  return registry.get(id) ?? builtIn(id);
}

/** The ids of every scheme, as `listSchemes` orders them: the built-in ones, then the registered ones. */
function knownIds(): string[] {
  return [...builtInIds, ...[...registry.values()].filter((s) => !s.builtIn).map((s) => s.id)];
}

/** The built-in scheme files, in the order `listSchemes` reports them (read, not checked; for the tests). */
export function builtInSources(): SchemeSource[] {
  return builtInIds.map((id) => schemeFiles[`${id}.json`]!.data() as SchemeSource);
}

/**
 * The ids of the language files (the default language first).
 *
 * @example
 * import { listLanguages } from 'latinitsa';
 * listLanguages();
 * //=> ['ru', 'be', 'bg', 'mk', 'sr', 'uk']
 */
export function listLanguages(): string[] {
  return [...languages.keys()];
}

/**
 * The scheme of a family (`ala-lc`, `bgn-pcgn`, `national`) that serves a language, if there is one:
 * the scheme itself when it serves the language, else the family's built-in scheme of that language.
 *
 * @example
 * import { schemeForLanguage, getScheme } from 'latinitsa/schemes';
 * schemeForLanguage(getScheme('ala-lc'), 'uk')?.id;
 * //=> 'ala-lc-uk'
 * schemeForLanguage(getScheme('iso-9'), 'sr')?.id;
 * //=> 'iso-9'
 */
export function schemeForLanguage(scheme: Scheme, lang: string): Scheme | undefined {
  if (scheme.languages.includes(lang)) return scheme;
  for (const id of builtInIds) {
    // Only the family's schemes are built to look.
    if (catalogFamily(id) !== scheme.family) continue;
    const s = findScheme(id)!;
    if (s.languages.includes(lang)) return s;
  }
  return undefined;
}

/** Whether a value is a scheme returned by {@link loadScheme} or {@link getScheme}. */
export function isLoadedScheme(value: unknown): value is Scheme {
  return typeof value === 'object' && value !== null && loaded.has(value);
}

/**
 * Validates a scheme (the JSON format of the built-in ones, optionally `extends`-ing one) and
 * returns it ready to use. Errors name the file, the field (JSON pointer) and the reason.
 *
 * @example
 * import { loadScheme, romanize } from 'latinitsa';
 * const house = loadScheme({ id: 'house', name: 'House style', extends: 'ala-lc-simplified',
 *   options: { signs: { default: 'omit', values: { omit: { letters: { 'ь': '', 'ъ': '' } } } } } });
 * romanize('Сокольников', { scheme: house });
 * //=> 'Sokolnikov'
 */
export function loadScheme(data: unknown, options: LoadSchemeOptions = {}): Scheme {
  const { file, register = false, verifySamples = true, own = false } = options;
  let scheme: Scheme;
  try {
    scheme = resolve(data, file, false, findScheme);
    if (verifySamples && scheme.samples.length > 0) sampleCheck?.(scheme, file);
  } catch (error) {
    if (error instanceof LatinitsaError) throw error;
    // A scheme deep or odd enough to break the validator is still the user's input error.
    const message = `${file === undefined ? '' : `${file}: `}cannot load the scheme: ${error instanceof Error ? error.message : String(error)}`;
    throw new LatinitsaError('ERR_SCHEME_INVALID', message, { ...(file === undefined ? {} : { file }), cause: error });
  }
  if (register || own) refuseBuiltInId(scheme, file);
  if (register) registry.set(scheme.id, scheme);
  return scheme;
}

/**
 * Refuses a scheme of one's own whose id is a built-in scheme's: registered, it would replace the
 * built-in one; named in messages and results ("ala-lc writes …"), it would pass for it. Used by
 * `loadScheme(…, { register: true })` and `{ own: true }`: every scheme file a command is given
 * (src/cli/scheme-file.ts) and every scheme sent to the HTTP API (src/server/request.ts).
 */
function refuseBuiltInId(scheme: Scheme, file: string | undefined): void {
  if (!Object.hasOwn(schemeFiles, `${scheme.id}.json`)) return;
  throw new LatinitsaError('ERR_SCHEME_INVALID', `${file ?? scheme.id}: /id: "${scheme.id}" is a built-in scheme; choose another id`, {
    ...(file === undefined ? {} : { file }),
    pointer: '/id',
  });
}

let sampleCheck: ((scheme: Scheme, file: string | undefined) => void) | undefined;

/** Installed by the engine so that loading a scheme can run its samples (avoids an import cycle). */
export function setSampleCheck(check: (scheme: Scheme, file: string | undefined) => void): void {
  sampleCheck = check;
}

/**
 * A scheme by id (built-in or registered with `loadScheme(…, { register: true })`).
 *
 * @example
 * import { getScheme } from 'latinitsa';
 * getScheme('ala-lc').letters['й'];
 * //=> 'ĭ'
 */
export function getScheme(id: string): Scheme {
  const scheme = findScheme(id);
  if (scheme === undefined) {
    throw new LatinitsaError('ERR_UNKNOWN_SCHEME', `unknown scheme "${id}" (known: ${knownIds().join(', ')})`);
  }
  return scheme;
}

/**
 * Every available scheme: id, name, authority, edition, description and options.
 *
 * @example
 * import { listSchemes } from 'latinitsa';
 * listSchemes().find((s) => s.id === 'ala-lc')?.options['tie']?.values;
 * //=> ['breve', 'halves']
 */
export function listSchemes(): SchemeInfo[] {
  return knownIds().map((id) => schemeInfo(findScheme(id)!));
}

/** The short description of a scheme, built-in or one's own (the web page's menus and option controls). */
export function schemeInfo(s: Scheme): SchemeInfo {
  return {
    id: s.id,
    name: s.name,
    languages: [...s.languages],
    family: s.family,
    authority: s.authority,
    edition: s.edition,
    description: s.description,
    summary: s.summary,
    options: Object.fromEntries(
      Object.entries(s.options).map(([name, o]) => [name, { default: o.default, values: Object.keys(o.values), description: o.description ?? '' }]),
    ),
    builtIn: s.builtIn,
  };
}
