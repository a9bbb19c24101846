/**
 * `npm run build:conventional`: writes the `pantheon` rows of src/check/data/conventional.json,
 * the established English forms of well-known Russian and Soviet people (docs/check.md
 * "Conventional forms"), from data/conventional/pantheon-russia.tsv.
 *
 * The input (data/conventional/README.md says where it comes from) is every person of the
 * Pantheon 1.0 dataset born in Russia or another country of the former Russian Empire and USSR,
 * with the Russian name of each, written by hand, or why the person is left out. From each person
 * kept, this script makes:
 * - the full name as Pantheon gives it (the English Wikipedia title, e.g. Fyodor Dostoyevsky), when
 *   a scheme a text may declare (the Library of Congress family, Wikipedia's, BGN/PCGN) writes its
 *   surname otherwise: a person whose surname these schemes write as English does (Vyacheslav
 *   Molotov, Sergey Kirov, Anna Akhmatova)
 *   has no established form of their own, and a given name in another spelling is a romanization
 *   like any other; not a name with an initial or a hyphen (the checker reads "Rimsky-Korsakov" as
 *   two words, and the full-name rule takes words that stand apart);
 * - the surname alone (Dostoyevsky, Berdyaev; each part of a hyphenated one, Rimsky), when that
 *   schemes write it otherwise and the surname is one person's: Pantheon has one person of that
 *   surname (in any country), no other person kept has the same Russian surname, it is not an
 *   English word (the checker's English lists), and it is not a common Russian surname, formed
 *   from a given name or a common word (Ivanov, Popov, Solovyov, Zinoviev: see `common`).
 * A form already in the list from another source keeps that row, and a surname whose Russian word
 * the list has another one-word form of (Dostoevsky) is not added (Pantheon's Dostoyevsky).
 *
 * `--check` compares with the committed file instead of writing it. `--pantheon FILE` checks the
 * input's Pantheon columns against Pantheon 1.0's pantheon.tsv (the rows it selects, their fields,
 * and the bearers of each surname) and writes nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../src/io/atomic-write.ts';
import { loadLexicon } from '../src/io/lexicon.ts';
import { romanize } from '../src/engine/romanize.ts';
import { englishLists } from '../src/check/english.ts';
import { foldRomanized, LexiconFlag } from '../src/reverse/index.ts';

const root = path.resolve(import.meta.dirname, '..');
const input = path.join(root, 'data', 'conventional', 'pantheon-russia.tsv');
const output = path.join(root, 'src', 'check', 'data', 'conventional.json');
const SOURCE = 'pantheon';
/**
 * The schemes a text is checked against (the Library of Congress family, and Wikipedia's and
 * BGN/PCGN's, which English prose declares as often): a form any of them writes otherwise may be
 * flagged by it. Wikipedia's and BGN/PCGN's are among them because without them
 * `--scheme wikipedia` flags Valery Gergiev (Gergiyev) in an article on an opera (docs/check.md,
 * "Well-known people, from Pantheon 1.0").
 */
const FAMILY = ['ala-lc', 'ala-lc-simplified', 'modified-loc', 'scholarly', 'wikipedia', 'bgn-pcgn'];

interface Person {
  id: string;
  name: string;
  bearers: number;
  russian: string;
}

/** Birth countries of the former Russian Empire and USSR, as Pantheon 1.0 names them (upper case). */
const COUNTRIES = ['RUSSIA', 'UKRAINE', 'BELARUS', 'GEORGIA', 'LITHUANIA', 'LATVIA', 'ESTONIA', 'AZERBAIJAN', 'MOLDOVA', 'UZBEKISTAN', 'KAZAKHSTAN', 'ARMENIA', 'TURKMENISTAN', 'KYRGYZSTAN', 'TAJIKISTAN'];

