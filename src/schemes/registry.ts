import { LatinitsaError } from '../errors.ts';
import type { LanguageSource, OptionSource, RuleSource, SchemeSource } from './types.ts';
import { pointerSegment, validateScheme } from './validate.ts';
import ru from './languages/ru.json' with { type: 'json' };
import uk from './languages/uk.json' with { type: 'json' };
import be from './languages/be.json' with { type: 'json' };
import bg from './languages/bg.json' with { type: 'json' };
import sr from './languages/sr.json' with { type: 'json' };
import mk from './languages/mk.json' with { type: 'json' };
import modifiedLoc from './data/modified-loc.json' with { type: 'json' };
import alaLc from './data/ala-lc.json' with { type: 'json' };
import alaLcSimplified from './data/ala-lc-simplified.json' with { type: 'json' };
import bgnPcgn from './data/bgn-pcgn.json' with { type: 'json' };
import iso9 from './data/iso-9.json' with { type: 'json' };
import gost779b from './data/gost-7.79-b.json' with { type: 'json' };
import icao9303 from './data/icao-9303.json' with { type: 'json' };
import scholarly from './data/scholarly.json' with { type: 'json' };
import wikipedia from './data/wikipedia.json' with { type: 'json' };
import mosmetro from './data/mosmetro.json' with { type: 'json' };
import yandexMaps from './data/yandex-maps.json' with { type: 'json' };
import telegram from './data/telegram.json' with { type: 'json' };
import bs2979 from './data/bs-2979.json' with { type: 'json' };
import bs2979Simplified from './data/bs-2979-simplified.json' with { type: 'json' };
import gost16876 from './data/gost-16876.json' with { type: 'json' };
import gost16876Simplified from './data/gost-16876-simplified.json' with { type: 'json' };
import ungegn1987 from './data/ungegn-1987.json' with { type: 'json' };
import ukNational from './data/uk-national.json' with { type: 'json' };
import alaLcUk from './data/ala-lc-uk.json' with { type: 'json' };
import bgnPcgnUk from './data/bgn-pcgn-uk.json' with { type: 'json' };
import bgnPcgnUk1965 from './data/bgn-pcgn-uk-1965.json' with { type: 'json' };
import beNational from './data/be-national.json' with { type: 'json' };
import alaLcBe from './data/ala-lc-be.json' with { type: 'json' };
import bgnPcgnBe from './data/bgn-pcgn-be.json' with { type: 'json' };
import bgStreamlined from './data/bg-streamlined.json' with { type: 'json' };
import alaLcBg from './data/ala-lc-bg.json' with { type: 'json' };
import bgnPcgnBg from './data/bgn-pcgn-bg.json' with { type: 'json' };
import bgnPcgnBg1952 from './data/bgn-pcgn-bg-1952.json' with { type: 'json' };
import srGaj from './data/sr-gaj.json' with { type: 'json' };
import alaLcSr from './data/ala-lc-sr.json' with { type: 'json' };
import bgnPcgnSr from './data/bgn-pcgn-sr.json' with { type: 'json' };
import mkNational from './data/mk-national.json' with { type: 'json' };
import alaLcMk from './data/ala-lc-mk.json' with { type: 'json' };
import bgnPcgnMk from './data/bgn-pcgn-mk.json' with { type: 'json' };

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
  /** Ids of the schemes this one extends, nearest first. */
  readonly extendsChain: readonly string[];
  readonly language: LanguageSource;
  /** The system the scheme belongs to across languages (`ala-lc`); its own id when it names none. */
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
  options: Record<string, { default: string; values: string[]; description: string }>;
  builtIn: boolean;
}

const languages = new Map<string, LanguageSource>([ru, uk, be, bg, sr, mk].map((l) => [l.id, l as LanguageSource]));

/** Built-in scheme files, in the order `listSchemes` reports them. */
export const builtInSources: readonly SchemeSource[] = [
  modifiedLoc as unknown as SchemeSource,
  alaLc as unknown as SchemeSource,
  alaLcSimplified as unknown as SchemeSource,
  bgnPcgn as unknown as SchemeSource,
  iso9 as unknown as SchemeSource,
  gost779b as unknown as SchemeSource,
  icao9303 as unknown as SchemeSource,
  scholarly as unknown as SchemeSource,
  wikipedia as unknown as SchemeSource,
  mosmetro as unknown as SchemeSource,
  yandexMaps as unknown as SchemeSource,
  telegram as unknown as SchemeSource,
  bs2979 as unknown as SchemeSource,
  bs2979Simplified as unknown as SchemeSource,
  gost16876 as unknown as SchemeSource,
  gost16876Simplified as unknown as SchemeSource,
  ungegn1987 as unknown as SchemeSource,
  ...[ukNational, alaLcUk, bgnPcgnUk, bgnPcgnUk1965, beNational, alaLcBe, bgnPcgnBe, bgStreamlined, alaLcBg, bgnPcgnBg, bgnPcgnBg1952, srGaj, alaLcSr, bgnPcgnSr, mkNational, alaLcMk, bgnPcgnMk].map((s) => s as unknown as SchemeSource),
];

