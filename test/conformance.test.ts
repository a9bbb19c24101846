// Outside test vectors: every vector of test/fixtures/vectors passes or is a documented exception
// (test/fixtures/vectors/exceptions.tsv); with ../shared/conformance present, also the sources not
// copied into the repository (Lingua::Translit) and the oracle outputs. `npm run conformance`
// prints the same results as a table.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { evaluate, loadExceptions, loadVectors, sharedVectorsDir, type Result } from '../scripts/conformance.ts';

const exceptions = loadExceptions();

function groups(results: Result[]): Map<string, Result[]> {
  const map = new Map<string, Result[]>();
  for (const r of results) {
    const k = `${r.vector.source} ${r.vector.file}`;
    map.set(k, [...(map.get(k) ?? []), r]);
  }
  return map;
}

function assertConforms(list: Result[]): void {
  const failed = list.filter((r) => r.status === 'failed');
  assert.deepEqual(
    failed.map((r) => ({ input: r.vector.input, expected: r.vector.expected, actual: r.actual })),
    [],
    'undocumented failures: fix the scheme or add the vector to test/fixtures/vectors/exceptions.tsv with the spec paragraph that decides it',
  );
  const stale = list.filter((r) => r.stale);
  assert.deepEqual(stale.map((r) => r.vector.input), [], 'listed exceptions that now pass: remove them from exceptions.tsv');
}

describe('documented exceptions file', () => {
  it('names the spec paragraph and the reason of every exception', () => {
    assert.ok(exceptions.size > 0);
    for (const ex of exceptions.values()) {
      assert.ok(ex.spec !== '' && ex.reason !== '' && ex.family !== '', `${ex.source} ${ex.file} ${ex.input}: spec, family and reason are required`);
      assert.notEqual(ex.expected, ex.actual, `${ex.source} ${ex.file} ${ex.input}: an exception must differ`);
    }
  });
});

describe('outside vectors in the repository', () => {
  const vectors = loadVectors({ shared: false });
  it('are present (all sources except Lingua::Translit\'s tests; the oracles on the inputs for uk, be, bg, sr, mk)', () => {
    assert.deepEqual(
      [...new Set(vectors.map((v) => v.source))].sort(),
      ['adequatica', 'interscript', 'iuliia', 'iuliia-js', 'mxmcherry-translit', 'oracle/icu', 'oracle/lingua-translit', 'oracle/scriptshifter', 'romanization-net', 'scriptshifter', 'translit-rs'],
    );
  });
  for (const [name, list] of groups(evaluate(vectors, exceptions))) {
    if (list.every((r) => r.status === 'not implemented')) continue;
    it(`${name}: passed or documented`, () => assertConforms(list));
  }
  it('every listed exception of a repository source matches a vector', () => {
    const keys = new Set(vectors.map((v) => `${v.source}\u0000${v.file}\u0000${v.input}`));
    // Files, not sources: oracle outputs for some schemes are in the repository, for others in ../shared.
    const repoFiles = new Set(vectors.map((v) => `${v.source}\u0000${v.file}`));
    const orphans = [...exceptions.values()].filter((ex) => repoFiles.has(`${ex.source}\u0000${ex.file}`) && !keys.has(`${ex.source}\u0000${ex.file}\u0000${ex.input}`));
    assert.deepEqual(orphans.map((ex) => `${ex.source} ${ex.file} ${ex.input}`), []);
  });
});

const shared = existsSync(sharedVectorsDir);

describe('ALA-LC family against ../shared/conformance', { skip: !shared && '../shared/conformance not present' }, () => {
  // Issue 2 item 6: iuliia, Lingua::Translit (read from ../shared only), Romanization.NET,
  // interscript, ScriptShifter and adequatica for ala-lc; iuliia for ala-lc-simplified.
  const sources = ['iuliia', 'lingua-translit', 'romanization-net', 'interscript', 'scriptshifter', 'adequatica'];
  const results = evaluate(loadVectors({ sources: [...sources, 'oracle/scriptshifter', 'oracle/iuliia-js'] }), exceptions).filter(
    (r) => r.vector.file === 'ala-lc' || (r.vector.file === 'ala-lc-simplified' && r.vector.source.includes('iuliia')),
  );
  for (const source of sources) {
    it(`${source} ala-lc vectors`, () => {
      const list = results.filter((r) => r.vector.source === source && r.vector.file === 'ala-lc');
      assert.ok(list.length > 0);
      assertConforms(list);
    });
  }
  it('iuliia ala-lc-simplified vectors (samples and oracle)', () => {
    const list = results.filter((r) => r.vector.file === 'ala-lc-simplified');
    assert.ok(list.length > 300);
    assertConforms(list);
  });
  it('ScriptShifter (Library of Congress) oracle, ala-lc', () => {
    const list = results.filter((r) => r.vector.source === 'oracle/scriptshifter');
    assert.equal(list.length, 347);
    assertConforms(list);
  });
});

describe('every source and gating oracle in ../shared/conformance', { skip: !shared && '../shared/conformance not present' }, () => {
  for (const [name, list] of groups(evaluate(loadVectors(), exceptions).filter((r) => r.vector.origin === 'shared'))) {
    if (list.every((r) => r.status === 'not implemented' || r.status === 'agrees' || r.status === 'disagrees')) continue;
    it(`${name}: passed or documented`, () => assertConforms(list));
  }
});
