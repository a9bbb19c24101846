// Bibliographies: a .bib with Russian entries romanizes with only the intended fields changed (diff
// against the input and against a hand-romanized expected file), CSL-JSON in Zotero's export shape
// round-trips, and `latinitsa bib` writes atomically.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { romanizeBibtex, romanizeCsl } from '../src/cite/index.ts';
import { romanize } from '../src/engine/romanize.ts';
import { LatinitsaError } from '../src/errors.ts';
import { fixturesDir, readTsv } from './support/fixtures.ts';
import { runCli } from './support/cli.ts';

const dir = path.join(fixturesDir, 'bib');
const read = (name: string): string => readFileSync(path.join(dir, name), 'utf8');

/** Lines of `a` and `b` that differ, as [line number, a, b] (the files have the same line count). */
function changedLines(a: string, b: string): Array<[number, string, string]> {
  const la = a.split('\n');
  const lb = b.split('\n');
  assert.equal(la.length, lb.length);
  return la.flatMap((l, i) => (l === lb[i] ? [] : [[i + 1, l, lb[i]!] as [number, string, string]]));
}

describe('BibTeX', () => {
  const input = read('russian.bib');
  const result = romanizeBibtex(input);
  describe('LaTeX key arguments, math and verbatim stay as written (test/fixtures/bib/latex-keys.tsv)', () => {
    for (const [raw, expected] of readTsv(path.join(dir, 'latex-keys.tsv'))) {
      it(raw!, () => {
        const bib = `@article{k,\n  title = ${raw},\n  year = 1990\n}\n`;
        assert.equal(romanizeBibtex(bib).output, `@article{k,\n  title = ${expected},\n  year = 1990\n}\n`);
      });
    }
  });
  describe('braces inside a word are no word boundary (test/fixtures/bib/in-word-braces.tsv)', () => {
    for (const [scheme, raw, expected] of readTsv(path.join(dir, 'in-word-braces.tsv'))) {
      it(`${scheme}: ${raw!}`, () => {
        const bib = `@article{k,\n  title = ${raw},\n  year = 1990\n}\n`;
        assert.equal(romanizeBibtex(bib, { scheme: scheme! }).output, `@article{k,\n  title = ${expected},\n  year = 1990\n}\n`);
      });
    }
  });
  it('matches the hand-romanized expected file', () => assert.equal(result.output, read('russian.expected.bib')));
  it('a field joining a Cyrillic @string macro with strings (#) is left whole as written and reported', () => {
    // [input, the field left as written, or '' when the field is romanized and nothing is reported]
    const cases: Array<[string, string]> = [
      ['@string{pub = "Наука"}\n@book{a, publisher = pub # " и " # "Прогресс"}\n', 'pub # " и " # "Прогресс"'],
      ['@string{pub = "Наука"}\n@book{a, publisher = "Москва: " # pub}\n', '"Москва: " # pub'],
      ['@string{city = "Москва"}\n@string{full = city # ": Nauka"}\n@book{a, address = full}\n', 'full'],
      ['@string{PUB = {Наука}}\n@book{a, publisher = {Изд. } # pub}\n', '{Изд. } # pub'],
      ['@string{pub = "Nauka"}\n@book{a, publisher = pub # " и " # "Прогресс"}\n', ''],
      ['@string{pub = "Наука"}\n@book{a, title = "pub" # " и мир"}\n', ''],
    ];
    for (const [input, kept] of cases) {
      const { output, diagnostics } = romanizeBibtex(input);
      if (kept === '') {
        assert.deepEqual(diagnostics, [], input);
        assert.doesNotMatch(output.slice(output.lastIndexOf('@book')), /\p{Script=Cyrillic}/u, input);
        continue;
      }
      assert.equal(output, input);
      assert.deepEqual(diagnostics.map((d) => d.ruleId), ['bib/cyrillic-macro'], input);
      const [d] = diagnostics;
      assert.equal(input.slice(d!.place!.start.offset, d!.place!.end.offset), kept);
    }
  });
  it('changes only the intended fields (a diff test)', () => {
    const diff = changedLines(input, result.output);
    const fieldOf = (line: string): string => /^\s*(\w+)\s*=/.exec(line)?.[1]?.toLowerCase() ?? '?';
    assert.deepEqual(diff.map(([, a]) => fieldOf(a)), ['author', 'title', 'location', 'publisher', 'author', 'title', 'journaltitle', 'editor', 'booktitle', 'address', 'author', 'title', 'series', 'address', 'title']);
    // Within a changed line only the value changes: the text up to the value stays as written.
    for (const [, a, b] of diff) assert.equal(b.slice(0, b.indexOf('=') + 1), a.slice(0, a.indexOf('=') + 1));
    // Untouched: comments, @string macros (even a Cyrillic one), @preamble, keywords, note, langid, howpublished.
    for (const kept of ['% Encoding: UTF-8. Do not sort.', '@string{nauka = "Наука"}', '@string{ mgu  = {Издательство Московского университета} }', '"\\newcommand{\\noopsort}[1]{}"', 'keywords = {Политбюро, СССР}', 'Note = {Цитируется по второму изданию}', 'langid    = {russian},', 'howpublished = {Архив},', 'publisher = nauka,']) {
      assert.ok(result.output.includes(kept), kept);
    }
    assert.deepEqual(result.diagnostics.map((d) => [d.ruleId, d.data?.['key'], d.data?.['field']]), [
      ['bib/cyrillic-macro', 'getty1999', 'publisher'],
      ['bib/cyrillic-macro', 'Etkind2001', 'Publisher'],
    ]);
    // Placed on the field's value in the input.
    const [d] = result.diagnostics;
    assert.equal(input.slice(d!.place!.start.offset, d!.place!.end.offset), 'nauka');
    assert.equal(result.changes.length, 15);
  });
  it('is idempotent and leaves a file without Cyrillic byte-identical', () => {
    assert.equal(romanizeBibtex(result.output).output, result.output);
    assert.deepEqual(romanizeBibtex(result.output).changes, []);
    const latin = '@article{a,\n  title={New {P}erspectives},\n author = "Fitzpatrick, Sheila" # { and others}}\n% end';
    assert.equal(romanizeBibtex(latin).output, latin);
  });
  it('a scheme per field group: Yu. for names in modified-loc, titles in ala-lc (tie pairs capitalised as a unit, A4)', () => {
    const bib = '@book{x,\n  author = {Лотман, Ю. М.},\n  title = {Юность},\n  publisher = {Юрайт}\n}\n';
    const out = romanizeBibtex(bib, { schemes: { names: 'modified-loc', titles: 'ala-lc' } }).output;
    assert.equal(out, '@book{x,\n  author = {Lotman, Yu. M.},\n  title = {I͡Unostʹ},\n  publisher = {Iurait}\n}\n');
  });
  it('keepOriginal adds orig<field> after the field, indented like it, and respects an existing one', () => {
    const bib = '@book{lotman1992,\n\tauthor = {Лотман, Ю. М.},\n\ttitle = {Культура и взрыв},\n\tyear = 1992}\n@misc{m, title = {Архив}, origtitle = {x}}\n';
    const r = romanizeBibtex(bib, { keepOriginal: true });
    assert.equal(r.output, '@book{lotman1992,\n\tauthor = {Lotman, Iu. M.},\n\torigauthor = {Лотман, Ю. М.},\n\ttitle = {Kul’tura i vzryv},\n\torigtitle = {Культура и взрыв},\n\tyear = 1992}\n@misc{m, title = {Arkhiv}, origtitle = {x}}\n');
    assert.deepEqual(r.diagnostics.map((d) => [d.ruleId, d.reason, d.place?.start.line, d.place?.start.column]), [['bib/original-exists', 'm: entry already has "origtitle"; the original of title was not copied', 5, 18]]);
  });
  it('keeps CRLF line endings, also in the lines it adds', () => {
    const bib = '@book{k,\r\n  title = {Москва},\r\n  year = 1990\r\n}\r\n';
    assert.equal(romanizeBibtex(bib, { keepOriginal: true }).output, '@book{k,\r\n  title = {Moskva},\r\n  origtitle = {Москва},\r\n  year = 1990\r\n}\r\n');
  });
  it('a value that looks like a field assignment does not confuse the splice', () => {
    const bib = '@book{k, note = {title = {Москва}}, title = {Москва}}';
    assert.equal(romanizeBibtex(bib).output, '@book{k, note = {title = {Москва}}, title = {Moskva}}');
  });
  it('a broken file is an ERR_INVALID_INPUT with line and column, nothing guessed', () => {
    assert.throws(() => romanizeBibtex('@book{k, title = {Москва}\n'), (e) => e instanceof LatinitsaError && e.code === 'ERR_INVALID_INPUT' && /line \d+, column \d+/.test(e.message));
  });
});

