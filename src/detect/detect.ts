/**
 * Which language a Cyrillic text is in, paragraph by paragraph (docs/languages.md). Browser-safe.
 *
 * Every word is scored with each language's letter-pair statistics (src/reverse/data/<id>-letters.json,
 * made from the language's spelling dictionary); a letter that is not in a language's alphabet
 * costs that language as much as a very unlikely pair, so ї, є, ґ point to Ukrainian, ў to
 * Belarusian, ђ, ћ to Serbian, ѓ, ќ, ѕ to Macedonian and ё, ы, э to Russian or Belarusian, while
 * Bulgarian against Russian is told apart by the pairs alone (ъ inside words, no ы, э, ё). The
 * paragraph takes the language with the best total; a word with a letter the paragraph's
 * language does not have (a Ukrainian name in Russian text) is reported with the language that
 * scores it best among those that have all its letters, and the rest of the paragraph keeps the
 * paragraph's language. Names from elsewhere do not outvote a short sentence: when the two
 * leading languages each have a minority of words the other cannot spell, the two are compared on
 * the words both can spell (decideWithNames).
 */
import { getLanguage } from '../schemes/registry.ts';
import type { LanguageSource } from '../schemes/types.ts';
import { LETTER_STATS as STATS, letterModel, type LetterModel } from './letters.ts';

/** The languages {@link detectLanguage} chooses among, in the order they are reported. */
export const DETECTABLE_LANGUAGES: readonly string[] = Object.keys(STATS);

/** The in-word apostrophe letter (docs/languages.md). */
const APOSTROPHE = 'ʼ';

interface Candidate {
  id: string;
  model: LetterModel;
  /** Letters of the modern alphabet (the language file's `letters`), and ʼ where the language has the in-word apostrophe. */
  modern: ReadonlySet<string>;
  /** Letters of the modern and old alphabet, and ʼ where the language has the in-word apostrophe. */
  alphabet: ReadonlySet<string>;
  /** Letters the statistics know (old letters of a language may be missing from its dictionary). */
  scored: ReadonlySet<string>;
}

const candidates = new Map<string, Candidate>();


function candidate(id: string): Candidate {
  let c = candidates.get(id);
  if (c === undefined) {
    const stats = STATS[id];
    if (stats === undefined) throw new Error(`no letter statistics for language "${id}"`);
    const language: LanguageSource & { apostrophes?: string } = getLanguage(id);
    const alphabet = new Set([...language.letters, ...language.oldLetters]);
    const modern = new Set(language.letters);
    if (language.apostrophes) {
      alphabet.add(APOSTROPHE);
      modern.add(APOSTROPHE);
    }
    // Pairs only, for every language alike (the Russian file also has triples).
    c = { id, model: letterModel({ alphabet: stats.alphabet, logp: stats.logp }), modern, alphabet, scored: new Set(stats.alphabet) };
    candidates.set(id, c);
  }
  return c;
}

/** Options of {@link detectLanguage} and {@link detectParagraphs}. */
export interface DetectOptions {
  /** Languages to choose among. Default {@link DETECTABLE_LANGUAGES}. */
  languages?: readonly string[];
  /** The language of a text without Cyrillic letters. Default `'ru'`. */
  fallback?: string;
}

/** What {@link detectLanguage} decided, and why. */
export interface LanguageGuess {
  /** The language chosen. */
  lang: string;
  /** Two-way posterior of the winner against the runner-up, 0..1 (0 when there was nothing to go on). */
  confidence: number;
  /** The runner-up language. */
  runnerUp?: string;
  /** Letters of the text that only some of the languages have and the winner has (ї, ў, ђ, ѓ …). */
  evidence: string[];
  /** Cyrillic letters scored. */
  letters: number;
}

/** One word whose letters the paragraph's language lacks, and the language it was given. */
export interface WordLanguage {
  /** Offsets [start, end) in the text. */
  start: number;
  end: number;
  word: string;
  lang: string;
}

/** A paragraph and its language, as {@link detectParagraphs} returns them. */
export interface ParagraphLanguage extends LanguageGuess {
  /** Offsets [start, end) in the text; the paragraphs cover the text without gaps. */
  start: number;
  end: number;
  /** Words written in another language's letters (a Ukrainian name in a Russian paragraph). */
  words: WordLanguage[];
}

