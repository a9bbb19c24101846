#!/usr/bin/env node
// `npm run build`: compiles src/ into dist/ and copies the files dist/ needs besides the compiled
// code (the JSON Schemas of scheme and language files, exported as latinitsa/scheme.schema.json
// and latinitsa/language.schema.json). Run by `npm test`, `npm start` and `npm pack` (prepack);
// plain JavaScript, so it needs nothing built.
// The compiled code of a previous build goes first, so that a source file removed since leaves
// nothing behind in the package; the page (dist/web, `npm run build:web`) stays.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
for (const name of existsSync(dist) ? readdirSync(dist) : []) if (name !== 'web') rmSync(path.join(dist, name), { recursive: true, force: true });
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
for (const file of ['schemes/scheme.schema.json', 'schemes/language.schema.json']) {
  mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
  copyFileSync(path.join(root, 'src', file), path.join(dist, file));
}
