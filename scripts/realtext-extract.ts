/**
 * Builds a held-out corpus of the checker from a snapshot of chinapedia/wikipedia.abstract.en
 * (plain-text English Wikipedia articles, 2019-07-20 dump, folder `Page/`): realtext2 to
 * realtext6 under test/fixtures/ (READMEs there). Each corpus is the next 50 articles of one
 * ranking once the articles of the corpora before it are excluded. Run it again from the same
 * snapshot with the same arguments and it writes the same files.
 *
 *   node --import tsx scripts/realtext-extract.ts --repo DIR --out DIR [--exclude FILE]… [--no-calendar] [--taken DATE] [--list FILE]
 *        [--min-words N] [--max-words N] [--min-russia N] [--count N] [--seed S]
 *
 * `--repo` is a git clone of the snapshot, bare or not (its head must be the commit below);
 * `--out` is the corpus folder to write; each `--exclude` (give it once per earlier corpus) is a
 * SOURCES.tsv whose `source_path` column names articles already used, which are never chosen;
 * `--no-calendar` also leaves out calendar pages (see step 2; realtext6 on, realtext2 to realtext5
 * were chosen without it, which is why it is off by default: their commands still write the
 * same files); `--taken` is the date written in SOURCES.tsv (default: today, UTC); `--list`
 * writes the ranking of every eligible article. `--min-words`, `--max-words` and `--min-russia`
 * change the bounds of step 2 (defaults 1,000, 15,000 and 10), `--count` the number chosen in step
 * 4 (default 50), and `--seed S` makes step 4 a seeded sample of `--count` articles of the whole
 * ranking (those with the smallest seeded hash of their source path) instead of its first ones:
 * realtext14 (short articles, test/fixtures/realtext14/README.md) was chosen so; the defaults are
 * realtext2 to realtext6's rule, whose commands still write the same files.
 *
 * The rule that chooses the articles, written down before anyone looked at the checker's findings:
 *   1. every file in `Page/`, cleaned as `clean` below, not in any exclude list;
 *   2. prose of some length about Russia: 1,000 to 15,000 words, at least 10 mentions of
 *      Russia/Russian(s)/Soviet(s)/USSR/Moscow/Tsar, and not a list, timeline, index, outline,
 *      result table or disambiguation page (by title); with `--no-calendar`, not a calendar page
 *      either (by title: a day `April_5`, a month `August`, a month of a year `March_1968`, its
 *      necrology `Deaths_in_November_2016`, a year `1917` or `44_BC`, a decade `1920s`, a century
 *      or millennium `20th_century`). A calendar page is a list of events, births and deaths of
 *      every nation, which step 2 meant to leave out and which a manuscript never is; realtext5's
 *      articles were mostly these (test/fixtures/realtext5/README.md);
 *   3. ranked by the product of two densities per 1,000 words: romanized Russian names
 *      (capitalised words with a Russian ending -ov, -ova, -ev, -eva, -sky, -skiy, -skii, -skaya,
 *      -vich, -vna, -enko, or with kh or shch; not zh, which Chinese pinyin shares) and those
 *      mentions of Russia; ties by path;
 *   4. the first 50.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

/** The snapshot the corpus was taken from (the head of chinapedia/wikipedia.abstract.en, 2019-08-14). */
export const SNAPSHOT = '4f3e897da088cbe89a4f1d4cba3fa2e439c3721b';
const LICENCE = 'CC BY-SA 3.0 (Wikipedia text, 2019-07-20 dump)';
/** Step 2's bounds and step 4's count, as realtext2 to realtext6 had them (options change them). */
const COUNT = '50';
const MIN_WORDS = '1000';
const MAX_WORDS = '15000';
const MIN_RUSSIA = '10';

/** Step 3's romanized Russian names (by their endings and letters) and mentions of Russia; step 2's pages that are not prose, by title. */
export const NAME = /\b(?:[A-Z][a-z]*(?:ov|ova|ev|eva|sky|skiy|skii|skaya|vich|vna|enko)|(?:Kh|Shch)[a-z]+|[A-Z][a-z]*(?:kh|shch)[a-z]*)\b/g;
export const RUSSIA = /\b(?:Russia|Russian|Russians|Soviet|Soviets|USSR|Moscow|Tsar)\b/g;
export const NOT_PROSE = /^(?:List_of|Lists_of|Timeline_of|Results_of|Index_of|Outline_of)|_\(disambiguation\)$|^\d{4}_in_/;
/** Calendar pages, by title (`--no-calendar`): day, month, month of a year, a month's or year's deaths or births, year, decade, century, millennium. */
export const CALENDAR =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:_\d{1,2}|_\d{3,4})?$|^(?:Births|Deaths)_in_(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)_)?\d{4}$|^(?:AD_)?\d{1,4}(?:_(?:BCE?|AD|CE))?$|^\d{1,3}0s(?:_BCE?)?$|^\d+(?:st|nd|rd|th)_(?:century|millennium)(?:_BCE?)?$/;

