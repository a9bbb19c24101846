/**
 * `npm run build:lexicon`: builds the lexicons that ship with the package,
 * data/lexicon/lexicon-<language>.bin (format: src/reverse/lexicon-file.ts), from npm packages
 * that are devDependencies and, for Ukrainian, Debian's hunspell-uk (read where it is installed
 * or extracted, `--debian-root DIR`, default /; never downloaded by the build), as
 * data/lexicon/sources.json says for each language: the language's
 * Hunspell dictionary expanded with hunspell-reader (capitalised entries flagged proper), and for
 * Russian the russian_name names filtered against it and patronymics derived by
 * data/lexicon/patronymics.json; every lexicon carries the most frequent words of
 * popular-english-words. The Russian build also rewrites the committed letter statistics
 * (src/reverse/data/ru-letters.json) and the short English list the core uses without a lexicon
 * (src/reverse/data/english-common.json). The files are committed; test/lexicon.test.ts checks
 * that each was built from the inputs now installed. `npm run build:lexicon -- --check` rebuilds
 * in memory and says whether the committed files are exactly what the build gives;
 * `--lang uk` builds or checks one language.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { writeFileAtomic } from '../src/io/atomic-write.ts';
import { shippedLexiconFile } from '../src/io/lexicon.ts';
import { LexiconFlag } from '../src/reverse/lexicon.ts';
import { encodeLexicon } from '../src/reverse/lexicon-file.ts';
import { getLanguage } from '../src/schemes/languages.ts';
import { APOSTROPHE_LETTER } from '../src/schemes/script.ts';
import { formatLetterStats, letterStats } from '../src/detect/letters.ts';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const sourcesFile = path.join(root, 'data', 'lexicon', 'sources.json');

/** Name lists in the layout of russian_name: JSON arrays of records, one name per record. */
interface NameSources {
  package: string;
  /** The folder of the lists, beside the package's main file's folder. */
  folder: string;
  given: string[];
  givenKey: string;
  /** The list of male given names, from which patronymics are derived. */
  maleGiven: string;
  maleSurnames: string;
  femaleSurnames: string;
  surnameKey: string;
}

/**
 * A Hunspell dictionary taken from a Debian package rather than npm: the build reads the files
 * where the package was installed or extracted (--debian-root) and refuses them unless their
 * checksums are the ones recorded here, so the record names exactly what the file is made of
 * (data/lexicon/README.md).
 */
interface DebianDictionary {
  debian: string;
  version: string;
  /** The package file as the Debian archive serves it, and its checksum there. */
  deb: { file: string; sha256: string };
  /** The affix and dictionary files, by their path inside the package. */
  aff: { path: string; sha256: string };
  dic: { path: string; sha256: string };
}

/** What one language's lexicon is built from (data/lexicon/sources.json). */
export interface LanguageSources {
  /** An npm package with index.aff and index.dic, or a Debian package's files. */
  dictionary: string | DebianDictionary;
  commonForms: 'all' | 'headword' | { lettersMore: number };
  names?: NameSources;
  /** Patronymic rules, a file of data/lexicon/. */
  patronymics?: string;
  /** The letter statistics file written from the words (repository path). */
  letters?: string;
  /** The core's short English list written from the English words (repository path). */
  englishCommon?: string;
}

interface Sources {
  english: { package: string; top: number; common: number };
  languages: Record<string, LanguageSources>;
}

/** The build's description of every shipped lexicon. */
export function lexiconSources(): Sources {
  return JSON.parse(readFileSync(sourcesFile, 'utf8')) as Sources;
}

/** The languages that have a shipped lexicon, in the order of data/lexicon/sources.json. */
export function lexiconLanguages(): string[] {
  return Object.keys(lexiconSources().languages);
}

