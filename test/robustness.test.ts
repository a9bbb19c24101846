// Robustness cases the fuzzer found. A very long Latin token (an identifier, a base64 run) is not a romanized word: the reverse
// engine and the checker leave it alone instead of spending time superlinear in its length
// (found by the fuzzer: 1,500 letters took 4–10 s and gigabytes before the cap).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { checkText, convert, deromanize } from '../src/index.ts';
import { MAX_WORD_LENGTH } from '../src/reverse/deromanize.ts';

const long = 'shchukinyaiuyozhziy'.repeat(300);

it('deromanize and convert leave a token longer than the word limit as written', () => {
  const text = `Kirov ${long} Molotov`;
  const t0 = performance.now();
  const out = deromanize(text, { scheme: 'modified-loc', all: true });
  assert.ok(out.includes(long), 'the long token is kept');
  assert.ok(!out.startsWith('Kirov'), 'the words around it are still read');
  assert.equal(convert(text, { from: 'modified-loc', to: 'bgn-pcgn' }).includes(long), true);
  assert.ok(performance.now() - t0 < 5000);
});

it('a word just under the limit is still read by an exact scheme', () => {
  const word = 'kubanʹ'.repeat(Math.floor(MAX_WORD_LENGTH / 6));
  assert.ok(word.length <= MAX_WORD_LENGTH);
  assert.equal(deromanize(word, { scheme: 'ala-lc', all: true }), 'кубань'.repeat(Math.floor(MAX_WORD_LENGTH / 6)));
});

it('the checker does not read a token longer than the word limit', () => {
  const t0 = performance.now();
  assert.deepEqual(checkText(`Zinoviev and ${long}.`, { scheme: 'modified-loc' }), []);
  assert.ok(performance.now() - t0 < 5000);
});

it('an entry without a key is romanized, not a TypeError (found by the fuzzer)', async () => {
  const { romanizeBibtex } = await import('../src/index.ts');
  for (const input of ['@article{}', '@article{,\n  title = {Культура и взрыв}\n}\n', 'x # @article{},']) {
    assert.doesNotThrow(() => {
      try {
        romanizeBibtex(input);
      } catch (error) {
        if (!(error instanceof Error) || (error as { code?: string }).code === undefined) throw error;
      }
    }, input);
  }
});

it('reverse stays linear on a long run without white space (found by the fuzzer: 40,000 tokens took 207 s)', () => {
  const run = '{"a":'.repeat(40_000);
  const t0 = performance.now();
  assert.equal(deromanize(run, { scheme: 'modified-loc' }), run);
  assert.ok(performance.now() - t0 < 10_000, `${(performance.now() - t0).toFixed(0)} ms`);
});

// Arrays spread into push() pass every element as an argument: past about 120,000 the call
// overflows the stack (found by timing readDocument at a million characters).
it('a Markdown part of 130,000 blocks (thematic breaks, no blank line) is read, not a stack overflow', async () => {
  const { readDocument } = await import('../src/index.ts');
  assert.deepEqual(readDocument({ text: '***\n'.repeat(130_000), format: 'markdown' }).regions, []);
});

it('a word misspelt 130,000 times gives 130,000 findings, not a stack overflow', () => {
  assert.equal(checkText('Zinovyev '.repeat(130_000), { scheme: 'modified-loc' }).length, 130_000);
});

// Regions are a program's input (checkText's `regions`, a document's `regions`, checkCitations'
// `regions`): found by a hand-written harness beside scripts/fuzz.ts (regions "x", [null],
// overlapping, out of order), which crashed with a TypeError, counted a word twice, or read
// slices at negative offsets.
it('regions that are not in order, overlap, or lie outside the text are an ERR_INVALID_OPTION, not a TypeError or doubled findings', async () => {
  const { checkCitations, checkDocuments } = await import('../src/index.ts');
  const text = 'Zinoviev and Kamenev. Zinovyev again. См.: РГАСПИ. Ф. 17. Оп. 3. Д. 703. Л. 1.';
  const bad: unknown[] = [
    'x',
    [null],
    [{ start: 5, end: 2, kind: 'text' }],
    [{ start: -5, end: 20, kind: 'text' }],
    [{ start: 0, end: text.length + 1, kind: 'text' }],
    [{ start: 0, end: 1.5, kind: 'text' }],
    [{ start: 0, end: 10, kind: 'prose' }],
    [{ start: 0, end: 40, kind: 'text' }, { start: 0, end: 40, kind: 'text' }],
    [{ start: 40, end: 60, kind: 'notes' }, { start: 0, end: 40, kind: 'text' }],
  ];
  const code = (fn: () => unknown): unknown => {
    try {
      fn();
      return 'returned';
    } catch (error) {
      return (error as { code?: unknown }).code ?? `${(error as Error).name}: ${(error as Error).message}`;
    }
  };
  for (const regions of bad) {
    const r = regions as never;
    assert.equal(code(() => checkText(text, { regions: r })), 'ERR_INVALID_OPTION', JSON.stringify(regions));
    assert.equal(code(() => checkDocuments([{ text, regions: r }])), 'ERR_INVALID_OPTION', JSON.stringify(regions));
    assert.equal(code(() => checkCitations(text, { regions: r })), 'ERR_INVALID_OPTION', JSON.stringify(regions));
  }
  // Right regions (touching, empty, of either kind) still work.
  const good = [{ start: 0, end: 0, kind: 'text' as const }, { start: 0, end: 40, kind: 'text' as const }, { start: 40, end: text.length, kind: 'notes' as const }];
  assert.deepEqual(checkText(text, { regions: good }).map((d) => d.actual), ['Zinovyev']);
  assert.equal(checkCitations(text, { regions: good }).references.length, 1);
});
