// The repository's own text holds no merge leftovers: a README once kept `<<<<<<< HEAD` …
// `>>>>>>> main` in its API table through two sessions. Every text file of the docs, the sources,
// the scripts and the tests (not their fixtures, which hold other people's text) is read.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '..');
const TEXT = /\.(?:md|ts|mts|mjs|js|json|html|css|tsv|yml|yaml)$/u;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (name === 'node_modules' || name === 'fixtures' || name.startsWith('.')) return [];
    if (statSync(p).isDirectory()) return files(p);
    return TEXT.test(name) ? [p] : [];
  });
}

test('no merge conflict markers in the repository’s text', () => {
  const all = [path.join(root, 'README.md'), path.join(root, 'package.json'), ...['docs', 'src', 'scripts', 'test', 'web', 'bench', 'packages'].flatMap((d) => (statSync(path.join(root, d), { throwIfNoEntry: false })?.isDirectory() ? files(path.join(root, d)) : []))];
  assert.ok(all.length > 100, `only ${all.length} files read`);
  const found: string[] = [];
  for (const file of all) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (/^(?:<{7}|>{7})(?: |$)/u.test(line)) found.push(`${path.relative(root, file)}:${i + 1}: ${line}`);
      });
  }
  assert.deepEqual(found, []);
});
