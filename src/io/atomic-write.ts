import { randomBytes } from 'node:crypto';
import { promises as fs, constants as fsConstants, fstatSync, rmSync, writeSync, type Stats } from 'node:fs';
import path from 'node:path';
import { LatinitsaError } from '../errors.ts';
import { ioError } from './errors.ts';

/** Options of {@link writeFileAtomic} and {@link openAtomicWriter}. */
export interface WriteFileAtomicOptions {
  /** File mode for a new file; an existing file keeps its own mode (and, where allowed, its owner). */
  mode?: number;
  /**
   * When the target exists and is not a regular file — a device, a FIFO, a socket — there is
   * nothing to replace: `'write'` writes to it directly (`-o /dev/stdout`, `-o fifo`), `'refuse'`
   * (the default, for rewriting a file in place) throws `ERR_IO`. With `'write'`, a regular file
   * that is the process's own stdout or stderr (`-o /dev/stdout >> log.txt`) is written through
   * that stream, not replaced.
   */
  nonRegular?: 'write' | 'refuse';
  /**
   * The file's name in messages, as the user gave it (default: `file`). Given, every error of the
   * writer — opening, writing, committing — is an `ERR_IO` that names it: `cannot write out.bib:
   * is a directory`.
   */
  name?: string;
}

/** What a file is, in words, for messages. */
function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

// Temporary files being written, removed if the process is interrupted (Ctrl-C, kill, hang-up)
// before they are renamed: the signal handlers exist only while one is open.
const temporaries = new Set<string>();
const SIGNALS: readonly NodeJS.Signals[] = process.platform === 'win32' ? ['SIGINT'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];

function removeTemporaries(): void {
  for (const t of temporaries) {
    try {
      rmSync(t, { force: true });
    } catch {
      // Nothing more can be done while exiting.
    }
  }
  temporaries.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeTemporaries();
  // With no other handler, end as the signal would have ended the process (exit status 128 + n).
  const alone = process.listenerCount(signal) === 1;
  untrack();
  if (alone) process.kill(process.pid, signal);
}

function track(file: string): void {
  if (temporaries.size === 0) {
    for (const signal of SIGNALS) process.on(signal, onSignal);
    process.on('exit', removeTemporaries);
  }
  temporaries.add(file);
}

function untrack(file?: string): void {
  if (file !== undefined) temporaries.delete(file);
  if (temporaries.size > 0) return;
  for (const signal of SIGNALS) process.off(signal, onSignal);
  process.off('exit', removeTemporaries);
}

/**
 * Refuses to replace what cannot be replaced without loss: a directory, a file with other hard
 * links (renaming a new file over one name would leave the others with the old content) or a
 * file with no write permission at all (its owner marked it read-only).
 */
function refuseToReplace(file: string, st: Stats): void {
  const fail = (why: string): never => {
    throw new LatinitsaError('ERR_IO', `cannot rewrite ${file}: ${why}`, { file });
  };
  // A directory is the system's own error (EISDIR), worded by ioError with the name the user gave.
  if (st.isDirectory()) throw Object.assign(new Error(`${file}: is a directory`), { code: 'EISDIR' });
  if (st.nlink > 1) fail(`it has ${st.nlink} hard links, and replacing it would leave the other names with the old content (write to a new file instead)`);
  if ((st.mode & 0o222) === 0) fail(`it is read-only (mode ${(st.mode & 0o7777).toString(8).padStart(4, '0')}); make it writable first`);
}

/**
 * The descriptor of the process's own stdout or stderr when that is the regular file `st`
 * (`-o /dev/stdout` with stdout sent to a file, `>` or `>>`), else undefined. Replacing that file
 * would lose what the shell's redirection holds (`>>` appends to a log) and what the process
 * writes to it after (the output goes to the old, unlinked file): it is written through the
 * descriptor, at its offset, as the shell set it up.
 */
function ownOutput(st: Stats): number | undefined {
  for (const fd of [1, 2]) {
    let own: Stats;
    try {
      own = fstatSync(fd);
    } catch {
      continue; // closed
    }
    if (own.isFile() && own.dev === st.dev && own.ino === st.ino) return fd;
  }
  return undefined;
}

/**
 * A writer straight into a device, FIFO or socket, or into the process's own stdout or stderr
 * (`fd`, left open): nothing to rename, nothing to delete.
 */
