// Findings in the byline of a published work. A note or a bibliography cites an English, French or
// German book or article under the names printed on it: "trans. Boris Jakim", "V. V. Zenkovsky,
// A History of Russian Philosophy", "Nicolas Berdyaev, The Russian Idea". Such a name is the
// publication's form, not the author's romanization, and a fix would misquote the citation (the
// lead's decision for issue 14), so a finding there is held at `possible` with a reason, as a
// finding in a published title is (quoted.ts): shown on request, never applied by `--fix`. A name
// before a title the author romanized from Russian (Put' moei zhizni) or set in Cyrillic is not
// a byline of a Latin-script publication and stays checked. docs/check.md, "Bylines".
import { regionAt } from '../document/regions.ts';
import bylines from './data/bylines.json' with { type: 'json' };
import { held, QUOTED, quotationAt, quotationMarkSpans, readsForeign, readsRomanized, titleCased, titleSpans, titleWords, type Span } from './quoted.ts';
import notesSystems from './data/notes-systems.json' with { type: 'json' };
import { romanize } from '../engine/romanize.ts';
import { LexiconFlag } from '../reverse/lexicon.ts';
import { foldRomanized } from '../reverse/readings.ts';
import { placeName } from './findings.ts';
import type { Group, Spelling } from './model.ts';
import { weighGroup, type Weighed } from './weigh.ts';
import type { CheckRun } from './run.ts';
import type { CheckDiagnostic as Diagnostic, CheckDocument } from './types.ts';

/** A word of a name: a capitalized word (Zenkovsky, Lʹvovich, Nemirovich-Danchenko) or an initial (V., A.A.). */
const NAME = String.raw`\p{Lu}[\p{L}\p{M}'’ʹ-]*\.?|\p{Lu}\.(?:\p{Lu}\.)*`;

/** A word of the data file as a pattern, its first letter matched with a capital or without. */
function wordPattern(word: string): string {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  const first = word[0]!;
  return first.toUpperCase() === first.toLowerCase() ? escaped : `[${first.toLowerCase()}${first.toUpperCase()}]${escaped.slice(1)}`;
}

const CONNECTOR = bylines.connectors.map(wordPattern).join('|');
const AFTER = bylines.after.map(wordPattern).join('|');
const BEFORE = bylines.before.map(wordPattern).join('|');
const AGENT = bylines.agents.map(wordPattern).join('|');

/**
 * What may stand between a name and the title it signs: more names of the byline, initials,
 * connectors and commas, a role (eds.), a year ((1999), 2013.), a bracketed completion
 * (Elena I[vanovna]), the quotation mark that opens the title; nothing else, and no semicolon,
 * which ends a citation.
 */
const TAIL = new RegExp(String.raw`^(?:\s|[,.:“„«‘"']|(?:${AFTER})(?![\p{L}])|(?:${CONNECTOR})(?![\p{L}])|\(\s*\d{4}[a-z]?\s*\)|\d{4}[a-z]?(?!\d)|\[[^\]\n;]*\]|${NAME})*$`, 'u');

/** A role word right before a name, or before the other names of its byline (ed. by Martha Brill Olcott and …). */
const ROLE_BEFORE = new RegExp(String.raw`(?:^|[\s,;(])(?:${BEFORE})(?:\s+(?:${AGENT}))?(?:\s+(?:${NAME})|\s*,|\s+(?:${CONNECTOR}))*\s*$`, 'u');

/** A name's word right before or right after a word, for the test that it is one of at least two (given name or initials + surname). */
const NAME_BEFORE = new RegExp(String.raw`(?:^|[\s(\[])(?:${NAME})(?:,\s*|\s+)$`, 'u');
const NAME_AFTER = new RegExp(String.raw`^(?:,\s*|\s+)(?:${NAME})(?![\p{L}])`, 'u');

/** How far a name may stand from the title it signs, in characters: a byline of several authors. */
const MAX_TAIL = 160;

/**
 * The finding as it stands where it was found: capped at {@link QUOTED}, with a word on why, when
 * its word is a name in the byline of a published Latin-script work cited in a note, a
 * bibliography entry or a parenthetical citation; unchanged elsewhere.
 */
