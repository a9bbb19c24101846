// The conventional list's rows built from Pantheon 1.0 (docs/check.md "Conventional forms"):
// cases of test/fixtures/check/conventional.tsv, each resting on people of the input file
// data/conventional/pantheon-russia.tsv, and the list is what scripts/build-conventional.ts makes
// of that file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkText } from '../src/index.ts';
import { conventionalForms, fullNames, inFullName } from '../src/check/conventional.ts';
import { foldRomanized } from '../src/reverse/index.ts';
import { fixturesDir, readTsv } from './support/fixtures.ts';

const root = path.resolve(import.meta.dirname, '..');
const input = readFileSync(path.join(root, 'data', 'conventional', 'pantheon-russia.tsv'), 'utf8').split('\n');
const people = new Set(input.map((line) => line.split('\t').slice(0, 2).join(' ')));

for (const [sentence, scheme, expected, source, note] of readTsv(path.join(fixturesDir, 'check', 'conventional.tsv'))) {
  test(`${scheme}: ${sentence} (${note})`, () => {
    for (const person of source!.split('; ')) assert.ok(people.has(person), `${person} is not a row of data/conventional/pantheon-russia.tsv`);
    const found = checkText(sentence!, { scheme: scheme! });
    const want = expected === '-' ? [] : expected!.split(' ');
    assert.deepEqual(
      found.map((d) => (want.some((w) => w.includes('>') && w.startsWith(`${d.actual}>`)) ? `${d.actual}>${d.expected[0]}` : d.actual)),
      want,
      found.map((d) => d.reason).join(' | '),
    );
  });
}

test('the pantheon rows of src/check/data/conventional.json are what the build makes of its input', () => {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'build-conventional.ts'), '--check'], { cwd: root, encoding: 'utf8' });
  assert.match(out, /^up to date/u);
});

test('a full name stands with another conventional form of its surname (Fyodor Dostoevsky for the list\'s Fyodor Dostoyevsky), not with any spelling', () => {
  const forms = conventionalForms();
  const names = fullNames(forms);
  const words = (text: string) => [...text.matchAll(/\p{L}+/gu)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  const named = (text: string) => inFullName(text, words(text), names, foldRomanized, forms);
  assert.deepEqual(named('Fyodor Dostoyevsky wrote'), ['фёдор', 'достоевский', undefined]);
  assert.deepEqual(named('Fyodor Dostoevsky wrote'), ['фёдор', 'достоевский', undefined]);
  // The scheme's own spelling is no conventional form: Fyodor stands alone there.
  assert.deepEqual(named('Fyodor Dostoevskii wrote'), [undefined, undefined, undefined]);
  // The first word is the name's own.
  assert.deepEqual(named('Fedor Dostoyevsky wrote'), [undefined, undefined, undefined]);
});
