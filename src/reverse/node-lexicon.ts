/**
 * Node-only: builds the Russian lexicon from npm packages (dictionary-ru expanded with
 * hunspell-reader, russian_name, popular-english-words) into a compact cache file, and loads it
 * lazily as a {@link Lexicon}. Not reachable from `src/index.ts` (the core stays browser-safe).
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { LexiconFlag, type Lexicon } from './lexicon.ts';
import { formatLetterStats, letterStats } from '../detect/letters.ts';

const FORMAT = 'latinitsa-lexicon-1';
const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the built lexicon is cached (git-ignored, rebuilt after `npm ci`). */
export const defaultLexiconPath = path.join(packageRoot, 'node_modules', '.cache', 'latinitsa', 'lexicon-ru.bin');

/** How many of the most frequent English words count as English. */
const ENGLISH_TOP = 20000;
/** How many of them the core keeps for use without a lexicon. */
const ENGLISH_COMMON = 3000;

/** Figures of a lexicon build. */
export interface BuildReport {
  words: number;
  given: number;
  surnames: number;
  patronymics: number;
  english: number;
  bytes: number;
  ms: number;
}

interface PatronymicRules {
  rules: { ending: string; replace: string; male: string; female: string; afterConsonant?: boolean }[];
  consonants: string;
  extra: string[];
  /** How a male surname's female form is spelt: an ending and what replaces it. */
  femaleSurnames: { ending: string; replace: string }[];
}

/** Derives patronymics from a given name by the rules of data/lexicon/patronymics.json. */
export function patronymicsOf(name: string, rules: PatronymicRules): string[] {
  const out: string[] = [];
  // The longest matching ending decides; rules with the same ending all apply (Юрьевич, Юриевич).
  let matched: string | undefined;
  for (const rule of rules.rules) {
    if (matched !== undefined && rule.ending !== matched) break;
    if (!name.endsWith(rule.ending)) continue;
    if (rule.afterConsonant && !rules.consonants.includes(name[name.length - 1]!)) continue;
    const stem = name.slice(0, name.length - rule.ending.length) + rule.replace;
    out.push(stem + rule.male, stem + rule.female);
    matched = rule.ending;
  }
  return out;
}

/** Options of {@link buildLexicon}. */
export interface BuildLexiconOptions {
  /** Output file (default {@link defaultLexiconPath}). */
  file?: string;
  /** Also write the letter-pair statistics the core ranks with (the committed src/reverse/data/ru-letters.json). */
  lettersFile?: string;
  /** Also write the short English word list the core uses when no lexicon is loaded (src/reverse/data/english-common.json). */
  englishFile?: string;
}

/**
 * Builds the lexicon file from the npm packages (devDependencies). Throws ERR_MODULE_NOT_FOUND
 * when they are not installed.
 */
