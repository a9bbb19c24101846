// The library's entry points against docs/api.md: each exports exactly the names the page lists
// under it (adding or removing one is a deliberate change), every subpath of package.json
// "exports" is documented and built from an existing module, and internals stay off the root.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(import.meta.dirname, '..');
const doc = readFileSync(path.join(root, 'docs', 'api.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { exports: Record<string, string | { types: string; default: string }> };

/** The names listed under each `## \`entry\`` heading of docs/api.md: backticked names at the start of a list item. */
function documented(): Map<string, Set<string>> {
  const sections = new Map<string, Set<string>>();
  let current: Set<string> | undefined;
  let item = false;
  for (const line of doc.split('\n')) {
    const heading = /^## `([^`]+)`/.exec(line);
    if (heading) sections.set(heading[1]!, (current = new Set()));
    else if (line.startsWith('## ')) current = undefined;
    else if (current !== undefined && (line.startsWith('- ') || (item && line.startsWith('  ')))) {
      // A list item (and its continuation lines) up to the dash names exports.
      if (line.startsWith('- ')) item = true;
      const head = line.split(' — ')[0]!;
      for (const m of head.matchAll(/`([A-Za-z_$][\w$]*)`/g)) current.add(m[1]!);
      if (line.includes(' — ')) item = false;
    } else item = false;
  }
  return sections;
}

/** package.json "exports" entries that are modules: entry name → source file. */
function entryPoints(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'string') continue;
    out.set(key === '.' ? 'latinitsa' : `latinitsa/${key.slice(2)}`, target.default.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts'));
  }
  return out;
}

const sections = documented();

describe('docs/api.md and the entry points', () => {
  it('`latinitsa` exports exactly what docs/api.md lists', async () => {
    const names = Object.keys(await import('../src/index.ts')).sort();
    assert.deepEqual(names, [...sections.get('latinitsa')!].sort(), 'change docs/api.md together with src/index.ts');
  });

  for (const [entry, file] of entryPoints()) {
    it(`${entry}: documented, built from ${file}, and exports exactly the names listed`, async () => {
      assert.ok(existsSync(path.join(root, file)), `${file} is missing`);
      const listed = sections.get(entry);
      assert.ok(listed !== undefined, `docs/api.md has no section for ${entry}`);
      const names = new Set(Object.keys(await import(path.join(root, file))));
      assert.deepEqual([...listed].filter((n) => !names.has(n)), [], `${entry}: listed in docs/api.md but not exported`);
      // The other way too (the twelfth session's audit found 18 exports of subpaths on no list).
      assert.deepEqual([...names].filter((n) => !listed.has(n)), [], `${entry}: exported but not listed in docs/api.md`);
    });
  }

  it('every file export (the JSON Schemas, package.json) exists and is documented', () => {
    for (const [key, target] of Object.entries(pkg.exports)) {
      if (typeof target !== 'string') continue;
      assert.ok(existsSync(path.join(root, target)), target);
      assert.ok(doc.includes(`\`latinitsa/${key.slice(2)}\``), `${key} is not in docs/api.md`);
    }
  });

  it('internals stay off the root', async () => {
    const names = new Set(Object.keys(await import('../src/index.ts')));
    for (const internal of ['getCompiled', 'resolveScheme', 'titleForm', 'skeletonKey', 'cyrillicCandidates', 'tokenizeWords', 'isLoadedScheme', 'setSampleCheck', 'compileScheme', 'getFastScheme']) {
      assert.ok(!names.has(internal), `${internal} is exported from the root`);
    }
  });
});

it('the core imports nothing from node: (it must run in a browser)', async () => {
  const { build } = await import('esbuild');
  const result = await build({ entryPoints: ['src/index.ts'], bundle: true, write: false, platform: 'browser', format: 'esm', logLevel: 'silent', metafile: true });
  const inputs = Object.keys(result.metafile.inputs);
  assert.ok(!inputs.some((i) => i.startsWith('node:')), inputs.filter((i) => i.startsWith('node:')).join(', '));
});
