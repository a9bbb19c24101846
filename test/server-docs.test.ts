// The server's documentation route (GET /api: the page built from the OpenAPI document) and the
// scheme detection route (POST /api/detect).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { handleApi } from '../src/server/api.ts';
import { startServer, type RunningServer } from '../src/server/index.ts';

describe('GET /api serves the API documentation page', () => {
  let dir: string;
  let server: RunningServer;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'latinitsa-api-docs-'));
    writeFileSync(path.join(dir, 'api.html'), '<!doctype html><title>API</title><script>1</script>');
    server = await startServer({ port: 0, staticDir: dir, workers: 0 });
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const route of ['api', 'api/']) {
    it(`/${route}`, async () => {
      const res = await fetch(`${server.url}${route}`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'sha256-/);
      assert.match(await res.text(), /<title>API<\/title>/);
    });
  }

  it('leaves the JSON routes and POST /api alone', async () => {
    assert.equal((await fetch(`${server.url}api/schemes`)).status, 200);
    assert.equal((await fetch(`${server.url}api`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status, 404);
  });
});

describe('POST /api/detect', () => {
  const post = (body: unknown) => handleApi({ method: 'POST', path: '/api/detect', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('names the scheme of a text and the schemes it fits', async () => {
    const res = await post({ text: "Zinov'ev, Iurii, Kuibyshev, Dzerzhinskii" });
    assert.equal(res.status, 200);
    const r = JSON.parse(String(res.body)) as { scheme: string; plausible: string[]; ranking: unknown[]; lexicon: boolean };
    assert.equal(r.scheme, 'ala-lc-simplified');
    assert.ok(!r.plausible.includes('modified-loc'));
    assert.equal(typeof r.lexicon, 'boolean');
  });

  it('rejects malformed fields with 400, and bad values and unknown schemes with 422', async () => {
    assert.equal((await post({})).status, 400);
    assert.equal((await post({ text: 'Kirov', maxWords: 0 })).status, 422);
    assert.equal((await post({ text: 'Kirov', schemes: 'ala-lc' })).status, 400);
    assert.equal((await post({ text: 'Kirov', schemes: ['no-such'] })).status, 422);
  });

  it('lists a scheme named twice once', async () => {
    const res = await post({ text: "Zinov'ev", schemes: ['ala-lc', 'ala-lc', 'modified-loc'] });
    assert.equal(res.status, 200);
    const r = JSON.parse(String(res.body)) as { scheme: string; plausible: string[]; ranking: { scheme: string }[] };
    assert.equal(r.scheme, 'ala-lc');
    assert.deepEqual(r.plausible, ['ala-lc']);
    assert.deepEqual(r.ranking.map((f) => f.scheme), ['ala-lc', 'modified-loc']);
  });
});