function sourcesOf(language: string): LanguageSources {
  const s = lexiconSources().languages[language];
  if (s === undefined) throw new Error(`no lexicon sources for "${language}" in data/lexicon/sources.json (known: ${lexiconLanguages().join(', ')})`);
  return s;
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

/** A text file's SHA-256 with line ends normalised (a Windows checkout gives the same digest). */
const digest = (file: string): string => `sha256:${createHash('sha256').update(readFileSync(file, 'utf8').replace(/\r\n/g, '\n')).digest('hex').slice(0, 16)}`;

/** How a build's record and messages name a dictionary. */
const dictionaryName = (d: string | DebianDictionary): string => (typeof d === 'string' ? d : `${d.debian} ${d.version} (Debian)`);

/** Where the Debian package's files are read by default: where `apt-get install` puts them. */
export const DEFAULT_DEBIAN_ROOT = '/';

const sha256Of = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * The affix and dictionary files of a language's dictionary: the npm package's, or the Debian
 * package's under `debianRoot`, checked against the checksums of data/lexicon/sources.json.
 */
function dictionaryFiles(d: string | DebianDictionary, debianRoot: string): { aff: string; dic: string } {
  if (typeof d === 'string') {
    const dir = path.dirname(require.resolve(d));
    return { aff: path.join(dir, 'index.aff'), dic: path.join(dir, 'index.dic') };
  }
  const files = { aff: path.join(debianRoot, d.aff.path), dic: path.join(debianRoot, d.dic.path) };
  for (const kind of ['aff', 'dic'] as const) {
    const file = files[kind];
    if (!existsSync(file)) {
      throw new Error(`${file} not found: the ${dictionaryName(d)} dictionary is read from the Debian package (apt-get install ${d.debian}, or apt-get download ${d.debian} && dpkg-deb -x ${d.debian}_*.deb DIR, then --debian-root DIR)`);
    }
    const sum = sha256Of(file);
    if (sum !== d[kind].sha256) throw new Error(`${file}: sha256 ${sum}, not the ${d[kind].sha256} of ${dictionaryName(d)} that data/lexicon/sources.json records (another version of the package?)`);
  }
  return files;
}

const versionOf = (name: string): string => (JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * What a language's lexicon is built from, as recorded in its header: the versions of the source
 * packages installed now and digests of the sources file, the rules and this script.
 */
export function lexiconInputs(options: { language?: string } = {}): Record<string, string> {
  const language = options.language ?? 'ru';
  const s = sourcesOf(language);
  const inputs: Record<string, string> = {};
  if (typeof s.dictionary === 'string') inputs[s.dictionary] = versionOf(s.dictionary);
  else {
    // The Debian files are not needed to say what they were: their checksums are in sources.json.
    inputs[`${s.dictionary.debian} (Debian)`] = s.dictionary.version;
    inputs[s.dictionary.aff.path] = `sha256:${s.dictionary.aff.sha256}`;
    inputs[s.dictionary.dic.path] = `sha256:${s.dictionary.dic.sha256}`;
  }
  for (const name of ['hunspell-reader', ...(s.names === undefined ? [] : [s.names.package]), lexiconSources().english.package]) inputs[name] = versionOf(name);
  if (s.patronymics !== undefined) inputs[`data/lexicon/${s.patronymics}`] = digest(path.join(root, 'data', 'lexicon', s.patronymics));
  inputs['data/lexicon/sources.json'] = digest(sourcesFile);
  inputs['scripts/build-lexicon.ts'] = digest(import.meta.filename);
  return inputs;
}

/** What a build gives: the file's bytes and the committed side files, with figures. */
export interface LexiconBuild {
  language: string;
  /** The lexicon payload, uncompressed. */
  payload: Uint8Array;
  /** Side files by repository path, with their contents. */
  sideFiles: Map<string, string>;
  figures: { entries: number; proper: number; given: number; surnames: number; patronymics: number; english: number };
}

/**
 * Builds a language's lexicon (default Russian) in memory from the installed source packages;
 * a dictionary from a Debian package is read under `debianRoot` (default /).
 */
export async function buildLexicon(options: { language?: string; debianRoot?: string } = {}): Promise<LexiconBuild> {
  const language = options.language ?? 'ru';
  const s = sourcesOf(language);
  const lang = getLanguage(language);
  const { IterableHunspellReader } = await import('hunspell-reader');
  const files = dictionaryFiles(s.dictionary, options.debianRoot ?? DEFAULT_DEBIAN_ROOT);
  const reader = await IterableHunspellReader.createFromFiles(files.aff, files.dic);
  // The language's apostrophes inside a word are its one apostrophe letter, as the engine reads them (src/schemes/script.ts).
  const apostrophes = lang.apostrophes === undefined ? undefined : new RegExp(`[${[...lang.apostrophes].map((ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`).join('')}]`, 'gu');
  const wordPattern = lang.apostrophes === undefined ? /^[\p{Script=Cyrillic}-]+$/u : new RegExp(`^\\p{Script=Cyrillic}[\\p{Script=Cyrillic}${APOSTROPHE_LETTER}-]*$`, 'u');
  const flags = new Map<string, number>();
  const add = (word: string, flag: number): void => {
    let w = word.toLowerCase();
    if (apostrophes !== undefined) w = w.replace(apostrophes, APOSTROPHE_LETTER);
    if (!wordPattern.test(w)) return;
    flags.set(w, (flags.get(w) ?? 0) | flag);
  };
  const capitalised = new Set<string>();
  const isCapitalised = (form: string): boolean => form[0] !== form[0]!.toLowerCase();
  if (s.commonForms === 'all') {
    for (const form of reader.seqWords()) {
      const proper = isCapitalised(form);
      if (proper) capitalised.add(form.toLowerCase());
      add(form, proper ? LexiconFlag.proper : LexiconFlag.word);
    }
  } else {
    // Every form of a capitalised entry (names and places, which romanized text is mostly made of);
    // of the others, the headword and, with lettersMore, the forms not much longer than it.
    const more = s.commonForms === 'headword' ? -1 : s.commonForms.lettersMore;
    for (const entry of reader.seqTransformDictionaryEntries()) {
      for (const form of entry) {
        const proper = isCapitalised(form.word);
        if (proper) capitalised.add(form.word.toLowerCase());
        // The dictionary line the form comes from: its word, before the flags, is the headword.
        const headword = form.dic.split('/')[0]!;
        if (!proper && form.word !== headword && (more < 0 || [...form.word].length > [...headword].length + more)) continue;
        add(form.word, proper ? LexiconFlag.proper : LexiconFlag.word);
      }
    }
  }
  let given = 0;
  let surnames = 0;
  let patronymics = 0;
  if (s.names !== undefined) {
    const names = s.names;
    const nameDir = path.join(path.dirname(require.resolve(names.package)), '..', names.folder);
    const readNames = (f: string, key: string): string[] =>
      (JSON.parse(readFileSync(path.join(nameDir, f), 'utf8')) as Record<string, string>[]).map((r) => r[key]!.toLowerCase());
    // The name lists are noisy (Авлександр, Аатолий): keep a given name only when the dictionary
    // also has it as a proper noun, and a surname only when both its male and female forms are
    // listed (Иванов/Иванова), or the dictionary has it.
    const givenNames: string[] = [];
    for (const f of names.given) {
      for (const name of readNames(f, names.givenKey)) {
        if (!capitalised.has(name)) continue;
        add(name, LexiconFlag.given);
        given++;
        if (f === names.maleGiven) givenNames.push(name);
      }
    }
    if (s.patronymics === undefined) throw new Error(`${language}: names need patronymic rules (femaleSurnames) in data/lexicon/sources.json`);
    const rules = JSON.parse(readFileSync(path.join(root, 'data', 'lexicon', s.patronymics), 'utf8')) as PatronymicRules;
    const female = new Set(readNames(names.femaleSurnames, names.surnameKey));
    for (const name of readNames(names.maleSurnames, names.surnameKey)) {
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
    for (const name of givenNames) {
      for (const p of patronymicsOf(name, rules)) {
        add(p, LexiconFlag.patronymic);
        patronymics++;
      }
    }
    for (const p of rules.extra) add(p, LexiconFlag.patronymic);
  }

  const englishSources = lexiconSources().english;
  const { words: englishAll } = (await import(`${englishSources.package}/words.js`)) as { words: string[] };
  const english = englishAll.slice(0, englishSources.top).filter((w) => /^[a-z]+$/.test(w));
  const payload = encodeLexicon({ language, words: flags, english, inputs: lexiconInputs({ language }) });

  const sorted = [...flags.keys()].sort();
  const sideFiles = new Map<string, string>();
  if (s.letters !== undefined) {
    sideFiles.set(s.letters, formatLetterStats(letterStats(sorted, { comment: `Generated by \`npm run build:lexicon\` (scripts/build-lexicon.ts) from ${[dictionaryName(s.dictionary), ...(s.names === undefined ? [] : [s.names.package])].join(' and ')} word types: log10 P(next letter | letter) x 100 (add-one smoothed), and log10 P(next | two letters) x 100 for triples seen 3+ times. Ranks readings in src/reverse.` })));
  }
  if (s.englishCommon !== undefined) {
    const common = { $comment: `Generated by \`npm run build:lexicon\`: the ${englishSources.common} most frequent English words of popular-english-words 1.0 (ISC licence, Tim Koop; counted from Wikipedia). Words the core leaves alone when no lexicon is loaded.`, words: english.slice(0, englishSources.common) };
    sideFiles.set(s.englishCommon, `${JSON.stringify(common)}\n`);
  }
  let proper = 0;
  for (const f of flags.values()) if (f & LexiconFlag.proper) proper++;
  return { language, payload, sideFiles, figures: { entries: sorted.length, proper, given, surnames, patronymics, english: english.length } };
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename) {
  const { values } = parseArgs({ options: { check: { type: 'boolean' }, lang: { type: 'string', multiple: true }, 'debian-root': { type: 'string' } } });
  const languages = values.lang ?? lexiconLanguages();
  let stale = 0;
  for (const language of languages) {
    const t0 = performance.now();
    const built = await buildLexicon({ language, ...(values['debian-root'] === undefined ? {} : { debianRoot: values['debian-root'] }) });
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    const f = built.figures;
    const file = shippedLexiconFile({ language });
    const what = `${language}: ${f.entries} entries (${f.proper} capitalised${f.given + f.surnames + f.patronymics === 0 ? '' : `, ${f.given} given names, ${f.surnames} surnames, ${f.patronymics} patronymics`}), ${f.english} English words`;
    if (values.check === true) {
      // Compares content, not gzip bytes: another zlib may compress the same payload differently.
      const differ: string[] = [];
      if (Buffer.compare(gunzipSync(await readFile(file)), built.payload) !== 0) differ.push(path.relative(root, file));
      for (const [side, text] of built.sideFiles) if ((await readFile(path.join(root, side), 'utf8')) !== text) differ.push(side);
      console.log(differ.length === 0 ? `lexicon ${what}: the committed files are what the build gives (${seconds} s)` : `lexicon ${language}: differs from a fresh build: ${differ.join(', ')} (run npm run build:lexicon)`);
      if (differ.length > 0) stale++;
    } else {
      const gz = gzipSync(built.payload, { level: 9 });
      await writeFileAtomic(file, gz);
      for (const [side, text] of built.sideFiles) await writeFileAtomic(path.join(root, side), text);
      console.log(`lexicon ${what}; ${(built.payload.length / 1e6).toFixed(2)} MB, ${(gz.length / 1e6).toFixed(2)} MB gzipped, built in ${seconds} s → ${path.relative(root, file)}`);
    }
  }
  process.exitCode = stale === 0 ? 0 : 1;
}
