// Writing archival references in the Russian, English or numbers-only style (docs/citations.md).
import { describeValue } from '../engine/resolve.ts';
import { romanize } from '../engine/romanize.ts';
import type { Scheme } from '../schemes/registry.ts';
import { LatinitsaError } from '../errors.ts';
import { citationScheme, cyrillicRe, findArchive, levelById, termsData } from './terms.ts';
import type { ArchivalReference, ArchivalUnit, ArchiveInfo, CitationStyle, FormatArchivalOptions, Leaf, VersoStyle } from './types.ts';

function latinLetters(id: string): string | undefined {
  const table = termsData.identifierLetters as Record<string, string>;
  let ok = true;
  const out = id.replace(/[a-z]+/giu, (run) => {
    const cyr = table[run.toLowerCase()];
    if (cyr === undefined) {
      ok = false;
      return run;
    }
    return run === run.toLowerCase() ? cyr : cyr.toUpperCase();
  });
  return ok ? out : undefined;
}

function archiveText(archive: ArchiveInfo, style: CitationStyle, options: FormatArchivalOptions, scheme: Scheme): string {
  const extra = options.archives?.[archive.text];
  const cyrillic = cyrillicRe.test(archive.text);
  if (style === 'russian') {
    if (archive.id !== undefined && options.archiveNames === 'current' && archive.predecessor === true) return findArchive(archive.id).cyrillic[0]!;
    if (cyrillic || archive.id === undefined) return archive.text;
    return archive.cyrillic ?? archive.text;
  }
  if (extra !== undefined) return extra;
  if (archive.id !== undefined) {
    if (options.archiveNames === 'current' && archive.predecessor === true) return findArchive(archive.id).latin[0]!;
    return archive.latin!;
  }
  // Not in the table: romanize the acronym with the notes scheme, as an acronym (docs/citations.md, rule 1).
  return cyrillic ? romanize(archive.text, { scheme, allCaps: 'acronym' }) : archive.text;
}

/**
 * What of a reference the numbers-only style cannot write, or undefined when it can write all of
 * it: that style is an archive and one fond, opis' and delo, in this order, then the leaves
 * (docs/citations.md), so several files (`dd. 13, 16`), a storage unit (`ed. khr. 5`) or another
 * level (`kn. 2`) have no place in it. The writer then writes such a reference in English.
 */
export function numbersMisfit(reference: ArchivalReference): string | undefined {
  if (reference.archive === undefined) return 'a reference without its archive';
  const levels = ['fond', 'opis', 'delo'];
  const several = (u: ArchivalUnit): boolean => u.ids.length > 1 || u.ids.some((id) => id.includes('–'));
  const odd = reference.units.find((u, i) => u.level !== levels[i] || several(u));
  if (odd !== undefined) {
    const terms = levelById.get(odd.level)!.en;
    return `"${several(odd) && terms.writePlural !== undefined ? terms.writePlural : terms.write} ${odd.ids.join(', ')}"`;
  }
  if (reference.units.length < 3) return `a reference without its ${levels[reference.units.length] === 'opis' ? "opis'" : levels[reference.units.length]}`;
  return undefined;
}

/**
 * A lettered leaf that the English and numbers-only styles cannot write so that it reads back the
 * same, with why, or undefined: the letter romanized must be one Latin letter, and not `v`, the
 * verso mark (`5в` would read as the verso of leaf 5; `5ж` gives two letters). docs/citations.md, rule 5.
 */
export function unwritableLeaf(reference: ArchivalReference, scheme: string | Scheme | undefined): string | undefined {
  for (const range of reference.leaves ?? []) {
    for (const leaf of [range.from, range.to]) {
      const letter = leaf === undefined ? '' : leaf.n.replace(/^\d+/u, '');
      if (!cyrillicRe.test(letter)) continue;
      const latin = romanize(letter, { scheme: citationScheme(scheme) });
      if (/^[a-uw-z]$/iu.test(latin)) continue;
      return `leaf "${leaf!.n}" (its letter romanized, "${latin}", ${/^v$/iu.test(latin) ? 'would read as the verso mark' : 'is not one letter'})`;
    }
  }
  return undefined;
}

/** A leaf as written in `style`; the letter of a lettered leaf (`5а`) is in the style's script, as an identifier's is (rule 5). */
function leafText(leaf: Leaf, style: CitationStyle, verso: VersoStyle, idText: (id: string) => string): string {
  const n = /^\d+$/u.test(leaf.n) ? leaf.n : idText(leaf.n);
  if (!leaf.verso) return n;
  if (style === 'russian') return n + termsData.verso.ru.write;
  return n + termsData.verso.styles[verso];
}

/**
 * The citation styles, each with the name reports give it (`Russian-style reference`,
 * docs/citations.md): the one list of them, which {@link assertCitationStyles}, the reports of
 * `checkCitations` and the API's `style` (src/server/choices.ts) read. `CitationStyle` must name
 * the same ones, as `satisfies` makes the compiler check.
 */
export const CITATION_STYLE_NAMES = { english: 'English-style', russian: 'Russian-style', numbers: 'numbers-only' } as const satisfies Record<CitationStyle, string>;
/** The citation styles, in the order messages list them ({@link CITATION_STYLE_NAMES}). */
export const CITATION_STYLES: readonly CitationStyle[] = Object.freeze(Object.keys(CITATION_STYLE_NAMES) as CitationStyle[]);
/** The English verso styles (`5ob.`, `5 ob.`, `5v`): the archival terms' list (src/cite/data/archival-terms.json). */
export const VERSO_STYLES: readonly VersoStyle[] = Object.freeze(Object.keys(termsData.verso.styles) as VersoStyle[]);

