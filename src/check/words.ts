// Reading the words of the documents: which Latin words are romanized Russian (not English, not
// another language, not a URL), what each written form can stand for, and where each stands with
// its given names and neighbours. docs/check.md.
import { LexiconFlag } from '../reverse/lexicon.ts';
import { foldRomanized, type Reading } from '../reverse/readings.ts';
import { romanize } from '../engine/romanize.ts';
import { tokenizeWords, type WordToken } from '../segment/index.ts';
import { namesIn } from './conventional.ts';
import { englishLists } from './english.ts';
import { fallbackKey, fallbackKeys, joinOnlyWord } from './fallback.ts';
import { adjectiveForm, citedAuthors, clubNames, cyrillicTransliterations, describedNames, eponymNames, englishFunctionWord, foreignContext, foreignNames, foreignPassages, foreignPhrases, foreignSpelling, type PhraseWord, foreignSurname, listedVariants, type LeadNames, nobiliaryNames, wordForms, wordFormsIn, otherCyrillicSystems, otherFunctionWord, placeTermsOf, russianNameForm, sentenceLanguage, type PassageWord } from './foreign.ts';
import { keptSigns, mixedDiagnostic } from './mixed.ts';
import { NAME_FLAGS, readingFlags, type FormInfo, type Spelling } from './model.ts';
import foreignData from './data/foreign.json' with { type: 'json' };
import proseData from './data/prose-schemes.json' with { type: 'json' };
import type { CheckRun } from './run.ts';
import type { CheckDiagnostic as Diagnostic, CheckDocument, CheckRegion } from './types.ts';

/** Letter-model score per Cyrillic letter above which an unattested reading is a plausible Russian word or name. */
const PLAUSIBLE_PER_LETTER = -1.75;
/** Unattested readings this close to the best one are readings of the word too. */
const NEAR_SLACK = 1.5;
/** Attested readings this close to the best attested one are readings of the word too. */
const ATTESTED_SLACK = 2.5;
/** Lexicon flags of a person's names. */
const PERSONAL = LexiconFlag.given | LexiconFlag.surname | LexiconFlag.patronymic;

/** Whether every reading that counts as a form's word is one the lexicon knows only as a patronymic. */
function patronymicOnly(info: FormInfo): boolean {
  return info.near.length > 0 && info.near.every((c) => (readingFlags(info, c) & PERSONAL) === LexiconFlag.patronymic);
}

/** Whether an unattested reading is a plausible Russian word by its letters. */
function plausible(r: Reading): boolean {
  return r.score / [...r.cyrillic].length >= PLAUSIBLE_PER_LETTER;
}

const scholarly = proseData.scholarlyLetters;

/**
 * Whether a reading needs the scholarly transliteration's x for х (Xin as хин) in a word without
 * its háček letters: in English prose such a word is not taken for Russian on that reading
 * (src/check/data/prose-schemes.json).
 */
