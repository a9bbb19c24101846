import { explain } from '../engine/romanize.ts';
import { foldRomanized } from '../reverse/readings.ts';
import { DEFAULT_LANGUAGE, getLanguage, getScheme, listLanguages, listSchemes } from '../schemes/registry.ts';
import type { WordToken } from '../segment/index.ts';
import { frontDecode } from './english.ts';
import data from './data/foreign.json' with { type: 'json' };
import published from './data/foreign-function-words.json' with { type: 'json' };

const functionWords = new Set(data.functionWords.words.map((w) => w.toLowerCase()));
/**
 * The function words the window rule of {@link foreignContext} counts: the hand list and the
 * published lists of other languages (src/check/data/foreign-function-words.json, built by
 * scripts/build-check-foreign.ts). Only that rule reads them: it asks for two or more, and one
 * such word alone beside English prose is chance (ak, abu, mau: docs/check.md, "Published name
 * and function-word lists"), so the rules that read a single word keep the hand list.
 */
const windowWords = new Set([...functionWords, ...frontDecode(published.words)]);
const english = new Set(data.englishWords.words);
const particles = new Set(data.particles.words);
const CAPITAL = /^\p{Lu}/u;

/**
 * What the passes over a text's words ask of every word: its lower case, and whether it opens
 * with a capital. Each pass used to find them for itself, some twice, at every word of a document;
 * a word lower-cased is a new string, hashed again at every set it is looked up in. The checker
 * finds them once for a document's words (`wordForms`), and gives each region its part of them
 * (`wordFormsIn`); a caller that gives none gets them found as before.
 */
export interface WordForms {
  readonly lower: readonly string[];
  readonly capital: readonly boolean[];
}

/** The forms of each of these words (see {@link WordForms}). */
export function wordForms(tokens: readonly WordToken[]): WordForms {
  return { lower: tokens.map((t) => t.text.toLowerCase()), capital: tokens.map((t) => CAPITAL.test(t.text)) };
}

/** The forms of the words [start, end) of words whose forms are given. */
export function wordFormsIn(forms: WordForms, start: number, end: number): WordForms {
  return { lower: forms.lower.slice(start, end), capital: forms.capital.slice(start, end) };
}

/**
 * Which words of a tokenized text stand in another language's context: inside a run of French,
 * German, Italian, Spanish, Polish, Hungarian or another language's words (a quotation, a title:
 * at least two function words of that kind among the neighbours, {@link windowWords}, and fewer
 * than half as many English ones), or a name joined to a
 * nobiliary particle (Fedor von Bock, Léon de Bakst). The word lists are data
 * (src/check/data/foreign.json).
 *
 * @param text The text the tokens come from.
 * @param tokens Its words.
 * @param forms The words' lower case and capital (see {@link WordForms}), when the caller has found them.
 * @param nobiliary The words in a name with a nobiliary particle ({@link nobiliaryNames}), when found.
 * @returns One flag per token.
 */
export function foreignContext(text: string, tokens: readonly WordToken[], forms: WordForms = wordForms(tokens), nobiliary: readonly boolean[] = nobiliaryNames(tokens, forms)): boolean[] {
  const { lower } = forms;
  const out = tokens.map(() => false);
  const window = data.functionWords.window;
  // Prefix sums of foreign and English function words, for a window count in constant time.
  const foreignSum = [0];
  const englishSum = [0];
  lower.forEach((w, i) => {
    foreignSum.push(foreignSum[i]! + (windowWords.has(w) ? 1 : 0));
    englishSum.push(englishSum[i]! + (english.has(w) ? 1 : 0));
  });
  for (let i = 0; i < tokens.length; i++) {
    const a = Math.max(0, i - window);
    const b = Math.min(tokens.length, i + window + 1);
    // Neighbours across a line break count only on the same line or paragraph: a window of
    // tokens is a good enough approximation in prose.
    const f = foreignSum[b]! - foreignSum[a]!;
    const e = englishSum[b]! - englishSum[a]!;
    if (f >= 2 && f > e * 2) out[i] = true;
  }
  nobiliary.forEach((named, i) => {
    if (named) out[i] = true;
  });
  void text;
  return out;
}

/**
 * Which words are the names of a name with a nobiliary particle between two capitalised words
 * (Joachim von Ribbentrop, Léon de Bakst): a Western name.
 *
 * @param tokens The words of a text.
 * @param forms The words' lower case and capital (see {@link WordForms}), when the caller has found them.
 * @returns One flag per token.
 */
export function nobiliaryNames(tokens: readonly WordToken[], forms: WordForms = wordForms(tokens)): boolean[] {
  const { lower } = forms;
  // Past either end: no word, no capital.
  const capital = (i: number): boolean => forms.capital[i] === true;
  // The particle first: it is rare, and the capital's test runs at every word otherwise.
  return tokens.map((_, i) => ((particles.has(lower[i + 1] ?? '') && capital(i + 2)) || (particles.has(lower[i - 1] ?? '') && i >= 2 && capital(i - 2))) && capital(i));
}

/**
 * Which words belong to a name written in another language's letters: a run of capitalised words
 * joined by spaces or hyphens on one line (Piotr Ilitch Tchaïkovski, Andreij-Sacharow-Platz), with
 * the small-letter words joined to them by hyphens (Chan-kia-kow), in
 * which some word has a letter that no scheme of English prose writes (w, ï, ł, ü…). Its other
 * words are spelt in that language too, not romanized Russian.
 *
 * @param text The text the tokens come from.
 * @param tokens Its words.
 * @param letters The letters the schemes of English prose write (lower case).
 * @param english Whether a word is English: an English word (Moscow) in a run of capitalised
 *   words says nothing of the others; nor does a word that opens a sentence (While, With: the
 *   English lists leave out words with letters no scheme writes).
 * @param least How many words of the run must be other than English (2: a whole name, not
 *   one word after an English one, Then Ježov).
 * @param forms The words' lower case and capital (see {@link WordForms}), when the caller has found them.
 * @returns One flag per token.
 */
