import { readFileSync } from 'node:fs';

/**
 * The package version, from package.json (two folders up from both src/cli and dist/cli).
 *
 * @example
 * import { version } from 'latinitsa/cli';
 * /^\d+\.\d+\.\d+/.test(version());
 * //=> true
 */
export function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
