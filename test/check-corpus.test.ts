// Quality of the manuscript checker on the project's own corpus (docs/check.md), and the
// `latinitsa check` command on it. The corpus and its answer key: test/fixtures/manuscripts
// (book.src.md / book.src.txt mark every planted slip; build.ts writes the files and the key).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { main } from '../src/cli/main.ts';
import { checkDocuments, readDocument, type CheckDiagnostic as Diagnostic } from '../src/index.ts';
import { parseCheckConfig } from '../src/check/index.ts';
import { documentFormatOf } from '../src/document/index.ts';
import { readDocxParagraphs } from '../src/io/index.ts';
import { loadLexicon } from '../src/io/lexicon.ts';
import { fixturesDir, readTsv } from './support/fixtures.ts';

const dir = path.join(fixturesDir, 'manuscripts');
const lexicon = await loadLexicon();
// As the command checks: the project settings, the Russian lexicon, findings from `likely` up.
const config = { minConfidence: 'likely' as const, ...parseCheckConfig(JSON.parse(readFileSync(path.join(dir, '.latinitsarc.json'), 'utf8'))), ...(lexicon === undefined ? {} : { lexicon }) };

async function findings(file: string): Promise<Diagnostic[]> {
  const full = path.join(dir, file);
  const format = documentFormatOf(file);
  const doc = format === 'docx' ? readDocument({ paragraphs: await readDocxParagraphs(readFileSync(full), { file }) }) : readDocument({ text: readFileSync(full, 'utf8'), format });
  return checkDocuments([{ file, ...doc }], config);
}

test('precision and recall on the planted corpus (targets: recall ≥ 0.9, precision ≥ 0.8)', async (t) => {
  const key = readTsv(path.join(dir, 'answer-key.tsv'));
  // The .docx has one paragraph per line of book.txt: the same key, line = paragraph.
  const planted = [...key, ...key.filter((r) => r[0] === 'book.txt').map((r) => ['book.docx', ...r.slice(1)])];
  const wanted = new Map(planted.map(([file, line, column, actual, expected, rule]) => [`${file}:${line}:${column}`, { actual, expected, rule }]));
  let tp = 0;
  let fp = 0;
  let sameRule = 0;
  const falsePositives: string[] = [];
  for (const file of ['book.md', 'book2.md', 'book.txt', 'book.docx', 'clean.md', 'clean2.txt']) {
    for (const d of await findings(file)) {
      const w = wanted.get(`${file}:${d.place.start.line}:${d.place.start.column}`);
      if (w !== undefined && w.actual === d.actual && w.expected === d.expected[0]) {
        tp++;
        if (w.rule === d.ruleId) sameRule++;
        wanted.delete(`${file}:${d.place.start.line}:${d.place.start.column}`);
      } else {
        fp++;
        falsePositives.push(`${file}:${d.place.start.line}:${d.place.start.column} ${d.actual} → ${d.expected[0]}`);
      }
    }
  }
  const fn = wanted.size;
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  t.diagnostic(`planted ${planted.length}, found ${tp}, false positives ${fp}, missed ${fn}: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, same rule id ${sameRule}/${tp}`);
  t.diagnostic(`false positives: ${falsePositives.join('; ') || 'none'}`);
  t.diagnostic(`missed: ${[...wanted].map(([k, v]) => `${k} ${v.actual}`).join('; ') || 'none'}`);
  assert.ok(recall >= 0.9, `recall ${recall}`);
  assert.ok(precision >= 0.8, `precision ${precision}`);
});

function io(cwd: string, stdin = ''): { io: Parameters<typeof main>[1]; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = '';
  let e = '';
  stdout.on('data', (c) => (o += String(c)));
  stderr.on('data', (c) => (e += String(c)));
  return { io: { stdin: Readable.from([Buffer.from(stdin)]), stdout, stderr, cwd, env: {} }, out: () => o, err: () => e };
}

