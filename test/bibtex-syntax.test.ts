// The BibTeX reader (src/cite/bibtex-syntax.ts) against the package whose grammar it follows,
// bibtex-parse 2.1 (a devDependency here, no longer shipped): the same items, or an error at the
// same place, on the .bib files that package tests with (real files collected from Better BibTeX,
// ORCID, JabRef, python-bibtexparser and others, in node_modules/bibtex-parse/test), on this
// project's fixtures, and on generated input.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BibtexSyntaxError, parseBibtex } from '../src/cite/bibtex-syntax.ts';
import { romanizeBibtex } from '../src/cite/bibtex.ts';
import { fixturesDir, readTsv } from './support/fixtures.ts';

const require = createRequire(import.meta.url);
const original = require('bibtex-parse') as { parse(text: string, options: { number: 'string' }): unknown };
const theirTests = path.join(path.dirname(require.resolve('bibtex-parse')), 'test');

/** What a reader gives: its items, or where and why it stopped. */
function outcome(read: () => unknown): unknown {
  try {
    return { items: read() };
  } catch (error) {
    // The grammar's words: this reader's message says more where it can (fixtures/bib/syntax-errors.tsv).
    const e = error as { message: string; grammarMessage?: string; location?: { start: unknown } };
    return { error: e.grammarMessage ?? e.message, at: e.location?.start };
  }
}

const same = (text: string, label: string): void => {
  assert.deepStrictEqual(outcome(() => parseBibtex(text)), outcome(() => original.parse(text, { number: 'string' })), label);
};

describe('parseBibtex reads as bibtex-parse does', () => {
  it('on the .bib files of bibtex-parse\'s own tests (valid and invalid)', () => {
    const files = ['valid', 'invalid'].flatMap((dir) => readdirSync(path.join(theirTests, dir)).filter((f) => f.endsWith('.bib')).map((f) => path.join(theirTests, dir, f)));
    assert.ok(files.length > 100, `${files.length} files`);
    for (const file of files) same(readFileSync(file, 'utf8'), path.basename(file));
  });

  it('on this project\'s fixtures', () => {
    for (const f of readdirSync(path.join(fixturesDir, 'bib')).filter((f) => f.endsWith('.bib'))) same(readFileSync(path.join(fixturesDir, 'bib', f), 'utf8'), f);
  });

  it('on generated input (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom('@article{', '@book{k,', '@BOOK(k,', '@string{n = "Наука"}', '@String(m={x})', '@comment{', '@comment x\r\n', '@Comment', '@preamble{', '@preamble("a" # b)', '@commentary{', '@@', '@ x', 'a@b.c', '@x y', '}', '{', ')', '(', '"', '=', ',', ' # ', '#', '\\{', '\\}', '\\"', '\\\\', '\\', 'title = {Культура и взрыв}', 'author = "Лотман, {Ю}. М."', 'year = 1992', 'year=1992a', 'month = jan', 'na me = v', '\n', '\r\n', '\r', ' ', '\t', '%', '𝔞', '[', ']'),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 25 }).map((p) => p.join('')), (text) => same(text, JSON.stringify(text))), { numRuns: 3000 });
  });

  it('stays linear where many braces never close (a quoted value with 100,000 of them)', () => {
    const text = `@book{k, title = "${'{a'.repeat(100_000)}" }`;
    const t0 = performance.now();
    assert.throws(() => parseBibtex(text), BibtexSyntaxError);
    assert.ok(performance.now() - t0 < 5000, `${(performance.now() - t0).toFixed(0)} ms`);
  });

  it('stays linear where many "@" begin nothing in a run without a delimiter (the fuzzer\'s case: 200,000 characters, 160 s before)', () => {
    const text = 'C@сбщӖ\u0359'.repeat(200_000 / 7);
    const t0 = performance.now();
    const items = parseBibtex(text);
    assert.ok(performance.now() - t0 < 5000, `${(performance.now() - t0).toFixed(0)} ms`);
    assert.equal(items.map((i) => (i.itemtype === 'comment' ? i.comment : '')).join(''), text);
  });
});

describe('a file the reader cannot read past says what is wrong where (test/fixtures/bib/syntax-errors.tsv)', () => {
  for (const [text, message] of readTsv(path.join(fixturesDir, 'bib', 'syntax-errors.tsv'))) {
    it(JSON.stringify(text), () => {
      assert.throws(() => romanizeBibtex(text!), (e: unknown) => (e as Error).message === message, `expected: ${message}`);
    });
  }
});
