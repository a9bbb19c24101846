// Subfield $6 (Linkage) and the pairing of regular fields with their 880 Alternate Graphic
// Representation fields (MARC 21, Appendix A, Model A). Browser-safe.
import type { MarcDataField, MarcRecord } from './types.ts';
import { isDataField } from './types.ts';

/** A parsed $6: `245-01/(N/r` is tag 245, occurrence 01, script `(N`, orientation `r`. */
export interface Linkage {
  tag: string;
  occurrence: string;
  script?: string;
  orientation?: string;
}

/**
 * Reads a $6 value; undefined when it is not of the form `TAG-NN[/script[/orientation]]`.
 *
 * @example
 * import { parseLinkage } from 'latinitsa/marc';
 * [parseLinkage('245-01/(N'), parseLinkage('880-03')];
 * //=> [{ tag: '245', occurrence: '01', script: '(N' }, { tag: '880', occurrence: '03' }]
 */
export function parseLinkage(value: string): Linkage | undefined {
  const m = /^\s*(\d{3})-(\d{2,3})(?:\/([^/]*))?(?:\/([^/]*))?\s*$/.exec(value);
  if (m === null) return undefined;
  const out: Linkage = { tag: m[1]!, occurrence: m[2]! };
  if (m[3] !== undefined && m[3] !== '') out.script = m[3];
  if (m[4] !== undefined && m[4] !== '') out.orientation = m[4];
  return out;
}

/**
 * Writes a $6 value.
 *
 * @example
 * import { formatLinkage } from 'latinitsa/marc';
 * formatLinkage({ tag: '245', occurrence: '01', script: '(N' });
 * //=> '245-01/(N'
 */
export function formatLinkage(link: Linkage): string {
  let out = `${link.tag}-${link.occurrence}`;
  if (link.script !== undefined || link.orientation !== undefined) out += `/${link.script ?? ''}`;
  if (link.orientation !== undefined) out += `/${link.orientation}`;
  return out;
}

/** The $6 of a data field, parsed (the first $6; MARC allows one). */
export function linkageOf(field: MarcDataField): Linkage | undefined {
  const sf = field.subfields.find((s) => s.code === '6');
  return sf === undefined ? undefined : parseLinkage(sf.value);
}

/** A regular field and the 880 linked to it by the same occurrence number. */
export interface LinkedPair {
  occurrence: string;
  field: MarcDataField;
  alternate: MarcDataField;
}

/** What {@link pairFields} found in a record. */
export interface Pairing {
  pairs: LinkedPair[];
  /** A $6 that is not `TAG-NN`, a link with no partner, a partner of another tag, an occurrence used twice. */
  broken: { field: MarcDataField; problem: string; occurrence?: string }[];
  /** 880 fields with occurrence 00: vernacular with no regular field, as MARC allows. */
  unlinked: MarcDataField[];
  /** Highest occurrence number in use (0 when none). */
  maxOccurrence: number;
}

/**
 * Pairs each regular field carrying `$6 880-NN` with the 880 carrying `$6 TAG-NN`, and lists
 * what does not pair (MARC 21 $6: the occurrence number is unique in the record; the 880 names
 * the tag of its regular field).
 *
 * @example
 * import { pairFields } from 'latinitsa/marc';
 * const r = pairFields({ leader: '00000nam a2200000 a 4500', fields: [
 *   { tag: '245', ind1: '1', ind2: '0', subfields: [{ code: '6', value: '880-01' }, { code: 'a', value: 'Voĭna' }] },
 *   { tag: '880', ind1: '1', ind2: '0', subfields: [{ code: '6', value: '245-01/(N' }, { code: 'a', value: 'Война' }] },
 *   { tag: '880', ind1: '1', ind2: ' ', subfields: [{ code: '6', value: '100-02/(N' }, { code: 'a', value: 'Толстой' }] }] });
 * [r.pairs.length, r.broken.map((b) => b.problem)];
 * //=> [1, ['880 $6 100-02: no field 100 links to occurrence 02']]
 */
export function pairFields(record: MarcRecord): Pairing {
  const regular = new Map<string, MarcDataField[]>();
  const alternates = new Map<string, MarcDataField[]>();
  const broken: Pairing['broken'] = [];
  const unlinked: MarcDataField[] = [];
  let maxOccurrence = 0;
  for (const field of record.fields) {
    if (!isDataField(field)) continue;
    const sf = field.subfields.find((s) => s.code === '6');
    if (sf === undefined) continue;
    const link = parseLinkage(sf.value);
    if (link === undefined) {
      broken.push({ field, problem: `${field.tag} $6 ${JSON.stringify(sf.value)} is not of the form TAG-NN` });
      continue;
    }
    const n = Number(link.occurrence);
    if (n > maxOccurrence) maxOccurrence = n;
    if (field.tag === '880') {
      if (n === 0) {
        unlinked.push(field);
        continue;
      }
      const list = alternates.get(link.occurrence) ?? [];
      list.push(field);
      alternates.set(link.occurrence, list);
    } else if (link.tag === '880') {
      const list = regular.get(link.occurrence) ?? [];
      list.push(field);
      regular.set(link.occurrence, list);
    }
    // A regular field's $6 naming another tag is not a link to an 880 (it does not happen in Model A).
  }
  const pairs: LinkedPair[] = [];
  for (const [occurrence, fields] of regular) {
    const alts = alternates.get(occurrence) ?? [];
    if (fields.length > 1) for (const f of fields.slice(1)) broken.push({ field: f, problem: `${f.tag} $6 880-${occurrence}: occurrence ${occurrence} is used by more than one field`, occurrence });
    const field = fields[0]!;
    if (alts.length === 0) {
      broken.push({ field, problem: `${field.tag} $6 880-${occurrence}: there is no 880 with occurrence ${occurrence}`, occurrence });
      continue;
    }
    const alternate = alts[0]!;
    const tag = linkageOf(alternate)!.tag;
    if (tag !== field.tag) {
      broken.push({ field: alternate, problem: `880 $6 ${tag}-${occurrence}: occurrence ${occurrence} is linked from field ${field.tag}, not ${tag}`, occurrence });
      continue;
    }
    if (alts.length > 1) for (const a of alts.slice(1)) broken.push({ field: a, problem: `880 $6 ${linkageOf(a)!.tag}-${occurrence}: occurrence ${occurrence} is used by more than one 880`, occurrence });
    pairs.push({ occurrence, field, alternate });
  }
  for (const [occurrence, alts] of alternates) {
    if (regular.has(occurrence)) continue;
    for (const a of alts) broken.push({ field: a, problem: `880 $6 ${linkageOf(a)!.tag}-${occurrence}: no field ${linkageOf(a)!.tag} links to occurrence ${occurrence}`, occurrence });
  }
  return { pairs, broken, unlinked, maxOccurrence };
}
