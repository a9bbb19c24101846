// Which files a command that reads manuscripts is given: names as written, folders (searched for
// the document formats it reads) and glob patterns a shell left unexpanded (quoted, or on Windows).
// The rules are in docs/cli.md ("Files, folders and globs").
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { LatinitsaError } from '../errors.ts';
import { ioError } from '../io/errors.ts';

/** Folders never searched: version control, dependencies, hidden folders. */
const SKIPPED = /^(?:\..+|node_modules)$/u;
const GLOB = /[*?[{]/u;

/** What a folder given to `check` is searched for: the formats docs/documents.md describes. */
export const MANUSCRIPT_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.mdx', '.txt', '.docx'];

/** A glob pattern as a regular expression over `/`-separated relative paths. */
export function globToRegExp(pattern: string): RegExp {
  let out = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        // `**/` is any number of folders, a trailing `**` anything.
        const slash = pattern[i + 2] === '/';
        out += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end === -1) out += '\\[';
      else {
        const body = pattern.slice(i + 1, end).replace(/\\/gu, '\\\\');
        out += body.startsWith('!') ? `[^/${body.slice(1)}]` : `[${body}]`;
        i = end;
      }
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else out += c.replace(/[.+^$()|\\\]}]/gu, '\\$&');
  }
  return new RegExp(`^${out}$`, 'u');
}

/** Every file under `dir` (depth-first, sorted), as paths relative to it with `/`. */
async function walk(dir: string, shown: string): Promise<string[]> {
  const out: string[] = [];
  const stack = [''];
  while (stack.length > 0) {
    const rel = stack.pop()!;
    let entries;
    try {
      entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    } catch (error) {
      throw ioError('read', rel === '' ? shown : path.join(shown, rel), error);
    }
    const folders: string[] = [];
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const name = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (!SKIPPED.test(e.name)) folders.push(name);
      } else if (e.isFile()) out.push(name);
    }
    // Reversed so that the stack visits folders in sorted order.
    stack.push(...folders.reverse());
  }
  return out.sort();
}

/**
 * The files to read for names given on the command line, relative to `cwd`: a file as it is, a
 * folder as the files under it whose extension is in `extensions`, a pattern with `* ? [ {` as the
 * matching files. `-` stays `-` (stdin). A pattern that matches nothing, or a name that does not
 * exist, is an error naming it, so a typo never passes as "no findings".
 */
export async function expandFileArguments(names: readonly string[], options: { cwd: string; extensions: readonly string[] }): Promise<string[]> {
  const out: string[] = [];
  const wanted = (file: string): boolean => options.extensions.includes(path.extname(file).toLowerCase());
  for (const name of names) {
    if (name === '-') {
      out.push(name);
      continue;
    }
    const full = path.resolve(options.cwd, name);
    let info;
    try {
      info = await stat(full);
    } catch (error) {
      if (!GLOB.test(name)) throw ioError('read', name, error);
    }
    if (info !== undefined && !info.isDirectory()) {
      out.push(name);
      continue;
    }
    if (info !== undefined) {
      const files = (await walk(full, name)).filter(wanted);
      if (files.length === 0) throw new LatinitsaError('ERR_IO', `cannot read ${name}: no ${options.extensions.join(' ')} file in this folder`, { file: name });
      out.push(...files.map((f) => path.join(name, f)));
      continue;
    }
    // A pattern: search from its longest folder prefix without glob characters.
    const parts = name.replace(/\\/gu, '/').split('/');
    const fixed: string[] = [];
    while (parts.length > 1 && !GLOB.test(parts[0]!)) fixed.push(parts.shift()!);
    const base = fixed.join('/');
    const re = globToRegExp(parts.join('/'));
    let files: string[] = [];
    try {
      files = (await walk(path.resolve(options.cwd, base || '.'), base || '.')).filter((f) => re.test(f));
    } catch {
      files = [];
    }
    if (files.length === 0) throw new LatinitsaError('ERR_IO', `cannot read ${name}: no file matches this pattern`, { file: name });
    out.push(...files.map((f) => (base === '' ? f : `${base}/${f}`)));
  }
  return [...new Set(out)];
}