describe('CSL-JSON (Zotero export shape)', () => {
  const input = read('zotero.json');
  it('matches the hand-romanized expected file, in the same layout (tabs, key order, final newline)', () => {
    assert.equal(romanizeCsl(input).output, read('zotero.expected.json'));
  });
  it('round-trips: every item, id, type and non-romanized variable is kept; a second pass changes nothing', () => {
    const before = JSON.parse(input) as Array<Record<string, unknown>>;
    const out = romanizeCsl(input, { keepOriginal: true });
    const after = JSON.parse(out.output) as Array<Record<string, unknown>>;
    assert.equal(after.length, before.length);
    const romanized = new Set(['title', 'title-short', 'container-title', 'publisher', 'publisher-place', 'event-place', 'author', 'editor']);
    before.forEach((item, i) => {
      const got = after[i]!;
      for (const [k, v] of Object.entries(item)) if (!romanized.has(k)) assert.deepEqual(got[k], v, `${String(item.id)} ${k}`);
      // Key order: the input's keys in the same order, original-* inserted after their variable.
      assert.deepEqual(Object.keys(got).filter((k) => k in item), Object.keys(item));
      if (!('original-title' in item) && /\p{Script=Cyrillic}/u.test(String(item.title))) assert.equal(got['original-title'], item.title);
      if (/\p{Script=Cyrillic}/u.test(JSON.stringify(item.author))) assert.deepEqual(got['original-author'], item.author);
    });
    assert.equal(after[4]!['original-title'], 'Хлыст');
    // The existing original is reported, placed on its member name in the input.
    assert.ok(out.diagnostics.length > 0);
    for (const d of out.diagnostics) assert.equal(input.slice(d.place!.start.offset, d.place!.end.offset), `"original-${String(d.data?.['field'])}"`, d.reason);
    assert.equal(romanizeCsl(out.output, { keepOriginal: true }).output, out.output);
    const english = JSON.stringify([before[3]], null, '\t') + '\n';
    assert.equal(romanizeCsl(english).output, english);
  });
  it('one item (not an array) and 2-space indentation are kept as given', () => {
    const one = '{\n  "id": "a",\n  "type": "book",\n  "title": "Москва"\n}';
    assert.equal(romanizeCsl(one).output, '{\n  "id": "a",\n  "type": "book",\n  "title": "Moskva"\n}');
  });
  it('CRLF line endings are kept', () => {
    assert.equal(romanizeCsl('[\r\n\t{\r\n\t\t"title": "Москва"\r\n\t}\r\n]\r\n').output, '[\r\n\t{\r\n\t\t"title": "Moskva"\r\n\t}\r\n]\r\n');
  });
  it('a byte-order mark is kept', () => {
    assert.equal(romanizeCsl('\uFEFF[{"id":"a","title":"Москва"}]\n').output, '\uFEFF[{"id":"a","title":"Moskva"}]\n');
  });
  it('changes only the values it romanizes: every other byte is kept (property)', () => {
    // Layouts JSON.stringify would not write: odd spaces, escapes, numbers as written, mixed indentation.
    const layout = fc.record({
      sp: fc.constantFrom('', ' ', '  ', '\t', '\r\n   '),
      other: fc.constantFrom('"\\u041a\\u0438\\u0440\\u043e\\u0432"', '1.50', '1e3', '-0', '"a\\/b"', 'true', 'null', '{"x" : [1 ,2]}'),
      title: fc.constantFrom('Москва', 'Kirov', 'Зиновьев и Каменев'),
    });
    fc.assert(
      fc.property(layout, ({ sp, other, title }) => {
        const input = `[${sp}{${sp}"id"${sp}:${sp}"a"${sp},${sp}"note"${sp}:${sp}${other}${sp},${sp}"title"${sp}:${sp}${JSON.stringify(title)}${sp}}${sp}]${sp}`;
        const { output } = romanizeCsl(input);
        const romanized = JSON.stringify(JSON.parse(output)[0].title);
        assert.equal(output, input.replace(JSON.stringify(title), romanized));
      }),
    );
    // A name's parts change inside the name, nothing around them.
    const names = '[{"id":"a","author":[ {"family":"Лотман" , "given":"Ю. М.", "x":1.0} ] }]';
    assert.equal(romanizeCsl(names).output, '[{"id":"a","author":[ {"family":"Lotman" , "given":"Iu. M.", "x":1.0} ] }]');
    assert.equal(romanizeCsl(names, { keepOriginal: true }).output, '[{"id":"a","author":[ {"family":"Lotman" , "given":"Iu. M.", "x":1.0} ],"original-author":[ {"family":"Лотман" , "given":"Ю. М.", "x":1.0} ] }]');
  });
  it('inside a romanized string, the escapes of what is not romanized are kept as written (\\u00a0, \\/, a surrogate pair)', () => {
    // As Python's json.dump (ensure_ascii) writes CSL-JSON: every non-ASCII character escaped.
    // Only the Cyrillic letters may change; the other characters keep their bytes, escapes included.
    const input = String.raw`[{"id":"a","title":"\u0412\u043e\u0439\u043d\u0430 \"\u0438\" \u00ab\u043c\u0438\u0440\u00bb\u00a0\u2014 a\/b\n\ud83d\ude00 \u0022","author":[{"family":"\u0429\u0435\u0440\u0431\u0430","given":"\u041b.\u00a0\u0412."}]}]`;
    const expected = String.raw`[{"id":"a","title":"Voina \"i\" \u00abmir\u00bb\u00a0\u2014 a\/b\n\ud83d\ude00 \u0022","author":[{"family":"Shcherba","given":"L.\u00a0V."}]}]`;
    assert.equal(romanizeCsl(input).output, expected);
    assert.deepEqual(JSON.parse(romanizeCsl(input).output), [{ id: 'a', title: 'Voina "i" «mir»\u00a0— a/b\n😀 "', author: [{ family: 'Shcherba', given: 'L.\u00a0V.' }] }]);
  });
  it('nesting 100,000 levels deep is a clean error at once, not a stack overflow', () => {
    const deep = `[{"id":"a","title":"Москва","note":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}]`;
    const started = performance.now();
    assert.throws(() => romanizeCsl(deep), (e) => e instanceof LatinitsaError && e.code === 'ERR_INVALID_INPUT' && /nested deeper than 256 levels/u.test(e.message));
    assert.ok(performance.now() - started < 5000);
  });
  it('bad JSON or a non-CSL shape is ERR_INVALID_INPUT', () => {
    assert.throws(() => romanizeCsl('[{'), (e) => e instanceof LatinitsaError && e.code === 'ERR_INVALID_INPUT');
    assert.throws(() => romanizeCsl('[1, 2]'), (e) => e instanceof LatinitsaError && e.code === 'ERR_INVALID_INPUT');
  });
  it('a variable of another type than CSL-JSON gives it, with Cyrillic in it, is left as written and reported on its value (bib/wrong-type)', () => {
    // [the item's variables, the values reported (as written in the input)]; the rest of the item is romanized as usual.
    const cases: Array<[string, string[]]> = [
      ['"title":["Война"]', ['["Война"]']],
      ['"author":"Толстой"', ['"Толстой"']],
      ['"publisher":{"name":"Наука"},"publisher-place":"Москва"', ['{"name":"Наука"}']],
      ['"editor":["Иванов",{"family":["Петров"],"given":"Пётр"}]', ['"Иванов"', '["Петров"]']],
      ['"title":["War"],"author":"Tolstoy","publisher-place":5', []],
    ];
    for (const [variables, reported] of cases) {
      const json = `[{"id":"k","type":"book",${variables}}]`;
      const r = romanizeCsl(json);
      assert.deepEqual(r.diagnostics.map((d) => [d.ruleId, d.severity, d.data?.['key'], json.slice(d.place!.start.offset, d.place!.end.offset)]), reported.map((v) => ['bib/wrong-type', 'warning', 'k', v]), json);
      for (const v of reported) assert.ok(r.output.includes(v), `${v} left as written`);
      assert.doesNotMatch(r.output.replace(/\{"name":"Наука"\}|\["Война"\]|"Толстой"|"Иванов"|\["Петров"\]/gu, ''), /\p{Script=Cyrillic}/u, json);
    }
  });
});

