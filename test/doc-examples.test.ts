// Runs every `@example` block in the JSDoc of src/: imports of 'latinitsa' (and its subpaths) are
// pointed at the sources, and every expression line directly followed by `//=> value` is checked
// with deepStrictEqual. An example that no longer holds fails here. Each is also type-checked as
// a consumer's strict TypeScript file (the .d.ts files ship the examples: docs/api.md).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { transformSync } from 'esbuild';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '..');
// The package's entry points (package.json "exports", built from src/<path>/index.ts).
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { exports: Record<string, string | { default: string }> };
const modules: Record<string, string> = {};
for (const [key, target] of Object.entries(pkg.exports)) {
  const file = typeof target === 'string' ? target : target.default;
  if (!file.startsWith('./dist/')) continue;
  modules[key === '.' ? 'latinitsa' : `latinitsa/${key.slice(2)}`] = file.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts');
}

interface Example {
  file: string;
  line: number;
  lines: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [p] : [];
  });
}

function examples(file: string): Example[] {
  const text = readFileSync(file, 'utf8').split('\n');
  const found: Example[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!/^\s*\*\s*@example\b/.test(text[i]!)) continue;
    const lines: string[] = [];
    let j = i + 1;
    for (; j < text.length; j++) {
      const l = text[j]!;
      if (/^\s*\*\//.test(l) || /^\s*\*\s*@\w+/.test(l)) break;
      lines.push(l.replace(/^\s*\* ?/, ''));
    }
    found.push({ file: path.relative(root, file), line: i + 1, lines });
    i = j - 1;
  }
  return found;
}

function toBody(example: Example): string {
  const out: string[] = [];
  const { lines } = example;
  lines.forEach((line, i) => {
    if (line.startsWith('//=>')) return;
    const imp = /^import\s*\{([^}]*)\}\s*from\s*'([^']+)';?\s*$/.exec(line);
    if (imp) {
      const target = modules[imp[2]!];
      if (target === undefined) throw new Error(`${example.file}:${example.line}: unknown module ${imp[2]}`);
      const names = imp[1]!.split(',').map((n) => n.trim()).filter((n) => n !== '' && !n.startsWith('type '));
      out.push(`const { ${names.join(', ')} } = await import(${JSON.stringify(pathToFileURL(path.join(root, target)).href)});`);
      return;
    }
    const next = lines[i + 1];
    if (next?.startsWith('//=>')) {
      const expr = line.replace(/;\s*(\/\/.*)?$/, '');
      out.push(`__check((${expr}), (${next.slice(4).trim()}), ${JSON.stringify(expr)});`);
    } else {
      out.push(line);
    }
  });
  return transformSync(out.join('\n'), { loader: 'ts', format: 'esm', target: 'esnext' }).code;
}

/**
 * The example as a consumer's TypeScript module: its imports from the package point at the
 * sources, and each `//=>` line's expression is passed to a function that takes anything.
 */
function toTypeScript(example: Example): string {
  const out = ['declare function __check(actual: unknown, expected: unknown): void;'];
  example.lines.forEach((line, i) => {
    if (line.startsWith('//=>')) return;
    const imp = /^import\s*(\{[^}]*\})\s*from\s*'([^']+)';?\s*$/.exec(line);
    if (imp) {
      out.push(`import ${imp[1]} from ${JSON.stringify(path.join(root, modules[imp[2]!]!))};`);
      return;
    }
    const next = example.lines[i + 1];
    out.push(next?.startsWith('//=>') ? `__check((${line.replace(/;\s*(\/\/.*)?$/, '')}), (${next.slice(4).trim()}));` : line);
  });
  return [...out, 'export {};'].join('\n');
}

/**
 * Type errors of every example, by example, compiled together in one program: as strict as
 * tsconfig.json (`strict` and the stricter checks of a consumer who turns them on), with Node's
 * types and no DOM.
 */
function typeErrors(all: Example[]): Map<Example, string[]> {
  const options: ts.CompilerOptions = {
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    target: ts.ScriptTarget.ES2023,
    lib: ['lib.es2024.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    allowImportingTsExtensions: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    types: ['node'],
    noEmit: true,
  };
  // The examples are files of their own, in memory only.
  const files = new Map(all.map((e, k) => [path.join(root, '.doc-examples', `example-${k}.ts`), e] as const));
  const texts = new Map([...files].map(([name, e]) => [name, toTypeScript(e)] as const));
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) => (texts.has(name) ? ts.createSourceFile(name, texts.get(name)!, language) : getSourceFile.call(host, name, language, ...rest));
  host.fileExists = (name) => texts.has(name) || fileExists.call(host, name);
  host.readFile = (name) => texts.get(name) ?? readFile.call(host, name);
  const program = ts.createProgram([...texts.keys()], options, host);
  const errors = new Map<Example, string[]>();
  for (const [name, example] of files) {
    const found = ts.getPreEmitDiagnostics(program, program.getSourceFile(name)).map((d) => {
      const line = d.file === undefined || d.start === undefined ? '' : d.file.text.split('\n')[d.file.getLineAndCharacterOfPosition(d.start).line];
      return `${ts.flattenDiagnosticMessageText(d.messageText, ' ')} (in: ${line})`;
    });
    errors.set(example, found);
  }
  return errors;
}

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<void>;

describe('doc examples', () => {
  const all = sourceFiles(path.join(root, 'src')).flatMap(examples);
  it('finds examples in the sources', () => {
    assert.ok(all.length >= 10, `only ${all.length} @example blocks found`);
  });
  for (const example of all) {
    it(`${example.file}:${example.line}`, async () => {
      let checks = 0;
      const check = (actual: unknown, expected: unknown, expr: string): void => {
        checks++;
        assert.deepStrictEqual(actual, expected, `${example.file}:${example.line}: ${expr}`);
      };
      await new AsyncFunction('__check', toBody(example))(check);
      assert.ok(checks > 0 || example.lines.every((l) => !l.includes('//=>')), 'no //=> line was checked');
    });
  }
  // One program for all of them: some 5 s, most of it reading the sources and Node's types once.
  it('every example type-checks as a strict consumer file', () => {
    const failing = [...typeErrors(all)].filter(([, errors]) => errors.length > 0).map(([e, errors]) => `${e.file}:${e.line}: ${errors.join('; ')}`);
    assert.deepEqual(failing, []);
  });
});
