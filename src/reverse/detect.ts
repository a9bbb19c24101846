// Which scheme a romanized text is written in: every candidate scheme reads the text back, and the
// scheme whose readings are the most plausible Russian (letter statistics, word lists when given)
// and that can write the most of the text wins. No letter or scheme is named here: what a scheme
// can write, and how, comes from its data through the reverse engine (docs/reverse.md).
import { assertOptions, LatinitsaError } from '../errors.ts';
import { describeValue, resolveScheme } from '../engine/resolve.ts';
import { DEFAULT_LANGUAGE, defaultSchemeOf, listSchemes, getScheme, type Scheme } from '../schemes/registry.ts';
import englishCommon from './data/english-common.json' with { type: 'json' };
import { conventionalForms } from '../check/conventional.ts';
import { assertLexicon, deromanizeDetailed, MAX_WORD_LENGTH } from './deromanize.ts';
import { withoutPossessive, wordPattern } from './words.ts';
import type { Lexicon } from './lexicon.ts';

/** Options of {@link detectScheme}. */
export interface DetectSchemeOptions {
  /** Schemes to choose from (ids or loaded schemes). Default: every scheme of `language`. */
  schemes?: readonly (string | Scheme)[];
  /** With the default `schemes`: only the schemes of this language. Default: the default language (`ru`): the text is romanized Russian. */
  language?: string;
  /** Word lists that rank the readings (as for `deromanize`); without them, letter statistics. */
  lexicon?: Lexicon;
  /** Distinct words read at most (the start of the text; the rest does not change the answer much). Default 150. */
  maxWords?: number;
}

/** How well one scheme reads the text. */
export interface SchemeFit {
  /** Scheme id. */
  scheme: string;
  /** Higher is better (log10 units): the readings' plausibility, minus a cost for every character the scheme cannot have written. */
  score: number;
  /** Characters of the words read that the scheme cannot have written (an apostrophe where the scheme writes none, a č in an ASCII scheme). */
  unwritable: number;
}

/** The result of {@link detectScheme}. */
export interface DetectSchemeResult {
  /** The scheme that reads the text best; `undefined` when the text has no word to read. */
  scheme: string | undefined;
  /**
   * Every scheme whose reading is about as good as the best one (within {@link PLAUSIBLE_MARGIN}):
   * the text could be in any of them (most short texts are written alike in several schemes).
   */
  plausible: string[];
  /** Every candidate scheme, best first. */
  ranking: SchemeFit[];
  /** How many distinct words were read. */
  words: number;
}

/**
 * A scheme within this many log10 units of the best one still fits the text: a reading 1,000
 * times less likely than the best is not evidence against a scheme on its own (two readings of
 * a name differ by that much), a character the scheme cannot write is (it costs more).
 */
export const PLAUSIBLE_MARGIN = 3;

/** What a character of a word costs when the scheme cannot have written it (log10 units; far below any letter). */
const UNWRITABLE = 6;

const english = new Set(englishCommon.words);

/**
 * A word as any scheme may write it: deromanize's word (wordPattern, joined at the marks that
 * schemes write inside words), with the modifier-letter primes ʹ ʺ counted at its end too. They
 * are no punctuation (an apostrophe or quote at the end of a word may be), so `Kubanʹ` is sampled
 * whole and a scheme that cannot write its ʹ is charged for it; deromanize counts them only in a
 * scheme that writes them, and one sample serves every scheme.
 */
const WORD = wordPattern('ʹʺ');

interface Sample {
  text: string;
  /** [start, end) of the first occurrence of each distinct word, in order. */
  words: [number, number][];
}

/**
 * The start of the text: up to `maxWords` distinct words that are not common English words nor
 * established English forms of Russian names (Meyerhold, Politburo: the checker's list,
 * docs/check.md), which a text writes alike whatever its scheme, so they say nothing about it.
 */
