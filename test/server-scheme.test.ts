// A scheme of one's own in the HTTP API (docs/web.md): the cases of
// test/fixtures/server/own-scheme.tsv through handleApi; the cache of loaded schemes; and through a
// server with workers, the body limit and the error's pointer across the thread.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { handleApi, startServer } from '../src/server/index.ts';
import { OWN_SCHEME_CACHE_SIZE, schemeValue } from '../src/server/request.ts';
import { fixturesDir, readTsv } from './support/fixtures.ts';

const lc = JSON.parse(readFileSync(path.join(fixturesDir, 'check', 'schemes', 'lc-no-signs.json'), 'utf8')) as Record<string, unknown>;

/** The body with every "@lc" string replaced by the scheme. */
function withScheme(value: unknown): unknown {
  if (value === '@lc') return lc;
  if (Array.isArray(value)) return value.map(withScheme);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withScheme(v)]));
  return value;
}

/** The value at a path of names and indexes with dots between them. */
function at(value: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], value);
}

describe('a scheme of one\'s own in every field that names a scheme', () => {
  for (const [route, body, status, expect, note] of readTsv(path.join(fixturesDir, 'server', 'own-scheme.tsv'))) {
    it(`${route} ${status} ${expect!.split(' ')[0]} (${note})`, async () => {
      const r = await handleApi({ method: 'POST', path: route!, headers: { 'content-type': 'application/json' }, body: JSON.stringify(withScheme(JSON.parse(body!))) });
      const answer = JSON.parse(String(r.body)) as Record<string, unknown>;
      assert.equal(r.status, Number(status), String(r.body).slice(0, 500));
      if (status === '200') {
        const space = expect!.indexOf(' ');
        assert.deepEqual(at(answer, expect!.slice(0, space)), JSON.parse(expect!.slice(space + 1)), String(r.body).slice(0, 500));
      } else {
        const [code, pointer, ...message] = expect!.split(' ');
        const error = answer['error'] as { status: number; code: string; message: string; pointer?: string };
        assert.deepEqual([error.status, error.code, error.pointer ?? '-'], [Number(status), code, pointer]);
        assert.match(error.message, new RegExp(message.join(' '), 'u'));
      }
    });
  }
});

describe('the loaded schemes of one\'s own', () => {
  const scheme = (k: number): Record<string, unknown> => ({ ...lc, id: `lc-${k}` });

  it('are kept by their definition: the same one sent again, its keys in any order, is not loaded again', () => {
    const first = schemeValue(lc, 'scheme');
    const reordered = Object.fromEntries(Object.entries(structuredClone(lc)).reverse());
    assert.equal(schemeValue(reordered, 'schemes.names'), first);
    // Another definition is another scheme.
    assert.notEqual(schemeValue({ ...lc, name: 'Another name' }, 'scheme'), first);
  });

  it(`are at most ${OWN_SCHEME_CACHE_SIZE}: the least recently used goes first`, () => {
    const loaded = Array.from({ length: OWN_SCHEME_CACHE_SIZE }, (_, k) => schemeValue(scheme(k), 'scheme'));
    // The first, used again, is now the most recent: one more scheme pushes out the second.
    assert.equal(schemeValue(scheme(0), 'scheme'), loaded[0]);
    schemeValue(scheme(OWN_SCHEME_CACHE_SIZE), 'scheme');
    assert.equal(schemeValue(scheme(0), 'scheme'), loaded[0]);
    assert.equal(schemeValue(scheme(2), 'scheme'), loaded[2]);
    assert.notEqual(schemeValue(scheme(1), 'scheme'), loaded[1]);
  });
});

describe('a scheme of one\'s own through the server', () => {
  it('is romanized in a worker, its mistakes come back with their pointer, and the body limit holds', async () => {
    const limit = 4096;
    const server = await startServer({ port: 0, workers: 1, maxBodyBytes: limit, staticDir: os.tmpdir() });
    try {
      const post = async (body: unknown): Promise<{ status: number; body: any }> => {
        const r = await fetch(`${server.url}api/romanize`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        return { status: r.status, body: await r.json() };
      };
      const ok = await post({ text: 'Сокольников и Чайковский', scheme: lc });
      assert.deepEqual([ok.status, ok.body.output], [200, 'Sokolnikov i Chaykovskiy']);
      const bad = await post({ text: 'x', scheme: { ...lc, letters: { ж: 5 } } });
      assert.deepEqual([bad.status, bad.body.error.code, bad.body.error.pointer], [422, 'ERR_SCHEME_INVALID', '/scheme/letters/ж']);
      // A scheme is part of the body: over the limit, it is refused before it is read.
      const big = await post({ text: 'x', scheme: { ...lc, $comment: 'x'.repeat(limit) } });
      assert.deepEqual([big.status, big.body.error.code], [413, 'ERR_TOO_LARGE']);
    } finally {
      await server.close();
    }
  });
});
