import { LatinitsaError } from '../errors.ts';
import type { CheckConfig } from './types.ts';

const STRING_KEYS = ['scheme', 'notesScheme'] as const;
const LIST_KEYS = ['allow', 'ignore'] as const;
const OBJECT_KEYS = ['schemeOptions', 'notesSchemeOptions'] as const;

/**
 * Validates the checker's project settings (the JSON of `.latinitsarc.json`, or its `check`
 * member): `scheme`, `notesScheme`, `schemeOptions`, `notesSchemeOptions`, `allow`, `ignore`.
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
    } else if (key !== '$schema' && key !== '$comment') {
      fail(key, `is not a setting (known: ${[...STRING_KEYS, ...OBJECT_KEYS, ...LIST_KEYS].join(', ')})`);
    }
  }
  return config;
}
