// The checker holds a spelling in a published title or a quotation of another author (quotation
// marks, italics) at `possible`, and checks a Russian title the author romanized: the cases of
// test/fixtures/check/titles.tsv (docs/check.md, "Quotations"); so it holds a name in the byline of
// such a title: test/fixtures/check/bylines.tsv ("Bylines"), and the spellings such citations
// print, elsewhere in the work: test/fixtures/check/published-forms.tsv; the author of a Russian
// publication cited in romanization: test/fixtures/check/citation-forms.tsv; a translation's title:
// test/fixtures/check/translations.tsv; an article's title, its journal after it:
// test/fixtures/check/articles.tsv; a web page's title, its access date after it:
// test/fixtures/check/web-pages.tsv; a possessive ’s in the place of a soft sign:
// test/fixtures/check/possessives.tsv; a case or number form beside its word:
// test/fixtures/check/inflections.tsv; a word cited as a word: test/fixtures/check/mentions.tsv; a thing named after a person: test/fixtures/check/eponyms.tsv;
// older English forms: test/fixtures/check/old-forms.tsv; ё printed as е: test/fixtures/check/plain-print.tsv; a work in the older romanization:
// test/fixtures/check/older-style.tsv;
// a title or quotation among another language's function words: test/fixtures/check/function-words.tsv,
// and the published list of those words is what scripts/build-check-foreign.ts makes;
// and a .docx's italics and
// indented block quotations, read by the document reader, as the checker sees them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { checkDocuments } from '../src/check/check.ts';
import type { CheckOptions } from '../src/check/types.ts';
import { readDocument } from '../src/document/document.ts';
import { loadLexicon } from '../src/io/lexicon.ts';
import { W_NS } from './support/docx.ts';

const lexicon = await loadLexicon();
assert.ok(lexicon !== undefined, 'the shipped lexicon');

