#!/usr/bin/env node
// `npm run build`: compiles src/ into dist/ and copies the files dist/ needs besides the compiled
// code (the JSON Schemas of scheme and language files, exported as latinitsa/scheme.schema.json
// and latinitsa/language.schema.json). Run by `npm test`, `npm start` and `npm pack` (prepack);
// plain JavaScript, so it needs nothing built.
// The compiled code of a previous build goes first, so that a source file removed since leaves
// nothing behind in the package; the page (dist/web, `npm run build:web`) stays.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

// The CLI as `bin/latinitsa.js` loads it: src/cli/bin.ts and everything the default command
// (romanize) imports, in one CommonJS file, dist/cli/bin.cjs (docs/performance.md, Start-up). On
// Node 20, which has no compile cache, each ES module costs a resolve, a read and a link, and the
// ES module loader itself costs more again; one CommonJS file costs one read and one compile.
// Left out of the bundle, and loaded from the compiled modules beside it when they run:
// - every other command (src/cli/bin.ts hands such a run whole to the compiled CLI, which the bin
//   script imports, so that one run never mixes the bundle's copies of the modules with theirs);
// - JSON files over 16 KB (the language detector's letter statistics, for --lang auto), read
//   when the module that imports them first runs.
// The bundle lies in dist/cli/, two folders below the package root like every compiled module,
// so a file found from the module's own place (import.meta.url: the version in package.json)
// resolves the same from the bundle; the build refuses a bundled module for which it would not.
const { build } = await import('esbuild');
const cli = path.join(dist, 'cli');
const external = (file) => (path.dirname(file) === path.join(cli, 'commands') && path.basename(file) !== 'romanize.js') || (file.endsWith('.json') && statSync(file).size > 16 * 1024);
const bundled = await build({
  entryPoints: [path.join(cli, 'bin.js')],
  outfile: path.join(cli, 'bin.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Less for Node to read and scan at every start; names are kept for stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  // CommonJS has no import.meta: the bundle's own URL stands in for it (the same folder depth).
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  metafile: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'compiled-modules',
      setup(b) {
        b.onResolve({ filter: /^\.{1,2}\// }, (args) => {
          const file = path.resolve(args.resolveDir, args.path);
          return external(file) ? { path: `./${path.relative(cli, file).split(path.sep).join('/')}`, external: true } : undefined;
        });
      },
    },
  ],
});
// ASCII only: Node reads a file with one non-ASCII character (esbuild leaves those of regular
// expressions as they are) into a string of two bytes per character, which V8 then scans more
// slowly. `\uXXXX` means the same character in a string, template, regular expression or name.
const bundle = path.join(cli, 'bin.cjs');
writeFileSync(bundle, readFileSync(bundle, 'utf8').replace(/[^\0-\x7f]/gu, (c) => {
  if (c.length > 1) throw new Error(`scripts/build.mjs: dist/cli/bin.cjs holds ${c} (beyond U+FFFF), which needs an escape that depends on where it stands`);
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}));
for (const input of Object.keys(bundled.metafile.inputs)) {
  const file = path.resolve(root, input);
  if (path.relative(dist, path.dirname(file)).split(path.sep).length !== 1 && readFileSync(file, 'utf8').includes('import.meta')) {
    throw new Error(`scripts/build.mjs: ${input} finds files from its own place (import.meta) but is not two folders below the package root, as the bundle dist/cli/bin.cjs is`);
  }
}
