// A ’ after a word inside a ‘…’ quotation: its closing mark or the word's soft sign. One case a
// line in test/fixtures/check/quote-marks.tsv (docs/check.md, "English stays English").
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { tokenizeWords } from '../src/segment/index.ts';

const cases = readFileSync(path.join(import.meta.dirname, 'fixtures', 'check', 'quote-marks.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => line.split('\t') as [string, string]);

test('a ’ inside a ‘…’ quotation closes it or is a soft sign (test/fixtures/check/quote-marks.tsv)', () => {
  assert.ok(cases.length >= 7);
  for (const [text, words] of cases) assert.equal(tokenizeWords(text).map((w) => w.text).join('|'), words, text);
});
