import { randomBytes } from 'node:crypto';
import { promises as fs, constants as fsConstants } from 'node:fs';
import path from 'node:path';

/** Options of {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /** File mode for a new file; an existing file keeps its own mode. */
  mode?: number;
}

/**
 * Writes a file so that it is either the complete old content or the complete new content, never
 * half-written: write a temporary file in the same directory, fsync it, keep the original's
 * permissions, rename it over the target, fsync the directory.
 *
 * @example
 * import { writeFileAtomic } from 'latinitsa/io';
 * await writeFileAtomic('notes.txt', 'Kirov');
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, options: WriteFileAtomicOptions = {}): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  let mode = options.mode ?? 0o644;
  try {
    mode = (await fs.stat(file)).mode & 0o7777;
  } catch {
    // A new file: keep the default mode.
  }
  const handle = await fs.open(tmp, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, mode);
  try {
    await handle.writeFile(data);
    await handle.chmod(mode);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(tmp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await fs.rename(tmp, file);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    throw error;
  }
  try {
    const dirHandle = await fs.open(dir, 'r');
    await dirHandle.sync().finally(() => dirHandle.close());
  } catch {
    // Some file systems cannot fsync a directory; the rename itself is still atomic.
  }
}
