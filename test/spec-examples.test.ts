// Every worked example of the specification (shared/spec/schemes.md §3.x, copied into
// test/fixtures/spec/<scheme>.tsv) and every row of its §4 cross-scheme table. Adding a case is
// adding a line to a fixture.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { listSchemes, romanize } from '../src/index.ts';
import { fixturesDir, listFiles, readTsv } from './support/fixtures.ts';

const available = new Set(listSchemes().map((s) => s.id));

describe('spec worked examples', () => {
  for (const file of listFiles(path.join(fixturesDir, 'spec'), '.tsv')) {
    const scheme = path.basename(file, '.tsv');
    if (scheme === 'cross-scheme') continue;
    describe(scheme, () => {
      for (const [cyrillic, expected, options, source] of readTsv(file)) {
        const opts = options ? (JSON.parse(options) as Record<string, unknown>) : {};
        it(`${cyrillic} → ${expected}${options ? ` ${options}` : ''} ${source ?? ''}`, { skip: !available.has(scheme) && `scheme ${scheme} not available` }, () => {
          assert.equal(romanize(cyrillic!, { scheme, ...opts }), expected!.normalize('NFC'));
        });
      }
    });
  }
});

describe('spec §4 cross-scheme table', () => {
  const [header, ...rows] = readTsv(path.join(fixturesDir, 'spec', 'cross-scheme.tsv'));
  const schemes = header!.slice(1);
  for (const row of rows) {
    schemes.forEach((scheme, i) => {
      const expected = row[i + 1]!;
      it(`${scheme}: ${row[0]} → ${expected}`, { skip: !available.has(scheme) && `scheme ${scheme} not available` }, () => {
        assert.equal(romanize(row[0]!, { scheme }), expected.normalize('NFC'));
      });
    });
  }
});
