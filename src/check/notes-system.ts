// Whether the notes and bibliography of a work follow a precise system of their own (the Library
// of Congress system in full) while the running text is simplified: a convention of many books and
// theses on Russia, under which Trotsky in the text and Trotskii in a note are both right; and the
// same convention name by name, where the text keeps a name's own form beside LC citations of it
// (citation forms). docs/check.md, "Notes in a system of their own".
import { schemeIdForLanguage } from '../engine/lang.ts';
import { romanize } from '../engine/romanize.ts';
import { regionAt } from '../document/regions.ts';
import { foldRomanized } from '../reverse/readings.ts';
import data from './data/notes-systems.json' with { type: 'json' };
import { LexiconFlag } from '../reverse/lexicon.ts';
import { NAME_FLAGS, type Group, type Spelling } from './model.ts';
import type { CheckRun } from './run.ts';
import { held } from './quoted.ts';
import type { CheckDiagnostic, CheckDocument } from './types.ts';
import { LONE_TARGET, UNATTENDED_BELOW, type Weighed } from './weigh.ts';

type Domain = 'text' | 'notes';

/** The region kind at an occurrence's offset. */
function kindAt(doc: CheckDocument, offset: number): Domain {
  return doc.regions === undefined ? 'text' : (regionAt(doc.regions, offset)?.kind ?? 'text');
}

/**
 * The precise system the notes of a work are written in, when its running text is not: the id of
 * one of `data/notes-systems.json`'s schemes, else undefined. Only known words count (readings the
 * lexicon attests), and only where the precise system and the text's (its declared scheme, else
 * the simplified baseline) write them differently. The notes follow a system when at least
 * `minWords` of their distinct words are written in it and `ratio` times more than otherwise,
 * while the running text is written in none of the precise systems more often than otherwise.
 *
 * @param run The check's settings (its declared text scheme and language).
 * @param documents The documents with their regions.
 * @param spellings The spellings read with notes and text as one domain.
 * @param lang The language of the romanized words, when not Russian.
 */
export function notesSystem(run: CheckRun, documents: readonly CheckDocument[], spellings: readonly Spelling[], lang?: string): string | undefined {
  if (!hasNotes(documents)) return undefined;
  const baseline = run.schemes.text ?? inLanguageOf(data.baseline, lang);
  if (baseline === undefined) return undefined;
  const simple = (cyrillic: string): string => (run.schemes.text === undefined ? foldRomanized(romanize(cyrillic, { scheme: baseline })) : run.roman(cyrillic, 'text'));
  let best: { id: string; words: number } | undefined;
  for (const candidate of data.schemes) {
    const id = inLanguageOf(candidate, lang);
    // A house scheme that is itself the precise system leaves nothing to tell apart.
    if (id === undefined || id === run.schemes.text) continue;
    const tally = tallySystem(documents, spellings, id, simple);
    // A text written in one of the precise systems itself has one system throughout.
    if (tally.text.in.size > tally.text.out.size) return undefined;
    const notes = tally.notes.in.size;
    if (follows(tally) && (best === undefined || notes > best.words)) best = { id: candidate, words: notes };
  }
  return best?.id;
}

/**
 * Whether the notes of a work are written in a precise system (by the test of `notesSystem`,
 * against the simplified baseline), whatever its running text is written in and whatever its
 * house scheme: what tells a citation form from a slip (`citationForms`).
 */
export function notesInPreciseSystem(documents: readonly CheckDocument[], spellings: readonly Spelling[], lang?: string): boolean {
  if (!hasNotes(documents)) return false;
  const baseline = inLanguageOf(data.baseline, lang);
  if (baseline === undefined) return false;
  const simple = (cyrillic: string): string => foldRomanized(romanize(cyrillic, { scheme: baseline }));
  return data.schemes.some((candidate) => {
    const id = inLanguageOf(candidate, lang);
    return id !== undefined && follows(tallySystem(documents, spellings, id, simple));
  });
}

type Tally = Record<Domain, { in: Set<string>; out: Set<string> }>;

/** The distinct known words of text and notes written in a precise system, and those written otherwise, where it and `simple` differ. */
function tallySystem(documents: readonly CheckDocument[], spellings: readonly Spelling[], id: string, simple: (cyrillic: string) => string): Tally {
  const tally: Tally = { text: { in: new Set<string>(), out: new Set<string>() }, notes: { in: new Set<string>(), out: new Set<string>() } };
  const precise = (cyrillic: string): string => foldRomanized(romanize(cyrillic, { scheme: id }));
  for (const s of spellings) {
    if (s.info.kind !== 'attested') continue;
    const { fold, near } = s.info;
    // A spelling both systems write from one of its readings (partii: партии, or партий in
    // the precise one) tells nothing.
    const inPrecise = near.some((c) => precise(c) === fold);
    if (inPrecise && near.some((c) => simple(c) === fold)) continue;
    if (!inPrecise && precise(near[0]!) === simple(near[0]!)) continue;
    for (const o of s.occurrences) tally[kindAt(documents[o.doc]!, o.start)][inPrecise ? 'in' : 'out'].add(fold);
  }
  return tally;
}

