// The features of a finding that the learned score weighs (docs/check.md "A learned score"): what
// its group counts, what the lexicon knows of its word, where it stands and what the text around
// it shows. One definition for the checker (score.ts) and for the study and training scripts
// (scripts/check-features.ts, scripts/train-check-model.ts), so that the weights fitted on the
// judged findings are applied to the very features they were fitted on.
import data from './data/foreign.json' with { type: 'json' };
import { romanize } from '../engine/romanize.ts';
import { LexiconFlag } from '../reverse/lexicon.ts';
import { foldRomanized, type Reader } from '../reverse/readings.ts';
import { characterClasses } from '../segment/classes.ts';
import type { Scheme } from '../schemes/registry.ts';
import type { CheckDiagnostic, CheckDocument } from './types.ts';

/** A finding's features: numbers, or a category's name (`rule`, `region`, `wordLex`…). */
export type FindingFeatures = Record<string, number | string>;

/** What the features of a work's findings are computed from. */
export interface FeatureWork {
  /** The work's documents, as checked together. */
  documents: readonly CheckDocument[];
  /** A reader of Latin spellings with the run's lexicon (the lexicon's flags of a word). */
  reader: Reader;
  /** The conventional forms, folded (the built-in list). */
  conventional: { has(fold: string): boolean };
  /** The declared scheme of the running text, if any. */
  scheme?: string | Scheme | undefined;
  /**
   * The fixes (lower case) of the findings whose features will be asked, when known: the work's
   * neighbours of words are then kept for these words only (the same features, at less cost).
   */
  fixes?: ReadonlySet<string>;
}

/** The counts of a group's spellings as a finding's note gives them: `49 × Maxim, 2 × Maksim; …` (findings.ts). */
export function groupCounts(note: string): Array<[string, number]> {
  const head = note.split(';')[0] ?? '';
  return [...head.matchAll(/(\d+) × ([^,]+)/gu)].map((m) => [m[2]!.trim(), Number(m[1])]);
}

/** The edit distance (Levenshtein) between two words. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = t;
    }
  }
  return d[b.length]!;
}

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

// Another nation named in a sentence: the checker's demonyms of nations outside the former Empire
// and Union and of its lead sentences, and other nations inside it; and what says Russia.
const foreignDemonym = new RegExp(`\\b(?:${[...data.demonyms.foreign, ...data.demonyms.lead, ...data.scoreCues.otherNations].join('|')})\\b`, 'u');
const russianCue = new RegExp(`${data.scoreCues.russian.map(escape).join('|')}|[\\u0400-\\u04ff]`, 'u');
const personFlags = LexiconFlag.given | LexiconFlag.surname | LexiconFlag.patronymic;

/** What the lexicon knows of a reading's flags (-1: the word is not read so). */
const lexStatus = (flags: number): string =>
  flags < 0 ? 'other-reading' : flags === 0 ? 'unattested' : (flags & personFlags) !== 0 ? 'person' : (flags & LexiconFlag.proper) !== 0 ? 'place' : 'word';

/**
 * A word of a document for the density of Russian names: whether it counts as a name (capitalised,
 * a capital then small letters, three letters or more, not opening a sentence or a line; or
 * Cyrillic) and whether as a Russian one (the lexicon reads it as a given name, surname or
 * patronymic, or the conventional list holds it; every Cyrillic word is).
 */
interface DocInfo {
  /** Each word's offset, and whether it is a name (1) or a Russian name (3), else 0; a name's fold. Kept in arrays of numbers, not objects: a book has a million words. */
  at: number[];
  kind: number[];
  fold: string[];
  /** Per folded word: how many of its occurrences count as names and as Russian names. */
  names: Map<string, [number, number]>;
  /** Where each word (lower case) stands as a whole word, case-insensitively. */
  occurrences: Map<string, number[]>;
  /** The places of its whole words that may be ASCII words (see `wholeWords`), indexed when first asked. */
  whole?: Map<string, number[]>;
  /** Where the line breaks and the sentence ends (`. `) stand, in order: found by halving, not by scanning (a line of a million characters). */
  newlines: number[];
  stops: number[];
  /** The document's names and Russian names, all counted. */
  totals: [number, number];
  /** What is learnt of a line (by its start), a sentence (by its bounds) and a paragraph's density (by its bounds and the words left out), kept: a word written 100,000 times on one line asks the same each time. */
  lines: Map<number, [number, number, number]>;
  sentences: Map<string, [number, number]>;
  paragraphs: Map<string, [number, number]>;
}