function sample(text: string, maxWords: number): Sample {
  const words: [number, number][] = [];
  const seen = new Set<string>();
  let end = 0;
  for (const m of text.matchAll(WORD)) {
    // An English possessive (Kirov’s, Gor’kii’s) is English whatever the scheme: the word is
    // sampled without it (docs/reverse.md, What is left alone, rule 4), so a scheme that writes
    // no apostrophe is not charged for it. deromanize (all: true, as readWords reads) keeps the ’s
    // in a scheme whose letter its mark is, or when the lexicon attests the word with it; the
    // sample is one for every scheme, and such a reading still starts in the word it belongs to.
    const word = withoutPossessive(m[0]) ?? m[0];
    const lower = word.toLowerCase();
    if (word.length > MAX_WORD_LENGTH || english.has(lower) || conventionalForms().has(lower)) continue;
    // Each distinct word counts once: a repeated name is one piece of evidence.
    if (seen.has(lower)) continue;
    if (seen.size === maxWords) break;
    seen.add(lower);
    words.push([m.index, m.index + word.length]);
    end = m.index + word.length;
  }
  return { text: text.slice(0, end), words };
}

/** Per word of the sample: the score of the scheme's readings and the characters it cannot have written. */
interface WordFits {
  scores: Float64Array;
  unwritable: Uint32Array;
}

/** How one scheme reads each word of the sample. */
function readWords(s: Sample, scheme: Scheme, lexicon: Lexicon | undefined): WordFits {
  const r = deromanizeDetailed(s.text, { scheme, all: true, alternatives: 1, ...(lexicon === undefined ? {} : { lexicon }) });
  const covered = new Uint8Array(s.text.length);
  const scores = new Float64Array(s.words.length);
  const unwritable = new Uint32Array(s.words.length);
  // A reading belongs to the word it starts in. deromanize cuts words at the same joiners as
  // WORD, so a scheme that cannot write a word's prime reads none of it (every character counts
  // as unwritable): reading the two sides as words gave a word two lexicon bonuses, the second
  // depending on its case (EV a proper noun, ev a common word), so ALL-CAPS text was detected
  // otherwise than the same text in Title case (docs/reverse.md, Which scheme is the text in?).
  let w = 0;
  for (const reading of r.words) {
    if (!reading.converted) continue;
    const [start, end] = reading.input;
    while (w < s.words.length && s.words[w]![1] <= start) w++;
    const word = s.words[w];
    if (word === undefined || word[0] >= end) continue;
    scores[w] = scores[w]! + reading.candidates[0]!.score;
    covered.fill(1, start, end);
  }
  s.words.forEach(([start, end], i) => {
    for (let k = start; k < end; k++) if (covered[k] === 0) unwritable[i]!++;
  });
  return { scores, unwritable };
}

/**
 * Says which scheme a romanized Russian text is written in: each candidate scheme reads the
 * text back (as `deromanize` does), and the one whose readings are the most plausible Russian,
 * and that can have written every character, wins. Short texts are often written alike in
 * several schemes: `plausible` lists every scheme that fits about as well as the best. Common
 * English words and established English forms (Meyerhold, Politburo) do not count. Browser-safe.
 *
 * @example
 * import { DEFAULT_SCHEME, detectScheme } from 'latinitsa';
 * detectScheme("Zinov'ev, Iurii, Kuibyshev, Dzerzhinskii").scheme;
 * //=> 'ala-lc-simplified'
 * detectScheme('Kubanʹ, I͡Akutsk').scheme;
 * //=> 'ala-lc'
 * detectScheme('Grigory Zinoviev, Yury Piatakov').plausible.includes(DEFAULT_SCHEME);
 * //=> true
 */
