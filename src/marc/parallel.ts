// Parallel fields: romanizing a record's Cyrillic into linked 880 pairs, checking existing pairs,
// and proposing 880 Cyrillic fields for romanized-only records. Browser-safe; see docs/marc.md.
import { LatinitsaError } from '../errors.ts';
import { schemeOfLanguage } from '../engine/lang.ts';
import { resolveScheme, type RomanizeOptions } from '../engine/resolve.ts';
import { romanize } from '../engine/romanize.ts';
import { mixedScriptFix } from '../check/check.ts';
import { deromanizeDetailed, type DeromanizeOptions, type WordReading } from '../reverse/deromanize.ts';
import equivalents from '../reverse/equivalents.json' with { type: 'json' };
import type { Lexicon } from '../reverse/lexicon.ts';
import { getLanguage } from '../schemes/languages.ts';
import { getScheme, listSchemes, type Scheme } from '../schemes/registry.ts';
import { lookAlikes } from '../schemes/script.ts';
import table from './data/fields.json' with { type: 'json' };
import { CYRILLIC_SCRIPT_CODE, ENGLISH_PHRASES, fieldRule, INTERPOLATION, PLACE_QUALIFIER, type FieldRule } from './fields.ts';
import { formatLinkage, linkageOf, pairFields } from './linkage.ts';
import type { MarcDataField, MarcDiagnostic, MarcField, MarcRecord, MarcSubfield } from './types.ts';
import { isDataField } from './types.ts';

/** Options shared by {@link romanizeRecord}, {@link checkRecord} and {@link vernacularRecord}. */
export interface MarcSchemeOptions {
  /**
   * Scheme id or loaded scheme, read as its family's scheme for each record's language (ALA-LC
   * for a Ukrainian record: ALA-LC Ukrainian). Default: the table's scheme for the record's
   * language (008/35-37; the ALA-LC table of Russian, Ukrainian, Belarusian, Bulgarian, Serbian or
   * Macedonian, see src/marc/data/fields.json); a record in a language the table does not cover
   * is then left alone with an `info` finding.
   */
  scheme?: string | Scheme;
  /**
   * The language of the records' Cyrillic (`'uk'`, `'be'`, `'bg'`, `'sr'`, `'mk'`, `'ru'`), in place of
   * their 008/35-37: the scheme (named, or the table's) of the same family for that language
   * (`ala-lc` → `ala-lc-uk`; docs/languages.md). Default: the record's own language.
   */
  lang?: string;
  /** Other options of the scheme, by name. */
  schemeOptions?: Readonly<Record<string, unknown>>;
  /**
   * The ALA-LC tie of ц ю я (for schemes that have the `tie` option): `'auto'` (default) writes
   * what the record already uses (U+FE20/U+FE21 halves, as OCLC stores them, or U+0361) and
   * otherwise the scheme's default, U+0361, the Library of Congress's mapping since 2004.
   */
  tie?: 'auto' | 'breve' | 'halves';
  /**
   * Unicode form of the text written: `'auto'` (default) decomposed (NFD) when the record's Latin
   * text is decomposed, as records converted from MARC-8 are, else composed (NFC).
   */
  normalization?: 'auto' | 'NFC' | 'NFD';
  /** 1-based record number reported in the findings. Default 1. */
  index?: number;
  /** File name reported in the findings. */
  file?: string;
}

