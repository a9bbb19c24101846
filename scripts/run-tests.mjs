#!/usr/bin/env node
// `npm test`: build (so the CLI under bin/ runs the current code), type-check everything (the
// library, tests and scripts; the web page), then
// run every *.test.ts under test/ and src/ and packages/ with node:test through tsx.
// Node 20's test runner neither expands globs nor finds .ts files by itself, hence the list.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
run(process.execPath, [path.join(root, 'scripts', 'build.mjs')]);
run(process.execPath, [tsc, '--noEmit', '-p', 'tsconfig.json']);
// The web page has its own settings (DOM types); esbuild bundles it without checking types.
run(process.execPath, [tsc, '--noEmit', '-p', path.join('web', 'tsconfig.json')]);

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.test.ts')) files.push(path.relative(root, p));
  }
};
for (const dir of ['test', 'src', 'packages']) {
  try { walk(path.join(root, dir)); } catch { /* folder absent */ }
}
files.sort();
const filter = process.argv.slice(2);
const selected = filter.length ? files.filter((f) => filter.some((x) => f.includes(x))) : files;
run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...selected]);
