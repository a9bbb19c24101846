// What the romanize panel says about a result (web/wording.ts): the language read in each
// paragraph and the letters the scheme has no value for, in plain words, never as ids.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { romanizeDetailed } from '../src/index.ts';
import { languagesReport, unmappedReport } from '../web/wording.ts';

describe('web wording: the romanize report', () => {
  it('names each unmapped letter, its ISO 9 value, and the scheme by name', () => {
    // ISO 9:1995 writes ї as ï and ў as ŭ; Komi ԁ has no ISO 9 value and is kept.
    const text = unmappedReport(romanizeDetailed('Київ, Ўладзімір, Київ ԁ').diagnostics);
    assert.match(text, /^4 letters have no value in Modified Library of Congress.*; they take their values from ISO 9.*: ї → ï \(2 times\), Ў → Ŭ, ԁ → kept as written\.$/);
    assert.doesNotMatch(text, /modified-loc|iso-9|romanize\//);
    assert.equal(unmappedReport(romanizeDetailed('Щука').diagnostics), '');
  });
  it('says per paragraph which language was read, from which letters, and the names read in another language', () => {
    const lines = languagesReport(romanizeDetailed('Щука и ёж.\n\nВчера в Киеве Олексій Ґудзь сказал, что щука — рыба.', { lang: 'auto' }).languages!);
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, /^Paragraph 1: Russian \(certain, from the letters .*ё.*\), written in Modified Library of Congress/);
    assert.match(lines[1]!, /^Paragraph 2: Russian .* Read in another language: Олексій as Ukrainian, Ґудзь as Ukrainian\.$/);
  });
});
