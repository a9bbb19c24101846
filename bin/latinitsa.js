#!/usr/bin/env node
// The `latinitsa` command. CommonJS (bin/package.json), like the file it runs: dist/cli/bin.cjs,
// the CLI bundled by `npm run build` from src/cli/bin.ts (run by `npm test`, `npm start` and
// `npm pack`; the npm package ships it built). Starting from CommonJS spares the default command
// Node's ES module loader; the other commands load the compiled ES modules of dist/ through it
// (docs/performance.md, Start-up).
'use strict';
const Module = require('node:module');
const path = require('node:path');

const bundle = path.join(__dirname, '..', 'dist', 'cli', 'bin.cjs');
const { run } = load();
run(process.argv.slice(2), () => import('../dist/cli/index.js')).then((code) => {
  process.exitCode = code;
});

/**
 * The bundle's exports. Node 22.1 and later keep V8's compiled code between runs themselves
 * (`module.enableCompileCache`); on older Node the bundle is compiled with V8's code cache kept in
 * a folder of the user's own under the system's temporary folder, which spares compiling it again
 * at every start. The cache is written (atomically) once, at the end of a run that had none, and
 * the caches of this install's earlier builds are then removed; a bundle of another size, time or
 * inode, or another V8, has another file, and one V8 rejects is ignored and replaced. Each install
 * (the bundle's path) has caches of its own: two installs that removed each other's cache would
 * both compile and write one at every start, which costs more than having no cache.
 * NODE_DISABLE_COMPILE_CACHE=1 turns both caches off, as it does in Node.
 */
function load() {
  if (process.env.NODE_DISABLE_COMPILE_CACHE === undefined && Module.enableCompileCache !== undefined) Module.enableCompileCache();
  const dir = process.env.NODE_DISABLE_COMPILE_CACHE === undefined && Module.enableCompileCache === undefined ? cacheFolder() : undefined;
  if (dir === undefined) return require(bundle);
  const fs = require('node:fs');
  const vm = require('node:vm');
  const stat = fs.statSync(bundle);
  const install = `bin-${pathKey(bundle)}-`;
  const cacheFile = path.join(dir, `${install}${stat.size}-${Math.trunc(stat.mtimeMs)}-${stat.ino}-${process.versions.v8}.cache`);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // No cache yet.
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
  const exported = { exports: {} };
  script.runInThisContext().call(exported.exports, exported.exports, Module.createRequire(bundle), exported, bundle, path.dirname(bundle));
  if (cachedData === undefined || script.cachedDataRejected === true) {
    process.once('exit', () => {
      const temporary = `${cacheFile}.${process.pid}`;
      try {
        fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(temporary, cacheFile);
        // The caches of this install's earlier builds go (another Node's too: it makes its own again).
        for (const name of fs.readdirSync(dir)) if (name.startsWith(install) && name.endsWith('.cache') && path.join(dir, name) !== cacheFile) fs.rmSync(path.join(dir, name), { force: true });
      } catch {
        fs.rmSync(temporary, { force: true });
      }
    });
  }
  return exported.exports;
}

/** The cache folder, made if missing; undefined unless it is the user's own and only theirs to write. */
function cacheFolder() {
  const fs = require('node:fs');
  const dir = path.join(require('node:os').tmpdir(), `latinitsa-compile-cache-${process.getuid?.() ?? 'user'}`);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = fs.lstatSync(dir);
    if (!stat.isDirectory() || (process.getuid !== undefined && (stat.uid !== process.getuid() || (stat.mode & 0o022) !== 0))) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/** A short key of the bundle's path (FNV-1a, 32 bits, in hex): which install a cache belongs to, without loading node:crypto. */
function pathKey(file) {
  let h = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) h = Math.imul(h ^ file.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}
