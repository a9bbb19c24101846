// Weighing a group: which of its spellings is the target (a conventional form, a spelling the
// declared scheme writes, the most frequent one), which are the minority to report, under which
// rule, and how sure each finding is. docs/check.md.
import { LexiconFlag } from '../reverse/lexicon.ts';
import { foldRomanized } from '../reverse/readings.ts';
import { englishLists } from './english.ts';
import { inflectedForm, joinOnlyWord, modernSpelling } from './fallback.ts';
import { adjectiveForm, foreignSurnameStem, russianNameForm, russianPlaceForm } from './foreign.ts';
import { anchor, count, NAME_FLAGS, readingFlags, type Group, type Link, type Spelling } from './model.ts';
import type { CheckRun } from './run.ts';
import { once } from './words.ts';

/** How often a key-joined spelling stands, at least, for a target the text writes once to be doubted. */
const LONE_TARGET_AGAINST = 3;
/**
 * The confidence (`possible`, below the command's default) of a finding with evidence against it:
 * a key-joined spelling against a target the text writes once, a group with no evidence that its
 * word is Russian, an occurrence in a person's name of another language (findings.ts).
 */
export const LONE_TARGET = 0.59;
/**
 * The most a finding gets whose evidence does not justify a rewrite nobody watches (`--fix`,
 * textlint's fix and the page's "accept all" apply `certain` findings only): still `likely`,
 * still shown. docs/check.md "Confidence", "What `certain` asks for".
 */
