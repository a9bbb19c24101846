// Archival references in running text and Markdown: findings (line:column rule) and --fix output
// against hand-checked fixtures, and the `latinitsa cite` command.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { checkCitations, findArchivalReferences, parseArchivalReference } from '../src/cite/index.ts';
import { applyFixes, type Diagnostic } from '../src/diagnostics/index.ts';
import { fixturesDir, listFiles, readTsv } from './support/fixtures.ts';
import { runCli } from './support/cli.ts';

const dir = path.join(fixturesDir, 'citations', 'text');
const docs = [...listFiles(dir, '.md'), ...listFiles(dir, '.txt')].filter((f) => !/\.fixed\./.test(f));


describe('cite: documents', () => {
  for (const file of docs) {
    const text = readFileSync(file, 'utf8');
    const base = file.replace(/\.(md|txt)$/, '');
    const format = file.endsWith('.md') ? 'markdown' : 'text';
    it(`${path.basename(file)}: findings`, () => {
      const check = checkCitations(text, { format });
      const got = check.diagnostics.map((d) => [String(d.place!.start.line), String(d.place!.start.column), d.ruleId]);
      assert.deepEqual(got, readTsv(`${base}.expected.tsv`));
      // Each warning carries a fix, or says why it has none (docs/citations.md).
      for (const d of check.diagnostics) assert.ok(d.severity === 'error' || (d.fix !== undefined) !== d.reason.includes('; no fix: '), JSON.stringify(d));
    });
    it(`${path.basename(file)}: --fix output`, () => {
      const check = checkCitations(text, { format });
      assert.equal(check.fixed, readFileSync(`${base}.fixed${path.extname(file)}`, 'utf8'));
      // Fixing again changes nothing; what remains are the malformed references and the warnings
      // that say they have no fix.
      const again = checkCitations(check.fixed, { format });
      assert.deepEqual(again.references.filter((r) => r.replacement !== undefined), []);
      assert.ok(again.diagnostics.every((d) => d.severity === 'error' || (d.fix === undefined && d.reason.includes('; no fix: '))), JSON.stringify(again.diagnostics));
    });
  }
  describe('a year after the leaves or the files ends the list (years.tsv; l. 5 and 1937 read 1937 as a leaf)', () => {
    for (const [text, found, fixed, why] of readTsv(path.join(fixturesDir, 'citations', 'years.tsv'))) {
      it(`${text} (${why})`, () => {
        assert.deepEqual(findArchivalReferences(text!).map((r) => r.text), found!.split(' | '));
        assert.equal(checkCitations(text!).fixed, fixed);
      });
    }
  });
  it('running text that is not a reference is not read as one', () => {
    const lines = readFileSync(path.join(fixturesDir, 'citations', 'not-references.txt'), 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    assert.ok(lines.length >= 10);
    for (const line of lines) assert.deepEqual(findArchivalReferences(line).map((r) => r.text), [], line);
  });
  it('reads footnotes but not code in Markdown', () => {
    const md = 'Text.[^1]\n\n`RGASPI, f. 1, op. 2, d. 3`\n\n[^1]: RGASPI, f. 17, op. 3, d. 5.\n';
    assert.deepEqual(findArchivalReferences(md, { format: 'markdown' }).map((r) => r.text), ['RGASPI, f. 17, op. 3, d. 5']);
    assert.equal(findArchivalReferences(md).length, 2);
  });
  it('a chosen style flags every reference written otherwise', () => {
    const text = 'RGASPI, f. 17, op. 3, d. 5. РГАСПИ. Ф. 17. Оп. 3. Д. 6.';
    const check = checkCitations(text, { style: 'russian' });
    assert.deepEqual(check.diagnostics.map((d) => d.ruleId), ['cite/mixed-style']);
    assert.equal(check.fixed, 'РГАСПИ. Ф. 17. Оп. 3. Д. 5. РГАСПИ. Ф. 17. Оп. 3. Д. 6.');
  });
  it('a tie between styles reports every reference alike, and rewrites none into the other style', () => {
    const text = 'RGASPI, f. 1, op. 1, d. 1. RGASPI, f. 1, op. 1, d. 2. RGASPI, f. 1, op. 1, d. 3. РГАСПИ. Ф. 1. Оп. 1. Д. 4. РГАСПИ. Ф. 1. Оп. 1. Д. 5. РГАСПИ. Ф. 1. Оп. 1. Д. 6.';
    const check = checkCitations(text);
    assert.equal(check.diagnostics.length, 6);
    const said = '; no style is the most used in this document (English-style and Russian-style: 3 each of 6 references); no fix: choose the style to rewrite them in (the `style` option, `--style`)';
    assert.deepEqual(check.diagnostics.map((d) => [d.ruleId, d.reason, d.fix]), [
      ...Array.from({ length: 3 }, () => ['cite/mixed-style', `English-style reference${said}`, undefined]),
      ...Array.from({ length: 3 }, () => ['cite/mixed-style', `Russian-style reference${said}`, undefined]),
    ]);
    assert.equal(check.fixed, text);
    // A chosen style settles it.
    assert.equal(checkCitations(text, { style: 'russian' }).diagnostics.length, 3);
  });
  it('a reference the numbers-only style cannot write is reported with the reason it has no fix', () => {
    const text = 'A: RGASPI, f. 558, op. 11, d. 727, ll. 38–57. B: GARF, f. R-5446, op. 1, dd. 13, 16. C: RGAE, f. 7486, op. 1, ed. khr. 5, l. 10.';
    const check = checkCitations(text, { style: 'numbers' });
    assert.deepEqual(check.diagnostics.map((d) => [d.reason, d.fix?.text]), [
      ['English-style reference; the chosen style is numbers-only', 'RGASPI 558, 11, 727, 38–57'],
      ['English-style reference; the chosen style is numbers-only; no fix: the numbers-only style cannot write "dd. 13, 16"', undefined],
      ['English-style reference; the chosen style is numbers-only; no fix: the numbers-only style cannot write "ed. khr. 5"', undefined],
    ]);
    assert.equal(check.fixed, 'A: RGASPI 558, 11, 727, 38–57. B: GARF, f. R-5446, op. 1, dd. 13, 16. C: RGAE, f. 7486, op. 1, ed. khr. 5, l. 10.');
  });
  it('a Latin archive name not in the table, in a Russian-style document, is reported with the reason it has no fix', () => {
    const check = checkCitations('XYZA. Ф. 17. Оп. 3. Д. 5. Лл. 4. РГАСПИ. Ф. 1. Оп. 2. Д. 3.');
    assert.deepEqual(check.diagnostics.map((d) => [d.ruleId, d.reason, d.fix?.text]), [
      ['cite/mixed-style', 'Latin archive name "XYZA" in a reference written in Russian; no fix: "XYZA" is not in the table of archives, so its Cyrillic name is not known', undefined],
      ['cite/plural', 'plural "Лл." used for a single leaf', 'XYZA. Ф. 17. Оп. 3. Д. 5. Л. 4'],
    ]);
  });
  it('verso styles mixed in a document are reported against the most used one', () => {
    const text = 'RGASPI, f. 1, op. 1, d. 1, l. 2ob.; RGASPI, f. 1, op. 1, d. 2, l. 3ob.; RGASPI, f. 1, op. 1, d. 3, l. 4v.';
    const check = checkCitations(text);
    assert.deepEqual(check.diagnostics.map((d) => d.ruleId), ['cite/verso-style']);
    assert.ok(check.fixed.endsWith('d. 3, l. 4ob.'), check.fixed);
  });
  it('a tie between verso styles reports every reference with a verso alike, names the option, and picks no side', () => {
    const text = 'RGASPI, f. 1, op. 1, d. 1, l. 2ob.; RGASPI, f. 1, op. 1, d. 2, l. 3ob.; RGASPI, f. 1, op. 1, d. 3, l. 4 ob.; RGASPI, f. 1, op. 1, d. 4, l. 5v; RGASPI, f. 1, op. 1, d. 5, l. 6v; RGASPI, f. 1, op. 1, d. 6, l. 7.';
    const check = checkCitations(text);
    const said = 'no verso style is the most used in this document ("ob-attached" and "v": 2 each of 5 references with a verso); no fix: choose the verso style to rewrite them in (the `versoStyle` option, `--verso-style`)';
    // `5 ob.`, used once, is reported too: there is no style to rewrite it in.
    assert.deepEqual(check.diagnostics.map((d) => [d.ruleId, d.reason, d.fix]), [
      ['cite/verso-style', `verso written as "ob-attached"; ${said}`, undefined],
      ['cite/verso-style', `verso written as "ob-attached"; ${said}`, undefined],
      ['cite/verso-style', `verso written as "ob-spaced"; ${said}`, undefined],
      ['cite/verso-style', `verso written as "v"; ${said}`, undefined],
      ['cite/verso-style', `verso written as "v"; ${said}`, undefined],
    ]);
    assert.equal(check.fixed, text);
    // A chosen verso style settles it.
    assert.deepEqual(checkCitations(text, { versoStyle: 'v' }).diagnostics.map((d) => d.reason), ['verso written as "ob-attached"; this document writes "v"', 'verso written as "ob-attached"; this document writes "v"', 'verso written as "ob-spaced"; this document writes "v"']);
  });
});

describe('latinitsa cite', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'latinitsa-cite-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));
  const cli = async (args: string[]): Promise<{ code: number; out: string; err: string }> => {
    const r = await runCli(['cite', ...args], { cwd: tmp });
    return { code: r.code, out: r.stdout, err: r.stderr };
  };
  it('reports file:line:column: severity: message [rule-id] and exits 1 on findings', async () => {
    copyFileSync(path.join(dir, 'notes.txt'), path.join(tmp, 'notes.txt'));
    const r = await cli(['notes.txt']);
    assert.equal(r.code, 1);
    assert.deepEqual(r.out.trim().split('\n'), [
      'notes.txt:5:4: warning: English-style reference; 4 of 5 references in this document are Russian-style [cite/mixed-style]',
      'notes.txt:6:40: warning: plural "Лл." used for a single leaf [cite/plural]',
      'notes.txt:8:27: warning: no space inside "Ед.хр." [cite/spacing]',
    ]);
  });
  it('--json gives the findings as data, in the shape of check --json', async () => {
    const r = await cli(['--json', 'notes.txt']);
    const data = JSON.parse(r.out) as Diagnostic[];
    assert.deepEqual(data.map((d) => [d.file, d.place?.start.line, d.place?.start.column, d.ruleId, d.severity, d.source]), [
      ['notes.txt', 5, 4, 'cite/mixed-style', 'warning', 'latinitsa'],
      ['notes.txt', 6, 40, 'cite/plural', 'warning', 'latinitsa'],
      ['notes.txt', 8, 27, 'cite/spacing', 'warning', 'latinitsa'],
    ]);
    // The fix of each finding rewrites its whole reference.
    const text = readFileSync(path.join(tmp, 'notes.txt'), 'utf8');
    for (const d of data) assert.ok(d.fix !== undefined && d.fix.range[0] <= d.place!.start.offset && d.place!.end.offset <= d.fix.range[1], JSON.stringify(d));
    assert.equal(applyFixes(text, data), readFileSync(path.join(dir, 'notes.fixed.txt'), 'utf8'));
  });
  it('--fix rewrites the references in place and keeps the file mode; then there is nothing to report', async () => {
    const file = path.join(tmp, 'notes.txt');
    const { chmodSync } = await import('node:fs');
    chmodSync(file, 0o640);
    const r = await cli(['--fix', 'notes.txt']);
    assert.equal(r.code, 0);
    assert.equal(readFileSync(file, 'utf8'), readFileSync(path.join(dir, 'notes.fixed.txt'), 'utf8'));
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(await cli(['notes.txt']), { code: 0, out: '', err: '' });
  });
  it('--fix leaves malformed references and exits 1 for them', async () => {
    copyFileSync(path.join(dir, 'chapter.md'), path.join(tmp, 'chapter.md'));
    const r = await cli(['--fix', 'chapter.md']);
    assert.equal(r.code, 1);
    // Reported where it stands in the rewritten file (the references before it on its line grew).
    assert.equal(r.out, 'chapter.md:16:93: error: leaf range ends at 38, not after its start 57 [cite/range-order]\n');
    assert.equal(readFileSync(path.join(tmp, 'chapter.md'), 'utf8'), readFileSync(path.join(dir, 'chapter.fixed.md'), 'utf8'));
  });
  it('a Latin P in the fond of a Russian reference is reported and fixed as the Cyrillic Р it looks like', async () => {
    writeFileSync(path.join(tmp, 'p.txt'), 'ГАРФ. Ф. P-5446. Оп. 1. Д. 70. Л. 3.\n');
    const r = await cli(['p.txt']);
    assert.equal(r.code, 1);
    assert.equal(r.out, 'p.txt:1:10: warning: Latin letter "P" in "P-5446" of a reference written in Russian; read as the Cyrillic look-alike, "Р-5446" [cite/mixed-style]\n');
    assert.equal((await cli(['--style', 'english', '--fix', 'p.txt'])).code, 0);
    assert.equal(readFileSync(path.join(tmp, 'p.txt'), 'utf8'), 'GARF, f. R-5446, op. 1, d. 70, l. 3.\n');
  });
  // One case a line (test/fixtures/citations/cli-fix.tsv): what is reported, and the file after --fix.
  for (const [line, style, fixed, code, rules] of readTsv(path.join(fixturesDir, 'citations', 'cli-fix.tsv'))) {
    it(`--style ${style} --fix: ${line}`, async () => {
      const file = path.join(tmp, 'one.txt');
      writeFileSync(file, `${line}\n`);
      // The style, and any other options after it (`english --archive-names current`).
      const styleArgs = style === '-' ? [] : ['--style', ...style!.split(' ')];
      const report = await cli([...styleArgs, '--json', 'one.txt']);
      assert.deepEqual((JSON.parse(report.out) as Diagnostic[]).map((d) => d.ruleId).join(','), rules);
      const r = await cli([...styleArgs, '--fix', 'one.txt']);
      assert.equal(r.code, Number(code), r.out + r.err);
      assert.equal(readFileSync(file, 'utf8'), `${fixed}\n`);
    });
  }
  it('--style numbers --fix leaves what that style cannot write, saying why', async () => {
    writeFileSync(path.join(tmp, 'n.txt'), 'B: GARF, f. R-5446, op. 1, dd. 13, 16.\nC: RGAE, f. 7486, op. 1, ed. khr. 5, l. 10.\n');
    const r = await cli(['--style', 'numbers', '--fix', 'n.txt']);
    assert.equal(r.code, 1);
    assert.deepEqual(r.out.trim().split('\n'), [
      'n.txt:1:4: warning: English-style reference; the chosen style is numbers-only; no fix: the numbers-only style cannot write "dd. 13, 16" [cite/mixed-style]',
      'n.txt:2:4: warning: English-style reference; the chosen style is numbers-only; no fix: the numbers-only style cannot write "ed. khr. 5" [cite/mixed-style]',
    ]);
    assert.equal(readFileSync(path.join(tmp, 'n.txt'), 'utf8'), 'B: GARF, f. R-5446, op. 1, dd. 13, 16.\nC: RGAE, f. 7486, op. 1, ed. khr. 5, l. 10.\n');
  });
  it('--help says what the default verso style is, and what a tie does (docs/citations.md)', async () => {
    assert.match((await cli(['--help'])).out, /--verso-style STYLE .*\(default: the most used;\n +a tie is reported without a fix\)/u);
  });
  it('input errors exit 2 with one line: missing file, invalid UTF-8, bad option', async () => {
    assert.equal((await cli(['no-such.txt'])).code, 2);
    writeFileSync(path.join(tmp, 'bad.txt'), Buffer.from([0x52, 0x47, 0xff, 0x0a]));
    const bad = await cli(['bad.txt']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /byte|offset/i);
    assert.equal((await cli(['--style', 'latin', 'notes.txt'])).code, 2);
    assert.equal((await cli([])).code, 2);
  });
});

// Inputs the fuzz sweep found slow or crashing. The bound is generous (a slow machine passes):
// before the fixes the first took 36 s at 20,000 characters and the second threw RangeError.
describe('cite: long inputs', () => {
  it('a long run of leaf markers without a file-level unit is read in linear time, and is no reference', () => {
    const text = 'Л. 1, '.repeat(30_000);
    const t0 = performance.now();
    assert.deepEqual(checkCitations(text).references, []);
    assert.ok(performance.now() - t0 < 5000, `${(performance.now() - t0).toFixed(0)} ms`);
  });
  it('a reference with 150,000 leaves, each a verso, is read without overflowing the stack', () => {
    const r = parseArchivalReference(`Ф. 1. Оп. 1. Д. 1. Л. ${'1 об., '.repeat(150_000)}`);
    assert.equal(r.reference?.leaves?.length, 150_000);
  });
});
