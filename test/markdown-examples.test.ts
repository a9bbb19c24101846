// The examples of README.md and docs/ do what the pages say they print: the `$ …` transcripts; in
// the README, each command line of a shell block whose comment is its output (`latinitsa --scheme
// ala-lc 'Юрьев'  # I͡Urʹev`, also `… # a scheme option as a flag: Zinovev`) and the house-style
// scheme shown, which must be examples/house-style.json; each library code block that imports
// from 'latinitsa' runs, and each line whose comment is a string is checked against what it
// returns (`romanize('Юрьев', { scheme: 'ala-lc' });  // 'I͡Urʹev'`; `// '… ll. 1–2v'`: it ends so).
// Before this test (the twelfth session's audit) nothing ran them; all run from the sources.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { transformSync } from 'esbuild';
import * as latinitsa from '../src/index.ts';
import { runCli } from './support/cli.ts';

const root = path.resolve(import.meta.dirname, '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

/** The fenced code blocks of a Markdown text: language and lines. */
const fenced = (text: string): { lang: string; lines: string[] }[] =>
  [...text.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, lines: m[2]!.replace(/\n$/, '').split('\n') }));
const blocks = fenced(readme);

/** README.md and the Markdown files of docs/ (its subfolders too), relative to the root. */
function markdownFiles(dir = 'docs'): string[] {
  const here = dir === 'docs' ? ['README.md'] : [];
  return [
    ...here,
    ...readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? markdownFiles(`${dir}/${e.name}`) : e.name.endsWith('.md') ? [`${dir}/${e.name}`] : [],
    ),
  ];
}

/** Shell words of a command line that uses single quotes only (what the README's examples use). */
function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

/** The arguments after the command's name (`latinitsa`, `npx latinitsa`, `node bin/latinitsa.js`). */
function argsOf(command: string): string[] | undefined {
  const m = /^(?:npx latinitsa|latinitsa|node bin\/latinitsa\.js)(?:\s+(.*))?$/.exec(command.trim());
  return m === null ? undefined : words(m[1] ?? '');
}

describe('README.md and docs/: the transcripts ($ command, then what it prints)', () => {
  // `$ COMMAND` and the lines up to the next `$`: stdout, then the lines starting "latinitsa: " on
  // stderr. A command shown with no output (one that writes a file) is not run.
  const cases = markdownFiles().flatMap((file) =>
    fenced(readFileSync(path.join(root, file), 'utf8')).flatMap((b) =>
      b.lines.flatMap((line, k) => {
        if (!line.startsWith('$ ')) return [];
        const next = b.lines.slice(k + 1).findIndex((l) => l.startsWith('$ '));
        const output = b.lines.slice(k + 1, next === -1 ? undefined : k + 1 + next);
        return output.length === 0 ? [] : [{ file, command: line.slice(2), output }];
      }),
    ),
  );
  it('finds them', () => assert.ok(cases.length >= 5, `${cases.length} transcripts`));
  for (const { file, command, output } of cases) {
    it(`${file}: ${command}`, async () => {
      // `echo 'TEXT' | COMMAND` gives TEXT and a line break on stdin.
      const piped = /^echo '([^']*)' \| (.*)$/.exec(command);
      const args = argsOf(piped === null ? command : piped[2]!);
      assert.ok(args !== undefined, `not a latinitsa command: ${command}`);
      const r = await runCli(args, piped === null ? {} : { stdin: `${piped[1]}\n` });
      const lines = (text: string[]): string => text.map((l) => `${l}\n`).join('');
      assert.deepEqual(
        { code: r.code, stdout: r.stdout, stderr: r.stderr },
        { code: 0, stdout: lines(output.filter((l) => !l.startsWith('latinitsa: '))), stderr: lines(output.filter((l) => l.startsWith('latinitsa: '))) },
      );
    });
  }
});

describe('README.md: command lines whose comment is their output', () => {
  // A line that ends in a quoted text (no file to read), and a comment.
  const cases = blocks
    .filter((b) => b.lang === 'sh')
    .flatMap((b) => b.lines)
    .map((line) => /^(.*'[^']*')\s+# (.+)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && argsOf(m[1]!) !== undefined);
  it('finds them', () => assert.ok(cases.length >= 5, `${cases.length} lines`));
  for (const [, command, comment] of cases) {
    it(command!, async () => {
      const r = await runCli(argsOf(command!)!);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '');
      const out = r.stdout.replace(/\n$/, '');
      assert.ok(comment === out || comment!.endsWith(`: ${out}`), `prints ${JSON.stringify(out)}; the README says ${JSON.stringify(comment)}`);
    });
  }
});

describe('README.md and docs/: library code blocks run, and return what their comments say', () => {
  const files = markdownFiles();
  const names = Object.keys(latinitsa);
  const values = Object.values(latinitsa);
  const CHECKED = /^(\s*)([\w.]+\(.*\));?\s+\/\/ '([^']*)'/;
  const cases = files.flatMap((file) =>
    fenced(readFileSync(path.join(root, file), 'utf8'))
      // A block of calls into the root entry point (other blocks need files, a server or a browser).
      .filter((b) => ['ts', 'js'].includes(b.lang) && b.lines.some((l) => /^import .* from 'latinitsa';$/.test(l)) && !b.lines.some((l) => /^import .* from '(?!latinitsa')/.test(l)))
      .filter((b) => b.lines.some((l) => CHECKED.test(l)))
      .map((b) => ({ file, lines: b.lines })),
  );
  it('finds them', () => assert.ok(cases.length >= 3, `${cases.length} blocks`));
  for (const { file, lines } of cases) {
    it(`${file}: ${lines.find((l) => CHECKED.test(l))}`, async () => {
      const checks: { line: string; expected: string; value?: unknown }[] = [];
      const body = lines
        .map((line) => {
          if (line.startsWith('import ')) return '';
          const m = CHECKED.exec(line);
          if (m === null) return line;
          checks.push({ line, expected: m[3]! });
          return `${m[1]}__checks[${checks.length - 1}].value = ${m[2]};`;
        })
        .join('\n');
      const code = transformSync(body, { loader: 'ts', format: 'esm' }).code;
      // The block's own code, with the library's exports in scope.
      const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...args: unknown[]) => Promise<void>;
      await new AsyncFunction(...names, '__checks', code)(...values, checks);
      for (const { line, expected, value } of checks) {
        if (expected.startsWith('… ')) assert.ok(typeof value === 'string' && value.endsWith(expected.slice(2)), `${line}\n  returns ${JSON.stringify(value)}`);
        else assert.equal(value, expected, line);
      }
    });
  }
});

it('README.md: the house style shown is examples/house-style.json, and it loads (its samples checked)', () => {
  const shown = blocks.filter((b) => b.lang === 'json' && b.lines.some((l) => l.includes('"id": "house-style"')));
  assert.equal(shown.length, 1);
  const file = readFileSync(path.join(root, 'examples', 'house-style.json'), 'utf8');
  assert.deepEqual(JSON.parse(shown[0]!.lines.join('\n')), JSON.parse(file));
  const scheme = latinitsa.loadScheme(JSON.parse(file), { file: 'house-style.json' });
  assert.equal(latinitsa.romanize('Троцкий', { scheme }), 'Trotsky');
});