async function directWriter(target: string, fd?: number): Promise<AtomicWriter> {
  const handle = fd === undefined ? await fs.open(target, fsConstants.O_WRONLY) : undefined;
  const put = async (bytes: Uint8Array, from: number): Promise<number> => (handle === undefined ? writeSync(fd!, bytes, from, bytes.length - from) : (await handle.write(bytes, from, bytes.length - from)).bytesWritten);
  let state: 'open' | 'closed' | 'committed' | 'aborted' = 'open';
  return {
    tempPath: target,
    async write(data) {
      if (state !== 'open') throw new Error(`${target}: write after ${state}`);
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let done = 0; done < bytes.length; ) done += await put(bytes, done);
    },
    async close() {
      if (state !== 'open') return;
      state = 'closed';
      await handle?.close();
    },
    async commit() {
      if (state !== 'open' && state !== 'closed') throw new Error(`${target}: commit after ${state}`);
      if (state === 'open') await handle?.close();
      state = 'committed';
    },
    async abort() {
      if (state !== 'open') return;
      state = 'aborted';
      await handle?.close().catch(() => undefined);
    },
  };
}

/** A file being written atomically: write to it, then `commit` (or `abort`). */
export interface AtomicWriter {
  /** The temporary file (in the target's directory). */
  readonly tempPath: string;
  /** Appends bytes (or UTF-8 text) to the temporary file. */
  write(data: string | Uint8Array): Promise<void>;
  /**
   * Ends the writing: fsyncs and closes the temporary file, which stays until `commit` renames it
   * or `abort` deletes it (so that many files can be written, then all renamed, with one open at a
   * time). `commit` does it when it was not done.
   */
  close(): Promise<void>;
  /** fsyncs the temporary file, renames it over the target and fsyncs the directory. */
  commit(): Promise<void>;
  /** Closes and deletes the temporary file; the target is untouched. Safe to call twice. */
  abort(): Promise<void>;
}

/** The file a write to `file` replaces (through symbolic links) and its status; throws what {@link openAtomicWriter} refuses. */
async function inspectTarget(file: string, options: WriteFileAtomicOptions, shown = file): Promise<{ target: string; st: Stats | undefined }> {
  // Through a symbolic link to the file it names: replacing the link by a file would lose it.
  const target = await fs.realpath(file).catch(() => path.resolve(file));
  const st = await fs.stat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined; // a new file: the default mode
    throw error;
  });
  if (st === undefined) return { target, st };
  if (!st.isFile() && !st.isDirectory()) {
    if (options.nonRegular === 'write') return { target, st };
    throw new LatinitsaError('ERR_IO', `cannot rewrite ${shown}: it is ${kindOf(st)}, not a regular file`, { file: shown });
  }
  refuseToReplace(shown, st);
  return { target, st };
}

/**
 * Checks, before anything is read, that `file` could be rewritten in place by
 * {@link openAtomicWriter} (`--in-place`): a device, FIFO or socket (reading one may never end),
 * a directory, a file with other hard links and a read-only file are refused (`ERR_IO`).
 * `name` is the file's name in messages (default: `file`).
 *
 * @example
 * import { assertReplaceable } from 'latinitsa/io';
 * (await assertReplaceable('/dev/zero').catch((e) => e.message));
 * //=> 'cannot rewrite /dev/zero: it is a character device, not a regular file'
 */
export async function assertReplaceable(file: string, options: { name?: string } = {}): Promise<void> {
  await inspectTarget(file, { nonRegular: 'refuse' }, options.name);
}

/**
 * Opens a temporary file next to `file` for writing in pieces (a stream of any length); `commit`
 * replaces `file` with it in one rename, so that `file` is always either its complete old content
 * or the complete new content. An existing file's permissions (and owner, where the process may
 * set it; set-user-ID and set-group-ID bits where the system keeps them) are kept; a symbolic link
 * stays a link and the file it points to is replaced. A directory, a file with several hard links
 * and a read-only file are refused (`ERR_IO`), and so, unless `nonRegular: 'write'`, is a device,
 * FIFO or socket. If the process is interrupted (SIGINT, SIGTERM, SIGHUP) before `commit`, the
 * temporary file is removed.
 *
 * @example
 * import { openAtomicWriter } from 'latinitsa/io';
 * const { mkdtemp, readFile } = await import('node:fs/promises');
 * const dir = await mkdtemp((await import('node:os')).tmpdir() + '/latinitsa-');
 * const w = await openAtomicWriter(dir + '/out.txt');
 * await w.write('Kirov\r\n');
 * await w.commit();
 * await readFile(dir + '/out.txt', 'utf8');
 * //=> 'Kirov\r\n'
 */
