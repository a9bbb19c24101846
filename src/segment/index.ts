// Tokenizing prose into words with offsets, for the manuscript checker (docs/check.md). Browser-safe.
import { runOnCallAt } from '../document/notes.ts';

/** Which scripts the letters of a word belong to. */
export type WordScript = 'latin' | 'cyrillic' | 'mixed' | 'other';

/** One word of the text and where it is. */
export interface WordToken {
  /** The word as written (NFC is not applied: offsets point into the text as given). */
  text: string;
  /** Offsets [start, end) in the text given to {@link tokenizeWords} (plus its `offset`). */
  start: number;
  end: number;
  script: WordScript;
}

/** Options of {@link tokenizeWords}. */
export interface TokenizeOptions {
  /** Added to every offset (when the text is a slice of a larger document). Default 0. */
  offset?: number;
  /**
   * The whole document the text is a slice of, at `offset`: the characters just outside the slice
   * (a Markdown emphasis mark the document reader leaves out of its prose regions) still tell
   * whether a word at its edge is glued to others. Default: the text alone.
   */
  document?: string;
}

// A word: letters and combining marks, with apostrophes (’ ' ʹ ʺ) and the ALA-LC ASCII hard sign
// (") allowed between two letters (Zinov’ev, ob"ezd), and a soft-sign apostrophe allowed at the
// end (Kazan’). Hyphens split words: each part of Rimsky-Korsakov is a word (docs/rules/words.md).
const WORD = /\p{L}[\p{L}\p{M}]*(?:['’ʹʺ"”][\p{L}][\p{L}\p{M}]*)*['’]?/gu;
// Spans that are not prose: URLs, e-mail addresses, DOIs, citation keys (@key), code in backticks.
// An e-mail address is tried only where a run of its characters begins: tried at every position
// of a long run without an @, it took time quadratic in the run (a 160,000-letter word: 27 s).
const SKIP = /(?:https?:\/\/|www\.)[^\s<>()]+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+|\b10\.\d{4,9}\/\S+|(?<![\w])@[\w:.-]+|`[^`\n]*`/gu;
const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
// English possessive/contraction endings split off a word (Dostoevsky’s → Dostoevsky).
const CLITIC = /['’](?:s|S|t|ll|re|ve|d|m)$/u;

function scriptOf(word: string): WordScript {
  let latin = false;
  let cyrillic = false;
  for (const ch of word) {
    // Most characters are ASCII: a letter is Latin, the rest (apostrophe, quote) neither script.
    // The script patterns run only on the others (called for every character of every word).
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) latin = true;
      continue;
    }
    if (!latin && LATIN.test(ch)) latin = true;
    else if (!cyrillic && CYRILLIC.test(ch)) cyrillic = true;
  }
  return latin && cyrillic ? 'mixed' : latin ? 'latin' : cyrillic ? 'cyrillic' : 'other';
}

/** The quotation marks of one line, found once for all its words (a long line stays linear). */
interface LineQuotes {
  start: number;
  end: number;
  /** Every ’ of the line. */
  apostrophes: number[];
  /** Every ‘ of the line. */
  opens: number[];
  /** Every ’ that surely closes a quotation (`closes`). */
  closes: number[];
  /** Every ’ that is its word's soft sign because the next ’ may close the quotation (`softSign`). */
  soft: Set<number>;
  /** Every other ’: one after the ‘ has closed it. */
  hard: number[];
  /** The ‘ and the sure closing ’, in order, with the depth of open quotations after each. */
  events: number[];
  depth: number[];
}

function lineQuotes(text: string, at: number, cache: { line?: LineQuotes }): LineQuotes {
  const known = cache.line;
  if (known !== undefined && at >= known.start && at < known.end) return known;
  const start = text.lastIndexOf('\n', at) + 1;
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  const line: LineQuotes = { start, end, apostrophes: [], opens: [], closes: [], soft: new Set(), hard: [], events: [], depth: [] };
  let depth = 0;
  for (let i = start; i < end; i++) {
    if (text[i] === '‘') {
      line.opens.push(i);
      line.events.push(i);
      line.depth.push(++depth);
    } else if (text[i] === '’') {
      line.apostrophes.push(i);
      if (!closes(text, i)) continue;
      line.closes.push(i);
      if (depth > 0) depth--;
      line.events.push(i);
      line.depth.push(depth);
    }
  }
  // Each ’ is weighed once, against the next one: the line stays linear however many it has.
  line.apostrophes.forEach((mark, k) => {
    if (softSign(text, mark, line.apostrophes[k + 1])) line.soft.add(mark);
    else line.hard.push(mark);
  });
  cache.line = line;
  return line;
}

/** The index of the last element of the sorted `list` below `x`, or -1. */
function lastBelow(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Whether the ’ at `mark`, after a word that starts at `at`, closes a ‘ opened before the word on
 * its line. It does not when the quotation still has enough sure closing marks after it on the
 * line (a ’ after a stop or a comma, never a soft sign), one per quotation open there: then this one
 * is the word's own soft sign (‘Blessed art thou among the women of Rus’, for thou … descendants.’).
 */
function openQuote(text: string, at: number, mark: number, cache: { line?: LineQuotes }): boolean {
  const q = lineQuotes(text, at, cache);
  const open = lastBelow(q.opens, at);
  if (open < 0) return false;
  // A ’ between the ‘ and this word closed it, unless it was its word's soft sign (this later
  // one may close the quotation).
  const hard = lastBelow(q.hard, at);
  if (hard >= 0 && q.hard[hard]! >= q.opens[open]!) return false;
  const event = lastBelow(q.events, at);
  const depth = event < 0 ? 0 : q.depth[event]!;
  // Sure closing marks after this one, up to the next ‘ of the line.
  const nextOpen = lastBelow(q.opens, mark + 1) + 1;
  const limit = nextOpen < q.opens.length ? q.opens[nextOpen]! : q.end;
  const later = lastBelow(q.closes, limit) - lastBelow(q.closes, mark + 1);
  // A later ’ after a word, before the next ‘, may close the quotation instead (‘Zhizn’ i Kniga’).
  return later + (q.soft.has(mark) ? 1 : 0) < Math.max(depth, 1);
}

/**
 * Whether the ’ at `mark`, after a word, leaves the quotation open for the next ’ (at `next`) to
 * close: that one also ends a word, a few words on, with no stop, comma or other ’ between and no ‘ before it
 * (a short title: ‘Zhizn’ i Kniga’). Then this ’ is its word's soft sign. A soft sign later in the
 * sentence (‘Narod’, he said, and Mat’) is too far to close anything.
 */
function softSign(text: string, mark: number, next: number | undefined): boolean {
  if (next === undefined || next - mark > 60 || !wordEnd(text, mark) || !wordEnd(text, next)) return false;
  const between = text.slice(mark + 1, next);
  return !/[‘.,;:!?…()[\]"“”]/u.test(between) && between.trim().split(/\s+/u).length <= 3;
}

/** Whether the ’ at `i` ends a word: after a letter, before none. */
function wordEnd(text: string, i: number): boolean {
  return i > 0 && /\p{L}/u.test(text[i - 1]!) && !/\p{L}/u.test(text[i + 1] ?? ' ');
}

/** Whether a ’ surely closes a quotation: after punctuation (not a letter: that may be a soft sign), before no letter. */
function closes(text: string, i: number): boolean {
  return i > 0 && /[.,!?;:…)\]]/u.test(text[i - 1]!) && !/\p{L}/u.test(text[i + 1] ?? ' ');
}

/**
 * Whether the digits after a word are a note call a conversion from print ran on to it
 * (Zinovyev3, rubles1: the document reader's `runOnCallAt`), so that the word is read without
 * them: only after a word of at least three letters with no capital after its first (Su27, MiG29,
 * KV1, CO2 are model names and formulas, never a word with a call). Other digits glued to a word
 * make an identifier (docs/check.md, "Note calls run on to a word").
 */
function noteCallAfter(text: string, start: number, word: string): boolean {
  return (word.match(/\p{L}/gu)?.length ?? 0) >= 3 && !/\p{Lu}/u.test(word.slice(1)) && runOnCallAt(text, start + word.length) > 0;
}

/** Whether the word at [start, end) of a text is glued by an asterisk to letters on either side (Petr*ov*). */
function gluedByAsterisk(text: string, start: number, end: number): boolean {
  return (text[start - 1] === '*' && /\p{L}/u.test(text[start - 2] ?? '')) || (text[end] === '*' && /\p{L}/u.test(text[end + 1] ?? ''));
}

/** Whether one UTF-16 unit is an ASCII digit (`\d`), without a pattern's match at every word. */
function digit(unit: string): boolean {
  return unit >= '0' && unit <= '9';
}

/** A character that makes an underscore beside a word part of an identifier. */
const IDENTIFIER_CHAR = /[\p{L}\p{N}_]/u;

/**
 * Splits prose into words with their offsets. URLs, e-mail addresses, DOIs, citation keys and
 * backtick code are skipped, as are words glued to digits or by underscores to other words
 * (identifiers; an underscore with a space or a mark on its other side is emphasis, `_Zemstvo_`)
 * and words glued by an asterisk to letters (emphasis inside a word, `Petr*ov*`),
 * but not a word followed by a note call (`Zinovyev3` → `Zinovyev`); English
 * possessives and contractions are cut off (`Dostoevsky’s` → `Dostoevsky`); a trailing apostrophe
 * opened by a matching quote is not part of the word.
 *
 * @param text The prose.
 * @param options `offset` added to every position.
 * @returns The words, in order.
 * @example
 * import { tokenizeWords } from 'latinitsa/check';
 * tokenizeWords('Zinov’ev’s letter to Rimsky-Korsakov').map((w) => w.text);
 * //=> ['Zinov’ev', 'letter', 'to', 'Rimsky', 'Korsakov']
 */
export function tokenizeWords(text: string, options: TokenizeOptions = {}): WordToken[] {
  const base = options.offset ?? 0;
  const whole = options.document ?? text;
  const at = options.document === undefined ? 0 : base;
  const skipped: Array<[number, number]> = [];
  const quotes: { line?: LineQuotes } = {};
  for (const m of text.matchAll(SKIP)) skipped.push([m.index, m.index + m[0].length]);
  const tokens: WordToken[] = [];
  let s = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    let word = m[0];
    while (s < skipped.length && skipped[s]![1] <= start) s++;
    const skip = skipped[s];
    if (skip !== undefined && skip[0] < start + word.length) continue;
    const before = text[start - 1];
    const after = text[start + word.length];
    // A word joined by an underscore to another is an identifier (snake_case); an underscore with
    // a space or a mark on its other side is emphasis, as plain-text books mark italics (_Zemstvo_).
    if ((before !== undefined && (digit(before) || (before === '_' && IDENTIFIER_CHAR.test(text[start - 2] ?? '')))) || (after !== undefined && ((after === '_' && IDENTIFIER_CHAR.test(text[start + word.length + 1] ?? '')) || (digit(after) && !noteCallAfter(text, start, word))))) continue;
    // A word glued by an asterisk to letters is part of a word with emphasis inside it (Markdown's
    // Petr*ov*, "son of Peter"): not a word of its own.
    if (gluedByAsterisk(whole, start + at, start + at + word.length)) continue;
    // A closing quote, not a soft sign: 'Kazan' or ‘Kazan’.
    if ((word.endsWith('’') && openQuote(text, start, start + word.length - 1, quotes)) || (word.endsWith("'") && before === "'")) word = word.slice(0, -1);
    // The pattern is tried only when an apostrophe stands where a clitic's would (asked at every word).
    const mark2 = word[word.length - 2];
    const mark3 = word[word.length - 3];
    if (mark2 === "'" || mark2 === '’' || mark3 === "'" || mark3 === '’') {
      const clitic = CLITIC.exec(word);
      if (clitic !== null && clitic.index > 0) word = word.slice(0, clitic.index);
    }
    if (word.endsWith('"') || word.endsWith('”')) word = word.slice(0, -1);
    if (word === '') continue;
    tokens.push({ text: word, start: base + start, end: base + start + word.length, script: scriptOf(word) });
  }
  return tokens;
}
