// Building the findings of a weighed group: one diagnostic per occurrence of a minority spelling,
// with its message, confidence and fix. docs/check.md.
import { notePlaceWords } from '../diagnostics/place.ts';
import type { Point } from '../diagnostics/types.ts';
import { noteAt } from '../document/regions.ts';
import { foldRomanized } from '../reverse/readings.ts';
import { confidenceLabel } from './confidence.ts';
import { fallbackKey } from './fallback.ts';
import { otherCyrillicScheme, russianNameForm } from './foreign.ts';
import { romanize } from '../engine/romanize.ts';
import { LexiconFlag } from '../reverse/lexicon.ts';
import { DEFAULT_SCHEME, getScheme } from '../schemes/registry.ts';
import { count, NAME_FLAGS, readingFlags, type Group, type Spelling } from './model.ts';
import type { CheckRun } from './run.ts';
import type { CheckDiagnostic as Diagnostic, CheckDocument } from './types.ts';
import { LONE_TARGET, UNATTENDED_BELOW, type Weighed } from './weigh.ts';
import { once } from './words.ts';

/** Lexicon flags of a person's names. */
const PERSONAL = LexiconFlag.given | LexiconFlag.surname | LexiconFlag.patronymic;
/** What a capitalised common word alone among English words keeps of its confidence (see `russianNeighbour` in words.ts). */
const LONE_COMMON = 0.6;
/**
 * A name the text writes one way every time, several times, is the author's choice more often
 * than a slip (a person's own form: an artist's, a byline, an official form): under a declared
 * scheme it is reported once, below `certain`, and its other occurrences only at `possible`.
 */
const CHOSEN_FIRST = 0.89;
const CHOSEN_REST = 0.59;