describe('latinitsa bib', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'latinitsa-bib-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));
  const cli = async (args: string[]): Promise<{ code: number; out: string; err: string }> => {
    const r = await runCli(['bib', ...args], { cwd: tmp });
    return { code: r.code, out: r.stdout, err: r.stderr };
  };
  it('in.bib -o out.bib', async () => {
    copyFileSync(path.join(dir, 'russian.bib'), path.join(tmp, 'in.bib'));
    const r = await cli(['in.bib', '-o', 'out.bib']);
    assert.equal(r.code, 0);
    assert.equal(readFileSync(path.join(tmp, 'out.bib'), 'utf8'), read('russian.expected.bib'));
    assert.match(r.err, /romanized 15 fields in 5 entries/);
    // What was left as written is reported like every finding: file:line:column: severity: reason [rule].
    assert.match(r.err, /^in\.bib:\d+:\d+: warning: getty1999: publisher uses @string macro "nauka" whose value is Cyrillic; the field is left as written \[bib\/cyrillic-macro\]$/m);
    assert.equal(readFileSync(path.join(tmp, 'in.bib'), 'utf8'), read('russian.bib'));
  });
  // Fortieth session's audit: the command read the file without its byte-order mark and wrote it
  // back without one (`bib --in-place` changed the first three bytes of a Windows export), where
  // `check --fix`, `cite --fix` and `latinitsa --in-place` keep it, and romanizeCsl keeps one given.
  it('keeps a byte-order mark: --in-place, -o and stdout, BibTeX and CSL-JSON alike', async () => {
    writeFileSync(path.join(tmp, 'bom.bib'), '\uFEFF@book{a,\r\n  title = {Москва},\r\n}\r\n');
    writeFileSync(path.join(tmp, 'bom.json'), '\uFEFF[{"id":"a","title":"Москва"}]\n');
    const out = await cli(['bom.bib']);
    assert.equal(out.out, '\uFEFF@book{a,\r\n  title = {Moskva},\r\n}\r\n');
    assert.equal((await cli(['bom.json', '-o', 'bom-out.json'])).code, 0);
    assert.equal(readFileSync(path.join(tmp, 'bom-out.json'), 'utf8'), '\uFEFF[{"id":"a","title":"Moskva"}]\n');
    for (const file of ['bom.bib', 'bom.json']) assert.equal((await cli([file, '--in-place'])).code, 0, file);
    assert.equal(readFileSync(path.join(tmp, 'bom.bib'), 'utf8'), '\uFEFF@book{a,\r\n  title = {Moskva},\r\n}\r\n');
    assert.equal(readFileSync(path.join(tmp, 'bom.json'), 'utf8'), '\uFEFF[{"id":"a","title":"Moskva"}]\n');
    // Its place is not a column: findings on the first line count from the character after it.
    writeFileSync(path.join(tmp, 'bom-macro.bib'), '\uFEFF@string{m = {Москва}} @book{a, address = m}');
    assert.match((await cli(['bom-macro.bib'])).err, /^bom-macro\.bib:1:42: warning: a: address uses @string macro "m"/m);
  });
  it('--format json: the findings as diagnostics on stderr (the bibliography may be on stdout)', async () => {
    const r = await cli(['in.bib', '--format', 'json', '--input-format', 'bibtex']);
    assert.equal(r.out, read('russian.expected.bib'));
    const findings = JSON.parse(r.err) as Array<{ ruleId: string; file: string; data: { key: string } }>;
    assert.deepEqual(findings.map((d) => [d.ruleId, d.file, d.data.key]), [
      ['bib/cyrillic-macro', 'in.bib', 'getty1999'],
      ['bib/cyrillic-macro', 'in.bib', 'Etkind2001'],
    ]);
    assert.equal((await cli(['in.bib', '--format', 'yaml'])).code, 2);
  });
  it('zotero.json --in-place keeps the mode; stdout when no output is given', async () => {
    copyFileSync(path.join(dir, 'zotero.json'), path.join(tmp, 'z.json'));
    chmodSync(path.join(tmp, 'z.json'), 0o600);
    const r = await cli(['z.json', '--in-place']);
    assert.equal(r.code, 0);
    assert.equal(readFileSync(path.join(tmp, 'z.json'), 'utf8'), read('zotero.expected.json'));
    assert.equal(statSync(path.join(tmp, 'z.json')).mode & 0o777, 0o600);
    copyFileSync(path.join(dir, 'zotero.json'), path.join(tmp, 'y.json'));
    assert.equal((await cli(['y.json'])).out, read('zotero.expected.json'));
  });
  it('--names-scheme and --keep-original', async () => {
    writeFileSync(path.join(tmp, 'n.bib'), '@book{x, author = {Ю. Лотман}, title = {Юность}}');
    const r = await cli(['n.bib', '--names-scheme', 'modified-loc', '--keep-original']);
    assert.equal(r.out, '@book{x, author = {Yu. Lotman}, origauthor = {Ю. Лотман}, title = {Iunost’}, origtitle = {Юность}}');
  });
  it('usage and input errors exit 2', async () => {
    assert.equal((await cli([])).code, 2);
    assert.equal((await cli(['in.bib', '-o', 'out.json'])).code, 2);
    assert.equal((await cli(['in.bib', '--in-place', '-o', 'x.bib'])).code, 2);
    assert.equal((await cli(['in.bib', '--scheme', 'no-such'])).code, 2);
    writeFileSync(path.join(tmp, 'broken.bib'), '@book{k, title = {x}\n');
    const broken = await cli(['broken.bib']);
    assert.equal(broken.code, 2);
    assert.match(broken.err, /broken\.bib: not a valid BibTeX file at line/);
    // An unclosed brace is named where it opened, not as an unexpected "@" at the next entry.
    writeFileSync(path.join(tmp, 'u.bib'), '@book{k1, title={Киров}}\n@book{bad, title = {Киров {ЦК}\n}\n@book{b, title={Зиновьев}}\n');
    const unclosed = await cli(['u.bib']);
    assert.equal(unclosed.code, 2);
    assert.match(unclosed.err, /u\.bib: not a valid BibTeX file at line 2, column 1: entry "bad" is not closed: its "\{" at line 2, column 6 has no matching "\}" \(the value of its field "title" runs from line 2, column 20 to line 3, column 1/u);
    writeFileSync(path.join(tmp, 'bad.bib'), Buffer.from([0x40, 0xff]));
    assert.equal((await cli(['bad.bib'])).code, 2);
  });
});

