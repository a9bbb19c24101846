// Findings in quotations and published titles. A block quotation is another author's words: a
// translation that writes Koltchak, a source's Alekseev. So is a title or a quotation set in
// quotation marks or italics whose other words are English, French, German…: a published title
// (The Tsar's Foreign Faiths, "Dostoevskij's Use of Russian Folklore") keeps its publisher's
// spelling. Their spellings are the quoted author's, which a manuscript keeps as printed, so a
// finding there is reported only at `possible` (shown on request, never applied by `--fix` or
// "Apply certain fixes"). It is still reported, because a historian who translates a document
// quotes his own romanization. A title the author romanized from Russian (Put' moei zhizni) reads
// as romanized Russian, not English, and stays checked. docs/check.md, "Quotations".
import { regionAt } from '../document/regions.ts';
import { createReader } from '../reverse/readings.ts';
import { confidenceLabel } from './confidence.ts';
import foreign from './data/foreign.json' with { type: 'json' };
import { englishLists } from './english.ts';
import { otherFunctionWord } from './foreign.ts';
import type { CheckDiagnostic as Diagnostic, CheckDocument } from './types.ts';
import { UNATTENDED_BELOW } from './weigh.ts';

/** The confidence a finding in a quotation keeps at most: the top of `possible`. */
export const QUOTED = 0.5;

/** A span of a line set off as a title or quotation: its offsets [start, end) in the document and how. */
export interface Span {
  start: number;
  end: number;
  by: 'quotation marks' | 'italics' | 'a link’s text';
}

/**
 * Function words of French, German, Italian and Spanish, and of English (data/foreign.json,
 * `functionWords` and `englishWords`): the English checker's list leaves out short words that are
 * also romanized Russian (of, in, at, as), and without them "The Letters of Ivan, Tsar of Russia"
 * read as half Russian.
 */
const FUNCTION_WORDS = new Set([...foreign.functionWords.words, ...foreign.englishWords.words]);

/**
 * Words of a span that stand for the language of a title or quotation: those of at least two
 * letters, an elided article or preposition (d', l', qu') taken off. The possessive 's too.
 */
const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;

/** The spans of a document already found, by the start of their line. */
const cache = new WeakMap<CheckDocument, Map<number, Span[]>>();

/**
 * The finding as it stands where it was found: capped at {@link QUOTED}, with a word on why, when
 * it is in a block quotation, or in a title or quotation (quotation marks, italics) in English or
 * another language of Latin letters; unchanged elsewhere.
 */
export function inQuotation(dg: Diagnostic, doc: CheckDocument): Diagnostic {
  if (dg.confidence <= QUOTED) return dg;
  const span = quotationAt(doc, dg.place.start.offset, dg.place.end.offset);
  if (span === undefined) return otherLanguageInProse(dg, doc);
  if (span === 'block') return held(dg, 'It stands in a block quotation: the quoted text’s own spelling, kept as printed unless the translation is yours.');
  return held(dg, `It stands in a title or quotation in ${span.by} whose other words are English or another language written in Latin letters: the source’s spelling, kept as published.`);
}

/**
 * Where the word [start, end) stands quoted, another author's spelling: in a block quotation
 * ('block'), or in a title or quotation whose other words are English or another language of
 * Latin letters (its span); undefined when it is the author's own writing.
 */
export function quotationAt(doc: CheckDocument, start: number, end: number): 'block' | Span | undefined {
  if (doc.regions !== undefined && regionAt(doc.regions, start)?.quoted === true) return 'block';
  return foreignSpan(doc, start, end);
}

/**
 * The finding held below `certain` when it stands, in the running text, in quotation marks around
 * a span in another language of Latin letters: a span that reads as foreign (`readsForeign`) with
 * at least two function words of French, German, Italian or Spanish, not English. That is a title
 * or a quotation in that language cited in the prose (Stendardo's thesis “Tolstoj et la Foi
 * Bahá’íe” in realtext10), whose romanization is that language's (Tolstoj), not a slip of the
 * author's. Quotation marks in the running text hold mostly quoted speech and the author's own
 * translations (see `lineSpans`), and an English span is left alone: a title the author cites in
 * English is judged the author's to make consistent (realtext's "Dostoyevsky and Certain of his
 * Problems"). The finding stays shown, at `likely`, and is only kept from an unattended rewrite
 * (docs/check.md "What `certain` asks for"; made on realtext10).
 */
function otherLanguageInProse(dg: Diagnostic, doc: CheckDocument): Diagnostic {
  if (dg.confidence <= UNATTENDED_BELOW) return dg;
  const { text } = doc;
  const start = dg.place.start.offset;
  const end = dg.place.end.offset;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const spans: Span[] = [];
  quotationMarkSpans(text, lineStart, lineEnd === -1 ? text.length : lineEnd, spans);
  const otherWords = (s: Span): number => [...text.slice(s.start, s.end).matchAll(WORD)].filter((m) => (s.start + m.index >= end || s.start + m.index + m[0].length <= start) && m[0].length >= 2 && otherFunctionWord(m[0].toLowerCase())).length;
  if (!spans.some((s) => s.start <= start && end <= s.end && readsForeign(text, s, start, end) && otherWords(s) >= 2)) return dg;
  return held(dg, 'It stands in quotation marks in a title or quotation in another language written in Latin letters: that language’s spelling, so it is not fixed unattended.', UNATTENDED_BELOW);
}