export async function buildLexicon(options: BuildLexiconOptions = {}): Promise<BuildReport> {
  const t0 = performance.now();
  const file = options.file ?? defaultLexiconPath;
  const require = createRequire(import.meta.url);
  const { IterableHunspellReader } = await import('hunspell-reader');
  const dictDir = path.dirname(require.resolve('dictionary-ru'));
  const reader = await IterableHunspellReader.createFromFiles(path.join(dictDir, 'index.aff'), path.join(dictDir, 'index.dic'));
  const flags = new Map<string, number>();
  const add = (word: string, flag: number): void => {
    const w = word.toLowerCase();
    if (!/^[\p{Script=Cyrillic}-]+$/u.test(w)) return;
    flags.set(w, (flags.get(w) ?? 0) | flag);
  };
  const capitalised = new Set<string>();
  for (const form of reader.seqWords()) {
    const proper = form[0] !== form[0]!.toLowerCase();
    if (proper) capitalised.add(form.toLowerCase());
    add(form, proper ? LexiconFlag.proper : LexiconFlag.word);
  }
  const nameDir = path.join(path.dirname(require.resolve('russian_name')), '..', 'json');
  const readNames = (f: string, key: string): string[] =>
    (JSON.parse(readFileSync(path.join(nameDir, f), 'utf8')) as Record<string, string>[]).map((r) => r[key]!.toLowerCase());
  // russian_name is noisy (Авлександр, Аатолий): keep a given name only when the Russian
  // dictionary also has it as a proper noun, and a surname only when both its male and female
  // forms are listed (Иванов/Иванова), or the dictionary has it.
  let given = 0;
  const givenNames: string[] = [];
  for (const f of ['names_male.json', 'names_female.json']) {
    for (const name of readNames(f, 'name')) {
      if (!capitalised.has(name)) continue;
      add(name, LexiconFlag.given);
      given++;
      if (f === 'names_male.json') givenNames.push(name);
    }
  }
  const rules = JSON.parse(readFileSync(path.join(packageRoot, 'data', 'lexicon', 'patronymics.json'), 'utf8')) as PatronymicRules;
  const female = new Set(readNames('surnames_female.json', 'surname'));
  let surnames = 0;
  for (const name of readNames('surnames_male.json', 'surname')) {
    const pairs = rules.femaleSurnames.filter((r) => name.endsWith(r.ending)).map((r) => name.slice(0, name.length - r.ending.length) + r.replace);
    const partner = pairs.find((p) => p !== name && female.has(p));
    if (partner === undefined && !capitalised.has(name)) continue;
    add(name, LexiconFlag.surname);
    surnames++;
    if (partner !== undefined) {
      add(partner, LexiconFlag.surname);
      surnames++;
    }
  }
  let patronymics = 0;
  for (const name of givenNames) {
    for (const p of patronymicsOf(name, rules)) {
      add(p, LexiconFlag.patronymic);
      patronymics++;
    }
  }
  for (const p of rules.extra) add(p, LexiconFlag.patronymic);

  const { words: englishAll } = (await import('popular-english-words/words.js' as string)) as { words: string[] };
  const english = englishAll.slice(0, ENGLISH_TOP).filter((w) => /^[a-z]+$/.test(w));

  const sorted = [...flags.keys()].sort();
  const chars = [...new Set(sorted.join(''))].sort();
  const code = new Map(chars.map((ch, i) => [ch, i + 1]));
  let size = 0;
  for (const w of sorted) size += w.length + 2;
  const body = new Uint8Array(size);
  let at = 0;
  for (const w of sorted) {
    for (const ch of w) body[at++] = code.get(ch)!;
    body[at++] = 0;
    body[at++] = flags.get(w)!;
  }
  const header = JSON.stringify({ format: FORMAT, alphabet: chars.join(''), count: sorted.length, english: english.join(' ') });
  const headerBytes = Buffer.from(`${header}\n`, 'utf8');
  const data = Buffer.concat([headerBytes, body]);
  mkdirSync(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, data);

  if (options.lettersFile !== undefined) {
    await writeFileAtomic(options.lettersFile, formatLetterStats(letterStats(sorted, { comment: 'Generated by `npm run build:lexicon` (scripts/build-lexicon.ts) from dictionary-ru and russian_name word types: log10 P(next letter | letter) x 100 (add-one smoothed), and log10 P(next | two letters) x 100 for triples seen 3+ times. Ranks readings in src/reverse.' })));
  }
  if (options.englishFile !== undefined) {
    const common = { $comment: `Generated by \`npm run build:lexicon\`: the ${ENGLISH_COMMON} most frequent English words of popular-english-words 1.0 (ISC licence, Tim Koop; counted from Wikipedia). Words the core leaves alone when no lexicon is loaded.`, words: english.slice(0, ENGLISH_COMMON) };
    await writeFileAtomic(options.englishFile, `${JSON.stringify(common)}\n`);
  }
  return { words: sorted.length, given, surnames, patronymics, english: english.length, bytes: data.length, ms: Math.round(performance.now() - t0) };
}

/** Options of {@link loadLexicon}. */
export interface LoadLexiconOptions {
  /** Lexicon file (default {@link defaultLexiconPath}). */
  file?: string;
  /** Build the file first when it is missing (needs the devDependencies). Default `true`. */
  build?: boolean;
}

