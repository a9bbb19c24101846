// Measures src/marc against catalogers' own records (test/fixtures/marc/real, see its README):
//  1. agreement: the romanization of each 880's Cyrillic against the cataloger's romanized field,
//     exactly and after normalising ties, Unicode form and case; every difference is listed with
//     the class given in differences.tsv (our bug / cataloger's slip / older rules / judgement);
//  2. round trip: the records stripped of their 880s and $6, `vernacularRecord` gives back how
//     many of the cataloger's 880 fields.
// Figures are given for the tuning and the held-out part separately (provenance.tsv, column split).
// --set real-other measures test/fixtures/marc/real-other instead (records in Ukrainian,
// Belarusian, Bulgarian, Serbian, Macedonian): each record is read in the language of its
// provenance.tsv column lang (`lang` of romanizeRecord, vernacularRecord; --lang uk …).
// Usage: node --import tsx scripts/marc-eval.ts [--set real|real-other] [--list] [--no-lexicon]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fieldRule } from '../src/marc/fields.ts';
import { linkageOf, pairFields } from '../src/marc/linkage.ts';
import { romanizeRecord, vernacularRecord } from '../src/marc/parallel.ts';
import { readRecords } from '../src/marc/stream.ts';
import { isDataField, type MarcDataField, type MarcRecord } from '../src/marc/types.ts';
import type { Lexicon } from '../src/reverse/lexicon.ts';

const setAt = process.argv.indexOf('--set');
const set = setAt === -1 ? 'real' : process.argv[setAt + 1]!;
const dir = path.join(import.meta.dirname, '..', 'test', 'fixtures', 'marc', set);
const list = process.argv.includes('--list');
const CYRILLIC = /\p{Script=Cyrillic}/u;

