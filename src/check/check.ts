// The manuscript checker: finds romanized Russian words in English prose, groups the spellings
// of one Russian word by their Cyrillic readings, and reports minority spellings, spellings the
// house scheme cannot produce, and words mixing Latin and Cyrillic letters. docs/check.md.
import { lineIndex, type LineIndex } from '../diagnostics/place.ts';
import type { Point } from '../diagnostics/types.ts';
import { schemeIdForLanguage } from '../engine/lang.ts';
import { resolveScheme } from '../engine/resolve.ts';
import { romanize } from '../engine/romanize.ts';
import { LexiconFlag } from '../reverse/lexicon.ts';
import { createReader, foldRomanized, type Reader, type ReaderScheme, type Reading } from '../reverse/readings.ts';
import { getLanguage } from '../schemes/registry.ts';
import { tokenizeWords, type WordToken } from '../segment/index.ts';
import { confidenceLabel, parseConfidence } from './confidence.ts';
import { conventionalForms, fullNames, inFullName } from './conventional.ts';
import proseData from './data/prose-schemes.json' with { type: 'json' };
import { englishLists } from './english.ts';
import { fallbackKey, fallbackKeys, isEnglishFormation } from './fallback.ts';
import { adjectiveForm, foreignContext, foreignNames, listedVariants } from './foreign.ts';
import type { CheckDiagnostic as Diagnostic, CheckDocument, CheckOptions, CheckRegion } from './types.ts';

const proseSchemes: readonly string[] = proseData.schemes;
/** The letters the schemes of English prose write (built on first use). */
let proseLetters: ReadonlySet<string> | undefined;

/** Lexicon flags of names: a reading with one of them is a known name. */
const NAME_FLAGS = LexiconFlag.given | LexiconFlag.surname | LexiconFlag.patronymic | LexiconFlag.proper;
/** Letter-model score per Cyrillic letter above which an unattested reading is a plausible Russian word or name. */
const PLAUSIBLE_PER_LETTER = -1.75;
/** Unattested readings this close to the best one are readings of the word too. */
const NEAR_SLACK = 1.5;
/** Attested readings this close to the best attested one are readings of the word too. */
const ATTESTED_SLACK = 2.5;
/** What a capitalised common word alone among English words keeps of its confidence (see `russianNeighbour`). */
const LONE_COMMON = 0.6;

/** Whether a spelling can carry a group: a real word, a conventional form, a capitalised plausible name. */
function anchor(s: Spelling): boolean {
  if (s.info.english === true) return false;
  return s.info.kind === 'attested' || s.info.kind === 'conventional' || (s.info.kind === 'plausible' && /^\p{Lu}/u.test(s.display) && s.info.fold.length >= 5);
}

/** Whether an unattested reading is a plausible Russian word by its letters. */
function plausible(r: Reading): boolean {
  return r.score / [...r.cyrillic].length >= PLAUSIBLE_PER_LETTER;
}

/** The target spelling in the case pattern of the word it replaces. */
function matchCase(target: string, like: string): string {
  if (like.length > 1 && like === like.toUpperCase() && like !== like.toLowerCase()) return target.toUpperCase();
  const first = like[0]!;
  if (first !== first.toLowerCase()) return target.charAt(0).toUpperCase() + target.slice(1);
  return target.toLowerCase();
}

/** Whether a Latin word is a candidate at all, by its form. */
function wordShapeOk(word: string): boolean {
  // The longest Russian words romanize to about 50 letters; a longer token (an identifier, a
  // base64 run) is not a romanized word, and reading it would cost time superlinear in its length.
  if (word.length < 3 || word.length > 100) return false;
  const upper = word.toUpperCase() === word;
  // Acronyms (NKVD, USSR) and words with inner capitals (TsK, VTsIK) are not checked.
  if (upper && word.length <= 5) return false;
  if (!upper && /\p{Lu}/u.test(word.slice(1))) return false;
  return true;
}