const pantheonAt = process.argv.indexOf('--pantheon');
if (pantheonAt >= 0) {
  // The input's first eight columns, made again from Pantheon 1.0: en_curid, name, numlangs,
  // birthcity, country, birthyear, occupation, and how many people of all Pantheon end their
  // name with the same word.
  const rows = readFileSync(process.argv[pantheonAt + 1]!, 'utf8').split('\n').slice(1).filter((l) => l !== '').map((l) => l.split('\t'));
  const nameOf = (r: string[]): string => r[1]!.replace(/^"|"$/gu, '');
  const last = (name: string): string => name.split(' ').at(-1)!.toLowerCase();
  const bearers = new Map<string, number>();
  for (const r of rows) bearers.set(last(nameOf(r)), (bearers.get(last(nameOf(r))) ?? 0) + 1);
  const want = rows
    .filter((r) => COUNTRIES.includes(r[5]!.toUpperCase()))
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map((r) => [r[0], nameOf(r), r[2], r[3], r[5]!.toUpperCase(), r[11], r[13], String(bearers.get(last(nameOf(r))))].join('\t'));
  const have = readFileSync(input, 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#')).slice(1).map((l) => l.split('\t').slice(0, 8).join('\t'));
  const missing = want.filter((w) => !have.includes(w));
  const extra = have.filter((h) => !want.includes(h));
  for (const m of missing) console.log(`not in the input: ${m}`);
  for (const x of extra) console.log(`not in Pantheon: ${x}`);
  console.log(`${want.length} people of Pantheon born in ${COUNTRIES.length} countries; the input has ${have.length}, ${missing.length} missing, ${extra.length} not in Pantheon`);
  process.exit(missing.length + extra.length === 0 ? 0 : 1);
}

const lines = readFileSync(input, 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'));
const head = lines[0]!.split('\t');
const col = (name: string): number => {
  const i = head.indexOf(name);
  if (i < 0) throw new Error(`${input}: no column ${name}`);
  return i;
};
const people: Person[] = [];
for (const line of lines.slice(1)) {
  const f = line.split('\t');
  const russian = f[col('russian')]!;
  const excluded = f[col('excluded')] ?? '';
  if (russian === '-') {
    if (excluded === '') throw new Error(`${input}: ${f[col('name')]} is left out without a reason`);
    continue;
  }
  const person = { id: f[col('en_curid')]!, name: f[col('name')]!, bearers: Number(f[col('bearers')]), russian };
  const words = person.name.split(' ');
  const cyr = russian.split(' ');
  if (words.length !== cyr.length || words.some((w, i) => w.split('-').length !== cyr[i]!.split('-').length)) throw new Error(`${input}: ${person.name} and ${russian} do not have the same words`);
  people.push(person);
}

const lexicon = await loadLexicon();
if (lexicon === undefined) throw new Error('the lexicon (data/lexicon/lexicon-ru.bin) is needed');
const { common: englishCommon, names: englishNames } = englishLists();
const capital = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
/**
 * Whether a scheme of the family writes the Russian word otherwise than the English form. Marks
 * (ALA-LC's breves and tie bars) do not count: Beliaev is ala-lc-simplified's, not a form of its
 * own beside ala-lc's Beli͡aev.
 */
const differs = (form: string, cyrillic: string): boolean => FAMILY.some((scheme) => romanize(capital(cyrillic), { scheme }).normalize('NFD').replace(/\p{M}/gu, '') !== form);
/**
 * A common Russian surname: a word of the Russian dictionary itself (Белый, Лебедь, Горский), or
 * one formed with -ов/-ев/-ин from a given name or a common word the dictionary has (Иванов from
 * Иван, Попов from поп, Соловьёв from соловей, Зиновьев from Зиновий, Николаев from Николай,
 * Зайцев from заяц, Ильин from Илья), so that many people bear it; or a patronymic (Timofeyevich).
 */
const common = (surname: string): boolean => {
  const known = (w: string): boolean => (lexicon.lookup(w) & (LexiconFlag.word | LexiconFlag.given)) !== 0;
  if (known(surname) || (lexicon.lookup(surname) & LexiconFlag.patronymic) !== 0) return true;
  const m = /^(.+?)(?:ов|ев|ёв|ин|ын)(?:а)?$/u.exec(surname);
  if (m === null) return false;
  const stem = m[1]!;
  const bases = [stem, `${stem}ь`];
  if (stem.endsWith('ь')) bases.push(`${stem.slice(0, -1)}ий`, `${stem.slice(0, -1)}ей`, `${stem.slice(0, -1)}я`);
  if (/[аеиоуыэюяё]$/u.test(stem)) bases.push(`${stem}й`);
  if (/(?:ин|ын)а?$/u.test(surname)) bases.push(`${stem}а`, `${stem}я`);
  // A vowel the ending drops (заяц → Зайцев, орёл → Орлов).
  const two = /^(.*[^аеиоуыэюяё])([^аеиоуыэюяёь])$/u.exec(stem);
  if (two !== null) bases.push(`${two[1]}е${two[2]}`, `${two[1]}о${two[2]}`, `${two[1]}ё${two[2]}`);
  if (/йц$/u.test(stem)) bases.push(`${stem.slice(0, -2)}яц`);
  return bases.some(known);
};
const english = (form: string): boolean => {
  const fold = foldRomanized(form);
  return englishCommon.has(fold) || englishNames.has(fold);
};

const current = JSON.parse(readFileSync(output, 'utf8')) as { $comment: string; forms: [string, string, string][] };
const others = current.forms.filter(([, , source]) => source !== SOURCE);
const taken = new Map(others.map(([form, cyr]) => [form.toLowerCase(), cyr]));
// Russian words the list already has a form of its own for (Dostoevsky): a surname is not given a
// second one (Pantheon's Dostoyevsky), which would compete with it as the fix.
const ownWords = new Set(others.filter(([form]) => !form.includes(' ')).map(([, cyr]) => cyr));
const surnameCount = new Map<string, number>();
for (const p of people) {
  const s = p.russian.split(' ').at(-1)!;
  surnameCount.set(s, (surnameCount.get(s) ?? 0) + 1);
}

const made: [string, string, string][] = [];
const skipped: string[] = [];
const add = (form: string, cyrillic: string, why: string): number => {
  const had = taken.get(form.toLowerCase());
  if (had !== undefined) {
    if (had !== cyrillic) skipped.push(`${form} (${why}): the list has it as ${had}`);
    return 0;
  }
  taken.set(form.toLowerCase(), cyrillic);
  made.push([form, cyrillic, SOURCE]);
  return 1;
};
let fullNames = 0;
let surnames = 0;
for (const p of people) {
  const words = p.name.split(' ');
  const cyr = p.russian.split(' ');
  const initial = words.some((w) => /^\p{L}\.$/u.test(w));
  // A person whose surname the family writes as English does (Vyacheslav Molotov, Sergey Kirov)
  // has no established form of their own: the given name is then a romanization like any other.
  if (words.length >= 2 && !initial && !words.some((w) => w.includes('-')) && differs(words.at(-1)!, cyr.at(-1)!)) {
    fullNames += add(p.name, p.russian, 'full name');
  }
  if (words.length < 2) continue;
  const surname = words.at(-1)!;
  const russianSurname = cyr.at(-1)!;
  if (p.bearers !== 1 || surnameCount.get(russianSurname)! > 1) continue;
  const parts = surname.split('-');
  const russianParts = russianSurname.split('-');
  if (parts.some((w) => english(w)) || russianParts.some((w) => common(w))) continue;
  parts.forEach((w, i) => {
    if (!differs(w, russianParts[i]!) || (ownWords.has(russianParts[i]!) && !taken.has(w.toLowerCase()))) return;
    surnames += add(w, russianParts[i]!, p.name);
  });
}

const out = {
  $comment: current.$comment,
  forms: [...others, ...made],
};
const text = `{\n "$comment": ${JSON.stringify(out.$comment)},\n "forms": [\n${out.forms.map((r) => `  ${JSON.stringify(r).replace(/","/gu, '", "')}`).join(',\n')}\n ]\n}\n`;
for (const s of skipped) console.log(`kept the list's own row: ${s}`);
const summary = `${people.length} people kept of the input; ${fullNames} full names and ${surnames} surnames added → ${path.relative(root, output)} (${out.forms.length} forms, ${(text.length / 1024).toFixed(1)} KB)`;
if (process.argv.includes('--check')) {
  if (readFileSync(output, 'utf8') !== text) {
    console.error(`${path.relative(root, output)} differs from what ${path.relative(root, input)} makes: run npm run build:conventional`);
    process.exitCode = 1;
  } else console.log(`up to date: ${summary}`);
} else {
  await writeFileAtomic(output, text);
  console.log(summary);
}
