import { randomBytes } from 'node:crypto';
import { promises as fs, constants as fsConstants } from 'node:fs';
import path from 'node:path';

/** Options of {@link writeFileAtomic} and {@link openAtomicWriter}. */
export interface WriteFileAtomicOptions {
  /** File mode for a new file; an existing file keeps its own mode (and, where allowed, its owner). */
  mode?: number;
}

/** A file being written atomically: write to it, then `commit` (or `abort`). */
export interface AtomicWriter {
  /** The temporary file (in the target's directory). */
  readonly tempPath: string;
  /** Appends bytes (or UTF-8 text) to the temporary file. */
  write(data: string | Uint8Array): Promise<void>;
  /** fsyncs the temporary file, renames it over the target and fsyncs the directory. */
  commit(): Promise<void>;
  /** Closes and deletes the temporary file; the target is untouched. Safe to call twice. */
  abort(): Promise<void>;
}

/**
 * Opens a temporary file next to `file` for writing in pieces (a stream of any length); `commit`
 * replaces `file` with it in one rename, so that `file` is always either its complete old content
 * or the complete new content. An existing file's permissions (and owner, where the process may
 * set it) are kept; a symbolic link stays a link and the file it points to is replaced.
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
  // Through a symbolic link to the file it names: replacing the link by a file would lose it.
  const target = await fs.realpath(file).catch(() => path.resolve(file));
  const dir = path.dirname(target);
  const tempPath = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let mode = options.mode ?? 0o644;
  let owner: { uid: number; gid: number } | undefined;
  try {
    const st = await fs.stat(target);
    mode = st.mode & 0o7777;
    owner = { uid: st.uid, gid: st.gid };
  } catch {
    // A new file: keep the default mode.
  }
  const handle = await fs.open(tempPath, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, mode);
  let state: 'open' | 'committed' | 'aborted' = 'open';
  const abort = async (): Promise<void> => {
    if (state !== 'open') return;
    state = 'aborted';
    await handle.close().catch(() => undefined);
    await fs.rm(tempPath, { force: true });
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
    async commit() {
      if (state !== 'open') throw new Error(`${file}: commit after ${state}`);
      try {
        // Keep the owner where allowed (root rewriting another user's file); otherwise it is ours.
        if (owner !== undefined) await handle.chown(owner.uid, owner.gid).catch(() => undefined);
        // The umask may have narrowed the mode given to open(); set it exactly (after chown, which may clear set-id bits).
        await handle.chmod(mode);
        await handle.sync();
        await handle.close();
        state = 'committed';
        await fs.rename(tempPath, target);
      } catch (error) {
        state = 'open';
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
