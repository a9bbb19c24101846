// The words of archival references and the archives they name, from the data files: level
// abbreviations (data/archival-terms.json) and archive acronyms (data/archives.json), shared by
// the reader (parse.ts) and the writer (format.ts). docs/citations.md describes both tables.
import archivesData from './data/archives.json' with { type: 'json' };
import termsData from './data/archival-terms.json' with { type: 'json' };
import { resolveScheme } from '../engine/resolve.ts';
import { defaultSchemeOf, getLanguage, type Scheme } from '../schemes/registry.ts';
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
}

export const levels = termsData.levels as LevelTerms[];
export const levelById = new Map(levels.map((l) => [l.id, l]));
export const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const cyrillicRe = /\p{Script=Cyrillic}/u;
export const latinRe = /\p{Script=Latin}/u;

/**
 * Latin letters that look like Cyrillic ones (P for Р, A for А, c for с), each with its Cyrillic
 * twin: the Russian language's look-alike table (src/schemes/languages/ru.json, `homoglyphs`), the
 * one list the engine's look-alike repair and the checker's mixed-script rule read too. A Latin
 * letter of it in an identifier of a Russian-style reference is that Cyrillic letter mistyped
 * (docs/citations.md, rule 5).
 */
export const lookalikes = new Map(Object.entries(getLanguage('ru').homoglyphs).filter(([k]) => k !== '$comment'));

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
// An acronym not in the table: one to three words, each with at least two capitals (ГАСО, ЦДООСО, ЦГАИПД СПб).
const acronymSticky = /\p{Lu}\p{L}*\p{Lu}\p{L}*(?:[ \u00a0]\p{Lu}\p{L}*\p{Lu}\p{L}*){0,2}(?![\p{L}\p{N}])/uy;
const archiveSepRe = /[ \u00a0]*[.,:]?\s*/uy;
const elementSepRe = /\s*[.,]?\s*/uy;

/** Resolves an archive name as written against the table of archives. */
export function resolveArchive(text: string, start: number): ArchiveInfo {
  const info: ArchiveInfo = { text, range: [start, start + text.length] };
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

export function findArchive(id: string): ArchiveEntry {
  return (archivesData.archives as ArchiveEntry[]).find((a) => a.id === id)!;
}