/** The finding held at `at` ({@link QUOTED} unless said), its reason saying why (bylines.ts holds its findings so too). */
export function held(dg: Diagnostic, why: string, at: number = QUOTED): Diagnostic {
  return { ...dg, reason: `${dg.reason} ${why}`, confidence: at, data: { ...dg.data, confidence: confidenceLabel(at) } };
}

/** The first title or quotation holding [start, end) whose other words read as English or another Latin-script language, if any. */
function foreignSpan(doc: CheckDocument, start: number, end: number): Span | undefined {
  return titleSpans(doc, start).find((s) => s.start <= start && end <= s.end && readsForeign(doc.text, s, start, end));
}

/**
 * The titles and quotations (spans in quotation marks in the notes, spans in italics) of the line
 * that holds the offset `at` (see {@link lineSpans}); found once a line.
 */
export function titleSpans(doc: CheckDocument, at: number): readonly Span[] {
  const { text } = doc;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let byLine = cache.get(doc);
  if (byLine === undefined) cache.set(doc, (byLine = new Map()));
  let spans = byLine.get(lineStart);
  if (spans === undefined) {
    const lineEnd = text.indexOf('\n', at);
    spans = lineSpans(doc, lineStart, lineEnd === -1 ? text.length : lineEnd);
    byLine.set(lineStart, spans);
  }
  return spans;
}

/**
 * Whether the words of a span, other than those of [start, end), are mostly English or another
 * language's: at least two English words (the checker's list, and English function words), French,
 * German, Italian or Spanish function words, or words with a letter no scheme of the reader writes
 * (w, q: New, Wives, Jacques; the English list leaves such words out, as never romanized Russian),
 * more than twice as many as the words in small letters that are neither (romanized Russian: moei
 * zhizni, sobranie sochinenii). Another word with a capital that is not English is a name, and
 * says nothing; neither does a word in small letters with a letter outside a–z that some scheme
 * writes (revolutionäre, Čechov), which no simplified romanization writes. Words in brackets
 * inside the span (a gloss: Goticheskiy roman v Rossii (Gothic Novel in Russia)) do not count.
 */
export function readsForeign(text: string, span: Span, start: number, end: number): boolean {
  const { other, own } = titleWords(text, span, start, end);
  return other >= 2 && other > 2 * own;
}

/**
 * Whether a span's other words read as romanized Russian, a title the author romanized (Polnoe
 * sobranie sochinenii, Put' moei zhizni): at least two words in small letters that are neither
 * English nor another Latin-script language's (the counts of {@link readsForeign}), more than
 * twice as many as those that are.
 */
export function readsRomanized(text: string, span: Span, start: number, end: number): boolean {
  const { other, own } = titleWords(text, span, start, end);
  return own >= 2 && own > 2 * other;
}