/** What a record operation returns: the new record, what changed and what was found. */
export interface RecordResult {
  record: MarcRecord;
  /** Number of fields written (pairs made or 880s added). */
  changed: number;
  diagnostics: MarcDiagnostic[];
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const TIES = equivalents.ties;
const DOCS = 'docs/marc.md';

interface Context {
  romanizeOptions: RomanizeOptions;
  scheme: Scheme;
  form: 'NFC' | 'NFD';
  tie: 'breve' | 'halves' | undefined;
  index: number;
  file: string | undefined;
  /** A Cyrillic letter the scheme's language does not have (global), to tell its text from another Cyrillic language's. */
  foreign: RegExp;
  /** A Roman numeral typed with Cyrillic look-alikes (global), and a cheap test that text may hold one. */
  romanTwins: RegExp;
  romanHint: RegExp;
  /** Cyrillic letters that look like Latin ones, and the Latin ones (the language's look-alike table, inverted: src/schemes/script.ts `lookAlikes`). */
  twins: ReadonlyMap<string, string>;
  /** Letter pairs the scheme writes under one tie (ts, ia, iu, …), lower case. */
  tiePairs: Set<string>;
}

function diagnostic(ctx: Pick<Context, 'index' | 'file'>, d: Omit<MarcDiagnostic, 'source' | 'data' | 'url'> & { data?: Omit<MarcDiagnostic['data'], 'record'> }): MarcDiagnostic {
  const out: MarcDiagnostic = { ruleId: d.ruleId, source: 'latinitsa', severity: d.severity, reason: d.reason, url: DOCS, data: { record: ctx.index, ...d.data } };
  if (ctx.file !== undefined) out.file = ctx.file;
  if (d.actual !== undefined) out.actual = d.actual;
  if (d.expected !== undefined) out.expected = d.expected;
  if (d.confidence !== undefined) out.confidence = d.confidence;
  if (d.note !== undefined) out.note = d.note;
  return out;
}

/** The record's language code (008/35-37), or '' when there is no 008. */
function languageCode(record: MarcRecord): string {
  const f008 = record.fields.find((f) => f.tag === '008' && !isDataField(f));
  return f008 === undefined ? '' : (f008 as { value: string }).value.slice(35, 38);
}

/** Counts of the two tie forms and whether Latin text is decomposed, over the record's regular fields. */
function recordStyle(record: MarcRecord): { tie: 'breve' | 'halves' | undefined; form: 'NFC' | 'NFD' } {
  let halves = 0;
  let breve = 0;
  let decomposed = 0;
  let composed = 0;
  for (const f of record.fields) {
    if (!isDataField(f)) continue;
    for (const sf of f.subfields) {
      const v = sf.value;
      if (!/[^\x00-\x7f]/.test(v)) continue;
      // Fields, not characters, are counted: a field is written in one form or the other.
      if (v.includes(TIES.left)) halves++;
      else if (v.includes(TIES.breve)) breve++;
      if (/\p{Script=Latin}[\u0300-\u036f]/u.test(v) && v.normalize('NFC') !== v) decomposed++;
      else if (/[\u00c0-\u024f\u1e00-\u1eff]/u.test(v)) composed++;
    }
  }
  return { tie: halves > breve ? 'halves' : breve > 0 ? 'breve' : undefined, form: decomposed > composed ? 'NFD' : 'NFC' };
}

/** Why a record in a language the table has no romanization for is left alone when no scheme is named. */
function unromanizedLanguage(code: string): string {
  return `the record's language is "${code}" (008/35-37), which the MARC table has no romanization for; name a scheme or a language to romanize it anyway`;
}

/**
 * The scheme for one record, or why the record is left alone. The language is `lang` when given,
 * else the record's own (008/35-37) when the table lists it; the scheme is the table's for that
 * language, or the named scheme's family's for it (a cataloguer who names ALA-LC for a file of
 * Russian and Ukrainian records means each record's ALA-LC table). A named scheme with no table
 * for a record's language (Wikipedia's for a Ukrainian record) leaves that record alone rather
 * than stop the file.
 */
function recordScheme(code: string, options: MarcSchemeOptions): string | Scheme | { skip: string } {
  const languages = table.languages as Record<string, { language: string; scheme: string }>;
  const first = Object.values(languages)[0]!;
  if (options.lang !== undefined) return schemeOfLanguage(options.scheme ?? first.scheme, options.lang);
  const entry = languages[code];
  if (entry === undefined) {
    // Undetermined (mul, und, blank) counts as the table's first language; another language is
    // romanized only with a scheme the run names, as that scheme reads it.
    if (options.scheme !== undefined) return options.scheme;
    return table.undeterminedLanguages.includes(code) ? first.scheme : { skip: unromanizedLanguage(code) };
  }
  if (options.scheme === undefined) return entry.scheme;
  try {
    return schemeOfLanguage(options.scheme, entry.language);
  } catch (error) {
    if (!(error instanceof LatinitsaError)) throw error;
    return { skip: `the record's language is "${code}" (008/35-37): ${getLanguage(entry.language).name}, and ${error.message}` };
  }
}

/** The scheme and options for one record, or why the record is left alone. */
function context(record: MarcRecord, options: MarcSchemeOptions): Context | { skip: string } {
  const schemeRef = recordScheme(languageCode(record), options);
  if (typeof schemeRef === 'object' && 'skip' in schemeRef) return schemeRef;
  const scheme = typeof schemeRef === 'string' ? getScheme(schemeRef) : schemeRef;
  const style = recordStyle(record);
  const romanizeOptions: RomanizeOptions = { ...options.schemeOptions, scheme };
  let tie: Context['tie'];
  if ('tie' in scheme.options) {
    const chosen = options.tie === undefined || options.tie === 'auto' ? style.tie : options.tie;
    if (chosen !== undefined) romanizeOptions.tie = chosen;
    tie = (romanizeOptions.tie as Context['tie']) ?? (scheme.options.tie?.default as Context['tie']);
  }
  resolveScheme(romanizeOptions); // the one resolution: unknown options fail here, once, not per field
  const form = options.normalization === undefined || options.normalization === 'auto' ? style.form : options.normalization;
  return { romanizeOptions, scheme, form, tie, index: options.index ?? 1, file: options.file, ...schemeTraits(scheme) };
}

type Traits = Pick<Context, 'twins' | 'tiePairs' | 'foreign' | 'romanTwins' | 'romanHint'>;
const traits = new WeakMap<Scheme, Traits>();

/** What the record operations need from a scheme's data: its letters, look-alikes and tied pairs. */
function schemeTraits(scheme: Scheme): Traits {
  let t = traits.get(scheme);
  if (t === undefined) {
    const twins = lookAlikes(scheme.language).toLatin;
    const tiePairs = new Set<string>();
    for (const value of Object.values(scheme.letters)) {
      const m = new RegExp(`(\\p{L})\\p{M}*[${TIES.breve}${TIES.left}]\\p{M}*(\\p{L})`, 'u').exec(value.normalize('NFD'));
      if (m !== null) tiePairs.add((m[1]! + m[2]!).toLowerCase());
    }
    const own = [...scheme.language.letters, ...scheme.language.oldLetters].flatMap((ch) => [ch, ch.toUpperCase()]).join('');
    const foreign = new RegExp(`[[\\p{Script=Cyrillic}&&\\p{L}]--[${own}]]`, 'gv');
    // A whole word of Roman-numeral letters with at least one Cyrillic look-alike among them.
    const tw = [...twins].filter(([, latin]) => /[IVXLCDM]/.test(latin)).map(([cyrillic]) => cyrillic).join('');
    const romanTwins = new RegExp(`(?<![\\p{L}\\p{M}])(?=[IVXLCDM${tw}]*[${tw}])[IVXLCDM${tw}]+(?![\\p{L}\\p{M}])`, 'gu');
    const romanHint = new RegExp(`[IVXLCDM${tw}][IVXLCDM${tw}]|[${tw}]\\s*в`);
    t = { twins, tiePairs, foreign, romanTwins, romanHint };
    traits.set(scheme, t);
  }
  return t;
}

/** A Roman numeral (I–MMMCMXCIX). */
const ROMAN = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/**
 * Roman numerals typed with Cyrillic look-alikes (ХХ в., ХIХ век: Х for X, С for C, М for M) are
 * Latin in the source's meaning, and ALA-LC leaves numerals as they are: written back in Latin
 * before romanizing. A lone letter counts only before в./вв./век (a century), never as an initial.
 */
function romanNumerals(text: string, ctx: Context): string {
  // Cheap test first: two numeral letters in a row, or a look-alike before a century.
  if (!ctx.romanHint.test(text)) return text;
  return text.replace(ctx.romanTwins, (word: string, at: number) => {
    let latin = '';
    for (const ch of word) latin += /[IVXLCDM]/.test(ch) ? ch : ctx.twins.get(ch)!;
    if (!ROMAN.test(latin)) return word;
    if (word.length === 1 && !/^\s*(?:в\.|вв\.|век)/u.test(text.slice(at + 1))) return word;
    return latin;
  });
}

function romanizeText(text: string, ctx: Context): string {
  if (!CYRILLIC.test(text)) return text;
  return romanize(romanNumerals(text, ctx), ctx.romanizeOptions).normalize(ctx.form);
}

/**
 * Ligature halves placed one letter early (`Rossi︠i︡a` for `Rossii︠a︡`), the mark of a MARC-8
 * conversion that attached each half to the letter before it: moved onto the pair the scheme ties.
 */
function repairTieHalves(text: string, ctx: Pick<Context, 'tiePairs'>): string {
  if (!text.includes(TIES.left)) return text;
  // The half lands on whatever precedes the pair: a letter, a hyphen (2-︠i︡a), a prime.
  const re = new RegExp(`(\\S)\\p{M}*${TIES.left}(\\p{L})${TIES.right}(\\p{L})`, 'gu');
  const shift = (s: string): string =>
    s.replace(re, (whole, a: string, b: string, c: string) => {
      if (ctx.tiePairs.has((a + b).toLowerCase()) || !ctx.tiePairs.has((b + c).toLowerCase())) return whole;
      return whole.slice(0, whole.length - b.length - c.length - 2) + b + TIES.left + c + TIES.right;
    });
  // Matches overlap in a word with two ties (revol︠i︡u︠t︡sii): repeat until nothing moves.
  let out = text;
  for (let before = ''; before !== out; ) {
    before = out;
    out = shift(out);
  }
  return out;
}

/** Stands between initials written together (A.I.) while they are read, so that they read as words. */
const INITIALS_GAP = '\u2009';

/** Deromanizes text, reading initials written together (A.I. Mamontova) as the words they are; Roman numerals stay. */
function readBack(text: string, options: DeromanizeOptions): { text: string; words: WordReading[] } {
  // The reverse engine reads composed text and reports offsets in it.
  const spaced = text.normalize('NFC').replace(/(?<=(?:^|[^\p{L}])\p{Lu}\p{Ll}?\.)(?=\p{Lu})/gu, INITIALS_GAP);
  const reading = deromanizeDetailed(spaced, options);
  let out = '';
  let at = 0;
  const words = reading.words.map((w) => {
    const keep = w.converted && w.source.length > 1 && ROMAN.test(w.source);
    out += spaced.slice(at, w.input[0]) + (keep ? w.source : w.output);
    at = w.input[1];
    return keep ? { ...w, output: w.source, converted: false } : w;
  });
  out += spaced.slice(at);
  return { text: out.replaceAll(INITIALS_GAP, ''), words };
}

/** Cyrillic letters of `text` that the scheme's language does not have. */
function foreignLetters(text: string, ctx: Context): string[] {
  return [...new Set(text.match(ctx.foreign) ?? [])];
}

/**
 * Whether a subfield is copied unchanged: a code, an identifier or an English term. An LCSH
 * subdivision is kept because it is English (docs/marc.md); one in Cyrillic is text.
 */
const kept = (sf: MarcSubfield, rule: FieldRule): boolean => rule.keep.has(sf.code) && !(rule.english.has(sf.code) && CYRILLIC.test(sf.value));

/**
 * The text subfields of a field. Given its 880 (`source`), an English-or-text subfield is text when
 * the 880's subfield of the same code and rank is Cyrillic: its romanization is Latin, yet text.
 */
const textSubfields = (field: MarcDataField, rule: FieldRule, source?: MarcDataField): MarcSubfield[] => {
  if (source === undefined) return field.subfields.filter((sf) => !kept(sf, rule));
  const seen = new Map<string, number>();
  return field.subfields.filter((sf) => {
    if (!rule.english.has(sf.code)) return !rule.keep.has(sf.code);
    const rank = seen.get(sf.code) ?? 0;
    seen.set(sf.code, rank + 1);
    const twin = source.subfields.filter((s) => s.code === sf.code)[rank];
    return !kept(twin ?? sf, rule);
  });
};

function occurrenceString(n: number): string {
  return String(n).padStart(2, '0');
}

/** New 880s go after the record's last 880, or before its local 9XX fields, or at the end. */
function insert(fields: MarcField[], added: MarcDataField[]): MarcField[] {
  if (added.length === 0) return fields;
  const sorted = [...added].sort((a, b) => linkageOf(a)!.tag.localeCompare(linkageOf(b)!.tag));
  let at = -1;
  for (let i = fields.length - 1; i >= 0; i--) {
    if (fields[i]!.tag === '880') {
      at = i + 1;
      break;
    }
  }
  if (at === -1) {
    at = fields.findIndex((f) => f.tag >= '900');
    if (at === -1) at = fields.length;
  }
  return [...fields.slice(0, at), ...sorted, ...fields.slice(at)];
}

/** Display form of a field's subfields: `$a … $b …`. */
function fieldText(subfields: readonly MarcSubfield[]): string {
  return subfields.map((sf) => `$${sf.code} ${sf.value}`).join(' ');
}

/**
 * Romanizes a record the way a cataloger makes parallel fields (MARC 21 Model A): every field of
 * the table (src/marc/data/fields.json) that holds Cyrillic text becomes a romanized field with
 * `$6 880-NN` first, and its Cyrillic moves to a new 880 with `$6 TAG-NN/(N` and the same
 * indicators. Only text subfields are romanized; codes, identifiers ($0 $2 $4 …), dates in $d,
 * relator terms, URIs and English terms are copied. Occurrence numbers continue after the
 * highest one in the record; fields already linked to an 880 are left alone. Findings: Cyrillic
 * in fields the table does not pair, in an already linked field, or in another Cyrillic language.
 *
 * @example
 * import { romanizeRecord } from 'latinitsa/marc';
 * const { record } = romanizeRecord({ leader: '00000nam a2200000 a 4500', fields: [
 *   { tag: '008', value: '130329s2013    ru            000 1 rus d' },
 *   { tag: '245', ind1: '1', ind2: '0', subfields: [{ code: 'a', value: 'Вор, шпион и убийца /' }, { code: 'c', value: 'Юрий Буйда.' }] }] });
 * record.fields.slice(1);
 * //=> [{ tag: '245', ind1: '1', ind2: '0', subfields: [{ code: '6', value: '880-01' }, { code: 'a', value: 'Vor, shpion i ubiĭt͡sa /' }, { code: 'c', value: 'I͡Uriĭ Buĭda.' }] }, { tag: '880', ind1: '1', ind2: '0', subfields: [{ code: '6', value: '245-01/(N' }, { code: 'a', value: 'Вор, шпион и убийца /' }, { code: 'c', value: 'Юрий Буйда.' }] }]
 */
export function romanizeRecord(record: MarcRecord, options: MarcSchemeOptions = {}): RecordResult {
  const ctx = context(record, options);
  const place = { index: options.index ?? 1, file: options.file };
  if ('skip' in ctx) {
    const any = record.fields.some((f) => (isDataField(f) ? f.subfields.some((sf) => CYRILLIC.test(sf.value)) : false));
    return { record, changed: 0, diagnostics: any ? [diagnostic(place, { ruleId: 'marc/language', severity: 'info', reason: ctx.skip })] : [] };
  }
  const diagnostics: MarcDiagnostic[] = [];
  let next = pairFields(record).maxOccurrence + 1;
  const added: MarcDataField[] = [];
  const fields = record.fields.map((field): MarcField => {
    if (!isDataField(field) || field.tag === '880') return field;
    const cyrillic = field.subfields.filter((sf) => sf.code !== '6' && CYRILLIC.test(sf.value));
    if (cyrillic.length === 0) return field;
    const data = { tag: field.tag, subfield: cyrillic[0]!.code };
    const rule = fieldRule(field);
    if (rule === undefined) {
      diagnostics.push(diagnostic(ctx, { ruleId: 'marc/unpaired-cyrillic', severity: 'info', reason: `Field ${field.tag} holds Cyrillic but does not take an 880 (src/marc/data/fields.json); it is left as it is.`, actual: fieldText(field.subfields), data }));
      return field;
    }
    if (linkageOf(field)?.tag === '880') {
      diagnostics.push(diagnostic(ctx, { ruleId: 'marc/cyrillic-in-romanized', severity: 'warning', reason: `Field ${field.tag} is already linked to an 880 but still holds Cyrillic; it is left as it is.`, actual: fieldText(field.subfields), data: { ...data, occurrence: linkageOf(field)!.occurrence } }));
      return field;
    }
    if (!textSubfields(field, rule).some((sf) => CYRILLIC.test(sf.value))) {
      diagnostics.push(diagnostic(ctx, { ruleId: 'marc/cyrillic-in-codes', severity: 'info', reason: `Field ${field.tag} has Cyrillic only in $${data.subfield}, a subfield that is never romanized; it is left as it is.`, actual: fieldText(field.subfields), data }));
      return field;
    }
    const foreign = foreignLetters(fieldText(textSubfields(field, rule)), ctx);
    if (foreign.length > 0) {
      diagnostics.push(diagnostic(ctx, { ruleId: 'marc/other-language', severity: 'info', reason: `Field ${field.tag} has letters the ${ctx.scheme.language.name} table does not have (${foreign.join(' ')}); it is left as it is.`, actual: fieldText(field.subfields), data }));
      return field;
    }
    const occurrence = occurrenceString(next++);
    const own = field.subfields.filter((sf) => sf.code !== '6');
    added.push({ tag: '880', ind1: field.ind1, ind2: field.ind2, subfields: [{ code: '6', value: formatLinkage({ tag: field.tag, occurrence, script: CYRILLIC_SCRIPT_CODE }) }, ...own] });
    return {
      tag: field.tag,
      ind1: field.ind1,
      ind2: field.ind2,
      subfields: [{ code: '6', value: formatLinkage({ tag: '880', occurrence }) }, ...own.map((sf) => (kept(sf, rule) ? sf : { code: sf.code, value: romanizeText(sf.value, ctx) }))],
    };
  });
  return { record: { leader: record.leader, fields: insert(fields, added) }, changed: added.length, diagnostics };
}

/** The form two texts are compared in: composed, ties written one way. */
function comparable(text: string): string {
  return text
    .normalize('NFC')
    .replace(new RegExp(`(\\p{L}\\p{M}*)${TIES.left}(\\p{L}\\p{M}*)${TIES.right}`, 'gu'), `$1${TIES.breve}$2`)
    .normalize('NFC');
}

/** A look-alike finding in the Cyrillic text of an 880 (see {@link checkRecord}). */
interface Lookalike {
  ruleId: string;
  severity: 'warning';
  reason: string;
  expected?: string[];
  confidence: number;
  word: string;
}

/**
 * Words of Cyrillic text that mix in Latin letters: a Cyrillic word with Latin look-alikes
 * (Мocква), a Latin word with Cyrillic look-alikes (nо.), and an initial typed with a Latin
 * look-alike among Cyrillic words (Берберова, H.).
 */
function lookalikes(text: string, ctx: Context): Lookalike[] {
  const out: Lookalike[] = [];
  const cyrillicTwin = (ch: string): string | undefined => lookAlikes(ctx.scheme.language).toScript.get(ch);
  const words = [...text.matchAll(/\p{L}[\p{L}\p{M}]*/gu)];
  words.forEach((m, i) => {
    const word = m[0];
    const hasLatin = LATIN.test(word);
    const hasCyrillic = CYRILLIC.test(word);
    if (hasLatin && hasCyrillic) {
      // The manuscript checker's reading of a mixed word: the majority script's look-alikes.
      const { expected, cyrillicMajority } = mixedScriptFix(word);
      if (expected === undefined) {
        out.push({ ruleId: 'marc/mixed-script', severity: 'warning', reason: `"${word}" mixes Latin and Cyrillic letters.`, confidence: 0.9, word });
      } else {
        const where = [text.slice(0, m.index) + expected + text.slice(m.index + word.length)];
        out.push(
          cyrillicMajority
            ? { ruleId: 'marc/latin-lookalike', severity: 'warning', reason: `"${word}" has Latin letters that look like Cyrillic ones ("${expected}").`, expected: where, confidence: 0.9, word }
            : { ruleId: 'marc/cyrillic-lookalike', severity: 'warning', reason: `"${word}" is a Latin word with Cyrillic letters that look like Latin ones ("${expected}").`, expected: where, confidence: 0.9, word },
        );
      }
      return;
    }
    // An initial: one Latin letter with a Cyrillic twin, a full stop after it, Cyrillic words around it.
    if (hasLatin && word.length === 1 && cyrillicTwin(word) !== undefined && text[m.index + 1] === '.') {
      const before = words[i - 1]?.[0];
      const after = words[i + 1]?.[0];
      const cyr = (w: string | undefined): boolean => w !== undefined && CYRILLIC.test(w) && !LATIN.test(w);
      if ((cyr(before) || before === undefined) && (cyr(after) || after === undefined) && (cyr(before) || cyr(after))) {
        const fixed = cyrillicTwin(word)!;
        out.push({ ruleId: 'marc/latin-lookalike', severity: 'warning', reason: `the initial "${word}." is a Latin letter among Cyrillic words ("${fixed}.").`, expected: [text.slice(0, m.index) + fixed + text.slice(m.index + 1)], confidence: 0.6, word });
      }
    }
  });
  return out;
}

/** The text with the look-alikes {@link lookalikes} finds replaced by their twins. */
function mendLookalikes(text: string, ctx: Context): string {
  let out = text;
  for (const finding of lookalikes(text, ctx)) {
    if (finding.expected === undefined) continue;
    const mended = lookalikes(out, ctx).find((f) => f.word === finding.word)?.expected?.[0];
    if (mended !== undefined) out = mended;
  }
  return out;
}

/** Options of {@link checkRecord}. */
export interface CheckRecordOptions extends MarcSchemeOptions {
  /** Also try the other schemes of the language on a mismatch and say which one the field follows. Default true. */
  explainMismatches?: boolean;
}

/** Another scheme of the language that romanizes `source` as `actual`, if any. */
function matchingScheme(source: string, actual: string, ctx: Context): string | undefined {
  const want = comparable(actual);
  for (const info of listSchemes()) {
    if (info.id === ctx.scheme.id) continue;
    const other = getScheme(info.id);
    if (other.language.id !== ctx.scheme.language.id) continue;
    for (const tie of 'tie' in other.options ? (['breve', 'halves'] as const) : [undefined]) {
      const got = romanize(source, tie === undefined ? { scheme: other } : { scheme: other, tie });
      if (comparable(got) === want) return info.id;
    }
  }
  return undefined;
}

/**
 * Checks a record's parallel fields: `$6` links that are malformed, point nowhere or pair the
 * wrong tags (`marc/broken-link`); romanized fields that are not the romanization of their 880
 * under the scheme, with the expected text (`marc/romanization-mismatch`; differences of case
 * only: `marc/case-mismatch`; the tie form and Unicode normalisation are not differences);
 * Cyrillic left in a romanized field (`marc/cyrillic-in-romanized`); Latin look-alike letters in
 * the Cyrillic of an 880 (`marc/latin-lookalike`, with the repaired text).
 *
 * @example
 * import { checkRecord } from 'latinitsa/marc';
 * const ds = checkRecord({ leader: '00000nam a2200000 a 4500', fields: [
 *   { tag: '008', value: '130329s2013    ru            000 1 rus d' },
 *   { tag: '245', ind1: '1', ind2: '0', subfields: [{ code: '6', value: '880-01' }, { code: 'c', value: 'Iurii Buida.' }] },
 *   { tag: '880', ind1: '1', ind2: '0', subfields: [{ code: '6', value: '245-01/(N' }, { code: 'c', value: 'Юрий Буйда.' }] }] });
 * ds.map((d) => [d.ruleId, d.expected, d.data.matchesScheme]);
 * //=> [['marc/romanization-mismatch', ['I͡Uriĭ Buĭda.'], 'ala-lc-simplified']]
 */
export function checkRecord(record: MarcRecord, options: CheckRecordOptions = {}): MarcDiagnostic[] {
  const place = { index: options.index ?? 1, file: options.file };
  const pairing = pairFields(record);
  const diagnostics: MarcDiagnostic[] = [];
  for (const b of pairing.broken) {
    diagnostics.push(diagnostic(place, { ruleId: 'marc/broken-link', severity: 'error', reason: `Broken $6 link: ${b.problem}.`, actual: fieldText(b.field.subfields), data: { tag: b.field.tag, ...(b.occurrence === undefined ? {} : { occurrence: b.occurrence }) } }));
  }
  const ctx = context(record, options);
  // What `marc romanize` does with a field of the table that has Cyrillic and no 880, in the words
  // of the finding: it makes the pair unless it leaves the field, as docs/marc.md says, in another
  // language (`marc/language`), with another language's letters (`marc/other-language`) or with
  // Cyrillic only in subfields never romanized.
  const unpairedHint = (field: MarcDataField, rule: FieldRule): string => {
    if ('skip' in ctx) return `\`latinitsa marc romanize\` leaves it (${ctx.skip}): give \`--lang\` or \`--scheme\` to make the pair.`;
    const text = textSubfields(field, rule);
    if (!text.some((sf) => CYRILLIC.test(sf.value))) return 'it is in subfields that are never romanized, so `latinitsa marc romanize` leaves it.';
    const foreign = foreignLetters(fieldText(text), ctx);
    if (foreign.length > 0) return `it has letters the ${ctx.scheme.language.name} table does not have (${foreign.join(' ')}), so \`latinitsa marc romanize\` leaves it: give \`--lang\` with its language (\`--lang uk\` …, docs/languages.md) or \`--scheme\` to make the pair.`;
    return '`latinitsa marc romanize` makes the pair.';
  };
  for (const field of record.fields) {
    if (!isDataField(field) || field.tag === '880') continue;
    for (const sf of field.subfields) {
      if (sf.code === '6' || !CYRILLIC.test(sf.value)) continue;
      const link = linkageOf(field);
      const linked = link?.tag === '880';
      const rule = fieldRule(field);
      diagnostics.push(diagnostic(place, {
        ruleId: 'marc/cyrillic-in-romanized',
        severity: linked ? 'warning' : 'info',
        reason: linked ? `Field ${field.tag} $${sf.code} is linked to an 880 but still holds Cyrillic.` : rule === undefined ? `Field ${field.tag} $${sf.code} holds Cyrillic and does not take an 880.` : `Field ${field.tag} $${sf.code} holds Cyrillic with no 880: ${unpairedHint(field, rule)}`,
        actual: sf.value,
        data: { tag: field.tag, subfield: sf.code, ...(linked ? { occurrence: link.occurrence } : {}) },
      }));
    }
  }
  if ('skip' in ctx) {
    if (pairing.pairs.length > 0) diagnostics.push(diagnostic(place, { ruleId: 'marc/language', severity: 'info', reason: `${ctx.skip}; its pairs are not compared.` }));
    return diagnostics;
  }
  // Every 880 with a readable $6 is looked at, paired or not.
  for (const alt of record.fields) {
    if (!isDataField(alt) || alt.tag !== '880') continue;
    const link = linkageOf(alt);
    if (link === undefined) continue;
    const rule = fieldRule({ tag: link.tag, ind1: alt.ind1, ind2: alt.ind2 });
    for (const sf of alt.subfields) {
      if (sf.code === '6' || (rule !== undefined && kept(sf, rule)) || !CYRILLIC.test(sf.value)) continue;
      for (const finding of lookalikes(sf.value, ctx)) {
        diagnostics.push(diagnostic(ctx, { ...finding, reason: `880 (${link.tag}-${link.occurrence}) $${sf.code}: ${finding.reason}`, actual: sf.value, data: { tag: link.tag, occurrence: link.occurrence, subfield: sf.code, word: finding.word } }));
      }
    }
  }
  for (const { field, alternate, occurrence } of pairing.pairs) {
    const rule = fieldRule(field);
    if (rule === undefined) continue;
    const data = { tag: field.tag, occurrence };
    if (field.ind1 !== alternate.ind1 || field.ind2 !== alternate.ind2) {
      diagnostics.push(diagnostic(ctx, { ruleId: 'marc/indicator-mismatch', severity: 'info', reason: `Field ${field.tag} has indicators "${field.ind1}${field.ind2}" but its 880 has "${alternate.ind1}${alternate.ind2}".`, data }));
    }
    // Only text is compared: codes, identifiers and English terms ($0, $4, $e, $h …) may be in one field and not the other.
    const mine = textSubfields(field, rule, alternate);
    const theirs = textSubfields(alternate, rule);
    if (mine.map((sf) => sf.code).join('') !== theirs.map((sf) => sf.code).join('')) {
      const expectedField = fieldText(theirs.map((sf) => ({ code: sf.code, value: romanizeText(mendLookalikes(sf.value, ctx), ctx) })));
      diagnostics.push(diagnostic(ctx, { ruleId: 'marc/subfield-mismatch', severity: 'warning', reason: `Field ${field.tag} has the text subfields ${mine.map((sf) => `$${sf.code}`).join('')} but its 880 has ${theirs.map((sf) => `$${sf.code}`).join('')}: expected "${expectedField}".`, actual: fieldText(mine), expected: [expectedField], data }));
      continue;
    }
    mine.forEach((sf, i) => {
      const source = theirs[i]!;
      // Cyrillic left in the romanized field is reported above; a look-alike in the 880 is
      // reported above and mended before its romanization is compared.
      if (!CYRILLIC.test(source.value) || CYRILLIC.test(sf.value)) return;
      const expected = romanizeText(mendLookalikes(source.value, ctx), ctx);
      const a = comparable(sf.value);
      const e = comparable(expected);
      if (a === e) return;
      const d = { ...data, subfield: sf.code, vernacular: source.value };
      const bare = (x: string): string => x.replace(/^[\s.,:;/=]+|[\s.,:;/=]+$/g, '');
      if (bare(a) === bare(e)) {
        diagnostics.push(diagnostic(ctx, { ruleId: 'marc/punctuation-mismatch', severity: 'info', reason: `Field ${field.tag} $${sf.code} and its 880 differ in the punctuation at their ends only: expected "${expected}".`, actual: sf.value, expected: [expected], data: d }));
        return;
      }
      if (a.toLowerCase() === e.toLowerCase()) {
        diagnostics.push(diagnostic(ctx, { ruleId: 'marc/case-mismatch', severity: 'info', reason: `Field ${field.tag} $${sf.code} differs from the ${ctx.scheme.id} romanization of its 880 in case only: expected "${expected}".`, actual: sf.value, expected: [expected], data: d }));
        return;
      }
      if (comparable(repairTieHalves(sf.value, ctx)) === e) {
        diagnostics.push(diagnostic(ctx, { ruleId: 'marc/misplaced-ligature', severity: 'warning', reason: `Field ${field.tag} $${sf.code} has ligature halves one letter early (a MARC-8 conversion fault): expected "${expected}".`, actual: sf.value, expected: [expected], data: d }));
        return;
      }
      const other = options.explainMismatches === false ? undefined : matchingScheme(source.value, sf.value, ctx);
      diagnostics.push(diagnostic(ctx, {
        ruleId: 'marc/romanization-mismatch',
        severity: 'warning',
        reason: `Field ${field.tag} $${sf.code} is not the ${ctx.scheme.id} romanization of its 880${other === undefined ? '' : ` (it follows ${other})`}: expected "${expected}".`,
        actual: sf.value,
        expected: [expected],
        data: { ...d, ...(other === undefined ? {} : { matchesScheme: other }) },
      }));
    });
  }
  return diagnostics;
}

/** Options of {@link vernacularRecord}. */
export interface VernacularRecordOptions extends MarcSchemeOptions {
  /** Word lists that rank and confirm the readings (see `loadLexicon`); without one few fields are certain. */
  lexicon?: Lexicon;
  /** Write every proposed 880, not only the certain ones. Default false. */
  all?: boolean;
  /** A field is certain when this share of its converted words is certain. Default 1 (all of them). */
  threshold?: number;
}

/** The English phrase a note starts with (kept in English), or ''. */
function englishLead(value: string): string {
  for (const phrase of ENGLISH_PHRASES) {
    if (value.toLowerCase().startsWith(phrase.toLowerCase())) {
      const m = /^[\s:.,;-]*/.exec(value.slice(phrase.length))!;
      return value.slice(0, phrase.length + m[0].length);
    }
  }
  return '';
}

/** Whether a reading converted at least half of the words of two letters or more the scheme can produce. */
function mostlyRussian(reading: { words: WordReading[] }): boolean {
  const words = reading.words.filter((w) => w.candidates.length > 0 && w.source.length > 1);
  return words.length > 0 && words.filter((w) => w.converted).length * 2 >= words.length;
}

/**
 * Reads a text subfield back into Cyrillic, piece by piece. Transcribed text that reads as mostly
 * Russian is Russian throughout (abbreviations such as Tip., words English shares with Russian
 * such as my, na), except a cataloguer's bracketed English or Latin ([and others], [S.l.]). A
 * heading's closing qualifier that names a place ((Russia), (Kyiv, Ukraine)) is kept whole, and
 * another one ((Akademii͡a nauk SSSR)) is read word by word. A note keeps its
 * English: an opening cataloguing phrase, whatever stands before the first colon when none of it
 * reads as Russian, and all but its quotations, which are read as transcribed text.
 */
function vernacularPieces(text: string, kind: FieldRule['kind'], options: DeromanizeOptions): { text: string; words: WordReading[] } {
  const words: WordReading[] = [];
  let out = '';
  const read = (piece: string, transcribed: boolean): void => {
    if (piece === '') return;
    let r = readBack(piece, options);
    if (transcribed && mostlyRussian(r)) r = readBack(piece, { ...options, all: true });
    words.push(...r.words.filter((w) => w.converted));
    out += r.text;
  };
  // Pieces read word by word only: a note outside its quotations, a heading's final qualifier.
  let plain: RegExp | undefined;
  let start = 0;
  if (kind === 'note') {
    const lead = englishLead(text);
    const colon = text.indexOf(': ', lead.length);
    start = colon !== -1 && !readBack(text.slice(0, colon), options).words.some((w) => w.converted) ? colon + 2 : lead.length;
    out = text.slice(0, start);
  } else if (kind === 'heading') {
    plain = /\([^()]*\)\s*[.,]?\s*$/gu;
  }
  let body = text.slice(start);
  // A closing qualifier naming a place in its authorized form ((Russia), (Kyiv, Ukraine)) is the
  // same in the 880 (src/marc/data/fields.json, placeQualifiers).
  let place = '';
  const qualifier = kind === 'heading' ? PLACE_QUALIFIER.exec(body) : null;
  if (qualifier !== null) {
    place = qualifier[0];
    body = body.slice(0, qualifier.index);
  }
  if (kind === 'note') {
    let at = 0;
    for (const m of body.matchAll(/["“„«][^"“”„«»]*["”»]/gu)) {
      read(body.slice(at, m.index), false);
      read(m[0], true);
      at = m.index + m[0].length;
    }
    read(body.slice(at), false);
    return { text: out, words };
  }
  // A cataloguer's bracketed English or Latin ([and others], [S.l.]) stays as it is.
  const kept = (piece: string, transcribed: boolean): void => {
    let at = 0;
    for (const m of piece.matchAll(INTERPOLATION)) {
      read(piece.slice(at, m.index), transcribed);
      out += m[0];
      at = m.index + m[0].length;
    }
    read(piece.slice(at), transcribed);
  };
  let at = 0;
  for (const m of plain === undefined ? [] : body.matchAll(plain)) {
    kept(body.slice(at, m.index), true);
    read(m[0], false);
    at = m.index + m[0].length;
  }
  kept(body.slice(at), true);
  return { text: out + place, words };
}

/**
 * Proposes the Cyrillic 880 of each romanized field that has none, read back by the reverse
 * engine (docs/reverse.md) under the record's scheme: text subfields only, English phrases that
 * open a note and English words kept. A field is certain when every word converted in it is
 * certain (one reading, or the only one the lexicon attests); certain fields are written as
 * linked pairs, the others only reported (`marc/vernacular-review`, with the proposal as
 * `expected` and the share of certain words as `confidence`) unless `all` is set.
 *
 * @example
 * import { vernacularRecord } from 'latinitsa/marc';
 * const { record, diagnostics } = vernacularRecord({ leader: '00000nam a2200000 a 4500', fields: [
 *   { tag: '008', value: '130329s2013    ru            000 1 rus d' },
 *   { tag: '264', ind1: ' ', ind2: '1', subfields: [{ code: 'a', value: 'Moskva :' }, { code: 'b', value: 'Ėksmo,' }, { code: 'c', value: '2013.' }] }] }, { all: true });
 * [record.fields[2], diagnostics[0]?.confidence];
 * //=> [{ tag: '880', ind1: ' ', ind2: '1', subfields: [{ code: '6', value: '264-01/(N' }, { code: 'a', value: 'Москва :' }, { code: 'b', value: 'Эксмо,' }, { code: 'c', value: '2013.' }] }, 1]
 */
export function vernacularRecord(record: MarcRecord, options: VernacularRecordOptions = {}): RecordResult {
  const ctx = context(record, options);
  const place = { index: options.index ?? 1, file: options.file };
  if ('skip' in ctx) return { record, changed: 0, diagnostics: [diagnostic(place, { ruleId: 'marc/language', severity: 'info', reason: ctx.skip })] };
  const threshold = options.threshold ?? 1;
  const diagnostics: MarcDiagnostic[] = [];
  let next = pairFields(record).maxOccurrence + 1;
  const added: MarcDataField[] = [];
  const schemeOptions: Record<string, unknown> = { ...options.schemeOptions };
  if (ctx.tie !== undefined) schemeOptions.tie = ctx.tie;
  const fields = record.fields.map((field): MarcField => {
    if (!isDataField(field) || field.tag === '880' || linkageOf(field) !== undefined) return field;
    const rule = fieldRule(field);
    if (rule === undefined || !rule.vernacular) return field;
    const text = textSubfields(field, rule);
    if (!text.some((sf) => LATIN.test(sf.value)) || text.some((sf) => CYRILLIC.test(sf.value))) return field;
    let converted = 0;
    let certain = 0;
    const proposal = field.subfields
      .filter((sf) => sf.code !== '6')
      .map((sf): MarcSubfield => {
        if (rule.keep.has(sf.code)) return sf;
        const readOptions: DeromanizeOptions = { scheme: ctx.scheme, schemeOptions, ...(options.lexicon === undefined ? {} : { lexicon: options.lexicon }) };
        const pieces = vernacularPieces(repairTieHalves(sf.value, ctx), rule.kind, readOptions);
        for (const w of pieces.words) {
          if (!w.converted) continue;
          converted++;
          if (w.certain) certain++;
        }
        return { code: sf.code, value: pieces.text };
      });
    if (converted === 0) return field;
    const confidence = Math.round((certain / converted) * 100) / 100;
    const sure = confidence >= threshold;
    const write = sure || options.all === true;
    const occurrence = occurrenceString(next);
    const alternate: MarcDataField = { tag: '880', ind1: field.ind1, ind2: field.ind2, subfields: [{ code: '6', value: formatLinkage({ tag: field.tag, occurrence, script: CYRILLIC_SCRIPT_CODE }) }, ...proposal] };
    diagnostics.push(diagnostic(ctx, {
      ruleId: write ? 'marc/vernacular-written' : 'marc/vernacular-review',
      severity: 'info',
      reason: write ? `Field ${field.tag}: an 880 was written from its romanization${sure ? '' : ' (not certain: --all)'}.` : `Field ${field.tag}: proposed 880 for review (${certain} of ${converted} words certain).`,
      actual: fieldText(field.subfields),
      expected: [fieldText(proposal)],
      confidence,
      data: { tag: field.tag, ...(write ? { occurrence } : {}), kind: rule.kind },
    }));
    if (!write) return field;
    next++;
    added.push(alternate);
    return { tag: field.tag, ind1: field.ind1, ind2: field.ind2, subfields: [{ code: '6', value: formatLinkage({ tag: '880', occurrence }) }, ...field.subfields] };
  });
  return { record: { leader: record.leader, fields: insert(fields, added) }, changed: added.length, diagnostics };
}

/** Throws unless `value` is one of `allowed` (options from the CLI and the API). */
export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new LatinitsaError('ERR_INVALID_OPTION', `${name} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}
