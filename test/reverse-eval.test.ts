// Ranked reverse romanization on real Russian names and words (issue 5): each word of
// test/fixtures/reverse/eval-words.tsv is romanized with a lossy scheme, read back with the
// lexicon, and counted as recovered when the top candidate is the original Cyrillic. The figures
// are printed; the test fails below the floors (the issue aims at 90%).
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { deromanize, romanize, type Lexicon } from '../src/index.ts';
import { resolveScheme } from '../src/engine/index.ts';
import { loadLexicon } from '../src/io/lexicon.ts';
import { fixturesDir, readTsv } from './support/fixtures.ts';

const words = readTsv(path.join(fixturesDir, 'reverse', 'eval-words.tsv')).map(([w]) => w!);
/** Floors on the share recovered with the lexicon (top candidate === original, ё counted). */
const FLOORS: Record<string, number> = { 'modified-loc': 0.9, 'bgn-pcgn': 0.9, 'icao-9303': 0.85, 'ala-lc-simplified': 0.9, wikipedia: 0.9, 'ala-lc': 0.98, 'iso-9': 0.98 };

/** Share of words whose top candidate is the original (and with ё and е taken as one letter). */
export function evaluate(scheme: string, lexicon: Lexicon | undefined): { exact: number; yo: number; misses: string[] } {
  let exact = 0;
  let yo = 0;
  const misses: string[] = [];
  const plain = (s: string): string => s.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
  const compiled = resolveScheme({ scheme });
  // Schemes that modernise pre-1918 letters cannot give them back: the target is the modern spelling.
  const modern = (w: string): string => [...w].map((ch) => { const m = compiled.substitute.get(ch.toLowerCase()); return m === undefined || ch.toLowerCase() === 'ё' ? ch : ch === ch.toLowerCase() ? m : m.toUpperCase(); }).join('');
  for (const original of words) {
    const w = modern(original);
    const latin = romanize(w, { scheme });
    const top = deromanize(latin, { scheme, all: true, ...(lexicon === undefined ? {} : { lexicon }) });
    if (top === w) exact++;
    else misses.push(`${w}→${latin}→${top}`);
    if (plain(top) === plain(w)) yo++;
  }
  return { exact: exact / words.length, yo: yo / words.length, misses };
}

describe(`ranked reverse on ${words.length} real names and words`, () => {
  let lexicon: Lexicon | undefined;
  before(async () => {
    lexicon = await loadLexicon();
  });
  it('has at least 500 words', () => assert.ok(words.length >= 500));
  for (const [scheme, floor] of Object.entries(FLOORS)) {
    it(`${scheme}: top candidate recovers ≥ ${floor * 100}%`, (t) => {
      assert.ok(lexicon !== undefined, 'data/lexicon/lexicon-ru.bin is missing (npm run build:lexicon)');
      const r = evaluate(scheme, lexicon);
      t.diagnostic(`${scheme}: ${(r.exact * 100).toFixed(1)}% exact, ${(r.yo * 100).toFixed(1)}% with ё = е; misses: ${r.misses.slice(0, 12).join(', ')}`);
      assert.ok(r.exact >= floor, `${scheme}: ${(r.exact * 100).toFixed(1)}% < ${floor * 100}%`);
    });
  }
});