export function foreignNames(text: string, tokens: readonly WordToken[], letters: ReadonlySet<string>, english: (word: string) => boolean, least = 1, forms: WordForms = wordForms(tokens)): boolean[] {
  const out = tokens.map(() => false);
  let start = 0;
  const close = (end: number): void => {
    // Most runs are one word or none: nothing to weigh (called at every word).
    if (end - start <= 1) return;
    const unit = tokens.slice(start, end);
    const foreignWord = (word: string): boolean => {
      const lower = word.toLowerCase().normalize('NFC');
      return [...lower].some((ch) => /\p{Script=Latin}/u.test(ch) && !letters.has(ch)) || foreignSpelling(lower, /^\p{Lu}/u.test(word));
    };
    if (unit.length > 1 && unit.filter((t) => !english(t.text)).length >= least && unit.some((t) => foreignWord(t.text) && !english(t.text) && !sentenceStart(text, t.start))) {
      for (let i = start; i < end; i++) out[i] = true;
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const capital = forms.capital[i]!;
    // A unit is made of capitalised words, and of small-letter words joined to them by hyphens:
    // the syllables of a compound name (Chan-kia-kow, a Chinese town in a travel book). The gap
    // is looked at only inside a unit.
    const gap = i > start ? text.slice(tokens[i - 1]?.end ?? 0, t.start) : '';
    const joined = i > start && (capital ? /^[ \-‐]$/u.test(gap) : /^[-‐]$/u.test(gap));
    if (!joined) {
      close(i);
      start = capital ? i : i + 1;
    }
  }
  close(tokens.length);
  return out;
}

/** What a word says of the orthography of its phrase (see `foreignPhrases`). */
export type PhraseWord = 'other' | 'marked' | 'russian' | undefined;

/**
 * Which words belong to a phrase written in another language's letters: a run of two or more
 * words, none English, joined by single spaces or hyphens (Narodnooslobodilačka vojska
 * Jugoslavije; Međunarodna štampa; Lietuvių kalbos istorija; w całym kraju), with a word of
 * another orthography than romanized Russian (`other`: đ, ł, ų) or a word in háček letters that
 * is no Russian word (`marked`: Narodnooslobodilačka), where no more than two in three of the
 * run's words are Russian ones. A Russian title in a transliteration of its author's own letters
 * has more (Ėtimologičeskij slovar’ russkogo jazyka; Rol’ neosedlykh skotovodov v razvitii
 * tsivilizatsiï Evrazii) and stays checked; the languages close to Russian share many of its words,
 * hence the bar (Kontra-obavještajna služba: two Russian words of three). Words under three letters
 * are not counted. Its other words are that language's too (vojska, istorija, kraju),
 * though a scheme reads them as Russian ones. An English word ends a run, so a Russian name
 * beside another language's in a sentence (Đilas met Viacheslav Molotov) stays checked.
 * docs/check.md, "Phrases in another orthography".
 *
 * @param text The text the tokens come from.
 * @param tokens Its words.
 * @param word What a word says of its phrase's orthography.
 * @param english Whether a word is English (or a conventional form): it ends a run.
 * @returns One flag per token.
 */
export function foreignPhrases(text: string, tokens: readonly WordToken[], word: (word: string) => PhraseWord, english: (word: string) => boolean): boolean[] {
  const out = tokens.map(() => false);
  let start = 0;
  const close = (end: number): void => {
    if (end - start < 2) return;
    // Words under three letters say nothing: the Slavic languages share them (i, v, o, na, za).
    const said = tokens.slice(start, end).filter((t) => [...t.text].length >= 3).map((t) => word(t.text));
    const russian = said.filter((w) => w === 'russian').length;
    if ((said.includes('other') || said.includes('marked')) && russian * 3 <= said.length * 2) for (let j = start; j < end; j++) out[j] = true;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (english(t.text)) {
      close(i);
      start = i + 1;
      continue;
    }
    if (i > start && !NAME_GAP.test(text.slice(tokens[i - 1]!.end, t.start))) {
      close(i);
      start = i;
    }
  }
  close(tokens.length);
  return out;
}

/** Whether a place opens a sentence: only spaces, quotes or brackets after a full stop, a question or exclamation mark, a colon or a line break before it. */
function sentenceStart(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 12), at).replace(/[\s"“‘'(\[*_]+$/u, '');
  return before === '' ? at - 12 <= 0 || /\n\s*$/u.test(text.slice(Math.max(0, at - 12), at)) : /[.!?:\n]$/u.test(before) || /\n[\s"“‘'(\[*_]*$/u.test(text.slice(Math.max(0, at - 12), at));
}

const cues = new Set(data.variantCues.words);
const namingCues = new Set(data.variantCues.naming);
/** Cues of a birth name (Nadezhda Aleksandrovna (née Adler)): the word before is another name, not the same one. */
const birthCues = new Set(data.variantCues.birth);
const connectors = new Set(data.variantCues.connectors);
const languageNames = new Set(data.languageNames.words);
/** After a word: slash-joined alternates, an optional bracket of Cyrillic, then a bracket of words without a colon. */
const FOR_LANGUAGES = /^(?:\/\p{L}+)*\s*(?:\([^()\n]*\p{Script=Cyrillic}[^()\n]*\)\s*)?\(([^()\n:]+)\)/u;
/** What may stand before a line's first word: spaces and a list item's mark (-, *, 1.), perhaps emphasis. */
const LIST_MARK = /^\s*(?:[-*+•]|\d+[.)])?\s*[_*]*$/u;
/** What may stand before a language's name that opens a line of its forms: a list item's mark or a reference's caret, and a compound name's first part (Serbo-). */
const LANGUAGE_LINE = /^\s*(?:[-*+•^]|\d+[.)])?\s*[_*]*(?:\p{Lu}\p{Ll}+[-‐])?$/u;
/** A bracket's list of names (`listedVariants`): its opening before the first name, its separators, its close. */
const BRACKET_LIST_OPEN = /^,?\s*[([]\s*["“‘«]?$/u;
const BRACKET_LIST_SEPARATOR = /^["”’»]?\s*[;,/]\s*["“‘«]?$/u;
const BRACKET_LIST_CLOSE = /^["”’»]?\s*[)\]]/u;
/** Words that open a bracket naming a variant of the word before it (Ruhnama (or Rukhnama)). */
const bracketed = new Set(data.variantCues.bracketed);
/** Words before a word cited as a word, alone in quotation marks (the Tartar name of "Kreml"). */
const mentionCues = new Set(data.mentionCues.words);
/** Words after a quoted phrase that gloss it (or, means): the phrase is a term cited, not used. */
const glossCues = new Set(data.mentionCues.glosses);
/** A gap that opens a quotation before a word, and one that closes it after the word. */
const OPENS_QUOTE = /["“‘'«]$/u;
const CLOSES_QUOTE = /^["”’'»]/u;
/** Between a quoted phrase's last word and a word that glosses it (or, means): the closing mark, a comma on either side. */
const QUOTE_THEN_OR = /^,?["”’'»],?\s+$/u;
/** After a word: an equals sign and a word, a gloss (Kazak = soldier). */
const GLOSSED = /^\s*=\s*\p{L}/u;

/**
 * Which words are variants the text names on purpose:
 * - the three words after "also", "spelled", "spelling", "a.k.a."… (RURIK (also RIURIK), Efim
 *   (sometimes spelled Yefim), Zeitlin (a.k.a. Tseitlin), in West European spelling as Czar), and
 *   the word just before a bracket that opens with such a cue (Efim), and a word of the name
 *   before that bracket the variant spells (YEKATERINA (KATYA) LAZAREVA GOKHMAN (also translated
 *   as EKATERINA));
 * - after a cue that names spellings ("transliterated as", "spelled"), on through a list of
 *   capitalised words joined by "or", "and" and commas, to the end of the sentence (transliterated
 *   as Piotr or Petr; Tschaikowski, Chajkovskij and Chaikovsky);
 * - capitalised words alone in brackets right after a word they spell another way (Yelabuga
 *   (Elabuga), Samary Gurary, (Samarii Gurarii)), by `sameWord`;
 * - the items of a bracket right after a name that holds only a list of names, perhaps quoted, that
 *   spell that name (Abkhazia ( "Apsny" ; "Apkhazeti"; "Abkhaziya"); YENISEY (YENISEI / ENISEY));
 * - the word before a bracket that opens with "or" and the word after it, when they spell one
 *   word (Ruhnama (or Rukhnama)), and so two such words joined by "or" or a slash (Byelorussia or
 *   Belorussia, Alexandre/Aleixandre);
 * - a word followed by a bracket of language names only (Sascha (German)): a name's form for
 *   those languages;
 * - the words of a line that opens with a language's name and a colon (Estonian: Aleksander), and
 *   those of a bracket that opens so, another language's gloss ((Polish: Instytut im. …));
 * - a word cited as a word, not used: alone in quotation marks with a cue ("name", "word",
 *   "called"…) among the three words before it (the Tartar name of "Kreml" or fortress), or
 *   glossed with an equals sign (Kazak = soldier) (made on realtext12);
 * - a phrase of one to three words alone in quotation marks and glossed after the closing mark by
 *   "or" (the “Ur’ev den,” or S. George’s day) (made on realtext13).
 *
 * @param text The text the tokens come from.
 * @param tokens The words of a text.
 * @param sameWord Whether two words may be spellings of one word.
 * @param forms The words' lower case and capital (see {@link WordForms}), when the caller has found them.
 * @returns One flag per token.
 */
export function listedVariants(text: string, tokens: readonly WordToken[], sameWord: (a: string, b: string) => boolean, forms: WordForms = wordForms(tokens)): boolean[] {
  const out = tokens.map(() => false);
  // Each word's capital and each gap are asked many times over by the rules below (a document's
  // 10,000 words each several times): found once (past the last word: no capital).
  const capitals = forms.capital;
  const capital = (k: number): boolean => capitals[k] === true;
  // Before the first word, the gap is what precedes it in the text (a bracket may open there).
  const gaps = tokens.map((t, k) => text.slice(k > 0 ? tokens[k - 1]!.end : 0, t.start));
  const gap = (k: number): string => gaps[k]!;
  const { lower } = forms;
  // Where a cue's bracket opens: before the cue, or before the adverb that precedes it (sometimes spelled).
  const cueStart = (k: number, aka: boolean): number => (!aka && k > 0 && !/\(/u.test(gap(k)) && /^\p{Ll}+$/u.test(tokens[k - 1]!.text) && /\(\s*$/u.test(gap(k - 1)) ? k - 1 : k);
  lower.forEach((w, k) => {
    // a.k.a. is three one-letter words.
    const aka = w === 'a' && lower[k + 1] === 'k' && lower[k + 2] === 'a' && gap(k + 1) === '.' && gap(k + 2) === '.';
    if (!cues.has(w) && !aka) return;
    const from = aka ? k + 3 : k + 1;
    for (let i = from; i <= from + 2 && i < tokens.length; i++) out[i] = true;
    // The word just before a bracketed cue is the form the variant is named beside: Efim (sometimes
    // spelled Yefim) gives both on purpose.
    const before = cueStart(k, aka);
    if (!birthCues.has(w) && before > 0 && capital(before - 1) && /\(\s*$/u.test(gap(before))) {
      out[before - 1] = true;
      // So is a word further back in the name before the bracket that the variant spells another
      // way: YEKATERINA (KATYA) LAZAREVA GOKHMAN (also translated as EKATERINA) names the given
      // name's other form (made on realtext14). The name's words only:
      // capitalised, joined by spaces, hyphens or a bracket of its own; at most six back.
      const variants = tokens.slice(from, from + 3).filter((_, d) => capital(from + d));
      for (let j = before - 2; j >= 0 && j >= before - 7 && capital(j) && /^[ \-‐()]*$/u.test(gap(j + 1)); j--) {
        if (variants.some((v) => sameWord(v.text, tokens[j]!.text))) out[j] = true;
      }
    }
    if (!namingCues.has(w) && !namingCues.has(lower[k + 1] ?? '')) return;
    for (let i = from + 3; i < tokens.length && i < from + 16; i++) {
      if (/[.!?)]/u.test(gap(i)) || !(capital(i) || connectors.has(lower[i]!))) break;
      out[i] = true;
    }
  });
  // A name's form for languages named in a bracket after it: Sascha (German), Aleksandra
  // (Александра) (Latvian, Polish), Alissandra/Alyssandra (Sicilian, Greek).
  // The pattern needs an opening bracket within the 200 characters it reads: the next one after
  // each word is found by one forward scan, not a slice and a match per capitalised word.
  // (`bracket` is the first one at or after `scanned`, Infinity for none.)
  let scanned = Infinity;
  let bracket = -1;
  tokens.forEach((t, k) => {
    if (!capital(k)) return;
    if (t.end < scanned || t.end > bracket) {
      scanned = t.end;
      bracket = text.indexOf('(', t.end);
      if (bracket < 0) bracket = Infinity;
    }
    if (bracket >= t.end + 200) return;
    const m = FOR_LANGUAGES.exec(text.slice(t.end, t.end + 200));
    if (m !== null && m[1]!.split(/\s*(?:,|\/|\band\b)\s*/u).every((w) => languageNames.has(w.trim()))) out[k] = true;
  });
  // A line that opens with a language's name and a colon gives a name's forms in that language
  // (Estonian: Aleksander; Catalan: Alexandre/Aleixandre; Hebrew: אלכסנדר (Aleksander)): its
  // words are given on purpose, to the end of the line.
  // The name may be a compound's last part (Serbo-Croatian), and the line a note's, opened by the
  // caret of a Wikipedia reference (^ Serbo-Croatian: Narodnooslobodilačka vojska (NOV); Slovene:
  // Narodnoosvobodilna vojska (NOV): realtext63).
  tokens.forEach((t, k) => {
    if (!languageNames.has(t.text) || !/^:/u.test(text.slice(t.end, t.end + 1))) return;
    const lineStart = text.lastIndexOf('\n', t.start - 1) + 1;
    if (!LANGUAGE_LINE.test(text.slice(lineStart, t.start))) return;
    const lineEnd = text.indexOf('\n', t.end);
    for (let i = k + 1; i < tokens.length && (lineEnd < 0 || tokens[i]!.start < lineEnd); i++) out[i] = true;
  });
  // A bracket that opens with another language's name and a colon gives the thing's name in that
  // language, a Wikipedia-style gloss ((Polish: Instytut im. Włodzimierza Wysockiego)): its words,
  // to the closing bracket, are that language's (made on realtext14). Not
  // Russian's, whose gloss is the Russian itself, nor English's.
  tokens.forEach((t, k) => {
    if (!languageNames.has(t.text) || t.text === 'Russian' || t.text === 'English' || !/^:/u.test(text.slice(t.end, t.end + 1)) || !/\(\s*$/u.test(gap(k))) return;
    const close = text.indexOf(')', t.end);
    const lineEnd = text.indexOf('\n', t.end);
    if (close < 0 || (lineEnd >= 0 && lineEnd < close) || text.slice(t.end, close).includes('(')) return;
    // It ends where another language's gloss begins ((Belarusian: …, Russian: …, Vooruzhennye sily …)).
    for (let i = k + 1; i < tokens.length && tokens[i]!.start < close && !(languageNames.has(tokens[i]!.text) && /^:/u.test(text.slice(tokens[i]!.end, tokens[i]!.end + 1))); i++) out[i] = true;
  });
  // A word cited as a word is the word itself, given on purpose beside the prose's own form of
  // it (the Tartar name of "Kreml" or fortress, beside Kremlin; the Don Cossacks (Kazak =
  // soldier)): not a spelling of the prose.
  tokens.forEach((t, k) => {
    if (GLOSSED.test(text.slice(t.end, t.end + 8))) out[k] = true;
    // The words between the cue and the word are small words (the name of, called it): a
    // capitalised one makes the quoted word part of a name (called it Operation "Katja").
    else if (OPENS_QUOTE.test(gap(k)) && CLOSES_QUOTE.test(text.slice(t.end, k + 1 < tokens.length ? tokens[k + 1]!.start : text.length)) && [1, 2, 3].some((d) => k - d >= 0 && mentionCues.has(lower[k - d]!) && !/[.!?;:]/u.test(text.slice(tokens[k - d]!.end, t.start)) && tokens.slice(k - d + 1, k).every((w) => !/^\p{Lu}/u.test(w.text)))) out[k] = true;
  });
  // A phrase of one to three words alone in quotation marks, glossed after the closing mark by
  // "or" and the English (the abolition of the “Ur’ev den,” or S. George’s day): a term cited in
  // its own language, given on purpose, not the prose's spelling of its words (beside Uriev, the
  // town; made on realtext13); so by "means" ("Carev most" means "Tsar's
  // Bridge": made on realtext15). The gloss words are data (`glosses`).
  tokens.forEach((t, k) => {
    if (!OPENS_QUOTE.test(gap(k))) return;
    for (let j = k; j < k + 3 && j + 1 < tokens.length; j++) {
      if (j > k && gap(j) !== ' ') return;
      if (glossCues.has(lower[j + 1]!) && QUOTE_THEN_OR.test(gap(j + 1))) {
        for (let i = k; i <= j; i++) out[i] = true;
        return;
      }
    }
  });
  // Whether the words before and after the k-th are all its line holds, a list item's mark aside
  // and no full stop after: an item of a list under a line before it, not a sentence.
  const pairLine = (k: number): boolean => {
    const from = text.lastIndexOf('\n', tokens[k - 1]!.start - 1) + 1;
    const to = text.indexOf('\n', tokens[k + 1]!.end);
    return from > 0 && LIST_MARK.test(text.slice(from, tokens[k - 1]!.start)) && /^[\s,;]*$/u.test(text.slice(tokens[k + 1]!.end, to < 0 ? text.length : to));
  };
  for (let k = 1; k + 1 < tokens.length; k++) {
    // X or Y, X/Y: two spellings of one word set side by side are both given on purpose
    // (Byelorussia or Belorussia; Alexandre/Aleixandre; with a comma, Tolstoy, or Tolstoi, a family's
    // lead: made on realtext39); so is X and Y on a line of its own, an
    // item of a list of variants (a transcriber's list of a book's inconsistencies, "Andreievitch
    // and Andreivitch": made on realtext13). In a sentence, X and Y are
    // checked (Trotskiy and Trotskii met).
    if (((lower[k] === 'or' && /^,? $/u.test(gap(k))) || (lower[k] === 'and' && pairLine(k) && gap(k) === ' ')) && gap(k + 1) === ' ') {
      if (capital(k - 1) && capital(k + 1) && sameWord(tokens[k + 1]!.text, tokens[k - 1]!.text)) {
        out[k - 1] = true;
        out[k + 1] = true;
      }
    }
    if (capital(k - 1) && capital(k) && gap(k) === '/' && sameWord(tokens[k]!.text, tokens[k - 1]!.text)) {
      out[k - 1] = true;
      out[k] = true;
    }
  }
  // X, Y, Z(,) or W: a series of three or more single capitalised words, two different spellings
  // of one word among them, is a list of the word's forms, each given on purpose (KUZNETSOV,
  // KUZNYETSOV, KUZNETSOFF, or KOUZNETSOV: a surname's lead); so is X, Y and Z with three different
  // spellings of one word (variant forms such as Cyrill, Kirill, Kiril, Kiro and Kyrill). Two of a
  // list joined by "and" may be two people (Ivan, Sergey, Nikolai and Sergei came), and a word
  // repeated is mentioned, not given as a form (Zinoviev, Zinoviev and Zinovyev): those lists are
  // checked. Only the items that spell another item's word are taken (made on realtext15,
  // checked on realtext14).
  for (let k = 0; k < tokens.length; k++) {
    if (!capital(k) || (k > 0 && /^,\s*$/u.test(gap(k)) && capital(k - 1))) continue;
    const items = [k];
    let j = k;
    let last = '';
    while (j + 1 < tokens.length) {
      if (capital(j + 1) && /^,\s+$/u.test(gap(j + 1))) j++;
      else if ((lower[j + 1] === 'or' || lower[j + 1] === 'and') && /^,?\s+$/u.test(gap(j + 1)) && j + 2 < tokens.length && capital(j + 2) && /^\s+$/u.test(gap(j + 2))) {
        last = lower[j + 1]!;
        j += 2;
      } else break;
      items.push(j);
      if (last !== '') break;
    }
    // An item is one word: a capitalised word joined to it by a space makes a name of several.
    const single = (i: number): boolean => !(i + 1 < tokens.length && capital(i + 1) && /^[ \-‐]$/u.test(gap(i + 1)));
    if (items.length >= 3 && last !== '' && items.every(single)) {
      // Forms are different spellings: Zinoviev, Zinoviev, Zinoviev and Zinovyev is a list of
      // mentions, not of forms.
      const forms = (i: number): number => new Set(items.filter((o) => o === i || sameWord(tokens[i]!.text, tokens[o]!.text)).map((o) => tokens[o]!.text)).size;
      for (const i of items) if (forms(i) >= (last === 'or' ? 2 : 3)) out[i] = true;
    }
    k = j;
  }
  for (let k = 1; k + 1 < tokens.length; k++) {
    // X (or Y): both forms of one word, given on purpose; emphasis may wrap either.
    if (bracketed.has(lower[k]!) && capital(k - 1) && capital(k + 1) && /^[_*]*\s*\(\s*$/u.test(gap(k)) && /^\s*[_*]*$/u.test(gap(k + 1)) && sameWord(tokens[k + 1]!.text, tokens[k - 1]!.text)) {
      out[k - 1] = true;
      out[k + 1] = true;
    }
  }
  for (let k = 1; k < tokens.length; k++) {
    if (!capital(k - 1) || !/^,?\s*[([]$/u.test(gap(k))) continue;
    let i = k;
    while (i < tokens.length && capital(i) && (i === k || /^[ \-‐]$/u.test(gap(i)))) i++;
    const close = tokens[i - 1]!.end;
    if (i === k || i - k > 4 || !/^[)\]]/u.test(text.slice(close, close + 1))) continue;
    // The last word in brackets spells the word before them (a surname, a place).
    if (sameWord(tokens[i - 1]!.text, tokens[k - 1]!.text)) for (let j = k; j < i; j++) out[j] = true;
  }
  // X (A; B; C), X (A / B): a bracket right after a name that holds nothing but a list of names,
  // perhaps each in quotation marks, is the name's other forms, as a Wikipedia lead gives them
  // with the languages' labels and scripts stripped (Abkhazia ( "Apsny" ; "Apkhazeti";
  // "Abkhaziya"); a team's YENISEY (YENISEI / ENISEY)): an item that spells the word before the
  // bracket is given on purpose (made on realtext51 and realtext17).
  for (let k = 1; k < tokens.length; k++) {
    if (!capital(k - 1) || !BRACKET_LIST_OPEN.test(gap(k))) continue;
    const items: number[][] = [[]];
    let i = k;
    for (; i < tokens.length && capital(i); i++) {
      if (i > k && !/^[ \-‐]$/u.test(gap(i))) {
        if (!BRACKET_LIST_SEPARATOR.test(gap(i))) break;
        items.push([]);
      }
      items.at(-1)!.push(i);
    }
    const close = tokens[i - 1]!.end;
    if (items.length < 2 || items.some((item) => item.length === 0 || item.length > 4) || !BRACKET_LIST_CLOSE.test(text.slice(close, close + 4))) continue;
    for (const item of items) if (sameWord(tokens[item.at(-1)!]!.text, tokens[k - 1]!.text)) for (const j of item) out[j] = true;
  }
  return out;
}

/**
 * Which Latin words are the text's transliteration of Cyrillic it quotes beside them: a word inside
 * a bracket (on one line; brackets inside it count as part of it) that some Cyrillic word before it
 * in the same bracket is romanized to, exactly, by one of the schemes `writes` tries (a Wikipedia
 * lead: Alexander Pushkin (Russian: Алекса́ндр Серге́евич Пу́шкин, "Aleksandr Sergeyevich
 * Pushkin"); Prince Igor (Russian: Князь Игорь, "Knyaz' Igor'")), or one of the first four Latin
 * words of a gloss that a quotation mark opens right after a run of Cyrillic words, that one of
 * them is so romanized to (Кишинёв ("Kishinyov"); Russian: Молдавия, "Moldaviya"). Such a word is
 * given on purpose beside the prose's own form of it (Alexander), not a slip of the prose: the
 * checker does not report it as an inconsistency, but a declared scheme still judges it (a gloss
 * that writes Первый as Pervyj is not Wikipedia's romanization: docs/check.md, "Transliterations
 * beside their Cyrillic"). A word no scheme writes so from any Cyrillic word there (Revolutsii
 * beside революции) is the prose's own spelling, a slip, and is checked.
 *
 * @param text The text the tokens come from.
 * @param tokens The words of a text.
 * @param writes Whether a scheme writes a Latin word (as written) from a Cyrillic word (stress marks
 *   removed, lower case): those of English prose, or another Cyrillic language's national ones.
 * @returns One flag per token.
 */
export function cyrillicTransliterations(text: string, tokens: readonly WordToken[], writes: (cyrillic: string, latin: string) => boolean): boolean[] {
  const out = tokens.map(() => false);
  // One pass over the text: the brackets open at each word, on its line (a line end closes them all).
  const open: number[] = [];
  let at = 0;
  let bracket = -1;
  let quoted: string[] = [];
  let run: string[] = [];
  let latin = 0;
  tokens.forEach((t, k) => {
    for (; at < t.start; at++) {
      const c = text[at];
      if (c === '\n') open.length = 0;
      else if (c === '(') open.push(at);
      else if (c === ')') open.pop();
    }
    // The Cyrillic words quoted so far in the outermost bracket the word stands in.
    const outer = open[0] ?? -1;
    if (outer !== bracket) {
      bracket = outer;
      quoted = [];
    }
    // The Cyrillic words of the run right before a gloss that a quotation mark opens
    // (Кишинёв ("Kishinyov"); Russian: Молдавия, "Moldaviya"); `latin` counts the gloss's words.
    if (t.script === 'cyrillic') {
      if (k === 0 || tokens[k - 1]!.script !== 'cyrillic' || LETTER.test(text.slice(tokens[k - 1]!.end, t.start))) run = [];
      run.push(plain(t.text));
      latin = 0;
    } else if (t.script === 'latin') {
      const gap = k > 0 ? text.slice(tokens[k - 1]!.end, t.start) : 'x';
      latin = tokens[k - 1]?.script === 'cyrillic' ? (GLOSS_OPENS.test(gap) ? 1 : 0) : latin > 0 && latin < 4 && GLOSS_GOES_ON.test(gap) ? latin + 1 : 0;
      if (latin > 0 && run.some((c) => writes(c, t.text))) out[k] = true;
    }
    if (outer < 0) return;
    if (t.script === 'cyrillic') quoted.push(plain(t.text));
    else if (t.script === 'latin' && quoted.some((c) => writes(c, t.text))) out[k] = true;
  });
  return out;
}

/** Anything but spaces and punctuation between two words. */
const LETTER = /[\p{L}\p{N}]/u;
/**
 * Between Cyrillic and the Latin that glosses it: a quotation mark that opens the gloss, perhaps
 * after a comma or a bracket. A bracket alone (Александр Бутенко (Aleksandr Butenko), in a
 * reference) gives the name in the text's own romanization, which is judged like the prose.
 */
const GLOSS_OPENS = /^,?\s*\(?["“«‘']$/u;
/** Between the words of a gloss: a space or a hyphen. */
const GLOSS_GOES_ON = /^[ \-‐]$/u;

/** A Cyrillic word without stress marks, in lower case. */
function plain(word: string): string {
  return word.normalize('NFD').replace(/\u0301/gu, '').normalize('NFC').toLowerCase();
}

const adjectiveEndings: readonly string[] = data.adjectiveEndings.endings;

/**
 * Whether a lower-case Cyrillic word ends as a Russian adjective in the nominative (красный,
 * вольное): a capitalised one is a place or a title word even alone among English words.
 *
 * @param cyrillic The word.
 * @returns Whether it has an adjective ending.
 */
export function adjectiveForm(cyrillic: string): boolean {
  return adjectiveEndings.some((e) => cyrillic.length > e.length + 1 && cyrillic.endsWith(e));
}

const russianNameEndings: readonly string[] = data.russianNameEndings.endings;

/**
 * Whether a lower-case Cyrillic word ends as a Russian surname or patronymic (-ов, -ин, -ский,
 * -ович, -енко…, with a stem of two letters or more): the endings are data
 * (src/check/data/foreign.json).
 *
 * @param cyrillic The word.
 * @returns Whether it has such an ending.
 */
export function russianNameForm(cyrillic: string): boolean {
  return russianNameEndings.some((e) => cyrillic.length >= e.length + 2 && cyrillic.endsWith(e));
}

const russianPlaceEndings: readonly string[] = data.russianPlaceEndings.endings;

/**
 * Whether a lower-case Cyrillic word ends as a Russian town name (-ск, -цк, with a stem of three
 * letters or more: Smolensk, Polotsk): the endings are data (src/check/data/foreign.json).
 *
 * @param cyrillic The word.
 * @returns Whether it has such an ending.
 */
export function russianPlaceForm(cyrillic: string): boolean {
  return russianPlaceEndings.some((e) => cyrillic.length >= e.length + 3 && cyrillic.endsWith(e));
}

const surnameEndings: readonly string[] = data.surnameEndings.endings;

/**
 * Whether a word ends as a surname of another language (Geladze, Saakashvili, Laurinavicius):
 * the endings are data (src/check/data/foreign.json).
 *
 * @param word The word, in any case.
 * @returns Whether it has such an ending (and a stem of three letters or more).
 */
export function foreignSurname(word: string): boolean {
  const lower = word.toLowerCase();
  return /^\p{Lu}/u.test(word) && surnameEndings.some((e) => lower.length >= e.length + 3 && lower.endsWith(e));
}

/**
 * The stem of a word before another language's surname ending (Gasparian, Gasparyan: gaspar), or
 * undefined without such an ending.
 *
 * @param word The word, in any case.
 * @returns The lower-case stem.
 */
export function foreignSurnameStem(word: string): string | undefined {
  if (!foreignSurname(word)) return undefined;
  const lower = word.toLowerCase();
  const ending = surnameEndings.filter((e) => lower.endsWith(e)).sort((a, b) => b.length - a.length)[0]!;
  return lower.slice(0, -ending.length);
}

const sequences = new RegExp(data.letterSequences.patterns.join('|'), 'u');
const nameSequences = new RegExp(data.letterSequences.namePatterns.join('|'), 'u');

/**
 * Whether a folded (lower-case) word has a letter sequence no romanization of Russian writes but
 * another language's spelling does (Gyorgy, Szymon, Czeslaw), or, when the word is written
 * capitalised, an ending no Russian name has in the nominative (Maniu, Liu): data in
 * src/check/data/foreign.json.
 *
 * @param fold The word in lower case.
 * @param name Whether the word is written capitalised, as a name.
 * @returns Whether it has such a sequence.
 */
export function foreignSpelling(fold: string, name = false): boolean {
  return sequences.test(fold) || (name && nameSequences.test(fold));
}

const clubPrefixes = new Set(data.clubPrefixes.words);

/**
 * Which words are a sports club's own name: the capitalised words, joined by spaces or hyphens,
 * right after an abbreviation that opens a club's name (FC Sibir Novosibirsk, FK Yenisey
 * Krasnoyarsk). A club writes its name as it registered it; the words are not checked.
 *
 * @param text The text the tokens come from.
 * @param tokens Its words.
 * @returns One flag per token.
 */
export function clubNames(text: string, tokens: readonly WordToken[]): boolean[] {
  const out = tokens.map(() => false);
  for (let i = 0; i < tokens.length; i++) {
    if (!clubPrefixes.has(tokens[i]!.text)) continue;
    for (let k = i + 1; k < tokens.length && /^\p{Lu}/u.test(tokens[k]!.text) && /^[ \-‐]$/u.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start)); k++) out[k] = true;
  }
  return out;
}

const eponymNouns = new Set(data.eponymNouns.words.map((w) => w.toLowerCase()));

/**
 * Which words of a person's established full name name a thing after that person: the name's
 * words right before a noun of a thing so named, in either case, joined to it by a space (the
 * Andrei Bely Prize, the Andrei Bely prize).
 * The thing keeps the form it was named with (docs/check.md "Conventional forms").
 *
 * @param text The text the tokens come from.
 * @param tokens Its words.
 * @param named For each token, the Cyrillic word it renders in an established full name it stands in ('' when the list does not say), else undefined.
 * @param forms The words' lower case and capital (see {@link WordForms}), when the caller has found them.
 * @returns One flag per token.
 */
export function eponymNames(text: string, tokens: readonly WordToken[], named: readonly (string | undefined)[], forms: WordForms = wordForms(tokens)): boolean[] {
  const out = tokens.map(() => false);
  for (let i = 1; i < tokens.length; i++) {
    if (!eponymNouns.has(forms.lower[i]!) || named[i - 1] === undefined || named[i] !== undefined || text.slice(tokens[i - 1]!.end, tokens[i]!.start) !== ' ') continue;
    for (let k = i - 1; k >= 0 && named[k] !== undefined; k--) out[k] = true;
  }
  return out;
}

const placeTerms = new Set(data.placeTerms.words);

/**
 * Which words are a geographic term of another language closing a place name (Amu Darya, Kara
 * Kum, Issyk-Kul): a word of the list right after a capitalised word, joined by a space or hyphen,
 * that is not a Russian name (`russianName`: Darya Kozlova stays a name).
 *
 * @param text The text the tokens come from.
 * @param tokens Its words.
 * @param russianName Whether a word is a Russian given name, patronymic or surname the lexicon knows.
 * @param forms The words' lower case and capital (see {@link WordForms}), when the caller has found them.
 * @returns One flag per token.
 */
export function placeTermsOf(text: string, tokens: readonly WordToken[], russianName: (word: string) => boolean, forms: WordForms = wordForms(tokens)): boolean[] {
  return tokens.map((t, i) => {
    const prev = tokens[i - 1];
    return prev !== undefined && placeTerms.has(forms.lower[i]!) && forms.capital[i - 1]! && /^[ \-‐]$/u.test(text.slice(prev.end, t.start)) && !russianName(prev.text);
  });
}

/**
 * After an author's name in an author–year citation: co-authors joined by & or and, a comma and a
 * year; or "et al." (perhaps in emphasis) and a year, perhaps after a comma or in brackets.
 */
const AUTHOR_YEAR = /^(?:(?:\s*(?:&|and)\s*\p{Lu}[\p{L}'’-]+)*,\s*[12]\d{3}|\s+[_*]{0,2}et\s+al\.?[_*]{0,2},?\s*\(?[12]\d{3})(?!\d)/u;
/**
 * After an author's name that opens a bracket, in an author–page citation (Vasilevich, 623;
 * Vasilevich 620-1): co-authors joined by & or and, perhaps a comma, and a page or pages that close
 * the bracket or the reference (a semicolon).
 */
const AUTHOR_PAGE = /^(?:(?:\s*(?:&|and)\s*\p{Lu}[\p{L}'’-]+)*,?\s*(?:pp?\.\s*)?\d{1,4}(?:\s*[-–]\s*\d{1,4})?\s*[);])/u;

/**
 * Which words are authors' names in an author–year citation (Mikhailov, 1988; Mikhailov &
 * Ponomarev, 2008) or an author–page one in brackets (Vasilevich, 623), a surname not after a given
 * name or initial: a cited name is spelt as the work cited prints it, so it is exempt from the
 * declared scheme (it is still grouped with the other spellings of its word), and it is a surname,
 * so a word the lexicon knows only as a patronymic is another word (Vasilevich, Василевич, is no
 * spelling of Васильевич).
 *
 * @param text The text the tokens come from.
 * @param tokens Its words.
 * @param englishWord Whether a word is English (a common or function word): such a word before the
 *   surname opens the sentence (As Braitseva et al. (1997) showed) and is no given name.
 * @returns One flag per token.
 */
export function citedAuthors(text: string, tokens: readonly WordToken[], englishWord: (word: string) => boolean): boolean[] {
  return tokens.map((t, i) => {
    if (!/^\p{Lu}\p{Ll}/u.test(t.text)) return false;
    const after = text.slice(t.end, t.end + 80);
    if (!AUTHOR_YEAR.test(after) && !(text[t.start - 1] === '(' && AUTHOR_PAGE.test(after))) return false;
    // A citation gives the surname alone: after a given name or initial (a drawing by Ivan
    // Kramskoi, 1881) it is a person named in prose. A capitalised English word opening the
    // sentence (As Braitseva et al. (1997) showed) is no given name.
    const prev = tokens[i - 1];
    return prev === undefined || !/^\p{Lu}/u.test(prev.text) || !/^\.? $/u.test(text.slice(prev.end, t.start)) || (prev.text.length > 1 && englishWord(prev.text));
  });
}

/** The persons a document's lead sentences describe by a demonym of another nation (`describedNames`), in lower case. */
export interface LeadNames {
  surnames: Set<string>;
  given: Set<string>;
}

const foreignDemonyms = new Set(data.demonyms.foreign);
const homeDemonyms = new Set(data.demonyms.home);
const leadDemonyms = new Set(data.demonyms.lead);
/** The foreign demonyms in small letters (the french director): looked up as the token stands, no string built per word. */
const smallDemonyms = new Set(data.demonyms.foreign.map((d) => d.toLowerCase()));
/** Home demonyms of nations whose languages are written in Latin script (Estonian, Polish): foreign after a name and a comma. */
const latinDemonyms = new Set(data.demonyms.latin);
/** A gap inside a name: a space or a hyphen. */
const NAME_GAP = /^[ \-‐]$/u;
/** A gap inside a compound demonym (Italian-Scottish, German-born). */
const COMPOUND_GAP = /^[\-‐]$/u;

/**
 * Which words belong to a person's name that a demonym of a nation outside the former Russian
 * Empire and the Soviet Union describes in its clause: after the name and a comma (Luca Zuffi,
 * Swiss footballer; Katja Riemann, a German actress) or before it, across at most two
 * lower-case words (the Italian painter Luca Giordano). Such a name is that nation's, not
 * romanized Russian. A compound with a demonym of the former Empire or Union (Russian-American,
 * Russian-born German) is no such evidence. Only a name of two or more capitalised words counts:
 * one capitalised word after "the German army attacked" is a place more often than a person.
 * The demonyms are data (src/check/data/foreign.json).
 *
 * @param text The text the tokens come from.
 * @param tokens Its words.
 * @param leads The persons a lead sentence describes, in lower case: their surnames and given
 *   names, filled here and read to mark the same person named again, also in a later region of
 *   the document.
 * @returns One flag per token.
 */
export function describedNames(text: string, tokens: readonly WordToken[], leads: LeadNames = { surnames: new Set(), given: new Set() }): boolean[] {
  const out = tokens.map(() => false);
  const gap = (k: number): string => (k >= 0 && k + 1 < tokens.length ? text.slice(tokens[k]!.end, tokens[k + 1]!.start) : '');
  const capital = (k: number, caps = false): boolean => tokens[k] !== undefined && tokens[k]!.script === 'latin' && (caps ? /^\p{Lu}(?:\p{Ll}|\p{Lu}+$)/u : /^\p{Lu}\p{Ll}/u).test(tokens[k]!.text);
  // The name of capitalised words ending at (or starting at) a word, joined by spaces or hyphens.
  // A lead's name may be in capitals (NIKOLAY YORDANOV BANEV: the article's bold title).
  const mark = (from: number, step: 1 | -1, caps = false): number[] => {
    const run: number[] = [];
    for (let k = from; capital(k, caps) && run.length < 4 && !foreignDemonyms.has(tokens[k]!.text) && !homeDemonyms.has(tokens[k]!.text); k += step) {
      run.push(k);
      if (!NAME_GAP.test(gap(step === 1 ? k : k - 1))) break;
    }
    if (run.length < 2) return [];
    for (const k of run) out[k] = true;
    return run;
  };
  // Two words of one compound demonym: joined by a hyphen, or by a space after "born" or between
  // two demonyms (Russian-born German, Swiss Italian).
  const demonym = (k: number): boolean => foreignDemonyms.has(tokens[k]!.text) || homeDemonyms.has(tokens[k]!.text);
  const compound = (k: number): boolean => COMPOUND_GAP.test(gap(k)) || (gap(k) === ' ' && (tokens[k]!.text === 'born' || demonym(k)) && demonym(k + 1));
  for (let i = 0; i < tokens.length; i++) {
    // A demonym of a nation with a Cyrillic romanization of its own (Ukrainian) counts in a lead
    // sentence only, alone: VALERIY SMOLIY () is a Ukrainian academician.
    const lead = leadDemonyms.has(tokens[i]!.text);
    // A demonym in small letters (the french director Francis Leroi: a slip of the pen English
    // prose makes) describes the name after it, alone, not in a compound (made on realtext15).
    if (smallDemonyms.has(tokens[i]!.text)) {
      if (COMPOUND_GAP.test(gap(i - 1)) || COMPOUND_GAP.test(gap(i))) continue;
      let n = i + 1;
      for (let w = 0; w < 2 && n < tokens.length && gap(n - 1) === ' ' && /^\p{Ll}+$/u.test(tokens[n]!.text); w++) n++;
      if (n < tokens.length && gap(n - 1) === ' ') mark(n, 1);
      continue;
    }
    // A nation of the former Empire whose language is written in Latin script (Estonian, Polish)
    // counts after the name and a comma, alone: Siim Luts, Estonian footballer, bears his own
    // Latin spelling, romanized from nothing (docs/check.md, "A nation written in Latin script,
    // after the name"). Not in a lead sentence or before a name: Aleksandr Karlovich Tarkovsky
    // was a Polish nobleman (realtext, judged true).
    const latin = latinDemonyms.has(tokens[i]!.text);
    if (!foreignDemonyms.has(tokens[i]!.text) && !lead && !latin) continue;
    // The whole compound (Italian-Scottish, Russian-American, German-born).
    let a = i;
    while (a > 0 && compound(a - 1)) a--;
    let b = i;
    while (b + 1 < tokens.length && compound(b)) b++;
    if (lead || latin ? a !== i || b !== i : tokens.slice(a, b + 1).some((t) => homeDemonyms.has(t.text))) continue;
    i = b;
    // After a name and a comma, perhaps with an article: Luca Zuffi, Swiss footballer. For a
    // nation written in Latin script a bracket may stand between the name and the comma, as in a
    // list of persons (Aleksander Veingold (born 1953), Estonian chess player): one level, on one
    // line. Not for the others: émigrés keep their Russian names (Aleksandr Averbukh (born 1974),
    // Israeli pole vaulter; realtext3, judged true).
    let k = a - 1;
    if (k >= 0 && /^(?:a|an|the)$/u.test(tokens[k]!.text) && gap(k) === ' ') k--;
    if (!lead && k >= 0 && /^, ?$/u.test(gap(k))) mark(k, -1);
    else if (latin && k >= 0) {
      const comma = /\), ?$/u.exec(text.slice(tokens[k]!.end, tokens[k + 1]!.start));
      const close = comma === null ? -1 : tokens[k + 1]!.start - comma[0].length;
      const open = close < 0 ? -1 : text.lastIndexOf('(', close);
      if (open >= 0 && !/[()\n]/u.test(text.slice(open + 1, close))) {
        let e = k;
        while (e >= 0 && tokens[e]!.end > open) e--;
        if (e >= 0 && /^ ?$/u.test(text.slice(tokens[e]!.end, open))) mark(e, -1);
      }
    }
    if (latin) continue;
    // A lead sentence: a name, perhaps a bracket (dates, a native form), then "is" or "was", an
    // article and at most two lower-case words before the demonym (NIKOLAY BANEV (born 1959) is a
    // Bulgarian businessman; Denis Sinor was a Hungarian-born scholar).
    let v = a - 1;
    for (let w = 0; w < 2 && v >= 0 && gap(v) === ' ' && /^\p{Ll}+$/u.test(tokens[v]!.text) && !/^(?:a|an|is|was)$/u.test(tokens[v]!.text); w++) v--;
    if (v >= 1 && /^(?:a|an)$/u.test(tokens[v]!.text) && gap(v - 1) === ' ' && /^(?:is|was)$/u.test(tokens[v - 1]!.text)) {
      const before = text.slice(0, tokens[v - 1]!.start).trimEnd();
      // The name ends before the bracket the lead puts after it (one level, no bracket inside).
      const open = before.endsWith(')') ? before.lastIndexOf('(') : before.length;
      let e = v - 2;
      while (e >= 0 && tokens[e]!.end > open) e--;
      if (e >= 0 && /^\s*$/u.test(text.slice(tokens[e]!.end, open))) {
        const run = mark(e, -1, true);
        if (run.length > 0) {
          leads.surnames.add(tokens[run[0]!]!.text.toLowerCase());
          leads.given.add(tokens[run[run.length - 1]!]!.text.toLowerCase());
        }
      }
    }
    if (lead) continue;
    // Before a name, across at most two lower-case words: the Italian painter Luca Giordano.
    let n = b + 1;
    for (let w = 0; w < 2 && n < tokens.length && gap(n - 1) === ' ' && /^\p{Ll}+$/u.test(tokens[n]!.text); w++) n++;
    if (n < tokens.length && gap(n - 1) === ' ') mark(n, 1);
  }
  // The person a lead describes, named again by given name and surname (Nikolay Banev), is the
  // same nation's; so is the lead's given name alone, no other name's word beside it (KSENIA
  // ANSKE … is an American author; Ksenia ran away from home): in an article on one person, the
  // person (docs/check.md "Names of other languages").
  if (leads.surnames.size > 0) {
    const inName = (k: number, gapAt: number): boolean => capital(k) && NAME_GAP.test(gap(gapAt));
    tokens.forEach((t, i) => {
      if (out[i]) return;
      const lower = t.text.toLowerCase();
      if (i > 0 && leads.surnames.has(lower)) mark(i, -1);
      else if (leads.given.has(lower) && !inName(i - 1, i - 1) && !inName(i + 1, i)) out[i] = true;
    });
  }
  return out;
}

const russianCues = new Set(data.sentenceLanguages.russian);
const ignoredCues = new Set(data.sentenceLanguages.ignored);
/** Demonyms of the former Russian Empire and Soviet Union other than Russian and Soviet. */
const homeCues = new Set(data.demonyms.home.filter((w) => !russianCues.has(w)));
/** Words that name a nation or language outside them, other than English-speaking ones. */
const otherLanguageCues = new Set([...data.languageNames.words, ...data.demonyms.foreign].filter((w) => !russianCues.has(w) && !ignoredCues.has(w) && !homeCues.has(w)));
/** A letter of a script other than Latin and Cyrillic (Han, Greek, Arabic, Georgian…). */
const OTHER_SCRIPT = /(?=\p{L})[^\p{Script=Latin}\p{Script=Cyrillic}]/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
/** How far a sentence is looked for on either side of a word, in characters. */
const SENTENCE_REACH = 400;

/**
 * What the sentence a word stands in says of its language: 'russian' when it holds Cyrillic, a
 * word that names Russia's language or state (Russian, Soviet), or another word that is Russian
 * by `russianWord`; else 'foreign' when it names a nation or language outside the former Russian
 * Empire and Soviet Union (Italian, Chinese, French), has letters of another script (入贅), has a
 * French, German, Italian or Spanish function word right beside the word (Agence centrale des),
 * or makes the word a cited ending (-ius); else 'home' when it names a nation inside them
 * (Georgian, Latvian); else undefined. A sentence ends at a full stop, question or exclamation
 * mark before white space, or at a line break (a Markdown paragraph or list item); `tokens` are
 * the whole document's, since emphasis (a title, opera seria) ends a region mid-sentence. The
 * word lists are data (src/check/data/foreign.json).
 *
 * @param text The text the tokens come from.
 * @param tokens Its words.
 * @param i The word's index.
 * @param russianWord Whether another word of the sentence is romanized Russian (by its index).
 * @returns What the sentence says.
 */
export function sentenceLanguage(text: string, tokens: readonly WordToken[], i: number, russianWord: (k: number) => boolean): 'russian' | 'foreign' | 'home' | undefined {
  const t = tokens[i]!;
  const before = text.slice(Math.max(0, t.start - SENTENCE_REACH), t.start);
  const after = text.slice(t.end, t.end + SENTENCE_REACH);
  const open = Math.max(before.lastIndexOf('\n'), ...[...before.matchAll(/[.!?]\s/gu)].map((m) => m.index + 1));
  const startAt = t.start - before.length + open + 1;
  const closeMatch = /\n|[.!?](?:\s|$)/u.exec(after);
  const endAt = t.end + (closeMatch === null ? after.length : closeMatch.index);
  const sentence = text.slice(startAt, endAt);
  if (CYRILLIC.test(sentence)) return 'russian';
  // A function word beside the word, but not the et of et al. (English scholarly usage); a
  // hyphen after no letter makes the word a cited ending (-ius), not a word.
  const beside = [i - 1, i + 1].some((k) => {
    const n = tokens[k];
    return n !== undefined && functionWords.has(n.text.toLowerCase()) && !(n.text === 'et' && tokens[k + 1]?.text === 'al') && /^ $/u.test(n.end <= t.start ? text.slice(n.end, t.start) : text.slice(t.end, n.start));
  });
  const ending = text[t.start - 1] === '-' && !/\p{L}/u.test(text[t.start - 2] ?? ' ');
  let other = OTHER_SCRIPT.test(sentence) || beside || ending;
  let home = false;
  for (let k = i - 1; k >= 0 && tokens[k]!.start >= startAt; k--) {
    const w = tokens[k]!.text;
    if (russianCues.has(w) || russianWord(k)) return 'russian';
    if (otherLanguageCues.has(w)) other = true;
    if (homeCues.has(w)) home = true;
  }
  for (let k = i + 1; k < tokens.length && tokens[k]!.end <= endAt; k++) {
    const w = tokens[k]!.text;
    if (russianCues.has(w) || russianWord(k)) return 'russian';
    if (otherLanguageCues.has(w)) other = true;
    if (homeCues.has(w)) home = true;
  }
  return other ? 'foreign' : home ? 'home' : undefined;
}

/** A scheme's output for each letter of a word, or undefined when it has no value for one of them. */
type LetterOutputs = readonly string[] | undefined;

let schemesByLanguage: { russian: readonly string[]; other: readonly string[] } | undefined;
const letterOutputsCache = new Map<string, LetterOutputs>();
const otherCyrillicCache = new Map<string, string | undefined>();
/** Entries a cache keeps before it is emptied: a server checks text after text, and words never stop coming. */
const CACHE_LIMIT = 50_000;

/**
 * The built-in schemes of Russian, and the national system of each other Cyrillic language (its
 * default scheme, docs/languages.md): the form its people's names carry in passports and official
 * documents, and so in English prose. Those languages' library and older gazetteer systems
 * (ALA-LC, BGN/PCGN 1965 and 1979) are left out: met seldom in prose, they coincide more often
 * with a Russian slip (Khrustalyev: ye for е, as the Belarusian BGN/PCGN system writes it).
 */
function cyrillicSchemes(): { russian: readonly string[]; other: readonly string[] } {
  if (schemesByLanguage === undefined) {
    const russian = listSchemes()
      .filter((s) => s.builtIn && getScheme(s.id).language.id === DEFAULT_LANGUAGE)
      .map((s) => s.id);
    const other = listLanguages()
      .filter((lang) => lang !== DEFAULT_LANGUAGE)
      .flatMap((lang) => getLanguage(lang).defaultScheme ?? []);
    schemesByLanguage = { russian, other };
  }
  return schemesByLanguage;
}

/** What a scheme writes for each letter of a lower-case word, as the engine explains it. */
function letterOutputs(cyrillic: string, scheme: string): LetterOutputs {
  const key = `${scheme}\u0000${cyrillic}`;
  if (letterOutputsCache.has(key)) return letterOutputsCache.get(key);
  let out: LetterOutputs;
  try {
    const segments = explain(cyrillic, { scheme });
    // A letter the scheme has no value for (ы in a Ukrainian scheme) is not that language's word.
    if (segments.every((s) => s.letter !== undefined && s.rule !== 'fallback' && s.rule !== 'unmapped')) out = segments.map((s) => foldRomanized(s.output));
  } catch {
    out = undefined;
  }
  if (letterOutputsCache.size >= CACHE_LIMIT) letterOutputsCache.clear();
  letterOutputsCache.set(key, out);
  return out;
}

/** The national systems of the other Cyrillic languages (each language's default scheme). */
export function otherCyrillicSystems(): readonly string[] {
  return cyrillicSchemes().other;
}

/**
 * The scheme of another Cyrillic language (Ukrainian, Belarusian, Bulgarian, Serbian,
 * Macedonian: the project's own scheme files) that writes a word exactly as a spelling, where it
 * writes one of the word's letters as no Russian scheme writes that letter there (Maksym,
 * Kateryna, Danylo: y for и in the Ukrainian systems; Heorhiy: h for г). Such a spelling is that
 * language's romanization of the name, not a slip of a Russian scheme's. A spelling a Russian
 * scheme writes letter by letter, only mixing two schemes (Evgeniy, Leviev: the e of one and the
 * y of another, which the Bulgarian system also writes), is not so taken: the letters say nothing
 * of its language. The engine knows rules, not languages: the letters are the scheme files'.
 *
 * @param cyrillic The word, in lower case.
 * @param fold The spelling, folded (`foldRomanized`).
 * @returns The other language's scheme, or undefined.
 */
export function otherCyrillicScheme(cyrillic: string, fold: string): string | undefined {
  const key = `${cyrillic}\u0000${fold}`;
  if (otherCyrillicCache.has(key)) return otherCyrillicCache.get(key);
  const { russian, other } = cyrillicSchemes();
  let found: string | undefined;
  for (const id of other) {
    const mine = letterOutputs(cyrillic, id);
    if (mine === undefined || mine.join('') !== fold) continue;
    const theirs = russian.map((r) => letterOutputs(cyrillic, r)).filter((o): o is readonly string[] => o !== undefined && o.length === mine.length);
    if (mine.some((out, i) => out !== '' && theirs.every((o) => o[i] !== out))) {
      found = id;
      break;
    }
  }
  if (otherCyrillicCache.size >= CACHE_LIMIT) otherCyrillicCache.clear();
  otherCyrillicCache.set(key, found);
  return found;
}

/** Whether a lower-case word is one of the English function words of the data (the, of, is, with). */
export function englishFunctionWord(fold: string): boolean {
  return english.has(fold);
}

/** Whether a lower-case word is one of the French, German, Italian or Spanish function words of the data (le, der, di). */
export function otherFunctionWord(fold: string): boolean {
  return functionWords.has(fold);
}

/** What a word of a passage says of the passage's language (see `foreignPassages`). */
export type PassageWord = 'english' | 'russian' | 'other' | undefined;

const passages = data.passages;
/** Marks that bound a passage: quotation marks, brackets, a line break. */
const PASSAGE_BOUND = new RegExp(`[${passages.bounds}\\n]`, 'u');
/** A sentence's end inside a gap: a full stop, question or exclamation mark before white space. */
const SENTENCE_END = /[.!?…]['"”’»)\]]*\s/u;

/**
 * Which words stand in a passage written in another language (a quotation, a bracket, a
 * sentence): a stretch of words bounded by quotation marks, brackets, line breaks and sentence
 * ends, most of whose words are neither English nor romanized Russian by `word` (a Danish
 * quotation: Jeg saae, at det var Livets Betydning…). Such a passage is not romanized Russian,
 * though a few of its words read as Russian ones (det as деть); a passage in romanized Russian
 * (Kto vinovat?) has most of its words read as Russian words. The thresholds are data
 * (src/check/data/foreign.json); docs/check.md, 'Passages in other languages'.
 *
 * @param text The text the tokens come from.
 * @param tokens The words of the whole document (a passage runs across regions).
 * @param word What a word says of its passage's language, by its index.
 * @param forms The words' lower case and capital (see {@link WordForms}), when the caller has found them.
 * @returns One flag per token.
 */
export function foreignPassages(text: string, tokens: readonly WordToken[], word: (k: number) => PassageWord, forms: WordForms = wordForms(tokens)): boolean[] {
  const out = tokens.map(() => false);
  const said = tokens.map((_, k) => word(k));
  // Both kinds of stretch below read every gap, and every word's key: each is found once.
  const { lower } = forms;
  const gaps = tokens.map((t, k) => (k === 0 ? '' : text.slice(tokens[k - 1]!.end, t.start)));
  const wideBound = gaps.map((gap) => PASSAGE_BOUND.test(gap));
  // The stretches of words between bounds, as [start, end) pairs of token indices.
  const stretches = (bound: (k: number) => boolean): Array<[number, number]> => {
    const list: Array<[number, number]> = [];
    let start = 0;
    for (let k = 1; k <= tokens.length; k++) {
      if (k < tokens.length && !bound(k)) continue;
      list.push([start, k]);
      start = k;
    }
    return list;
  };
  // Whether a stretch is long enough to judge, and whether it is another language's.
  const judge = ([start, end]: [number, number]): boolean | undefined => {
    // Each word counts once: a passage's vocabulary, not its most frequent word (Danish at, which
    // English writes too, comes back in every clause).
    const counts = { english: 0, russian: 0, other: 0 };
    const seen = new Set<string>();
    for (let k = start; k < end; k++) {
      const w = said[k];
      const key = lower[k]!;
      if (w === undefined || seen.has(key)) continue;
      seen.add(key);
      counts[w]++;
    }
    const counted = counts.english + counts.russian + counts.other;
    if (counted < passages.minWords) return undefined;
    return counts.other >= counts.english && counts.other >= passages.russianFactor * counts.russian;
  };
  // A sentence is judged on its own; one too short to judge (Litwo! Ojczyzno moja!) by the whole
  // quotation, bracket or paragraph it stands in.
  const wide = stretches((k) => wideBound[k]!);
  const wideVerdict = wide.map(judge);
  let w = 0;
  for (const [start, end] of stretches((k) => wideBound[k]! || SENTENCE_END.test(gaps[k]!))) {
    while (wide[w]![1] < end) w++;
    const verdict = judge([start, end]) ?? wideVerdict[w];
    if (verdict === true) for (let k = start; k < end; k++) out[k] = true;
  }
  return out;
}