export function detectScheme(text: string, options: DetectSchemeOptions = {}): DetectSchemeResult {
  if (typeof text !== 'string') {
    throw new LatinitsaError('ERR_INVALID_INPUT', `detectScheme expects a string, found ${text === null ? 'null' : typeof text}`);
  }
  assertOptions(options, ['schemes', 'language', 'lexicon', 'maxWords'] satisfies (keyof DetectSchemeOptions)[], 'detectScheme');
  // Checked before the text is looked at: a text with no word to read says nothing about it.
  assertLexicon(options.lexicon);
  const maxWords = options.maxWords ?? 150;
  if (!Number.isInteger(maxWords) || maxWords < 1) throw new LatinitsaError('ERR_INVALID_OPTION', `maxWords must be a positive integer, found ${String(maxWords)}`);
  if (options.schemes !== undefined && !Array.isArray(options.schemes)) throw new LatinitsaError('ERR_INVALID_OPTION', `option "schemes" must be an array of scheme ids or schemes from loadScheme, found ${describeValue(options.schemes)}`);
  // No scheme to choose from is a caller's mistake, not a text with no answer (an answer without
  // a scheme says the text has no word to read).
  if (options.schemes?.length === 0) throw new LatinitsaError('ERR_INVALID_OPTION', 'option "schemes" must name at least one scheme (leave it out to choose among every scheme of the language)');
  // An unknown language is the error it is wherever a language is named (defaultSchemeOf, the
  // one check of a language option, as resolveScheme makes it), not an empty list of schemes.
  if (options.language !== undefined) defaultSchemeOf({ lang: options.language });
  // Each candidate through the one scheme resolver: a wrong one is an error naming it. A scheme
  // named twice is one candidate (it was listed twice in `plausible`).
  let schemes: Scheme[];
  if (options.schemes === undefined) {
    schemes = listSchemes()
      .map((info) => getScheme(info.id))
      .filter((s) => s.language.id === (options.language ?? DEFAULT_LANGUAGE));
  } else {
    const byId = new Map<string, Scheme>();
    for (const given of options.schemes) {
      const scheme = resolveScheme({ scheme: given }).scheme;
      if (!byId.has(scheme.id)) byId.set(scheme.id, scheme);
    }
    schemes = [...byId.values()];
  }
  const s = sample(text.normalize('NFC'), maxWords);
  if (s.words.length === 0 || schemes.length === 0) return { scheme: undefined, plausible: [], ranking: schemes.map((x) => ({ scheme: x.id, score: 0, unwritable: 0 })), words: 0 };
  const read = schemes.map((scheme) => readWords(s, scheme, options.lexicon));
  // A word that no candidate scheme can have written (an English or foreign word, a code) says
  // nothing about which scheme the text is in.
  const counts = s.words.map((_, i) => read.some((r) => r.unwritable[i] === 0));
  const perWord = read.map((r) => s.words.map((_, i) => (counts[i] ? r.scores[i]! - r.unwritable[i]! * UNWRITABLE : 0)));
  const ranking = schemes.map((scheme, k): SchemeFit => ({
    scheme: scheme.id,
    score: Math.round(perWord[k]!.reduce((a, b) => a + b, 0) * 100) / 100,
    unwritable: s.words.reduce((n, _, i) => n + (counts[i] ? read[k]!.unwritable[i]! : 0), 0),
  }));
  const order = ranking.map((_, k) => k).sort((a, b) => ranking[b]!.score - ranking[a]!.score || a - b);
  const best = order[0]!;
  // How much better the best scheme reads the text than another, leaving out the one word of
  // plain letters that the other cannot write and that makes the most difference: a lone word
  // like "Hello" (English, or х written h) is not enough to rule a scheme out; a word with a
  // mark it cannot write, or several words it reads as unlikely Russian, are.
  const plain = s.words.map(([start, end]) => /^[A-Za-z]+$/.test(s.text.slice(start, end)));
  const margin = (k: number): number => {
    let total = 0;
    let largest = 0;
    perWord[best]!.forEach((b, i) => {
      const d = b - perWord[k]![i]!;
      total += d;
      if (plain[i] && read[k]!.unwritable[i]! > 0 && d > largest) largest = d;
    });
    return total - largest;
  };
  return {
    scheme: ranking[best]!.scheme,
    plausible: order.filter((k) => margin(k) < PLAUSIBLE_MARGIN).map((k) => ranking[k]!.scheme),
    ranking: order.map((k) => ranking[k]!),
    words: s.words.length,
  };
}