const registry = new Map<string, Scheme>();

/**
 * Language data by id (`ru`).
 *
 * @example
 * import { getLanguage } from 'latinitsa';
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

/**
 * The ids of the language files (`ru` first, the default).
 *
 * @example
 * import { listLanguages } from 'latinitsa';
 * listLanguages();
 * //=> ['ru', 'uk', 'be', 'bg', 'sr', 'mk']
 */
export function listLanguages(): string[] {
  return [...languages.keys()];
}

/**
 * The scheme of a family (`ala-lc`, `bgn-pcgn`, `national`) that serves a language, if there is one:
 * the scheme itself when it serves the language, else the family's scheme of that language.
 *
 * @example
 * import { schemeForLanguage, getScheme } from 'latinitsa';
 * schemeForLanguage(getScheme('ala-lc'), 'uk')?.id;
 * //=> 'ala-lc-uk'
 * schemeForLanguage(getScheme('iso-9'), 'sr')?.id;
 * //=> 'iso-9'
 */
export function schemeForLanguage(scheme: Scheme, lang: string): Scheme | undefined {
  if (scheme.languages.includes(lang)) return scheme;
  for (const s of registry.values()) if (s.builtIn && s.family === scheme.family && s.languages.includes(lang)) return s;
  return undefined;
}

/** Options of {@link loadScheme}. */
export interface LoadSchemeOptions {
  /** File name for error messages. */
  file?: string;
  /** Make the scheme available by its id (`romanize(text, { scheme: id })`, `extends`). Default `false`. */
  register?: boolean;
  /** Check the scheme's own samples when loading (a failing sample is an error). Default `true`. */
  verifySamples?: boolean;
}

/** Characters of the title and all-caps forms of a value that the alphabet must contain. */
function* valueChars(value: string): Generator<string> {
  yield* value;
  yield* value.toUpperCase().normalize('NFC');
  yield* value.normalize('NFD');
  yield* value.toUpperCase().normalize('NFD');
}

function checkAlphabet(scheme: Omit<Scheme, 'builtIn'>, file: string | undefined): void {
  const allowed = new Set([...scheme.alphabet.normalize('NFD'), ...scheme.alphabet.normalize('NFC')]);
  const fail = (pointer: string, value: string, ch: string): never => {
    const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new LatinitsaError(
      'ERR_SCHEME_INVALID',
      `${file ?? scheme.id}: ${pointer}: value ${JSON.stringify(value)} uses ${JSON.stringify(ch)} (${code}), which is not in the scheme's declared "alphabet"`,
      { ...(file === undefined ? {} : { file }), pointer },
    );
  };
  const check = (pointer: string, value: string): void => {
    for (const ch of valueChars(value)) if (!allowed.has(ch)) fail(pointer, value, ch);
  };
  for (const [letter, value] of Object.entries(scheme.letters)) check(`/letters/${pointerSegment(letter)}`, value);
  scheme.rules.forEach((rule, i) => {
    const outputs = Array.isArray(rule.output) ? rule.output : [rule.output];
    for (const out of outputs) check(`/rules/${i}/output`, out);
  });
  for (const [name, option] of Object.entries(scheme.options)) {
    for (const [valueName, value] of Object.entries(option.values)) {
      for (const [letter, out] of Object.entries(value.letters ?? {})) {
        check(`/options/${pointerSegment(name)}/values/${pointerSegment(valueName)}/letters/${pointerSegment(letter)}`, out);
      }
    }
  }
}

