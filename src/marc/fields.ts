// The field table of data/fields.json: which fields pair with an 880 and which subfields are
// text. Browser-safe.
import table from './data/fields.json' with { type: 'json' };
import type { MarcDataField } from './types.ts';

/** How one field is treated: see data/fields.json and docs/marc.md. */
export interface FieldRule {
  kind: 'transcribed' | 'heading' | 'note';
  /** Subfields copied unchanged (never romanized, never given Cyrillic). */
  keep: ReadonlySet<string>;
  /**
   * Of `keep`, the subfields kept because they are English or a heading's established Latin form
   * (the LCSH subdivisions `$v $x $y $z`, a 651 place, a jurisdiction's name: docs/marc.md): one
   * that holds Cyrillic is not English, so it is romanized like text.
   */
  english: ReadonlySet<string>;
  /** Whether the field may get an 880 from its romanized text. */
  vernacular: boolean;
}

interface Entry {
  kind: FieldRule['kind'];
  keep: string;
  keepWhen?: { ind1?: string; ind2?: string; keep: string }[];
  english?: string;
  vernacular?: boolean;
}

const entries = table.fields as Record<string, Entry>;
const cache = new Map<string, FieldRule>();

/** The $6 script identification code of Cyrillic (MARC 21 $6: `(N`). */
export const CYRILLIC_SCRIPT_CODE: string = table.scriptCode.Cyrl;
/** A literal string as a regular expression. */
const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** English phrases a note starts with, kept in English when a note is given in Cyrillic. */
export const ENGLISH_PHRASES: readonly string[] = table.englishPhrases;
/**
 * A cataloguer's bracketed English or Latin ([and others], [S.l.], [sic] …), the same in both
 * fields; also its end when the bracket opened in the subfield before (`$a [S.l. : $b s.n.]`). Global.
 */
export const INTERPOLATION: RegExp = (() => {
  const words = `(?:${table.interpolations.map(escape).join('|')})(?=[\\s\\].,:;?]|$)`;
  return new RegExp(`\\[${words}[^\\]]*\\]?|^${words}[^[\\]]*\\]`, 'giu');
})();

/**
 * A heading's closing qualifier that names a place in its authorized form, ending in a country or
 * republic of the table's `placeQualifiers` (`(Russia)`, `(Kyiv, Ukraine)`, `(Leningrad,
 * R.S.F.S.R.)`): the same in both fields, so never read back into Cyrillic. Anchored at the end.
 */
export const PLACE_QUALIFIER: RegExp = new RegExp(
  `\\((?:[^()]*,\\s*)?(?:${table.placeQualifiers.map(escape).join('|')})\\)\\s*[.,]?\\s*$`,
  'u',
);

/**
 * The rule for a data field, or undefined when its tag never takes an 880.
 *
 * @example
 * import { fieldRule } from 'latinitsa/marc';
 * const r = fieldRule({ tag: '650', ind1: ' ', ind2: '0' })!;
 * [r.kind, [...r.keep].includes('x'), r.vernacular];
 * //=> ['heading', true, false]
 */
export function fieldRule(field: Pick<MarcDataField, 'tag' | 'ind1' | 'ind2'>): FieldRule | undefined {
  const entry = entries[field.tag];
  if (entry === undefined) return undefined;
  const extra = (entry.keepWhen ?? []).filter((w) => (w.ind1 === undefined || w.ind1 === field.ind1) && (w.ind2 === undefined || w.ind2 === field.ind2));
  const key = `${field.tag}${extra.map((w) => w.keep).join('|')}`;
  let rule = cache.get(key);
  if (rule === undefined) {
    const english = [...(entry.english ?? ''), ...extra.flatMap((w) => [...w.keep])];
    rule = { kind: entry.kind, keep: new Set([...table.keepEverywhere, ...entry.keep, ...english]), english: new Set(english), vernacular: entry.vernacular !== false };
    cache.set(key, rule);
  }
  return rule;
}