export function inByline(dg: Diagnostic, doc: CheckDocument): Diagnostic {
  const { offset: start } = dg.place.start;
  const { offset: end } = dg.place.end;
  if (dg.confidence <= QUOTED) return dg;
  const around = citationAround(doc, start, end);
  if (bylineAt(doc, start, end, around)) return held(dg, 'It stands in the byline of a published work in English or another language written in Latin letters (its author, editor or translator): the name as the publication prints it.');
  if (inTranslatedTitle(doc, start, end, around)) return held(dg, 'It stands in the title of a translation the work cites (its translator named after it): the title as the translation prints it.');
  if (inArticleTitle(doc, start, end, around)) return held(dg, 'It stands in the title of an article the work cites from a periodical in English or another language written in Latin letters (the journal, its volume and year after it): the title as the journal prints it.');
  if (inWebPageTitle(doc, start, end, around)) return held(dg, 'It stands in the title of a web page the work cites (its access date after it): the title as the page prints it.');
  if (citationForm(dg) && bylineAt(doc, start, end, around, readsRomanized)) return held(dg, 'It is the author of a Russian publication the work cites in romanization, written as library catalogues write it: the citation form, right in its place beside the text’s own form.');
  if (joinedByAmpersand(doc.text, start, end)) return held(dg, 'It is joined to another name by an ampersand: a firm’s name (Simon & Schuster) or a pair of authors as a citation prints them, not the text’s own romanization.');
  return dg;
}

/** What joins two names into a firm's or a pair of authors' name (data/bylines.json, `joined`: &). */
const JOINER = bylines.joined.joiners.map(wordPattern).join('|');
/**
 * A name, the joiner, and at most two more words of a name before the word (Simon & [Schuster],
 * Austin & Alexey [Muraviev]), one space apart: a table's columns (Sibirskaia Neftianaia Co   Oil &
 * Gas) are not one name.
 */
const JOINED_BEFORE = new RegExp(String.raw`(?:${NAME})[ \u00a0](?:${JOINER})[ \u00a0](?:(?:${NAME})[ \u00a0]){0,2}$`, 'u');
/** At most two more words of the word's name, the joiner, and a capitalised word after it ([Simon] & Schuster). */
const JOINED_AFTER = new RegExp(String.raw`^(?:[ \u00a0](?:${NAME})){0,2}[ \u00a0](?:${JOINER})[ \u00a0]\p{Lu}`, 'u');

/**
 * Whether the capitalised word [start, end) belongs to two names joined by an ampersand: a firm's
 * name (Simon & Schuster, in a reference or in the running text) or two authors as a citation
 * prints them (Greg Austin & Alexey Muraviev). The name is the firm's or the publication's, as a
 * byline's is; prose joins two people with "and". docs/check.md, "Names joined by an ampersand".
 */
function joinedByAmpersand(text: string, start: number, end: number): boolean {
  if (!/^\p{Lu}/u.test(text.slice(start, end))) return false;
  return JOINED_BEFORE.test(text.slice(Math.max(0, start - 80), start)) || JOINED_AFTER.test(text.slice(end, end + 80));
}

/** A translator named right after a title: the role word (data/bylines.json, `translators`), perhaps "by", and a name. */
const TRANSLATOR_AFTER = new RegExp(String.raw`^\s*[,.:]?\s*(?:${bylines.translators.map(wordPattern).join('|')})(?:\s+(?:${AGENT}))?\s+(?:${NAME})`, 'u');

/**
 * Whether the word [start, end) is a word of a title the citation `around` holds that is followed by
 * its translator (*Aleksei Stepanovich Khomyakov*, trans. Fr. S. Janos): a translation, published
 * in Latin letters whatever its words read as (a title of names only reads as no language), so its
 * spellings are the publication's, as a title's that reads as English is (docs/check.md,
 * "Quotations", "Published titles").
 */
function inTranslatedTitle(doc: CheckDocument, start: number, end: number, around: Around | undefined): boolean {
  if (around === undefined) return false;
  const span = around.spans.find((s) => s.start <= start && end <= s.end);
  return span !== undefined && translated(doc.text, span, around.lineEnd);
}

/** Whether a title of a line ending at `lineEnd` is followed by its translator ({@link TRANSLATOR_AFTER}). */
function translated(text: string, title: Span, lineEnd: number): boolean {
  return TRANSLATOR_AFTER.test(text.slice(title.end, Math.min(lineEnd, title.end + 80)));
}

/**
 * Whether the word [start, end) is a name in the byline of a translation the citation `around`
 * holds: a name followed by the title it signs (as {@link bylineAt} reads a byline), the title
 * followed by its translator (Nikolay Gavrilovich Chernyshevsky, What Is to Be Done?, trans.
 * Michael R. Katz). The translator and the publisher spelt the Russian author's name, not the
 * author himself nor the work that cites him: the name as the translation prints it.
 */
