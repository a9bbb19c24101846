import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const fixturesDir = path.resolve(import.meta.dirname, '..', 'fixtures');
export const sharedDir = path.resolve(import.meta.dirname, '..', '..', '..', 'shared');

/** Undoes the TSV escapes of the conformance format: \\ \t \n \r. */
export function unescapeTsv(s: string): string {
  return s.replace(/\\([\\tnr])/g, (_, c: string) => ({ '\\': '\\', t: '\t', n: '\n', r: '\r' })[c]!);
}

/** Rows of a TSV fixture: lines that are not empty and do not start with '#'; cells unescaped. */
export function readTsv(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t').map(unescapeTsv));
}

export function listFiles(dir: string, ext: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith(ext)).sort().map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}
