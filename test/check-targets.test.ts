// Which spelling of a group is the fix: one case a line in test/fixtures/check/targets.tsv, each fix
// read off the scheme's rules by hand (docs/check.md, "Which spelling is flagged").
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { checkDocuments } from '../src/check/check.ts';
import { readDocument } from '../src/document/document.ts';
import { loadLexicon } from '../src/io/lexicon.ts';

const lexicon = await loadLexicon();
assert.ok(lexicon !== undefined, 'the shipped lexicon');

const cases = readFileSync(path.join(import.meta.dirname, 'fixtures', 'check', 'targets.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => line.split('\t') as [string, string, string]);

test('the fix of a group: every case of test/fixtures/check/targets.tsv', () => {
  assert.ok(cases.length >= 8);
  for (const [scheme, marked, fix] of cases) {
    const line = marked.replaceAll('\\n', '\n');
    const at = line.indexOf('[[');
    const text = line.replace('[[', '').replace(']]', '');
    const findings = checkDocuments([readDocument({ text, format: 'markdown' })], { lexicon, minConfidence: 0, ...(scheme === '-' ? {} : { scheme }) });
    const found = findings.find((d) => d.place.start.offset === at);
    assert.equal(found?.expected[0] ?? '-', fix, marked);
  }
});
