#!/usr/bin/env node
// `npm run build`: compiles src/ into dist/ and copies the files dist/ needs besides the compiled
// code (the JSON Schema of scheme files, exported as latinitsa/scheme.schema.json). Run by
// `npm test`, `npm start` and `npm pack` (prepack); plain JavaScript, so it needs nothing built.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
for (const file of ['schemes/scheme.schema.json']) {
  mkdirSync(path.dirname(path.join(root, 'dist', file)), { recursive: true });
  copyFileSync(path.join(root, 'src', file), path.join(root, 'dist', file));
}
