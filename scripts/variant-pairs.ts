/**
 * Proposes the pairs of spellings in a corpus that could be one Russian word romanized two ways,
 * for judging by hand (docs/check.md "Recall on real variants in old books"; the judged pairs are
 * what scripts/variant-recall.ts measures the checker's recall on).
 *
 *   node --import tsx scripts/variant-pairs.ts --corpus DIR [--out FILE]
 *
 * The method, fixed before the checker is run on the pairs; it holds no data of any corpus and no
 * code of the checker:
 *
 * 1. **Word types.** Every .txt and .md file of DIR (README.md left out) is read as UTF-8 text. A
 *    word is a run of letters (any script, with their combining marks), ’ ' ʼ and `_`; underscores
 *    are removed (a plain-text book's `_italics_`), then leading and trailing apostrophes (quote
 *    marks). A word is kept when all its letters are Latin, its first letter is upper case and it
 *    has at least one lower-case letter (so headings in capitals are left out). Each type is
 *    counted, with its first place (file and line) and whether each file holds it.
 * 2. **The fold** ({@link fold}): the letter classes the romanizations of old English books vary
 *    in are made one: lower case; diacritics and stress marks dropped (NFD, combining marks
 *    removed); apostrophes (’ ' ʼ ʹ) removed; w → v; tch → ch; kh → h; cz, tz, ts → c; ou → u;
 *    y → i; off → ov, eff → ev (anywhere: Romanoffs), and a final -of, -ef → -ov, -ev; doubled
 *    letters made single (ii, iy, yi so become i); ie → i; doubled letters made single again.
 * 3. **Pairs.** Every two types whose folds are equal or one edit apart (Levenshtein distance 1:
 *    one letter inserted, deleted or replaced), where the shorter fold has at least 4 letters, are
 *    proposed — except two that differ only by an English possessive (X / X's, X’s, X').
 *    Candidates one edit apart are found through each fold's deletion neighbourhood and confirmed
 *    by the distance.
 * 4. **Output**, a TSV sorted by the fold of A, then A, then B (A the spelling first in code-point
 *    order): id (`p` and a number in that order), A, count of A, B, count of B, same-file (`yes`
 *    when some file holds both), and one context line for each (the line of its first place,
 *    whitespace collapsed, cut to at most 160 characters around the word).
 *
 * The judged files (test/fixtures/realtext20/variant-pairs.tsv …) add the columns `verdict`,
 * `cyrillic` and `note`.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/** The fold of a spelling: the letter classes old English romanizations vary in made one (the method, point 2). */
export function fold(word: string): string {
  let s = word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[’'ʼʹ]/gu, '');
  s = s.replace(/w/g, 'v');
  s = s.replace(/tch/g, 'ch');
  s = s.replace(/kh/g, 'h');
  s = s.replace(/cz|tz|ts/g, 'c');
  s = s.replace(/ou/g, 'u');
  s = s.replace(/y/g, 'i');
  s = s.replace(/off/g, 'ov').replace(/eff/g, 'ev').replace(/([oe])f$/, '$1v');
  s = s.replace(/(.)\1+/g, '$1');
  s = s.replace(/ie/g, 'i');
  s = s.replace(/(.)\1+/g, '$1');
  return s;
}

/** The Levenshtein distance of two strings, stopping early once it passes `limit`. */
export function levenshtein(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]!);
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** A word type of a corpus: its count, first place and the files that hold it. */
export interface WordType {
  word: string;
  count: number;
  file: string;
  line: number;
  context: string;
  files: Set<string>;
}

