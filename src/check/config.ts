import { LatinitsaError } from '../errors.ts';
import { parseConfidence } from './confidence.ts';
import type { CheckConfig } from './types.ts';

const STRING_KEYS = ['scheme', 'notesScheme', 'lang'] as const;
const LIST_KEYS = ['allow', 'ignore'] as const;
const OBJECT_KEYS = ['schemeOptions', 'notesSchemeOptions'] as const;

/**
 * Validates the checker's project settings (the JSON of `.latinitsarc.json`, or its `check`
 * member): `scheme`, `notesScheme`, `lang`, `schemeOptions`, `notesSchemeOptions`, `allow`, `ignore`,
 * `conventional` (form → Russian word), `builtInConventional`, `minConfidence`.
 * Unknown keys and wrong types are errors (`ERR_INVALID_OPTION`, naming the file and key).
 *
 * @param data Parsed JSON.
 * @param options `file`: the config file's name, for messages.
 * @returns The settings.
 * @example
 * import { parseCheckConfig } from 'latinitsa/check';
 * parseCheckConfig({ check: { scheme: 'wikipedia', notesScheme: 'ala-lc-simplified', allow: ['Tchaikovsky'] } });
 * //=> { scheme: 'wikipedia', notesScheme: 'ala-lc-simplified', allow: ['Tchaikovsky'] }
 */
export function parseCheckConfig(data: unknown, options: { file?: string } = {}): CheckConfig {
  const where = options.file ?? 'config';
  const fail = (key: string, message: string): never => {
    throw new LatinitsaError('ERR_INVALID_OPTION', `${where}: "${key}" ${message}`, options.file === undefined ? { pointer: `/${key}` } : { file: options.file, pointer: `/${key}` });
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('', 'must be a JSON object');
  const root = data as Record<string, unknown>;
  const section = 'check' in root ? root['check'] : root;
  if (typeof section !== 'object' || section === null || Array.isArray(section)) return fail('check', 'must be an object');
  const config: CheckConfig = {};
  for (const [key, value] of Object.entries(section as Record<string, unknown>)) {
    if ((STRING_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== 'string') fail(key, 'must be a string (a scheme id)');
      config[key as (typeof STRING_KEYS)[number]] = value as string;
    } else if ((LIST_KEYS as readonly string[]).includes(key)) {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) fail(key, 'must be an array of strings');
      config[key as (typeof LIST_KEYS)[number]] = [...(value as string[])];
    } else if ((OBJECT_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(key, 'must be an object of scheme options');
      config[key as (typeof OBJECT_KEYS)[number]] = { ...(value as Record<string, unknown>) };
    } else if (key === 'conventional') {
      if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.values(value).every((v) => typeof v === 'string' && /^[\p{Script=Cyrillic}-]+$/u.test(v))) {
        fail(key, 'must be an object of forms and the Russian (Cyrillic) words they render, e.g. { "Tchaikovsky": "чайковский" }');
      }
      config.conventional = { ...(value as Record<string, string>) };
    } else if (key === 'builtInConventional') {
      if (typeof value !== 'boolean') fail(key, 'must be true or false');
      config.builtInConventional = value as boolean;
    } else if (key === 'minConfidence') {
      if (typeof value !== 'number' && typeof value !== 'string') fail(key, 'must be a number from 0 to 1 or certain, likely, possible');
      try {
        parseConfidence(value as number | string);
      } catch (error) {
        fail(key, (error as Error).message.replace(/^minimum confidence /u, ''));
      }
      config.minConfidence = value as NonNullable<CheckConfig['minConfidence']>;
    } else if (key !== '$schema' && key !== '$comment') {
      fail(key, `is not a setting (known: ${[...STRING_KEYS, ...OBJECT_KEYS, ...LIST_KEYS, 'conventional', 'builtInConventional', 'minConfidence'].join(', ')})`);
    }
  }
  return config;
}