/** Whether the notes follow the system tallied: at least `minWords` distinct words in it, `ratio` times those written otherwise. */
function follows(tally: Tally): boolean {
  const notes = tally.notes.in.size;
  return notes >= data.minWords && notes >= data.ratio * tally.notes.out.size;
}

/** Whether any document has notes. */
function hasNotes(documents: readonly CheckDocument[]): boolean {
  return documents.some((d) => d.regions?.some((r) => r.kind === 'notes') === true);
}

/** A precise system's id read in `lang` (its scheme of the same family), or undefined when the language has none. */
function inLanguageOf(id: string, lang: string | undefined): string | undefined {
  if (lang === undefined) return id;
  try {
    return schemeIdForLanguage(id, lang);
  } catch {
    return undefined;
  }
}

/** How many times, at least, the running text writes a name one way for that to be its own form. */
const OWN_FORM_TIMES = 3;

/**
 * A group's findings under the two systems applied to one name. Journals and theses on Russia
 * that romanize in the Library of Congress system still write a well-known name in its familiar
 * English form in the running text, and cite the person's Russian-language works in that system
 * in the notes (Tolstoy in the text, Tolstoi as the author of a Russian edition in a note;
 * Berdyaev, and Berdiaev as the title of a Moscow book), where English translations keep their
 * published English form (Berdyaev on *The Meaning of History*). A spelling written only in the
 * notes, in a precise system (`data/notes-systems.json`), is then a citation form, right in its
 * place when the notes are written in that system (`notesInPreciseSystem`: two such words among
 * simplified ones are not a system, and a Trotskii there is a slip beside Trotsky), and is not
 * reported against:
 * - in notes grouped apart from the text (their system found by `notesSystem`, or declared), a
 *   conventional form of the group (the English publications' form);
 * - in notes grouped with the text, the running text's own form of the name: the one form the
 *   text writes, a conventional form or one written at least {@link OWN_FORM_TIMES} times. The
 *   text's form, an author's deliberate choice beside the citations, is then reported only at
 *   `possible` (shown on request, never fixed unattended).
 * docs/check.md, "Notes in a system of their own".
 *
 * @param run The check's settings.
 * @param documents The documents with their regions.
 * @param g The group.
 * @param weighed What `weighGroup` made of it.
 * @param notesPrecise Whether the work's notes are written in a precise system (`notesInPreciseSystem`).
 * @param lang The language of the romanized words, when not Russian.
 */
export function citationForms(run: CheckRun, documents: readonly CheckDocument[], g: Group, weighed: Weighed, notesPrecise: boolean, lang?: string): Weighed {
  if (!notesPrecise || weighed.minority.length === 0) return weighed;
  const precise = new Set<string>();
  for (const id of data.schemes) {
    const scheme = inLanguageOf(id, lang);
    if (scheme !== undefined) precise.add(foldRomanized(romanize(g.cyrillic, { scheme })));
  }
  const where = (s: Spelling): { text: number; notes: number } => {
    const n = { text: 0, notes: 0 };
    for (const o of s.occurrences) n[kindAt(documents[o.doc]!, o.start)]++;
    return n;
  };
  const spellings = g.spellings.map(({ s }) => ({ s, at: where(s) }));
  const citations = new Set(spellings.filter(({ s, at }) => at.text === 0 && precise.has(s.info.fold)).map(({ s }) => s));
  if (citations.size === 0) return weighed;
  if (g.domain === 'notes') {
    if (!g.spellings.some(({ s }) => s.info.kind === 'conventional')) return weighed;
    return { ...weighed, minority: weighed.minority.filter((m) => !citations.has(m.s)) };
  }
  // Notes grouped apart never share a group with the text.
  if (run.separateNotes) return weighed;
  const inText = spellings.filter(({ at }) => at.text > 0);
  const own = inText.length === 1 && inText[0]!.at.text > inText[0]!.at.notes ? inText[0]! : undefined;
  if (own === undefined || precise.has(own.s.info.fold)) return weighed;
  // The text's form is a conventional form, or a romanization of the word by some system written
  // again and again (Ilyin, Berdyaev), not a spelling no system writes (Bucharin, an old German
  // form beside a note's Bukharin, is a slip of one system, not the other system).
  const bySystem = own.s.info.readings.some((r) => r.cyrillic === g.cyrillic && r.schemes.length > 0);
  if (own.s.info.kind !== 'conventional' && (!bySystem || own.at.text < OWN_FORM_TIMES)) return weighed;
  const why = `The notes cite it in ${[...citations].map((c) => `"${c.display}"`).join(', ')}, the notes' system, and the text writes "${own.s.display}" every time: the text's own form of the name, kept on purpose?`;
  const minority = weighed.minority.filter((m) => !citations.has(m.s)).map((m) => (m.s === own.s ? { ...m, confidence: Math.min(m.confidence, LONE_TARGET), why } : m));
  return { ...weighed, minority };
}

