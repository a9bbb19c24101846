// The public API of the core entry point: adding or removing an export is a deliberate change.
import assert from 'node:assert/strict';
import { it } from 'node:test';

it('the core exports what the README documents, at least', async () => {
  const names = Object.keys(await import('../src/index.ts')).sort();
  for (const name of ['LatinitsaError', 'explain', 'getLanguage', 'getScheme', 'listSchemes', 'loadScheme', 'normalizeInput', 'romanize', 'validateScheme']) {
    assert.ok(names.includes(name), `missing export ${name}`);
  }
});

it('the core imports nothing from node: (it must run in a browser)', async () => {
  const { build } = await import('esbuild');
  const result = await build({ entryPoints: ['src/index.ts'], bundle: true, write: false, platform: 'browser', format: 'esm', logLevel: 'silent', metafile: true });
  const inputs = Object.keys(result.metafile.inputs);
  assert.ok(!inputs.some((i) => i.startsWith('node:')), inputs.filter((i) => i.startsWith('node:')).join(', '));
});