function resolve(source: SchemeSource, file: string | undefined, builtIn: boolean, seen: string[]): Scheme {
  let parent: Scheme | undefined;
  if ((source.extends !== undefined && typeof source.extends !== 'string') || (source.language !== undefined && typeof source.language !== 'string')) {
    validateScheme(source, { ...(file === undefined ? {} : { file }), language: getLanguage('ru') });
  }
  if (source.extends !== undefined) {
    if (seen.includes(source.extends) || source.extends === source.id) {
      throw new LatinitsaError('ERR_SCHEME_INVALID', `${file ?? source.id}: /extends: circular "extends" chain (${[...seen, source.id, source.extends].join(' → ')})`, {
        ...(file === undefined ? {} : { file }),
        pointer: '/extends',
      });
    }
    parent = registry.get(source.extends);
    if (parent === undefined) {
      throw new LatinitsaError('ERR_SCHEME_INVALID', `${file ?? source.id}: /extends: unknown scheme "${source.extends}" (known: ${[...registry.keys()].join(', ')})`, {
        ...(file === undefined ? {} : { file }),
        pointer: '/extends',
      });
    }
  }
  const languageId = source.language ?? parent?.language.id ?? 'ru';
  if (!languages.has(languageId)) {
    throw new LatinitsaError('ERR_SCHEME_INVALID', `${file ?? source.id}: /language: unknown language "${languageId}" (known: ${[...languages.keys()].join(', ')})`, {
      ...(file === undefined ? {} : { file }),
      pointer: '/language',
    });
  }
  const language = getLanguage(languageId);
  validateScheme(source, { ...(file === undefined ? {} : { file }), language, ...(parent ? { inheritedOptions: parent.options } : {}) });
  const removed = new Set(source.removeRules ?? []);
  const ownRules = source.rules ?? [];
  const rules = [...ownRules, ...(parent?.rules ?? []).filter((r) => r.id === undefined || !removed.has(r.id))];
  const letters = { ...parent?.letters, ...stripComments(source.letters ?? {}) };
  const options = { ...parent?.options, ...source.options };
  let alphabet = source.alphabet ?? parent?.alphabet ?? '';
  if (source.alphabet === undefined && parent !== undefined) {
    // A scheme that extends another and declares no alphabet of its own declares, by writing
    // them, the characters of its own values.
    const own = [
      ...Object.values(source.letters ?? {}),
      ...ownRules.flatMap((r) => (Array.isArray(r.output) ? r.output : [r.output])),
      ...Object.values(source.options ?? {}).flatMap((o) => Object.values(o.values).flatMap((v) => Object.values(v.letters ?? {}))),
    ].join('');
    alphabet = [...new Set([...alphabet, ...own, ...own.toUpperCase()])].join('');
  }
  const scheme: Omit<Scheme, 'builtIn'> = {
    id: source.id,
    name: source.name,
    authority: source.authority ?? parent?.authority ?? '',
    edition: source.edition ?? parent?.edition ?? '',
    source: source.source ?? parent?.source ?? '',
    description: source.description ?? parent?.description ?? '',
    extendsChain: parent ? [parent.id, ...parent.extendsChain] : [],
    language,
    family: source.family ?? source.id,
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
      if (value.profile !== undefined && !(value.profile in scheme.profiles)) {
        throw new LatinitsaError('ERR_SCHEME_INVALID', `${file ?? source.id}: /options/${name}/values/${valueName}/profile: unknown profile "${value.profile}"`, {
          ...(file === undefined ? {} : { file }),
          pointer: `/options/${pointerSegment(name)}/values/${pointerSegment(valueName)}/profile`,
        });
      }
    }
  }
  checkAlphabet(scheme, file);
  return deepFreeze({ ...scheme, builtIn });
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

for (const source of builtInSources) {
  registry.set(source.id, resolve(source, `src/schemes/data/${source.id}.json`, true, []));
}
for (const language of languages.values()) {
  for (const key of ['defaultScheme', 'fallbackScheme'] as const) {
    const id = language[key];
    if (id !== undefined && !registry.get(id)?.languages.includes(language.id)) {
      throw new LatinitsaError('ERR_SCHEME_INVALID', `src/schemes/languages/${language.id}.json: /${key}: "${id}" is not a built-in scheme of ${language.name}`);
    }
  }
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
  const { file, register = false, verifySamples = true } = options;
  const source = data as SchemeSource;
  // validateScheme runs inside resolve, after the parent is known; check the id first so that
  // a non-object gets a clear message before anything reads its fields.
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    validateScheme(data, { ...(file === undefined ? {} : { file }), language: getLanguage('ru') });
  }
  const scheme = resolve(source, file, false, []);
  if (verifySamples && scheme.samples.length > 0) sampleCheck?.(scheme, file);
  if (register) {
    const existing = registry.get(scheme.id);
    if (existing?.builtIn) {
      throw new LatinitsaError('ERR_SCHEME_INVALID', `${file ?? scheme.id}: /id: "${scheme.id}" is a built-in scheme; choose another id`, {
        ...(file === undefined ? {} : { file }),
        pointer: '/id',
      });
    }
    registry.set(scheme.id, scheme);
  }
  return scheme;
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
  const scheme = registry.get(id);
  if (scheme === undefined) {
    throw new LatinitsaError('ERR_UNKNOWN_SCHEME', `unknown scheme "${id}" (known: ${[...registry.keys()].join(', ')})`);
  }
  return scheme;
}

/**
 * Every available scheme: id, name, authority, edition, description and options.
 *
 * @example
 * import { listSchemes } from 'latinitsa';
 * listSchemes()[0].id;
 * //=> 'modified-loc'
 */
export function listSchemes(): SchemeInfo[] {
  return [...registry.values()].map((s) => ({
    id: s.id,
    name: s.name,
    languages: [...s.languages],
    family: s.family,
    authority: s.authority,
    edition: s.edition,
    description: s.description,
    options: Object.fromEntries(
      Object.entries(s.options).map(([name, o]) => [name, { default: o.default, values: Object.keys(o.values), description: o.description ?? '' }]),
    ),
    builtIn: s.builtIn,
  }));
}