const [head, ...provenance] = readFileSync(path.join(dir, 'provenance.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
const column = (name: string): number => head!.indexOf(name);
const splitOf = new Map(provenance.map((r) => [Number(r[0]), r[column('split')]!]));
// The language of each record's Cyrillic (column lang), given as `lang`; none for the Russian set.
const langOf = new Map(column('lang') === -1 ? [] : provenance.map((r) => [Number(r[0]), r[column('lang')]!]));
const langOptions = (n: number): { lang?: string } => (langOf.has(n) ? { lang: langOf.get(n)! } : {});
const classes = new Map<string, string>();
try {
  for (const line of readFileSync(path.join(dir, 'differences.tsv'), 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [key, cls] = line.split('\t');
    classes.set(key!, cls!);
  }
} catch {
  // no classification yet
}

const records: MarcRecord[] = [];
for await (const item of readRecords([readFileSync(path.join(dir, 'records.mrc'))])) {
  if (item.error !== undefined) throw item.error;
  records.push(item.record);
}

const loose = (s: string): string =>
  s.normalize('NFC').replace(/(\p{L}\p{M}*)\uFE20(\p{L}\p{M}*)\uFE21/gu, '$1\u0361$2').normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

interface Tally {
  fields: number;
  exact: number;
  loose: number;
}
const blank = (): Tally => ({ fields: 0, exact: 0, loose: 0 });
const agreement: Record<string, Record<string, Tally>> = {};
const differences: string[] = [];
const exactOnly: string[] = [];
const determined: Record<string, { fields: number; exact: number; agree: number; slip: number; older: number; bug: number; unclassified: number }> = {};
const byClass: Record<string, number> = {};
let tieForms = { halves: 0, breve: 0 };

records.forEach((record, i) => {
  const n = i + 1;
  const split = splitOf.get(n) ?? 'tuning';
  if (split === 'excluded') return;
  // Our romanization of each 880: romanize a copy of the record in which the 880's Cyrillic
  // stands in the regular field (the pair's tie form and normalisation follow the record).
  const { pairs } = pairFields(record);
  for (const { field, alternate, occurrence } of pairs) {
    const rule = fieldRule(field);
    if (rule === undefined || !alternate.subfields.some((sf) => sf.code !== '6' && CYRILLIC.test(sf.value))) continue;
    const others = record.fields.filter((f) => f !== field && f.tag !== '880');
    const probe: MarcRecord = { leader: record.leader, fields: [...others, { ...alternate, tag: field.tag, subfields: alternate.subfields.filter((sf) => sf.code !== '6') }] };
    const link = `880-${String(pairFields(probe).maxOccurrence + 1).padStart(2, '0')}`;
    const ours = romanizeRecord(probe, langOptions(n)).record.fields.find((f): f is MarcDataField => isDataField(f) && f.tag === field.tag && f.subfields[0]?.value === link);
    if (ours === undefined) continue;
    // Text subfields only: codes, identifiers and English terms ($0, $e, $h …) are not romanized.
    const mine = field.subfields.filter((sf) => !rule.keep.has(sf.code));
    const got = ours.subfields.filter((sf) => !rule.keep.has(sf.code));
    for (const sf of mine) {
      if (sf.value.includes('\uFE20')) tieForms.halves++;
      else if (sf.value.includes('\u0361')) tieForms.breve++;
    }
    const t = ((agreement[split] ??= {})[rule.kind] ??= blank());
    const tl = langOf.has(n) ? ((agreement[`${split} ${langOf.get(n)}`] ??= {})[rule.kind] ??= blank()) : undefined;
    if (tl) tl.fields++;
    t.fields++;
    const dk0 = (determined[split] ??= { fields: 0, exact: 0, agree: 0, slip: 0, older: 0, bug: 0, unclassified: 0 });
    if (classes.get(`${n}/${field.tag}-${occurrence}`) !== 'judgement') dk0.fields++;
    const textOf = (list: { code: string; value: string }[]): string => list.map((sf) => `$${sf.code}${sf.value}`).join('');
    // Exact: the same code points (our tie form and Unicode form follow the record's own).
    const a = textOf(mine);
    const b = textOf(got);
    const key = `${n}/${field.tag}-${occurrence}`;
    if (a === b) {
      t.exact++;
      if (tl) tl.exact++;
      if (classes.get(key) !== 'judgement') dk0.exact++;
    }
    if (loose(a) === loose(b)) {
      t.loose++;
      if (tl) tl.loose++;
      dk0.agree++;
      if (a !== b) exactOnly.push(`${key}\t${split}\t${rule.kind}\n    cataloger: ${[...a].filter((c) => c.codePointAt(0)! > 0x2ff).map((c) => c.codePointAt(0)!.toString(16)).join(' ')}\n    ours:      ${[...b].filter((c) => c.codePointAt(0)! > 0x2ff).map((c) => c.codePointAt(0)!.toString(16)).join(' ')}\n    text:      ${a}  |  ${b}`);
      continue;
    }
    const cls = classes.get(key) ?? 'UNCLASSIFIED';
    const dk = dk0;
    if (cls === 'cataloger-slip') dk.slip++;
    else if (cls === 'older-rules') dk.older++;
    else if (cls === 'our-bug') dk.bug++;
    else if (cls !== 'judgement') dk.unclassified++;
    byClass[`${split} ${rule.kind} ${cls}`] = (byClass[`${split} ${rule.kind} ${cls}`] ?? 0) + 1;
    differences.push(`${key}\t${split}\t${rule.kind}\t${cls}\n    cataloger: ${textOf(mine)}\n    ours:      ${textOf(got)}\n    880:       ${textOf(alternate.subfields.filter((sf) => !rule.keep.has(sf.code)))}`);
  }
});

const pct = (x: number, of: number): string => (of === 0 ? '—' : `${((100 * x) / of).toFixed(1)} %`);
console.log(`Agreement of our ALA-LC romanization of the 880 with the cataloger's field (${records.length} records)`);
for (const [split, kinds] of Object.entries(agreement)) {
  for (const [kind, t] of Object.entries(kinds)) console.log(`  ${split.padEnd(langOf.size > 0 ? 12 : 9)} ${kind.padEnd(12)} fields ${String(t.fields).padStart(4)}  exact ${pct(t.exact, t.fields).padStart(8)}  normalised (ties, Unicode form, case, spaces) ${pct(t.loose, t.fields).padStart(8)}`);
}
console.log(`  tie forms in the catalogers' fields: U+FE20/U+FE21 halves ${tieForms.halves}, U+0361 ${tieForms.breve}`);
console.log('Fields the rules determine (all but those classed judgement): agreement and why the others differ');
for (const [split, d] of Object.entries(determined)) {
  console.log(`  ${split.padEnd(9)} fields ${d.fields}  exact ${pct(d.exact, d.fields)}  agree (normalised) ${pct(d.agree, d.fields)}  record in error ${d.slip}  older rules ${d.older}  our bug ${d.bug}  unclassified ${d.unclassified}  → agree where the record is right and current: ${pct(d.agree, d.fields - d.slip - d.older)}`);
}
console.log('Differences (after normalising) by class:');
for (const [k, v] of Object.entries(byClass).sort()) console.log(`  ${k}: ${v}`);
if (list) for (const d of [...differences, ...exactOnly]) console.log(d);

// Round trip: strip the 880s and the $6 links, propose 880s, compare with the cataloger's.
let lexicon: Lexicon | undefined;
if (!process.argv.includes('--no-lexicon')) {
  const { loadLexicon } = await import('../src/io/lexicon.ts');
  lexicon = await loadLexicon();
}
const trip: Record<string, { fields: number; restored: number; certain: number; certainRight: number }> = {};
const misses: string[] = [];
const fieldKey = (f: MarcDataField): string => f.subfields.filter((sf) => sf.code !== '6').map((sf) => `$${sf.code} ${sf.value}`).join(' ');
/**
 * Strips the 880s and $6 of a record (regular fields replaced by `replace`), proposes 880s with
 * `vernacularRecord` and scores them against the cataloger's 880s.
 */
function roundTrip(label: string, record: MarcRecord, split: string, n: number, replace: (field: MarcDataField, alternate: MarcDataField, rule: NonNullable<ReturnType<typeof fieldRule>>) => MarcDataField): void {
  const { pairs } = pairFields(record);
  const scored = pairs.filter(({ field, alternate }) => {
    const rule = fieldRule(field);
    return rule !== undefined && rule.vernacular && alternate.subfields.some((sf) => sf.code !== '6' && CYRILLIC.test(sf.value));
  });
  const substitute = new Map(scored.map((p) => [p.field, replace(p.field, p.alternate, fieldRule(p.field)!)]));
  const stripped: MarcRecord = {
    leader: record.leader,
    fields: record.fields.filter((f) => f.tag !== '880').map((f) => (isDataField(f) ? { ...(substitute.get(f) ?? f), subfields: (substitute.get(f) ?? f).subfields.filter((sf) => sf.code !== '6') } : f)),
  };
  const { diagnostics } = vernacularRecord(stripped, { all: true, ...langOptions(n), ...(lexicon === undefined ? {} : { lexicon }) });
  const t = (trip[`${label} ${split}`] ??= { fields: 0, restored: 0, certain: 0, certainRight: 0 });
  for (const { field, alternate, occurrence } of scored) {
    const rule = fieldRule(field)!;
    t.fields++;
    const text = (f: MarcDataField): string => f.subfields.filter((sf) => !rule.keep.has(sf.code)).map((sf) => `$${sf.code} ${sf.value}`).join(' ');
    const want = text(alternate);
    const source = fieldKey(substitute.get(field)!);
    const proposal = diagnostics.find((d) => d.data.tag === field.tag && d.actual === source);
    const got = proposal === undefined ? '' : text({ tag: field.tag, ind1: ' ', ind2: ' ', subfields: (proposal.expected?.[0] ?? '').split(/ ?\$(?=.)/u).filter((x) => x !== '').map((x) => ({ code: x[0]!, value: x.slice(2) })) });
    const right = loose(got) === loose(want);
    if (right) t.restored++;
    if ((proposal?.confidence ?? 0) >= 1) {
      t.certain++;
      if (right) t.certainRight++;
    }
    if (!right && list) misses.push(`${label} ${n}/${field.tag}-${occurrence}\t${split}\n    880:  ${want}\n    ours: ${got}`);
  }
}
records.forEach((record, i) => {
  const n = i + 1;
  const split = splitOf.get(n) ?? 'tuning';
  if (split === 'excluded') return;
  // (a) The cataloger's romanized fields read back.
  roundTrip('cataloger', record, split, n, (field) => field);
  // (b) Our romanization of the 880 read back ("romanize, then vernacular").
  roundTrip('ours', record, split, n, (field, alternate) => {
    const probe: MarcRecord = { leader: record.leader, fields: [...record.fields.filter((f) => f.tag === '008'), { ...alternate, tag: field.tag, subfields: alternate.subfields.filter((sf) => sf.code !== '6') }] };
    const romanized = romanizeRecord(probe, langOptions(n)).record.fields.find((f): f is MarcDataField => isDataField(f) && f.tag === field.tag);
    return romanized ?? field;
  });
});
console.log(`Round trip: records stripped of their 880s, 880s proposed by vernacular (--all, ${lexicon === undefined ? 'no lexicon' : 'with the lexicon'}), compared with the cataloger's 880 (normalised)`);
console.log('  cataloger = the cataloger\'s romanized fields read back; ours = our romanization of the 880 read back');
for (const [key, t] of Object.entries(trip).sort()) {
  console.log(`  ${key.padEnd(18)} fields ${String(t.fields).padStart(4)}  restored ${pct(t.restored, t.fields).padStart(8)}  certain ${String(t.certain).padStart(3)} (right ${pct(t.certainRight, t.certain)})`);
}
if (list) for (const m of misses) console.log(m);