const APOSTROPHE = /['’]$/u;
/** A full stop and a lower-case letter glued after a word, or a lower-case letter and a full stop before it. */
const DOTTED_AFTER = /^\.\p{Ll}/u;
const DOTTED_BEFORE = /\p{Ll}\.$/u;
/** The combining acute accent, and a letter carrying it (a stress mark in romanized Russian). */
const ACUTE = '\u0301';
const STRESSED = /\p{L}\u0301/gu;

/**
 * A final apostrophe that is English punctuation, not a soft sign: a possessive after -s
 * (Nicholas’, the Romanovs’), or the close of a single quotation opened before the word on its line.
 */
function englishApostrophe(text: string, token: WordToken): boolean {
  const word = token.text;
  if (!APOSTROPHE.test(word)) return false;
  if (/s['’]$/u.test(word) && word.length >= 6) return true;
  const quote = word[word.length - 1]!;
  // Two marks in a row close a quotation (Trotsky'').
  if (text[token.end] === quote) return true;
  return quoteOpen(text, token.start, quote);
}

/** Whether a quotation opened with this mark before a place on its line is not yet closed there. */
function quoteOpen(text: string, at: number, quote: string): boolean {
  const lineStart = text.lastIndexOf('\n', at) + 1;
  // An opening quote: the same mark after white space or an opening bracket, not yet closed.
  let open = false;
  for (let i = lineStart; i < at; i++) {
    if (text[i] !== quote) continue;
    const before = i === lineStart ? ' ' : text[i - 1]!;
    const after = text[i + 1] ?? ' ';
    if (/[\s([{"“]/u.test(before) && /\p{L}/u.test(after)) open = true;
    else if (/\p{L}/u.test(before) && !/\p{L}/u.test(after)) open = false;
  }
  return open;
}

/**
 * Where a straight double quote inside a word closes a quotation opened before the word on its
 * line ("Cult of Lenin"a cult…: a missing space, not a hard sign): the length of the word before
 * it, or -1.
 */
function closingQuoteInside(text: string, token: WordToken): number {
  const q = token.text.indexOf('"');
  return q > 0 && quoteOpen(text, token.start, '"') ? q : -1;
}

/** Mixed-script words: look-alike letters of the minority script replaced by their twins, if all have one (also used by src/marc). */
export function mixedScriptFix(word: string): { expected?: string; cyrillicMajority: boolean } {
  const glyphs = getLanguage('ru').homoglyphs ?? {};
  const toLatin = new Map(Object.entries(glyphs).map(([lat, cyr]) => [cyr, lat]));
  let cyr = 0;
  let lat = 0;
  for (const ch of word) {
    if (/\p{Script=Cyrillic}/u.test(ch)) cyr++;
    else if (/\p{Script=Latin}/u.test(ch)) lat++;
  }
  const cyrillicMajority = cyr >= lat;
  let out = '';
  for (const ch of word) {
    const isLatin = /\p{Script=Latin}/u.test(ch);
    const isCyr = /\p{Script=Cyrillic}/u.test(ch);
    if (cyrillicMajority && isLatin) {
      const twin = (glyphs as Record<string, string>)[ch];
      if (twin === undefined) return { cyrillicMajority };
      out += twin;
    } else if (!cyrillicMajority && isCyr) {
      const twin = toLatin.get(ch);
      if (twin === undefined) return { cyrillicMajority };
      out += twin;
    } else out += ch;
  }
  return { expected: out, cyrillicMajority };
}

/** How a spelling was recognised as romanized Russian. */
type Kind = 'attested' | 'plausible' | 'conventional' | 'loose';

/** What the checker knows about one written form (cached per run). */
interface FormInfo {
  fold: string;
  kind: Kind;
  /** Readings that count as this spelling's word (attested ones, or the near unattested ones). */
  near: string[];
  /** The Cyrillic word the conventional list names for this form. */
  conventional?: string;
  /** An English proper noun read as a Russian name: grouped, never reported, no anchor. */
  english?: boolean;
  readings: readonly Reading[];
}

interface Occurrence {
  doc: number;
  start: number;
  end: number;
  text: string;
  /** First letters (by fallback key) of the one or two capitalised words before it: a name's given name and patronymic or initials. */
  names: string[];
  /** Whether a real Russian word stands beside it (see `russianNeighbour`). */
  russianNeighbour: boolean;
  /** Whether it stands in a person's established full name (Grigori Rasputin): never a scheme mismatch. */
  established: boolean;
}

/** One spelling in one domain (text or notes), with its occurrences. */
interface Spelling {
  key: string;
  domain: 'text' | 'notes';
  info: FormInfo;
  /** The spelling as written most often (set once the text is read). */
  display: string;
  written: Map<string, number>;
  occurrences: Occurrence[];
}

/** How a spelling came to its group, weakest last: it decides part of the confidence. */
type Link = 'reading' | 'near' | 'fallback' | 'alternative';

/** The reader for a lexicon and a scheme list, kept between runs (the page checks on every edit). */
const readers = new WeakMap<object, Map<string, Reader>>();
const noLexicon = {};

function readerFor(options: CheckOptions, extra: ReaderScheme[]): Reader {
  const byLexicon = readers.get(options.lexicon ?? noLexicon) ?? new Map<string, Reader>();
  readers.set(options.lexicon ?? noLexicon, byLexicon);
  const key = JSON.stringify(extra.map((s) => [typeof s.scheme === 'string' ? s.scheme : s.scheme.id, s.options ?? {}]));
  let reader = byLexicon.get(key);
  if (reader === undefined) {
    const base = createReader({}).schemes;
    reader = createReader({ schemes: [...base, ...extra], ...(options.lexicon === undefined ? {} : { lexicon: options.lexicon }) });
    if (byLexicon.size > 8) byLexicon.clear();
    byLexicon.set(key, reader);
  }
  return reader;
}

/** The house and notes schemes, read in `lang` when it is given (docs/languages.md). */
function schemesInLanguage(options: CheckOptions): { text: string | undefined; notes: string | undefined } {
  const text = options.lang === undefined ? options.scheme : schemeIdForLanguage(options.scheme, options.lang);
  const notes = options.notesScheme === undefined ? text : options.lang === undefined ? options.notesScheme : schemeIdForLanguage(options.notesScheme, options.lang);
  return { text, notes };
}

/**
 * Checks several documents as one work (a book split into chapter files): the spellings of a
 * word are counted across all of them. See {@link checkText}.
 *
 * @param documents The documents, each with its text, optional regions and file name.
 * @param options House scheme, notes scheme, lexicon, allow, conventional and ignore lists.
 * @returns Diagnostics, by document then position.
 * @example
 * import { checkDocuments } from 'latinitsa';
 * const chapters = [{ file: 'ch1.md', text: 'Zinoviev and Kamenev. Zinoviev again.' }, { file: 'ch2.md', text: 'Later Zinovyev fell.' }];
 * checkDocuments(chapters).map((d) => `${d.file}:${d.place.start.line}:${d.place.start.column} ${d.actual} -> ${d.expected[0]}`);
 * //=> ['ch2.md:1:7 Zinovyev -> Zinoviev']
 */
export function checkDocuments(documents: readonly CheckDocument[], options: CheckOptions = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const docOf = new Map<Diagnostic, number>();
  const { common, names } = englishLists();
  const extraEnglish = new Set([...(options.englishWords ?? [])].map((w) => foldRomanized(w)));
  const ignore = new Set((options.ignore ?? []).map((w) => foldRomanized(w)));
  const allow = new Set((options.allow ?? []).map((w) => foldRomanized(w)));
  const conventional = new Map(options.builtInConventional === false ? [] : conventionalForms());
  for (const [form, cyrillic] of Object.entries(options.conventional ?? {})) conventional.set(foldRomanized(form), { cyrillic: cyrillic.toLowerCase(), capitalised: form[0] !== form[0]!.toLowerCase() });
  // Full names (Grigori Rasputin): where their words stand together, the scheme accepts them as written.
  const established = fullNames(conventional.keys());
  const schemes = schemesInLanguage(options);
  const schemeOptions = { text: options.schemeOptions ?? {}, notes: (options.notesScheme === undefined ? options.schemeOptions : options.notesSchemeOptions) ?? {} };
  // Each domain's scheme and options are resolved (and checked) once, before any work.
  const resolved = {
    text: resolveScheme({ ...schemeOptions.text, scheme: schemes.text }).scheme,
    notes: resolveScheme({ ...schemeOptions.notes, scheme: schemes.notes }).scheme,
  };
  const minConfidence = parseConfidence(options.minConfidence ?? 0);
  // The declared schemes are read with their options, as schemes of their own.
  const extra: ReaderScheme[] = [];
  const declared = { text: -1, notes: -1 };
  const base = createReader({}).schemes;
  for (const domain of ['text', 'notes'] as const) {
    const id = schemes[domain];
    if (id === undefined) continue;
    if (Object.keys(schemeOptions[domain]).length === 0 && base.includes(id)) declared[domain] = base.indexOf(id);
    else {
      extra.push({ scheme: id, options: schemeOptions[domain] });
      declared[domain] = base.length + extra.length - 1;
    }
  }
  const reader = readerFor(options, extra);
  const letterOnly = options.lexicon === undefined;
  proseLetters ??= createReader({ schemes: proseSchemes }).letters;
  const foreignLetters = proseLetters;
  // Schemes English prose is written in; the others (GOST, ISO 9, map and messenger styles)
  // only widen the readings. The declared schemes count as prose.
  const prose = new Set(reader.schemes.map((id, i) => (proseSchemes.includes(id) ? i : -1)).filter((i) => i >= 0));
  for (const i of Object.values(declared)) if (i >= 0) prose.add(i);
  const separateNotes = options.notesScheme !== undefined;
  const lines = documents.map((d) => lineIndex(d.text));

  const roman = (cyrillic: string, domain: 'text' | 'notes'): string => foldRomanized(romanize(cyrillic, { ...schemeOptions[domain], scheme: resolved[domain] }));

  // 1. What each written form is: English, not a word, or a spelling of a Russian word.
  const forms = new Map<string, FormInfo | null>();
  const classify = (written: string): FormInfo | null => {
    let info = forms.get(written);
    if (info !== undefined) return info;
    info = null;
    const fold = foldRomanized(written);
    if (wordShapeOk(written) && !ignore.has(fold)) {
      const conv = conventional.get(fold);
      // A capitalised conventional form is a name: the common word spelt alike is not (archangel).
      if (conv !== undefined && (!conv.capitalised || written[0] !== written[0]!.toLowerCase())) {
        info = { fold, kind: 'conventional', near: [conv.cyrillic], conventional: conv.cyrillic, readings: [] };
      } else if ((!englishWord(fold) || allow.has(fold) || englishName(fold)) && [...fold].every((ch) => reader.letters.has(ch))) {
        // Letters no scheme writes (w, q, ö, ł…) make a word not romanized Russian.
        const readings = reader.read(written);
        // A reading is attested when a scheme of English prose writes it and the lexicon knows it:
        // a capitalised spelling as a name or place (not Lem as льем, a verb form), a lower-case
        // one as any word.
        const capitalised = written[0] !== written[0]!.toLowerCase();
        let attested = readings.filter((r) => r.flags !== 0 && r.schemes.some((i) => prose.has(i)));
        const personal = LexiconFlag.given | LexiconFlag.surname | LexiconFlag.patronymic;
        if (capitalised && attested.some((r) => (r.flags & personal) !== 0)) attested = attested.filter((r) => (r.flags & personal) !== 0);
        const best = readings[0];
        // Without a lexicon (a page without word lists), the plausible readings stand in for the
        // attested ones: weaker, but the checker still works.
        if (letterOnly && best !== undefined && plausible(best) && best.schemes.some((i) => prose.has(i))) {
          attested = readings.filter((r) => r.score >= best.score - NEAR_SLACK && r.schemes.some((i) => prose.has(i))).slice(0, 1);
        }
        // Attested readings near the best attested one: a name read in the nominative
        // (Grigorii: григорий, not the case form григории), both forms of a common noun (istorii).
        if (attested.length > 0) info = { fold, kind: 'attested', near: attested.filter((r) => r.score >= attested[0]!.score - ATTESTED_SLACK).map((r) => r.cyrillic), readings };
        else if (best !== undefined && plausible(best) && best.schemes.some((i) => prose.has(i))) {
          info = { fold, kind: 'plausible', near: readings.filter((r) => r.score >= best.score - NEAR_SLACK).map((r) => r.cyrillic), readings };
        } else if (fold.length >= 4 && /^\p{L}/u.test(fold)) info = { fold, kind: 'loose', near: [], readings };
        if (info !== null && allow.has(fold)) info = { ...info, kind: 'conventional', conventional: info.near[0] ?? fold };
        // An English proper noun that reads as a Russian name (Dmitri, Sergei, Kerensky in the
        // English dictionaries) joins the group of its word, but is never reported itself and
        // carries no group alone (Sydney and Sidney are not Russian).
        else if (info !== null && englishName(fold)) info = info.kind === 'attested' ? { ...info, english: true } : null;
      }
    }
    forms.set(written, info);
    return info;
  };
  function englishName(fold: string): boolean {
    return names.has(fold) && !common.has(fold) && !extraEnglish.has(fold);
  }
  function englishWord(fold: string): boolean {
    if (common.has(fold) || names.has(fold) || extraEnglish.has(fold)) return true;
    // English with French accents (émigrés, détente, protégé) and English formations on
    // Russian names (Trotskyist, Leninism).
    const plain = fold.normalize('NFD').replace(/\p{M}/gu, '');
    if (plain !== fold && (common.has(plain) || names.has(plain))) return true;
    if (isEnglishFormation(fold)) return true;
    // Contractions the tokenizer left whole (o’clock, ma’am).
    if (/'/u.test(fold) && common.has(fold.replace(/'/gu, ''))) return true;
    return false;
  }

  const givenCache = new Map<string, boolean>();
  const isGiven = (word: string): boolean => {
    let known = givenCache.get(word);
    if (known === undefined) {
      known = reader.read(word).some((r) => (r.flags & (LexiconFlag.given | LexiconFlag.patronymic)) !== 0);
      givenCache.set(word, known);
    }
    return known;
  };

  // Whether a word stands beside a Russian word: one of the two words on either side, on the same
  // line and joined by spaces or hyphens only, is a real Russian word (a title: Novyi Mir,
  // Kino-Nedelia; a place: Delovoi Tsentr).
  const russianNeighbour = (text: string, tokens: readonly WordToken[], i: number): boolean => {
    for (const k of [i - 1, i + 1, i - 2, i + 2]) {
      const t = tokens[k];
      if (t === undefined || t.script !== 'latin') continue;
      const gap = k < i ? text.slice(t.end, tokens[i]!.start) : text.slice(tokens[i]!.end, t.start);
      if (!/^[ \-‐–]+$/u.test(gap) && !(Math.abs(k - i) === 2 && /^[ \-‐–]+\p{L}+[ \-‐–]+$/u.test(gap))) continue;
      const info = classify(t.text);
      if (info !== null && info.english !== true && (info.kind === 'attested' || info.kind === 'conventional')) return true;
    }
    return false;
  };

  // A stress mark (an acute accent on a letter, sovét, Bésy) that no scheme of English prose
  // writes is left out before the word is read: the word is the unaccented one. English words with
  // accents (émigré) stay as they are.
  const stressFree = (word: string): string => {
    const split = word.normalize('NFD');
    if (!split.includes(ACUTE) || englishWord(foldRomanized(word))) return word;
    return split.replace(STRESSED, (m) => (foreignLetters.has(m.normalize('NFC').toLowerCase()) ? m : m[0]!)).normalize('NFC');
  };

  // 2. The spellings of the documents, by domain.
  const spellings = new Map<string, Spelling>();
  documents.forEach((doc, d) => {
    const regions: readonly CheckRegion[] = doc.regions ?? [{ start: 0, end: doc.text.length, kind: 'text' }];
    const tokenized = regions.map((region) => tokenizeWords(doc.text.slice(region.start, region.end), { offset: region.start }));
    // A cue ("né", "also") may stand in another region than its word (_né_ ALEXEIEV: emphasis
    // marks end a region): cues are looked for in the words of the whole document.
    const listed = listedVariants(tokenized.flat());
    let base = 0;
    for (const [r, region] of regions.entries()) {
      const tokens = tokenized[r]!;
      const before = base;
      base += tokens.length;
      const foreign = foreignContext(doc.text, tokens);
      const foreignName = foreignNames(doc.text, tokens, foreignLetters);
      const named = inFullName(doc.text, tokens, established, foldRomanized);
      tokens.forEach((token, t) => {
        if (token.script === 'mixed') {
          const dg = mixedDiagnostic(doc, token, lines[d]!);
          docOf.set(dg, d);
          diagnostics.push(dg);
          return;
        }
        if (token.script !== 'latin' || foreign[t] || foreignName[t] || listed[before + t]) return;
        // A part of a domain or file name (melnikoff.com, www.pravda.ru): a full stop and a lower-case
        // letter glued to the word.
        if (DOTTED_AFTER.test(doc.text.slice(token.end, token.end + 2)) || DOTTED_BEFORE.test(doc.text.slice(Math.max(0, token.start - 2), token.start))) return;
        let text = token.text;
        let end = token.end;
        // The tokenizer cuts English clitics; -’d after a word that is not English is a soft sign
        // and д (Meierkhol’d), not "would".
        if (/^['’]d(?!\p{L})/u.test(doc.text.slice(end, end + 3)) && !englishWord(foldRomanized(text))) {
          text = doc.text.slice(token.start, end + 2);
          end += 2;
        }
        const closing = closingQuoteInside(doc.text, token);
        if (closing > 0) {
          text = text.slice(0, closing);
          end = token.start + closing;
        }
        if (englishApostrophe(doc.text, token)) {
          text = text.slice(0, -1);
          end--;
        }
        const info = classify(stressFree(text));
        if (info === null) return;
        const domain = separateNotes ? region.kind : 'text';
        const key = `${domain}\u0000${info.fold}`;
        let s = spellings.get(key);
        if (s === undefined) spellings.set(key, (s = { key, domain, info, display: text, written: new Map(), occurrences: [] }));
        s.occurrences.push({ doc: d, start: token.start, end, text, names: givenNames(doc.text, tokens, t, isGiven), russianNeighbour: russianNeighbour(doc.text, tokens, t), established: named[t]! });
        s.written.set(text, (s.written.get(text) ?? 0) + 1);
      });
    }
  });

  // 3. Groups: spellings that share a reading of their word, per domain.
  const all = [...spellings.values()];
  for (const s of all) s.display = [...s.written].sort((a, b) => b[1] - a[1] || allCaps(a[0]) - allCaps(b[0]))[0]![0];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const byReading = new Map<string, number[]>();
  all.forEach((s, i) => {
    if (s.info.kind === 'loose') return;
    for (const c of s.info.near) {
      const k = `${s.domain}\u0000${c}`;
      const list = byReading.get(k) ?? [];
      list.push(i);
      byReading.set(k, list);
    }
  });
  const linkable = (a: Spelling, b: Spelling, cyrillic: string): boolean => {
    // Spellings of two attested words are one word when the shared reading is a name of both, or
    // when they are read exactly alike (istorii is истории or историй; istory only историй).
    if (letterOnly && a.info.kind === 'attested' && b.info.kind === 'attested') return a.info.near[0] === cyrillic && b.info.near[0] === cyrillic;
    if (a.info.kind === 'attested' && b.info.kind === 'attested') {
      const fa = a.info.readings.find((r) => r.cyrillic === cyrillic)?.flags ?? 0;
      const fb = b.info.readings.find((r) => r.cyrillic === cyrillic)?.flags ?? 0;
      if ((fa & NAME_FLAGS) !== 0 && (fb & NAME_FLAGS) !== 0) return true;
      return a.info.near.length === b.info.near.length && a.info.near.every((c) => b.info.near.includes(c));
    }
    // An unattested spelling joins by its best reading.
    if (a.info.kind === 'plausible' && a.info.near[0] !== cyrillic) return false;
    if (b.info.kind === 'plausible' && b.info.near[0] !== cyrillic) return false;
    return true;
  };
  for (const [k, list] of byReading) {
    const cyrillic = k.slice(k.indexOf('\u0000') + 1);
    for (let x = 1; x < list.length; x++) {
      for (let y = 0; y < x; y++) {
        const a = list[x]!;
        const b = list[y]!;
        if (find(a) !== find(b) && linkable(all[a]!, all[b]!, cyrillic)) parent[find(a)] = find(b);
      }
    }
  }
  const members = new Map<number, number[]>();
  all.forEach((s, i) => {
    if (s.info.kind === 'loose') return;
    const r = find(i);
    const list = members.get(r) ?? [];
    list.push(i);
    members.set(r, list);
  });

  interface Group {
    domain: 'text' | 'notes';
    cyrillic: string;
    spellings: Array<{ s: Spelling; link: Link }>;
  }
  const groups: Group[] = [];
  const count = (s: Spelling): number => s.occurrences.length;
  // A group stands on a real word (attested, conventional) or on a capitalised name nobody
  // attests but whose letters read as Russian (Kosior, Kaganovich: the lexicon lacks many surnames).
  const anchored = (i: number): boolean => anchor(all[i]!);
  const joiners: Spelling[] = all.filter((s) => s.info.kind === 'loose');
  for (const list of members.values()) {
    // Spellings of words nobody attests join a group of a real word by their fallback key, if any;
    // so does a lone plausible name (Bucharin: бучарин, beside Bukharin).
    const real = list.some((i) => anchored(i) && all[i]!.info.kind !== 'plausible');
    if (!real && (list.length === 1 || !list.some(anchored))) {
      for (const i of list) joiners.push(all[i]!);
      continue;
    }
    // The group's word: the reading its spellings support most (by occurrences, more when it is a
    // spelling's own best reading or the conventional list names it).
    const votes = new Map<string, number>();
    for (const i of list) {
      const s = all[i]!;
      s.info.near.forEach((c, k) => votes.set(c, (votes.get(c) ?? 0) + count(s) * (k === 0 ? 2 : 1) * (s.info.conventional === c ? 4 : 1)));
    }
    const cyrillic = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    const inGroup = list.filter((i) => all[i]!.info.near.includes(cyrillic));
    groups.push({ domain: all[list[0]!]!.domain, cyrillic, spellings: inGroup.map((i) => ({ s: all[i]!, link: all[i]!.info.kind === 'plausible' ? 'near' : 'reading' })) });
    // Spellings that came in through another of their readings (a chain) stand alone.
    for (const i of list) if (!inGroup.includes(i)) groups.push({ domain: all[i]!.domain, cyrillic: all[i]!.info.near[0]!, spellings: [{ s: all[i]!, link: 'reading' }] });
  }
  // Spellings no scheme writes plausibly join the one group whose spellings share their fallback key.
  const byFallback = new Map<string, Group | null>();
  for (const g of groups) {
    for (const { s } of g.spellings) {
      const k = `${g.domain}\u0000${fallbackKey(s.info.fold)}`;
      const known = byFallback.get(k);
      byFallback.set(k, known === undefined || known === g ? g : null);
    }
  }
  const left = new Map<string, Spelling[]>();
  for (const s of joiners) {
    const keys = fallbackKeys(s.info.fold);
    const found = new Set(keys.map((k) => byFallback.get(`${s.domain}\u0000${k}`)));
    found.delete(undefined);
    const [g] = found;
    // A join by an alternative key only (Bucharin as Bukharin, Maximoff as Maximov) is weaker.
    const direct = byFallback.get(`${s.domain}\u0000${keys[0]!}`) === g;
    if (found.size === 1 && g !== null && g !== undefined) g.spellings.push({ s, link: direct ? 'fallback' : 'alternative' });
    else if (found.size === 0) {
      const k = `${s.domain}\u0000${keys[0]!}`;
      left.set(k, [...(left.get(k) ?? []), s]);
    }
  }
  // The rest group by their fallback key around a capitalised plausible name (Kosior, Kossior);
  // a plausible name alone stays a group of one, for the scheme's rule.
  for (const list of left.values()) {
    const anchors = list.filter((s) => anchor(s));
    if (anchors.length === 0) continue;
    const best = [...anchors].sort((a, b) => count(b) - count(a) || (b.info.readings[0]?.score ?? 0) - (a.info.readings[0]?.score ?? 0))[0]!;
    groups.push({ domain: best.domain, cyrillic: best.info.near[0]!, spellings: list.map((s) => ({ s, link: s === best ? 'near' : 'fallback' })) });
  }

  // 4. Findings: every spelling but the group's target, and with a scheme, spellings it cannot write.
  for (const g of groups) {
    const scheme = schemes[g.domain];
    const schemeIndex = declared[g.domain];
    const link = new Map(g.spellings.map(({ s, link }) => [s, link]));
    // A spelling conforms when the scheme writes it from the group's word or from another real
    // word it may stand for (istorii: истории, a case form, in modified-loc).
    // A capitalised spelling also conforms when the scheme writes it from a plausible name nobody
    // attests (Marey: марей).
    const written = scheme === undefined ? '' : roman(g.cyrillic, g.domain);
    // The scheme's own spelling as it prints (roman folds it), for a message that names it.
    const shown = (): string => romanize(g.cyrillic, { ...schemeOptions[g.domain], scheme: resolved[g.domain] });
    const conforms = (s: Spelling): boolean =>
      scheme !== undefined &&
      (s.info.fold === written ||
      s.info.readings.some(
        (r) =>
          r.schemes.includes(schemeIndex) &&
          (r.cyrillic === g.cyrillic || (r.flags !== 0 && s.info.near.includes(r.cyrillic)) || (/^\p{Lu}/u.test(s.display) && s.info.kind === 'plausible' && link.get(s) !== 'fallback' && link.get(s) !== 'alternative' && s.info.near.includes(r.cyrillic))),
      ));
    const list = g.spellings;
    if (!list.some(({ s }) => anchor(s))) continue;
    // The target: a conventional form, else (with a scheme) a spelling the scheme writes, most
    // frequent first; else the most frequent spelling; else the scheme's spelling of the word.
    // A conventional form weighs twice its count, a spelling the scheme writes one and a half:
    // the fix goes to them unless another spelling is far more frequent.
    const rank = (s: Spelling): number => (s.info.kind === 'conventional' ? 2 : 0) + (conforms(s) ? 1 : 0);
    // A spelling that joined by its fallback key is never the fix.
    const weight = (s: Spelling): number => (link.get(s) === 'fallback' || link.get(s) === 'alternative' ? 0 : count(s) * (s.info.kind === 'conventional' ? 2 : 1) * (conforms(s) ? 1.5 : 1));
    // Ties go to the spelling whose reading looks more Russian (Kosior: косиор, not коссиор).
    const score = (s: Spelling): number => s.info.readings[0]?.score ?? -Infinity;
    const ordered = [...list].sort((a, b) => weight(b.s) - weight(a.s) || rank(b.s) - rank(a.s) || score(b.s) - score(a.s) || firstAt(a.s) - firstAt(b.s));
    const top = ordered[0]!.s;
    const attestedWord = list.some(({ s }) => s.info.kind === 'attested' && (letterOnly || s.info.readings.some((r) => r.cyrillic === g.cyrillic && r.flags !== 0))) || list.some(({ s }) => s.info.conventional === g.cyrillic);
    let target: string;
    let targetSpelling: Spelling | undefined;
    if (scheme !== undefined && rank(top) === 0) {
      // Nothing in the text is conventional or conforms: the scheme's spelling of the word (a
      // fix only when the word is a real one).
      target = written;
      targetSpelling = list.find(({ s }) => s.info.fold === target)?.s;
    } else {
      target = top.display;
      targetSpelling = top;
    }
    if (list.length === 1 && targetSpelling === top && (scheme === undefined || rank(top) > 0)) continue;
    const targetFold = foldRomanized(target);
    const first = targetSpelling?.occurrences[0];
    const firstAt_ = first === undefined ? '' : `; ${targetSpelling!.display} first at ${placeName(documents[first.doc]!.file, lines[first.doc]!.pointAt(first.start))}`;
    const counts = [...list].sort((a, b) => count(b.s) - count(a.s)).map(({ s }) => `${count(s)} × ${s.display}`).join(', ') + firstAt_;
    const targetCount = targetSpelling === undefined ? 0 : count(targetSpelling);
    const schemeTarget = scheme !== undefined && (targetSpelling === undefined || conforms(targetSpelling));
    // Given names and patronymics are shared by many people; a surname tells them apart.
    const personal = list.map(({ s }) => s.info.readings.find((r) => r.cyrillic === g.cyrillic)?.flags ?? 0).reduce((a, b) => a | b, 0);
    const surname = (personal & (LexiconFlag.given | LexiconFlag.patronymic)) === 0;
    const groupInContext = list.some(({ s }) => s.info.kind === 'conventional' || s.occurrences.some((o) => o.names.length > 0 || o.russianNeighbour || !/^\p{Lu}/u.test(o.text)));
    for (const { s, link } of list) {
      if (s.info.fold === targetFold || s === targetSpelling) continue;
      // A conventional form gives way only to another conventional form; an English name to none.
      if (s.info.kind === 'conventional' && targetSpelling?.info.kind !== 'conventional') continue;
      if (s.info.english === true) continue;
      const ok = scheme === undefined || conforms(s) || s.info.kind === 'conventional';
      const ruleId = ok ? 'check/inconsistent-romanization' : 'check/scheme-mismatch';
      const docs = new Set(s.occurrences.map((o) => o.doc));
      // The given names (initials, patronymics) of a surname tell persons apart: G. Maximoff is not
      // Vladimir Maksimov, Kasyan Chaykovsky not Pyotr Ilyich Tchaikovsky.
      const mine = new Set(s.occurrences.flatMap((o) => o.names));
      const theirs = new Set(targetSpelling?.occurrences.flatMap((o) => o.names) ?? []);
      const otherPerson = surname && mine.size > 0 && theirs.size > 0 && ![...mine].some((n) => theirs.has(n));
      const conventionalApart = (personal & LexiconFlag.surname) !== 0 && targetSpelling?.info.kind === 'conventional' && s.occurrences.length >= 3 && !targetSpelling.occurrences.some((o) => docs.has(o.doc));
      const base = findingConfidence({ s, link, ruleId, targetCount, targetInText: targetSpelling !== undefined, attestedWord, schemeTarget, conventionalApart: conventionalApart || otherPerson, group: g.cyrillic });
      // A capitalised word the scheme does not write that reads only as a common Russian word (куля,
      // перо, вьет: not a name or place) is romanized Russian in a Russian title or name (Novyi Mir,
      // O. S. Nagornaia) or as an adjective (Privolnoe); alone among English words it is more often
      // a name of another language (Kulja, Piero, Viet Minh). The word is Russian in this text when
      // its group has a conventional form or one of its spellings stands once in such company
      // (Genrikh Iagoda); beside a spelling of the text (no scheme), the group speaks for it.
      const common = !ok && !groupInContext && s.info.kind === 'attested' && ((s.info.readings.find((r) => r.cyrillic === g.cyrillic)?.flags ?? 0) & NAME_FLAGS) === 0 && !adjectiveForm(g.cyrillic);
      for (const o of s.occurrences) {
        // A word of an established full name is exempt from the scheme, not from grouping.
        if (!ok && o.established) continue;
        const alone = common && /^\p{Lu}/u.test(o.text);
        const confidence = alone ? Math.round(base * LONE_COMMON * 100) / 100 : base;
        if (confidence < minConfidence) continue;
        const text = matchCase(target, o.text);
        // The fix may be the text's own conventional or usual form rather than the scheme's: say which.
        const reason = !ok
          ? foldRomanized(text) === written
            ? `"${o.text}" is not ${scheme} romanization; ${scheme} writes "${text}" (${g.cyrillic}).`
            : `"${o.text}" is not ${scheme} romanization (${scheme} writes "${matchCase(shown(), o.text)}", ${g.cyrillic}); the text's form of the word is "${text}".`
          : scheme === undefined
            ? `Inconsistent romanization: "${o.text}" is spelt "${text}" elsewhere.`
            : `Inconsistent romanization: "${o.text}" and "${text}" stand for one word (${g.cyrillic}).`;
        const dg: Diagnostic = {
          ruleId,
          source: 'latinitsa',
          severity: 'error',
          reason,
          place: lines[o.doc]!.placeOf(o.start, o.end),
          actual: o.text,
          expected: [text],
          note: counts,
          confidence,
          data: { key: fallbackKey(s.info.fold), cyrillic: g.cyrillic, confidence: confidenceLabel(confidence), ...(scheme === undefined ? {} : { scheme }) },
        };
        // A fix only to the scheme's spelling of a real word or name, or to a spelling of the text.
        if (targetSpelling !== undefined || attestedWord) dg.fix = { range: [o.start, o.end], text };
        const file = documents[o.doc]!.file;
        if (file !== undefined) dg.file = file;
        docOf.set(dg, o.doc);
        diagnostics.push(dg);
      }
    }
  }
  return diagnostics.sort((a, b) => docOf.get(a)! - docOf.get(b)! || a.place.start.offset - b.place.start.offset);

  function firstAt(s: Spelling): number {
    const o = s.occurrences[0]!;
    return o.doc * 1e12 + o.start;
  }
}

/** What decides a finding's confidence. */
interface ConfidenceFacts {
  s: Spelling;
  link: Link;
  ruleId: string;
  targetCount: number;
  targetInText: boolean;
  attestedWord: boolean;
  /** Whether the target is a spelling the declared scheme writes. */
  schemeTarget: boolean;
  /**
   * Whether the spelling is perhaps another person's name: its given names never match the
   * target's, or the target is a conventional form that never shares a document with it.
   */
  conventionalApart: boolean;
  group: string;
}

/**
 * How sure a finding is, 0..1: the product of how surely the spelling is romanized Russian, how
 * surely it is the group's word (a shared reading, a near reading, the fallback key), and how
 * surely the target is right (a majority spelling, the scheme's spelling of a real word).
 */
function findingConfidence(f: ConfidenceFacts): number {
  const info = f.s.info;
  const flags = info.readings.find((r) => r.cyrillic === f.group)?.flags ?? 0;
  const capitalised = /^\p{Lu}/u.test(f.s.display);
  // How surely the spelling is romanized Russian: a name of the name lists (nominative), a proper
  // noun of the dictionary (perhaps a case form of another name), a common word (a capitalised one
  // may be a title word of another language), a conventional form, a plausible unknown name, a
  // spelling no scheme writes (it joined a real word's group, which speaks for it).
  const names = LexiconFlag.given | LexiconFlag.surname | LexiconFlag.patronymic;
  const russian =
    info.kind === 'attested'
      ? (flags & names) !== 0
        ? 1
        : (flags & LexiconFlag.proper) !== 0
          ? 0.92
          : capitalised
            ? 0.9
            : 0.95
      : info.kind === 'conventional'
        ? 0.9
        : info.kind === 'plausible'
          ? 0.75
          : 0.8;
  // How surely it is the group's word.
  const same = f.link === 'reading' ? 1 : f.link === 'near' ? 0.95 : 0.85;
  // Perhaps another person: other given names, or a spelling used again and again where its
  // conventional target never appears (Kasyan Chaykovsky beside the composer Tchaikovsky).
  const apart = f.conventionalApart ? 0.6 : 1;
  // How surely the target is right: a spelling of the text by how much more frequent it is, or the
  // scheme's spelling of a real word, or of a word nobody attests.
  const n = f.s.occurrences.length;
  // A target the declared scheme writes has the scheme's authority, whatever the counts.
  // A spelling no scheme writes beside one a scheme writes is the odd one, whatever the counts.
  const byCount = f.targetCount > n || f.link === 'fallback' || f.link === 'alternative' ? 1 : f.targetCount === n ? 0.8 : 0.65;
  const byScheme = f.attestedWord ? 0.97 : 0.7;
  const target = !f.targetInText ? byScheme : f.schemeTarget ? Math.max(byCount, byScheme) : byCount;
  return Math.round(0.98 * russian * same * target * apart * 100) / 100;
}

/**
 * The name parts before a word: the first letters, by fallback key (so that Yevgeny and Evgeny,
 * Iakov and Yakov agree), of the one or two capitalised words or initials directly before it.
 */
function givenNames(text: string, tokens: readonly WordToken[], i: number, isGiven: (word: string) => boolean): string[] {
  const out: string[] = [];
  for (let k = i - 1; k >= 0 && k >= i - 2; k--) {
    const t = tokens[k]!;
    const gap = text.slice(t.end, tokens[k + 1]!.start);
    // An initial and a full stop, or a given name or patronymic the lexicon knows and a space
    // (Geneva Zasulitch is no name).
    const initial = t.text.length <= 2 && /^\p{Lu}/u.test(t.text) && /^\. ?$/u.test(gap);
    if (!initial && !(gap === ' ' && /^\p{Lu}/u.test(t.text) && isGiven(t.text))) break;
    out.push(fallbackKey(t.text)[0]!.toLowerCase());
  }
  return out;
}

/** 1 for a word in capitals (a heading's form is not the one to quote), else 0. */
function allCaps(word: string): number {
  return word.length > 1 && word === word.toUpperCase() ? 1 : 0;
}

/** `file:line:column`, or `line:column` for a text without a name. */
function placeName(file: string | undefined, point: Point): string {
  return `${file === undefined ? '' : `${file}:`}${point.line}:${point.column}`;
}

function mixedDiagnostic(doc: CheckDocument, token: WordToken, lines: LineIndex): Diagnostic {
  const { expected, cyrillicMajority } = mixedScriptFix(token.text);
  const dg: Diagnostic = {
    ruleId: 'check/mixed-script',
    source: 'latinitsa',
    severity: 'error',
    reason: `"${token.text}" mixes Latin and Cyrillic letters${expected === undefined ? '' : `; ${cyrillicMajority ? 'Cyrillic' : 'Latin'} "${expected}" intended?`}`,
    place: lines.placeOf(token.start, token.end),
    actual: token.text,
    expected: expected === undefined ? [] : [expected],
    confidence: expected === undefined ? 0.8 : 0.95,
  };
  if (expected !== undefined) dg.fix = { range: [token.start, token.end], text: expected };
  if (doc.file !== undefined) dg.file = doc.file;
  return dg;
}

/**
 * Checks a manuscript for romanized Russian spelt inconsistently: spellings of one word that
 * differ (Zinoviev / Zinovyev), spellings the house scheme cannot produce (`scheme`), and words
 * that mix Latin and Cyrillic letters. English words, conventional English forms, URLs, citation
 * keys and code in backticks are not flagged. Each finding has a `confidence` (0..1).
 *
 * @param text The prose.
 * @param options `scheme`, `notesScheme`, `lexicon`, `allow`, `conventional`, `ignore`, `regions`, `minConfidence`…
 * @returns Diagnostics in text order.
 * @example
 * import { checkText, DEFAULT_SCHEME } from 'latinitsa';
 * checkText('Grigorii Zinoviev met Dostoyevsky.', { scheme: DEFAULT_SCHEME }).map((d) => [d.actual, d.expected[0], d.ruleId]);
 * //=> [['Grigorii', 'Grigory', 'check/scheme-mismatch'], ['Dostoyevsky', 'Dostoevsky', 'check/scheme-mismatch']]
 */
export function checkText(text: string, options: CheckOptions & { regions?: readonly CheckRegion[] } = {}): Diagnostic[] {
  const { regions, ...rest } = options;
  return checkDocuments([regions === undefined ? { text } : { text, regions }], rest);
}