const loaded = new Map<string, Promise<Lexicon | undefined>>();

/**
 * Loads the lexicon file (building it first when missing and `build` is not false), once per
 * file; resolves to `undefined` when there is no file and it cannot be built.
 */
export function loadLexicon(options: LoadLexiconOptions = {}): Promise<Lexicon | undefined> {
  const file = options.file ?? defaultLexiconPath;
  let p = loaded.get(file);
  if (p === undefined) {
    p = (async () => {
      if (!existsSync(file)) {
        if (options.build === false) return undefined;
        if (!(await buildOnce(file))) return undefined;
      }
      return parseLexicon(await readFile(file));
    })();
    loaded.set(file, p);
  }
  return p;
}

/**
 * Builds the file unless another process is building it (a lock file next to it); then waits for
 * that one. Test files run in parallel processes, and one build is enough.
 */
async function buildOnce(file: string): Promise<boolean> {
  const lock = `${file}.lock`;
  mkdirSync(path.dirname(file), { recursive: true });
  for (;;) {
    let handle: number | undefined;
    try {
      handle = openSync(lock, 'wx');
    } catch {
      // Someone else builds: wait for the file, or take over a lock left by a crashed build.
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (existsSync(file)) return true;
      try {
        if (Date.now() - statSync(lock).mtimeMs > 10 * 60 * 1000) rmSync(lock, { force: true });
      } catch {
        // The lock is gone: try again.
      }
      continue;
    }
    try {
      if (!existsSync(file)) await buildLexicon({ file });
      return true;
    } catch {
      return false;
    } finally {
      closeSync(handle);
      rmSync(lock, { force: true });
    }
  }
}

/** A {@link Lexicon} over the bytes of a lexicon file. */
export function parseLexicon(buf: Uint8Array): Lexicon {
  const nl = buf.indexOf(10);
  const header = JSON.parse(Buffer.from(buf.subarray(0, nl)).toString('utf8')) as { format: string; alphabet: string; count: number; english: string };
  if (header.format !== FORMAT) throw new Error(`unsupported lexicon format ${header.format}`);
  const data = buf.subarray(nl + 1);
  const code = new Map([...header.alphabet].map((ch, i) => [ch, i + 1]));
  const offsets = new Uint32Array(header.count);
  let k = 0;
  offsets[k++] = 0;
  for (let i = 0; i < data.length && k < header.count; i++) if (data[i] === 0) offsets[k++] = i + 2;
  const english = new Set(header.english.split(' '));
  const encode = (word: string): Uint8Array | undefined => {
    const out = new Uint8Array(word.length);
    let i = 0;
    for (const ch of word) {
      const c = code.get(ch);
      if (c === undefined) return undefined;
      out[i++] = c;
    }
    return out.subarray(0, i);
  };
  // Compares the record at `at` with `key` (as a prefix when `prefix`): <0, 0, >0.
  const compare = (at: number, key: Uint8Array, prefix: boolean): number => {
    for (let i = 0; i < key.length; i++) {
      const b = data[at + i]!;
      if (b !== key[i]) return b - key[i]!;
    }
    return prefix || data[at + key.length] === 0 ? 0 : 1;
  };
  const lowerBound = (key: Uint8Array, prefix: boolean): number => {
    let lo = 0;
    let hi = header.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(offsets[mid]!, key, prefix) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    lookup(word) {
      const key = encode(word);
      if (key === undefined || key.length === 0) return 0;
      const i = lowerBound(key, false);
      if (i >= header.count || compare(offsets[i]!, key, false) !== 0) return 0;
      return data[offsets[i]! + key.length + 1]!;
    },
    hasPrefix(prefix) {
      const key = encode(prefix);
      if (key === undefined) return false;
      if (key.length === 0) return true;
      const i = lowerBound(key, true);
      return i < header.count && compare(offsets[i]!, key, true) === 0;
    },
    isEnglish: (word) => english.has(word),
  };
}
