// The installed command: node bin/latinitsa.js (the compiled CLI) as a separate process.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'latinitsa.js');

before(() => {
  // `npm test` builds first; a lone run of this file builds only when dist/ is missing.
  if (!existsSync(path.join(root, 'dist', 'cli', 'bin.cjs'))) {
    spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  }
});

function run(args: string[], input: string | Buffer): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bin/latinitsa.js', () => {
  it('passes the done-when check of issue 2', () => {
    const r = run([], 'Сергей Миронович Киров, ЦК ВКП(б), Щёлково, Юрий, Зиновьев\n');
    assert.deepEqual(r, { status: 0, stdout: 'Sergei Mironovich Kirov, TsK VKP(b), Shchyolkovo, Yury, Zinoviev\n', stderr: '' });
  });

  it('exits 2 with one line on stderr for invalid UTF-8, naming the byte offset and the likely encoding', () => {
    const r = run([], Buffer.from([0x4b, 0xe8, 0xf0, 0xee, 0xe2, 0x20, 0xd1, 0xe5, 0xf0, 0xe3, 0xe5, 0xe9, 0x0a]));
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'latinitsa: <stdin>: invalid UTF-8 at byte offset 1 (the bytes look like windows-1251: try --encoding windows-1251)\n');
  });

  it('--demo prints the romanized sample', () => {
    const r = run(['--demo'], '');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /Sergei Mironovich Kirov/);
  });

  it('-o /dev/stdout into a file the shell writes (>> or >) writes through stdout: what the file held and what is written after stay', { skip: existsSync('/dev/stdout') ? false : 'no /dev/stdout' }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'latinitsa-stdout-'));
    try {
      const log = path.join(dir, 'log.txt');
      writeFileSync(log, 'keep\n');
      for (const [flags, stream] of [['a', 1], ['a', 2]] as const) {
        const fd = openSync(log, flags);
        try {
          const stdio: Array<'ignore' | 'pipe' | number> = ['ignore', 'pipe', 'pipe'];
          stdio[stream] = fd;
          const r = spawnSync(process.execPath, [bin, '-o', stream === 1 ? '/dev/stdout' : '/dev/stderr', 'Москва'], { cwd: root, stdio, encoding: 'utf8' });
          assert.equal(r.status, 0, String(r.stderr));
        } finally {
          closeSync(fd);
        }
      }
      assert.equal(readFileSync(log, 'utf8'), 'keep\nMoskva\nMoskva\n');
      // `{ echo header; latinitsa -o /dev/stdout …; echo footer; } > file`: after what the shell wrote, before what it writes next.
      const fd = openSync(log, 'w');
      try {
        writeSync(fd, 'header\n');
        assert.equal(spawnSync(process.execPath, [bin, '-o', '/dev/stdout', 'Киров'], { cwd: root, stdio: ['ignore', fd, 'pipe'] }).status, 0);
        writeSync(fd, 'footer\n');
      } finally {
        closeSync(fd);
      }
      assert.equal(readFileSync(log, 'utf8'), 'header\nKirov\nfooter\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--in-place in a folder that lets no file be made says that the folder stops it, and the file stays', (t) => {
    // As another user than the folder's owner: root itself may make a file anywhere, so as root
    // the command runs as nobody (runuser), on a file nobody may write in a folder nobody may not.
    const asRoot = process.getuid?.() === 0;
    const as = (args: string[]) => (asRoot ? spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, bin, ...args], { cwd: root, encoding: 'utf8' }) : spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' }));
    if (process.platform === 'win32' || (asRoot && as(['Киров']).stdout !== 'Kirov\n')) return t.skip('cannot run the command as another user here');
    const dir = mkdtempSync(path.join(tmpdir(), 'latinitsa-folder-'));
    try {
      chmodSync(dir, 0o755);
      const file = path.join(dir, 'b.txt');
      writeFileSync(file, 'Киров\n', { mode: 0o666 });
      chmodSync(file, 0o666);
      chmodSync(dir, 0o555);
      const r = as(['--in-place', '-i', file]);
      assert.equal(r.status, 2);
      assert.equal(r.stderr, `latinitsa: cannot write ${file}: its folder (${dir}) does not let a new file be made in it, and a file is rewritten by replacing it with a new one\n`);
      assert.equal(readFileSync(file, 'utf8'), 'Киров\n');
    } finally {
      chmodSync(dir, 0o755);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ends quietly when the reader closes the pipe early (latinitsa … | head -1)', async () => {
    const child = spawn(process.execPath, [bin], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const first = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    const line = 'Сергей Миронович Киров, ЦК ВКП(б)\n'.repeat(1000);
    const feed = (): void => {
      // Keep writing until the child is gone.
      if (child.stdin.destroyed) return;
      child.stdin.write(line, () => setImmediate(feed));
    };
    child.stdin.on('error', () => undefined);
    feed();
    await first;
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    child.stdin.destroy();
    assert.equal(stderr, '');
    assert.equal(code, 0);
  });
});

