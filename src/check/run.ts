// The settings of one check, resolved once before any text is read: the schemes of the text and
// the notes, the reader of Latin spellings, the word lists. docs/check.md.
import { lineIndex, type LineIndex } from '../diagnostics/place.ts';
import { declaredSchemeInLanguage } from '../engine/lang.ts';
import { resolveScheme } from '../engine/resolve.ts';
import { romanize } from '../engine/romanize.ts';
import { deromanize } from '../reverse/deromanize.ts';
import { DEFAULT_LANGUAGE } from '../schemes/registry.ts';
import { assertEmphasis, assertNotes, assertRegions } from '../document/regions.ts';
import { createReader, foldRomanized, schemeKey, type Reader, type ReaderScheme } from '../reverse/readings.ts';
import { LatinitsaError } from '../errors.ts';
import { parseConfidence } from './confidence.ts';
import { SAME_AS_TEXT, validateCheckOptions } from './config.ts';
import { conventionalForms, fullNames, type ConventionalEntry, type FullName } from './conventional.ts';
import foreignData from './data/foreign.json' with { type: 'json' };
import proseData from './data/prose-schemes.json' with { type: 'json' };
import { englishLists } from './english.ts';
import { isEnglishFormation, olderStyle } from './fallback.ts';
import type { Scheme } from '../schemes/registry.ts';
import type { CheckDocument, CheckOptions } from './types.ts';

const proseSchemes: readonly string[] = proseData.schemes;
/** The letters the schemes of English prose write (built on first use). */
let proseLetters: ReadonlySet<string> | undefined;
/** The letters of the schemes of English prose that are not linguists' transliterations, with a–z. */
let mainstreamLetters: ReadonlySet<string> | undefined;
/** A capitalised word, whole: a capital and small letters between non-letters. */
const CAPITALISED_WORD = /(?<!\p{L})\p{Lu}\p{Ll}+(?!\p{L})/gu;
/** A Latin letter: what a scheme's reading back leaves of a spelling it cannot have written. */
const LATIN_LETTER = /\p{Script=Latin}/u;

type Domain = 'text' | 'notes';