describe('lang: the bibliography in another language, resolved by the library for the CLI and the API alike', () => {
  // Expected values: the Ukrainian national system's worked example (Київ → Kyiv, docs/languages.md)
  // and the Library of Congress's Ukrainian table (ї → ï).
  it('reads the schemes of their family for the language', () => {
    assert.match(romanizeBibtex('@book{a, title = {Київ}}', { lang: 'uk', scheme: 'uk-national' }).output, /title = \{Kyiv\}/u);
    assert.match(romanizeBibtex('@book{a, title = {Київ}}', { lang: 'uk', scheme: 'ala-lc' }).output, /title = \{Kyïv\}/u);
    assert.match(romanizeCsl('[{"id":"a","title":"Київ"}]', { lang: 'uk', schemes: { titles: 'ala-lc' } }).output, /"title":"Kyïv"/u);
  });
  it('a language no scheme family has is an error', () => {
    assert.throws(() => romanizeBibtex('@book{a, title = {Київ}}', { lang: 'xx' }), (e) => e instanceof LatinitsaError && e.code === 'ERR_INVALID_OPTION');
  });
  it('a scheme whose family has no table for the language is refused, as romanize refuses it, not swapped for the language\'s default', () => {
    // The message is romanize's own (docs/languages.md: `{ scheme: 'modified-loc', lang: 'uk' }` is an error).
    const romanizeError = (() => { try { romanize('Київ', { scheme: 'modified-loc', lang: 'uk' }); } catch (e) { return e as LatinitsaError; } return undefined; })();
    assert.equal(romanizeError?.code, 'ERR_INVALID_OPTION');
    const same = (e: unknown): boolean => e instanceof LatinitsaError && e.code === 'ERR_INVALID_OPTION' && e.message === romanizeError!.message;
    assert.throws(() => romanizeBibtex('@book{a, title = {Київ}}', { lang: 'uk', scheme: 'modified-loc' }), same);
    assert.throws(() => romanizeBibtex('@book{a, title = {Київ}}', { lang: 'uk', schemes: { names: 'modified-loc' } }), same);
    assert.throws(() => romanizeCsl('[{"id":"a","title":"Київ"}]', { lang: 'uk', scheme: 'modified-loc' }), same);
  });
  it('latinitsa bib --lang uk', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'latinitsa-bib-lang-'));
    writeFileSync(path.join(dir, 'refs.bib'), '@book{a, title = {Київ}}\n');
    const run = await runCli(['bib', 'refs.bib', '--lang', 'uk', '--scheme', 'ala-lc'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /title = \{Kyïv\}/u);
    // A family with no Ukrainian table: refused as `latinitsa --lang uk -s …` refuses it, nothing written.
    const refused = await runCli(['bib', 'refs.bib', '--lang', 'uk', '--scheme', 'modified-loc'], { cwd: dir });
    assert.equal(refused.code, 2);
    assert.equal(refused.stdout, '');
    assert.match(refused.stderr, /scheme "modified-loc" has no table for Ukrainian \(lang "uk"\)/u);
    rmSync(dir, { recursive: true });
  });
});