/**
 * What the patterns of the document's words see in a character (bits): a letter (`\p{L}`), a
 * capital (`\p{Lu}`), a mark (`\p{M}`), or one of the characters a word holds inside (’ ' -).
 * The three passes over a document's words (the names' density, the whole words, the neighbours)
 * each ran a regular expression over the whole text, with a match array for every word (about
 * 0.7 s and 200 MB on realtext): they now share one scan by character codes ({@link wordRuns}).
 */
const LETTER = 1, CAPITAL = 2, MARK = 4, INNER = 8, KNOWN = 16;
/** A code point's classes (a lone surrogate is one, of no class, as the patterns read it with the `u` flag), each found once. */
const classOf = characterClasses((cp) => {
  const ch = String.fromCodePoint(cp);
  return KNOWN | (/\p{L}/u.test(ch) ? LETTER : 0) | (/\p{Lu}/u.test(ch) ? CAPITAL : 0) | (/\p{M}/u.test(ch) ? MARK : 0) | (cp === 0x2019 || cp === 0x27 || cp === 0x2d ? INNER : 0);
});

/**
 * A document's words as `/[\p{L}\p{M}][\p{L}\p{M}’'-]*\/gu` matches them: the start and end of each,
 * in order. Every run of letters and marks lies inside one of them, and so does every match of
 * `\p{L}[\p{L}\p{M}’'-]*` (from the first letter of one of them to its end).
 */
export interface WordRuns {
  starts: Int32Array;
  ends: Int32Array;
}
export function wordRuns(text: string): WordRuns {
  let starts: Int32Array = new Int32Array(1024);
  let ends: Int32Array = new Int32Array(1024);
  let n = 0;
  let start = -1;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const c = classOf(cp);
    if (start === -1) {
      if ((c & (LETTER | MARK)) !== 0) start = i;
    } else if ((c & (LETTER | MARK | INNER)) === 0) {
      if (n === starts.length) [starts, ends] = [grow(starts), grow(ends)];
      starts[n] = start;
      ends[n++] = i;
      start = -1;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  if (start !== -1) {
    if (n === starts.length) [starts, ends] = [grow(starts), grow(ends)];
    starts[n] = start;
    ends[n++] = text.length;
  }
  return { starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}
function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(2 * a.length);
  b.set(a);
  return b;
}

/** Whether text[from, to) has a Cyrillic unit (`/[\u0400-\u04ff]/u`). */
function hasCyrillic(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const u = text.charCodeAt(k);
    if (u >= 0x400 && u <= 0x4ff) return true;
  }
  return false;
}

/** Whether text[from, to) is a capitalised word as `/^[A-Z][a-z\u00df-\u024f’'-]{2,}$/u` reads it. */
function capitalisedAt(text: string, from: number, to: number): boolean {
  if (to - from < 3) return false;
  const first = text.charCodeAt(from);
  if (first < 0x41 || first > 0x5a) return false;
  for (let k = from + 1; k < to; k++) {
    const u = text.charCodeAt(k);
    if (!((u >= 0x61 && u <= 0x7a) || (u >= 0xdf && u <= 0x24f) || u === 0x2019 || u === 0x27 || u === 0x2d)) return false;
  }
  return true;
}

/** Whether text[from, to) may be an ASCII word, case aside (see `occurrences`): letters, ſ and K only (`/^[A-Za-z\u017f\u212a]+$/u`). */
function asciiLike(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const u = text.charCodeAt(k);
    if (!((u >= 0x41 && u <= 0x5a) || (u >= 0x61 && u <= 0x7a) || u === 0x17f || u === 0x212a)) return false;
  }
  return to > from;
}

