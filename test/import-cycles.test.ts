// No module of src/ imports itself through others: every static and dynamic `import … from
// './x.ts'` edge is followed, and a cycle fails with its path. (The command table loads the
// commands lazily; a command must not import the table back.)
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';

const src = path.resolve(import.meta.dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.endsWith('.test.ts') ? [p] : [];
  });
}

/** The relative .ts modules a file imports, statically or with import(). Type-only imports are not edges at run time. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(import|export)\s+(type\s+)?[^'"]*?from\s+'(\.[^']+\.ts)'|import\(\s*'(\.[^']+\.ts)'\s*\)/g)) {
    if (m[2] !== undefined) continue;
    out.push(path.resolve(path.dirname(file), (m[3] ?? m[4])!));
  }
  return out;
}

/** The first cycle in the graph, as a path of files, or undefined. Iterative depth-first search. */
function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  for (const start of graph.keys()) {
    if (state.has(start)) continue;
    const stack: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    state.set(start, 'open');
    while (stack.length > 0) {
      const top = stack.at(-1)!;
      const edges = graph.get(top.node) ?? [];
      if (top.next >= edges.length) {
        state.set(top.node, 'done');
        stack.pop();
        continue;
      }
      const to = edges[top.next++]!;
      if (state.get(to) === 'open') return [...stack.slice(stack.findIndex((f) => f.node === to)).map((f) => f.node), to];
      if (!state.has(to)) {
        state.set(to, 'open');
        stack.push({ node: to, next: 0 });
      }
    }
  }
  return undefined;
}

it('src/ has no import cycle (the CLI command table and its commands included)', () => {
  const graph = new Map(files(src).map((f) => [f, imports(f)]));
  assert.ok(graph.get(path.join(src, 'cli', 'commands.ts'))!.length >= 9, 'the command table is read');
  const cycle = findCycle(graph);
  assert.equal(cycle?.map((f) => path.relative(src, f)).join(' → '), undefined);
});

it('the cycle finder finds a cycle', () => {
  assert.deepEqual(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]])), ['a', 'b', 'c', 'a']);
});
