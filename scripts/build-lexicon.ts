/**
 * `npm run build:lexicon`: builds the Russian lexicon that ships with the package,
 * data/lexicon/lexicon-ru.bin (format: src/reverse/lexicon-file.ts), from npm packages that are
 * devDependencies: dictionary-ru expanded with hunspell-reader, russian_name names filtered
 * against it, patronymics derived by data/lexicon/patronymics.json, and the most frequent words
 * of popular-english-words. It also rewrites the committed letter statistics
 * (src/reverse/data/ru-letters.json) and the short English list the core uses without a lexicon
 * (src/reverse/data/english-common.json). The file is committed; test/lexicon.test.ts checks that
 * it was built from the inputs now installed. `npm run build:lexicon -- --check` rebuilds in
 * memory and says whether the committed files are exactly what the build gives.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { writeFileAtomic } from '../src/io/atomic-write.ts';
import { defaultLexiconFile } from '../src/io/lexicon.ts';
import { LexiconFlag } from '../src/reverse/lexicon.ts';
import { encodeLexicon } from '../src/reverse/lexicon-file.ts';
import { formatLetterStats, letterStats } from '../src/detect/letters.ts';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const patronymicsFile = path.join(root, 'data', 'lexicon', 'patronymics.json');
const lettersFile = path.join(root, 'src', 'reverse', 'data', 'ru-letters.json');
const englishFile = path.join(root, 'src', 'reverse', 'data', 'english-common.json');

/** How many of the most frequent English words count as English. */
const ENGLISH_TOP = 20000;
/** How many of them the core keeps for use without a lexicon. */
const ENGLISH_COMMON = 3000;
/** The npm packages the words come from (devDependencies). */
const SOURCES = ['dictionary-ru', 'hunspell-reader', 'russian_name', 'popular-english-words'] as const;

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

/** A text file's SHA-256 with line ends normalised (a Windows checkout gives the same digest). */
const digest = (file: string): string => `sha256:${createHash('sha256').update(readFileSync(file, 'utf8').replace(/\r\n/g, '\n')).digest('hex').slice(0, 16)}`;

/**
 * What the lexicon is built from, as recorded in its header: the versions of the source packages
 * installed now and digests of the rules and of this script.
 */
export function lexiconInputs(): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const name of SOURCES) inputs[name] = (JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  inputs['data/lexicon/patronymics.json'] = digest(patronymicsFile);
  inputs['scripts/build-lexicon.ts'] = digest(import.meta.filename);
  return inputs;
}

/** What a build gives: the file's bytes and the two committed side files, with figures. */
export interface LexiconBuild {
  /** The lexicon payload, uncompressed. */
  payload: Uint8Array;
  letters: string;
  english: string;
  figures: { entries: number; given: number; surnames: number; patronymics: number; english: number };
}

/** Builds the lexicon in memory from the installed source packages. */
export async function buildLexicon(): Promise<LexiconBuild> {
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
  const rules = JSON.parse(readFileSync(patronymicsFile, 'utf8')) as PatronymicRules;
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
  const payload = encodeLexicon({ language: 'ru', words: flags, english, inputs: lexiconInputs() });

  const sorted = [...flags.keys()].sort();
  const letters = formatLetterStats(letterStats(sorted, { comment: 'Generated by `npm run build:lexicon` (scripts/build-lexicon.ts) from dictionary-ru and russian_name word types: log10 P(next letter | letter) x 100 (add-one smoothed), and log10 P(next | two letters) x 100 for triples seen 3+ times. Ranks readings in src/reverse.' }));
  const common = { $comment: `Generated by \`npm run build:lexicon\`: the ${ENGLISH_COMMON} most frequent English words of popular-english-words 1.0 (ISC licence, Tim Koop; counted from Wikipedia). Words the core leaves alone when no lexicon is loaded.`, words: english.slice(0, ENGLISH_COMMON) };
  return { payload, letters, english: `${JSON.stringify(common)}\n`, figures: { entries: sorted.length, given, surnames, patronymics, english: english.length } };
}


if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename) {
  const { values } = parseArgs({ options: { check: { type: 'boolean' } } });
  const t0 = performance.now();
  const built = await buildLexicon();
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  const f = built.figures;
  const what = `${f.entries} entries (${f.given} given names, ${f.surnames} surnames, ${f.patronymics} patronymics), ${f.english} English words`;
  if (values.check === true) {
    // Compares content, not gzip bytes: another zlib may compress the same payload differently.
    const stale = [
      Buffer.compare(gunzipSync(await readFile(defaultLexiconFile)), built.payload) === 0 ? undefined : path.relative(root, defaultLexiconFile),
      (await readFile(lettersFile, 'utf8')) === built.letters ? undefined : path.relative(root, lettersFile),
      (await readFile(englishFile, 'utf8')) === built.english ? undefined : path.relative(root, englishFile),
    ].filter((x) => x !== undefined);
    console.log(stale.length === 0 ? `lexicon: the committed files are what the build gives: ${what} (${seconds} s)` : `lexicon: differs from a fresh build: ${stale.join(', ')} (run npm run build:lexicon)`);
    process.exitCode = stale.length === 0 ? 0 : 1;
  } else {
    const gz = gzipSync(built.payload, { level: 9 });
    await writeFileAtomic(defaultLexiconFile, gz);
    await writeFileAtomic(lettersFile, built.letters);
    await writeFileAtomic(englishFile, built.english);
    console.log(`lexicon: ${what}; ${(built.payload.length / 1e6).toFixed(2)} MB, ${(gz.length / 1e6).toFixed(2)} MB gzipped, built in ${seconds} s → ${path.relative(root, defaultLexiconFile)}`);
  }
}
