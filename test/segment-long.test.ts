// The word splitter (src/segment) on long inputs found slow: a word of 160,000 letters took 27 s,
// because the e-mail pattern was tried at every position of the run; a long line of quoted words. The
// bound is generous (a slow machine passes); the slow version fails it many times over.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenizeWords } from '../src/segment/index.ts';

describe('tokenizeWords: long inputs', () => {
  for (const [name, text] of [
    ['one word of 160,000 letters', `Zinoviev and Zinovyev. ${'ab'.repeat(80_000)}`],
    ['a run of 160,000 e-mail characters without an @', `x ${'a.b+c-d_'.repeat(20_000)} y`],
    // Each word ending in ’ inside a ‘ quotation looked back over its whole line: 200,000
    // characters on one line took 3.7 s, a 1 MB request about 90 s.
    ['one line of 120,000 quoted words ending in ’', `x ‘${'Rus’ '.repeat(120_000)}`],
  ] as const) {
    it(`${name} is split in linear time`, () => {
      const t0 = performance.now();
      const words = tokenizeWords(text);
      assert.ok(performance.now() - t0 < 5000, `${(performance.now() - t0).toFixed(0)} ms`);
      assert.ok(words.length >= 1);
    });
  }
  it('an e-mail address is still skipped, whatever comes before it', () => {
    assert.deepEqual(tokenizeWords('write to ivan.petrov+x@mail.ru today').map((w) => w.text), ['write', 'to', 'today']);
  });
});
