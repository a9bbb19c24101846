// The documentation's references hold: every relative link of README.md and the Markdown under
// docs/, packages/, bench/, data/ and examples/ names a file that exists and, with `#anchor`, a
// heading of that file (GitHub's anchors: lower case, punctuation dropped, spaces to hyphens,
// -1, -2… for repeats); and every repository path the docs name in code (`src/…`, `test/…`,
// `scripts/…`) exists. (test/package.test.ts checks that the installed pages' links hold there too.)
// Found missing by the twelfth session's audit: docs/performance.md named src/reverse/model.ts,
// gone since the letter model moved to src/detect.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { relativeLinks, withoutCode } from './support/markdown-links.ts';

const root = path.resolve(import.meta.dirname, '..');

function markdownUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(p).isDirectory() ? markdownUnder(p) : name.endsWith('.md') ? [p] : [];
  });
}

const files = [path.join(root, 'README.md'), ...['docs', 'packages', 'bench', 'data', 'examples'].flatMap((d) => markdownUnder(path.join(root, d)))];

const anchorCache = new Map<string, Set<string>>();
/** The anchors of a Markdown file's headings, as GitHub makes them, and its explicit `<a id>`s. */
function anchors(file: string): Set<string> {
  let out = anchorCache.get(file);
  if (out !== undefined) return out;
  out = new Set();
  const text = withoutCode(readFileSync(file, 'utf8'));
  const seen = new Map<string, number>();
  for (const m of text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = m[1]!
      .replace(/<[^>]+>/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n === 0 ? slug : `${slug}-${n}`);
  }
  for (const m of text.matchAll(/<a (?:name|id)="([^"]+)"/g)) out.add(m[1]!);
  anchorCache.set(file, out);
  return out;
}

it('every relative link in the docs names an existing file and heading', () => {
  assert.ok(files.length > 20, `only ${files.length} files read`);
  const broken: string[] = [];
  let links = 0;
  for (const file of files) {
    for (const link of relativeLinks(readFileSync(file, 'utf8'))) {
      links++;
      const [target, anchor] = link.split('#') as [string, string | undefined];
      const resolved = target === '' ? file : path.resolve(path.dirname(file), decodeURIComponent(target));
      const where = `${path.relative(root, file)}: ${link}`;
      if (!existsSync(resolved)) broken.push(`${where}: no such file`);
      else if (anchor !== undefined && resolved.endsWith('.md') && !anchors(resolved).has(anchor)) broken.push(`${where}: no heading #${anchor}`);
    }
  }
  assert.ok(links > 50, `only ${links} links read`);
  assert.deepEqual(broken, []);
});

it('every repository path the docs name in code exists', () => {
  const missing: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    // A path in backticks or parentheses, from a top folder that holds no build output; NAME or *
    // stand for any file.
    for (const m of text.matchAll(/[`(]((?:src|test|scripts|bench|examples|packages)\/[\w./-]+\.(?:ts|mts|mjs|js|json|tsv|md))[`)]/g)) {
      const p = m[1]!;
      if (!existsSync(path.join(root, p)) && !/[A-Z]{3,}|\*/.test(path.basename(p))) missing.push(`${path.relative(root, file)}: ${p}`);
    }
  }
  assert.deepEqual(missing, []);
});
