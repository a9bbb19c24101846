// The one diagnostic shape and what is done with it: line/column, the fix applier, the reports
// (text, json, sarif validated against the SARIF 2.1.0 JSON Schema, github), the rule table.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { checkCitations, checkDocuments, LatinitsaError, readDocument, romanizeBibtex, romanizeCsl, type Diagnostic } from '../src/index.ts';
import { parseCheckConfig } from '../src/check/index.ts';
import { applyFixes, formatDiagnostics, lineIndex, listRules, ruleInfo, sarifLog, selectFixes } from '../src/diagnostics/index.ts';
import { runCli } from './support/cli.ts';
import { fixturesDir } from './support/fixtures.ts';

const schema = JSON.parse(readFileSync(path.join(fixturesDir, 'sarif', 'sarif-2.1.0.json'), 'utf8')) as object;
// The schema's "format" keywords (uri, date-time) are annotations here: no format plug-in is loaded.
const validateSarif = new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(schema);

function assertSarif(log: unknown): void {
  assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 5), null, 1));
}

/** Diagnostics of every producer, on the project's fixtures. */
function corpus(): Diagnostic[] {
  const manuscripts = path.join(fixturesDir, 'manuscripts');
  const config = parseCheckConfig(JSON.parse(readFileSync(path.join(manuscripts, '.latinitsarc.json'), 'utf8')));
  const book = readDocument({ text: readFileSync(path.join(manuscripts, 'book.md'), 'utf8'), format: 'markdown' });
  const notes = readFileSync(path.join(fixturesDir, 'citations', 'text', 'chapter.md'), 'utf8');
  const bib = romanizeBibtex(readFileSync(path.join(fixturesDir, 'bib', 'russian.bib'), 'utf8'), { keepOriginal: true }).diagnostics;
  const csl = romanizeCsl(readFileSync(path.join(fixturesDir, 'bib', 'zotero.json'), 'utf8'), { keepOriginal: true }).diagnostics;
  return [
    ...checkDocuments([{ file: 'book.md', ...book }], config),
    ...checkCitations(notes, { format: 'markdown' }).diagnostics.map((d) => ({ ...d, file: 'chapter.md' })),
    ...bib.map((d) => ({ ...d, file: 'russian.bib' })),
    ...csl.map((d) => ({ ...d, file: 'zotero.json' })),
  ];
}

describe('lineIndex', () => {
  it('agrees with counting lines by splitting the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'б', '\n', '\r', '😀', ' ') }), fc.nat(), (text, at) => {
        const offset = text.length === 0 ? 0 : at % (text.length + 1);
        const before = text.slice(0, offset).split('\n');
        assert.deepEqual(lineIndex(text).pointAt(offset), { line: before.length, column: before.at(-1)!.length + 1, offset });
      }),
    );
  });
});

describe('applyFixes', () => {
  it('applies non-overlapping fixes at once, the same fix once, and leaves the rest', () => {
    const text = 'Zinovyev and Zinovyev met Iagoda.';
    const fix = (start: number, end: number, t: string): { fix: { range: [number, number]; text: string } } => ({ fix: { range: [start, end], text: t } });
    const fixes = [fix(26, 32, 'Yagoda'), fix(0, 8, 'Zinoviev'), fix(0, 8, 'Zinoviev'), fix(4, 10, 'x'), {}];
    assert.deepEqual(selectFixes(fixes).map((f) => f.range), [[0, 8], [26, 32]]);
    assert.equal(applyFixes(text, fixes), 'Zinoviev and Zinovyev met Yagoda.');
    assert.throws(() => applyFixes('short', [fix(2, 40, 'x')]), (e: unknown) => e instanceof LatinitsaError && e.code === 'ERR_INVALID_INPUT');
    // Insertions at one point: the same one twice with another between is still the same fix
    // (found by the fuzzer: a .docx written with it twice, its text computed with it once).
    assert.deepEqual(selectFixes([fix(6, 6, 'Z'), fix(6, 6, '\n'), fix(6, 6, 'Z')]), [{ range: [6, 6], text: 'Z' }, { range: [6, 6], text: '\n' }]);
  });

  it('changes only the chosen spans (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 3 })), { maxLength: 6 }), (text, raw) => {
        const diagnostics = raw.map(([a, b, t]) => {
          const [s, e] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y) as [number, number];
          return { fix: { range: [s, e] as [number, number], text: t } };
        });
        const chosen = selectFixes(diagnostics);
        // The chosen fixes are final: choosing among them again keeps them all.
        assert.deepEqual(selectFixes(chosen.map((f) => ({ fix: f }))), chosen);
        let expected = '';
        let at = 0;
        for (const f of chosen) {
          assert.ok(f.range[0] >= at, 'chosen fixes do not overlap');
          expected += text.slice(at, f.range[0]) + f.text;
          at = f.range[1];
        }
        assert.equal(applyFixes(text, diagnostics), expected + text.slice(at));
      }),
    );
  });
});

