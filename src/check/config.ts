import { assertOptions, LatinitsaError } from '../errors.ts';
import { isLoadedScheme } from '../schemes/registry.ts';
import { parseConfidence } from './confidence.ts';
import type { CheckConfig, CheckOptions } from './types.ts';

const SCHEME_KEYS = ['scheme', 'notesScheme'] as const;
const LIST_KEYS = ['allow', 'ignore'] as const;
const OBJECT_KEYS = ['schemeOptions', 'notesSchemeOptions'] as const;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What each setting must be: `undefined` when the value is right, else the rest of a sentence
 * that starts with the setting's name. The settings file and the library's options are checked
 * by this one table, so that a wrong value is an error naming it, never a crash inside the run.
 */
const SETTINGS: Record<keyof CheckConfig, (value: unknown) => string | undefined> = {
  // A scheme of one's own is an object only a program can pass (loadScheme's); a settings file names
  // its file instead (`schemeFile`, read by the command: parseCheckConfig).
  ...Object.fromEntries(SCHEME_KEYS.map((key) => [key, (value: unknown) => (typeof value === 'string' || isLoadedScheme(value) ? undefined : 'must be a string (a scheme id) or a scheme from loadScheme')])),
  lang: (value) => (typeof value === 'string' ? undefined : 'must be a string (a language id)'),
  ...Object.fromEntries(OBJECT_KEYS.map((key) => [key, (value: unknown) => (isObject(value) ? undefined : 'must be an object of scheme options')])),
  ...Object.fromEntries(LIST_KEYS.map((key) => [key, (value: unknown) => (Array.isArray(value) && value.every((v) => typeof v === 'string') ? undefined : 'must be an array of strings')])),
  conventional: (value) => {
    const shape = 'must be an object of forms and the Russian (Cyrillic) words they render, e.g. { "Tchaikovsky": "чайковский" }';
    if (!isObject(value)) return shape;
    // A form is a word as the text writes it: one without a letter names nothing to look for.
    const empty = Object.keys(value).find((form) => !/\p{L}/u.test(form));
    if (empty !== undefined) return `has a form without a letter (${JSON.stringify(empty)}); it ${shape}`;
    return Object.values(value).every((v) => typeof v === 'string' && /^[\p{Script=Cyrillic}-]+$/u.test(v)) ? undefined : shape;
  },
  builtInConventional: (value) => (typeof value === 'boolean' ? undefined : 'must be true or false'),
  minConfidence: (value) => {
    if (typeof value !== 'number' && typeof value !== 'string') return 'must be a number from 0 to 1 or certain, likely, possible';
    try {
      parseConfidence(value);
      return undefined;
    } catch (error) {
      return (error as Error).message.replace(/^minimum confidence /u, '');
    }
  },
} as Record<keyof CheckConfig, (value: unknown) => string | undefined>;

/** The names of the checker's settings (of `.latinitsarc.json`, the library's options, `POST /api/check`). */
export const checkSettingNames: readonly (keyof CheckConfig)[] = Object.keys(SETTINGS) as (keyof CheckConfig)[];

/**
 * What is wrong with one setting of the checker, by the one table the settings file, the library
 * and the HTTP API are checked by: `undefined` when it is right, else the rest of a sentence that
 * starts with its name (a name that is not a setting is wrong too).
 */
export function checkSettingProblem(key: string, value: unknown): string | undefined {
  if (!Object.hasOwn(SETTINGS, key)) return notASetting(checkSettingNames);
  return SETTINGS[key as keyof CheckConfig](value);
}

/**
 * The settings of a settings file only: a scheme of one's own, named by its file (a path relative to
 * the settings file), for the scheme setting beside it. The command reads the file
 * (src/cli/scheme-file.ts); a program or the API passes the scheme itself, so these are no options
 * of the library's or fields of the API.
 */
const FILE_SETTINGS = { schemeFile: 'scheme', notesSchemeFile: 'notesScheme' } as const;

/** The rest of the sentence for a name that is not a setting: the names that are. */
const notASetting = (known: readonly string[]): string => `is not a setting (known: ${known.join(', ')})`;

/**
 * What a settings file takes: the checker's settings and the file's own, both from their tables,
 * so that the list an error gives cannot leave one out (a list kept apart from the tables can
 * miss `schemeFile` and `notesSchemeFile`, which the file accepts).
 */
const settingsFileNames: readonly string[] = [...checkSettingNames, ...Object.keys(FILE_SETTINGS)];

/** The settings of a settings file: the checker's, and scheme files of one's own (not yet read). */
export interface CheckSettingsFile extends CheckConfig {
  /** A scheme file of one's own for the running text, relative to the settings file (instead of `scheme`). */
  schemeFile?: string;
  /** A scheme file of one's own for notes and bibliography, relative to the settings file (instead of `notesScheme`). */
  notesSchemeFile?: string;
}

/**
 * Validates the checker's project settings (the JSON of `.latinitsarc.json`, or its `check`
 * member): `scheme`, `notesScheme`, `lang`, `schemeOptions`, `notesSchemeOptions`, `allow`, `ignore`,
 * `conventional` (form → Russian word), `builtInConventional`, `minConfidence`, and the file's own
 * `schemeFile` and `notesSchemeFile` (each instead of the scheme setting it names a file for).
 * Unknown keys and wrong types are errors (`ERR_INVALID_OPTION`, naming the file and key).
 *
 * @param data Parsed JSON.
 * @param options `file`: the config file's name, for messages.
 * @returns The settings, scheme files named as written (the caller reads them).
 * @example
 * import { parseCheckConfig } from 'latinitsa/check';
 * parseCheckConfig({ check: { scheme: 'wikipedia', notesScheme: 'ala-lc-simplified', allow: ['Tchaikovsky'] } });
 * //=> { scheme: 'wikipedia', notesScheme: 'ala-lc-simplified', allow: ['Tchaikovsky'] }
 */