// On Node before 22.1 the bin script keeps V8's code cache of the bundle itself (docs/performance.md,
// Start-up); later Node keeps its own.
describe('bin/latinitsa.js: its compile cache on Node 20', { skip: 'enableCompileCache' in Module ? 'Node keeps its own compile cache' : false }, () => {
  const inTmp = (tmp: string, args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } => {
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, TMPDIR: tmp, ...env } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const folderIn = (tmp: string): string => path.join(tmp, `latinitsa-compile-cache-${process.getuid?.() ?? 'user'}`);
  const ok = { status: 0, stdout: 'Shchukin\n', stderr: '' };

  it('is written once, used after, and a damaged one is replaced', () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'latinitsa-cache-'));
    try {
      assert.deepEqual(inTmp(tmp, ['Щукин']), ok);
      const [name, ...more] = readdirSync(folderIn(tmp));
      assert.ok(name !== undefined && name.endsWith('.cache') && more.length === 0, `one cache file, not ${[name, ...more].join(', ')}`);
      const file = path.join(folderIn(tmp), name);
      const written = statSync(file).mtimeMs;
      assert.deepEqual(inTmp(tmp, ['Щукин']), ok);
      assert.equal(statSync(file).mtimeMs, written, 'a run with a cache does not write it again');
      writeFileSync(file, 'not a code cache');
      assert.deepEqual(inTmp(tmp, ['Щукин']), ok);
      assert.notEqual(readFileSync(file, 'utf8'), 'not a code cache');
      assert.deepEqual(inTmp(tmp, ['schemes', '--json']).status, 0);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it("removes its own install's earlier caches, not another install's", () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'latinitsa-cache-'));
    try {
      assert.deepEqual(inTmp(tmp, ['Щукин']), ok);
      const [name] = readdirSync(folderIn(tmp));
      // bin-<install>-<size>-<time>-<inode>-<V8>.cache: an earlier build of this install, and a build of another install.
      const install = name!.split('-').slice(0, 2).join('-');
      const earlier = `${install}-1-2-3-${process.versions.v8}.cache`;
      const other = `bin-${install[4] === '0' ? '1' : '0'}${install.slice(5)}-1-2-3-${process.versions.v8}.cache`;
      rmSync(path.join(folderIn(tmp), name!));
      writeFileSync(path.join(folderIn(tmp), earlier), 'x');
      writeFileSync(path.join(folderIn(tmp), other), 'x');
      assert.deepEqual(inTmp(tmp, ['Щукин']), ok);
      assert.deepEqual(readdirSync(folderIn(tmp)).sort(), [name!, other].sort());
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('is not kept in a folder that others may write, nor when NODE_DISABLE_COMPILE_CACHE is set', () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'latinitsa-cache-'));
    try {
      assert.deepEqual(inTmp(tmp, ['Щукин'], { NODE_DISABLE_COMPILE_CACHE: '1' }), ok);
      assert.equal(existsSync(folderIn(tmp)), false);
      mkdirSync(folderIn(tmp));
      chmodSync(folderIn(tmp), 0o777);
      assert.deepEqual(inTmp(tmp, ['Щукин']), ok);
      assert.deepEqual(readdirSync(folderIn(tmp)), []);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
