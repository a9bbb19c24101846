// A note call run on to a word (Zinovyev3): the checker reads the word without the call. One case
// a line in test/fixtures/check/note-calls.tsv (docs/check.md, "Note calls run on to a word").
import assert from 'node:assert/strict';
import path from 'node:path';
import test from 'node:test';
import { checkDocuments } from '../src/check/check.ts';
import { readDocument } from '../src/document/document.ts';
import { tokenizeWords } from '../src/segment/index.ts';
import { fixturesDir, readTsv } from './support/fixtures.ts';

const cases = readTsv(path.join(fixturesDir, 'check', 'note-calls.tsv')) as Array<[string, string]>;

test('a note call run on to a word is not part of it; digits that belong to a token keep it unread (test/fixtures/check/note-calls.tsv)', () => {
  assert.ok(cases.length >= 12);
  for (const [text, words] of cases) assert.equal(tokenizeWords(text).map((w) => w.text).join('|'), words, text);
});

test('a spelling carrying a note call is found, its range the word without the call', () => {
  const text = 'Zinoviev wrote. Zinoviev spoke. Zinoviev left. Zinovyev3 stayed.';
  const at = text.indexOf('Zinovyev3');
  const found = checkDocuments([readDocument({ text, format: 'text' })]).find((d) => d.place.start.offset === at);
  assert.ok(found !== undefined, 'a finding on Zinovyev');
  assert.equal(found.actual, 'Zinovyev');
  assert.equal(found.place.end.offset, at + 'Zinovyev'.length);
  // The fix replaces the word and leaves the call as it is.
  assert.deepEqual(found.fix, { range: [at, at + 'Zinovyev'.length], text: 'Zinoviev' });
});
