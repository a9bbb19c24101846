// Bibliographies (BibTeX/BibLaTeX in bibtex.ts, CSL-JSON in csl.ts): Cyrillic names, titles and
// publishers romanized, everything else kept byte for byte. What the two formats share: the
// options, the field groups and their schemes, the findings. docs/citations.md.
import type { LineIndex } from '../diagnostics/place.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { schemeOfLanguage } from '../engine/lang.ts';
import { romanizeDetailed } from '../engine/romanize.ts';
import { LatinitsaError } from '../errors.ts';
import type { Scheme } from '../schemes/registry.ts';
import { citationScheme } from './terms.ts';

/** Field groups of a bibliography that get their own scheme. */
export type BibFieldGroup = 'names' | 'titles' | 'publishers';

/** Options of `romanizeBibtex` and `romanizeCsl`. */
export interface RomanizeBibOptions {
  /** Scheme for every group: an id or a loaded scheme (`loadScheme`). Default: the language's citation scheme (`defaultSchemeOf({ use: 'citation' })`, docs/citations.md). */
  scheme?: string | Scheme;
  /** Scheme per group (id or loaded scheme), winning over `scheme`: `{ names: 'wikipedia' }`. */
  schemes?: Partial<Record<BibFieldGroup, string | Scheme>>;
  /** Language of the bibliography's Cyrillic (`uk`, `be`, …; default Russian): `scheme` and `schemes` are read as the schemes of their family for it, and a family without one is refused (`ERR_INVALID_OPTION`), as romanize refuses it (docs/languages.md). */
  lang?: string;
  /** Keep the Cyrillic original beside the romanized value (BibTeX: `orig<field>`; CSL: `original-*`). Default false. */
  keepOriginal?: boolean;
}

/** One changed field. */
export interface BibChange {
  /** Entry key (BibTeX) or item id (CSL). */
  key: string;
  field: string;
  from: string;
  to: string;
}

/** What the bibliography functions return. */
export interface RomanizedBib {
  output: string;
  changes: BibChange[];
  /**
   * What was deliberately left unchanged (a Cyrillic `@string` macro, an original field the entry
   * already has), placed on the field in the input; `data` has the entry `key` and the `field`.
   */
  diagnostics: Diagnostic[];
}


/** Cyrillic letters: a field without them is left alone. */
export const cyrillic = /\p{Script=Cyrillic}/u;

export /** A finding about one field of one entry, placed at [start, end) of the input. */
function fieldDiagnostic(lines: LineIndex, ruleId: 'bib/cyrillic-macro' | 'bib/original-exists' | 'bib/wrong-type', reason: string, key: string, field: string, start: number, end: number): Diagnostic {
  return { ruleId, source: 'latinitsa', severity: ruleId === 'bib/original-exists' ? 'info' : 'warning', reason, place: lines.placeOf(start, end), data: { key, field } };
}


/**
 * A value romanized, with romanize's own `romanize/unmapped-letter` diagnostics of it
 * (docs/languages.md, "Unmapped letters": no letter is written in ISO 9 silently) added to
 * `diagnostics`, with the entry `key` and the `field`. Each is placed at `start` plus its offset in
 * the value when the value is the file's text from `start` (BibTeX; `offsets` maps an offset of
 * the value to one of that text when the value is the text with characters taken out), else
 * (`end` given: a JSON string, whose escapes move offsets) on the whole value [start, end).
 */
export function romanizeValue(value: string, scheme: GroupScheme, at: { lines: LineIndex; start: number; end?: number; key: string; field: string; offsets?: (start: number, end: number) => [number, number] }, diagnostics: Diagnostic[]): string {
  const r = romanizeDetailed(value, scheme);
  for (const d of r.diagnostics) {
    const [s, e] = at.offsets === undefined ? [d.place!.start.offset, d.place!.end.offset] : at.offsets(d.place!.start.offset, d.place!.end.offset);
    const place = at.end === undefined ? at.lines.placeOf(at.start + s, at.start + e) : at.lines.placeOf(at.start, at.end);
    diagnostics.push({ ...d, place, data: { ...d.data, key: at.key, field: at.field } });
  }
  return r.text;
}

/**
 * A field group's scheme and the bibliography's `lang`: the values are read in that language, so
 * that a scheme serving several languages (ISO 9) reads its letters and a letter without a value
 * is reported in it (docs/languages.md, "Unmapped letters"). Romanize's options as they are (a
 * type, not an interface, so that it is one of romanize's option objects).
 */
export type GroupScheme = {
  scheme: Scheme;
  lang?: string;
};

export /** The scheme of each field group, resolved (and so checked) before any field is read. */
function groupSchemes(options: RomanizeBibOptions): Record<BibFieldGroup, GroupScheme> {
  const inLanguage = (scheme: string | Scheme | undefined): string | Scheme | undefined => (options.lang === undefined ? scheme : schemeOfLanguage(scheme, options.lang));
  const base = inLanguage(options.scheme);
  for (const key of Object.keys(options.schemes ?? {})) {
    if (!['names', 'titles', 'publishers'].includes(key)) throw new LatinitsaError('ERR_INVALID_OPTION', `unknown field group "${key}" (known: names, titles, publishers)`);
  }
  const of = (scheme: string | Scheme | undefined): GroupScheme => ({ scheme: citationScheme(scheme === undefined ? base : inLanguage(scheme)), ...(options.lang === undefined ? {} : { lang: options.lang }) });
  return { names: of(options.schemes?.names), titles: of(options.schemes?.titles), publishers: of(options.schemes?.publishers) };
}


export function groupOf(table: { names: string[]; titles: string[]; publishers: string[] }, field: string): BibFieldGroup | undefined {
  const name = field.toLowerCase();
  if (table.names.includes(name)) return 'names';
  if (table.titles.includes(name)) return 'titles';
  if (table.publishers.includes(name)) return 'publishers';
  return undefined;
}

