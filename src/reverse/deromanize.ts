import { assertOptions, LatinitsaError } from '../errors.ts';
import { describeValue, resolveScheme, type RomanizeOptions } from '../engine/resolve.ts';
import { sourceOffsets } from '../engine/normalize.ts';
import { getInverse, lexiconBonus, searchCandidates, scoreWord, type Inverse, type LetterModel, type RawCandidate } from './decode.ts';
import equivalents from './equivalents.json' with { type: 'json' };
import englishCommon from './data/english-common.json' with { type: 'json' };
import nameJoiners from './data/name-joiners.json' with { type: 'json' };
import { flagNames, isLexicon, lexiconForLanguage, lexiconKnows, type Lexicon } from './lexicon.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { languageLetters } from '../detect/letters.ts';
import { conventionalForms } from '../check/conventional.ts';
import { ENDS_IN_MARK_S, JOINERS, withoutPossessive, wordPattern } from './words.ts';

/** Options of {@link deromanize}: the scheme the text is in, its options, and how to rank. */
export interface DeromanizeOptions {
  /** Scheme id or loaded scheme of the romanized text. Default `DEFAULT_SCHEME`. */
  scheme?: RomanizeOptions['scheme'];
  /** Options of that scheme, as for `romanize` (e.g. `{ tie: 'halves' }`, `{ signs: 'ascii' }`). */
  schemeOptions?: Readonly<Record<string, unknown>>;
  /** Word lists that rank the readings (see `loadLexicon`); without one, letter statistics rank them. */
  lexicon?: Lexicon;
  /**
   * Convert every word the scheme can produce, even English-looking ones. Use for text known to
   * be all romanized Russian; the round trip `deromanize(romanize(s)) === s` holds with it.
   * Default `false`: only plausible romanized Russian words change (docs/reverse.md).
   */
  all?: boolean;
  /** How many alternatives to report per word. Default 5. */
  alternatives?: number;
}

/** One reading of a word. */
export interface Candidate {
  /** The Cyrillic word, in the case of the input. */
  text: string;
  /** Higher is better (log10 units: letter statistics plus lexicon bonuses). */
  score: number;
  /** What the lexicon says the word is (`word`, `given`, `surname`, `patronymic`, `proper`); empty when unknown. */
  attested: string[];
}

/** What became of one Latin word of the text. */
export interface WordReading {
  /** Offsets [start, end) of the word in the input. */
  input: [number, number];
  /** The word as written. */
  source: string;
  /** The word in the output (unchanged when it was not converted). */
  output: string;
  /** Whether the word was read as romanized Russian and converted. */
  converted: boolean;
  /** Whether the reading is certain: only one reading, or the only one the lexicon attests. */
  certain: boolean;
  /** Why the word was or was not converted. */
  reason: 'not-producible' | 'code' | 'mixed-case' | 'english' | 'scheme-marks' | 'lexicon' | 'context' | 'alone' | 'all';
  /** Readings, best first (empty when the scheme cannot produce the word). */
  candidates: Candidate[];
}

/** The result of {@link deromanizeDetailed}. */
export interface DeromanizeResult {
  text: string;
  words: WordReading[];
  /**
   * Findings about the reading as a whole: a `reverse/unchecked-reading` warning when words of a
   * lossy scheme were read without a lexicon of the scheme's language (docs/languages.md, "Reverse").
   */
  diagnostics: Diagnostic[];
}

const englishFallback = new Set(englishCommon.words);

/**
 * The hundred commonest English words (the, in, on, to, as, no: english-common.json is ordered by
 * frequency). With a capital such a word begins an English sentence; it is not the name the
 * lexicon may have for it (In is a surname, Ин). Past the first hundred come names (john at 341,
 * maria at 2557), which a capital may well make Russian.
 */
const ENGLISH_FUNCTION_WORDS = new Set(englishCommon.words.slice(0, 100));

interface Context {
  inv: Inverse;
  romanizeOptions: RomanizeOptions;
  lexicon: Lexicon | undefined;
  model: LetterModel;
  /** Canonical replacements of input variants for this scheme (docs/rules/output.md). */
  replace: Map<string, string>;
  tie: 'breve' | 'halves' | undefined;
  tokenPattern: RegExp;
  alternatives: number;
}

const contexts = new WeakMap<Inverse, Map<string, Context>>();

/** English quotation marks, by closing mark: its opening one (equivalents.json `quotes`). */
const QUOTE_OPENERS = new Map(equivalents.quotes.map(([open, close]): [string, string] => [close!, open!]));

/** Any of the quotation marks of {@link QUOTE_OPENERS}. */
const QUOTE_MARKS = new RegExp(`[${[...QUOTE_OPENERS].flat().join('')}]`, 'u');

/** A blank line, where a quotation left open ends (English opens each quoted paragraph anew). */
const PARAGRAPH_BREAK = /\n[^\S\n]*\n/y;

/** The names of {@link DeromanizeOptions}, checked at the functions that take them. */
const DEROMANIZE_OPTIONS: readonly (keyof DeromanizeOptions)[] = ['scheme', 'schemeOptions', 'lexicon', 'all', 'alternatives'];

/**
 * Refuses a value that is no lexicon. The options of every reading back (deromanize, candidates,
 * convert, detectScheme) pass here: a JavaScript caller's wrong lexicon is an ERR_INVALID_OPTION,
 * not a TypeError deep in the search (otherwise `deromanize(text, { lexicon: 5 })` fails there).
 */
