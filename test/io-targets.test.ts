// What the CLI writes to, and what it refuses to replace: devices, FIFOs and sockets (-o writes
// into them, --in-place refuses them before reading), files with other hard links, read-only and
// set-group-ID files, temporary files on Ctrl-C, and the words of the errors a user meets most:
// a UTF-16 file, the file-size limit. docs/cli.md, "Files".
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { readStdin } from '../src/cli/input.ts';
import { main } from '../src/cli/main.ts';
import { runCli } from './support/cli.ts';
import { fixturesDir } from './support/fixtures.ts';

const root = path.resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'latinitsa-targets-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const fresh = (): string => {
  const dir = path.join(tmp, String(n++));
  rmSync(dir, { recursive: true, force: true });
  spawnSync('mkdir', ['-p', dir]);
  return dir;
};
const mkfifo = (file: string): void => {
  assert.equal(spawnSync('mkfifo', [file]).status, 0);
};
const temporaries = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.tmp'));
/** Fails after `ms` instead of hanging (a FIFO nobody opens blocks for ever). */
const within = <T>(ms: number, p: Promise<T>): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);
/** The CLI from the sources as a process of its own; no tsx cache writes (a file-size limit must hit only the output). */
const tsx = import.meta.resolve('tsx');
const cli = (args: string[], options: { cwd: string; shell?: string }) =>
  spawn(options.shell === undefined ? process.execPath : '/bin/sh', options.shell === undefined ? ['--import', tsx, path.join(root, 'test/support/cli-main.ts'), ...args] : ['-c', `${options.shell}; t=$1; shift; exec "$0" --import "$t" "$@"`, process.execPath, tsx, path.join(root, 'test/support/cli-main.ts'), ...args], {
    cwd: options.cwd,
    env: { ...process.env, TSX_DISABLE_CACHE: '1', NODE_OPTIONS: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
const ended = (child: ReturnType<typeof cli>): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> =>
  new Promise((resolve) => {
    let stderr = '';
    // A process that ends early closes its stdin: what is left unwritten is not the test's concern.
    child.stdin!.on('error', () => undefined);
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });

describe('devices, FIFOs and sockets', () => {
  it('-o FIFO writes into the FIFO, which stays a FIFO', { timeout: 20_000 }, async () => {
    const dir = fresh();
    const fifo = path.join(dir, 'out');
    mkfifo(fifo);
    const reader = readFile(fifo, 'utf8');
    const run = await within(10_000, runCli(['-o', 'out'], { cwd: dir, stdin: 'Киров\n' }));
    assert.equal(run.stderr, '');
    assert.equal(run.code, 0);
    assert.equal(await within(10_000, reader), 'Kirov\n');
    assert.ok(statSync(fifo).isFIFO());
    assert.deepEqual(temporaries(dir), []);
  });

  it('--in-place on a FIFO, a socket or a device is refused before anything is read', { timeout: 20_000 }, async () => {
    const dir = fresh();
    mkfifo(path.join(dir, 'fifo'));
    const server = createServer().listen(path.join(dir, 'sock'));
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      for (const [name, kind] of [['fifo', 'a FIFO'], ['sock', 'a socket'], ['/dev/zero', 'a character device']] as const) {
        const run = await within(10_000, runCli(['--in-place', '-i', name], { cwd: dir }));
        assert.equal(run.code, 2, name);
        assert.equal(run.stderr, `latinitsa: cannot rewrite ${name}: it is ${kind}, not a regular file\n`);
      }
      const bib = await within(10_000, runCli(['bib', '--in-place', 'fifo'], { cwd: dir }));
      assert.equal(bib.code, 2);
      assert.match(bib.stderr, /cannot rewrite fifo: it is a FIFO, not a regular file/u);
      assert.ok(statSync(path.join(dir, 'fifo')).isFIFO());
      assert.deepEqual(temporaries(dir), []);
    } finally {
      server.close();
    }
  });
});

// Found by a hand-written harness of the CLI on folders, FIFOs, links and read-only files: `check
// --fix`, `cite` and `bib` named the file by its absolute path ("cannot read /tmp/…/sub"), where
// every other command names it as the user wrote it.
describe('errors name the file as the user wrote it', () => {
  it('check --fix, cite and bib on a folder, a FIFO and a read-only file', { timeout: 30_000 }, async () => {
    const dir = fresh();
    spawnSync('mkdir', ['-p', path.join(dir, 'sub')]);
    mkfifo(path.join(dir, 'fifo'));
    writeFileSync(path.join(dir, 'ro.md'), 'Zinoviev met Zinoviev and Zinovyev and Zinoviev. Zinoviev again.\n');
    chmodSync(path.join(dir, 'ro.md'), 0o400);
    for (const [args, message] of [
      // cite takes folders as check does (an empty one is named, as check names it).
      [['cite', 'sub'], 'cannot read sub: no .md .markdown .mdx .txt .docx file in this folder'],
      [['bib', 'sub'], 'cannot read sub: is a directory'],
      [['check', 'fifo', '--fix'], 'cannot rewrite fifo: it is a FIFO, not a regular file'],
      [['check', 'ro.md', '--fix'], 'cannot rewrite ro.md: it is read-only (mode 0400); make it writable first'],
      [['check', 'ro.md', '--config', 'sub'], 'cannot read sub: is a directory'],
      [['check', 'ro.md', '--config', 'none.json'], 'cannot read none.json: no such file'],
      // A folder given to --in-place cannot be read, as without it (it said "cannot write").
      [['--in-place', '-i', 'sub'], 'cannot read sub: is a directory'],
      [['--in-place', '-i', 'sub', '-i', 'ro.md'], 'cannot read sub: is a directory'],
    ] as const) {
      // A FIFO read needs a writer at the other end (a process of its own: opening a FIFO blocks).
      if ((args as readonly string[]).includes('fifo')) spawn('/bin/sh', ['-c', 'cat ro.md > fifo'], { cwd: dir, stdio: 'ignore' });
      const run = await within(20_000, runCli([...args], { cwd: dir }));
      assert.equal(run.stderr, `latinitsa: ${message}\n`, args.join(' '));
      assert.equal(run.code, 2);
    }
  });
});

// Found by the twelfth session's audit: the files bib and marc write (-o, --rejects, --report)
// were not named at all ("cannot use a file: is a directory").
describe('errors name the output file as the user wrote it', () => {
  it('bib -o, marc -o, --rejects and --report onto a folder or into a missing one; no temporary file left', async () => {
    const dir = fresh();
    spawnSync('mkdir', ['-p', path.join(dir, 'sub')]);
    writeFileSync(path.join(dir, 'refs.bib'), '@book{k, author={Зиновьев, Григорий}, title={Ленинизм}, year={1925}}\n');
    const records = path.join(import.meta.dirname, 'fixtures', 'marc', 'real', 'records.mrc');
    for (const [args, message] of [
      [['bib', 'refs.bib', '-o', 'sub'], 'cannot write sub: is a directory'],
      [['bib', 'refs.bib', '-o', 'none/refs.bib'], 'cannot write none/refs.bib: no such file'],
      [['marc', 'romanize', records, '-o', 'sub'], 'cannot write sub: is a directory'],
      [['marc', 'romanize', records, '-o', 'out.mrc', '--rejects', 'sub'], 'cannot write sub: is a directory'],
      [['marc', 'vernacular', records, '-o', 'out.mrc', '--report', 'none/report.txt'], 'cannot write none/report.txt: no such file'],
    ] as const) {
      const run = await runCli([...args], { cwd: dir });
      assert.equal(run.stderr, `latinitsa: ${message}\n`, args.join(' '));
      assert.equal(run.code, 2);
    }
    assert.deepEqual(readdirSync(dir).sort(), ['refs.bib', 'sub']);
  });
});

/** `COMMAND a.md b.md --fix` on two copies of `text`, b.md read-only: refused, a.md unchanged. Returns the folder. */
async function fixRefused(command: string, text: string): Promise<string> {
  const dir = fresh();
  for (const f of ['a.md', 'b.md']) writeFileSync(path.join(dir, f), text);
  chmodSync(path.join(dir, 'b.md'), 0o400);
  const run = await runCli([command, 'a.md', 'b.md', '--fix'], { cwd: dir });
  assert.equal(run.stderr, 'latinitsa: cannot rewrite b.md: it is read-only (mode 0400); make it writable first\n');
  assert.equal(run.code, 2);
  assert.equal(readFileSync(path.join(dir, 'a.md'), 'utf8'), text);
  return dir;
}

// Found by the same harness: `check a.md b.md --fix` with b.md read-only rewrote a.md, then
// stopped on b.md with exit 2 and no word that a.md had changed.
it('check --fix on a work with a file it cannot rewrite changes none of its files', async () => {
  const dir = await fixRefused('check', 'Zinoviev met Zinoviev and Zinovyev and Zinoviev. Zinoviev again.\n');
  // Writable again, both are fixed.
  chmodSync(path.join(dir, 'b.md'), 0o600);
  assert.equal((await runCli(['check', 'a.md', 'b.md', '--fix'], { cwd: dir })).code, 0);
  assert.ok(!readFileSync(path.join(dir, 'a.md'), 'utf8').includes('Zinovyev') && !readFileSync(path.join(dir, 'b.md'), 'utf8').includes('Zinovyev'));
});

// The same for `cite --fix`, which read, fixed and wrote file by file; and a file named twice
// (a.md ./a.md) is read once, as `check` reads it.
it('cite --fix on files one of which it cannot rewrite changes none; a file named twice is fixed once', async () => {
  // The first reference is in the minority style: it is rewritten in the other.
  const text = 'РГАСПИ. Ф. 17. Оп. 3. Д. 703. Л. 1–2 об. Also RGASPI, f. 17, op. 3, d. 704, l. 5; RGASPI, f. 17, op. 3, d. 705, l. 6.\n';
  const dir = await fixRefused('cite', text);
  const twice = await runCli(['cite', 'a.md', './a.md', '--fix'], { cwd: dir });
  assert.match(twice.stderr, /^latinitsa cite: rewrote 1 reference\n/u);
  assert.notEqual(readFileSync(path.join(dir, 'a.md'), 'utf8'), text);
});

describe('files that cannot be replaced without loss', () => {
  it('refuses to rewrite a file with other hard links, and both names keep their content', async () => {
    const dir = fresh();
    writeFileSync(path.join(dir, 'a.txt'), 'Киров\n');
    linkSync(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
    const run = await runCli(['--in-place', '-i', 'a.txt'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^latinitsa: cannot rewrite a\.txt: it has 2 hard links, and replacing it would leave the other names with the old content/u);
    assert.equal(readFileSync(path.join(dir, 'a.txt'), 'utf8'), 'Киров\n');
    assert.equal(statSync(path.join(dir, 'a.txt')).ino, statSync(path.join(dir, 'b.txt')).ino);
  });

  it('refuses to rewrite a read-only (0400) file, even for root', async () => {
    const dir = fresh();
    const file = path.join(dir, 'a.txt');
    writeFileSync(file, 'Киров\n');
    chmodSync(file, 0o400);
    const run = await runCli(['--in-place', '-i', 'a.txt'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'latinitsa: cannot rewrite a.txt: it is read-only (mode 0400); make it writable first\n');
    assert.equal(readFileSync(file, 'utf8'), 'Киров\n');
    assert.equal(statSync(file).mode & 0o7777, 0o400);
  });

  it('keeps the set-group-ID bit and the mode of a file it rewrites', async () => {
    const dir = fresh();
    const file = path.join(dir, 'a.txt');
    writeFileSync(file, 'Киров\n');
    chmodSync(file, 0o2640);
    const run = await runCli(['--in-place', '-i', 'a.txt'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readFileSync(file, 'utf8'), 'Kirov\n');
    assert.equal(statSync(file).mode & 0o7777, 0o2640);
  });
});

describe('interrupted and failed writes', () => {
  it('Ctrl-C (SIGINT) while -o is writing removes the temporary file and ends as SIGINT would', { timeout: 60_000 }, async () => {
    const dir = fresh();
    const child = cli(['-o', 'out.txt'], { cwd: dir });
    const done = ended(child);
    child.stdin!.write('Киров\n'.repeat(1000));
    // Wait until the temporary file exists: the command is writing.
    for (let k = 0; k < 400 && temporaries(dir).length === 0; k++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(temporaries(dir).length, 1, 'no temporary file appeared');
    child.kill('SIGINT');
    const result = await done;
    assert.equal(result.signal, 'SIGINT', result.stderr);
    assert.deepEqual(readdirSync(dir), []);
  });

  it('a write over the file-size limit (ulimit -f) says so, and leaves no temporary file', { timeout: 60_000 }, async () => {
    const dir = fresh();
    const child = cli(['-o', 'out.txt'], { cwd: dir, shell: 'ulimit -f 64' });
    const done = ended(child);
    child.stdin!.end('Киров\n'.repeat(20_000));
    const result = await done;
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'latinitsa: cannot write out.txt: the file is too large for the file-size limit (ulimit -f)\n');
    assert.deepEqual(readdirSync(dir), []);
  });
});

describe('what a UTF-16 file is called', () => {
  it('says that the input looks like UTF-16 by its byte-order mark, on stdin and in files', async () => {
    const dir = fresh();
    const utf16 = Buffer.from('\uFEFFКиров Зиновьев\n', 'utf16le');
    const stdin = await runCli([], { stdin: utf16 });
    assert.equal(stdin.code, 2);
    assert.equal(stdin.stderr, 'latinitsa: <stdin>: invalid UTF-8 at byte offset 0 (this looks like UTF-16 (it starts with the byte-order mark FF FE): save it as UTF-8)\n');
    writeFileSync(path.join(dir, 'a.txt'), utf16);
    const check = await runCli(['check', 'a.txt'], { cwd: dir });
    assert.equal(check.code, 2);
    assert.match(check.stderr, /a\.txt: invalid UTF-8 at byte offset 0 \(this looks like UTF-16 \(it starts with the byte-order mark FF FE\): save it as UTF-8\)/u);
    assert.ok(!existsSync(path.join(dir, '.a.txt.tmp')));
  });
});

describe('what a .docx read as text is called', () => {
  it('says that a manuscript on stdin or named .txt looks like a zip archive and how to read it as a .docx', async () => {
    const dir = fresh();
    const docx = readFileSync(path.join(fixturesDir, 'manuscripts', 'book.docx'));
    const stdin = await runCli(['check', '-'], { stdin: docx });
    assert.equal(stdin.code, 2);
    assert.match(stdin.stderr, /^latinitsa: <stdin>: invalid UTF-8 at byte offset \d+ \(this looks like a zip archive, such as a \.docx: name it \.docx, or give --input-format docx\)\n$/u);
    writeFileSync(path.join(dir, 'book.txt'), docx);
    assert.match((await runCli(['check', 'book.txt'], { cwd: dir })).stderr, /book\.txt: invalid UTF-8 .*looks like a zip archive/u);
    // As it says: read as a .docx, it is checked.
    assert.equal((await runCli(['check', '--input-format', 'docx', '-'], { stdin: docx })).code, 1);
  });
});

describe('stdin has the size limit of a file', () => {
  /** A stdin like `yes` (it ends at 80 MiB, so that a reader without a limit fails the test rather than the machine), counting what was read of it. */
  const endless = () => {
    const chunk = Buffer.alloc(1 << 20, 'Kirov ');
    let read = 0;
    const stdin = new Readable({
      read() {
        read += chunk.length;
        this.push(read > 80 << 20 ? null : chunk);
      },
    });
    return { stdin, read: () => read };
  };
  const sink = () => new PassThrough().resume();

  it('reverse and convert stop reading an endless stdin at 64 MiB with a clean error', { timeout: 60_000 }, async () => {
    for (const args of [['reverse'], ['convert', '-f', 'ala-lc', '-t', 'modified-loc']]) {
      const { stdin, read } = endless();
      const stderr = new PassThrough();
      let said = '';
      stderr.on('data', (b: Buffer) => (said += b.toString()));
      const code = await main(args, { stdin, stdout: sink(), stderr, cwd: tmp, env: {} });
      assert.equal(code, 2);
      assert.equal(said, `latinitsa: <stdin>: more than the limit of ${64 * 1024 * 1024} bytes (give the text in parts: a file has the same limit)\n`);
      assert.ok(read() < 70 << 20, `read ${read()} bytes`);
    }
  });

  it('romanize --json and --lang auto (which read the text whole) stop at the same 64 MiB', { timeout: 60_000 }, async () => {
    for (const args of [['--json'], ['--lang', 'auto']]) {
      const { stdin, read } = endless();
      const stderr = new PassThrough();
      let said = '';
      stderr.on('data', (b: Buffer) => (said += b.toString()));
      const code = await main(args, { stdin, stdout: sink(), stderr, cwd: tmp, env: {} });
      assert.equal(said, `latinitsa: <stdin>: more than the limit of ${64 * 1024 * 1024} bytes for --json and --lang auto (give the text in parts, or name the language)\n`);
      assert.equal(code, 2);
      assert.ok(read() < 70 << 20, `read ${read()} bytes`);
    }
  });

  it('check reads stdin up to the limit of a manuscript', async () => {
    const { stdin } = endless();
    await assert.rejects(readStdin({ stdin, stdout: sink(), stderr: sink(), cwd: tmp, env: {} }, { maxBytes: 3 << 20 }), /<stdin>: more than the limit of 3145728 bytes/u);
  });
});