/** One check's resolved settings, shared by its stages. */
export interface CheckRun {
  /** The declared scheme of each domain, if any. */
  schemes: Record<Domain, string | undefined>;
  /** Each declared scheme as messages name it, with the options declared: ala-lc-simplified (initial=y). */
  schemeNames: Record<Domain, string | undefined>;
  /** Each declared scheme's index among the reader's schemes, or -1. */
  declared: Record<Domain, number>;
  reader: Reader;
  /** Indexes of the reader's schemes English prose is written in (and the declared ones). */
  prose: ReadonlySet<number>;
  /** Indexes of the schemes of English prose that are not linguists' transliterations (prose-schemes.json), and the declared ones. */
  mainstream: ReadonlySet<number>;
  /** The letters the schemes of English prose write: a word with another letter is not theirs. */
  foreignLetters: ReadonlySet<string>;
  /**
   * The letters each domain's declared scheme writes, with the plain Latin letters; without any
   * declared scheme, those of the schemes of English prose that are not linguists'
   * transliterations (a name written whole in č, š, ž is given in another system on purpose).
   */
  declaredLetters: Record<Domain, ReadonlySet<string> | undefined>;
  /** No lexicon: the plausible readings stand in for the attested ones. */
  letterOnly: boolean;
  /** Whether notes are a domain of their own (a notes scheme is declared or found). */
  separateNotes: boolean;
  conventional: ReadonlyMap<string, ConventionalEntry>;
  /** Full names of the conventional list (Grigori Rasputin), by surname. */
  established: ReadonlyMap<string, readonly FullName[]>;
  allow: ReadonlySet<string>;
  /** The `ignore` list, folded: its words are not read as spellings (see also {@link CheckRun.ignored}). */
  ignore: ReadonlySet<string>;
  /**
   * Whether a word as written is on the `ignore` list: every finding on such a word is dropped,
   * whatever its rule (checkDocuments applies this to each finding before it is reported).
   */
  ignored(written: string): boolean;
  minConfidence: number;
  lines: LineIndex[];
  /** Whether a folded word is English (common words, names, formations, accented English). */
  englishWord(fold: string): boolean;
  /** Whether a folded word is an English proper noun only (not a common word). */
  englishName(fold: string): boolean;
  /**
   * Whether a folded word is English only as a contraction the tokenizer left whole: an
   * apostrophe between letters, and the word without it English (ma’am; but also Il’ia, whose
   * letters without the soft sign spell the English ilia).
   */
  englishContraction(fold: string): boolean;
  /** The declared scheme's spelling of a Cyrillic word, folded. */
  roman(cyrillic: string, domain: Domain): string;
  /** The declared scheme's spelling of a Cyrillic word, as it prints. */
  romanShown(cyrillic: string, domain: Domain): string;
  /**
   * The declared scheme's spelling of a Russian given name, folded, when its options write first
   * names otherwise than other words (an option value's `givenNames`: soft signs left out of first
   * names only, docs/check.md "Settings"); else undefined.
   */
  romanGiven(cyrillic: string, domain: Domain): string | undefined;
  /**
   * Each domain's declared scheme when it romanizes another language than the one the checker
   * reads words in (the reader's and the lexicon's, Russian: `DEFAULT_LANGUAGE`); else undefined.
   * The group's word is then a Russian reading, which such a scheme cannot be asked to spell
   * (Юрій is not юрий): see {@link CheckRun.ownWord}.
   */
  otherLanguage: Record<Domain, string | undefined>;
  /**
   * The word, in lower case, that the domain's declared scheme of another language writes as a
   * spelling: the spelling read back by the scheme itself (every letter Cyrillic) and written
   * again the same (Yurii: юрій in uk-national); undefined when it writes the spelling from no word
   * (Gor'kii), and for a domain whose scheme is the reader's language's. No lexicon of that
   * language says whether the word exists, so any such word counts (docs/check.md "Checking
   * against a scheme of another language").
   */
  ownWord(spelling: string, domain: Domain): string | undefined;
  /**
   * Whether the work is in the older English romanization (Romanoff, Ivanovitch): its spellings
   * no scheme writes then have more fallback keys (fallback.ts, `olderStyle`; docs/check.md, "A
   * work in the older romanization").
   */
  olderStyle: boolean;
}

/** The reader for a lexicon and a scheme list, kept between runs (the page checks on every edit). */
const readers = new WeakMap<object, Map<string, Reader>>();
const noLexicon = {};

export function readerFor(options: CheckOptions, extra: ReaderScheme[]): Reader {
  const byLexicon = readers.get(options.lexicon ?? noLexicon) ?? new Map<string, Reader>();
  readers.set(options.lexicon ?? noLexicon, byLexicon);
  const key = JSON.stringify(extra.map((s) => [schemeKey(s.scheme), s.options ?? {}]));
  let reader = byLexicon.get(key);
  if (reader === undefined) {
    const base = createReader({}).schemes;
    reader = createReader({ schemes: [...base, ...extra], ...(options.lexicon === undefined ? {} : { lexicon: options.lexicon }) });
    if (byLexicon.size > 8) byLexicon.clear();
    byLexicon.set(key, reader);
  }
  return reader;
}


/** Whether the notes are a domain of their own, and their scheme if any. */
export interface NotesDomain {
  scheme: string | undefined;
}

/**
 * The house and notes schemes, read in `lang` when it is given (docs/languages.md): each declared
 * scheme as romanize resolves it (`declaredSchemeInLanguage`: its family's scheme for the
 * language, else an error); no scheme stays none, never the language's default, which would
 * check the text against a scheme nobody declared.
 */
function schemesInLanguage(options: CheckOptions, notesScheme: string | Scheme | undefined): Record<Domain, string | Scheme | undefined> {
  const inLanguage = (scheme: string | Scheme | undefined): string | Scheme | undefined =>
    options.lang === undefined ? scheme : declaredSchemeInLanguage(scheme, options.lang);
  const text = inLanguage(options.scheme);
  const notes = notesScheme === undefined ? text : inLanguage(notesScheme);
  return { text, notes };
}