export function assertLexicon(lexicon: unknown): void {
  if (lexicon !== undefined && !isLexicon(lexicon)) {
    throw new LatinitsaError('ERR_INVALID_OPTION', `option "lexicon" must be a lexicon (from loadLexicon or createLexicon: lookup, hasPrefix and isEnglish functions), found ${describeValue(lexicon)}`);
  }
}

function context(options: DeromanizeOptions): Context {
  assertLexicon(options.lexicon);
  const compiled = resolveScheme({ ...options.schemeOptions, scheme: options.scheme });
  // Later romanizations (verifying readings) name the scheme object: it is looked up once.
  const romanizeOptions: RomanizeOptions = { ...options.schemeOptions, scheme: compiled.scheme };
  const inv = getInverse(compiled);
  let perInv = contexts.get(inv);
  if (perInv === undefined) contexts.set(inv, (perInv = new Map()));
  const key = String(options.alternatives ?? 5);
  let ctx = perInv.get(key);
  if (ctx === undefined) {
    const replace = new Map<string, string>();
    for (const cls of equivalents.classes) {
      const chars = [...cls.chars];
      const target = chars.find((ch) => inv.outputChars.has(ch.toLowerCase()));
      if (target === undefined) continue;
      // A member the scheme writes itself keeps its own meaning (ISO 9 writes ʹ for ь and ’ for
      // the Ukrainian apostrophe).
      for (const ch of chars) if (ch !== target && !inv.outputChars.has(ch.toLowerCase())) replace.set(ch, target);
    }
    const t = equivalents.ties;
    const tie = inv.outputChars.has(t.breve) ? 'breve' : inv.outputChars.has(t.left) ? 'halves' : undefined;
    const inner = new Set([...inv.innerChars, ...replace.keys()]);
    if (tie !== undefined) for (const ch of [t.breve, t.left, t.right]) inner.add(ch);
    // A word (wordPattern): the scheme's own in-word characters and their input variants count
    // anywhere in it, and it may start with one of the scheme's own.
    const tokenPattern = wordPattern(inner, inv.innerChars);
    ctx = { inv, romanizeOptions, lexicon: options.lexicon, model: languageLetters(inv.compiled.language.id), replace, tie, tokenPattern, alternatives: options.alternatives ?? 5 };
    perInv.set(key, ctx);
  }
  // A lexicon of another language is not used (the shipped Russian one made Донецк certain for the
  // Ukrainian Donetsk): the readings are taken as without a lexicon (`lexiconForLanguage`).
  const lexicon = lexiconForLanguage(options.lexicon, inv.compiled.language.id);
  return lexicon === ctx.lexicon ? ctx : { ...ctx, lexicon };
}

/**
 * The warning that readings are not checked against a dictionary: a lossy scheme (not the exact
 * ones, docs/reverse.md) read without a lexicon of its language ranks by letter statistics alone,
 * and its best reading may be wrong (docs/languages.md, "Reverse"). Undefined when the readings
 * are checked or exact. `deromanizeDetailed` and `convertDetailed` report it when they read a word;
 * the CLI prints it once per run in which a word was read.
 */
export function uncheckedReading(options: DeromanizeOptions = {}): Diagnostic | undefined {
  return uncheckedIn(context(options));
}

function uncheckedIn(ctx: Context): Diagnostic | undefined {
  const language = ctx.inv.compiled.language;
  if (ctx.inv.exact || lexiconKnows(ctx.lexicon, language.id)) return undefined;
  const scheme = ctx.inv.compiled.scheme.id;
  return {
    ruleId: 'reverse/unchecked-reading',
    source: 'latinitsa',
    severity: 'warning',
    reason: `readings of ${language.name} from ${scheme} are not checked against a dictionary (no lexicon of ${language.name} was given) and may be wrong.`,
    url: 'docs/languages.md',
    data: { scheme, lang: language.id },
  };
}

/** The word in the characters the scheme itself writes (the variants of docs/rules/output.md). */
function canonical(word: string, ctx: Context): string {
  let s = word.normalize('NFC');
  if (ctx.replace.size > 0) s = [...s].map((ch) => ctx.replace.get(ch) ?? ch).join('');
  const t = equivalents.ties;
  if (ctx.tie === 'breve') s = s.replace(new RegExp(`(\\p{L})${t.left}(\\p{L})${t.right}`, 'gu'), `$1${t.breve}$2`);
  else if (ctx.tie === 'halves') s = s.replace(new RegExp(`(\\p{L})${t.breve}(\\p{L})`, 'gu'), `$1${t.left}$2${t.right}`);
  return s.normalize('NFC');
}

/** Start offsets of the clusters of a string (a character and the combining marks after it). */
function clusterStarts(s: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < s.length; i++) if (!/\p{M}/u.test(s[i]!)) starts.push(i);
  return starts;
}