/**
 * Refuses an unknown citation style or verso style, whatever the text holds (`checkCitations` on a
 * text without a reference, `formatArchivalReference`): one check for both.
 */
export function assertCitationStyles(style: unknown, versoStyle: unknown): void {
  if (style !== undefined && !(CITATION_STYLES as readonly unknown[]).includes(style)) throw new LatinitsaError('ERR_INVALID_OPTION', `unknown citation style "${String(style)}" (known: ${CITATION_STYLES.join(', ')})`);
  if (versoStyle !== undefined && !(VERSO_STYLES as readonly unknown[]).includes(versoStyle)) {
    throw new LatinitsaError('ERR_INVALID_OPTION', `unknown versoStyle "${String(versoStyle)}" (known: ${VERSO_STYLES.join(', ')})`);
  }
}

/**
 * Writes an archival reference in the Russian, English or numbers-only style (the rules of
 * docs/citations.md): archive acronyms from the table (`ГА РФ`/`GA RF` → `GARF`), letters in identifiers romanized with
 * case kept (`Р-5446` → `R-5446`, `1а` → `1a`), `l.`/`ll.` and `d.`/`dd.` by number, versos per
 * `versoStyle`, en-dash ranges with the source's numbers unchanged. A reference the numbers-only
 * style cannot write (`dd. 13, 16`, `ed. khr. 5`) is written in English. A reference read with
 * errors (`malformed`) is refused: `LatinitsaError` `ERR_INVALID_INPUT`.
 *
 * @example
 * import { parseArchivalReference, formatArchivalReference } from 'latinitsa';
 * const { reference } = parseArchivalReference('РГАСПИ. Ф. 17. Оп. 3. Д. 703. Л. 1–2 об.');
 * formatArchivalReference(reference!, { style: 'english' });
 * //=> 'RGASPI, f. 17, op. 3, d. 703, ll. 1–2ob.'
 * formatArchivalReference(reference!, { style: 'english', versoStyle: 'v' });
 * //=> 'RGASPI, f. 17, op. 3, d. 703, ll. 1–2v'
 * formatArchivalReference(parseArchivalReference('GARF, f. r-5446, op. 1a, d. 3, l. 4').reference!, { style: 'russian' });
 * //=> 'ГАРФ. Ф. р-5446. Оп. 1а. Д. 3. Л. 4'
 */
export function formatArchivalReference(reference: ArchivalReference, options: FormatArchivalOptions = {}): string {
  // A JavaScript caller may pass the reference's text: an ERR_INVALID_INPUT saying what is wanted,
  // not a TypeError from reading `units` of a string.
  if (typeof reference !== 'object' || reference === null || !Array.isArray((reference as Partial<ArchivalReference>).units)) {
    throw new LatinitsaError('ERR_INVALID_INPUT', `formatArchivalReference expects a reference (the \`reference\` of parseArchivalReference's answer), found ${describeValue(reference)}`);
  }
  // A reference read with errors lacks what was not read (`Разд. 2` of a level not in the table, the `sch`
  // of `op. 1sch`) or holds it out of order; written, it would look whole. Refused, as `cite --fix`
  // leaves such a reference alone (docs/citations.md, "Diagnostics").
  if (reference.malformed === true) {
    throw new LatinitsaError('ERR_INVALID_INPUT', 'formatArchivalReference: the reference was read with errors (malformed: see the diagnostics of parseArchivalReference), and writing it would drop or reorder what was not read');
  }
  const style = options.style ?? 'english';
  const verso = options.versoStyle ?? 'ob-attached';
  const scheme = citationScheme(options.scheme);
  assertCitationStyles(style, verso);
  const unwritable = style === 'russian' ? undefined : unwritableLeaf(reference, scheme);
  if (unwritable !== undefined) throw new LatinitsaError('ERR_INVALID_INPUT', `formatArchivalReference: the ${style === 'numbers' ? 'numbers-only' : 'English'} style cannot write ${unwritable}; write the reference in Russian`);
  const ru = style === 'russian';
  const idText = (id: string): string => (ru ? (cyrillicRe.test(id) ? id : latinLetters(id) ?? id) : romanize(id, { scheme }));
  const leavesText = (reference.leaves ?? []).map((r) => leafText(r.from, style, verso, idText) + (r.to === undefined ? '' : `–${leafText(r.to, style, verso, idText)}`)).join(', ');
  const numbersOk = style === 'numbers' && numbersMisfit(reference) === undefined;
  if (numbersOk) {
    const parts = [...reference.units.map((u) => idText(u.ids[0]!)), ...(leavesText === '' ? [] : [leavesText])];
    return `${archiveText(reference.archive!, 'english', options, scheme)} ${parts.join(', ')}`;
  }
  const outStyle: CitationStyle = ru ? 'russian' : 'english';
  const parts: string[] = [];
  if (reference.archive !== undefined) parts.push(archiveText(reference.archive, outStyle, options, scheme));
  for (const unit of reference.units) {
    const terms = levelById.get(unit.level)![ru ? 'ru' : 'en'];
    const word = (unit.ids.length > 1 || unit.ids.some((id) => id.includes('–'))) && terms.writePlural !== undefined ? terms.writePlural : terms.write;
    parts.push(`${word} ${unit.ids.map(idText).join(', ')}`);
  }
  if (reference.leaves !== undefined && reference.leaves.length > 0) {
    const terms = levelById.get('leaves')![ru ? 'ru' : 'en'];
    const many = reference.leaves.length > 1 || reference.leaves[0]!.to !== undefined;
    parts.push(`${many ? terms.writePlural ?? terms.write : terms.write} ${leavesText}`);
  }
  return parts.join(ru ? '. ' : ', ');
}