/** The places of the document's whole words (runs of letters and marks) that may be ASCII words, by the word in lower case (ſ as s, K as k). */
export function wholeWords(text: string, runs: WordRuns): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let t = 0; t < runs.starts.length; t++) {
    const end = runs.ends[t]!;
    // A word's inner characters (’ ' -) part its runs of letters and marks.
    for (let a = runs.starts[t]!; a < end; ) {
      let b = a;
      while (b < end && (classOf(text.charCodeAt(b)) & INNER) === 0) b++;
      if (asciiLike(text, a, b)) {
        let key = text.slice(a, b).toLowerCase();
        if (key.includes('\u017f')) key = key.replace(/\u017f/gu, 's');
        const places = out.get(key);
        if (places === undefined) out.set(key, [a]);
        else places.push(a);
      }
      a = b;
      while (a < end && (classOf(text.charCodeAt(a)) & INNER) !== 0) a++;
    }
  }
  return out;
}

/** The first index of a sorted array whose value is at least `v`. */
function lowerBound(a: readonly number[], v: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
/** As `text.lastIndexOf(mark, from)` over the sorted places of the mark. */
const lastAtOrBefore = (a: readonly number[], from: number): number => a[lowerBound(a, Math.max(0, from) + 1) - 1] ?? -1;
/** As `text.indexOf(mark, from)` over the sorted places of the mark. */
const firstAtOrAfter = (a: readonly number[], from: number): number => a[lowerBound(a, from)] ?? -1;

/** Names and Russian names among the words [from, to) of a document, the folds in `skip` left out. */
function density(info: DocInfo, from: number, to: number, skip: string[]): [number, number] {
  let n = 0, ru = 0;
  for (let i = Math.max(0, from); i < Math.min(info.at.length, to); i++) {
    if (info.kind[i] === 0 || skip.includes(info.fold[i]!)) continue;
    n++;
    if (info.kind[i] === 3) ru++;
  }
  return [n, ru];
}
// With no names to go by, nothing says the text is not Russian: the share is taken as 1.
const share = ([n, ru]: [number, number]): number => (n === 0 ? 1 : ru / n);

/** Whether a word is a Russian name, by reader and conventional list, kept between works (the page checks on every edit). */
const russianNames = new WeakMap<Reader, WeakMap<object, Map<string, boolean>>>();
function russianNamesOf(reader: Reader, conventional: object): Map<string, boolean> {
  let byList = russianNames.get(reader);
  if (byList === undefined) russianNames.set(reader, (byList = new WeakMap()));
  let names = byList.get(conventional);
  if (names === undefined) byList.set(conventional, (names = new Map()));
  return names;
}

/**
 * The features of a work's findings: a function of a finding (its diagnostic and the index of its
 * document in the work) that computes them, keeping what it learns of each document between calls.
 */
export function workFeatures(work: FeatureWork): (finding: { dg: CheckDiagnostic; doc: number }) => FindingFeatures {
  const { documents, reader, conventional } = work;
  const schemeId = work.scheme;
  const flagsOf = (word: string, cyrillic: string): number => reader.read(word).find((r) => r.cyrillic === cyrillic)?.flags ?? -1;
  const russianName = russianNamesOf(reader, conventional);
  const isRussianName = (word: string): boolean => {
    let v = russianName.get(word);
    if (v === undefined) {
      v = conventional.has(foldRomanized(word)) || reader.attested(word).some((r) => (r.flags & personFlags) !== 0);
      russianName.set(word, v);
    }
    return v;
  };
  // Each document's words, scanned once for the passes that read them (see `wordRuns`).
  const runs = new Map<number, WordRuns>();
  const runsOf = (doc: number): WordRuns => {
    let have = runs.get(doc);
    if (have === undefined) runs.set(doc, (have = wordRuns(documents[doc]!.text)));
    return have;
  };
  const infos = new Map<number, DocInfo>();
  const infoOf = (doc: number): DocInfo => {
    let have = infos.get(doc);
    if (have !== undefined) return have;
    const text = documents[doc]!.text;
    const at: number[] = [];
    const kind: number[] = [];
    const folds: string[] = [];
    const names = new Map<string, [number, number]>();
    const { starts, ends } = runsOf(doc);
    for (let t = 0; t < starts.length; t++) {
      const index = starts[t]!;
      const end = ends[t]!;
      const cyrillic = hasCyrillic(text, index, end);
      let name = cyrillic;
      if (!cyrillic && capitalisedAt(text, index, end)) {
        // Not at the opening of a sentence or a line (markup and quotation marks between are skipped).
        const before = text.slice(Math.max(0, index - 20), index).replace(/[\s*_#>"“‘'(\[«-]+$/u, '');
        name = before !== '' && !/[.!?:]$/u.test(before) && text.slice(Math.max(0, index - 20), index).search(/\n[\s*_#>"“‘'(\[«-]*$/u) === -1;
      }
      // The word's letters are taken out of the text only for a name: most words are none.
      const w = name ? text.slice(index, end) : '';
      const russian = name && (cyrillic || isRussianName(w));
      const fold = name ? foldRomanized(w) : '';
      at.push(index);
      kind.push(russian ? 3 : name ? 1 : 0);
      folds.push(fold);
      if (name) {
        const c = names.get(fold) ?? [0, 0];
        c[0]++;
        if (russian) c[1]++;
        names.set(fold, c);
      }
    }
    const newlines: number[] = [];
    const stops: number[] = [];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines.push(i);
    for (let i = text.indexOf('. '); i !== -1; i = text.indexOf('. ', i + 1)) stops.push(i);
    const totals: [number, number] = [0, 0];
    for (const [n, ru] of names.values()) { totals[0] += n; totals[1] += ru; }
    have = { at, kind, fold: folds, names, occurrences: new Map(), newlines, stops, totals, lines: new Map(), sentences: new Map(), paragraphs: new Map() };
    infos.set(doc, have);
    return have;
  };
  /** Where a word stands in a document as a whole word, case-insensitively. */
  const occurrences = (doc: number, word: string): number[] => {
    if (word === '') return [];
    const info = infoOf(doc);
    const key = word.toLowerCase();
    let all = info.occurrences.get(key);
    if (all === undefined) {
      const text = documents[doc]!.text;
      if (/^[A-Za-z]+$/u.test(word)) {
        // A word of ASCII letters is looked up among the document's whole words, indexed once: a
        // search of the document for each word asked cost time that grew with the findings times
        // the document's length. The places are the same: the only characters that match an
        // ASCII letter, case aside, are ASCII letters, ſ and the Kelvin sign K
        // (test/check-score.test.ts), all letters of one UTF-16 unit, so the places where the
        // word stands whole are the runs of letters and marks that are the word, case aside,
        // with ſ read as s and K as k.
        info.whole ??= wholeWords(text, runsOf(doc));
        all = info.whole.get(key) ?? [];
      } else {
        const re = new RegExp(`(?<![\\p{L}\\p{M}])${escape(word)}(?![\\p{L}\\p{M}])`, 'giu');
        all = [...text.matchAll(re)].map((m) => m.index);
      }
      info.occurrences.set(key, all);
    }
    return all;
  };
  // The work's neighbours of each word: for each lower-case word, the capitalised words that stand
  // right after it and right before it anywhere in the work (a given name's surname, a surname's
  // given name), to tell whether a fix names the same person somewhere.
  let neighbours: { after: Map<string, Set<string>>; before: Map<string, Set<string>> } | undefined;
  const neighboursOf = (): { after: Map<string, Set<string>>; before: Map<string, Set<string>> } => {
    if (neighbours !== undefined) return neighbours;
    const after = new Map<string, Set<string>>();
    const before = new Map<string, Set<string>>();
    const add = (to: Map<string, Set<string>>, w: string, other: string): void => {
      let set = to.get(w);
      if (set === undefined) to.set(w, (set = new Set()));
      set.add(other.toLowerCase());
    };
    // Whether nothing but white space stands between two words.
    const spaced = (text: string, from: number, to: number): boolean => /^\s+$/u.test(text.slice(from, to));
    for (const [doc, d] of documents.entries()) {
      // One pass over the words, each against the one before it: no list of a book's words.
      let prev = '';
      let prevCapital = false;
      let prevEnd = 0;
      // The word before, in lower case, when its neighbours are kept.
      let kept: string | undefined;
      const text = d.text;
      const { starts, ends } = runsOf(doc);
      for (let t = 0; t < starts.length; t++) {
        // The words of `\p{L}[\p{L}\p{M}’'-]*`: each of the document's words from its first letter.
        const end = ends[t]!;
        let index = starts[t]!;
        let c = 0;
        for (; index < end; index += text.codePointAt(index)! > 0xffff ? 2 : 1) if (((c = classOf(text.codePointAt(index)!)) & LETTER) !== 0) break;
        if (index === end) continue;
        const capital = (c & CAPITAL) !== 0;
        const w = text.slice(index, end);
        if (kept !== undefined && capital && spaced(text, prevEnd, index)) add(after, kept, w);
        kept = w.toLowerCase();
        if (work.fixes !== undefined && !work.fixes.has(kept)) kept = undefined;
        else if (prev !== '' && prevCapital && spaced(text, prevEnd, index)) add(before, kept, prev);
        prev = w;
        prevCapital = capital;
        prevEnd = end;
      }
    }
    neighbours = { after, before };
    return neighbours;
  };

  return ({ dg, doc: di }) => {
    const word = dg.actual;
    const suggestion = dg.expected[0] ?? '';
    const cyrillic = String(dg.data?.['cyrillic'] ?? '');
    const file = documents[di]!.file ?? '';
    const group = groupCounts(dg.note ?? '');
    const fw = foldRomanized(word);
    const fs = foldRomanized(suggestion);
    const countOf = (fold: string): number => group.filter(([s]) => foldRomanized(s) === fold).reduce((a, [, n]) => a + n, 0);
    const wc = countOf(fw);
    const sc = countOf(fs);
    const total = group.reduce((a, [, n]) => a + n, 0);
    const max = Math.max(0, ...group.map(([, n]) => n));
    const f: FindingFeatures = {};
    f.scheme = schemeId === undefined ? 'none' : 'scheme';
    f.rule = dg.ruleId.replace('check/', '');
    f.confidence = dg.confidence;
    f.certain = dg.confidence >= 0.9 ? 1 : 0;
    f.spellings = group.length;
    f.wordCount = wc;
    f.fixCount = sc;
    f.total = total;
    f.share = total === 0 ? 0 : wc / total;
    f.fixShare = total === 0 ? 0 : sc / total;
    f.ratio = wc === 0 ? 0 : sc / wc;
    f.fixInText = sc > 0 ? 1 : 0;
    f.fixMajority = sc > 0 && sc === max ? 1 : 0;
    f.wordMajority = wc > 0 && wc === max ? 1 : 0;
    f.bothMany = Math.min(wc, sc);
    f.fixConventional = conventional.has(fs) ? 1 : 0;
    f.wordConventional = conventional.has(fw) ? 1 : 0;
    f.fixScheme = schemeId !== undefined && cyrillic !== '' && foldRomanized(romanize(cyrillic, { scheme: schemeId })) === fs ? 1 : 0;
    f.capital = /^\p{Lu}/u.test(word) ? 1 : 0;
    f.upper = word.length > 1 && word === word.toUpperCase() ? 1 : 0;
    f.distance = distance(fw, fs);
    // The fix only adds a soft or hard sign's mark (an apostrophe) the spelling leaves out: Rus → Rus’.
    f.fixAddsMark = !/['’ʹʺʼ"]/u.test(word) && suggestion.replace(/['’ʹʺʼ"]/gu, '') === word ? 1 : 0;
    f.lengthDiff = Math.abs(fw.length - fs.length);
    f.wordLex = cyrillic === '' ? 'none' : lexStatus(flagsOf(word, cyrillic));
    f.fixLex = cyrillic === '' ? 'none' : lexStatus(flagsOf(suggestion, cyrillic));
    f.groupLex = cyrillic === '' ? 'none' : lexStatus(Math.max(...[word, suggestion, ...group.map(([s]) => s)].map((w) => flagsOf(w, cyrillic))));
    // The lexicon's flags of the group's word, how many schemes write the spelling and the fix
    // from it, whether the spelling stands in the file's name (an article's subject).
    f.groupFlags = cyrillic === '' ? 0 : Math.max(0, ...[word, suggestion].map((w) => flagsOf(w, cyrillic)));
    const schemesOf = (w: string): number => reader.read(w).find((r) => r.cyrillic === cyrillic)?.schemes.length ?? 0;
    f.wordSchemes = schemesOf(word);
    f.fixSchemes = schemesOf(suggestion);
    f.inFileName = foldRomanized(file).split(/[^\p{L}']+/u).includes(fw) ? 1 : 0;
    const d = documents[di]!;
    const text = d.text;
    const o = dg.place.start.offset;
    const region = d.regions?.find((x) => x.start <= o && o < x.end);
    f.region = region === undefined ? 'none' : `${region.kind}${region.quoted === true ? '-quoted' : ''}`;
    const before = text.slice(Math.max(0, o - 40), o);
    const after = text.slice(o + word.length, o + word.length + 40);
    const prev = /([\p{L}’'-]+\.?)\s+$/u.exec(before)?.[1] ?? '';
    f.afterInitial = /^\p{Lu}\.$/u.test(prev) ? 1 : 0;
    f.afterGiven = /^\p{Lu}/u.test(prev) && reader.attested(prev.replace(/\.$/u, '')).some((r) => (r.flags & LexiconFlag.given) !== 0) ? 1 : 0;
    f.beforeCapital = /^\s+\p{Lu}\p{Ll}/u.test(after) ? 1 : 0;
    // Inside quotation marks: more curly or guillemet openers than closers, or an odd number of straight ones.
    f.inQuotes = (before.match(/[“«]/gu)?.length ?? 0) > (before.match(/[”»]/gu)?.length ?? 0) || (before.match(/"/gu)?.length ?? 0) % 2 === 1 ? 1 : 0;
    f.inParens = before.lastIndexOf('(') > before.lastIndexOf(')') ? 1 : 0;
    // Whether the fix stands in the same document, and how far (in characters) its nearest
    // occurrence is: a slip tends to sit beside the right spelling.
    const fixAt = occurrences(di, suggestion);
    // The nearest of the sorted places: the one at or after the finding, or the one before.
    const k = lowerBound(fixAt, o);
    const near = fixAt.length === 0 ? undefined : Math.min(k < fixAt.length ? fixAt[k]! - o : Infinity, k > 0 ? o - fixAt[k - 1]! : Infinity);
    f.fixInDoc = near === undefined ? 0 : 1;
    f.fixNear = near === undefined ? 1e9 : near;
    const wordAt = occurrences(di, word);
    f.wordInDoc = wordAt.length;
    f.offset = o;
    f.fixCountInDoc = fixAt.length;
    // The line it stands on: a list item (a reference list, a filmography, a list of births),
    // in italics (a title), after "by" (a byline), a line of a reference (a year, "Retrieved", pp.).
    const tk = infoOf(di);
    const lineStart = lastAtOrBefore(tk.newlines, o - 1) + 1;
    const lineEndAt = firstAtOrAfter(tk.newlines, o);
    let line = tk.lines.get(lineStart);
    if (line === undefined) {
      const lineText = text.slice(lineStart, lineEndAt === -1 ? text.length : lineEndAt);
      line = [
        /^\s*(?:[-*•]|\d+[.)]|\[\d+\])\s/u.test(lineText) ? 1 : 0,
        /Retrieved|\bpp?\.\s*\d|\b(?:1[89]|20)\d\d\b.*\b(?:Press|Publishing|University|Verlag|ed\.|eds\.)|ISBN|https?:/u.test(lineText) ? 1 : 0,
        lineText.length,
      ];
      tk.lines.set(lineStart, line);
    }
    f.listItem = line[0];
    f.emphasis = (d.emphasis ?? []).some(([a, b]) => a <= o && o < b) ? 1 : 0;
    f.afterBy = /\bby\s+(?:\p{Lu}[\p{L}.’'-]*\s+){0,2}$/u.test(before) ? 1 : 0;
    f.reference = line[1];
    f.lineLength = line[2];
    const sentenceStart = Math.max(lastAtOrBefore(tk.stops, o), lineStart);
    const sentEnd = firstAtOrAfter(tk.stops, o);
    const sentenceEnd = sentEnd === -1 || (lineEndAt !== -1 && sentEnd > lineEndAt) ? (lineEndAt === -1 ? text.length : lineEndAt) : sentEnd;
    let sentence = tk.sentences.get(`${sentenceStart}:${sentenceEnd}`);
    if (sentence === undefined) {
      const words = text.slice(sentenceStart, sentenceEnd);
      sentence = [foreignDemonym.test(words) ? 1 : 0, russianCue.test(words) ? 1 : 0];
      tk.sentences.set(`${sentenceStart}:${sentenceEnd}`, sentence);
    }
    f.foreignDemonym = sentence[0];
    // Whether the fix stands anywhere in the work beside the capitalised word that stands right
    // after (or before) this occurrence: the same person's name written the fix's way.
    const nb = neighboursOf();
    const nextWord = /^\s+(\p{Lu}[\p{L}\p{M}’'-]*)/u.exec(after)?.[1]?.toLowerCase();
    const prevWord = /(\p{Lu}[\p{L}\p{M}’'-]*)\s+$/u.exec(before)?.[1]?.toLowerCase();
    const fixLower = suggestion.toLowerCase();
    f.hasNext = nextWord === undefined ? 0 : 1;
    f.hasPrev = prevWord === undefined ? 0 : 1;
    f.fixSameNext = nextWord !== undefined && nb.after.get(fixLower)?.has(nextWord) === true ? 1 : 0;
    f.fixSamePrev = prevWord !== undefined && nb.before.get(fixLower)?.has(prevWord) === true ? 1 : 0;
    f.russianCue = sentence[1];
    // A person's own form: the document writes the word only so (no other spelling of its group
    // there), and where it first stands (in the lead: the subject).
    f.docOnly = group.every(([sp]) => foldRomanized(sp) === fw || occurrences(di, sp).length === 0) ? 1 : 0;
    f.docOnlyCount = f.docOnly === 1 ? f.wordInDoc : 0;
    f.firstAt = wordAt[0] ?? 1e9;
    // How Russian the surrounding text is: the share of Russian names among the names of the
    // document, the paragraph and a window of 50 words each side, the finding's own spelling and
    // its fix left out (they are Russian by construction); the document's Russian names (per 1000
    // words) and its length in words.
    const skip = [fw, fs];
    let [docNames, docRu] = tk.totals;
    for (const fold of new Set(skip)) {
      const [n, ru] = tk.names.get(fold) ?? [0, 0];
      docNames -= n;
      docRu -= ru;
    }
    const words = tk.at.length;
    f.docShare = share([docNames, docRu]);
    f.docRu = docRu;
    f.docWords = words;
    f.docRuPer1000 = words === 0 ? 0 : (1000 * docRu) / words;
    const ti = lowerBound(tk.at, o);
    f.winShare = share(density(tk, ti - 50, ti + 51, skip));
    // The paragraph: the finding's line when it is longer than 120 characters, otherwise the run of
    // non-blank lines of at most 120 characters around it (a wrapped paragraph).
    const lineOf = (at: number): [number, number] => { const a = lastAtOrBefore(tk.newlines, at - 1) + 1; const e = firstAtOrAfter(tk.newlines, at); return [a, e === -1 ? text.length : e]; };
    let [pa, pe] = lineOf(o);
    if (pe - pa <= 120) {
      for (let [a, e] = lineOf(pa - 1); pa > 0 && e - a <= 120 && text.slice(a, e).trim() !== ''; [a, e] = lineOf(a - 1)) { pa = a; if (a === 0) break; }
      for (let [a, e] = lineOf(pe + 1); pe < text.length && e - a <= 120 && text.slice(a, e).trim() !== ''; [a, e] = lineOf(e + 1)) { pe = e; if (e >= text.length) break; }
    }
    const firstTok = lowerBound(tk.at, pa);
    const paraKey = `${pa}:${pe}:${fw}\u0000${fs}`;
    let para = tk.paragraphs.get(paraKey);
    if (para === undefined) {
      para = firstTok === tk.at.length ? [0, 0] : density(tk, firstTok, Math.max(firstTok, lowerBound(tk.at, pe)), skip);
      tk.paragraphs.set(paraKey, para);
    }
    f.paraShare = share(para);
    f.paraNames = para[0];
    // The spelling is a name the lexicon knows (any reading a given name, surname or patronymic) or a conventional form.
    f.spellingName = isRussianName(word) ? 1 : 0;
    return f;
  };
}
