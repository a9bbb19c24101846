// The module boundaries of src/ (docs/architecture.md): the browser-safe folders reach no Node
// module, directly or through another folder; the schemes and the engine depend only downwards;
// and no two modules import each other in a cycle.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');

/** Folders whose code must run in a browser. */
const BROWSER_SAFE = ['engine', 'schemes', 'detect', 'reverse', 'check', 'cite', 'segment', 'diagnostics', 'document', 'marc'];
/** What each lower layer may import (folders of src/, and src/errors.ts). */
const LAYERS: Record<string, string[]> = {
  schemes: ['schemes', 'errors.ts'],
  // The language detector and the one diagnostic shape sit below the engine (lang: 'auto', unmapped letters).
  detect: ['detect', 'schemes', 'errors.ts'],
  engine: ['engine', 'schemes', 'detect', 'diagnostics', 'errors.ts'],
};

interface Import {
  /** A file of src/ (relative to it), or a package or Node module name. */
  to: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [p] : [];
  });
}

// Static imports and re-exports (`import … from`, `import '…'`, `export … from`) and dynamic
// `import('…')` with a literal specifier; comments are removed first so that examples do not count.
const IMPORT = /(?:^|[\n;])\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The import graph of src/: file (relative to src/) → its imports. */
function importGraph(): Map<string, Import[]> {
  const graph = new Map<string, Import[]>();
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
    const imports: Import[] = [];
    for (const m of text.matchAll(IMPORT)) {
      const spec = (m[2] ?? m[3])!;
      const to = spec.startsWith('.') ? path.relative(src, path.resolve(path.dirname(file), spec)) : spec;
      imports.push({ to, typeOnly: m[1] !== undefined });
    }
    graph.set(path.relative(src, file), imports);
  }
  return graph;
}

const graph = importGraph();
const nodeModules = new Set(builtinModules);
const isNode = (spec: string): boolean => spec.startsWith('node:') || nodeModules.has(spec.split('/')[0]!);
const folderOf = (file: string): string => (file.includes(path.sep) ? file.split(path.sep)[0]! : file);

/** The first runtime import chain from `file` to a Node module, or undefined. */
function chainToNode(file: string, seen = new Set<string>()): string[] | undefined {
  if (seen.has(file)) return undefined;
  seen.add(file);
  for (const { to, typeOnly } of graph.get(file) ?? []) {
    if (typeOnly) continue;
    if (isNode(to)) return [file, to];
    if (graph.has(to)) {
      const rest = chainToNode(to, seen);
      if (rest !== undefined) return [file, ...rest];
    }
  }
  return undefined;
}

describe('browser-safe folders reach no Node module', () => {
  for (const folder of BROWSER_SAFE) {
    const present = existsSync(path.join(src, folder));
    it(`src/${folder}`, { skip: present ? false : 'the folder does not exist yet' }, () => {
      const chains = [...graph.keys()]
        .filter((f) => folderOf(f) === folder)
        .flatMap((f) => {
          const chain = chainToNode(f);
          return chain === undefined ? [] : [chain.join(' → ')];
        });
      assert.deepEqual(chains, [], `Node-only code belongs in src/io:\n${chains.join('\n')}`);
    });
  }
});

describe('lower layers depend only downwards', () => {
  for (const [folder, allowed] of Object.entries(LAYERS)) {
    it(`src/${folder} imports only ${allowed.join(', ')} of src/`, () => {
      const wrong = [...graph.entries()]
        .filter(([f]) => folderOf(f) === folder)
        .flatMap(([f, imports]) => imports.filter((i) => graph.has(i.to) && !allowed.includes(folderOf(i.to))).map((i) => `${f} → ${i.to}`));
      assert.deepEqual(wrong, []);
    });
  }
});

/** Strongly connected components of more than one file (Tarjan), each a set of files in a cycle. */
function cycles(): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const { to } of graph.get(v) ?? []) {
      if (!graph.has(to)) continue;
      if (!index.has(to)) {
        visit(to);
        low.set(v, Math.min(low.get(v)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(v, Math.min(low.get(v)!, index.get(to)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).some((i) => i.to === v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('no import cycle in src/ (type-only imports included)', () => {
  const all = cycles();
  const inCli = (c: string[]): boolean => c.every((f) => folderOf(f) === 'cli');
  it('outside src/cli', () => {
    assert.deepEqual(all.filter((c) => !inCli(c)), []);
  });
  // The command table loads the commands lazily; no command imports the table back.
  it('inside src/cli', () => {
    assert.deepEqual(all.filter(inCli), []);
  });
  it('the cycle finder finds a cycle', () => {
    const saved = new Map(graph);
    try {
      graph.set('a.ts', [{ to: 'b.ts', typeOnly: false }]);
      graph.set('b.ts', [{ to: 'a.ts', typeOnly: true }]);
      assert.deepEqual(cycles().filter((c) => c.includes('a.ts')), [['a.ts', 'b.ts']]);
    } finally {
      graph.clear();
      for (const [k, v] of saved) graph.set(k, v);
    }
  });
});
