// The document module: which parts of plain text, Markdown and .docx paragraphs are prose, and
// where the notes start; the byte-order mark; deep nesting without recursion.
import { LatinitsaError } from '../src/errors.ts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readDocument } from '../src/index.ts';
import { documentFormatOf, frontMatterEnd, isNotesHeading, markdownRegions, plainTextRegions, treeRegions, type Region, type TreeNode } from '../src/document/index.ts';
import { bytesToDocument } from '../src/io/index.ts';

/** The text of each region, with its kind. */
function parts(text: string, regions: readonly Region[]): string[] {
  return regions.map((r) => `${r.kind}:${text.slice(r.start, r.end)}`);
}

describe('notes headings', () => {
  it('one decision for plain text lines and Markdown headings', () => {
    for (const yes of ['Notes', 'NOTES', 'Bibliography:', '## Works cited', '  Select  bibliography ', 'References\r', 'Endnotes :']) assert.ok(isNotesHeading(yes), yes);
    for (const no of ['Notes on the text', 'A note', '####### Notes', 'Sources of the war', '']) assert.ok(!isNotesHeading(no), no);
  });
});

describe('plain text', () => {
  it('running text, then notes from the first heading line to the end', () => {
    const text = 'Zinoviev spoke.\r\n\r\nBibliography\r\nZinov’ev, G. Pis’ma.\nNotes\n1. Ibid.';
    assert.deepEqual(parts(text, plainTextRegions(text)), ['text:Zinoviev spoke.\r\n\r\n', 'notes:Bibliography\r\nZinov’ev, G. Pis’ma.\nNotes\n1. Ibid.']);
    assert.deepEqual(plainTextRegions('Notes\nx'), [{ start: 0, end: 7, kind: 'notes' }]);
    assert.deepEqual(plainTextRegions('The notes were lost.'), [{ start: 0, end: 20, kind: 'text' }]);
  });
});

describe('Markdown', () => {
  it('skips code, HTML and front matter; footnotes and the notes section are notes', () => {
    const text = [
      '---',
      'title: Zinovyev',
      '---',
      '# Chapter',
      '',
      'Zinoviev `Zinovyev` <b>Zinovyev</b>[^1] and [Kamenev](https://x.org/Kamenev).',
      '',
      '```',
      'Zinovyev',
      '```',
      '',
      '[^1]: Zinov’ev.',
      '',
      '## Notes',
      '',
      'Ibid.',
      '',
      '# Appendix',
      '',
      'Back to text.',
      '',
    ].join('\n');
    assert.equal(frontMatterEnd(text), 24);
    assert.deepEqual(parts(text, markdownRegions(text)), [
      'text:Chapter',
      'text:Zinoviev ',
      'text: ',
      'text:Zinovyev',
      'text: and ',
      'text:Kamenev',
      'text:.',
      'notes:Zinov’ev.',
      'notes:Notes',
      'notes:Ibid.',
      'text:Appendix',
      'text:Back to text.',
    ]);
  });

  it('front matter only at the very start, and only when closed', () => {
    assert.equal(frontMatterEnd('Text\n---\na: b\n---\n'), 0);
    assert.equal(frontMatterEnd('---\nnot closed\n'), 0);
    assert.equal(frontMatterEnd('---\r\na: b\r\n...\r\nText'), 16);
  });

  it('a document nested as deep as accepted is read (the walk has its own stack: see treeRegions below)', () => {
    const text = `${'>'.repeat(100)} Zinoviev\n`;
    assert.deepEqual(parts(text, markdownRegions(text)), ['text:Zinoviev']);
  });
});

describe('treeRegions', () => {
  it('walks a tree of any depth with its own stack', () => {
    let node: TreeNode & { at?: [number, number] } = { type: 'Str', value: 'x', at: [0, 1] };
    for (let i = 0; i < 200_000; i++) node = { type: 'BlockQuote', children: [node] };
    const regions = treeRegions({ type: 'Document', children: [node] }, { text: ['Str'], skip: [], heading: 'Header', footnote: [], span: (n: TreeNode & { at?: [number, number] }) => n.at });
    assert.deepEqual(regions, [{ start: 0, end: 1, kind: 'text' }]);
  });
});