/** The words of a text as the method reads them (point 1), each with its line (1-based). */
export function* capitalisedWords(text: string): Generator<{ word: string; line: number; lineText: string }> {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    for (const m of lines[i]!.matchAll(/[\p{L}\p{M}’'ʼ_]+/gu)) {
      const word = m[0].replace(/_/g, '').replace(/^[’'ʼ]+|[’'ʼ]+$/gu, '');
      if (word === '') continue;
      const letters = word.replace(/[’'ʼ]/gu, '').normalize('NFD').replace(/\p{M}/gu, '');
      if (!/^\p{Script=Latin}+$/u.test(letters)) continue;
      if (!/^\p{Lu}/u.test(letters) || !/\p{Ll}/u.test(letters)) continue;
      yield { word, line: i + 1, lineText: lines[i]! };
    }
  }
}

/** A line of context around a word, whitespace collapsed, at most `max` characters. */
export function contextOf(lineText: string, word: string, max = 160): string {
  const line = lineText.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  let at = line.indexOf(word);
  if (at < 0) at = Math.max(0, line.indexOf(word.slice(0, 3)));
  const start = Math.max(0, Math.min(at - Math.floor((max - word.length) / 2), line.length - max));
  return line.slice(start, start + max);
}

/** The word types of some texts (file name → text), in first-seen order. */
export function collectTypes(texts: ReadonlyArray<readonly [string, string]>): Map<string, WordType> {
  const types = new Map<string, WordType>();
  for (const [file, text] of texts) {
    for (const { word, line, lineText } of capitalisedWords(text)) {
      const t = types.get(word);
      if (t === undefined) types.set(word, { word, count: 1, file, line, context: contextOf(lineText, word), files: new Set([file]) });
      else {
        t.count++;
        t.files.add(file);
      }
    }
  }
  return types;
}

/** Whether two spellings differ only by an English possessive (X / X's, X’s, X'). */
export function possessiveOnly(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.startsWith(short) && /^[’'ʼ][sS]?$/u.test(long.slice(short.length));
}

/** A proposed pair: A before B in code-point order. */
export interface Pair {
  a: string;
  b: string;
  foldA: string;
  foldB: string;
}

/** Every pair of spellings whose folds are equal or one edit apart, the shorter fold ≥ `minLetters` letters (the method, point 3). */
export function proposePairs(words: Iterable<string>, minLetters = 4): Pair[] {
  const folded = new Map<string, string[]>();
  for (const w of words) {
    const f = fold(w);
    if (f.length < minLetters - 1) continue;
    (folded.get(f) ?? folded.set(f, []).get(f)!).push(w);
  }
  // The deletion neighbourhood: a fold and each fold with one letter deleted, so that two folds one
  // edit apart share a key (then confirmed by the distance: a shared key may be two edits apart).
  const byKey = new Map<string, Set<string>>();
  for (const f of folded.keys()) {
    const keys = new Set([f]);
    for (let i = 0; i < f.length; i++) keys.add(f.slice(0, i) + f.slice(i + 1));
    for (const k of keys) (byKey.get(k) ?? byKey.set(k, new Set()).get(k)!).add(f);
  }
  const foldPairs = new Set<string>();
  for (const fs of byKey.values()) {
    const list = [...fs].sort();
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) foldPairs.add(`${list[i]}\t${list[j]}`);
  }
  const out: Pair[] = [];
  const add = (x: string, y: string, fx: string, fy: string): void => {
    if (Math.min(fx.length, fy.length) < minLetters || possessiveOnly(x, y)) return;
    const [a, b, foldA, foldB] = x < y ? [x, y, fx, fy] : [y, x, fy, fx];
    out.push({ a, b, foldA, foldB });
  };
  for (const [f, ws] of folded) for (let i = 0; i < ws.length; i++) for (let j = i + 1; j < ws.length; j++) add(ws[i]!, ws[j]!, f, f);
  for (const p of foldPairs) {
    const [f, g] = p.split('\t') as [string, string];
    if (levenshtein(f, g, 1) !== 1) continue;
    for (const x of folded.get(f)!) for (const y of folded.get(g)!) add(x, y, f, g);
  }
  return out.sort((p, q) => cmp(p.foldA, q.foldA) || cmp(p.a, q.a) || cmp(p.b, q.b));
}

const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** The texts of a corpus folder: its .txt and .md files but README.md, sorted by name. */
export function corpusTexts(dir: string): Array<[string, string]> {
  return readdirSync(dir)
    .filter((f) => (f.endsWith('.txt') || f.endsWith('.md')) && f !== 'README.md')
    .sort()
    .map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]);
}

/** The header of the proposal TSV. */
export const pairColumns = ['id', 'a', 'count_a', 'b', 'count_b', 'same_file', 'context_a', 'context_b'];

/** The proposal TSV of a corpus folder (the method, point 4), without a trailing comment. */
export function proposalRows(dir: string): string[][] {
  const types = collectTypes(corpusTexts(dir));
  const pairs = proposePairs(types.keys());
  const clean = (s: string): string => s.replace(/\t/g, ' ');
  return pairs.map((p, i) => {
    const a = types.get(p.a)!;
    const b = types.get(p.b)!;
    const same = [...a.files].some((f) => b.files.has(f)) ? 'yes' : 'no';
    return [`p${String(i + 1).padStart(4, '0')}`, p.a, String(a.count), p.b, String(b.count), same, clean(a.context), clean(b.context)];
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { corpus: { type: 'string' }, out: { type: 'string' } } });
  if (values.corpus === undefined) throw new Error('usage: variant-pairs.ts --corpus DIR [--out FILE]');
  const rows = proposalRows(values.corpus);
  const text = [pairColumns, ...rows].map((r) => r.join('\t')).join('\n') + '\n';
  if (values.out === undefined) process.stdout.write(text);
  else {
    writeFileSync(values.out, text);
    console.error(`${rows.length} pairs → ${values.out}`);
  }
}