describe('reports', () => {
  const all = corpus();

  it('every producer uses the shape: rule ids of the table, source, a place inside its text', () => {
    assert.ok(all.length >= 30);
    const producers = new Set(all.map((d) => d.ruleId.split('/')[0]));
    assert.deepEqual([...producers].sort(), ['bib', 'check', 'cite']);
    for (const d of all) {
      assert.ok(ruleInfo(d.ruleId) !== undefined, `${d.ruleId} is not in src/diagnostics/rules.json`);
      assert.equal(d.source, 'latinitsa');
      assert.ok(d.place !== undefined && d.place.start.offset <= d.place.end.offset, JSON.stringify(d));
      assert.match(d.ruleId, /^[a-z]+\/[a-z]+(?:-[a-z]+)*$/);
    }
  });

  it('every rule of the table is described in docs/diagnostics.md', () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '..', 'docs', 'diagnostics.md'), 'utf8');
    for (const rule of listRules()) assert.ok(doc.includes(`\`${rule.id}\``), rule.id);
  });

  it('sarif: the log of every producer validates against the SARIF 2.1.0 schema', () => {
    const log = sarifLog(all, { version: '0.1.0' });
    assertSarif(log);
    const results = log.runs[0]!.results;
    assert.equal(results.length, all.length);
    // Rule indices point at the rule; places and fixes are carried over.
    const rules = log.runs[0]!.tool.driver.rules;
    for (const r of results) assert.equal(rules[r.ruleIndex]!.id, r.ruleId);
    const fixed = results.find((r) => r.fixes !== undefined)!;
    assert.ok(fixed.locations?.[0]?.physicalLocation.region?.['startLine'] !== undefined);
    // A diagnostic without a file or place, and one of a rule the table does not know, still validate.
    assertSarif(sarifLog([{ ruleId: 'marc/broken-link', source: 'latinitsa', severity: 'info', reason: 'x', data: { record: 12 } }]));
    assertSarif(sarifLog([]));
  });

  it('text: one line per finding, file:line:column: severity: reason [rule]; github: escaped workflow commands', () => {
    const d: Diagnostic = { ruleId: 'cite/plural', source: 'latinitsa', severity: 'info', reason: '50% of\nthis', file: 'a, b:c.md', place: lineIndex('ab\ncd').placeOf(3, 5) };
    assert.equal(formatDiagnostics([d]), 'a, b:c.md:2:1: info: 50% of this [cite/plural]\n');
    assert.equal(formatDiagnostics([d], { format: 'github' }), '::notice file=a%2C b%3Ac.md,line=2,col=1,endLine=2,endColumn=3,title=cite/plural::50%25 of%0Athis\n');
    assert.deepEqual(JSON.parse(formatDiagnostics([d], { format: 'json' })), [d]);
    assert.throws(() => formatDiagnostics([d], { format: 'xml' as 'json' }), /unknown report format/);
  });
});