export async function openAtomicWriter(file: string, options: WriteFileAtomicOptions = {}): Promise<AtomicWriter> {
  const name = options.name;
  if (name === undefined) return openWriter(file, options);
  // The system's errors (EISDIR, ENOENT, ENOSPC…) in words, with the name the user gave: `bib -o`
  // and `marc -o` would otherwise say "cannot use a file: is a directory", without the name.
  const named = <T>(promise: Promise<T>): Promise<T> => promise.catch((error: unknown) => Promise.reject(ioError('write', name, error)));
  const writer = await named(openWriter(file, options));
  return { tempPath: writer.tempPath, write: (data) => named(writer.write(data)), close: () => named(writer.close()), commit: () => named(writer.commit()), abort: () => writer.abort() };
}

async function openWriter(file: string, options: WriteFileAtomicOptions): Promise<AtomicWriter> {
  const { target, st } = await inspectTarget(file, options, options.name);
  if (st !== undefined && !st.isFile()) return directWriter(target);
  const own = st !== undefined && options.nonRegular === 'write' ? ownOutput(st) : undefined;
  if (own !== undefined) return directWriter(target, own);
  const dir = path.dirname(target);
  const tempPath = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let mode = options.mode ?? 0o644;
  let owner: { uid: number; gid: number } | undefined;
  if (st !== undefined) {
    mode = st.mode & 0o7777;
    owner = { uid: st.uid, gid: st.gid };
  }
  track(tempPath);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(tempPath, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, mode);
  } catch (error) {
    untrack(tempPath);
    // The file is replaced by a new one made beside it: a folder that lets nobody make a file
    // stops the write even where the file itself is writable; say so, not just "permission denied".
    const code = (error as NodeJS.ErrnoException).code;
    if (st !== undefined && (code === 'EACCES' || code === 'EPERM')) {
      const shown = options.name ?? file;
      throw new LatinitsaError('ERR_IO', `cannot write ${shown}: its folder (${path.dirname(shown)}) does not let a new file be made in it, and a file is rewritten by replacing it with a new one`, { file: shown, cause: error });
    }
    throw error;
  }
  let state: 'open' | 'closed' | 'committed' | 'aborted' = 'open';
  const abort = async (): Promise<void> => {
    if (state !== 'open' && state !== 'closed') return;
    if (state === 'open') await handle.close().catch(() => undefined);
    state = 'aborted';
    await fs.rm(tempPath, { force: true });
    untrack(tempPath);
  };
  const close = async (): Promise<void> => {
    if (state !== 'open') return;
    try {
      // Keep the owner where allowed (root rewriting another user's file); otherwise it is ours.
      if (owner !== undefined) await handle.chown(owner.uid, owner.gid).catch(() => undefined);
      // The umask may have narrowed the mode given to open(); set it exactly (after chown, which may clear set-id bits).
      await handle.chmod(mode);
      await handle.sync();
      await handle.close();
      state = 'closed';
    } catch (error) {
      await abort();
      throw error;
    }
  };
  return {
    tempPath,
    async write(data) {
      if (state !== 'open') throw new Error(`${file}: write after ${state}`);
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let done = 0;
      while (done < bytes.length) {
        const { bytesWritten } = await handle.write(bytes, done, bytes.length - done);
        done += bytesWritten;
      }
    },
    close,
    async commit() {
      if (state !== 'open' && state !== 'closed') throw new Error(`${file}: commit after ${state}`);
      await close();
      try {
        await fs.rename(tempPath, target);
        state = 'committed';
        untrack(tempPath);
      } catch (error) {
        await abort();
        throw error;
      }
      try {
        const dirHandle = await fs.open(dir, 'r');
        await dirHandle.sync().finally(() => dirHandle.close());
      } catch {
        // Some file systems cannot fsync a directory; the rename itself is still atomic.
      }
    },
    abort,
  };
}

/**
 * Writes a file so that it is either the complete old content or the complete new content, never
 * half-written: write a temporary file in the same directory, fsync it, keep the original's
 * permissions, rename it over the target, fsync the directory.
 *
 * @example
 * import { writeFileAtomic } from 'latinitsa/io';
 * const { mkdtemp, readFile } = await import('node:fs/promises');
 * const dir = await mkdtemp((await import('node:os')).tmpdir() + '/latinitsa-');
 * await writeFileAtomic(dir + '/notes.txt', 'Kirov');
 * await readFile(dir + '/notes.txt', 'utf8');
 * //=> 'Kirov'
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, options: WriteFileAtomicOptions = {}): Promise<void> {
  const writer = await openAtomicWriter(file, options);
  try {
    await writer.write(data);
  } catch (error) {
    await writer.abort();
    throw error;
  }
  await writer.commit();
}
