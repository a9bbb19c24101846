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
// the two JSON Schemas: about 40 files) are written into the compiled modules themselves, as the
// file's text, so that loading the engine reads two modules instead of some forty files. A file
// the module reads only through a function of its own, `() => name` (the scheme files in the
// catalog, the two schemas), is parsed on that function's first call: a run that uses one scheme
// parses one scheme file, not forty (docs/performance.md). Any other is parsed when the module
// loads. The JSON files stay in dist/ beside them (the schemas are exported by name). Only these
// modules: elsewhere a JSON file imported by two modules is one object, which inlining would make two.
/** For each module: the JSON files read lazily, by the name of the constant that holds their text. */
const lazyJson = new Map();
for (const file of ['schemes/builtin.js', 'schemes/validate.js']) {
  const compiled = path.join(dist, file);
  const lazy = new Map();
  lazyJson.set(compiled, lazy);
  let code = readFileSync(compiled, 'utf8');
  const imports = [...code.matchAll(/^import (\w+) from '(\.{1,2}\/[^']+\.json)' with \{ type: 'json' \};$/gm)];
  if (imports.length === 0) throw new Error(`scripts/build.mjs: found no JSON import to inline in dist/${file}`);
  for (const [line, name, relative] of imports) {
    const text = JSON.stringify(JSON.stringify(JSON.parse(readFileSync(path.join(path.dirname(compiled), relative), 'utf8'))));
    const reader = new RegExp(`\\(\\) => ${name}(?![\\w$])`, 'g');
    const readers = code.match(reader)?.length ?? 0;
    const uses = code.match(new RegExp(`(?<![\\w$.])${name}(?![\\w$])`, 'g'))?.length ?? 0;
    if (readers === 0) {
      code = code.replace(line, () => `const ${name} = JSON.parse(${text});`);
      continue;
    }
    // Lazy only when every use is such a function (the import line is one use more).
    if (uses !== readers + 1) throw new Error(`scripts/build.mjs: dist/${file} uses ${name} outside \`() => ${name}\``);
    code = code.replace(reader, `() => (${name} ??= JSON.parse(${name}Text))`).replace(line, () => `let ${name};\nconst ${name}Text = ${text};`);
    lazy.set(`${name}Text`, path.join(path.dirname(compiled), relative));
  }
  writeFileSync(compiled, code);
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
        // The bundle reads a lazily parsed JSON file (a scheme, a JSON Schema) from dist/ when it
        // is first needed, instead of holding its text: on this path start-up reads the bundle and
        // its code cache, which would hold every scheme's text twice (docs/performance.md).
        b.onLoad({ filter: /[\\/]schemes[\\/](builtin|validate)\.js$/ }, (args) => {
          const lazy = lazyJson.get(args.path);
          if (lazy === undefined) return undefined;
          let code = readFileSync(args.path, 'utf8');
          for (const [constant, json] of lazy) {
            const declaration = new RegExp(`^const ${constant} = "(?:[^"\\\\]|\\\\.)*";$`, 'm');
            if (!declaration.test(code)) throw new Error(`scripts/build.mjs: no ${constant} in ${args.path}`);
            const relative = path.relative(cli, json).split(path.sep).join('/');
            const read = `JSON.parse(${constant})`;
            if (!code.includes(read)) throw new Error(`scripts/build.mjs: no ${read} in ${args.path}`);
            code = code.replace(declaration, '').replaceAll(read, `JSON.parse(require('node:fs').readFileSync(require('node:path').join(__dirname, ${JSON.stringify(relative)}), 'utf8'))`);
          }
          return { contents: code, loader: 'js', resolveDir: path.dirname(args.path) };
        });
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