/** The words of a span but [start, end) that read as English or another Latin-script language (`other`), and those in small letters that read as neither (`own`). */
export function titleWords(text: string, span: Span, start: number, end: number): { other: number; own: number } {
  const { common } = englishLists();
  let other = 0;
  let own = 0;
  const inside = text.slice(span.start, span.end).replace(/\([^()]*\)|\[[^[\]]*\]/gu, (gloss) => ' '.repeat(gloss.length));
  for (const m of inside.matchAll(WORD)) {
    const at = span.start + m.index;
    if (at < end && at + m[0].length > start) continue;
    const word = m[0]
      .toLowerCase()
      .replace(/^(?:d|l|qu)['’](?=\p{L})/u, '')
      .replace(/['’]s$|['’]$/u, '');
    if (word.length < 2) continue;
    if (common.has(word) || FUNCTION_WORDS.has(word) || [...word].some((ch) => /\p{L}/u.test(ch) && !schemeLetters().has(ch))) other++;
    else if (/^[a-z'’-]+$/u.test(m[0])) own++;
  }
  return { other, own };
}

/**
 * Whether a span is set in title case, as English titles are cited (Chicago): every word of four
 * letters or more, other than those of [start, end) and the function words, begins with a capital
 * ("Georges V. Florovsky and Vladimir Lossky: An Ecumenical Encounter"). Quoted speech is not
 * ("You know me. My name is Trotzky."), nor a sentence-case title, which this test gives up.
 */
export function titleCased(text: string, span: Span, start: number, end: number): boolean {
  for (const m of text.slice(span.start, span.end).matchAll(WORD)) {
    const at = span.start + m.index;
    if ((at < end && at + m[0].length > start) || m[0].length < 4) continue;
    if (/^\p{Ll}/u.test(m[0]) && !FUNCTION_WORDS.has(m[0])) return false;
  }
  return true;
}

/** The letters any scheme of the checker's reader writes (built on first use). */
let letters: ReadonlySet<string> | undefined;
function schemeLetters(): ReadonlySet<string> {
  return (letters ??= createReader({}).letters);
}

/** An external link with its address and its text: [http://host/path Text] (group 1: the text). */
const LINK_TEXT = /\[https?:\/\/[^\s\]]+\s+([^\][\n]+)\]/gu;

/** Openers of quotations whose closer is another character: “…”, „…“ or „…”, «…». */
const PAIRED: Record<string, string> = { '“': '”', '„': '“”', '«': '»' };

/**
 * The titles and quotations of one line (a paragraph): spans between quotation marks in the notes
 * and, when the document has them, spans in italics (touching italics, or italics apart by at most
 * two spaces, are one span). In the notes quotation marks hold titles
 * of articles and chapters as published; in the running text they hold mostly quoted speech and
 * the author's own translations of Russian sources, whose romanization is the author's
 * (docs/check.md, "Quotations").
 */
function lineSpans(doc: CheckDocument, lineStart: number, lineEnd: number): Span[] {
  const { text } = doc;
  const spans: Span[] = [];
  const region = doc.regions === undefined ? undefined : regionAt(doc.regions, lineStart === lineEnd ? lineStart : lineEnd - 1);
  if (region?.kind === 'notes') quotationMarkSpans(text, lineStart, lineEnd, spans);
  // The text of an external link written with its address, [http://… Ekaterinburg Gallery of
  // Modern Art], is the linked page's name as the page prints it (MediaWiki's form, which plain-text
  // copies of wiki pages keep), anywhere in the text (made on realtext14).
  for (const m of text.slice(lineStart, lineEnd).matchAll(LINK_TEXT)) {
    const start = lineStart + m.index + m[0].length - m[1]!.length - 1;
    spans.push({ start, end: start + m[1]!.length, by: 'a link’s text' });
  }
  for (const [a, b] of emphasisIn(doc.emphasis, lineStart, lineEnd)) {
    const last = spans.at(-1);
    if (last !== undefined && last.by === 'italics' && a - last.end <= 2 && /^\s*$/u.test(text.slice(last.end, a))) last.end = b;
    else spans.push({ start: a, end: b, by: 'italics' });
  }
  return spans;
}

/** Adds the spans between quotation marks of the line [lineStart, lineEnd) to `spans`. */
export function quotationMarkSpans(text: string, lineStart: number, lineEnd: number, spans: Span[]): void {
  const letter = (i: number): boolean => i >= lineStart && i < lineEnd && /\p{L}/u.test(text[i]!);
  let straight = -1;
  for (let i = lineStart; i < lineEnd; i++) {
    const c = text[i]!;
    const closers = PAIRED[c];
    if (closers !== undefined) {
      let j = i + 1;
      while (j < lineEnd && !closers.includes(text[j]!)) j++;
      if (j < lineEnd) spans.push({ start: i + 1, end: j, by: 'quotation marks' });
    } else if (c === '‘' && !letter(i - 1)) {
      // ’ is also an apostrophe and, in romanized Russian, the soft sign (‘Zhizn’ i Kniga’): the
      // closer is the first ’ after which no letter follows, nor a word in small letters (a
      // soft sign before the next word), else the first after which no letter follows.
      let first = -1;
      for (let j = i + 1; j < lineEnd; j++) {
        if (text[j] !== '’' || letter(j + 1)) continue;
        if (first === -1) first = j;
        if (!/^\s+\p{Ll}/u.test(text.slice(j + 1, j + 3))) {
          first = j;
          break;
        }
      }
      if (first !== -1) spans.push({ start: i + 1, end: first, by: 'quotation marks' });
    } else if (c === '"') {
      // Straight quotes are paired in order: an opener stands before a word, a closer after one.
      if (straight === -1) {
        if (!letter(i - 1) && i + 1 < lineEnd && !/\s/u.test(text[i + 1]!)) straight = i;
      } else if (!letter(i + 1) && !/\s/u.test(text[i - 1]!)) {
        spans.push({ start: straight + 1, end: i, by: 'quotation marks' });
        straight = -1;
      }
    }
  }
}

/** The parts of the emphasis spans (in order) that fall in [start, end), found by binary search. */
function emphasisIn(emphasis: CheckDocument['emphasis'], start: number, end: number): Array<[number, number]> {
  if (emphasis === undefined) return [];
  let lo = 0;
  let hi = emphasis.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (emphasis[mid]![1] <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: Array<[number, number]> = [];
  for (let k = lo; k < emphasis.length && emphasis[k]![0] < end; k++) {
    const [a, b] = emphasis[k]!;
    // Spans were checked when the run was prepared (assertEmphasis); an empty one holds nothing.
    if (a < b) out.push([Math.max(a, start), Math.min(b, end)]);
  }
  return out;
}