function inTranslationByline(doc: CheckDocument, start: number, end: number, around: Around | undefined): boolean {
  const { text } = doc;
  if (!bylineName(text, start, end, around)) return false;
  const title = signedTitle(text, end, around.spans);
  return title !== undefined && translated(text, title, around.lineEnd) && !saysRussian(text, around.lineStart, around.lineEnd, start);
}

/**
 * A periodical named right after the closing quotation mark of an article's title, as notes cite an
 * article (Chicago: “Dostoyevsky and Chernyshevsky,” The Slavonic and East European Review 57, no. 4
 * (1979): 528): its name (group 1: capitalized words and the small words between them), then its
 * volume and the year in brackets, or its volume and a year after a comma; the name may be in
 * italics, a Markdown file's * or _ around it.
 */
const PERIODICAL_AFTER = /^[”"’»“]?\s*[,.:]?\s*[*_]*((?:\p{Lu}[\p{L}'’&-]*\.?|[&:]|\p{Ll}{1,4})(?:[ \t]+(?:\p{Lu}[\p{L}'’&-]*\.?|[&:]|\p{Ll}{1,4}))*?)[*_]*,?[ \t]+\d+(?:[.,]?[ \t]*(?:no|nos|vol|issue|n|nr|Heft|t)\.?[ \t]*\d+(?:[-–/]\d+)?)*[ \t]*(?:\((?:[\p{L}.]+[ \t]+)*\d{4}\)|,[ \t]*\d{4}(?!\d))/u;

/**
 * Whether the word [start, end) is a word of an article's title in quotation marks that the citation
 * `around` follows with the periodical that printed it (see {@link PERIODICAL_AFTER}), one whose
 * name reads as English or another Latin-script language (The Slavonic and East European Review,
 * Southern Review; not Voprosy literatury): a title the journal printed, whatever its own words
 * read as (a title of names only reads as no language), unless it reads as romanized Russian (the
 * author's romanization of a Russian title) or the citation says its work is in Russian.
 */
function inArticleTitle(doc: CheckDocument, start: number, end: number, around: Around | undefined): boolean {
  if (around === undefined) return false;
  const { text } = doc;
  const span = around.spans.find((s) => s.by === 'quotation marks' && s.start <= start && end <= s.end);
  if (span === undefined || readsRomanized(text, span, start, end) || saysRussian(text, around.lineStart, around.lineEnd, start)) return false;
  const after = PERIODICAL_AFTER.exec(text.slice(span.end, Math.min(around.lineEnd, span.end + 160)));
  if (after === null) return false;
  const name = span.end + after.index + after[0].indexOf(after[1]!);
  return journalReadsForeign(text, { start: name, end: name + after[1]!.length, by: 'quotation marks' });
}

/**
 * The name of the site a web page is on, between its title and the access date (Sergey Shchukin and
 * Others. Hermitage Amsterdam. Retrieved 22 October 2016.): capitalised words, perhaps with the small
 * words of data/bylines.json (`siteWords`: of, the, and, &) between, at most six; a sentence in small
 * letters is no site's name.
 */
const SITE = String.raw`\p{Lu}[\p{L}'’&-]*(?:\s+(?:\p{Lu}[\p{L}'’&-]*|${bylines.siteWords.words.map(wordPattern).join('|')})){0,5}`;

/**
 * The rest of a web page's title after a word, then the access date a reference gives after the
 * title's full stop (data/bylines.json, `accessed`): `Shchukin. Retrieved 22 October 2016`, `.
 * Accessed on March 3, 2015`, `. Retrieved 2016-10-22`, perhaps with the site's name between
 * ({@link SITE}; group 1). No full stop, semicolon or quotation mark before it: the title is the
 * citation's last sentence before the date, or before the site's name.
 */
const ACCESSED_AFTER = new RegExp(String.raw`^[^.;:“”"«»\n]*\.(\s*${SITE}\.)?\s*(?:${bylines.accessed.map(wordPattern).join('|')})(?:\s+on)?\s+(?:\d{1,2}\s+\p{Lu}\p{Ll}+\.?,?\s+\d{4}|\p{Lu}\p{Ll}+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})`, 'u');

/**
 * Whether the word [start, end) is a word of the title of a web page that a reference cites with the
 * date it was read (as in a plain-text reference of English Wikipedia: [4] Sergei
 * Ivanovitch Shchukin. Retrieved 22 October 2016.): the title runs from the start of the citation
 * (after its number or mark) to the full stop before the date, and the page printed it, whatever its
 * words read as (a title of names only reads as no language), unless they read as romanized Russian
 * (the author's romanization of a Russian title) or the citation says its work is in Russian. Only a
 * bibliography line or a note: brackets in the running text are not a reference list (docs/check.md,
 * "Published forms, elsewhere in the work").
 */
function inWebPageTitle(doc: CheckDocument, start: number, end: number, around: Around | undefined): boolean {
  if (around === undefined || around.where.kind === 'parenthesis') return false;
  const { text } = doc;
  const rest = ACCESSED_AFTER.exec(text.slice(end, around.lineEnd));
  if (rest === null) return false;
  const head = ENTRY_HEAD.exec(text.slice(around.lineStart, start))![0];
  const from = around.lineStart + head.length;
  // One sentence from the citation's start to the word: no full stop after a word of two letters or more.
  if (/\p{L}{2}\.\s|[;“”"«»]/u.test(text.slice(from, start))) return false;
  const title: Span = { start: from, end: end + rest[0].indexOf('.'), by: 'quotation marks' };
  // Before a site's name the title must be in title case: a sentence (Sergei Ivanovitch wrote it.
  // The Collection. Retrieved …) leaves the last sentence, The Collection, as the title.
  if (rest[1] !== undefined && !titleCased(text, title, start, end)) return false;
  return !readsRomanized(text, title, start, end) && !saysRussian(text, around.lineStart, around.lineEnd, start);
}

/**
 * Whether a periodical's name reads as English or another Latin-script language: one word of such a
 * language is enough (Slavic Review, Kritika: Explorations…), outnumbering twice the words in
 * small letters of romanized Russian (Voprosy literatury, Novyi mir).
 */
function journalReadsForeign(text: string, name: Span): boolean {
  const { other, own } = titleWords(text, name, name.start, name.start);
  return other >= 1 && other > 2 * own;
}

/**
 * Whether a finding's spelling is the one a precise system of citations writes from its word
 * (`data/notes-systems.json`: ala-lc-simplified, ala-lc), and its fix another form: the author of
 * a Russian publication as library catalogues give him (L. N. Tolstoi beside the text's Tolstoy).
 */
function citationForm(dg: Diagnostic): boolean {
  const cyrillic = dg.data?.['cyrillic'];
  if (typeof cyrillic !== 'string' || dg.actual === undefined) return false;
  const written = foldRomanized(dg.actual);
  return notesSystems.schemes.some((scheme) => foldRomanized(romanize(cyrillic, { scheme })) === written);
}

/** The citation a word stands in: its line's bounds, where the citation is, and its titles (see {@link spansOf}). */
interface Around {
  lineStart: number;
  lineEnd: number;
  where: Where;
  spans: Span[];
}

/** The citation holding the word [start, end), or undefined when it stands in none (see {@link citation}). */
function citationAround(doc: CheckDocument, start: number, end: number): Around | undefined {
  const newline = doc.text.indexOf('\n', end);
  const lineStart = doc.text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = newline === -1 ? doc.text.length : newline;
  const where = citation(doc, lineStart, lineEnd, start);
  return where === undefined ? undefined : { lineStart, lineEnd, where, spans: spansOf(doc, where, lineStart, lineEnd) };
}

/**
 * Whether the word [start, end) is a name in the byline of a published Latin-script work cited in a
 * note, a bibliography entry or a parenthetical citation; with `reads` = `readsRomanized`, in the
 * byline of a Russian publication cited under its romanized title (Polnoe sobranie sochinenii).
 */
function bylineAt(doc: CheckDocument, start: number, end: number, around: Around | undefined, reads: typeof readsForeign = readsForeign): boolean {
  const { text } = doc;
  if (!bylineName(text, start, end, around)) return false;
  const { lineStart, lineEnd, spans } = around;
  // A translation's title is published in Latin letters whatever its words read as (a title of
  // names only, *Stanislavsky*, reads as no language): so its byline too.
  const titles = spans.filter((s) => reads(text, s, start, end) || (reads === readsForeign && translated(text, s, lineEnd)));
  // Followed by the title it signs, or standing with a role word in a citation of such a title.
  const signs = signedTitle(text, end, titles) !== undefined;
  const [from, to] = segment(text, lineStart, lineEnd, start);
  const role = !signs && ROLE_BEFORE.test(text.slice(from, start)) && titles.some((s) => s.start >= from && s.end <= to);
  const after = !signs && !role && signedAfter(text, from, to, start, end, titles);
  return (signs || role || after) && (reads !== readsForeign || !saysRussian(text, lineStart, lineEnd, start));
}

/** The words before and after a byline written after its title (data/bylines.json, `signedAfter`: by, in). */
const SIGNED_BY = bylines.signedAfter.by.map(wordPattern).join('|');
const SIGNED_IN = bylines.signedAfter.in.map(wordPattern).join('|');
/**
 * The names of a byline right before a word of it (Vladimir Mau and …, Pavel Bykovsky & …): where
 * the byline starts, the match's index. Not "By", which opens it ({@link BY_END}).
 */
const BYLINE_HEAD = new RegExp(String.raw`(?:(?!(?:${SIGNED_BY})\s)(?:${NAME})(?:\s*,\s*|\s+)|(?:${CONNECTOR})\s+)*$`, 'u');
/** The agent word right before a byline (by, By): group 1 the word as written. */
const BY_END = new RegExp(String.raw`(?<![\p{L}])(${SIGNED_BY})\s+$`, 'u');
/** What may stand between a title and the byline written after it: its closing marks, a comma or a full stop, a dash. */
const TITLE_THEN_NAME = /^[\s,.:–—*_”"’»-]*$/u;
/** A byline's rest after a word of it, then "in" and the title it stands in (by Anatoly Smeliansky in "Chekhov at the Moscow Art Theatre"). */
const IN_TITLE = new RegExp(String.raw`^(?:(?:\s*,\s*|\s+)(?:${NAME}|${CONNECTOR}))*,?\s+(?:${SIGNED_IN})\s*:?\s*[“"‘'*_]*$`, 'u');

/** A year of publication, somewhere in the citation. */
const YEAR = /(?<!\d)(?:1[5-9]|20)\d\d(?!\d)/u;
/** The rest of a name and an English possessive (Grigori Chukhrai's romantic war film): a name in a sentence, no byline. */
const POSSESSIVE_AFTER = new RegExp(String.raw`^(?:\s+(?:${NAME}))*['’]s(?![\p{L}])`, 'u');

/**
 * Whether the word [start, end), a name in the citation [from, to), signs a title written before
 * it, as plain-text reference lists write a byline after the title (English Wikipedia's), in a
 * citation that gives a year: right after the title (Chapter 2 "Modernization and the Russian
 * Economy" Vladimir Mau and Tatiana Drobyshevskaya), or after "by" right after it (*The Little
 * Golden Calf* by Evgeny Petrov (New York, 1932)); after "by" and before "in" and the title
 * (quoted by Anatoly Smeliansky in "Chekhov at the Moscow Art Theatre"); after a dash and a
 * capital "By", a newspaper's byline (Are Chechens in Afghanistan? – By Nabi Abdullaev, Dec 14,
 * 2001). Only the rest of the byline stands between "by" and the word. A title before the byline
 * must be in title case: quoted speech before a name is the name's words, not a title it signs
 * ("Lee Strasberg became…" Georgii Tostonogov on…), and a year keeps out a list of films or novels
 * in the running text (*Ballad of a Soldier*, Grigori Chukhrai's romantic war film).
 * docs/check.md, "Bylines".
 */
function signedAfter(text: string, from: number, to: number, start: number, end: number, titles: readonly Span[]): boolean {
  if (POSSESSIVE_AFTER.test(text.slice(end, end + 80))) return false;
  // At most a byline's length back: the test runs on every name of a long note.
  const near = Math.max(from, start - MAX_TAIL);
  let head = near + BYLINE_HEAD.exec(text.slice(near, start))!.index;
  const by = BY_END.exec(text.slice(near, head));
  if (by !== null) head = near + by.index;
  const dated = YEAR.test(text.slice(from, to));
  const before = (s: Span): boolean => s.start >= from && s.end <= head && TITLE_THEN_NAME.test(text.slice(s.end, head)) && titleCased(text, s, start, end);
  if (dated && titles.some(before)) return true;
  if (by === null) return false;
  // A newspaper's byline: a dash, then the agent word with a capital (– By Nabi Abdullaev).
  if (dated && /[–—-]\s*$/u.test(text.slice(near, head)) && /^\p{Lu}/u.test(by[1]!)) return true;
  const next = titles.find((s) => s.start >= end && s.end <= to);
  return next !== undefined && next.start - end <= MAX_TAIL && IN_TITLE.test(text.slice(end, next.start));
}

/**
 * Whether the word [start, end) may be a name in a byline of the citation `around`: capitalized, a
 * name's word beside it, and not a word of one of its titles, which is the title's (quoted.ts), not
 * a byline ("Tchaikovsky, Pyotr Il'yich").
 */
function bylineName(text: string, start: number, end: number, around: Around | undefined): around is Around {
  return around !== undefined && /^\p{Lu}/u.test(text.slice(start, end)) && inName(text, start, end) && !around.spans.some((s) => s.start <= start && end <= s.end);
}

/** The first of `titles` that a name ending at `end` signs: after it, with only the rest of its byline between ({@link TAIL}), at most {@link MAX_TAIL} away. */
function signedTitle(text: string, end: number, titles: readonly Span[]): Span | undefined {
  const next = titles.find((s) => s.start >= end);
  return next !== undefined && next.start - end <= MAX_TAIL && TAIL.test(text.slice(end, next.start)) ? next : undefined;
}

/**
 * Whether the word [start, end) is printed by a published work in Latin letters that the document
 * cites: a name in its byline, or a word of its title (in quotation marks or italics, reading as
 * English, French, German… and set in title case, which quoted speech in a note is not) where the
 * title stands in a note, a bibliography entry or a parenthetical citation. Such a spelling is the
 * publication's, and a person's published form.
 */
export function citedAt(doc: CheckDocument, start: number, end: number): boolean {
  const around = citationAround(doc, start, end);
  return around !== undefined && (bylineAt(doc, start, end, around) || inCitedTitle(doc, start, end, around));
}

/** Whether the word [start, end) is a word of a published Latin-script title the citation `around` holds (see {@link citedAt}). */
function inCitedTitle(doc: CheckDocument, start: number, end: number, around: Around | undefined): boolean {
  if (around === undefined) return false;
  const title = (s: Span): boolean => s.start <= start && end <= s.end && readsForeign(doc.text, s, start, end) && titleCased(doc.text, s, start, end);
  return around.spans.some(title) && !saysRussian(doc.text, around.lineStart, around.lineEnd, start);
}

/** Whether the word [start, end) has a name's word right before it or right after it (Boris Jakim; Tolstaya, Tatyana; V. V. Zenkovsky). */
function inName(text: string, start: number, end: number): boolean {
  return NAME_BEFORE.test(text.slice(Math.max(0, start - 40), start)) || NAME_AFTER.test(text.slice(end, end + 40));
}

/** Where a citation stands: a note, a bibliography entry, or a parenthetical citation (its bounds), or undefined. */
type Where = { kind: 'notes' } | { kind: 'entry' } | { kind: 'parenthesis'; start: number; end: number };

/** The mark a reference list's entry opens with: `- `, `1. `, `[12] `, `^` (a footnote's back-link). */
const ENTRY_MARK = String.raw`(?:[-*+]\s+|\d+\.\s+|\[\d+\]\s*|\^\s*)`;
/** A line's opening up to its entry mark, if it has one: where the citation's own words start. */
const ENTRY_HEAD = new RegExp(String.raw`^\s*${ENTRY_MARK}?`, 'u');
/** A line of a reference list: an entry mark, or an inverted name first (Tolstaya, Tatyana). */
const ENTRY_LINE = new RegExp(String.raw`^\s*${ENTRY_MARK}|^\s*\p{Lu}[\p{L}'’-]+,\s+\p{Lu}`, 'u');

/**
 * The citation the offset `at` stands in: the notes (a note, the bibliography under its heading);
 * a line of the running text that reads as a bibliography entry (a list item or a numbered
 * reference, `- `, `1. `, `[12] `, `^`, or a line that opens with an inverted name, Tolstaya,
 * Tatyana); or brackets in the running text, a parenthetical citation.
 */
function citation(doc: CheckDocument, lineStart: number, lineEnd: number, at: number): Where | undefined {
  if (doc.regions !== undefined && regionAt(doc.regions, at)?.kind === 'notes') return { kind: 'notes' };
  const { text } = doc;
  if (ENTRY_LINE.test(text.slice(lineStart, lineEnd))) return { kind: 'entry' };
  const open = text.lastIndexOf('(', at);
  if (open < lineStart || text.lastIndexOf(')', at) > open) return undefined;
  const close = text.indexOf(')', at);
  return close === -1 || close > lineEnd ? undefined : { kind: 'parenthesis', start: open + 1, end: close };
}

/**
 * The titles of the citation: the line's titles and quotations (quoted.ts), and in a bibliography
 * entry of the running text its spans in quotation marks too, which quoted.ts reads as titles only
 * in the notes (in an entry they are titles of articles, not quoted speech); in brackets, only
 * those inside them.
 */
function spansOf(doc: CheckDocument, where: Where, lineStart: number, lineEnd: number): Span[] {
  const spans = [...titleSpans(doc, lineStart)];
  if (where.kind === 'entry') quotationMarkSpans(doc.text, lineStart, lineEnd, spans);
  spans.sort((a, b) => a.start - b.start);
  return where.kind === 'parenthesis' ? spans.filter((s) => s.start >= where.start && s.end <= where.end) : spans;
}

/** The citation holding `at` within its line, [start, end): between the semicolons around it. */
function segment(text: string, lineStart: number, lineEnd: number, at: number): [number, number] {
  const next = text.indexOf(';', at);
  return [Math.max(lineStart, text.lastIndexOf(';', at - 1) + 1), next === -1 || next > lineEnd ? lineEnd : next];
}

/** Whether the citation holding `at` says its work is in Russian (data/bylines.json, `russian`): a translated title, not a published one. */
function saysRussian(text: string, lineStart: number, lineEnd: number, at: number): boolean {
  const cited = text.slice(...segment(text, lineStart, lineEnd, at)).toLowerCase();
  return bylines.russian.words.some((w) => cited.includes(w));
}

/** The name's word right after a word, with nothing but spaces between (Nikolay Berdyaev: Berdyaev). */
const NEXT_NAME = new RegExp(String.raw`^[ \t]+(${NAME})`, 'u');

/** Lexicon flags of the names that stand before a surname. */
const FORENAME = LexiconFlag.given | LexiconFlag.patronymic;

function nextName(text: string, end: number): string | undefined {
  return NEXT_NAME.exec(text.slice(end, end + 80))?.[1];
}

/** Where the work's citations print a spelling, and the name's word after it there, if any. */
interface Printed {
  doc: number;
  at: number;
  next: string | undefined;
}

/**
 * The stage that finds a person's published form elsewhere in the work. A scheme mismatch whose
 * spelling the work's own citations print in a published work in Latin letters (see
 * {@link citedAt}) is that person's published form, not the author's romanization: Florovsky in the
 * running text, where a note cites "Georges V. Florovsky and Vladimir Lossky" or "G. Florovsky,
 * Ways of Russian Theology". It is held at `possible`, with the place that prints it (another
 * place than the finding's own: a finding in a citation is quoted.ts's and this file's to weigh
 * there). The name's word after it must be the same in both places, or absent in both: a byline's
 * Nikolay Berdyaev says nothing of another Nikolay, nor the historian Nikolaevsky of the
 * Nikolaevsky Engineering Academy; and a given name or a patronymic (by the lexicon) counts only
 * with a surname after it (a film's Ivan Vasilievich says nothing of Ivan Vasilievich Yezhov).
 * docs/check.md, "Bylines".
 *
 * @returns A function that takes a finding (and its document's index) and returns it, held or as it was.
 */
export function publishedForms(run: CheckRun, documents: readonly CheckDocument[], spellings: readonly Spelling[]): (dg: Diagnostic, doc: number) => Diagnostic {
  let byFold: Map<string, Spelling[]> | undefined;
  const printed = new Map<string, Printed[]>();
  const printedOf = (fold: string): Printed[] => {
    let found = printed.get(fold);
    if (found !== undefined) return found;
    if (byFold === undefined) {
      byFold = new Map();
      for (const s of spellings) {
        const list = byFold.get(s.info.fold);
        if (list === undefined) byFold.set(s.info.fold, [s]);
        else list.push(s);
      }
    }
    found = [];
    const spelt = byFold.get(fold) ?? [];
    const forenames = spelt.some((s) => s.info.readings.some((r) => (r.flags & FORENAME) !== 0 && (r.flags & LexiconFlag.surname) === 0));
    for (const s of spelt) {
      for (const o of s.occurrences) {
        const doc = documents[o.doc]!;
        const next = nextName(doc.text, o.end);
        if ((!forenames || next !== undefined) && citedAt(doc, o.start, o.end)) found.push({ doc: o.doc, at: o.start, next });
      }
    }
    printed.set(fold, found);
    return found;
  };
  return (dg, doc) => {
    if (dg.ruleId !== 'check/scheme-mismatch' || dg.confidence <= QUOTED || dg.actual === undefined) return dg;
    const at = dg.place.start.offset;
    const next = nextName(documents[doc]!.text, dg.place.end.offset);
    const where = printedOf(foldRomanized(dg.actual)).find((p) => (p.doc !== doc || p.at !== at) && p.next === next);
    if (where === undefined) return dg;
    const place = placeName(documents[where.doc]!, run.lines[where.doc]!.pointAt(where.at));
    return held(dg, `The work cites a publication in Latin letters that prints it so (${place}): the person’s published form.`);
  };
}

/**
 * Whether the word [start, end) is printed so by a publication the work cites, not written by its
 * author: a word of a published Latin-script title ({@link inCitedTitle}), of a translation's title,
 * of an article's title followed by its journal, or a name in a translation's byline.
 */
function printedByPublication(doc: CheckDocument, start: number, end: number): boolean {
  const around = citationAround(doc, start, end);
  return inCitedTitle(doc, start, end, around) || inTranslatedTitle(doc, start, end, around) || inArticleTitle(doc, start, end, around) || inTranslationByline(doc, start, end, around);
}

/** An English possessive right after a word (Gogol’s: the word is Gogol, cut off before ’s by the tokenizer). */
const POSSESSIVE = /^['’]s(?![\p{L}\p{M}])/u;

/**
 * The group without the spellings that are only another spelling's possessive: Gogol, written only
 * as Gogol’s, where the group has Gogol’ (LC, with the soft sign). English writes one apostrophe
 * there (Chicago: Gogol’s, not Gogol’’s), so the ’s stands in the soft sign's place and the author
 * wrote one spelling, not two. A spelling also written without ’s stays (Gogol beside Gogol’ is two).
 */
function withoutPossessives(documents: readonly CheckDocument[], g: Group): Group {
  if (g.spellings.length < 2) return g;
  const folds = new Set(g.spellings.map(({ s }) => s.info.fold));
  const kept = g.spellings.filter(({ s }) => !(folds.has(`${s.info.fold}'`) && s.occurrences.every((o) => POSSESSIVE.test(documents[o.doc]!.text.slice(o.end, o.end + 3)))));
  return kept.length === g.spellings.length ? g : { ...g, spellings: kept };
}

/**
 * A group weighed without the spellings the author cannot change. A spelling printed only inside
 * published Latin-script titles the work cites (*Selskii Vestnik* in the title of an English book,
 * by the test of {@link citedAt}; a translation's title; an article's title followed by its
 * journal) or in the bylines of translations ({@link printedByPublication}) is the publication's, not a variant of the author's own writing:
 * it neither makes the running text's one form (sel’skii, every time) inconsistent nor becomes
 * its fix, so the group is weighed without it (`g`, the author's spellings). Its own findings
 * (held at `possible` in the title) are kept where their fix is the author's form, and dropped
 * where it would have been the target. A group of such spellings only is weighed as it is. A
 * name in a byline is left in: it is the person's own form, against which the running text's
 * other spelling of the same person is a slip (Andrei Iliaronov in the text, Illarionov signing
 * his article), and the published-forms rule already holds a text that follows it; a translation's
 * byline is not (Chernyshevsky on *What Is to Be Done?*, trans. Katz: the translator's spelling).
 * docs/check.md, "Published forms, elsewhere in the work".
 */
export function weighAuthorsOwn(run: CheckRun, documents: readonly CheckDocument[], group: Group): { g: Group; weighed: Weighed | undefined } {
  const g = withoutPossessives(documents, group);
  // Spellings that stand only in quotations (quoted.ts): another author's, never the fix by a tie,
  // with a scheme or without (the author's Mokhovaia once beside Lyall's Mokhovaya once, quoted:
  // realtext12). Asked only where there is a tie to break (a group of two spellings or more).
  const quotedOnly = g.spellings.length < 2 ? new Set<Spelling>() : new Set(g.spellings.filter(({ s }) => s.occurrences.every((o) => quotationAt(documents[o.doc]!, o.start, o.end) !== undefined)).map(({ s }) => s));
  const full = weighGroup(run, g, { quotedOnly });
  if (g.spellings.length < 2 || full === undefined) return { g, weighed: full };
  const own = g.spellings.filter(({ s }) => !s.occurrences.every((o) => printedByPublication(documents[o.doc]!, o.start, o.end)));
  if (own.length === g.spellings.length || own.length === 0) return { g, weighed: full };
  const mine = { ...g, spellings: own };
  const weighed = weighGroup(run, mine, { quotedOnly });
  const target = weighed?.target ?? (own.length === 1 ? own[0]!.s.display : undefined);
  const printed = target !== undefined && foldRomanized(full.target) === foldRomanized(target) ? full.minority.filter((m) => !own.some(({ s }) => s === m.s)) : [];
  if (weighed === undefined) return { g: mine, weighed: printed.length === 0 ? undefined : { ...full, minority: printed } };
  return { g: mine, weighed: { ...weighed, minority: [...weighed.minority, ...printed] } };
}
