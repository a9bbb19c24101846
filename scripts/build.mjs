#!/usr/bin/env node
// `npm run build`: compiles src/ into dist/ and copies the files dist/ needs besides the compiled
// code (the JSON Schemas of scheme and language files, exported as latinitsa/scheme.schema.json
// and latinitsa/language.schema.json). Run by `npm test`, `npm start` and `npm pack` (prepack);
// plain JavaScript, so it needs nothing built.
// The compiled code of a previous build goes first, so that a source file removed since leaves
// nothing behind in the package; the page (dist/web, `npm run build:web`) stays.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// Start-up: the JSON files the scheme modules import (every built-in scheme and language file and
// the two JSON Schemas: about 40 files) are written into the compiled modules themselves, as
// `JSON.parse('…')` of the file's text, so that loading the engine reads two modules instead of
// some forty files; each one is parsed as before when the module loads (docs/performance.md). The
// JSON files stay in dist/ beside them (the schemas are exported by name). Only these modules:
// elsewhere a JSON file imported by two modules is one object, which inlining would make two.
for (const file of ['schemes/builtin.js', 'schemes/validate.js']) {
  const compiled = path.join(dist, file);
  const code = readFileSync(compiled, 'utf8');
  let count = 0;
  const inlined = code.replace(/^import (\w+) from '(\.{1,2}\/[^']+\.json)' with \{ type: 'json' \};$/gm, (_, name, relative) => {
    count++;
    const text = JSON.stringify(JSON.parse(readFileSync(path.join(path.dirname(compiled), relative), 'utf8')));
    return `const ${name} = JSON.parse(${JSON.stringify(text)});`;
  });
  if (count === 0) throw new Error(`scripts/build.mjs: found no JSON import to inline in dist/${file}`);
  writeFileSync(compiled, inlined);
}