/** Image options that end a caption: `|alt=…`, `|left`, `|upright=1.15`, `|250px`… */
const IMAGE_OPTION = /\|(?:alt=[^|\]\n]*|left|right|center|centre|none|upright(?:=[\d.]+)?|thumb(?:nail)?|frameless|frame|border|\d+(?:x\d+)?px)(?=\||\]\]|$)/g;
/** A template parameter: `| key = value` (the converter sometimes pads it with no-break spaces). */
const PARAMETER = /\|\s*[A-Za-z_][\w\s-]{0,40}=/;
/** Wiki table markup the converter left as text: `{|`, `|}`, a header row `! a !! b`, a cell attribute `style=…|`. */
const TABLE_MARKUP = /^\s*(?:\{\||\|\}|!.*!!|(?:style|class|align|colspan|rowspan|bgcolor|width)=[^|]*\|)/;

/**
 * Removes the markup a manuscript would not have, as the first corpus's README says, and keeps
 * everything else: table rows (lines starting with `|`, and wiki table markup), template
 * parameter lines (`| key = value`; where a template runs into prose on the same line, only the
 * prose after its last `}}` is kept), gallery lines
 * (`File:…|caption`), image markup reduced to its caption (`[[File:…|thumb|`, tails such as
 * `|alt=|left]]`, leftover `[[` and `]]`), and a leading `thumb ` or `thumb|`.
 */