/** Upper-cases the letters of a reading whose Latin starts with a capital; signs and letters written as nothing follow their neighbours (docs/rules/case.md). */
function applyCase(c: RawCandidate, word: string): string {
  const chars = [...c.cyr];
  // Spans index the lower-case NFC word; its clusters match the word's one for one even where
  // case changes composition (J̌ is J + caron, its lower case the one character ǰ).
  const lower = word.toLowerCase().normalize('NFC');
  const lowerStarts = clusterStarts(lower);
  const wordStarts = clusterStarts(word);
  if (lowerStarts.length !== wordStarts.length) return c.cyr;
  const clusterAt = (offset: number): number => {
    let k = 0;
    while (k + 1 < lowerStarts.length && lowerStarts[k + 1]! <= offset) k++;
    return k;
  };
  const upper: (boolean | undefined)[] = c.spans.map(([s, e]) => {
    if (s === e) return undefined;
    for (let k = clusterAt(s); k < wordStarts.length && (lowerStarts[k] ?? Infinity) < e; k++) {
      const ch = word[wordStarts[k]!]!;
      if (ch.toLowerCase() !== ch.toUpperCase()) return ch !== ch.toLowerCase();
    }
    return undefined;
  });
  // A letter written as nothing (a sign, the й of -ий → y) is upper case when both neighbours
  // are; at the edge of a word, when the word's other letters are all capitals and are written
  // with at least two Latin letters (КУБАНЬ ← KUBANʹ, ЖЬ ← Zhʹ, but Нь ← Nʹ).
  const latinCased = [...word].filter((ch) => ch.toLowerCase() !== ch.toUpperCase()).length;
  const allUpper = latinCased >= 2 && upper.every((u) => u !== false);
  const resolved = upper.map((u, i) => {
    if (u !== undefined) return u;
    let prev: boolean | undefined;
    let next: boolean | undefined;
    for (let j = i - 1; j >= 0 && prev === undefined; j--) prev = upper[j];
    for (let j = i + 1; j < upper.length && next === undefined; j++) next = upper[j];
    if (prev === undefined || next === undefined) return allUpper;
    return prev && next;
  });
  return chars.map((ch, i) => (resolved[i] ? ch.toUpperCase() : ch)).join('');
}

/**
 * In a scheme whose modern letters all have distinct written values, the reading with the fewest
 * letters wins over letter statistics (longest-match decoding, docs/reverse.md): щ not шч,
 * э not еь, ъ not ьь.
 */
const EXACT_EXTRA_LETTER = 20;
/** In the other schemes a small preference only (a sign the scheme omits is not restored lightly). */
const LOSSY_EXTRA_LETTER = 0.3;
/**
 * A reading that a context rule of the scheme explains (modified-loc -ий → y, ь before е → i) is
 * slightly preferred: the scheme has the rule because the sequence is common (Грозный, Зиновьев).
 */
const RULE_PIECE = 0.5;

interface WordAnalysis {
  candidates: Candidate[];
  certain: boolean;
  attested: boolean;
}

/** Longest Latin token read as a possible word; longer ones are left as written. */
export const MAX_WORD_LENGTH = 100;

/** Reads one Latin word (already canonical): ranked, verified candidates. */
function analyse(word: string, ctx: Context): WordAnalysis {
  // The longest Russian words romanize to about 50 letters; a longer token (an identifier, a
  // base64 run) is not read, since the search grows faster than its length.
  if (word.length > MAX_WORD_LENGTH) return { candidates: [], certain: false, attested: false };
  const lower = word.toLowerCase().normalize('NFC');
  const raw = searchCandidates(lower, ctx.inv, ctx.romanizeOptions, ctx.model, ctx.lexicon);
  if (raw.length === 0) return { candidates: [], certain: false, attested: false };
  const capitalised = word[0] !== word[0]!.toLowerCase();
  const minLength = Math.min(...raw.map((c) => [...c.cyr].length));
  const scored = raw.map((c) => {
    const flags = ctx.lexicon?.lookup(c.cyr) ?? 0;
    // Letter statistics, a lexicon bonus, and a preference for the reading with fewest letters
    // (longest match: щ rather than шч, docs/reverse.md).
    const extra = [...c.cyr].length - minLength;
    const score = scoreWord(c.cyr, ctx.model) + lexiconBonus(flags, capitalised) - extra * (ctx.inv.exact ? EXACT_EXTRA_LETTER : LOSSY_EXTRA_LETTER) + c.rules * RULE_PIECE;
    return { text: applyCase(c, word), score: Math.round(score * 100) / 100, attested: flagNames(flags), cyr: c.cyr, spans: c.spans };
  });
  scored.sort((a, b) => b.score - a.score || (a.cyr < b.cyr ? -1 : a.cyr > b.cyr ? 1 : 0));
  if (ctx.inv.exact) {
    // Reversible schemes decode by longest match (docs/reverse.md): among attested-alike
    // readings with the fewest letters, the one whose first pieces are longest.
    // Then the modern letter where an old one is written alike (і/и, ѳ/ф, ѹ/у), unless the
    // lexicon attests the old spelling.
    const old = ctx.inv.compiled.language.oldLetters;
    const key = (c: (typeof scored)[number]): [number, number, number[], number] => [
      c.attested.length > 0 ? 0 : 1,
      [...c.cyr].length,
      c.spans.map(([s, e]) => -(e - s)),
      [...c.cyr].filter((ch) => old.includes(ch)).length,
    ];
    scored.sort((a, b) => {
      const [aa, al, as, ao] = key(a);
      const [ba, bl, bs, bo] = key(b);
      if (aa !== ba) return aa - ba;
      if (al !== bl) return al - bl;
      for (let i = 0; i < as.length; i++) if (as[i] !== bs[i]) return as[i]! - bs[i]!;
      if (ao !== bo) return ao - bo;
      return b.score - a.score;
    });
  }
  const top = scored[0]!;
  const attestedCount = scored.filter((c) => c.attested.length > 0).length;
  const certain = scored.length === 1 || (top.attested.length > 0 && attestedCount === 1);
  return {
    candidates: scored.slice(0, Math.max(1, ctx.alternatives)).map(({ text, score, attested }) => ({ text, score, attested })),
    certain,
    // A word in small letters is attested only as a word Russian writes in small letters: a name
    // or a place (анд, only a case form of Анды) is written with a capital, so `and` is not
    // Russian by the lexicon's word (docs/reverse.md, What is left alone, rules 7 and 8).
    attested: capitalised ? top.attested.length > 0 : top.attested.includes('word'),
  };
}