/**
 * An inconsistency held below `certain` when it stands in a note that cites a work in Russian (a
 * romanized Russian title word in it) and its spelling is one a system of romanization writes from
 * its word (Zinov'ev, the Library of Congress's, beside the text's Zinoviev): such a note cites a
 * work as it was published or catalogued, so there the spelling is a citation form as often as a
 * slip, even where the notes are too few to show their system (`notesSystem` asks for more).
 * Still shown, at `likely`; never rewritten unattended, where a fix would turn a correct citation
 * into the text's form. Not held: notes that write the text's form themselves, notes read apart
 * in a system declared or found, and a scheme mismatch under the scheme the author declared (in
 * each a slip is a slip). Applied after the learned score, which leaves a certain finding alone,
 * so that no finding is lost by it (docs/check.md "What `certain` asks for"; without the hold,
 * `--fix` rewrites such a citation into the text's form).
 */
export function citedInNote(run: CheckRun, documents: readonly CheckDocument[], doc: CheckDocument, dg: CheckDiagnostic): CheckDiagnostic {
  // Under a declared scheme the author has named the norm, notes included (or named the notes'
  // own, `notesScheme`): a scheme mismatch in a note is fixed as anywhere. Only an inconsistency,
  // whose norm is the text's own majority, is held.
  if (dg.ruleId !== 'check/inconsistent-romanization' || dg.confidence <= UNATTENDED_BELOW || run.separateNotes || dg.actual === undefined || kindAt(doc, dg.place.start.offset) !== 'notes') return dg;
  const cyrillic = dg.data?.['cyrillic'];
  const target = dg.expected?.[0];
  if (typeof cyrillic !== 'string' || target === undefined || !run.reader.read(dg.actual).some((r) => r.cyrillic === cyrillic && r.schemes.length > 0)) return dg;
  // Notes that write the text's form themselves (Yezhov twice in a note, Ezhov once) are in it:
  // their other spelling is a slip. And only a note that cites a work in Russian, a romanized
  // title word in it (Sochineniia), cites in a system: an English book's title in a reference
  // list (Dostoyevsky: A Human Portrait) is the text's to make consistent, a true finding there.
  if (notesWrite(documents, target) || !citesRussian(run, doc, dg.place.start.offset)) return dg;
  return held(dg, 'It stands in a note that cites a work in Russian, as it was published or catalogued: not fixed unattended.', UNATTENDED_BELOW);
}

/** A romanized word of a Russian title: four letters or more, read as a word of the Russian dictionary (not a name), no English word. */
const TITLE_WORD = /\p{L}[\p{L}\p{M}'’ʹ]{3,}/gu;

/** Whether the note at `offset` holds, besides the word there, a romanized Russian dictionary word (a cited Russian title: Sochineniia, Istoriia). */
function citesRussian(run: CheckRun, doc: CheckDocument, offset: number): boolean {
  const regions = doc.regions;
  if (regions === undefined) return false;
  // The note is its line (a footnote, a bibliography entry), in its notes regions: a Markdown
  // title in asterisks is a region of its own (*Omut pamiati*; docs/check.md, "A citation form in a note").
  const from = doc.text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = doc.text.indexOf('\n', offset);
  const to = lineEnd === -1 ? doc.text.length : lineEnd;
  for (const m of doc.text.slice(from, to).matchAll(TITLE_WORD)) {
    const at = from + m.index;
    if (at === offset || regionAt(regions, at)?.kind !== 'notes' || run.englishWord(foldRomanized(m[0]))) continue;
    if (run.reader.read(m[0]).some((r) => (r.flags & LexiconFlag.word) !== 0 && (r.flags & NAME_FLAGS) === 0 && r.schemes.length > 0)) return true;
  }
  return false;
}

/** Whether the notes of any of the documents write `word` (as a whole word, in any case). */
function notesWrite(documents: readonly CheckDocument[], word: string): boolean {
  const pattern = new RegExp(`(?<![\\p{L}\\p{M}])${word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}\\p{M}])`, 'iu');
  return documents.some((d) => (d.regions ?? []).some((r) => r.kind === 'notes' && pattern.test(d.text.slice(r.start, r.end))));
}