export function clean(text: string): { text: string; dropped: number } {
  const out: string[] = [];
  let dropped = 0;
  for (const raw of text.split('\n')) {
    if (/^\s*(?:File|Image):/.test(raw) || TABLE_MARKUP.test(raw)) {
      dropped++;
      continue;
    }
    let line = raw
      .replace(/\[\[(?:File|Image):[^|\]\n]*\|/g, '')
      .replace(IMAGE_OPTION, '')
      .replace(IMAGE_OPTION, '')
      .replace(/\[\[|\]\]/g, '')
      .replace(/^thumb(?:\||\s+)/, '');
    if (/^\s*\|/.test(line) || PARAMETER.test(line)) {
      // Where a template ran into prose on the same line, the prose after its `}}` stays,
      // unless that is more template parameters.
      while (/^\s*\|/.test(line) || PARAMETER.test(line)) {
        const end = line.lastIndexOf('}}');
        line = end < 0 ? '' : line.slice(end + 2);
      }
      if (line.trim() === '') {
        dropped++;
        continue;
      }
      line = line.replace(/^ +/, '');
    }
    out.push(line);
  }
  return { text: out.join('\n'), dropped };
}

/** The words of a text (runs of non-space), as the first corpus counts them. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}

/** The corpus file name of an article: `wikipedia-<Title>.md`, dashes made plain, punctuation dropped. */
export function fileName(sourcePath: string): string {
  const title = path.basename(sourcePath, '.md').replace(/[\u2013\u2014]/g, '-').replace(/[^\p{L}\p{N}_().'-]/gu, '');
  return `wikipedia-${title}.md`;
}

/** The `source_path` column of a corpus's SOURCES.tsv: the articles it holds. */
function sourcePaths(file: string): string[] {
  const [header, ...rows] = readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
  const col = header!.split('\t').indexOf('source_path');
  if (col < 0) throw new Error(`${file}: no source_path column`);
  return rows.map((r) => r.split('\t')[col]!);
}

interface Entry {
  path: string;
  blob: string;
}

/** Reads blobs through one `git cat-file --batch`, calling `each` with every text in order. */
async function readBlobs(repo: string, entries: Entry[], each: (entry: Entry, text: string) => void): Promise<void> {
  const git = spawn('git', ['-C', repo, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let pending: Buffer = Buffer.alloc(0);
  let index = 0;
  const done = new Promise<void>((resolve, reject) => {
    git.stdout.on('data', (chunk: Buffer) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      for (;;) {
        const nl = pending.indexOf(10);
        if (nl < 0) return;
        const size = Number(pending.subarray(0, nl).toString().split(' ')[2]);
        if (pending.length < nl + 1 + size + 1) return;
        each(entries[index++]!, pending.subarray(nl + 1, nl + 1 + size).toString('utf8'));
        pending = pending.subarray(nl + 1 + size + 1);
      }
    });
    git.on('close', (code) => (code === 0 && index === entries.length ? resolve() : reject(new Error(`git cat-file: exit ${code}, ${index} of ${entries.length} read`))));
  });
  git.stdin.end(entries.map((e) => e.blob).join('\n') + '\n');
  await done;
}

/**
 * The `count` articles with the smallest seeded hash of their source path (step 4 with `--seed`):
 * an article's draw depends on its path and the seed alone, not on the ranking around it.
 */
function seededSample<T extends Entry>(ranked: readonly T[], count: number, seed: string): T[] {
  const hash = (e: Entry): string => createHash('sha256').update(`${seed}\n${e.path}`).digest('hex');
  return [...ranked].sort((a, b) => (hash(a) < hash(b) ? -1 : hash(a) > hash(b) ? 1 : 0)).slice(0, count);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      repo: { type: 'string' },
      exclude: { type: 'string', multiple: true, default: [] },
      out: { type: 'string' },
      taken: { type: 'string', default: new Date().toISOString().slice(0, 10) },
      list: { type: 'string' },
      'no-calendar': { type: 'boolean', default: false },
      'min-words': { type: 'string', default: MIN_WORDS },
      'max-words': { type: 'string', default: MAX_WORDS },
      'min-russia': { type: 'string', default: MIN_RUSSIA },
      count: { type: 'string', default: COUNT },
      seed: { type: 'string' },
    },
  });
  const number = (name: 'min-words' | 'max-words' | 'min-russia' | 'count'): number => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} ${values[name]}: not a whole number`);
    return n;
  };
  const [minWords, maxWords, minRussia, count] = [number('min-words'), number('max-words'), number('min-russia'), number('count')];
  if (values.repo === undefined) throw new Error('--repo DIR: a clone of chinapedia/wikipedia.abstract.en');
  if (values.out === undefined) throw new Error('--out DIR: the corpus folder to write');
  const repo = values.repo;
  const out = values.out;
  const head = execFileSync('git', ['-C', repo, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  if (head !== SNAPSHOT) throw new Error(`the snapshot's head is ${head}, not ${SNAPSHOT}`);
  const excluded = new Set(values.exclude!.flatMap(sourcePaths));
  const excludedNames = new Set([...excluded].map(fileName));
  const notProse = (title: string): boolean => NOT_PROSE.test(title) || (values['no-calendar'] === true && CALENDAR.test(title));

  const tree = execFileSync('git', ['-C', repo, 'ls-tree', '-r', 'HEAD', 'Page/'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const entries: Entry[] = [];
  for (const line of tree.split('\n')) {
    const m = /^\d+ blob ([0-9a-f]{40})\t(.+)$/.exec(line);
    if (m === null || !m[2]!.endsWith('.md')) continue;
    const p = m[2]!;
    if (excluded.has(p) || excludedNames.has(fileName(p)) || notProse(path.basename(p, '.md'))) continue;
    entries.push({ path: p, blob: m[1]! });
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  interface Scored extends Entry { words: number; names: number; russia: number; score: number }
  const eligible: Scored[] = [];
  await readBlobs(repo, entries, (entry, raw) => {
    const russia = raw.match(RUSSIA)?.length ?? 0;
    if (russia < minRussia) return;
    const { text } = clean(raw);
    const words = wordCount(text);
    if (words < minWords || words > maxWords) return;
    const names = text.match(NAME)?.length ?? 0;
    const mentions = text.match(RUSSIA)?.length ?? 0;
    eligible.push({ ...entry, words, names, russia: mentions, score: ((1000 * names) / words) * ((1000 * mentions) / words) });
  });
  const ranked = eligible.filter((e) => e.russia >= minRussia).sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : 1));
  if (values.list !== undefined) {
    writeFileSync(values.list, ['rank\tsource_path\twords\tnames\trussia\tscore', ...ranked.map((e, i) => `${i + 1}\t${e.path}\t${e.words}\t${e.names}\t${e.russia}\t${e.score.toFixed(1)}`)].join('\n') + '\n');
  }
  const chosen = (values.seed === undefined ? ranked.slice(0, count) : seededSample(ranked, count, values.seed)).sort((a, b) => (fileName(a.path) < fileName(b.path) ? -1 : 1));
  mkdirSync(out, { recursive: true });
  const sources = ['file\tsource_repository\tsource_path\tsource_commit\tarticle_url\twords\tlines\tdropped_markup_lines\tsha256_16\tlicence\ttaken'];
  let bytes = 0;
  let allWords = 0;
  for (const e of chosen) {
    const raw = execFileSync('git', ['-C', repo, 'cat-file', 'blob', e.blob], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const { text, dropped } = clean(raw);
    const body = text.endsWith('\n') ? text : text + '\n';
    const file = fileName(e.path);
    writeFileSync(path.join(out, file), body);
    const commit = execFileSync('git', ['-C', repo, 'log', '-1', '--format=%H', 'HEAD', '--', e.path], { encoding: 'utf8' }).trim();
    const title = path.basename(e.path, '.md');
    const words = wordCount(body);
    bytes += Buffer.byteLength(body);
    allWords += words;
    sources.push([file, 'chinapedia/wikipedia.abstract.en', e.path, commit, `https://en.wikipedia.org/wiki/${title}`, words, body.split('\n').length - 1, dropped, createHash('sha256').update(body).digest('hex').slice(0, 16), LICENCE, values.taken!].join('\t'));
  }
  writeFileSync(path.join(out, 'SOURCES.tsv'), sources.join('\n') + '\n');
  console.log(`${excluded.size} articles excluded, ${entries.length} read, ${ranked.length} eligible; ${chosen.length} written to ${out}: ${allWords} words, ${(bytes / 1e6).toFixed(2)} MB`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
