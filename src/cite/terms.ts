// The words of archival references and the archives they name, from the data files: level
// abbreviations (data/archival-terms.json) and archive acronyms (data/archives.json), shared by
// the reader (parse.ts) and the writer (format.ts). docs/citations.md describes both tables.
import archivesData from './data/archives.json' with { type: 'json' };
import termsData from './data/archival-terms.json' with { type: 'json' };
import { resolveScheme } from '../engine/resolve.ts';
import { defaultSchemeOf, getLanguage, type Scheme } from '../schemes/registry.ts';
import { lookAlikes, majorityScript, readInScript, scriptCounts } from '../schemes/script.ts';
import type { ArchiveInfo } from './types.ts';

export { termsData };

/** The scheme of notes and bibliographies: the one given, else the language's citation scheme (docs/citations.md). */
export function citationScheme(scheme: string | Scheme | undefined): Scheme {
  return resolveScheme({ scheme: scheme ?? defaultSchemeOf({ use: 'citation' }) }).scheme;
}

export interface LevelTerms {
  id: string;
  rank?: number;
  /** Also numbers parts of published works (Т. 2, Кн. 3): alone it makes no reference in running text. */
  publication?: boolean;
  ru: { forms: string[]; plural?: string[]; write: string; writePlural?: string };
  en: { forms: string[]; plural?: string[]; write: string; writePlural?: string };
  /** Ukrainian words of the level (Спр., Арк.): read, never written (docs/citations.md). */
  uk?: { forms: string[] };
}

export const levels = termsData.levels as LevelTerms[];
export const levelById = new Map(levels.map((l) => [l.id, l]));
export const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const cyrillicRe = /\p{Script=Cyrillic}/u;
export const latinRe = /\p{Script=Latin}/u;

const russian = getLanguage('ru');
/**
 * A word with Latin look-alikes read in Cyrillic (`P-5446` → `Р-5446`), or undefined when a Latin
 * letter of it has no Cyrillic twin. The twins are the Russian language's look-alike table
 * (src/schemes/languages/ru.json, `homoglyphs`), the one list the engine's look-alike repair, the
 * checker's mixed-script rule and the MARC checks read too (src/schemes/script.ts). A Latin letter
 * of it in an identifier of a Russian-style reference is that Cyrillic letter mistyped
 * (docs/citations.md, rule 5).
 */
export const readAsCyrillic = (word: string): string | undefined => readInScript(word, russian.script, russian);

/**
 * A word that mixes Latin and Cyrillic letters (`ГАPФ`, `Oп.`, `oб.`: a look-alike typed on the
 * other keyboard, or left by OCR), read in one script through the look-alike table: in Cyrillic
 * when every Latin letter of it has a Cyrillic twin, in Latin when every Cyrillic letter has a
 * Latin one. Undefined for a word in one script, which is never re-read: `KH.` stays Latin and
 * `T.` is the English `t.` (docs/citations.md, rule 5).
 */
export function lookalikeReadings(word: string): { cyrillic?: string; latin?: string } | undefined {
  const { latin: latinCount, own } = scriptCounts(word, russian);
  if (latinCount === 0 || own === 0) return undefined;
  const out: { cyrillic?: string; latin?: string } = {};
  const cyrillic = readInScript(word, russian.script, russian);
  const latin = readInScript(word, 'Latin', russian);
  if (cyrillic !== undefined) out.cyrillic = cyrillic;
  if (latin !== undefined) out.latin = latin;
  return out;
}

/** Why a word was read through the look-alike table: the letters of the other script and what they were read as. */
export function lookalikeReason(written: string, reading: string, what: string): string {
  const read = [...reading];
  const changed = [...new Set([...written].filter((ch, i) => ch !== read[i]))];
  const [from, to] = cyrillicRe.test(reading) && !latinRe.test(reading) ? ['Latin', 'Cyrillic'] : ['Cyrillic', 'Latin'];
  return `${from} ${changed.length === 1 ? 'letter' : 'letters'} ${changed.map((c) => `"${c}"`).join(', ')} in ${what}"${written}"; read as the ${to} look-alike, "${reading}"`;
}

