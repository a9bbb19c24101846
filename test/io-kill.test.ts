// Issue 9 item 3: SIGKILL at random moments of `latinitsa --in-place` on a large file never leaves
// a torn file. A short run here (≤ ~25 s); `npm run kill-test` runs longer.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { runKillTest } from '../scripts/kill-test.ts';

const root = path.resolve(import.meta.dirname, '..');

before(() => {
  // `npm test` builds first; a lone run of this file builds only when dist/ is missing.
  if (!existsSync(path.join(root, 'dist', 'cli', 'bin.cjs'))) {
    spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  }
});

describe('in-place rewrites under SIGKILL', () => {
  it('leave each file either the complete original or the complete result, with its mode and CRLF', async () => {
    const report = await runKillTest({ iterations: 60, budgetMs: 14_000, bytes: 4 * 1024 * 1024 });
    process.stdout.write(`# kill test: ${JSON.stringify(report)}\n`);
    assert.ok(report.rounds >= 5, `only ${report.rounds} rounds ran`);
    assert.equal(report.corrupted, 0);
    assert.equal(report.modeLost, 0);
    // The first round kills at once: the original must still be there.
    assert.ok(report.original >= 1);
  });
});