describe('letters the scheme has no value for are reported as romanize reports them (docs/languages.md, "Unmapped letters")', () => {
  const bib = '@book{k,\n  title = {Історія України},\n  address = {Київ},\n  year = 2001\n}\n';
  it('BibTeX: one romanize/unmapped-letter per letter, placed on the letter, with the entry and field', () => {
    const r = romanizeBibtex(bib);
    assert.match(r.output, /Kiïv/u);
    const d = r.diagnostics.filter((x) => x.ruleId === 'romanize/unmapped-letter');
    assert.deepEqual(d.map((x) => [x.actual, bib.slice(x.place!.start.offset, x.place!.end.offset), x.data?.['key'], x.data?.['field']]), [
      ['ї', 'ї', 'k', 'title'],
      ['ї', 'ї', 'k', 'address'],
    ]);
    // Written in the family's Ukrainian scheme with --lang: nothing to report.
    assert.deepEqual(romanizeBibtex(bib, { lang: 'uk' }).diagnostics, []);
  });
  it("with lang, read in the bibliography's language, as a scheme serving several languages reads it (ISO 9)", () => {
    // Ҙ is a letter of none of the languages: ISO 9 has no value for it in any of them.
    const entry = '@book{k,\n  title = {Ҙ Київ},\n}\n';
    for (const lang of ['uk', 'sr']) {
      const d = romanizeBibtex(entry, { lang, scheme: 'iso-9' }).diagnostics.filter((x) => x.ruleId === 'romanize/unmapped-letter');
      assert.deepEqual(d.map((x) => [x.actual, x.data?.['scheme'], x.data?.['lang']]), [['Ҙ', 'iso-9', lang]], lang);
      const c = romanizeCsl('[{"id": "k", "title": "Ҙ"}]', { lang, scheme: 'iso-9' }).diagnostics;
      assert.deepEqual(c.map((x) => [x.actual, x.data?.['lang']]), [['Ҙ', lang]], lang);
    }
  });
  it('CSL-JSON: placed on the value', () => {
    const json = '[{"id": "k", "title": "Київ"}]';
    const d = romanizeCsl(json).diagnostics;
    assert.deepEqual(d.map((x) => [x.ruleId, x.actual, json.slice(x.place!.start.offset, x.place!.end.offset)]), [['romanize/unmapped-letter', 'ї', '"Київ"']]);
  });
  it('CLI: reported on stderr with the summary', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'latinitsa-bib-unmapped-'));
    try {
      writeFileSync(path.join(dir, 'uk.bib'), bib);
      const r = await runCli(['bib', 'uk.bib'], { cwd: dir });
      assert.equal(r.code, 0);
      assert.match(r.stderr, /romanize\/unmapped-letter/u);
      assert.match(r.stderr, /"ї" has no value in ala-lc/u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
