// The value of an archival reference and the options of reading and writing one (docs/citations.md).
import type { Diagnostic } from '../diagnostics/types.ts';
import type { Scheme } from '../schemes/registry.ts';

/** A level of the archival hierarchy below the archive (docs/citations.md), leaves excepted. */
export type ArchivalLevel = 'fond' | 'otdel' | 'opis' | 'karton' | 'sviazka' | 'delo' | 'storageUnit' | 'stolbets' | 'chast' | 'tom' | 'kniga' | 'vypusk';

/** How a reference is written: Russian (`Ф. 17. Оп. 3`), English (`f. 17, op. 3`) or numbers only (`RGASPI 558, 11, 727, 38–57`). */
export type CitationStyle = 'russian' | 'english' | 'numbers';

/** Ways of writing a verso in English (docs/citations.md, rule 4): `5ob.`, `5 ob.`, `5v`. */
export type VersoStyle = 'ob-attached' | 'ob-spaced' | 'v';

/** One leaf: its number as written (with its letter, `5а`, when lettered) and whether the verso (оборот) is meant. */
export interface Leaf {
  n: string;
  verso: boolean;
}

/** A leaf or a range of leaves (`to` absent for a single leaf). Numbers are kept as written (`241–42`). */
export interface LeafRange {
  from: Leaf;
  to?: Leaf;
}

/** A level of a reference and its identifiers as written (`['Р-5446']`; `['13', '16']` for `dd. 13, 16`; a range of files is one identifier with an en dash, `['1–3']`). */
export interface ArchivalUnit {
  level: ArchivalLevel;
  ids: string[];
}

/** The archive of a reference, resolved against the table of archives (`data/archives.json`) when listed there. */
export interface ArchiveInfo {
  /** As written; a name mixing scripts (`ГАPФ`, a Latin P) as read in one (`ГАРФ`; docs/citations.md, rule 5). */
  text: string;
  /** Offsets [start, end) of `text` in the parsed string. */
  range: [number, number];
  /** Canonical id of the archive that holds the records now (`GARF`), when listed in the table. */
  id?: string;
  /** Established Latin form of the name as cited (`GARF` for `ГА РФ`; `TsKhSD` for a predecessor). */
  latin?: string;
  /** Cyrillic form of the name as cited. */
  cyrillic?: string;
  /** True when the text names a predecessor of archive `id` (e.g. `ЦХСД` → RGANI). */
  predecessor?: boolean;
  /** Latin names of the predecessors of archive `id`, for finding older citations of the same records. */
  predecessors?: string[];
  /** Full names of archive `id`. */
  name?: { ru: string; en: string };
}

/**
 * A finding while reading a reference, before it is placed in its document (internal to
 * src/cite; what the functions return are diagnostics, src/diagnostics).
 */
export interface Finding {
  /** Offsets [start, end) in the text being read. */
  range: [number, number];
  reason: string;
  ruleId: string;
  /** `error`: the reference is malformed (never rewritten); `warning`: an inconsistent but readable form. */
  severity: 'error' | 'warning';
  /**
   * Rewriting the reference in this style leaves the finding as it is, for the reason given (a
   * Latin archive name not in the table has no Cyrillic form to write): the finding then carries no
   * fix in a document of that style, and says why (docs/citations.md, `latinitsa cite`).
   */
  keptIn?: { style: CitationStyle; why: string };
}

/** An archival reference as one structured value. */
export interface ArchivalReference {
  style: CitationStyle;
  archive?: ArchiveInfo;
  units: ArchivalUnit[];
  leaves?: LeafRange[];
  /** English verso styles used in the reference (for consistency checks across a document). */
  versoStyles?: VersoStyle[];
  /**
   * Set by the reader when the text had errors (diagnostics of severity `error`): part of it was
   * not read, or not in order, so a written form would drop or reorder it. `formatArchivalReference`
   * refuses such a value (docs/citations.md, "Diagnostics").
   */
  malformed?: true;
}

/** What `parseArchivalReference` returns: the value (when anything could be read) and diagnostics. */
export interface ParsedArchivalReference {
  reference?: ArchivalReference;
  diagnostics: Diagnostic[];
}

/** Options of `formatArchivalReference`. */
export interface FormatArchivalOptions {
  /** Output style. Default `'english'`. */
  style?: CitationStyle;
  /** English verso style. Default `'ob-attached'` (`5ob.`). */
  versoStyle?: VersoStyle;
  /** Scheme for romanizing acronyms not in the table and letters in identifiers. Default: the language's citation scheme (`defaultSchemeOf({ use: 'citation' })`). */
  scheme?: string | Scheme;
  /** `'as-cited'` (default) keeps a predecessor's name (`TsKhSD`); `'current'` writes the archive holding the records now (`RGANI`). */
  archiveNames?: 'as-cited' | 'current';
  /** Extra acronyms, cited form → Latin form (`{ 'ЦДООСО': 'TsDOOSO' }`); they win over the built-in table. */
  archives?: Record<string, string>;
}
