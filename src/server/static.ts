// Static files of the web page: only files inside the static folder, never outside it (no `..`,
// no encoded separators, no NUL, no dotfiles, no symlink that leads out).
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where the built web page lives: `dist/web` in the package (for both src/ and dist/ runs).
 *
 * @example
 * import { defaultStaticDir } from 'latinitsa/server';
 * defaultStaticDir.endsWith('/dist/web');
 * //=> true
 */
export const defaultStaticDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'dist', 'web');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** What a static request resolves to. */
export type StaticResult = { status: 200; file: string; type: string; size: number } | { status: 400 | 404; message: string };

/**
 * Maps a URL path (`/`, `/index.html`, `/latinitsa.html`) to a file inside `staticDir`, or says
 * why not (400 for a malformed path, 404 for anything missing or outside the folder).
 *
 * @example
 * import { resolveStatic } from 'latinitsa/server';
 * (await resolveStatic('/tmp', '/%2e%2e/etc/passwd')).status;
 * //=> 404
 */
export async function resolveStatic(staticDir: string, urlPath: string): Promise<StaticResult> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { status: 400, message: 'malformed percent-encoding in the path' };
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return { status: 400, message: 'malformed path' };
  const parts = decoded.split('/').filter((p) => p !== '');
  if (parts.some((p) => p.startsWith('.'))) return { status: 404, message: 'not found' };
  const relative = parts.length === 0 ? 'index.html' : parts.join('/');
  const root = path.resolve(staticDir);
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep)) return { status: 404, message: 'not found' };
  const type = types[path.extname(file).toLowerCase()];
  if (type === undefined) return { status: 404, message: 'not found' };
  try {
    const [realRoot, real] = await Promise.all([realpath(root), realpath(file)]);
    if (!real.startsWith(realRoot + path.sep)) return { status: 404, message: 'not found' };
    const info = await stat(real);
    if (!info.isFile()) return { status: 404, message: 'not found' };
    return { status: 200, file: real, type, size: info.size };
  } catch {
    return { status: 404, message: 'not found' };
  }
}