/** The findings of a group, each with the index of its document. */
export function groupFindings(run: CheckRun, documents: readonly CheckDocument[], g: Group, weighed: Weighed): Array<{ dg: Diagnostic; doc: number }> {
  const { target, targetSpelling, written, shown, attestedWord, unknownSpelling } = weighed;
  const scheme = run.schemes[g.domain];
  const named = run.schemeNames[g.domain];
  const list = g.spellings;
  const first = targetSpelling?.occurrences[0];
  const firstAt_ = first === undefined ? '' : `; ${targetSpelling!.display} first at ${placeName(documents[first.doc]!, run.lines[first.doc]!.pointAt(first.start))}`;
  const counts = [...list].sort((a, b) => count(b.s) - count(a.s)).map(({ s }) => `${count(s)} × ${s.display}`).join(', ') + firstAt_;
  const out: Array<{ dg: Diagnostic; doc: number }> = [];
  for (const { s, ok, ruleId, confidence: base, common, samePerson, why: lowered, inflected } of weighed.minority) {
    // No variant in the text: the group is this one capitalised spelling, written more than once.
    // Only a name is a person's or a place's own form: a common word capitalised in titles
    // (Arkheologicheskie in a list of Russian titles) is the author's system, reported each time,
    // unless it stands somewhere after a given name, as a surname (Andrey Skoromnyy: скоромный).
    const groupFlags = readingFlags(s.info, g.cyrillic);
    const commonWord = s.info.kind === 'attested' && (groupFlags & NAME_FLAGS) === 0 && s.occurrences.every((o) => o.names.length === 0);
    const chosen = !ok && list.length === 1 && count(s) > 1 && /^\p{Lu}/u.test(s.display) && !commonWord;
    // A spelling only the scheme flags (the work has no other spelling of its word), or one that
    // never shares a document with its group's target (Ariana, in Afghanistan, beside the Spanish
    // Arana of another article), whose sentences name another nation or language more often than
    // they show anything Russian, and that never stands beside a Russian word, is that
    // language's word or name (opera seria, in sentences on Italian opera; the Chinese ru zhui;
    // Loi Gayssot, in a sentence on French law): reported only at `possible`. A nation of the
    // former Empire and Union (Georgian, Latvian) counts only for a lower-case word: its people's
    // names were written through Russian (Operation Priboi, in a sentence on Latvian patriots).
    // See `sentenceLanguage` in foreign.ts.
    const otherLanguage = once(() => {
      const onlyScheme = !ok && list.length === 1;
      const targetDocs = new Set(targetSpelling?.occurrences.map((o) => o.doc) ?? []);
      const apart = targetSpelling !== undefined && s.occurrences.every((o) => !targetDocs.has(o.doc));
      if ((!onlyScheme && !apart) || s.occurrences.some((o) => o.russianNeighbour)) return false;
      // Beside a target in another document, a word that ends as a Russian surname or patronymic
      // is the same person's name spelt two ways more often than another language's word (a
      // manuscript in chapter files: Tukhachevskiy in one, beside German officers).
      if (!onlyScheme && russianNameForm(g.cyrillic)) return false;
      const lower = !/^\p{Lu}/u.test(s.display);
      const other = s.occurrences.filter((o) => o.sentence() === 'foreign' || (lower && o.sentence() === 'home')).length;
      return other > s.occurrences.filter((o) => o.sentence() === 'russian').length;
    });
    // A spelling that another Cyrillic language's national system writes from the group's word,
    // with a letter no Russian scheme writes there (Maksym, Kateryna: y for и in the Ukrainian
    // system), in a person's name (a name the lexicon knows as such, or one that stands before a
    // surname or after given names or initials), is that person's own form of the name, not a
    // slip: reported only at `possible`, saying so. A place is left out: the river Dniestr (ie
    // for е, as the Belarusian system writes it) is the text's slip or a third language's form.
    const ownScheme = once(() => (personName(run, g.cyrillic, s) ? otherCyrillicScheme(g.cyrillic, s.info.fold) : undefined));
    // A spelling only the scheme flags (the work has no other spelling of its word), where it
    // stands beside no Russian word: nothing but the scheme speaks against it there, and the text
    // cannot tell a slip from a person's own form, a quotation or another language's word
    // (Krivosheev, Julin, Ekaterina in a quoted title; det, nine times in a passage on
    // Norwegian): shown, not rewritten unattended (docs/check.md "Confidence").
    const lone = !ok && list.length === 1;
    // Such a spelling of a place (the lexicon knows the word as a proper noun, not as a person's
    // name) is more often the place's established English form than a slip: an exonym no scheme
    // writes and the conventional list lacks (Gdynia, Reims, Jassy, Klaipeda, Yevpatoria, Kirgizia,
    // Riazan in a book that writes it so 36 times). Reported only at `possible`, every occurrence
    // (chosen on twelve tuning corpora, it raised precision on the thirteenth, left out,
    // in 11 runs and lowered it in none; docs/check.md "A place name only the scheme flags").
    const lonePlace = lone && (groupFlags & LexiconFlag.proper) !== 0 && (groupFlags & PERSONAL) === 0;
    let reported = false;
    for (const o of s.occurrences) {
      if (samePerson !== undefined && (o.surname === undefined || !samePerson.has(o.surname))) continue;
      // A word of an established full name is exempt from the scheme, not from grouping; one that
      // renders another word there is that person's own name (Georgi Dimitrov: Bulgarian георги).
      // In the name of a thing named after the person (the Andrei Bely Prize, beside other people's
      // Andrey), it is the thing's own name, not reported by grouping either.
      if (o.established !== undefined && (!ok || o.eponym || (o.established !== '' && o.established !== g.cyrillic))) continue;
      // The text's transliteration of the Cyrillic it quotes beside it (Russian: Князь Игорь,
      // "Knyaz' Igor'") is given on purpose beside the prose's own form: not an inconsistency. A
      // declared scheme that writes it otherwise still reports it.
      if (o.transliteration && ok) continue;
      const alone = common && /^\p{Lu}/u.test(o.text);
      // A name is a unit: in a person's name whose other words are not Russian by any evidence, or
      // that a demonym of another nation describes (Luca Zuffi, Swiss footballer), the word is that
      // person's language's, whatever the lexicon knows of it (Luca, Katja, Anja read as луца, катя,
      // аня): reported only at `possible`, as a group with no evidence is (weigh.ts).
      const weighedHere = o.company() === 'foreign' || otherLanguage() || ownScheme() !== undefined ? Math.min(base, LONE_TARGET) : alone ? Math.round(base * LONE_COMMON * 100) / 100 : base;
      const unattended = lonePlace ? Math.min(weighedHere, LONE_TARGET) : lone && !o.russianNeighbour ? Math.min(weighedHere, UNATTENDED_BELOW) : weighedHere;
      // A word of a place's name of several words in the conventional list (Yasnaya Polyana) that
      // grouping reports: the fix rewrites that word alone, and applied unattended it leaves the
      // name half rewritten (Yasnaia Polyana, when the text writes Iasnaia elsewhere); shown, not
      // applied. Not a person's full name: a given name is shared by many people and spelt by
      // the text's system (Aleksandr Solzhenitsyn beside Alexander elsewhere is a true, certain
      // finding on realtext). docs/check.md "Established names of places".
      const partOfName = ok && o.inName !== undefined;
      const held = partOfName ? Math.min(unattended, UNATTENDED_BELOW) : unattended;
      const confidence = chosen ? Math.min(held, reported ? CHOSEN_REST : CHOSEN_FIRST) : held;
      reported = true;
      if (confidence < run.minConfidence) continue;
      const text = matchCase(target, o.text);
      // The fix may be the text's own conventional or usual form rather than the scheme's: say which.
      const reason = inflected === true
        ? `"${o.text}" is not ${named} romanization: it is ${g.cyrillic} in another case or number, not "${text}", so no fix is offered.`
        : unknownSpelling !== undefined
        ? `"${o.text}" is not ${named} romanization: ${named} writes it from no ${unknownSpelling} word, so no fix is offered.`
        : !ok && run.otherLanguage[g.domain] !== undefined
        ? `"${o.text}" is not ${named} romanization; the text's form of the word, "${text}", is.`
        : !ok
        ? foldRomanized(text) === written
          ? `"${o.text}" is not ${named} romanization; ${named} writes "${text}" (${g.cyrillic}).${chosen ? ` The text writes it so ${count(s)} times.` : ''}`
          : `"${o.text}" is not ${named} romanization (${named} writes "${matchCase(shown(), o.text)}", ${g.cyrillic}); the text's form of the word is "${text}".`
        : scheme === undefined
          ? `Inconsistent romanization: "${o.text}" is spelt "${text}" elsewhere.`
          : `Inconsistent romanization: "${o.text}" and "${text}" stand for one word (${g.cyrillic}).`;
      const own = ownScheme();
      const why = (lowered === undefined ? '' : ` ${lowered}`) + (own === undefined ? '' : ` It is how ${own} writes ${g.cyrillic}: the ${getScheme(own).language.name} form of the name.`) + (partOfName ? ` It stands in "${o.inName}", an established English name of a place: rewriting one of its words is left to you.` : '');
      const dg: Diagnostic = {
        ruleId,
        source: 'latinitsa',
        severity: 'error',
        reason: reason + why,
        place: run.lines[o.doc]!.placeOf(o.start, o.end),
        actual: o.text,
        // A case or number form gets no spelling to write: the group's is another form of the word.
        expected: inflected === true || unknownSpelling !== undefined ? [] : [text],
        note: counts,
        confidence,
        data: { key: fallbackKey(s.info.fold), cyrillic: g.cyrillic, confidence: confidenceLabel(confidence), ...(scheme === undefined ? {} : { scheme }) },
      };
      // A fix only to the scheme's spelling of a real word or name, or to a spelling of the text.
      if ((targetSpelling !== undefined || attestedWord) && inflected !== true && unknownSpelling === undefined) dg.fix = { range: [o.start, o.end], text };
      const file = documents[o.doc]!.file;
      if (file !== undefined) dg.file = file;
      out.push({ dg, doc: o.doc });
    }
  }
  return out;
}