export const UNATTENDED_BELOW = 0.89;
/** The soft and hard signs' marks as `foldRomanized` writes every variant of them (’ ʹ ′ as ', ʺ ″ as "). */
const FOLDED_MARK = /['"]/u;
const FOLDED_MARKS = /['"]/gu;

/** A spelling of a group to report. */
export interface Minority {
  s: Spelling;
  link: Link;
  /** Whether the declared scheme writes it (or there is none): an inconsistency, not a scheme mismatch. */
  ok: boolean;
  ruleId: 'check/inconsistent-romanization' | 'check/scheme-mismatch';
  /** The finding's confidence before the place of each occurrence is weighed. */
  confidence: number;
  /** A capitalised common word the scheme does not write, with nothing Russian around its group. */
  common: boolean;
  /** For an English name, the surnames it is reported before (those the target stands before). */
  samePerson?: ReadonlySet<string>;
  /** Why its confidence was lowered after weighing, said after the finding's message (notes-system.ts). */
  why?: string;
  /**
   * The group's word in another case or number (Yevreyi beside Yevrey: `inflectedForm`), reported
   * only as a scheme mismatch and with no fix: the fix would change the word.
   */
  inflected?: boolean;
}

/** What a group comes to: its target and the spellings to report. */
export interface Weighed {
  /** The spelling to write (the fix), as the text writes it or as the scheme does. */
  target: string;
  /** The target's spelling in the text, if the text has it. */
  targetSpelling: Spelling | undefined;
  /** The declared scheme's spelling of the group's word, folded ('' without a scheme). */
  written: string;
  /** The declared scheme's spelling of the group's word, as it prints. */
  shown: () => string;
  /** Whether the group's word is a real word or known name (a fix to the scheme's spelling is safe). */
  attestedWord: boolean;
  /**
   * The language of a declared scheme of another language than the reader's, when no spelling
   * of the group is that scheme's: its spelling of the word is unknown (the group's word is a
   * Russian reading), so the finding names none and has no fix.
   */
  unknownSpelling?: string;
  minority: Minority[];
}

/**
 * Whether the lexicon reads a group's word as a given name and not a patronymic (Васильевна is
 * both: a modification of first names does not reach patronymics, which a book's note names apart).
 */
function isGivenName(g: Group): boolean {
  return g.spellings.some(({ s }) => s.info.readings.some((r) => r.cyrillic === g.cyrillic && (r.flags & (LexiconFlag.given | LexiconFlag.patronymic)) === LexiconFlag.given));
}

/**
 * Whether, in a work in the older romanization, a spelling read in the modern letters (Dolgoroukoff
 * as долгоруков, Tchérévine as тчеревин) shows its word Russian: a name the lexicon knows, or the
 * ending of a Russian surname, patronymic or town. Never in any other work, for an English word
 * (Andrew is no андрев), or when the modern letters change nothing.
 */
function modernEvidence(run: CheckRun, fold: string): boolean {
  if (!run.olderStyle || run.englishWord(fold) || englishLists().withW.has(fold)) return false;
  const modern = modernSpelling(fold);
  if (modern === fold) return false;
  const best = run.reader.read(modern)[0];
  return best !== undefined && ((best.flags & NAME_FLAGS) !== 0 || russianNameForm(best.cyrillic) || russianPlaceForm(best.cyrillic));
}

/** What weighing a group is told besides the run and the group. */
export interface WeighOptions {
  /** The spellings that stand only in quotations (another author's), which never win a tie by their word (see `rank`). */
  quotedOnly?: ReadonlySet<Spelling>;
}

/** The target and minority of a group, or nothing when the group has nothing to report. */
export function weighGroup(run: CheckRun, g: Group, { quotedOnly = new Set() }: WeighOptions = {}): Weighed | undefined {
  const { schemes, declared, letterOnly } = run;
  const scheme = schemes[g.domain];
  const schemeIndex = declared[g.domain];
  const link = new Map(g.spellings.map(({ s, link }) => [s, link]));
  // A spelling conforms when the scheme writes it from the group's word or from another real
  // word it may stand for (istorii: истории, a case form, in modified-loc).
  // A capitalised spelling also conforms when the scheme writes it from a plausible name nobody
  // attests (Marey: марей).
  const written = scheme === undefined ? '' : run.roman(g.cyrillic, g.domain);
  // The scheme's own spelling as it prints (roman folds it), for a message that names it.
  const shown = (): string => run.romanShown(g.cyrillic, g.domain);
  // A declared modification of first names only (soft signs left out of them: an option's
  // `givenNames`, docs/check.md "Settings") writes the group's word so where it is a given name.
  const givenWritten = scheme === undefined || !isGivenName(g) ? undefined : run.romanGiven(g.cyrillic, g.domain);
  const conforms = (s: Spelling): boolean =>
    scheme !== undefined &&
    (s.info.fold === written ||
    s.info.fold === givenWritten ||
    run.ownWord(s.display, g.domain) !== undefined ||
    s.info.readings.some(
      (r) =>
        r.schemes.includes(schemeIndex) &&
        (r.cyrillic === g.cyrillic || (r.flags !== 0 && s.info.near.includes(r.cyrillic)) || (/^\p{Lu}/u.test(s.display) && s.info.kind === 'plausible' && link.get(s) !== 'fallback' && link.get(s) !== 'alternative' && s.info.near.includes(r.cyrillic))),
    ));
  const list = g.spellings;
  if (!list.some(({ s }) => anchor(s))) return undefined;
  // The target: a conventional form, else (with a scheme) a spelling the scheme writes, most
  // frequent first; else the most frequent spelling; else the scheme's spelling of the word.
  // A conventional form weighs twice its count, a spelling the scheme writes one and a half:
  // the fix goes to them unless another spelling is far more frequent.
  // Between spellings of equal weight that the scheme writes, the one it writes from the group's
  // own word comes first: Vasil’evich (васильевич) before Vasilievich, which the scheme writes
  // from the rarer patronymic василиевич. Not a spelling that stands only in quotations: it is
  // another author's, and the author's own spelling is not turned into it (realtext6's article
  // writes Buniatov, a quotation of Bournoutian Bunyatov). docs/check.md, "Which spelling is flagged".
  const rank = (s: Spelling): number => (s.info.kind === 'conventional' ? 2 : 0) + (conforms(s) ? 1 : 0) + (scheme !== undefined && s.info.fold === written && !quotedOnly.has(s) ? 0.5 : 0);
  // A spelling that joined by its fallback key is never the fix, but in a work in the older
  // romanization checked without a scheme, where no conventional form speaks for the modern
  // spelling: there the older spelling is the work's own system, and its majority is the norm
  // (Kiachta 79 times beside Kiakhta twice: the two are flagged, not the 79; docs/check.md, "A
  // work in the older romanization").
  const ownSystem = run.olderStyle && scheme === undefined && !list.some(({ s }) => s.info.kind === 'conventional');
  const keyJoined = (s: Spelling): boolean => link.get(s) === 'fallback' || link.get(s) === 'alternative';
  // Not a word that joined only for its w (w read as v): that is how the older romanization wrote
  // в, but also how English and Polish write their own names; the English lists keep their words
  // with a w out (Andrew, `withW`), not another language's (a Polish Wladimir): such a word is
  // flagged, never the fix.
  const ownForm = (s: Spelling): boolean => ownSystem && !joinOnlyWord(s.info.fold, (ch) => run.reader.letters.has(ch));
  const weight = (s: Spelling): number => (keyJoined(s) && !ownForm(s) ? 0 : count(s) * (s.info.kind === 'conventional' ? 2 : 1) * (conforms(s) ? 1.5 : 1));
  // Ties go to the spelling whose reading looks more Russian (Kosior: косиор, not коссиор).
  const score = (s: Spelling): number => s.info.readings[0]?.score ?? -Infinity;
  // Between spellings of equal weight and rank, one that stands only in quotations is another
  // author's and comes last, with a scheme or without.
  const quoted = (s: Spelling): number => (quotedOnly.has(s) ? 1 : 0);
  // A spelling the author allowed (`allow`, `--allow`) is preferred for its word, whatever the
  // counts and the conventional list say (docs/check.md, "Settings"): the author has chosen it.
  const allowed = (s: Spelling): number => (run.allow.has(s.info.fold) ? 1 : 0);
  const ordered = [...list].sort((a, b) => allowed(b.s) - allowed(a.s) || weight(b.s) - weight(a.s) || rank(b.s) - rank(a.s) || quoted(a.s) - quoted(b.s) || score(b.s) - score(a.s) || firstAt(a.s) - firstAt(b.s));
  const top = ordered[0]!.s;
  const attestedWord = list.some(({ s }) => s.info.kind === 'attested' && (letterOnly || s.info.readings.some((r) => r.cyrillic === g.cyrillic && r.flags !== 0))) || list.some(({ s }) => s.info.conventional === g.cyrillic);
  let target: string;
  let targetSpelling: Spelling | undefined;
  if (scheme !== undefined && rank(top) === 0) {
    // Nothing in the text is conventional or conforms: the scheme's spelling of the word (a
    // fix only when the word is a real one).
    // As the text writes it, or as the scheme prints it: `written` is folded (’ and ʹ as ').
    targetSpelling = list.find(({ s }) => s.info.fold === written)?.s;
    target = targetSpelling?.display ?? shown();
  } else {
    target = top.display;
    targetSpelling = top;
  }
  if (list.length === 1 && targetSpelling === top && (scheme === undefined || rank(top) > 0)) return undefined;
  const targetFold = foldRomanized(target);
  const targetCount = targetSpelling === undefined ? 0 : count(targetSpelling);
  const schemeTarget = scheme !== undefined && (targetSpelling === undefined || conforms(targetSpelling));
  // Given names and patronymics are shared by many people; a surname tells them apart.
  const personal = list.map(({ s }) => readingFlags(s.info, g.cyrillic)).reduce((a, b) => a | b, 0);
  const surname = (personal & (LexiconFlag.given | LexiconFlag.patronymic)) === 0;
  // Evidence that the group's word is Russian at all: the lexicon knows it (as a word, a name or a
  // place), the conventional list names it, or it ends as a Russian surname or patronymic. Without
  // any (Krystian beside Kristian, Durani beside Durrani, Oomoto beside Omoto: кристян, дуррани,
  // омото) the letters merely read as Russian, and in real prose such a group is far more often a
  // name or word of another language than a slip; its findings stay at `possible`.
  // Whether the text shows the group's word Russian: a conventional form, or one occurrence in a
  // person's name read as Russian, beside a Russian word, or in lower case (also what `common`
  // below asks).
  const commonContext = once(() => list.some(({ s }) => s.info.kind === 'conventional' || s.occurrences.some((o) => o.company() === 'russian' || o.russianNeighbour || !/^\p{Lu}/u.test(o.text))));
  // A Russian surname or given name beside a spelling, in the same person's name, speaks for it too.
  const groupInContext = list.some(({ s }) => s.occurrences.some((o) => o.names.length > 0)) || commonContext();
  // So does an ending of a Russian town name in the best reading of one of its spellings (the
  // group's word may be read from a spelling no scheme writes: Nizhnedevitzk, нижнедевитьзк,
  // beside Nizhnedevitsk, нижнедевицк; made on realtext12).
  // In a work in the older romanization a spelling read in the modern letters (Dolgoroukoff as
  // Dolgorukov, Tchérévine as Tcherevin) is evidence too, when that reading is a name the lexicon
  // knows or ends as a Russian surname or town (docs/check.md, "A work in the older romanization").
  const olderEvidence = once(() => list.some(({ s }) => modernEvidence(run, s.info.fold)));
  const russianWord = run.letterOnly || personal !== 0 || groupInContext || russianNameForm(g.cyrillic) || list.some(({ s }) => russianPlaceForm(s.info.near[0] ?? s.info.readings[0]?.cyrillic ?? '')) || olderEvidence();
  // A group that no lexicon or list knows (its spellings plausible names only), whose other
  // spelling no scheme writes at all (it joined by its fallback key): initials before it, or a
  // capital letter, say nothing of Russian there. Only a Russian word beside it, a Russian name it
  // stands in, or a Russian name's or town's ending of the group's word does (not of the spelling
  // no scheme writes: Attreck reads as аттреск, a town's ending); else the two are more often a
  // misprint of a name of another language (Stockvis beside the Dutch historian Stokvis; an
  // index's Jagdallack beside the Afghan pass Jagdallak) than a slip of romanization. Made on
  // realtext13; docs/check.md, "A misprint of a name nobody knows". Asked for a key-joined
  // spelling and for any capitalised one: two names of
  // another language that share a reading (the bylines Bierman and Berman, the German Rainer
  // beside Rayner) are no slip of romanization either (made on realtext16, 16b and 17). An
  // occurrence's company is worked out on first use.
  const unknownWord = once(() => list.every(({ s }) => s.info.kind === 'plausible' || s.info.kind === 'loose') && !run.letterOnly && !russianNameForm(g.cyrillic) && !list.some(({ s }) => (s.info.kind !== 'loose' && russianPlaceForm(s.info.near[0] ?? '')) || s.occurrences.some((o) => o.company() === 'russian' || o.russianNeighbour)) && !olderEvidence());
  const minority: Minority[] = [];
  // Under a scheme of another language the groups are made of Russian readings, which join two of
  // that language's words (Vira, віра, and Vyra, вира: both вира in Russian).
  const other = run.otherLanguage[g.domain];
  const targetWord = other === undefined || targetSpelling === undefined ? undefined : run.ownWord(targetSpelling.display, g.domain);
  for (const { s, link } of list) {
    if (s.info.fold === targetFold || s === targetSpelling) continue;
    // Two spellings the scheme writes from two different words of its language are two words.
    const ownWord = targetWord === undefined ? undefined : run.ownWord(s.display, g.domain);
    if (ownWord !== undefined && ownWord !== targetWord) continue;
    // A conventional form gives way only to another conventional form; an English name to none.
    if (s.info.kind === 'conventional' && targetSpelling?.info.kind !== 'conventional') continue;
    // An English name (Yuri, Dmitri) is reported only where it names the person the target
    // spelling names too, the same surname after it (Yuri Piatakov beside Yury Piatakov), and
    // only when the text writes it no more often than the target (Andrei Sakharov, the English
    // form the text keeps, is not turned into the scheme's Andrey). So is a transliteration beside
    // the English form of its name, as often or more (`twoNames`: Aleksandr beside Alexander).
    const samePerson = s.info.english === true || twoNames(g, s, targetSpelling) ? surnamesOf(targetSpelling) : undefined;
    if (samePerson !== undefined && ((s.info.english === true && count(s) > targetCount) || !s.occurrences.some((o) => o.surname !== undefined && samePerson.has(o.surname)))) continue;
    // A name no scheme writes from the group's word, never beside a Russian word (a title: Muzei
    // Revolutsii), beside a common noun the text writes in lower case, is another word (Princess
    // Militsa beside militsiya).
    if ((link === 'fallback' || link === 'alternative') && targetSpelling !== undefined && s.occurrences.every((o) => /^\p{Lu}/u.test(o.text) && !o.russianNeighbour) && targetSpelling.occurrences.every((o) => !/^\p{Lu}/u.test(o.text))) continue;
    // Two forms of a surname that differ only in its Armenian, Georgian… ending (Gasparian and
    // Gasparyan) are that language's own two romanizations of it, not a slip of Russian's; a
    // given name so ending, before a surname (Martemian Riutin: мартемьян), is Russian and
    // still checked.
    const stem = surname && s.occurrences.every((o) => o.surname === undefined) ? foreignSurnameStem(s.display) : undefined;
    if (stem !== undefined && targetSpelling !== undefined && foreignSurnameStem(targetSpelling.display) === stem) continue;
    // An English name is an English form: never a scheme mismatch.
    const ok = scheme === undefined || conforms(s) || s.info.kind === 'conventional' || s.info.english === true;
    // A key-joined spelling that is a spelling of the group with a case or number ending added
    // (Yevreyi, евреи, beside Yevrey, еврей) is the word in another form, not a second spelling:
    // no inconsistency; under a scheme that writes the form otherwise, a mismatch with no fix
    // (made on realtext12, docs/check.md "Groups").
    const inflected = (link === 'fallback' || link === 'alternative') && list.some((o) => o.link !== 'fallback' && o.link !== 'alternative' && inflectedForm(s.info.fold, o.s.info.fold));
    if (inflected && ok) continue;
    const ruleId = ok ? 'check/inconsistent-romanization' : 'check/scheme-mismatch';
    const docs = new Set(s.occurrences.map((o) => o.doc));
    // The given names (initials, patronymics) of a surname tell persons apart: G. Maximoff is not
    // Vladimir Maksimov, Kasyan Chaykovsky not Pyotr Ilyich Tchaikovsky.
    const mine = new Set(s.occurrences.flatMap((o) => o.names));
    const theirs = new Set(targetSpelling?.occurrences.flatMap((o) => o.names) ?? []);
    const otherPerson = surname && mine.size > 0 && theirs.size > 0 && ![...mine].some((n) => theirs.has(n));
    const conventionalApart = (personal & LexiconFlag.surname) !== 0 && targetSpelling?.info.kind === 'conventional' && s.occurrences.length >= 3 && !targetSpelling.occurrences.some((o) => docs.has(o.doc));
    const found = findingConfidence({ s, link, ruleId, targetCount, targetInText: targetSpelling !== undefined, attestedWord, schemeTarget, conventionalApart: conventionalApart || otherPerson, group: g.cyrillic });
    // A spelling that joined by its key alone, written three times or more, is not turned into a
    // spelling the text writes once unless the conventional list backs that one: a single form
    // is too weak a norm, and is more often a historical or another language's form (the Kirgiz
    // SSR beside Kyrgyz ×38, a Georgian Aleksandre in a list beside Alexandre ×9) than the
    // standard the majority strays from. Reported below the default, at `possible`.
    const loneTarget = (link === 'fallback' || link === 'alternative') && targetCount === 1 && count(s) >= LONE_TARGET_AGAINST && targetSpelling?.info.kind !== 'conventional';
    // A word that is no person's name, whose fix is a conventional form no scheme writes from it
    // (Sibir beside Siberia, Azerbaydzhan beside Azerbaijan, kazak beside Cossack): the fix swaps
    // the text's transliteration for an English word, right in running prose and wrong where the
    // transliteration is the name meant (the Khanate of Sibir, Sibir Airlines, the Soviet name of
    // a republic): shown, not rewritten unattended.
    const exonym = (personal & (LexiconFlag.given | LexiconFlag.surname | LexiconFlag.patronymic)) === 0 && targetSpelling?.info.kind === 'conventional' && !run.reader.read(targetSpelling.display).some((r) => r.cyrillic === g.cyrillic && r.schemes.length > 0);
    // A spelling the text writes more often than its target, a conventional form (Tolstoi 13
    // times beside Tolstoy 5 times, only in the titles of English books it cites): the work's own
    // spelling of the name, which the conventional form outweighs by its weight alone; the fix
    // would rewrite the author's choice everywhere: shown, not rewritten unattended (made on
    // realtext10, docs/check.md "What `certain` asks for").
    const outnumbered = targetSpelling?.info.kind === 'conventional' && count(s) > targetCount;
    // A fix that only adds a soft or hard sign's mark the spelling leaves out (Rus → Rus’,
    // sobornost → sobornost’, Grigorevich → Grigor’evich): leaving the sign out is a spelling of its
    // own (Kievan Rus, a word taken into English, a person's own form, a scheme that drops it) as
    // often as a slip, and the fix inserts a character into the author's word: shown, not
    // rewritten unattended (chosen on twelve tuning corpora in each of their
    // thirteen folds, it raised the certain band's precision on the one left out in 9 runs and
    // lowered it in 2; docs/check.md "What `certain` asks for").
    const marksAdded = !FOLDED_MARK.test(s.info.fold) && targetFold !== s.info.fold && targetFold.replace(FOLDED_MARKS, '') === s.info.fold;
    // A fix to a spelling no scheme writes (an older work's own: above) is shown, never applied
    // unattended; so is every fix under a scheme of another language, whose words the checker reads
    // only as Russian ones.
    const olderTarget = targetSpelling !== undefined && keyJoined(targetSpelling);
    const base = loneTarget || !russianWord || ((s.info.kind === 'loose' || /^\p{Lu}/u.test(s.display)) && unknownWord()) ? Math.min(found, LONE_TARGET) : exonym || outnumbered || marksAdded || olderTarget || other !== undefined ? Math.min(found, UNATTENDED_BELOW) : found;
    // A capitalised word the scheme does not write that reads only as a common Russian word (куля,
    // перо, вьет: not a name or place) is romanized Russian in a Russian title or name (Novyi Mir,
    // O. S. Nagornaia) or as an adjective (Privolnoe); alone among English words it is more often
    // a name of another language (Kulja, Piero, Viet Minh). The word is Russian in this text when
    // its group has a conventional form or one of its spellings stands once in such company
    // (Genrikh Iagoda, `commonContext`); beside a spelling of the text (no scheme), the group
    // speaks for it. A capitalised word or initials before it are no such evidence (Carol W.
    // Greider, Denis Sinor, Poppy Z. Brite: made on realtext5, 6 and 14).
    const common = !ok && !commonContext() && s.info.kind === 'attested' && (readingFlags(s.info, g.cyrillic) & NAME_FLAGS) === 0 && !adjectiveForm(g.cyrillic);
    minority.push({ s, link, ok, ruleId, confidence: base, common, ...(samePerson === undefined ? {} : { samePerson }), ...(inflected ? { inflected } : {}) });
  }
  return { target, targetSpelling, written, shown, attestedWord, minority, ...(other !== undefined && targetSpelling === undefined ? { unknownSpelling: other } : {}) };
}

/** How often, at least, each of two forms of a given name is written to be two names of two languages. */
const TWO_NAMES_LEAST = 3;

/**
 * Whether a transliterated given name stands beside the English form of the name as two names of
 * two languages, not one name written two ways: the target is the English, conventional form
 * (Alexander), the text writes the transliteration (Aleksandr) at least as often, and both
 * {@link TWO_NAMES_LEAST} times or more. No
 * majority says which is the norm; an author who writes each form again and again keeps them
 * apart on purpose (H. H. Munro's preface: each name "in the spelling of the country to which
 * [it] belong[s]": Aleksandr for every Russian prince, Alexander for a Polish king and a German
 * bishop). As for an English name against its transliteration, such a spelling is reported only
 * where it names the person the target names too, the same surname after both. A clear majority
 * of the English form (realtext: 380 × Alexander, 60 × Aleksandr) still reports the minority.
 * Made on realtext13; docs/check.md, "Two names of two languages".
 */
function twoNames(g: Group, s: Spelling, target: Spelling | undefined): boolean {
  if (target?.info.kind !== 'conventional' || s.info.kind === 'conventional' || s.info.english === true || !isGivenName(g)) return false;
  return count(target) >= TWO_NAMES_LEAST && count(s) >= count(target);
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
  const flags = readingFlags(info, f.group);
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

/** Where a spelling first stands, for ordering: by document, then offset. */
function firstAt(s: Spelling): number {
  const o = s.occurrences[0]!;
  return o.doc * 1e12 + o.start;
}

/** The surnames (by fallback key) that follow a spelling's occurrences. */
function surnamesOf(s: Spelling | undefined): ReadonlySet<string> {
  return new Set((s?.occurrences ?? []).flatMap((o) => (o.surname === undefined ? [] : [o.surname])));
}