/** Characters of a white-space-free run beyond which a token counts as code (see inCode). */
const MAX_RUN = 256;

const CODE_NEIGHBOUR = /[\p{N}_@/\\=<>{}[\]|#~^*+$%&]/u;

/** Hyphens that join a number to the ending written after it. */
const NUMBER_HYPHENS = '-\u2010\u2011';

/**
 * Where the run around a word starts, for {@link inCode}: before the word, unless the word is the
 * ending of a number (`1930-e`, `(5-i`: Russian writes 1930-е, 5-й), in which case the number, the
 * hyphen and an opening bracket or quote before them do not count. `s` is where the
 * white-space-free run was found to start.
 */
function runStart(text: string, start: number, s: number): number {
  let j = start - 1;
  if (j <= s || !NUMBER_HYPHENS.includes(text[j]!)) return s;
  let digits = 0;
  while (j > s && /\p{Nd}/u.test(text[j - 1]!)) {
    j--;
    digits++;
  }
  return digits > 0 && /^[\p{Ps}\p{Pi}"']*$/u.test(text.slice(s, j)) ? start : s;
}

/**
 * Markdown emphasis around words (`*Pravda*`, `_Izvestia_`, `**Krasny Oktiabr**`): a delimiter
 * after white space or an opening bracket or quote and before a letter, closed by the same
 * delimiter on the line after a character that is not white space.
 */
const EMPHASIS = /(?<=^|[\s(\["“‘«])(\*\*|\*|__|_)(?=\p{L})[^\n]*?(?<=[^\s*_])\1(?![*_\p{L}\p{N}])/gmu;

/** The Markdown emphasis of a text (see {@link EMPHASIS}): the offsets of its delimiters, and each span's start and end. */
function emphasisOf(text: string): { marks: Set<number>; spans: [number, number][] } {
  const marks = new Set<number>();
  const spans: [number, number][] = [];
  if (!/[*_]/u.test(text)) return { marks, spans };
  for (const m of text.matchAll(EMPHASIS)) {
    const n = m[1]!.length;
    spans.push([m.index, m.index + m[0].length]);
    for (let i = 0; i < n; i++) {
      marks.add(m.index + i);
      marks.add(m.index + m[0].length - 1 - i);
    }
  }
  return { marks, spans };
}

/**
 * Whether the word sits in something that looks like code, a URL or an address. The delimiters
 * of Markdown emphasis (`emphasis`, offsets in `text`) are no code: an italic title is prose.
 */
function inCode(text: string, start: number, end: number, emphasis: ReadonlySet<number>): boolean {
  let s = start;
  let e = end;
  // A run of more than MAX_RUN characters without white space is not prose (a minified file, a
  // data dump); the bound also keeps the scan from being quadratic in such a run.
  while (s > 0 && !/\s/u.test(text[s - 1]!)) if (start - --s > MAX_RUN) return true;
  while (e < text.length && !/\s/u.test(text[e]!)) if (++e - end > MAX_RUN) return true;
  s = runStart(text, start, s);
  let run = text.slice(s, e);
  // By UTF-16 unit, as the offsets are (a code point's index would drift after an astral character).
  if (emphasis.size > 0) run = run.replace(/[*_]/gu, (ch, i: number) => (emphasis.has(s + i) ? ' ' : ch));
  return CODE_NEIGHBOUR.test(run) || /\.\p{L}/u.test(text.slice(end, e)) || /\p{L}\.$/u.test(text.slice(s, start));
}

/**
 * `open`: decided by the neighbours; `english`: an English word that is also a Russian one (on,
 * no, net); `name`: a capitalised word that may be a Russian name — unknown to both lists
 * (Kaganovich), or one the English list has that the lexicon reads as a person's name (Stalin,
 * Maria) — decided by the neighbours, past an English `and` or `or` between names; `initial`: one
 * of the commonest English words with a capital (In, On, No), which the lexicon reads as Russian
 * too (Ин, Он, Но), decided by the nearest word in small letters after it (or before it), or
 * with none as an `open` word.
 */
type Verdict = 'russian' | 'foreign' | 'open' | 'english' | 'name' | 'initial';

/** The lexicon's flags of a person's name (given name, surname, patronymic). */
const PERSON = ['given', 'surname', 'patronymic'];

/** The English words that join names in a list (Stalin and Molotov, Zinoviev or Kamenev), as written: data. */
const CONNECTIVES = new Set(nameJoiners.words);

const APOSTROPHES = "'’ʹ′";

/** A capital just after an in-word mark in a word with small letters (O’Neill, D’Artagnan): no scheme writes a capital after a sign in a Title-case word. */
const CAPITAL_AFTER_MARK = new RegExp(`${JOINERS}\\p{Lu}`, 'u');

function verdict(raw: string, word: string, a: WordAnalysis, text: string, start: number, end: number, ctx: Context, emphasis: ReadonlySet<number>): [Verdict, WordReading['reason']] {
  if (a.candidates.length === 0) return ['foreign', 'not-producible'];
  if (inCode(text, start, end, emphasis)) return ['foreign', 'code'];
  // A word ending in an apostrophe and s (Kirov’s, Gor’kii’s, Gor'kii's) is English text, kept
  // whole: read without its ’s it would be half Cyrillic (Горький’s), and with it, the ’ a sign
  // (Горькийьс) — unless the lexicon attests the word whole (val’s, valʹs: вальс). This holds
  // whatever the word before the ’s and whether or not the ’s is a possessive to the scheme
  // (gost-16876-simplified's ' is ь, ala-lc's ʹ is no English apostrophe): docs/reverse.md, What
  // is left alone, rule 4.
  if (ENDS_IN_MARK_S.test(word) && !a.attested) return ['foreign', 'english'];
  // Pieces of an English contraction split at the apostrophe (it|'s, don|'t).
  if (APOSTROPHES.includes(text[start - 1] ?? '') && /\p{L}/u.test(text[start - 2] ?? '')) return ['foreign', 'english'];
  if (APOSTROPHES.includes(text[end] ?? '') && /^(?:s|t|re|ve|ll|d|m)(?!\p{L})/u.test(text.slice(end + 1, end + 4))) return ['foreign', 'english'];
  // A capital after a small letter (iPhone, eBay), or after an apostrophe in a word with small
  // letters (O’Neill), is not how a scheme writes a word.
  if (/^\p{Ll}.*\p{Lu}/u.test(word) || (CAPITAL_AFTER_MARK.test(raw) && /\p{Ll}/u.test(raw))) return ['foreign', 'mixed-case'];
  const lower = word.toLowerCase();
  // A word read as one Cyrillic letter (initials Yu. Zh., prepositions v, s, k) follows its neighbours.
  if ([...a.candidates[0]!.text].length === 1) return ['open', 'context'];
  // English contractions (don’t, we’re) are English text.
  if (/^\p{L}+['’ʹ′](?:t|re|ve|ll|d|m)$/u.test(lower)) return ['foreign', 'english'];
  const english = ctx.lexicon !== undefined ? ctx.lexicon.isEnglish(lower) : englishFallback.has(lower);
  // Letters and marks of the scheme that English does not use, as written (an ASCII apostrophe
  // read as a prime does not count).
  if (/[^\p{ASCII}]/u.test(raw.normalize('NFC')) || [...raw].some((ch) => ctx.inv.innerChars.has(ch))) return ['russian', 'scheme-marks'];
  if (english && !a.attested) return ['foreign', 'english'];
  if (a.attested && !english) return ['russian', 'lexicon'];
  // A capitalised one (Sergei, Maria, Stalin: names the English list has too) follows its
  // neighbours; one that may be a Russian name looks past an English `and` or `or` (rule 9).
  if (!/^\p{Lu}/u.test(word)) return [english ? 'english' : 'open', 'context'];
  // In capitals (a heading), case tells no name: one of the commonest English words that the
  // lexicon has only as a name (AND: Анд, a case form of Анды; IN: Ин) is English, as it is in
  // small letters (rule 7).
  if (english && ENGLISH_FUNCTION_WORDS.has(lower) && [...word].length > 1 && word === word.toUpperCase() && !a.candidates[0]!.attested.includes('word')) return ['foreign', 'english'];
  // One of the commonest English words with a capital (In, On, To: a sentence's first word) is
  // no name, whatever name the lexicon has for it (In, Ин): it follows the words in small letters
  // beside it, not the names (rule 9).
  if (english && ENGLISH_FUNCTION_WORDS.has(lower)) return ['initial', 'context'];
  return [!english || (a.attested && a.candidates[0]!.attested.some((f) => PERSON.includes(f))) ? 'name' : 'open', 'context'];
}

/**
 * For each token, the verdict of the nearest token before it and after it on the same line that
 * `counts` (undefined where there is none), in two linear passes. `line` is any key: deromanize
 * also groups the words of one Markdown emphasis so.
 */
function nearestOnLine<T extends { line: number; verdict: Verdict }>(tokens: readonly T[], counts: (t: T) => boolean): [(Verdict | undefined)[], (Verdict | undefined)[]] {
  const prev: (Verdict | undefined)[] = new Array(tokens.length);
  const next: (Verdict | undefined)[] = new Array(tokens.length);
  let last = new Map<number, T>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    prev[i] = last.get(t.line)?.verdict;
    if (counts(t)) last.set(t.line, t);
  }
  last = new Map();
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    next[i] = last.get(t.line)?.verdict;
    if (counts(t)) last.set(t.line, t);
  }
  return [prev, next];
}

/**
 * Reads romanized Russian back into Cyrillic and says, for each Latin word, what it became, how
 * certain that is, and the alternatives. Words that are not plausible romanizations under the
 * scheme (English words, code, URLs, Latin-script names) are left as they are.
 *
 * @example
 * import { deromanizeDetailed } from 'latinitsa';
 * const r = deromanizeDetailed('Hello, Zinov’ev', { scheme: 'ala-lc-simplified' });
 * [r.text, r.words.map((w) => w.converted)];
 * //=> ['Hello, Зиновьев', [false, true]]
 */
export function deromanizeDetailed(text: string, options: DeromanizeOptions = {}): DeromanizeResult {
  if (typeof text !== 'string') {
    throw new LatinitsaError('ERR_INVALID_INPUT', `deromanize expects a string, found ${text === null ? 'null' : typeof text}`);
  }
  assertOptions(options, DEROMANIZE_OPTIONS, 'deromanize');
  const ctx = context(options);
  const source = text.normalize('NFC');
  interface Token {
    start: number;
    end: number;
    word: string;
    analysis: WordAnalysis;
    verdict: Verdict;
    reason: WordReading['reason'];
    line: number;
    /** The Markdown emphasis the word stands in (its index), if any. */
    zone: number | undefined;
    /** A name the English list has that is the established English form of its reading (Lenin: ленин). */
    established: boolean;
  }
  const tokens: Token[] = [];
  const cache = new Map<string, WordAnalysis>();
  const read = (w: string): WordAnalysis => {
    let a = cache.get(w);
    if (a === undefined) cache.set(w, (a = analyse(w, ctx)));
    return a;
  };
  let line = 0;
  let scanned = 0;
  const { marks: emphasis, spans: emphasisSpans } = emphasisOf(source);
  let span = 0;
  // English closes a quotation with ’ or ”, which ala-lc-simplified and bgn-pcgn write for the
  // signs: how many quotations of each kind are open where the next word starts, counted on the
  // text between words (a mark inside a word is the scheme's). A closing mark after punctuation
  // (`“Pravda,”`) is the quotation's; one ending a word inside an open quotation is too, unless
  // the word reads better with it as a sign (docs/reverse.md, What is left alone, rule 10).
  const open = new Map<string, number>();
  // (A text with no quotation mark is not scanned for them.)
  let quotesAt = QUOTE_MARKS.test(source) ? 0 : source.length;
  const paragraphBreakAt = (i: number): boolean => {
    PARAGRAPH_BREAK.lastIndex = i;
    return PARAGRAPH_BREAK.test(source);
  };
  const countQuotes = (to: number): void => {
    for (; quotesAt < to; quotesAt++) {
      const ch = source[quotesAt]!;
      if (ch === '\n') {
        if (paragraphBreakAt(quotesAt)) open.clear();
      } else if (QUOTE_MARKS.test(ch)) {
        const n = open.get(ch) ?? 0;
        if (QUOTE_OPENERS.has(ch) && n > 0) open.set(ch, n - 1);
        for (const [close, opener] of QUOTE_OPENERS) if (ch === opener) open.set(close, (open.get(close) ?? 0) + 1);
      }
    }
  };
  // Whether a later word closes the quotation with `close` (before its next opening mark or a blank line).
  const closedLater = (close: string, from: number): boolean => {
    const opener = QUOTE_OPENERS.get(close);
    for (let i = from; i < source.length; i++) {
      const ch = source[i]!;
      if (ch === opener || (ch === '\n' && paragraphBreakAt(i))) return false;
      if (ch === close && !/[\p{L}\p{M}]/u.test(source[i + 1] ?? '')) return true;
    }
    return false;
  };
  const vowels = ctx.inv.compiled.language.classes.vowel ?? '';
  // Whether the closing mark that ends `raw` (at `end` in the text) closes an open quotation.
  const closesQuotation = (raw: string, end: number): boolean => {
    const body = raw.slice(0, -1);
    if (!/[\p{L}\p{M}]/u.test(body[body.length - 1] ?? '')) return true;
    const withSign = read(canonical(raw, ctx));
    if (withSign.candidates.length === 0) return true;
    const without = read(canonical(body, ctx));
    if (without.candidates.length === 0) return false;
    // The lexicon decides when it attests one reading only (Kuban’: Кубань; ‘Pravda’: правда).
    if (withSign.attested !== without.attested) return without.attested;
    // Russian writes no sign after a vowel (Pravda’ is no правдаь); after a consonant the mark is
    // the sign when a later word closes the quotation (‘Deiatel’nost’ organov’).
    const best = [...withSign.candidates[0]!.text.toLowerCase()];
    if (vowels.includes(best[best.length - 2] ?? '')) return true;
    return !closedLater(raw[raw.length - 1]!, end);
  };
  ctx.tokenPattern.lastIndex = 0;
  for (const m of source.matchAll(ctx.tokenPattern)) {
    let raw = m[0];
    // Input variants of signs count inside a word only; a trailing ASCII quote is punctuation.
    while (raw.length > 1 && ctx.replace.has(raw[raw.length - 1]!) && !ctx.inv.innerChars.has(raw[raw.length - 1]!) && !/\p{L}/u.test(raw[raw.length - 1]!)) raw = raw.slice(0, -1);
    const start = m.index;
    countQuotes(start);
    // Closing quotation marks alone after punctuation or a number (`“Pravda,”`, `“1930”`) are no word.
    if (!/\p{L}/u.test(raw) && [...raw].every((ch) => QUOTE_OPENERS.has(ch)) && start > 0 && !/\s/u.test(source[start - 1]!)) continue;
    const closed = new Map<string, number>();
    for (;;) {
      const close = raw[raw.length - 1]!;
      if (raw.length < 2 || !QUOTE_OPENERS.has(close) || (open.get(close) ?? 0) <= (closed.get(close) ?? 0)) break;
      if (!closesQuotation(raw, start + raw.length)) break;
      closed.set(close, (closed.get(close) ?? 0) + 1);
      raw = raw.slice(0, -1);
    }
    // A Latin word glued to letters of another script (Cyrillic, Greek) is not a romanization.
    if (/\p{L}/u.test(source[start + raw.length] ?? '') || /\p{L}/u.test(source[start - 1] ?? '')) continue;
    // The word's own marks are its letters, not quotation marks; the closing marks cut off are counted after it.
    quotesAt = Math.max(quotesAt, start + raw.length);
    let word = canonical(raw, ctx);
    let analysis = read(word);
    for (let i = scanned; i < start; i++) if (source[i] === '\n') line++;
    scanned = start;
    // The Markdown emphasis the word stands in, if any (an italic title, a foreign term), which
    // sets it apart from the words around it for the neighbour rules below (rule 2).
    while (span < emphasisSpans.length && emphasisSpans[span]![1] <= start) span++;
    const emphasised = span < emphasisSpans.length && emphasisSpans[span]![0] < start;
    const zone = emphasised ? span : undefined;
    let v: Verdict;
    let reason: WordReading['reason'];
    if (options.all === true) {
      // Every word is read, and an English possessive is not part of it (Gor’kii’s is Горький’s),
      // unless the lexicon attests the word with it (val’s, вальс in ala-lc-simplified) or its
      // mark is a letter of a reversible scheme (ISO 9's ’, the Ukrainian apostrophe), which reads
      // every letter it writes back (docs/reverse.md, What is left alone, rule 4; Exact reverse).
      const bare = analysis.attested ? undefined : withoutPossessive(raw);
      if (bare !== undefined && !(ctx.inv.exact && ctx.inv.outputChars.has(raw[bare.length]!))) {
        raw = bare;
        word = canonical(raw, ctx);
        analysis = read(word);
      }
      [v, reason] = analysis.candidates.length > 0 ? ['russian', 'all'] : ['foreign', 'not-producible'];
    } else {
      // Otherwise a word ending in ’s is kept whole (verdict), and read whole: its ’s is no
      // separate piece of text.
      [v, reason] = verdict(raw, word, analysis, source, start, start + raw.length, ctx, emphasis);
    }
    // An established English form of a Russian name (the checker's conventional list) read as
    // that name: Lenin is ленин there, London no one's (rule 9).
    const entry = v === 'name' ? conventionalForms().get(raw.toLowerCase()) : undefined;
    const established = entry !== undefined && entry.capitalised && analysis.candidates.some((c) => c.text.toLowerCase() === entry.cyrillic);
    tokens.push({ start, end: start + raw.length, word: raw, analysis, verdict: v, reason, line, zone, established });
  }
  // Open words follow the nearest decided words of the same line; with none, they convert.
  // English words that are also Russian ones (on, no, net, met) in small letters convert only in
  // a line with no foreign word where, if it names anyone, a word in small letters is Russian too.
  // Names say nothing of the prose around them: English about Russia writes Molotov as romanized
  // Russian does, so in `Stalin met Molotov` the only Russian words are names and `met` is English,
  // not меть; in `Molotov skazal net`, skazal is Russian prose and net is нет (docs/reverse.md,
  // What is left alone, rule 9).
  const decided = (v: Verdict): boolean => v === 'russian' || v === 'foreign';
  // Words in Markdown emphasis (an italic title, a foreign term: rule 2) are set apart. To the
  // words of the line around them they are what they were when the emphasis was taken for code,
  // foreign; they themselves follow the words of their own emphasis, or the line when none there
  // is decided.
  const inLine = emphasisSpans.length === 0 ? tokens : tokens.map((t) => (t.zone === undefined ? t : { ...t, verdict: 'foreign' as Verdict, reason: 'code' as WordReading['reason'] }));
  const inZone = emphasisSpans.length === 0 ? tokens : tokens.map((t, i) => ({ ...t, line: t.zone === undefined ? -1 - i : t.zone }));
  const nearest = (counts: (t: Token) => boolean): [(Verdict | undefined)[], (Verdict | undefined)[]] => {
    const [prev, next] = nearestOnLine(inLine, counts);
    if (emphasisSpans.length === 0) return [prev, next];
    const [prevZ, nextZ] = nearestOnLine(inZone, counts);
    tokens.forEach((t, i) => {
      if (t.zone === undefined || (prevZ[i] === undefined && nextZ[i] === undefined)) return;
      prev[i] = prevZ[i];
      next[i] = nextZ[i];
    });
    return [prev, next];
  };
  const lineHasForeign = new Set(inLine.filter((t) => t.verdict === 'foreign').map((t) => t.line));
  const lineHasRussian = new Set(inLine.filter((t) => t.verdict === 'russian').map((t) => t.line));
  // A name: a capitalised word read as Russian, or one that may be a Russian name (`name`).
  const lineHasName = new Set(inLine.filter((t) => t.verdict === 'name' || (t.verdict === 'russian' && /^\p{Lu}/u.test(t.word))).map((t) => t.line));
  const lineHasProse = new Set(inLine.filter((t) => t.verdict === 'russian' && /^\p{Ll}/u.test(t.word)).map((t) => t.line));
  // A name read as Russian by the lexicon or by the scheme's own marks (Trotsky, Zinov’ev).
  const lineHasReadName = new Set(inLine.filter((t) => t.verdict === 'russian' && (t.reason === 'lexicon' || t.reason === 'scheme-marks') && /^\p{Lu}/u.test(t.word)).map((t) => t.line));
  // The nearest decided token before and after each token on its line.
  const [prevDecided, nextDecided] = nearest((t) => decided(t.verdict));
  // A capitalised word that may be a Russian name (Stalin, Kaganovich) is Russian when the nearest
  // decided words on its sides, looking past the English `and`/`or` that joins names, are Russian
  // and none is foreign: in `Stalin and Molotov` it reads as Molotov does, but in `the Kremlin and
  // Molotov` the `the` keeps it English (docs/reverse.md, What is left alone, rule 9).
  const small = (t: Token): boolean => t.verdict === 'foreign' && t.reason === 'english' && CONNECTIVES.has(t.word.toLowerCase());
  const [prevNamed, nextNamed] = nearest((t) => decided(t.verdict) && !small(t));
  // The nearest decided word in small letters: what decides a capitalised English word that is
  // also Russian (In 1923 Trotsky wrote: wrote, not the name; On skazal: skazal), since names are
  // no evidence either way (rule 9).
  const [prevSmall, nextSmall] = nearest((t) => decided(t.verdict) && /^\p{Ll}/u.test(t.word));
  const resolved = tokens.map((t, i): [Verdict, WordReading['reason']] => {
    // A sentence's first word reads as the words in small letters after it (or, with none, before it).
    const by = t.verdict === 'initial' ? (nextSmall[i] ?? prevSmall[i]) : undefined;
    if (by !== undefined) return [by, 'context'];
    if (t.verdict === 'english') {
      if (lineHasForeign.has(t.line) || (lineHasName.has(t.line) && !lineHasProse.has(t.line))) return ['foreign', 'english'];
      return ['russian', lineHasRussian.has(t.line) ? 'context' : 'alone'];
    }
    const named = [prevNamed[i], nextNamed[i]].filter((v): v is Verdict => v !== undefined);
    if (t.verdict === 'name' && named.length > 0 && named.every((v) => v === 'russian')) return ['russian', 'context'];
    // The established English form of a Russian name (Lenin, Stalin) reads as the names the
    // lexicon reads on its line: in `Lenin told Trotsky` Trotsky is Троцкий, so Lenin is Ленин,
    // unless English stands on both its sides (`The Stalin era`: an English phrase). Names English
    // has that are no Russian name's established form (London, Paris, George) are not looked at
    // (rule 9).
    const inEnglish = prevDecided[i] === 'foreign' && nextDecided[i] === 'foreign';
    if (t.verdict === 'name' && t.established && lineHasReadName.has(t.line) && !inEnglish) return ['russian', 'context'];
    if (t.verdict !== 'open' && t.verdict !== 'name' && t.verdict !== 'initial') return [t.verdict, t.reason];
    const near = [prevDecided[i], nextDecided[i]].filter((v): v is Verdict => v !== undefined);
    if (near.length === 0) return ['russian', 'alone'];
    return [near.includes('russian') ? 'russian' : 'foreign', 'context'];
  });
  resolved.forEach(([v, reason], i) => {
    tokens[i]!.verdict = v;
    tokens[i]!.reason = reason;
  });
  let out = '';
  let pos = 0;
  // Words are found in the NFC text; a caller slices the text as given (Y + U+0301 is one
  // character fewer in NFC), so their ranges and sources are mapped back to it.
  const at = source === text ? undefined : sourceOffsets(text, source);
  const words: WordReading[] = tokens.map((t) => {
    const converted = t.verdict === 'russian';
    const output = converted ? t.analysis.candidates[0]!.text : t.word;
    out += source.slice(pos, t.start) + output;
    pos = t.end;
    const input: [number, number] = at === undefined ? [t.start, t.end] : [at.start(t.start), at.end(t.end)];
    const written = at === undefined ? t.word : text.slice(input[0], input[1]);
    return { input, source: written, output, converted, certain: converted && t.analysis.certain, reason: t.reason, candidates: t.analysis.candidates };
  });
  out += source.slice(pos);
  const unchecked = words.some((w) => w.converted) ? uncheckedIn(ctx) : undefined;
  return { text: out, words, diagnostics: unchecked === undefined ? [] : [unchecked] };
}

/**
 * Reads romanized Russian back into Cyrillic: the best reading of every word that is a plausible
 * romanization under the scheme; everything else is copied. For the reversible schemes (ala-lc,
 * iso-9, gost-7.79-b, scholarly) the reading is exact up to the normalisations in
 * docs/reverse.md; for the others it is the best-ranked candidate.
 *
 * @example
 * import { deromanize } from 'latinitsa';
 * deromanize('Kubanʹ, I͡Akutsk, t︠s︡erkovʹ', { scheme: 'ala-lc' });
 * //=> 'Кубань, Якутск, церковь'
 * deromanize('Hello, iPhone; Moscow is big');
 * //=> 'Hello, iPhone; Moscow is big'
 * deromanize('Ûliâ, sʺešʹ eŝë', { scheme: 'iso-9' });
 * //=> 'Юлия, съешь ещё'
 */
export function deromanize(text: string, options: DeromanizeOptions = {}): string {
  return deromanizeDetailed(text, options).text;
}

/**
 * The ranked readings of one romanized word, best first, each of which the scheme writes back as
 * the word; empty when the scheme cannot produce it.
 *
 * @example
 * import { candidates } from 'latinitsa';
 * candidates('shchuka', { scheme: 'ala-lc' }).map((c) => c.text);
 * //=> ['щука', 'щѹка', 'шчука', 'шчѹка']
 */
export function candidates(word: string, options: DeromanizeOptions = {}): Candidate[] {
  if (typeof word !== 'string') throw new LatinitsaError('ERR_INVALID_INPUT', `candidates expects a string, found ${word === null ? 'null' : typeof word}`);
  assertOptions(options, DEROMANIZE_OPTIONS, 'candidates');
  const ctx = context(options);
  return analyse(canonical(word, ctx), ctx).candidates;
}