describe('readDocument', () => {
  it('formats by file name; a byte-order mark is taken off and remembered', async () => {
    assert.deepEqual(['a.md', 'b.MARKDOWN', 'c.mdx', 'd.docx', 'e.txt', 'f', 'g.md.bak'].map(documentFormatOf), ['markdown', 'markdown', 'markdown', 'docx', 'text', 'text', 'text']);
    const doc = readDocument({ text: '\uFEFF# Notes\n\nIbid.', format: 'markdown' });
    assert.deepEqual([doc.bom, doc.text, parts(doc.text, doc.regions)], [true, '# Notes\n\nIbid.', ['notes:Notes', 'notes:Ibid.']]);
    const fromBytes = await bytesToDocument(Uint8Array.from([0xef, 0xbb, 0xbf, 0x4b]), { format: 'text' });
    assert.deepEqual([fromBytes.bom, fromBytes.text], [true, 'K']);
  });

  it('.docx paragraphs: one per line, line breaks inside a paragraph become spaces, read as plain text', () => {
    const doc = readDocument({ paragraphs: ['Zinoviev\nspoke.', 'Notes', '1. Ibid.'] });
    assert.equal(doc.text, 'Zinoviev spoke.\nNotes\n1. Ibid.');
    assert.deepEqual(parts(doc.text, doc.regions), ['text:Zinoviev spoke.\n', 'notes:Notes\n1. Ibid.']);
  });
});

describe('Markdown nested 100,000 levels deep', () => {
  // Each a clean error naming the line, in well under a few seconds (the parser alone takes
  // minutes on these); a few levels read as before.
  const n = 100_000;
  const cases: Array<[string, string, RegExp]> = [
    ['block quotes', `Kirov.\n\n${'>'.repeat(n)} Zinovyev\n`, /^line 3: Markdown nested deeper than 100 levels \(block quotes and list items\)/u],
    ['list items', `${'- '.repeat(n)}Zinovyev\n`, /^line 1: Markdown nested deeper than 100 levels \(block quotes and list items\)/u],
    ['brackets', `${'['.repeat(n)}Zinovyev${']'.repeat(n)}\n`, /^line 1: Markdown nested deeper than 100 levels \(brackets\)/u],
    ['numbered items', `${'1. '.repeat(n)}Zinovyev\n`, /^line 1: Markdown nested deeper than 100 levels/u],
  ];
  for (const [name, text, message] of cases) {
    it(`${name}: refused at once`, () => {
      const started = performance.now();
      assert.throws(() => readDocument({ text, format: 'markdown' }), (e: unknown) => e instanceof LatinitsaError && e.code === 'ERR_INVALID_INPUT' && message.test(e.message));
      assert.ok(performance.now() - started < 3000);
    });
  }
  it('100,000 footnotes: refused at once, at the first definition over the limit; 300 read as before', { timeout: 20_000 }, () => {
    const notes = (count: number): string => Array.from({ length: count }, (_, i) => `Kirov.[^${i}]\n\n[^${i}]: Zinovyev.\n\n`).join('');
    const started = performance.now();
    assert.throws(() => readDocument({ text: notes(100_000), format: 'markdown' }), (e: unknown) => e instanceof LatinitsaError && e.code === 'ERR_INVALID_INPUT' && /^line 4003: more than 1000 Markdown footnote definitions/u.test(e.message));
    assert.ok(performance.now() - started < 5000);
    const kinds = readDocument({ text: notes(300), format: 'markdown' }).regions.map((r) => r.kind);
    assert.deepEqual([kinds.length, kinds.filter((k) => k === 'notes').length], [600, 300]);
  });
  it('a few levels, and escaped or closed brackets, read as before', () => {
    const text = `> > - Kirov [a [b] c] ${'\\['.repeat(500)} ${'[x] '.repeat(500)}\n`;
    assert.deepEqual(readDocument({ text, format: 'markdown' }).regions.map((r) => r.kind), ['text']);
  });
});