interface Token {
  start: number;
  end: number;
  /** Lower-case letters, in-word apostrophes as ʼ. */
  text: string;
}

const TOKEN = /\p{Script=Cyrillic}+(?:['’´ʼ]\p{Script=Cyrillic}+)*/gu;

function tokens(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(text); m !== null && m.index < to; m = TOKEN.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0].toLowerCase().replace(/['’´ʼ]/g, APOSTROPHE) });
  }
  return out;
}

/**
 * What a word with letters a language does not have costs that language (log10 units), once per
 * word: the word is scored without those letters, plus this. A per-word cost rather than a
 * per-letter one lets a paragraph keep its language around a foreign name, while letters
 * outside the alphabet still weigh against the language. Chosen on the tune split of the
 * dictionary paragraphs (scripts/measure-detector.ts).
 */
const FOREIGN_WORD = -6;

function wordScore(c: Candidate, word: string): number {
  let score = 0;
  let prev = '^';
  let foreign = false;
  for (const ch of word) {
    if (!c.scored.has(ch)) {
      foreign = true;
      continue;
    }
    score += c.model(prev, ch);
    prev = ch;
  }
  return score + c.model(prev, '$') + (foreign ? FOREIGN_WORD : 0);
}

function rank(words: readonly string[], ids: readonly string[], fallback: string): LanguageGuess {
  const list = ids.map(candidate);
  const totals = list.map((c) => words.reduce((sum, w) => sum + wordScore(c, w), 0));
  let letters = 0;
  for (const w of words) for (const ch of w) if (ch !== APOSTROPHE) letters++;
  if (letters === 0) return { lang: fallback, confidence: 0, evidence: [], letters: 0 };
  let best = 0;
  let second = -1;
  for (let i = 1; i < list.length; i++) {
    if (totals[i]! > totals[best]!) {
      second = best;
      best = i;
    } else if (second < 0 || totals[i]! > totals[second]!) {
      second = i;
    }
  }
  const winner = list[best]!;
  const evidence = [...lettersOf(words)].filter((ch) => winner.alphabet.has(ch) && list.some((c) => !c.alphabet.has(ch))).sort();
  const guess: LanguageGuess = { lang: winner.id, confidence: 0, evidence, letters };
  if (second >= 0) {
    const margin = totals[best]! - totals[second]!;
    guess.confidence = Math.round((1 / (1 + 10 ** -margin)) * 1000) / 1000;
    guess.runnerUp = list[second]!.id;
  } else {
    guess.confidence = 1;
  }
  return guess;
}

/**
 * Whether every letter of a word is in a set. Words are walked letter by letter, never spread into
 * arrays: a text may be one word of a million letters, and arrays of that size per word and
 * language made the time grow faster than the text (GC of large objects).
 */
function allIn(word: string, letters: ReadonlySet<string>): boolean {
  for (const ch of word) if (!letters.has(ch)) return false;
  return true;
}

/** The distinct letters of some words. */
function lettersOf(words: readonly string[]): Set<string> {
  const seen = new Set<string>();
  for (const w of words) for (const ch of w) seen.add(ch);
  return seen;
}

const spells = (c: Candidate, word: string): boolean => allIn(word, c.modern);

/**
 * The paragraph's language, and the words set aside as names from another language (each with
 * that language). The leading two languages by {@link rank} are compared once more when each has
 * words the other's modern alphabet cannot spell (`Ґудзь`, `Олексій` against `рыба`) and those
 * words together are fewer than half the paragraph's: they are taken as names from elsewhere and
 * set aside, and the choice between the two is made on the words both can spell. A set-aside
 * word keeps the language that can spell it. So a Russian sentence with a Ukrainian name stays
 * Russian however short, and a Ukrainian one with a Russian name stays Ukrainian.
 */
function decideWithNames(words: readonly string[], ids: readonly string[], fallback: string): { guess: LanguageGuess; aside: (string | undefined)[] } {
  const first = rank(words, ids, fallback);
  const none = words.map(() => undefined);
  if (first.runnerUp === undefined) return { guess: first, aside: none };
  const a = candidate(first.lang);
  const b = candidate(first.runnerUp);
  const aside = words.map((w) => {
    const inA = spells(a, w);
    return inA === spells(b, w) ? undefined : inA ? a.id : b.id;
  });
  const names = aside.filter((l) => l !== undefined);
  if (!names.includes(a.id) || !names.includes(b.id) || 2 * names.length >= words.length) return { guess: first, aside: none };
  const second = rank(words.filter((_, i) => aside[i] === undefined), [a.id, b.id], fallback);
  if (second.letters === 0) return { guess: first, aside: none };
  const winner = candidate(second.lang);
  const evidence = [...lettersOf(words)].filter((ch) => winner.alphabet.has(ch) && ids.some((id) => !candidate(id).alphabet.has(ch))).sort();
  return { guess: { ...second, evidence, letters: first.letters }, aside };
}

function decide(words: readonly string[], ids: readonly string[], fallback: string): LanguageGuess {
  return decideWithNames(words, ids, fallback).guess;
}

/**
 * The language of a text, from its letters (docs/languages.md).
 *
 * @example
 * import { detectLanguage } from 'latinitsa';
 * detectLanguage('Їжак і ґанок.').lang;
 * //=> 'uk'
 * detectLanguage('Щука и ёж.').lang;
 * //=> 'ru'
 * detectLanguage('Всички хора се раждат свободни и равни по достойнство и права.').lang;
 * //=> 'bg'
 */
export function detectLanguage(text: string, options: DetectOptions = {}): LanguageGuess {
  const ids = options.languages ?? DETECTABLE_LANGUAGES;
  return decide(tokens(text, 0, text.length).map((t) => t.text), ids, options.fallback ?? 'ru');
}

/** Paragraph boundaries: a line break, optional blanks, and another line break. */
const PARAGRAPH_BREAK = /\r?\n[^\S\r\n]*(?:\r?\n[^\S\r\n]*)+/g;

/**
 * The language of each paragraph (paragraphs are separated by a blank line), and the words of a
 * paragraph written in another language's letters.
 *
 * @example
 * import { detectParagraphs } from 'latinitsa';
 * detectParagraphs('Щука и ёж.\n\nЇжак і ґанок.').map((p) => p.lang);
 * //=> ['ru', 'uk']
 * detectParagraphs('Вчера мы были в городе Київ и видели много интересного.')[0]?.words.map((w) => [w.word, w.lang]);
 * //=> [['Київ', 'uk']]
 */
export function detectParagraphs(text: string, options: DetectOptions = {}): ParagraphLanguage[] {
  const ids = options.languages ?? DETECTABLE_LANGUAGES;
  const fallback = options.fallback ?? 'ru';
  const bounds: [number, number][] = [];
  let start = 0;
  PARAGRAPH_BREAK.lastIndex = 0;
  for (let m = PARAGRAPH_BREAK.exec(text); m !== null; m = PARAGRAPH_BREAK.exec(text)) {
    bounds.push([start, m.index + m[0].length]);
    start = m.index + m[0].length;
  }
  if (start < text.length || bounds.length === 0) bounds.push([start, text.length]);
  return bounds.map(([from, to]) => {
    const toks = tokens(text, from, to);
    const { guess, aside } = decideWithNames(toks.map((t) => t.text), ids, fallback);
    const own = candidate(guess.lang);
    const words: WordLanguage[] = [];
    for (const [i, t] of toks.entries()) {
      const name = aside[i];
      if (name !== undefined && name !== guess.lang) {
        words.push({ start: t.start, end: t.end, word: text.slice(t.start, t.end), lang: name });
        continue;
      }
      if (allIn(t.text, own.alphabet)) continue;
      const able = ids.filter((id) => allIn(t.text, candidate(id).alphabet));
      if (able.length === 0) continue;
      const lang = decide([t.text], able, guess.lang).lang;
      if (lang !== guess.lang) words.push({ start: t.start, end: t.end, word: text.slice(t.start, t.end), lang });
    }
    return { start: from, end: to, ...guess, words };
  });
}
