// A user's JSON file with a syntax error: its line and column and what is wrong there, from one
// reader (src/diagnostics/json.ts) used by every place that reads such a file. The cases of
// test/fixtures/json/syntax-errors.tsv; the reader against JSON.parse on generated text; and each
// command that reads a JSON file.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { jsonSyntaxError, parseJsonFile } from '../src/diagnostics/json.ts';
import { LatinitsaError } from '../src/errors.ts';
import { runCli } from './support/cli.ts';
import { fixturesDir, readTsv } from './support/fixtures.ts';

describe('a JSON syntax error is named by line and column (test/fixtures/json/syntax-errors.tsv)', () => {
  for (const [cell, at, reason] of readTsv(path.join(fixturesDir, 'json', 'syntax-errors.tsv'))) {
    // \u{XXXX} in the text stands for that character (a byte-order mark, U+2028), which the
    // fixture cannot hold visibly.
    const text = cell!.replace(/\\u\{([0-9A-Fa-f]{1,6})\}/gu, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)));
    it(`${JSON.stringify(text)} → ${at}`, () => {
      const [line, column] = at!.split(':');
      assert.throws(
        () => parseJsonFile(text, { file: 'f.json' }),
        (e: unknown) => {
          assert.ok(e instanceof LatinitsaError);
          assert.equal(e.code, 'ERR_INVALID_INPUT');
          assert.equal(e.file, 'f.json');
          assert.equal(e.message, `f.json: invalid JSON at line ${line}, column ${column}: ${reason}`);
          return true;
        },
      );
      // The scanner gives the place itself, which the message takes (the lines counted once).
      const found = jsonSyntaxError(text);
      assert.deepEqual([found?.line, found?.column, found?.reason], [Number(line), Number(column), reason]);
    });
  }
  it('JSON is parsed as JSON.parse parses it', () => {
    assert.deepEqual(parseJsonFile('{"a": [1, "б", null]}'), { a: [1, 'б', null] });
  });
});

describe('the scanner and JSON.parse agree on what is JSON (property)', () => {
  const piece = fc.constantFrom('{', '}', '[', ']', ',', ':', '"a"', '"б\\n"', '"', '1', '-0.5e+3', '01', 'true', 'nul', ' ', '\n', "'", '\\', '"\\u00e9"', '"\\x"', '\t');
  it('on generated text: an error where JSON.parse fails, none where it parses', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }).map((p) => p.join('')), (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        const error = jsonSyntaxError(text);
        assert.equal(error === undefined, parses, JSON.stringify(text));
        if (error !== undefined) assert.ok(error.offset >= 0 && error.offset <= text.length);
      }),
      { numRuns: 5000 },
    );
  });
  it('a million unclosed "[" are an error, not a stack overflow', () => {
    assert.equal(jsonSyntaxError('['.repeat(1_000_000))?.offset, 1_000_000);
  });
});

describe('every JSON file a command reads names the line and column', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'latinitsa-json-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const trailing = '{\n  "id": "house",\n  "name": "House",\n  "extends": "ala-lc-simplified",\n}\n';
  const where = 'invalid JSON at line 5, column 1: expected a property name in double quotes after ",", found "}" (JSON allows no comma after the last member)';
  const cases: [string, string, string[], string][] = [
    ['a scheme file', 'scheme.json', ['--scheme-file', 'scheme.json', 'Киров'], `scheme.json: ${where}`],
    ['a scheme file for check', 'scheme.json', ['check', '--scheme-file', 'scheme.json', '-'], `scheme.json: ${where}`],
    ['an exception lexicon', 'names.json', ['-x', 'names.json', 'Киров'], `names.json: ${where}`],
    ['check\'s settings file', 'rc.json', ['check', '--config', 'rc.json', '-'], `rc.json: ${where}`],
    ['a CSL-JSON bibliography', 'refs.json', ['bib', 'refs.json'], `refs.json: not valid CSL-JSON at line 5, column 1: expected a property name in double quotes after ",", found "}" (JSON allows no comma after the last member)`],
  ];
  for (const [what, file, args, message] of cases) {
    it(what, async () => {
      writeFileSync(path.join(dir, file), trailing);
      const r = await runCli(args, { cwd: dir, stdin: 'Киров\n' });
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr, `latinitsa: ${message}\n`);
    });
  }
});