test('latinitsa check book.md --scheme modified-loc: findings, format, exit 1; --fix leaves a clean file', async () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'latinitsa-check-'));
  for (const f of ['book.md', '.latinitsarc.json']) copyFileSync(path.join(dir, f), path.join(tmp, f));
  const before = readFileSync(path.join(tmp, 'book.md'), 'utf8');
  const run1 = io(tmp);
  assert.equal(await main(['check', 'book.md', '--scheme', 'modified-loc'], run1.io), 1);
  const lines = run1.out().trimEnd().split('\n');
  assert.ok(lines.length >= 20, `${lines.length} findings`);
  assert.match(lines[0]!, /^book\.md:18:43: error: "Iagoda" is not modified-loc romanization; modified-loc writes "Yagoda" \(ягода\)\. \[check\/scheme-mismatch, likely\]$/u);

  const run2 = io(tmp);
  assert.equal(await main(['check', 'book.md', '--json'], run2.io), 1);
  const json = JSON.parse(run2.out()) as Diagnostic[];
  assert.equal(json.length, lines.length);
  assert.deepEqual(Object.keys(json[0]!).sort(), ['actual', 'confidence', 'data', 'expected', 'file', 'fix', 'note', 'place', 'reason', 'ruleId', 'severity', 'source']);

  const run3 = io(tmp);
  // --fix applies the certain fixes; the less certain findings are still reported (exit 1).
  assert.equal(await main(['check', 'book.md', '--fix'], run3.io), 1, run3.out());
  assert.match(run3.err(), /less certain fix(es)? left for you to decide/u);
  const after = readFileSync(path.join(tmp, 'book.md'), 'utf8');
  // Only the flagged spans changed.
  let expected = '';
  let at = 0;
  for (const d of json.filter((d) => d.confidence >= 0.9)) {
    expected += before.slice(at, d.place.start.offset) + d.fix!.text;
    at = d.place.end.offset;
  }
  assert.equal(after, expected + before.slice(at));
  assert.equal(await main(['check', 'book.md', '--min-confidence', 'certain'], io(tmp).io), 0);
});

test('latinitsa check: .docx by paragraph, stdin, bad input exits 2 with a message', async () => {
  const run1 = io(dir);
  assert.equal(await main(['check', 'book.docx'], run1.io), 1);
  assert.match(run1.out(), /^book\.docx:41:5: error: "Mоlotov" mixes Latin and Cyrillic letters/mu);
  const run2 = io(dir, 'Zinoviev, Zinoviev, Zinovyev.');
  assert.equal(await main(['check', '--config', '/dev/null/none.json'], run2.io), 2);
  const run3 = io(os.tmpdir(), 'Zinoviev, Zinoviev, Zinovyev.');
  assert.equal(await main(['check', '--ignore', 'Zinovyev'], run3.io), 0);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'latinitsa-check-'));
  writeFileSync(path.join(tmp, 'bad.txt'), Buffer.from([0x5a, 0x69, 0xff, 0x6e]));
  writeFileSync(path.join(tmp, 'bad.docx'), 'not a zip');
  const run4 = io(tmp);
  assert.equal(await main(['check', 'bad.txt'], run4.io), 2);
  assert.match(run4.err(), /byte.*2|offset.*2/iu);
  const run5 = io(tmp);
  assert.equal(await main(['check', 'bad.docx'], run5.io), 2);
  assert.match(run5.err(), /^latinitsa: bad\.docx: not a zip archive \(a \.docx is one\)$/mu);
  const run6 = io(tmp);
  assert.equal(await main(['check', '--bogus'], run6.io), 2);
});

test('latinitsa check --fix on plain text keeps CRLF line ends, the BOM and the file mode', async () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'latinitsa-check-'));
  const file = path.join(tmp, 'notes.txt');
  writeFileSync(file, '\uFEFFZinoviev spoke.\r\nZinoviev left; Zinovyev stayed.\r\n', { mode: 0o640 });
  const run = io(tmp);
  assert.equal(await main(['check', '--fix', 'notes.txt'], run.io), 0, run.out() + run.err());
  assert.equal(readFileSync(file, 'utf8'), '\uFEFFZinoviev spoke.\r\nZinoviev left; Zinoviev stayed.\r\n');
  assert.equal(statSync(file).mode & 0o777, 0o640);
});
