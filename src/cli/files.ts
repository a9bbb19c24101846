// Which files a command that reads manuscripts is given: names as written, folders (searched for
// the document formats it reads) and glob patterns a shell left unexpanded (quoted, or on Windows).
// The rules are in docs/cli.md ("Files, folders and globs").
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { LatinitsaError } from '../errors.ts';
import { ioError } from '../io/errors.ts';
import { isStdin } from './input.ts';

/** Folders never searched: version control, dependencies, hidden folders. */
const SKIPPED = /^(?:\..+|node_modules)$/u;
/**
 * Files a folder or a pattern never stands for: hidden files (a Mac's `._ch1.docx` beside
 * `ch1.docx` on a shared drive, an editor's `.ch1.md.swp`) and the owner file Word keeps beside a
 * document it has open (`~$ch1.docx`, a few bytes, no zip): read as manuscripts, they made the
 * run fail while the thesis was open in Word. Named outright, a file is read. docs/cli.md.
 */
const SKIPPED_FILE = /^(?:\.|~\$)/u;
const GLOB = /[*?[{]/u;

/** What a folder given to `check` is searched for: the formats docs/documents.md describes. */
export const MANUSCRIPT_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.mdx', '.txt', '.docx'];

/** Whether the `{` at `i` has its `}` later in the pattern (nested pairs counted). */
function braceCloses(pattern: string, i: number): boolean {
  let depth = 0;
  for (let j = i; j < pattern.length; j++) {
    if (pattern[j] === '{') depth++;
    else if (pattern[j] === '}' && --depth === 0) return true;
  }
  return false;
}

/**
 * A glob pattern as a regular expression over `/`-separated relative paths. As in the shell, a
 * `{` without its `}` and a `[…]` that is not a valid class (`[z-a]`) are plain characters, so a
 * file name with such characters is matched as written, never an internal error.
 */
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
      const body = end === -1 ? '' : pattern.slice(i + 1, end).replace(/\\/gu, '\\\\');
      const cls = body.startsWith('!') ? `[^/${body.slice(1)}]` : `[${body}]`;
      if (end === -1 || !compiles(cls)) out += '\\[';
      else {
        out += cls;
        i = end;
      }
    } else if (c === '{' && braceCloses(pattern, i)) {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else out += literal(c);
  }
  // A brace pair cut by a class (`{[}]`) still leaves a group open: then the whole pattern is
  // taken as written.
  return compiles(`^${out}$`) ? new RegExp(`^${out}$`, 'u') : new RegExp(`^${literal(pattern)}$`, 'u');
}

const literal = (s: string): string => s.replace(/[.*?+^$()|[\\\]{}]/gu, '\\$&');

function compiles(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
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
      } else if (e.isFile() && !SKIPPED_FILE.test(e.name)) out.push(name);
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
    if (isStdin(name)) {
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
  return uniqueFiles(out, options);
}

/**
 * The names without those of a file already named in other words (x.md ./x.md, a folder and a
 * file in it, a symbolic link), each file under its first name: read twice, its words would
 * count twice and `--fix` would write it twice from one reading (a .docx's second rewrite is
 * refused as changed since it was read). `-` (stdin) is kept once.
 */
export async function uniqueFiles(names: readonly string[], options: { cwd: string }): Promise<string[]> {
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const name of names) {
    const key = isStdin(name) ? name : await realpath(path.resolve(options.cwd, name)).catch(() => path.resolve(options.cwd, name));
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(name);
  }
  return unique;
}