/**
 * Whether a spelling stands for a person's name: the lexicon knows its word as a given name,
 * surname or patronymic (read back from the word's romanization), or, when the lexicon does not
 * know the word as a place, the spelling stands before a capitalised word or after given names or
 * initials somewhere in the work (Danylo Sapunov: the lexicon lacks данило).
 */
function personName(run: CheckRun, cyrillic: string, s: Spelling): boolean {
  const flags = run.reader.read(romanize(cyrillic, { scheme: DEFAULT_SCHEME })).find((r) => r.cyrillic === cyrillic)?.flags ?? 0;
  if ((flags & PERSONAL) !== 0) return true;
  return (flags & LexiconFlag.proper) === 0 && s.occurrences.some((o) => o.surname !== undefined || o.names.length > 0);
}

/** The target spelling in the case pattern of the word it replaces. */
function matchCase(target: string, like: string): string {
  if (like.length > 1 && like === like.toUpperCase() && like !== like.toLowerCase()) return target.toUpperCase();
  const first = like[0]!;
  if (first !== first.toLowerCase()) return target.charAt(0).toUpperCase() + target.slice(1);
  return target.toLowerCase();
}

/**
 * `file:line:column`, or `line:column` for a text without a name; in a .docx's footnote or
 * endnote `file:footnote 3, paragraph 1, column 5`, as the reports place a finding there
 * (docs/diagnostics.md).
 */
export function placeName(document: Pick<CheckDocument, 'file' | 'text' | 'notes'>, point: Point): string {
  const inNote = noteAt(document, point.offset);
  return `${document.file === undefined ? '' : `${document.file}:`}${inNote === undefined ? `${point.line}:${point.column}` : notePlaceWords(inNote, point.column)}`;
}