/**
 * English adjectives of nationality and names of peoples (the demonym lists of
 * data/foreign.json: Kyrgyz, Tajik, Buryat, Polish, Swiss), with their plurals, folded: English
 * words, never romanized Russian, though the dictionaries lack some (Kyrgyz is no slip for the
 * Kirgiz of the Kirgiz ASSR, Tajik none for Wikipedia's Tadzhik). A demonym the conventional list
 * has (Cossack) stays a conventional form, grouped and preferred as the fix.
 */
const DEMONYMS: ReadonlySet<string> = new Set(
  [...foreignData.demonyms.home, ...foreignData.demonyms.foreign].flatMap((word) => {
    const fold = foldRomanized(word);
    return [fold, `${fold}s`];
  }),
);

/**
 * Resolves a check's options (schemes are checked here, before any work).
 *
 * @param separate The notes as a domain of their own with the given scheme (found by
 *   `notesSystem`); default: as `notesScheme` says (a scheme: apart; none or `same`: with the text).
 */
export function prepareRun(documents: readonly CheckDocument[], options: CheckOptions, separate?: NotesDomain): CheckRun {
  // A program's misuse is an error that names it, before any work (not a TypeError deep in a stage).
  validateCheckOptions(options);
  const notText = Array.isArray(documents) ? documents.find((d: unknown) => typeof (d as CheckDocument | null)?.text !== 'string') : documents;
  if (notText !== undefined) {
    const found = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);
    throw new LatinitsaError('ERR_INVALID_INPUT', Array.isArray(documents) ? `each document's text must be a string, found ${found(typeof notText === 'object' && notText !== null ? (notText as CheckDocument).text : notText)}` : `the documents must be an array, found ${found(documents)}`);
  }
  for (const [i, d] of documents.entries()) {
    if (d.file !== undefined && typeof d.file !== 'string') throw new LatinitsaError('ERR_INVALID_INPUT', `the file name of document ${i} must be a string, found ${d.file === null ? 'null' : typeof d.file}`);
    if (d.regions !== undefined) assertRegions(d.text, d.regions, documents.length === 1 ? 'option "regions"' : `the regions of document ${i}`);
    if (d.emphasis !== undefined) assertEmphasis(d.text, d.emphasis, documents.length === 1 ? 'option "emphasis"' : `the emphasis of document ${i}`);
    if (d.notes !== undefined) assertNotes(d.text, d.notes, documents.length === 1 ? 'option "notes"' : `the notes of document ${i}`);
  }
  const { common, names } = englishLists();
  const extraEnglish = new Set([...(options.englishWords ?? [])].map((w) => foldRomanized(w)));
  const ignore = new Set((options.ignore ?? []).map((w) => foldRomanized(w)));
  const allow = new Set((options.allow ?? []).map((w) => foldRomanized(w)));
  const conventional = new Map(options.builtInConventional === false ? [] : conventionalForms());
  for (const [form, cyrillic] of Object.entries(options.conventional ?? {})) conventional.set(foldRomanized(form), { cyrillic: cyrillic.toLowerCase(), capitalised: form[0] !== form[0]!.toLowerCase() });
  // Full names (Grigori Rasputin): where their words stand together, the scheme accepts them as written.
  const established = fullNames(conventional);
  const declaredNotes = options.notesScheme === SAME_AS_TEXT ? undefined : options.notesScheme;
  const notesScheme = separate === undefined ? declaredNotes : separate.scheme;
  // The schemes as given (ids, or schemes of one's own from loadScheme) and by their ids, which
  // messages and results name them by (a scheme of one's own cannot take a built-in id:
  // src/cli/scheme-file.ts).
  const given = schemesInLanguage(options, notesScheme);
  const idOf = (scheme: string | Scheme | undefined): string | undefined => (typeof scheme === 'object' ? scheme.id : scheme);
  const schemes = { text: idOf(given.text), notes: idOf(given.notes) };
  const schemeOptions = { text: options.schemeOptions ?? {}, notes: (notesScheme === undefined ? options.schemeOptions : options.notesSchemeOptions) ?? {} };
  // Each domain's scheme and options are resolved (and checked) once, before any work.
  const compiled = {
    text: resolveScheme({ ...schemeOptions.text, scheme: given.text }),
    notes: resolveScheme({ ...schemeOptions.notes, scheme: given.notes }),
  };
  const resolved = { text: compiled.text.scheme, notes: compiled.notes.scheme };
  // The letters the options in force rewrite in a given name (their values' `givenNames`), by
  // domain; undefined when none does. Only a declared scheme has them.
  const givenLetters = (domain: Domain): ReadonlyMap<string, string> | undefined => {
    if (given[domain] === undefined) return undefined;
    const { scheme, options: values } = compiled[domain];
    const map = new Map(Object.entries(scheme.options).flatMap(([name, option]) => Object.entries(option.values[values[name]!]?.givenNames ?? {})));
    return map.size === 0 ? undefined : map;
  };
  const givenMaps = { text: givenLetters('text'), notes: givenLetters('notes') };
  const minConfidence = parseConfidence(options.minConfidence ?? 0);
  // The declared schemes are read with their options, as schemes of their own.
  const extra: ReaderScheme[] = [];
  const declared = { text: -1, notes: -1 };
  const base = createReader({}).schemes;
  for (const domain of ['text', 'notes'] as const) {
    const scheme = given[domain];
    if (scheme === undefined) continue;
    if (Object.keys(schemeOptions[domain]).length === 0 && typeof scheme === 'string' && base.includes(scheme)) declared[domain] = base.indexOf(scheme);
    else {
      extra.push({ scheme, options: schemeOptions[domain] });
      declared[domain] = base.length + extra.length - 1;
    }
  }
  const reader = readerFor(options, extra);
  proseLetters ??= createReader({ schemes: proseSchemes }).letters;
  // Schemes English prose is written in; the others (GOST, ISO 9, map and messenger styles)
  // only widen the readings. The declared schemes count as prose.
  const prose = new Set(reader.schemes.map((id, i) => (proseSchemes.includes(id) ? i : -1)).filter((i) => i >= 0));
  for (const i of Object.values(declared)) if (i >= 0) prose.add(i);
  const mainstream = new Set([...prose].filter((i) => !proseData.transliterations.schemes.includes(reader.schemes[i]!)));
  for (const i of Object.values(declared)) if (i >= 0) mainstream.add(i);

  const englishName = (fold: string): boolean => names.has(fold) && !common.has(fold) && !extraEnglish.has(fold);
  // Asked of every word several times over (each stage asks of its own words): the answers are
  // remembered for the run, as the front-coded lists take a search and a block's walk each.
  const englishKnown = new Map<string, boolean>();
  const englishWord = (fold: string): boolean => {
    let known = englishKnown.get(fold);
    if (known === undefined) englishKnown.set(fold, (known = englishLookup(fold)));
    return known;
  };
  const englishLookup = (fold: string): boolean => {
    if (common.has(fold) || names.has(fold) || extraEnglish.has(fold) || DEMONYMS.has(fold)) return true;
    // English with French accents (émigrés, détente, protégé) and English formations on
    // Russian names (Trotskyist, Leninism).
    const plain = fold.normalize('NFD').replace(/\p{M}/gu, '');
    if (plain !== fold && (common.has(plain) || names.has(plain))) return true;
    if (isEnglishFormation(fold)) return true;
    // Contractions the tokenizer left whole (o’clock, ma’am): an apostrophe between letters. A
    // final one after an English word is romanized Russian's soft sign in a name (Perm’: пермь,
    // not the English perm), an elision in a word in small letters (words.ts, `englishElision`;
    // docs/check-history.md, "Recall: three misses traced").
    if (contraction(fold)) return true;
    return false;
  };
  const contraction = (fold: string): boolean => /'\p{L}/u.test(fold) && common.has(fold.replace(/'/gu, ''));
  const englishContraction = (fold: string): boolean => contraction(fold) && !common.has(fold) && !names.has(fold) && !extraEnglish.has(fold) && !isEnglishFormation(fold);
  mainstreamLetters ??= new Set([...createReader({ schemes: proseSchemes.filter((id) => !proseData.transliterations.schemes.includes(id)) }).letters, ...'abcdefghijklmnopqrstuvwxyz']);
  const noScheme = declared.text < 0 && declared.notes < 0;
  const lettersOf = (domain: Domain): ReadonlySet<string> | undefined => {
    const i = declared[domain];
    if (i < 0) return noScheme ? mainstreamLetters : undefined;
    const own = createReader({ schemes: [i < base.length ? base[i]! : extra[i - base.length]!] }).letters;
    return new Set([...own, ...'abcdefghijklmnopqrstuvwxyz']);
  };
  // An option that rewrites given names only is the checker's (docs/check.md); romanize refuses
  // it, so the form shown is the scheme's without it.
  const shownOptions = (domain: Domain): Record<string, unknown> => Object.fromEntries(Object.entries(schemeOptions[domain]).filter(([name]) => !compiled[domain].givenNameOptions.includes(name)));
  const romanShown = (cyrillic: string, domain: Domain): string => romanize(cyrillic, { ...shownOptions(domain), scheme: resolved[domain] });
  const otherLanguage = {
    text: given.text !== undefined && resolved.text.language.id !== DEFAULT_LANGUAGE ? resolved.text.language.name : undefined,
    notes: given.notes !== undefined && resolved.notes.language.id !== DEFAULT_LANGUAGE ? resolved.notes.language.name : undefined,
  };
  const ownWords = { text: new Map<string, string | undefined>(), notes: new Map<string, string | undefined>() };
  const ownWord = (spelling: string, domain: Domain): string | undefined => {
    if (otherLanguage[domain] === undefined) return undefined;
    if (!ownWords[domain].has(spelling)) {
      const word = deromanize(spelling, { scheme: resolved[domain], schemeOptions: shownOptions(domain), all: true });
      const writes = !LATIN_LETTER.test(word) && foldRomanized(romanize(word, { ...shownOptions(domain), scheme: resolved[domain] })) === foldRomanized(spelling);
      ownWords[domain].set(spelling, writes ? word.toLowerCase() : undefined);
    }
    return ownWords[domain].get(spelling);
  };
  // The work's distinct capitalised words, for the test of the older romanization.
  const capitalised = new Set<string>();
  for (const d of documents) for (const m of d.text.matchAll(CAPITALISED_WORD)) capitalised.add(foldRomanized(m[0]));
  const named = (domain: Domain): string | undefined => {
    const options = Object.entries(schemeOptions[domain]).map(([k, v]) => `${k}=${String(v)}`);
    return schemes[domain] === undefined || options.length === 0 ? schemes[domain] : `${schemes[domain]} (${options.join(', ')})`;
  };
  return {
    schemes,
    schemeNames: { text: named('text'), notes: named('notes') },
    declared,
    reader,
    prose,
    mainstream,
    foreignLetters: proseLetters,
    declaredLetters: { text: lettersOf('text'), notes: lettersOf('notes') },
    letterOnly: options.lexicon === undefined,
    separateNotes: separate !== undefined || declaredNotes !== undefined,
    conventional,
    established,
    allow,
    ignore,
    ignored: (written) => ignore.size > 0 && ignore.has(foldRomanized(written)),
    minConfidence,
    lines: documents.map((d) => lineIndex(d.text)),
    englishWord,
    englishName,
    englishContraction,
    roman: (cyrillic, domain) => foldRomanized(romanShown(cyrillic, domain)),
    romanShown,
    romanGiven: (cyrillic, domain) => {
      const map = givenMaps[domain];
      return map === undefined ? undefined : foldRomanized(romanShown([...cyrillic].map((c) => map.get(c) ?? c).join(''), domain));
    },
    otherLanguage,
    ownWord,
    olderStyle: olderStyle(capitalised, (fold) => englishWord(fold) || conventional.has(fold)),
  };
}