function scholarlyOnly(fold: string, cyrillic: string): boolean {
  if (!fold.includes(scholarly.letter) || !cyrillic.includes(scholarly.reads) || scholarly.marks.some((m) => fold.includes(m))) return false;
  // Each x read as кс is the ordinary x of the other schemes (Alexandrov: александров).
  return count(cyrillic, scholarly.reads) > 0 && count(fold, scholarly.letter) > count(cyrillic, 'кс');
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
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
/**
 * A soft sign's apostrophe left after the quotation mark that closes the word (the italics of a
 * Wikipedia article turned into quotation marks: "Kievan Rus"').
 */
const SIGN_OUTSIDE = /^["”]['’](?!\p{L})/u;
/** An opening bracket, quotation mark or emphasis mark right before a word (a label's place). */
const LABEL_BEFORE = /[([“"‘_*]$/u;
/** The combining acute accent, and a letter carrying it (a stress mark in romanized Russian). */
const ACUTE = '\u0301';
const STRESSED = /\p{L}\u0301/gu;
const ASCII_ONLY = /^[\x00-\x7f]*$/u;
/** A vowel with an acute: a stress mark (sovét), not another orthography's letter (the vowels are data). */
const STRESSED_VOWEL = new RegExp(`([${foreignData.stressVowels.letters}])\u0301`, 'giu');

/**
 * A final apostrophe that is English punctuation, not a soft sign: a possessive after -s
 * (Nicholas’, the Romanovs’; a shorter word when it is English without the mark: Zeus’ radars,
 * while Rus’ keeps its sign), or the close of a single quotation opened before the word on its line.
 */
function englishApostrophe(text: string, token: WordToken, english: (fold: string) => boolean): boolean {
  const word = token.text;
  if (!APOSTROPHE.test(word)) return false;
  if (/s['’]$/u.test(word) && (word.length >= 6 || english(foldRomanized(word.slice(0, -1))))) return true;
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

/**
 * Whether a word no scheme writes only for letters the older romanization wrote for Russian ones
 * (w for в: Feodorowna) may be that romanization's, in a work written in it: not when it is an
 * English word with a w (Andrew, Walter, window), which the English lists keep apart since no
 * scheme writes a w (docs/check.md, "A work in the older romanization").
 */
function olderLettersOnly(fold: string, reader: { letters: ReadonlySet<string> }): boolean {
  return joinOnlyWord(fold, (ch) => reader.letters.has(ch)) && !englishLists().withW.has(fold);
}

/** The words of the documents read as spellings of Russian words, and the findings of mixed-script words. */
export function readSpellings(run: CheckRun, documents: readonly CheckDocument[]): { spellings: Spelling[]; mixed: Array<{ dg: Diagnostic; doc: number }> } {
  const { reader, prose, letterOnly, conventional, established, allow, ignore, englishWord, englishName, englishContraction, foreignLetters, separateNotes, lines, olderStyle } = run;
  const mixed: Array<{ dg: Diagnostic; doc: number }> = [];
  // Whether a scheme of English prose writes a reading of a word (folded), and not only on the
  // scholarly transliteration's x for х.
  const writtenByProse = (fold: string) => (r: Reading): boolean => r.schemes.some((i) => prose.has(i)) && !scholarlyOnly(fold, r.cyrillic);
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
      } else if ((!englishWord(fold) || allow.has(fold) || englishName(fold) || softSignedName(written, fold)) && !englishElision(written, fold) && [...fold].every((ch) => reader.letters.has(ch)) && (allow.has(fold) || !foreignSpelling(fold, /^\p{Lu}/u.test(written)))) {
        // Letters no scheme writes (w, q, ö, ł…), and sequences no romanization of Russian writes
        // (sz, cz: another language's spelling), make a word not romanized Russian.
        const readings = reader.read(written);
        // A reading is attested when a scheme of English prose writes it and the lexicon knows it:
        // a capitalised spelling as a name or place (not Lem as льем, a verb form), a lower-case
        // one as any word.
        const capitalised = written[0] !== written[0]!.toLowerCase();
        const byProse = writtenByProse(fold);
        let attested = readings.filter((r) => r.flags !== 0 && byProse(r));
        const personal = LexiconFlag.given | LexiconFlag.surname | LexiconFlag.patronymic;
        if (capitalised && attested.some((r) => (r.flags & personal) !== 0)) attested = attested.filter((r) => (r.flags & personal) !== 0);
        const best = readings[0];
        // Without a lexicon (a page without word lists), the plausible readings stand in for the
        // attested ones: weaker, but the checker still works.
        if (letterOnly && best !== undefined && plausible(best) && byProse(best)) {
          attested = readings.filter((r) => r.score >= best.score - NEAR_SLACK && byProse(r)).slice(0, 1);
        }
        // Attested readings near the best attested one: a name read in the nominative
        // (Grigorii: григорий, not the case form григории), both forms of a common noun (istorii).
        if (attested.length > 0) info = { fold, kind: 'attested', near: attested.filter((r) => r.score >= attested[0]!.score - ATTESTED_SLACK).map((r) => r.cyrillic), readings };
        else if (best !== undefined && plausible(best) && byProse(best)) {
          info = { fold, kind: 'plausible', near: readings.filter((r) => r.score >= best.score - NEAR_SLACK).map((r) => r.cyrillic), readings };
        } else if (fold.length >= 4 && /^\p{L}/u.test(fold)) info = { fold, kind: 'loose', near: [], readings };
        if (info !== null && allow.has(fold)) info = { ...info, kind: 'conventional', conventional: info.near[0] ?? fold };
        // An English proper noun that reads as a Russian name (Dmitri, Sergei, Kerensky in the
        // English dictionaries; Yuri, though its letters read as no attested name) joins the group of
        // its word, carries no group alone (Sydney and Sidney are not Russian), and is reported
        // only where it names the person its group's target names (see weigh.ts).
        else if (info !== null && englishName(fold)) info = info.kind === 'attested' || /^\p{Lu}/u.test(written) ? { ...info, english: true } : null;
      }
      // In a work in the older romanization, a capitalised word no scheme writes only for a letter
      // that romanization wrote (w for в: Feodorowna) joins a group by its fallback key, and is no
      // word of its own (docs/check.md, "A work in the older romanization").
      else if (olderStyle && /^\p{Lu}/u.test(written) && !englishWord(fold) && !foreignSpelling(fold, true) && olderLettersOnly(fold, reader)) info = { fold, kind: 'loose', near: [], readings: [] };
    }
    forms.set(written, info);
    return info;
  };
  // A capitalised word that is English only as a contraction (the word without its inner
  // apostrophe is English) is a Russian name with its soft sign when a scheme of English prose
  // writes a name the lexicon knows from it: Il’ia (илья) is not the English ilia, while I’ll,
  // Can’t and It’s read as no Russian name (docs/check.md, "English stays English": contractions).
  const softSignedName = (written: string, fold: string): boolean =>
    /^\p{Lu}/u.test(written) && englishContraction(fold) && reader.read(written).some((r) => (r.flags & NAME_FLAGS) !== 0 && writtenByProse(fold)(r));
  // A word in small letters whose final apostrophe follows an English word is an elision, as in
  // quoted speech and songs (goin’, Esperanto's mia kor’ in realtext4), not a soft sign: only a
  // capitalised one (Perm’, Oblast’) is read as romanized Russian (run.ts, `englishWord`;
  // docs/check-history.md, "Recall: three misses traced").
  const englishElision = (written: string, fold: string): boolean => /^\p{Ll}/u.test(written) && APOSTROPHE.test(fold) && !allow.has(fold) && englishWord(fold.slice(0, -1));
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

  // How Russian a word of a person's name is: 2 when the conventional list names it, a scheme of
  // English prose writes it from a name or place the lexicon knows, or its likely reading ends as
  // a Russian surname or patronymic (Piatakov); 1 when the lexicon knows it only as a common word
  // (Prodan, Hai: продан, хай, as often another language's name as a Russian one); 0 otherwise,
  // and always for a word with letters or letter sequences no romanization of Russian writes.
  const russianCache = new Map<string, number>();
  const russianPart = (word: string): number => {
    let level = russianCache.get(word);
    if (level !== undefined) return level;
    const fold = foldRomanized(word);
    level = conventional.has(fold) ? 2 : 0;
    if (level === 0 && [...fold].every((ch) => reader.letters.has(ch)) && !foreignSpelling(fold, /^\p{Lu}/u.test(word))) {
      const readings = reader.read(word);
      const byProse = writtenByProse(fold);
      const best = readings[0];
      if (readings.some((r) => (r.flags & NAME_FLAGS) !== 0 && byProse(r)) || (best !== undefined && plausible(best) && byProse(best) && russianNameForm(best.cyrillic))) level = 2;
      else if (readings.some((r) => r.flags !== 0 && byProse(r))) level = 1;
    }
    russianCache.set(word, level);
    return level;
  };
  // Whether a word of a sentence is a Russian name or place: a capitalised word, not English,
  // that is Russian by `russianPart` (Sakharov, Stavropol, Sedov): evidence that a word of its
  // sentence is Russian too (see `sentenceLanguage` in foreign.ts).
  const russianName = (token: WordToken): boolean => token.script === 'latin' && /^\p{Lu}\p{Ll}{2}/u.test(token.text) && (conventional.has(foldRomanized(token.text)) || (!englishWord(foldRomanized(token.text)) && russianPart(token.text) === 2));

  // What a word says of the language of its passage (`foreignPassages` in foreign.ts): a word
  // with letters or letter sequences no romanization of Russian writes, or one neither English nor
  // read by a scheme of English prose as a word the lexicon knows, is another language's.
  const passageCache = new Map<string, PassageWord>();
  const passageWord = (token: WordToken): PassageWord => {
    if (token.script === 'cyrillic') return 'russian';
    if (token.script !== 'latin') return undefined;
    let said = passageCache.get(token.text);
    if (said !== undefined || passageCache.has(token.text)) return said;
    // A stress mark is no other language's letter (sovét).
    const written = stressFree(token.text);
    const fold = foldRomanized(written);
    const unwritten = [...fold].filter((ch) => !reader.letters.has(ch));
    const capital = /^\p{Lu}/u.test(written);
    // The English lists hold words of three letters or more that some scheme could write (no w,
    // no q): the English function words stand in for the others (is, of, with).
    if (englishFunctionWord(fold)) said = 'english';
    else if ([...fold].length < 3) said = otherFunctionWord(fold) ? 'other' : undefined;
    else if (englishWord(fold)) said = 'english';
    // A letter English does not write either (æ, ø, ß), or a sequence no romanization of Russian
    // writes (sz, cz): w or q may be an English word's.
    else if (unwritten.some((ch) => /[^\x00-\x7f]/u.test(ch)) || foreignSpelling(fold)) said = 'other';
    else if (unwritten.length > 0) said = undefined;
    else if (conventional.has(fold) || allow.has(fold)) said = 'russian';
    else {
      // A word a scheme of English prose writes from a word the lexicon knows is Russian (the
      // other schemes read too much: jeg as жег); without a lexicon, a plausible reading stands
      // in for it (as in `classify`). A capitalised word the lexicon does not know is a name more
      // often than not, of any language: it says nothing of the passage's.
      const byProse = writtenByProse(fold);
      const readings = reader.read(written);
      const best = readings[0];
      const russian = readings.some((r) => r.flags !== 0 && byProse(r)) || (letterOnly && best !== undefined && plausible(best) && byProse(best));
      said = russian ? 'russian' : capital ? undefined : 'other';
    }
    passageCache.set(token.text, said);
    return said;
  };

  // What the other words of a person's name say about a word: a name is a unit, so a given name
  // beside a surname (or a surname beside given names) is that person's. The name is the run of
  // capitalised words joined to the word by a space or a hyphen, up to two on either side; an
  // English common word (Saint, General, Street) is a title or a noun, not a name, and ends it.
  // One Russian word in it makes the word Russian company ('russian': a Russian surname lends
  // evidence to its given name). With none, the name is another language's ('foreign') when one
  // of its words has letters or letter sequences no romanization of Russian writes (Marija
  // Gimbutas is read, but Zoë or Czesław is not), or when the word itself is written only in a
  // linguists' transliteration's letters (Luca Zuffi, Anja Skybakmoen, Harald Julin: луца, аня,
  // юлин), which in English prose are far more often the letters of the person's own language.
  // A name that neither shows (Aleksandr Gordon, Yelena Bonner) is left as it is: Russian
  // persons' surnames are often not Russian words. A demonym of another nation describing the
  // name (`described`) makes it another language's too.
  const nameCompany = (text: string, tokens: readonly WordToken[], i: number, info: FormInfo, described: boolean): 'russian' | 'foreign' | undefined => {
    if (!/^\p{Lu}/u.test(tokens[i]!.text)) return undefined;
    if (described) return 'foreign';
    const part = (k: number, gapAt: number): boolean => {
      const t = tokens[k];
      // (Two-letter words, My or Le, are left out of the English lists: not names either.)
      if (t === undefined || t.script !== 'latin' || !/^\p{Lu}\p{Ll}{2}/u.test(t.text)) return false;
      if (!/^[ \-‐]$/u.test(text.slice(tokens[gapAt]!.end, tokens[gapAt + 1]!.start))) return false;
      const fold = foldRomanized(t.text);
      return !(englishWord(fold) && !englishName(fold) && !conventional.has(fold));
    };
    const others: string[] = [];
    for (let k = i - 1; k >= i - 2 && part(k, k); k--) others.push(tokens[k]!.text);
    for (let k = i + 1; k <= i + 2 && part(k, k - 1); k++) others.push(tokens[k]!.text);
    // Only a name is so judged: a common word in such letters is a title's (Pervyj Dyen′).
    const mine = info.readings.filter((r) => info.near.includes(r.cyrillic));
    const name = info.kind === 'plausible' || (info.kind === 'attested' && mine.some((r) => (r.flags & NAME_FLAGS) !== 0));
    const transliterated = name && !mine.some((r) => r.schemes.some((k) => run.mainstream.has(k)));
    // A name alone, written only in a linguists' transliteration's letters, is so judged too
    // (Janina, Liepaja, Žilina, Albanija, Polock: j for й and я, c for ц, as Polish, Latvian,
    // Slovak or Croatian spell their own names), unless it ends as a Russian surname, patronymic
    // or adjective (Tarkovskij, Birjuzova, Sovetskij, Mirovaja: a scholarly form of a Russian
    // name or title word, which is the text's to make consistent).
    if (others.length === 0) return transliterated && !mine.some((r) => russianNameForm(r.cyrillic) || adjectiveForm(r.cyrillic)) ? 'foreign' : undefined;
    const levels = others.map(russianPart);
    if (levels.includes(2)) return 'russian';
    if (levels.includes(1)) return undefined;
    const unreadable = others.some((w) => {
      const fold = foldRomanized(w);
      return ![...fold].every((ch) => reader.letters.has(ch)) || foreignSpelling(fold, /^\p{Lu}/u.test(w));
    });
    return unreadable || transliterated ? 'foreign' : undefined;
  };

  // Whether a word is a name of the English name lists that the Russian lexicon does not know as
  // a Russian name (Oswald, Ignace, Claude; Ribbentrop, Hoare): a person so named is not Russian.
  const westernName = (word: string): boolean => {
    if (!/^\p{Lu}\p{Ll}/u.test(word)) return false;
    const fold = foldRomanized(word);
    if (!englishName(fold) || conventional.has(fold) || isGiven(word)) return false;
    const info = classify(word);
    return info === null || (info.english === true && !knownName(info));
  };
  // Whether a spelling reads as a Russian name the lexicon knows (or is a conventional form).
  const knownName = (info: FormInfo): boolean =>
    info.kind === 'conventional' || (info.kind === 'attested' && info.readings.some((r) => info.near.includes(r.cyrillic) && (r.flags & PERSONAL) !== 0));
  // A word before a Western surname, joined by one space, is that person's given name, unless the
  // lexicon knows it as a Russian name (Joachim Ribbentrop; but Nikolai Gogol). A word no scheme
  // writes after a Western given name is that person's surname (Alexis Klimoff). The English name
  // lists also hold English forms of Russian given names (Catherine Dolgoruki) and proper
  // adjectives (Marxist Georgi Plekhanov): a word any scheme writes is not judged by them.
  const westernPerson = (text: string, tokens: readonly WordToken[], i: number, info: FormInfo): boolean => {
    if (knownName(info) || !/^\p{Lu}/u.test(tokens[i]!.text)) return false;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    // A given name before a surname of another language (by its ending or its letters: Mikheil
    // Saakashvili, Mykhaylo Maksymovych), or before a nickname in quotes and the surname
    // (Ekaterine "Keke" Geladze), unless it is a Russian given name.
    const gap = next === undefined ? '' : text.slice(tokens[i]!.end, next.start);
    const surname = gap === ' ' ? next?.text : /^ ["“]$/u.test(gap) ? tokens[i + 2]?.text : undefined;
    if (surname !== undefined && (foreignSurname(surname) || foreignSpelling(foldRomanized(surname), /^\p{Lu}/u.test(surname))) && !isGiven(tokens[i]!.text)) return true;
    if (info.kind === 'loose' && prev !== undefined && text.slice(prev.end, tokens[i]!.start) === ' ' && westernName(prev.text)) return true;
    return next !== undefined && text.slice(tokens[i]!.end, next.start) === ' ' && westernName(next.text);
  };

  // A stress mark (an acute accent on a letter, sovét, Bésy) that no scheme of English prose
  // writes is left out before the word is read: the word is the unaccented one. English words with
  // accents (émigré) stay as they are.
  const stressFree = (word: string): string => {
    // A word of ASCII characters has no accent to leave out: it is asked at every occurrence of
    // every word, and most are such words, so they are not normalised.
    if (ASCII_ONLY.test(word)) return word;
    const split = word.normalize('NFD');
    if (!split.includes(ACUTE) || englishWord(foldRomanized(word))) return word;
    return split.replace(STRESSED, (m) => (foreignLetters.has(m.normalize('NFC').toLowerCase()) ? m : m[0]!)).normalize('NFC');
  };

  // Whether two words may be spellings of one word: a shared fallback key.
  const sameWord = (a: string, b: string): boolean => {
    const keys = fallbackKeys(foldRomanized(a), olderStyle);
    return fallbackKeys(foldRomanized(b), olderStyle).some((k) => keys.includes(k));
  };

  // The spellings a set of schemes gives a Cyrillic word the text quotes, folded, once a word.
  const spellingsBy = (spell: (cyrillic: string) => string[]): ((cyrillic: string) => ReadonlySet<string>) => {
    const memo = new Map<string, ReadonlySet<string>>();
    return (cyrillic) => {
      let folds = memo.get(cyrillic);
      if (folds === undefined) memo.set(cyrillic, (folds = new Set(spell(cyrillic).map(foldRomanized))));
      return folds;
    };
  };
  // The schemes of English prose, and the declared ones: a Latin word beside the Cyrillic it quotes
  // so written is the text's transliteration of it.
  const proseSpellings = spellingsBy((cyrillic) => [
    ...proseData.schemes.map((scheme) => romanize(cyrillic, { scheme })),
    ...(['text', 'notes'] as const).filter((domain) => run.schemes[domain] !== undefined).map((domain) => run.romanShown(cyrillic, domain)),
  ]);
  const writesFrom = (cyrillic: string, latin: string): boolean => proseSpellings(cyrillic).has(foldRomanized(latin));
  // The national systems of the other Cyrillic languages: a Latin word beside the Cyrillic it
  // quotes that one of them writes, and no Russian one, is that language's word (Ukrainian:
  // станиця, "stanytsia"), not romanized Russian.
  const otherSpellings = spellingsBy((cyrillic) => otherCyrillicSystems().map((scheme) => romanize(cyrillic, { scheme })));
  const otherWritesFrom = (cyrillic: string, latin: string): boolean => otherSpellings(cyrillic).has(foldRomanized(latin)) && !writesFrom(cyrillic, latin);

  // What a word says of the orthography of its phrase (`foreignPhrases` in foreign.ts): `other`, a
  // letter neither English nor a scheme of English prose writes (đ, ų, ł, ę, ć: an acute on a vowel
  // is a stress mark) or a letter sequence no romanization of Russian writes (sz, cz); `marked`, a
  // háček letter of the linguists' transliteration (č, š, ž) in a word that no scheme of English
  // prose reads as a word the lexicon knows (Narodnooslobodilačka, državljanska: Serbo-Croatian,
  // Slovene, Czech); `russian`, a word such a scheme reads as one the lexicon knows. The declared
  // scheme's letters are its own. Without a lexicon a háček word cannot be told from an unknown
  // Russian one: letters only.
  const orthographyCache = { text: new Map<string, PhraseWord>(), notes: new Map<string, PhraseWord>() };
  const phraseWord = (word: string, domain: 'text' | 'notes'): PhraseWord => {
    const cache = orthographyCache[domain];
    if (cache.has(word)) return cache.get(word);
    const own = run.declaredLetters[domain];
    const lower = word.normalize('NFD').replace(STRESSED_VOWEL, '$1').normalize('NFC').toLowerCase();
    const letters = [...lower];
    let said: PhraseWord;
    if (letters.some((ch) => !ASCII_ONLY.test(ch) && /\p{Script=Latin}/u.test(ch) && !foreignLetters.has(ch) && own?.has(ch) !== true) || foreignSpelling(lower, /^\p{Lu}/u.test(word))) said = 'other';
    else {
      const info = classify(word);
      const russian = info !== null && (info.kind === 'attested' || info.kind === 'conventional');
      said = russian ? 'russian' : !letterOnly && letters.some((ch) => scholarly.marks.includes(ch) && own?.has(ch) !== true) ? 'marked' : undefined;
    }
    cache.set(word, said);
    return said;
  };

  // 2. The spellings of the documents, by domain.
  const spellings = new Map<string, Spelling>();
  const westernNames = new Set<string>();
  documents.forEach((doc, d) => {
    const regions: readonly CheckRegion[] = doc.regions ?? [{ start: 0, end: doc.text.length, kind: 'text' }];
    const tokenized = regions.map((region) => tokenizeWords(doc.text.slice(region.start, region.end), { offset: region.start, document: doc.text }));
    // A cue ("né", "also") may stand in another region than its word (_né_ ALEXEIEV: emphasis
    // marks end a region): cues are looked for in the words of the whole document.
    // The words of the whole document: a sentence, a reference or a cue runs across regions.
    // (Joined by hand: \`flat\` took a tenth of a pass over a document's words.)
    const docTokens: WordToken[] = [];
    for (const tokens of tokenized) for (const token of tokens) docTokens.push(token);
    // Each word's lower case and capital, found once for the passes below.
    const docForms = wordForms(docTokens);
    const listed = listedVariants(doc.text, docTokens, sameWord, docForms);
    const glossed = cyrillicTransliterations(doc.text, docTokens, writesFrom);
    const glossedOther = cyrillicTransliterations(doc.text, docTokens, otherWritesFrom);
    const passage = foreignPassages(doc.text, docTokens, (k) => passageWord(docTokens[k]!), docForms);
    let base = 0;
    // The persons a lead sentence describes by a demonym: named again in a later region (a list
    // item, a reference), the same person.
    const leads: LeadNames = { surnames: new Set(), given: new Set() };
    for (const [r, region] of regions.entries()) {
      const tokens = tokenized[r]!;
      const before = base;
      base += tokens.length;
      const forms = wordFormsIn(docForms, before, base);
      const nobiliary = nobiliaryNames(tokens, forms);
      const foreign = foreignContext(doc.text, tokens, forms, nobiliary);
      const foreignName = foreignNames(doc.text, tokens, foreignLetters, (word) => englishWord(foldRomanized(word)) || conventional.has(foldRomanized(word)), 1, forms);
      const ascii = (word: string): boolean => /^[\x00-\x7f]*$/u.test(word);
      const allAscii = tokens.every((token) => ascii(token.text));
      // A phrase in another orthography (Narodnooslobodilačka vojska): its words are that language's.
      const phraseDomain = separateNotes ? region.kind : 'text';
      const phrase = allAscii ? undefined : foreignPhrases(doc.text, tokens, (word) => phraseWord(word, phraseDomain), (word) => { const fold = foldRomanized(word); return englishWord(fold) || englishFunctionWord(fold) || conventional.has(fold); });
      // With a scheme, a name of several words written whole in another system, with a marked
      // letter the scheme does not write (Lev Davidovič Trockij, Vitalij Lazarevič Ginzburg), is a
      // form the text gives on purpose: a slip is one word, not a whole name. Without one, so is a
      // name with a letter no ordinary scheme of English prose writes (Ksienija Žuk, Belarusian
      // Latin; made on realtext15): `declaredLetters` are then theirs.
      const ownLetters = run.declaredLetters[separateNotes ? region.kind : 'text'];
      const otherSystem = ownLetters === undefined || allAscii ? undefined : foreignNames(doc.text, tokens, ownLetters, (word) => englishWord(foldRomanized(word)), 2, forms);
      const { named, place: placeName } = namesIn(doc.text, tokens, established, foldRomanized, conventional);
      // A club's registered name (FC Sibir) and a place name of another language (Amu Darya) are
      // not romanized Russian.
      // An author's name in an author–year citation is spelt as the work cited prints it: like a
      // word of an established full name, exempt from the scheme, not from grouping.
      const cited = citedAuthors(doc.text, tokens, (word) => { const fold = foldRomanized(word); return englishWord(fold) || englishFunctionWord(fold); });
      const described = describedNames(doc.text, tokens, leads);
      const club = clubNames(doc.text, tokens);
      const eponym = eponymNames(doc.text, tokens, named, forms);
      const placeTerm = placeTermsOf(doc.text, tokens, (word) => {
        const info = classify(word);
        return info !== null && knownName(info);
      }, forms);
      // A name seen with a nobiliary particle, or in a name with a letter of another alphabet than
      // English (ł, ö, ï), is that language's name wherever it stands in the work (Joachim von
      // Ribbentrop, then Joachim). Names with w, q or x are English as often (Moscow Grand Prince
      // Vasili III): they count only where they stand. So is a word of a phrase in another
      // orthography, unless it is a name the lexicon knows: the Serbian army's vojska (Narodnooslobodilačka
      // vojska) is that language's in Vojska Srbije too, and pinyin lái (shí lái wàn gè) alone in
      // italics; left in the work, such a spelling is a minority against the prose's own (Voyska).
      const accented = allAscii ? tokens.map(() => false) : foreignNames(doc.text, tokens, foreignLetters, ascii, 1, forms);
      tokens.forEach((token, t) => {
        if (nobiliary[t] || accented[t]) westernNames.add(foldRomanized(token.text));
        // A stress mark aside, as the word is read (lái is lai).
        else if (phrase?.[t] === true) westernNames.add(foldRomanized(stressFree(token.text)));
      });
      tokens.forEach((token, t) => {
        if (token.script === 'mixed') {
          // A Slavist's transliteration keeps the jers in Cyrillic on purpose (docs/check.md "Words in two scripts").
          if (!keptSigns(token.text)) mixed.push({ dg: mixedDiagnostic(doc, token, lines[d]!), doc: d });
          return;
        }
        if (token.script !== 'latin' || foreign[t] || passage[before + t] || phrase?.[t] === true || (foreignName[t] && !(olderStyle && olderLettersOnly(foldRomanized(token.text), reader))) || otherSystem?.[t] === true || listed[before + t] || club[t] || placeTerm[t] || glossedOther[before + t]) return;
        // A part of a domain or file name (melnikoff.com, www.pravda.ru): a full stop and a lower-case
        // letter glued to the word.
        // (Each pattern is tried only where its first or last character stands: asked at every
        // word, a slice and a match cost more than the rest of the word's tests.)
        if ((doc.text[token.end] === '.' && DOTTED_AFTER.test(doc.text.slice(token.end, token.end + 2))) || (doc.text[token.start - 1] === '.' && DOTTED_BEFORE.test(doc.text.slice(Math.max(0, token.start - 2), token.start)))) return;
        let text = token.text;
        let end = token.end;
        // The tokenizer cuts English clitics; -’d after a word that is not English is a soft sign
        // and д (Meierkhol’d), not "would".
        if ((doc.text[end] === "'" || doc.text[end] === '’') && /^['’]d(?!\p{L})/u.test(doc.text.slice(end, end + 3)) && !englishWord(foldRomanized(text))) {
          text = doc.text.slice(token.start, end + 2);
          end += 2;
        }
        const closing = closingQuoteInside(doc.text, token);
        if (closing > 0) {
          text = text.slice(0, closing);
          end = token.start + closing;
        }
        if (englishApostrophe(doc.text, token, englishWord)) {
          text = text.slice(0, -1);
          end--;
        }
        // The text's own spelling with its soft sign, only set outside the closing quotation mark:
        // not a spelling without the sign (docs/check.md "Quotations").
        if ((doc.text[end] === '"' || doc.text[end] === '”') && SIGN_OUTSIDE.test(doc.text.slice(end, end + 3))) return;
        // A short word with a full stop right after an opening bracket or quotation mark is a
        // language's abbreviation labelling what follows ((Rus. Kavkazskaya Ovcharka, Geo. Nagazi);
        // Murmansk ("rus.")), not a word of the prose (docs/check.md "Names of other languages").
        if (doc.text[end] === '.' && [...text].length <= 4 && LABEL_BEFORE.test(doc.text.slice(Math.max(0, token.start - 1), token.start))) return;
        const info = classify(stressFree(text));
        if (info === null || westernPerson(doc.text, tokens, t, info)) return;
        // A cited author is a surname: a word the lexicon knows only as a patronymic is another
        // word there (Vasilevich, 623: Василевич, no spelling of Васильевич), left out of its group.
        if (cited[t] && patronymicOnly(info)) return;
        const domain = separateNotes ? region.kind : 'text';
        const key = `${domain}\u0000${info.fold}`;
        let s = spellings.get(key);
        if (s === undefined) spellings.set(key, (s = { key, domain, info, display: text, written: new Map(), occurrences: [] }));
        s.occurrences.push({ doc: d, start: token.start, end, text, names: givenNames(doc.text, tokens, t, isGiven), surname: surnameAfter(doc.text, tokens, t), company: once(() => nameCompany(doc.text, tokens, t, info, described[t]!)), sentence: once(() => sentenceLanguage(doc.text, docTokens, before + t, (k) => russianName(docTokens[k]!))), russianNeighbour: russianNeighbour(doc.text, tokens, t), established: named[t] ?? (cited[t] ? '' : undefined), eponym: eponym[t]!, inName: placeName[t], transliteration: glossed[before + t]! });
        s.written.set(text, (s.written.get(text) ?? 0) + 1);
      });
    }
  });
  // Each spelling shows as written most often (a heading's capitals last).
  const all = [...spellings.values()].filter((s) => !westernNames.has(s.info.fold) || knownName(s.info));
  for (const s of all) s.display = [...s.written].sort((a, b) => b[1] - a[1] || allCaps(a[0]) - allCaps(b[0]))[0]![0];
  return { spellings: all, mixed };
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

/** The capitalised word right after a word, joined by one space, by fallback key. */
function surnameAfter(text: string, tokens: readonly WordToken[], i: number): string | undefined {
  const next = tokens[i + 1];
  if (next === undefined || text.slice(tokens[i]!.end, next.start) !== ' ' || !/^\p{Lu}\p{Ll}/u.test(next.text)) return undefined;
  return fallbackKey(foldRomanized(next.text));
}

/** 1 for a word in capitals (a heading's form is not the one to quote), else 0. */
function allCaps(word: string): number {
  return word.length > 1 && word === word.toUpperCase() ? 1 : 0;
}

/** A function that works its answer out on first call and keeps it. */
export function once<T>(work: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = work();
      done = true;
    }
    return value;
  };
}