/** The cases of a fixture of test/fixtures/check: verdict, scheme, format, marked text, and (some fixtures) the spelling the finding must suggest. */
function cases(file: string): Array<[string, string, string, string, string?]> {
  return readFileSync(path.join(import.meta.dirname, 'fixtures', 'check', file), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t') as [string, string, string, string, string?]);
}

/**
 * Checks each case: a `held` finding is at `possible` with a reason that says why (`why`), a `kept`
 * one keeps its confidence, an `unfixed` one is a scheme mismatch with no fix that says why, and
 * there is no finding on a `gone` word at all. A case with a fifth column names the one spelling
 * its finding must suggest.
 */
function checkCases(file: string, why: RegExp, options: CheckOptions = {}, least = 10): void {
  const all = cases(file);
  assert.ok(all.length >= least);
  for (const [verdict, scheme, format, line, expected] of all) {
    const marked = line.replaceAll('\\n', '\n');
    const at = marked.indexOf('[[');
    const word = marked.slice(at + 2, marked.indexOf(']]'));
    const text = marked.replace('[[', '').replace(']]', '');
    const doc = readDocument({ text, format: format as 'text' | 'markdown' });
    const found = checkDocuments([doc], scheme === '-' ? options : { ...options, scheme }).find((d) => d.place.start.offset === at);
    if (verdict === 'gone') {
      assert.equal(found, undefined, `a finding on ${word}: ${marked}`);
      continue;
    }
    assert.ok(found !== undefined && found.actual === word, `no finding on ${word}: ${marked}`);
    if (expected !== undefined) assert.deepEqual(found.expected, [expected], marked);
    if (verdict === 'held') {
      assert.equal(found.confidence, 0.5, marked);
      assert.equal(found.data?.['confidence'], 'possible', marked);
      assert.match(found.reason, why, marked);
    } else if (verdict === 'unfixed') {
      assert.equal(found.ruleId, 'check/scheme-mismatch', marked);
      assert.ok(found.fix === undefined && found.expected.length === 0 && found.confidence > 0.5, marked);
      assert.match(found.reason, why, marked);
    } else {
      assert.equal(verdict, 'kept');
      assert.ok(found.confidence > 0.5 && !why.test(found.reason), `${found.confidence} ${marked}`);
    }
  }
}

test('titles and quotations: every case of the fixture', () => {
  checkCases('titles.tsv', /title or quotation in (?:quotation marks|italics|a link’s text)/u);
});

test('bylines of published works: every case of the fixture (docs/check.md, "Bylines")', () => {
  checkCases('bylines.tsv', /byline of a published work/u, { lexicon });
});

test('names joined by an ampersand: every case of the fixture (docs/check.md, "Names joined by an ampersand")', () => {
  checkCases('joined.tsv', /joined to another name by an ampersand/u, { lexicon }, 5);
});

test('a spelling the work’s citations print in a published work: every case of the fixture (docs/check.md, "Bylines")', () => {
  checkCases('published-forms.tsv', /cites a publication in Latin letters that prints it so/u, { lexicon });
});

test('the title of a translation, its translator named after it: every case of the fixture (docs/check.md, "Quotations")', () => {
  checkCases('translations.tsv', /title of a translation the work cites/u, { lexicon }, 5);
});

test('the title of an article, its journal named after it: every case of the fixture (docs/check.md, "Quotations")', () => {
  checkCases('articles.tsv', /title of an article the work cites from a periodical/u, { lexicon }, 5);
});

test('the title of a web page, its access date after it: every case of the fixture (docs/check.md, "Published forms, elsewhere in the work")', () => {
  checkCases('web-pages.tsv', /title of a web page the work cites/u, { lexicon }, 6);
});

test('a soft sign and the possessive ’s in its place are one spelling: every case of the fixture (docs/check-history.md, "The twelfth session")', () => {
  checkCases('possessives.tsv', /possessive/u, { lexicon }, 4);
});

test('a case or number form beside its word is not a second spelling: every case of the fixture (docs/check.md, "Groups")', () => {
  checkCases('inflections.tsv', /in another case or number/u, { lexicon }, 6);
});

test('a word cited as a word (a name given in quotation marks, a gloss) is not checked: every case of the fixture (docs/check.md, "Variants named on purpose")', () => {
  checkCases('mentions.tsv', /$^/u, { lexicon }, 6);
});

test('a thing named after a person keeps the form of the established full name it was named with: every case of the fixture (docs/check.md, "Conventional forms")', () => {
  checkCases('eponyms.tsv', /$^/u, { lexicon }, 4);
});

test('older English forms (-of for -ов, -ef for -ев) join their word by an alternative key: every case of the fixture (docs/check.md, "Groups")', () => {
  checkCases('old-forms.tsv', /$^/u, { lexicon }, 3);
});

test('ё printed as е: spellings of the two prints of one word are one group; under a declared scheme a spelling it does not write keeps its own: every case of the fixture (docs/check.md, "ё printed as е")', () => {
  checkCases('plain-print.tsv', /$^/u, { lexicon }, 8);
});

test('a work in the older romanization: every case of the fixture (docs/check.md, "A work in the older romanization")', () => {
  checkCases('older-style.tsv', /no fix is offered/u, { lexicon }, 8);
});

test('the author of a Russian publication cited in romanization: every case of the fixture (docs/check.md, "Notes in a system of their own")', () => {
  checkCases('citation-forms.tsv', /author of a Russian publication the work cites in romanization/u, { lexicon }, 5);
});

test('passages in other languages: every case of the fixture (docs/check.md, "Passages in other languages")', () => {
  checkCases('other-languages.tsv', /another language/u, { lexicon }, 10);
});

test('titles and quotations among another language\'s function words: every case of the fixture (docs/check.md, "Names of other languages")', () => {
  checkCases('function-words.tsv', /$^/u, { lexicon }, 4);
});

test('the published function words are what the build makes of the installed stopwords-iso, whose version the file records', async () => {
  const published = (await import('../src/check/data/foreign-function-words.json', { with: { type: 'json' } })).default;
  const installed = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('stopwords-iso/package.json'), 'utf8')) as { version: string };
  assert.equal(published.version, installed.version);
  const root = path.resolve(import.meta.dirname, '..');
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'build-check-foreign.ts'), '--check'], { cwd: root, encoding: 'utf8' });
  assert.match(out, /^up to date/u);
});