describe('one reporter for every command', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'latinitsa-report-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));
  copyFileSync(path.join(fixturesDir, 'manuscripts', 'book.md'), path.join(tmp, 'book.md'));
  copyFileSync(path.join(fixturesDir, 'citations', 'text', 'notes.txt'), path.join(tmp, 'notes.txt'));
  copyFileSync(path.join(fixturesDir, 'bib', 'russian.bib'), path.join(tmp, 'in.bib'));

  it('check --json and cite --json print the same shape', async () => {
    const check = JSON.parse((await runCli(['check', '--json', '--scheme', 'modified-loc', 'book.md'], { cwd: tmp })).stdout) as Diagnostic[];
    const cite = JSON.parse((await runCli(['cite', '--json', 'notes.txt'], { cwd: tmp })).stdout) as Diagnostic[];
    const required = ['file', 'place', 'reason', 'ruleId', 'severity', 'source'];
    for (const d of [...check, ...cite]) {
      for (const key of required) assert.ok(key in d, `${key} in ${JSON.stringify(d)}`);
      for (const key of Object.keys(d)) assert.ok(['ruleId', 'source', 'severity', 'reason', 'file', 'place', 'actual', 'expected', 'fix', 'confidence', 'note', 'url', 'data'].includes(key), key);
    }
    assert.ok(check.length > 0 && cite.length > 0);
  });

  it('--format sarif of check, cite and bib validates against the SARIF 2.1.0 schema', async () => {
    const check = await runCli(['check', '--format', 'sarif', '--scheme', 'modified-loc', 'book.md'], { cwd: tmp });
    assert.equal(check.code, 1);
    const log = JSON.parse(check.stdout) as ReturnType<typeof sarifLog>;
    assertSarif(log);
    // book.md's notes are in ALA-LC, which the checker finds (docs/check.md): 23 findings, as with
    // its own settings (notesScheme ala-lc-simplified); 30 when the notes are kept with the text.
    assert.ok(log.runs[0]!.results.length >= 20);
    assert.equal(log.runs[0]!.results[0]!.locations?.[0]?.physicalLocation.artifactLocation.uri, 'book.md');
    const cite = await runCli(['cite', '--format', 'sarif', 'notes.txt'], { cwd: tmp });
    assertSarif(JSON.parse(cite.stdout));
    const bib = await runCli(['bib', '--format', 'sarif', 'in.bib'], { cwd: tmp });
    assertSarif(JSON.parse(bib.stderr));
    // A clean run is a valid log with no results.
    const clean = await runCli(['check', '--format', 'sarif'], { cwd: tmp, stdin: 'Nothing Russian here.' });
    assert.equal(clean.code, 0);
    assert.deepEqual((JSON.parse(clean.stdout) as ReturnType<typeof sarifLog>).runs[0]!.results, []);
  });

  // Thirty-third session's audit: a .docx's places are paragraph and column in the text read out
  // of it, so SARIF's offsets and fixes pointed into the zip (a tool applying them corrupts it).
  it('a .docx is reported by paragraph: SARIF with no region and no fix, GitHub with no line', async () => {
    const { docx, paragraph } = await import('./support/docx.ts');
    writeFileSync(path.join(tmp, 'x.docx'), docx({ body: paragraph('A first paragraph.') + paragraph('Zinoviev met Zinoviev and Zinovyev and Zinoviev. Zinoviev again.') }));
    const text = await runCli(['check', 'x.docx'], { cwd: tmp });
    assert.match(text.stdout, /^x\.docx:2:27: error: .*Zinovyev/m);
    const sarif = JSON.parse((await runCli(['check', '--format', 'sarif', 'x.docx'], { cwd: tmp })).stdout) as ReturnType<typeof sarifLog>;
    assertSarif(sarif);
    const [result] = sarif.runs[0]!.results;
    assert.deepEqual(result!.locations, [{ physicalLocation: { artifactLocation: { uri: 'x.docx' } } }]);
    assert.equal(result!.fixes, undefined);
    assert.match(result!.message.text, /Zinovyev.* \(paragraph 2, column 27\)$/);
    const github = await runCli(['check', '--format', 'github', 'x.docx'], { cwd: tmp });
    assert.match(github.stdout, /^::error file=x\.docx,title=check\/inconsistent-romanization::.*\(paragraph 2, column 27\)\n$/);
    // Its JSON keeps the place and the fix, in the text read out (as the library returns them).
    const [d] = JSON.parse((await runCli(['check', '--json', 'x.docx'], { cwd: tmp })).stdout) as Diagnostic[];
    assert.deepEqual([d!.place?.start.line, d!.fix?.text], [2, 'Zinoviev']);
    // A text file beside it keeps its regions and fixes.
    writeFileSync(path.join(tmp, 'y.txt'), 'Zinoviev met Zinoviev and Zinovyev and Zinoviev. Zinoviev again.\n');
    const both = JSON.parse((await runCli(['check', '--format', 'sarif', 'x.docx', 'y.txt'], { cwd: tmp })).stdout) as ReturnType<typeof sarifLog>;
    const txt = both.runs[0]!.results.find((r) => r.locations?.[0]?.physicalLocation.artifactLocation.uri === 'y.txt')!;
    assert.equal(txt.locations![0]!.physicalLocation.region?.['charOffset'], 26);
    assert.equal(txt.fixes?.length, 1);
  });

  // A finding in a footnote was placed by a paragraph counted after the body's ("paragraph 5"),
  // which a reader of the manuscript cannot find in Word: it names the note as Word numbers it.
  it('a finding in a .docx\'s footnote or endnote is placed by the note and its paragraph, in every report', async () => {
    const { docx, note, paragraph } = await import('./support/docx.ts');
    const call = (kind: 'footnote' | 'endnote', id: number): string => `<w:r><w:${kind}Reference w:id="${id}"/></w:r>`;
    writeFileSync(
      path.join(tmp, 'n.docx'),
      docx({
        body: paragraph('Zinoviev met Zinoviev and Kamenev.').replace('</w:p>', `${call('footnote', 5)}${call('footnote', 2)}</w:p>`) + paragraph('Later Zinoviev and Zinoviev again.').replace('</w:p>', `${call('endnote', 3)}</w:p>`),
        footnotes: note('footnote', 2, paragraph('RGASPI, f. 17, op. 3, d. 703, ll. 5.')) + note('footnote', 5, paragraph('A remark.') + paragraph('Zinoviev met Zinoviev and Zinovyev and Zinoviev.')),
        endnotes: note('endnote', 3, paragraph('Zinovyev wrote so.')),
      }),
    );
    const text = await runCli(['check', 'n.docx'], { cwd: tmp });
    assert.deepEqual(
      text.stdout.split('\n').filter((l) => l !== '').map((l) => l.replace(/: error: .*/u, '')),
      ['n.docx:footnote 1, paragraph 2, column 27', 'n.docx:endnote 1, paragraph 1, column 1'],
    );
    const sarif = JSON.parse((await runCli(['check', '--format', 'sarif', 'n.docx'], { cwd: tmp })).stdout) as ReturnType<typeof sarifLog>;
    assertSarif(sarif);
    assert.deepEqual(
      sarif.runs[0]!.results.map((r) => /\(([^)]*)\)$/u.exec(r.message.text)?.[1]),
      ['footnote 1, paragraph 2, column 27', 'endnote 1, paragraph 1, column 1'],
    );
    const github = await runCli(['check', '--format', 'github', 'n.docx'], { cwd: tmp });
    assert.match(github.stdout, /^::error file=n\.docx,title=check\/inconsistent-romanization::.*\(footnote 1, paragraph 2, column 27\)$/mu);
    // JSON keeps its place as before (line 5: after the body's two paragraphs and footnote 2) and adds inNote.
    const json = JSON.parse((await runCli(['check', '--json', 'n.docx'], { cwd: tmp })).stdout) as Diagnostic[];
    assert.deepEqual(
      json.map((d) => [d.place?.start.line, d.place?.start.column, d.inNote]),
      [
        [5, 27, { kind: 'footnote', number: 1, paragraph: 2 }],
        [6, 1, { kind: 'endnote', number: 1, paragraph: 1 }],
      ],
    );
    // cite reports through the same reporter.
    const cite = await runCli(['cite', 'n.docx'], { cwd: tmp });
    assert.match(cite.stdout, /^n\.docx:footnote 2, paragraph 1, column 31: warning: plural "ll\." used for a single leaf \[cite\/plural\]$/mu);
    // The body's findings keep their line and column.
    writeFileSync(path.join(tmp, 'b.docx'), docx({ body: paragraph('Later Zinovyev.'), footnotes: note('footnote', 1, paragraph('Zinoviev and Zinoviev, Zinoviev, Zinoviev and Zinoviev.')) }));
    const body = await runCli(['check', 'b.docx'], { cwd: tmp });
    assert.match(body.stdout, /^b\.docx:1:7: error: .*\[check\/inconsistent-romanization, certain\]$/mu);
    // The evidence names a first place in a note the same way.
    const [evidence] = JSON.parse((await runCli(['check', '--json', 'b.docx'], { cwd: tmp })).stdout) as Diagnostic[];
    assert.match(evidence!.note ?? '', /Zinoviev first at b\.docx:footnote 1, paragraph 1, column 1$/u);
  });

  // A note called with the author's own mark (an asterisk) was placed as "footnote 2", a number
  // Word shows nowhere: it is named by its mark (docs/diagnostics.md), and takes no number.
  it('a finding in a note called with the author\'s own mark is placed by the mark', async () => {
    const { docx, note, paragraph, paragraphOf, run } = await import('./support/docx.ts');
    const starred = `<w:r><w:footnoteReference w:customMarkFollows="1" w:id="4"/><w:t>*</w:t></w:r>`;
    writeFileSync(
      path.join(tmp, 'm.docx'),
      docx({
        body: paragraphOf(run('Zinoviev met Zinoviev and Zinoviev.'), starred, run(' Then Zinoviev.'), `<w:r><w:footnoteReference w:id="7"/></w:r>`),
        footnotes: note('footnote', 4, paragraph('Zinoviev and Zinovyev.')) + note('footnote', 7, paragraph('Zinoviev again.')),
      }),
    );
    const text = await runCli(['check', 'm.docx'], { cwd: tmp });
    assert.match(text.stdout, /^m\.docx:footnote \*, paragraph 1, column 14: error: /mu);
    const json = JSON.parse((await runCli(['check', '--json', 'm.docx'], { cwd: tmp })).stdout) as Diagnostic[];
    assert.deepEqual(json.map((d) => d.inNote), [{ kind: 'footnote', mark: '*', paragraph: 1 }]);
    // The note called with a number after it is footnote 1, as Word numbers it.
    const doc = await (await import('../src/io/documents.ts')).bytesToDocument(readFileSync(path.join(tmp, 'm.docx')), { format: 'docx' });
    assert.deepEqual(doc.notes?.map((n) => n.number ?? n.mark), ['*', 1]);
  });

  it('--format github annotates; an unknown format is a usage error', async () => {
    const r = await runCli(['cite', '--format', 'github', 'notes.txt'], { cwd: tmp });
    assert.match(r.stdout, /^::warning file=notes\.txt,line=5,col=4,endLine=5,endColumn=\d+,title=cite\/mixed-style::English-style reference/m);
    const bad = await runCli(['check', '--format', 'xml', 'book.md'], { cwd: tmp });
    assert.deepEqual([bad.code, bad.stderr], [2, 'latinitsa: check: --format must be one of text, json, sarif, github, not "xml" (see latinitsa check --help)\n']);
  });
});
