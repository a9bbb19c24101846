// A finding is `certain` (applied unattended by `--fix`, textlint's fix and the page's "accept
// all") only when more than the scheme speaks against the word: the cases of
// test/fixtures/check/unattended.tsv (docs/check.md "Confidence", "What `certain` asks for"), and a
// lone place only the scheme flags is reported at `possible` ("A place name only the scheme flags").
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { checkDocuments } from '../src/check/check.ts';
import type { CheckDiagnostic } from '../src/check/types.ts';
import { readDocument } from '../src/document/document.ts';
import { loadLexicon } from '../src/io/lexicon.ts';

const lexicon = await loadLexicon();
assert.ok(lexicon !== undefined, 'the shipped lexicon');

const cases = readFileSync(path.join(import.meta.dirname, 'fixtures', 'check', 'unattended.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => line.split('\t') as [string, string, string, string, string?]);

test('unattended.tsv: each finding is reported in its band, with its fix', () => {
  assert.ok(cases.length >= 10);
  assert.ok(cases.some(([band]) => band === 'likely') && cases.some(([band]) => band === 'certain'));
  for (const [band, scheme, line, note, format = 'text'] of cases) {
    // A Markdown case (the fifth column) writes its line breaks as \n: footnotes stand on lines of their own.
    const marked = format === 'markdown' ? line.replaceAll('\\n', '\n') : line;
    const at = marked.indexOf('[[');
    const word = marked.slice(at + 2, marked.indexOf(']]'));
    const text = marked.replace('[[', '').replace(']]', '');
    const found: CheckDiagnostic | undefined = checkDocuments([readDocument({ text, format: format === 'markdown' ? 'markdown' : 'text' })], { lexicon, minConfidence: 'possible', ...(scheme === '-' ? {} : { scheme }) }).find((d) => d.place.start.offset === at);
    assert.ok(found !== undefined && found.actual === word, `no finding on ${word}: ${marked}`);
    assert.equal(found.data?.['confidence'], band, `${found.confidence} ${marked} (${note})`);
    assert.ok(found.fix !== undefined, `no fix: ${marked}`);
  }
});