/**
 * A regular-expression source for `form` that also matches its letters' look-alikes of the other
 * script (`Оп.` matches `Oп.` with a Latin O), escaped; the matched text is then checked with
 * {@link lookalikeReadings}, since the expression, case-insensitive, is wider than the table.
 */
export function lookalikeSource(form: string): string {
  const { toScript, toLatin } = lookAlikes(russian);
  return [...form]
    .map((ch) => {
      const twins = new Set([ch.toLowerCase(), ch.toUpperCase()].map((c) => toScript.get(c) ?? toLatin.get(c)).filter((c): c is string => c !== undefined));
      return twins.size === 0 ? escape(ch) : `[${escape(ch)}${[...twins].join('')}]`;
    })
    .join('');
}

interface ArchiveForm {
  id: string;
  latin: string;
  cyrillic: string;
  predecessor: boolean;
}

export interface ArchiveEntry {
  id: string;
  name: { ru: string; en: string };
  latin: string[];
  cyrillic: string[];
  predecessors: Array<{ latin: string[]; cyrillic: string[] }>;
}

// Every cited form of every archive of the table (current and predecessor names), keyed by its text with
// spaces normalised, pointing at the parallel Latin and Cyrillic forms of the same name.
export const archiveForms = new Map<string, ArchiveForm>();
for (const a of archivesData.archives as ArchiveEntry[]) {
  for (const form of a.latin) archiveForms.set(form, { id: a.id, latin: a.latin[0]!, cyrillic: a.cyrillic[0]!, predecessor: false });
  for (const form of a.cyrillic) archiveForms.set(form, { id: a.id, latin: a.latin[0]!, cyrillic: form, predecessor: false });
  for (const p of a.predecessors) {
    p.latin.forEach((form, i) => archiveForms.set(form, { id: a.id, latin: form, cyrillic: p.cyrillic[i] ?? p.cyrillic[0]!, predecessor: true }));
    p.cyrillic.forEach((form, i) => archiveForms.set(form, { id: a.id, latin: p.latin[i] ?? p.latin[0]!, cyrillic: form, predecessor: true }));
  }
}
export const knownArchiveSticky = new RegExp(`(?:${[...archiveForms.keys()].sort((a, b) => b.length - a.length).map((f) => escape(f).replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'uy');

/** Resolves an archive name as written against the table of archives. */
export function resolveArchive(written: string, start: number): ArchiveInfo {
  const text = archiveReading(written);
  const info: ArchiveInfo = { text, range: [start, start + written.length] };
  const form = archiveForms.get(text.replace(/\s+/g, ' '));
  if (form !== undefined) {
    info.id = form.id;
    info.latin = form.latin;
    info.cyrillic = form.cyrillic;
    if (form.predecessor) info.predecessor = true;
    const entry = findArchive(form.id);
    info.predecessors = entry.predecessors.map((p) => p.latin[0]!);
    info.name = entry.name;
  }
  return info;
}

/**
 * An archive name as read: a name mixing scripts (`ГАPФ`, `PГАСПИ` with a Latin P; `ГAРФ` with a
 * Latin A) is read through the look-alike table — the reading found in the table of archives,
 * else the only reading, else the one in the script of most of its letters — so that it resolves
 * (`GARF`, `RGASPI`) and is written in one script (docs/citations.md, rule 5). The reader reports
 * the letters it re-read.
 */
function archiveReading(written: string): string {
  const readings = lookalikeReadings(written);
  if (readings === undefined) return written;
  const { cyrillic, latin } = readings;
  const known = (name: string | undefined): boolean => name !== undefined && archiveForms.has(name.replace(/\s+/g, ' '));
  if (known(cyrillic)) return cyrillic!;
  if (known(latin)) return latin!;
  if (cyrillic === undefined || latin === undefined) return cyrillic ?? latin ?? written;
  // Both readings, neither in the table: the script of most letters, the checker's choice too
  // (src/check/mixed.ts); as many of each, neither, and the name stays as written.
  const most = majorityScript(written, russian);
  return most === undefined ? written : most === 'Latin' ? latin : cyrillic;
}

export function findArchive(id: string): ArchiveEntry {
  return (archivesData.archives as ArchiveEntry[]).find((a) => a.id === id)!;
}