export function parseCheckConfig(data: unknown, options: { file?: string } = {}): CheckSettingsFile {
  const where = options.file ?? 'config';
  // The pointer names the setting where the file has it: inside "check" when the file has that member.
  let within = '';
  const fail = (key: string, message: string): never => {
    const pointer = `${within}/${key}`;
    throw new LatinitsaError('ERR_INVALID_OPTION', `${where}: "${key}" ${message}`, options.file === undefined ? { pointer } : { file: options.file, pointer });
  };
  if (!isObject(data)) {
    const found = Array.isArray(data) ? 'an array' : data === null ? 'null' : `a ${typeof data}`;
    throw new LatinitsaError('ERR_INVALID_OPTION', `${where}: the settings must be a JSON object {…}, found ${found}`, options.file === undefined ? { pointer: '' } : { file: options.file, pointer: '' });
  }
  const section = 'check' in data ? data['check'] : data;
  if (!isObject(section)) return fail('check', 'must be an object');
  if (section !== data) within = '/check';
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(section)) {
    if (key === '$schema' || key === '$comment') continue;
    if (Object.hasOwn(FILE_SETTINGS, key)) {
      if (typeof value !== 'string' || value === '') fail(key, 'must be a file name (a scheme of your own, relative to this settings file)');
      config[key] = value;
      continue;
    }
    const wrong = Object.hasOwn(SETTINGS, key) ? checkSettingProblem(key, value) : notASetting(settingsFileNames);
    // A file cannot hold a program's scheme object: it names a scheme file of one's own instead.
    const own = Object.entries(FILE_SETTINGS).find(([, scheme]) => scheme === key)?.[0];
    if (wrong !== undefined) fail(key, own === undefined ? wrong : `must be a string (a scheme id); a scheme of your own is named by its file, in "${own}"`);
    config[key] = Array.isArray(value) ? [...(value as unknown[])] : isObject(value) ? { ...value } : value;
  }
  for (const [key, scheme] of Object.entries(FILE_SETTINGS)) {
    if (config[key] !== undefined && config[scheme] !== undefined) fail(key, `and "${scheme}" both name the scheme; give one of them`);
  }
  return config as CheckSettingsFile;
}

/** The options only a program passes, beside the settings. */
const PROGRAM_OPTIONS: readonly string[] = ['englishWords', 'lexicon', 'learnedScore'];

/**
 * `notesScheme` that is not a scheme: the notes follow the text's scheme and are grouped with it
 * (without a `notesScheme`, the checker looks at the notes and decides: notes-system.ts).
 */
export const SAME_AS_TEXT = 'same';

/**
 * Checks the options a program passes to `checkText` and `checkDocuments` (the settings of
 * {@link parseCheckConfig}, `englishWords` and `lexicon`): a wrong one is an `ERR_INVALID_OPTION`
 * naming it.
 */
export function validateCheckOptions(options: unknown): asserts options is CheckOptions {
  const fail = (message: string): never => {
    throw new LatinitsaError('ERR_INVALID_OPTION', message);
  };
  assertOptions(options, undefined, 'check');
  if (options === undefined) return;
  // Scheme options are the house scheme's (docs/check.md "Settings"): without a scheme they would
  // be checked against the default scheme, which nobody chose, and named under its id, or do nothing.
  // So are the notes scheme's options: without a declared notes scheme (none, or "same") they
  // would be read as a scheme the checker finds in the notes, or not read at all.
  const names = (o: unknown): string[] => (typeof o === 'object' && o !== null ? Object.keys(o) : []);
  const quoted = (keys: string[]): string => keys.map((k) => JSON.stringify(k)).join(', ');
  const given = names(options.schemeOptions);
  if (given.length > 0 && (options.scheme === undefined || options.scheme === '')) {
    fail(`the house scheme's options (${quoted(given)}) need a scheme: give "scheme"`);
  }
  const notesGiven = names(options.notesSchemeOptions);
  if (notesGiven.length > 0 && (options.notesScheme === undefined || options.notesScheme === '' || options.notesScheme === SAME_AS_TEXT)) {
    fail(`the notes scheme's options (${quoted(notesGiven)}) need a notes scheme: give "notesScheme"`);
  }
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    // A name that is no option is an error, as in a settings file: a misspelt `schme` would
    // otherwise run the check without the scheme meant, saying nothing.
    const wrong = Object.hasOwn(SETTINGS, key) ? SETTINGS[key as keyof CheckConfig](value) : PROGRAM_OPTIONS.includes(key) ? undefined : notASetting([...checkSettingNames, ...PROGRAM_OPTIONS]);
    if (wrong !== undefined) fail(`option "${key}" ${wrong}`);
  }
  const { englishWords, lexicon, learnedScore } = options;
  if (learnedScore !== undefined && typeof learnedScore !== 'boolean') fail('option "learnedScore" must be true or false');
  if (englishWords !== undefined && (typeof englishWords === 'string' || typeof (englishWords as Iterable<unknown>)?.[Symbol.iterator] !== 'function' || ![...(englishWords as Iterable<unknown>)].every((w) => typeof w === 'string'))) {
    fail('option "englishWords" must be an iterable of strings');
  }
  if (lexicon !== undefined && typeof (lexicon as { lookup?: unknown })?.lookup !== 'function') fail('option "lexicon" must be a lexicon (an object with a lookup function)');
}