test('a .docx: a title in italic runs is held, a block quotation set off by its indent alone is held', () => {
  const run = (text: string, italic = false): string => `<w:r>${italic ? '<w:rPr><w:i/></w:rPr>' : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
  const p = (runs: string, ind = ''): string => `<w:p>${ind === '' ? '' : `<w:pPr><w:ind ${ind}/></w:pPr>`}${runs}</w:p>`;
  const body = [
    p(run('Berdyaev wrote much. Berdyaev left Russia in 1922.'), 'w:firstLine="720"'),
    p(run('Later Berdyaev lived in Clamart.'), 'w:firstLine="720"'),
    // An English title in two italic runs (Word splits runs), the space between them not italic.
    p(run('See Zwahlen, ') + run('Different Concepts of Personality:', true) + run(' ') + run('Nikolaj Berdjaev and Sergej Bulgakov', true) + run(', 2012.'), 'w:firstLine="720"'),
    // The memoirist's spelling in a paragraph indented as a block quotation.
    p(run('We met Berdiaev in Paris, and Berdiaev spoke.'), 'w:left="720"'),
  ].join('');
  const xml = new TextEncoder().encode(`<w:document xmlns:w="${W_NS}"><w:body>${body}</w:body></w:document>`);
  const doc = readDocument({ docx: [{ name: 'word/document.xml', role: 'body', xml }] });
  const found = checkDocuments([doc]);
  const show = found.map((d) => `${d.place.start.line}:${d.actual}:${d.confidence}`).join(', ');
  const title = found.find((d) => d.actual === 'Berdjaev');
  assert.ok(title !== undefined && title.confidence === 0.5 && /title or quotation in italics/u.test(title.reason), show);
  const quoted = found.filter((d) => d.actual === 'Berdiaev');
  assert.ok(quoted.length === 2 && quoted.every((d) => d.confidence === 0.5 && /block quotation/u.test(d.reason)), show);
  // Read without italics or indents (bare paragraphs), the same places keep their confidence.
  const plain = checkDocuments([readDocument({ paragraphs: doc.text.split('\n') })]);
  assert.ok(plain.some((d) => d.actual === 'Berdjaev' && d.confidence > 0.5), plain.map((d) => `${d.actual}:${d.confidence}`).join(', '));
  assert.ok(plain.some((d) => d.actual === 'Berdiaev' && d.confidence > 0.5));
});

test('a .docx: a byline in endnotes typed as numbered paragraphs under "Note" is held, as in a footnote; the chapter after them is running text', () => {
  const p = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const read = (title: string) => {
    const body = [
      p('Tatiana wrote. Tatiana spoke. Tatiana left.'),
      p(title),
      p('¹ Tolstaya, Tatyana, “The Art of the Stage,” The New Yorker, 2015.'),
      p('Chapter 2'),
      p('Grigorii Zinoviev spoke. Grigorii Zinoviev left.'),
    ].join('');
    const xml = new TextEncoder().encode(`<w:document xmlns:w="${W_NS}"><w:body>${body}</w:body></w:document>`);
    const doc = readDocument({ docx: [{ name: 'word/document.xml', role: 'body', xml }] });
    return { doc, found: checkDocuments([doc]) };
  };
  const notes = read('Note');
  const tatyana = notes.found.find((d) => d.actual === 'Tatyana');
  assert.ok(tatyana !== undefined && tatyana.confidence === 0.5 && /byline of a published work/u.test(tatyana.reason), notes.found.map((d) => `${d.actual}:${d.confidence}`).join(', '));
  assert.deepEqual(
    notes.doc.regions.map((r) => `${r.kind}:${notes.doc.text.slice(r.start, r.end).split(' ')[0]}`),
    ['text:Tatiana', 'notes:Note\n¹', 'text:Chapter'],
  );
  // Not a notes title: the same paragraph is running text, and the name keeps its confidence.
  const text = read('Note on the text');
  assert.ok(text.found.some((d) => d.actual === 'Tatyana' && d.confidence > 0.5), text.found.map((d) => `${d.actual}:${d.confidence}`).join(', '));
});

test('phrases in another orthography: every case of the fixture (docs/check.md, "Phrases in another orthography")', () => {
  checkCases('orthography.tsv', /$^/u, { lexicon }, 10);
});
