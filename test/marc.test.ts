// src/marc: reading and writing MARC 21 (ISO 2709, MARCXML, MARC-in-JSON, MARC-8), $6 pairing,
// and the record operations romanize / check / vernacular.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  checkRecord,
  decodeMarc8,
  formatLinkage,
  isDataField,
  Iso2709Splitter,
  marcWriter,
  pairFields,
  parseIso2709,
  parseLinkage,
  readRecords,
  recordFromJson,
  recordToJson,
  romanizeRecord,
  serializeIso2709,
  vernacularRecord,
  type MarcDataField,
  type MarcRecord,
  type MarcReadItem,
} from '../src/marc/index.ts';
import { createLexicon } from '../src/reverse/index.ts';
import { loadLexicon } from '../src/io/lexicon.ts';
import { LatinitsaError } from '../src/errors.ts';
import { runCli } from './support/cli.ts';
import { readTsv } from './support/fixtures.ts';

const here = import.meta.dirname;
const fixtures = path.join(here, 'fixtures', 'marc');
const LEADER = '00000nam a2200000 a 4500';
const F008 = { tag: '008', value: '130329s2013    ru            000 1 rus d' };
const df = (tag: string, ind: string, ...subfields: [string, string][]): MarcDataField => ({ tag, ind1: ind[0] ?? ' ', ind2: ind[1] ?? ' ', subfields: subfields.map(([code, value]) => ({ code, value })) });
const rec = (...fields: MarcRecord['fields']): MarcRecord => ({ leader: LEADER, fields: [F008, ...fields] });

async function readAll(chunks: (Uint8Array | string)[], options: Parameters<typeof readRecords>[1] = {}): Promise<MarcReadItem[]> {
  const out: MarcReadItem[] = [];
  for await (const item of readRecords(chunks, options)) out.push(item);
  return out;
}

/** Cuts bytes at the given positions (a stream delivering them in arbitrary pieces). */
function cut(bytes: Uint8Array, at: number[]): Uint8Array[] {
  const points = [...new Set(at.map((x) => x % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const p of points) {
    out.push(bytes.subarray(from, p));
    from = p;
  }
  out.push(bytes.subarray(from));
  return out;
}

// Arbitrary records: tags, indicators, subfield codes and text without the MARC delimiters.
const text = fc.string({ unit: fc.oneof(fc.constantFrom(...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЮЯ ,.:;/-()[]"'), fc.string({ minLength: 1, maxLength: 1 }), fc.constantFrom('ĭ', 'ʹ', '\u0361', '\uFE20', 'e\u0301', '中', '😀')), maxLength: 40 }).map((s) => s.replace(/[\x00-\x1f\x7f\ufffe\uffff]/g, ''));
const dataField = fc.record({
  tag: fc.integer({ min: 10, max: 999 }).map((n) => String(n).padStart(3, '0')),
  ind1: fc.constantFrom(' ', '0', '1', '4'),
  ind2: fc.constantFrom(' ', '0', '7'),
  subfields: fc.array(fc.record({ code: fc.constantFrom(...'abcdefg6u0'), value: text }, { noNullPrototype: true }), { minLength: 1, maxLength: 5 }),
}, { noNullPrototype: true });
const controlField = fc.record({ tag: fc.constantFrom('001', '003', '005'), value: text }, { noNullPrototype: true });
const record = fc.record({ leader: fc.constant(LEADER), fields: fc.array(fc.oneof(controlField, dataField), { maxLength: 8 }) }, { noNullPrototype: true });

describe('ISO 2709', () => {
  it('reads back what it writes, whatever pieces the bytes arrive in', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 6 }), async (records, at) => {
        const bytes = Buffer.concat(records.map((r) => serializeIso2709(r)));
        const items = await readAll(cut(bytes, at));
        assert.deepEqual(items.map((i) => i.error?.message), records.map(() => undefined));
        const got = items.map((i) => i.record!);
        got.forEach((r, i) => {
          assert.deepEqual(r.fields, records[i]!.fields);
          assert.equal(r.leader.slice(5), Buffer.from(serializeIso2709(records[i]!).subarray(5, 24)).toString('latin1'));
        });
      }),
      { numRuns: 150 },
    );
  });

  it('computes the leader: length, base address, UTF-8 flag, 22 and 4500', () => {
    const bytes = serializeIso2709({ leader: 'xxxxxcam  22xxxxx i 4500', fields: [{ tag: '001', value: 'ид' }] });
    const leader = Buffer.from(bytes.subarray(0, 24)).toString('latin1');
    assert.equal(Number(leader.slice(0, 5)), bytes.length);
    assert.equal(leader.slice(5, 12), 'cam a22');
    assert.equal(Number(leader.slice(12, 17)), 24 + 12 + 1);
    assert.equal(leader.slice(17), ' i 4500');
  });

  it('refuses a field or record ISO 2709 cannot hold', () => {
    assert.throws(() => serializeIso2709(rec(df('500', '  ', ['a', 'я'.repeat(5000)]))), { code: 'ERR_TOO_LARGE' });
  });

  it('cuts records at the terminator and skips line breaks between them', () => {
    const a = serializeIso2709(rec());
    const s = new Iso2709Splitter();
    const pieces = [...s.push(Buffer.concat([a, Buffer.from('\r\n'), a]))];
    assert.deepEqual(pieces.map((p) => [p.index, p.offset]), [[1, 0], [2, a.length + 2]]);
    assert.equal(s.end(), undefined);
  });
});

describe('bad input: a clear error naming the record, and no other record lost', () => {
  const good = (id: string): Uint8Array => serializeIso2709(rec({ tag: '001', value: id }, df('245', '10', ['a', `Заглавие ${id}`])));
  const ids = (items: MarcReadItem[]): (string | undefined)[] => items.map((i) => (i.record?.fields.find((f) => f.tag === '001') as { value: string } | undefined)?.value);

  it('a truncated last record', async () => {
    const g = good('1');
    const items = await readAll([g, good('2').subarray(0, 50)]);
    assert.deepEqual(ids(items), ['1', undefined]);
    assert.match(items[1]!.error!.message, /^record 2 \(byte \d+\): .*truncated/);
    assert.equal(items[1]!.raw!.length, 50);
  });

  it('a record whose leader gives the wrong length', async () => {
    const bad = Buffer.from(good('2'));
    bad.write('00099', 0, 'latin1');
    const items = await readAll([good('1'), bad, good('3')]);
    assert.deepEqual(ids(items), ['1', undefined, '3']);
    assert.match(items[1]!.error!.message, /^record 2 \(byte \d+\): the leader gives a record length of 99 bytes but the record is \d+ bytes long$/);
  });

  it('a leader that is not a leader', async () => {
    const bad = Buffer.from(good('2'));
    bad.write('x0abc', 0, 'latin1');
    const items = await readAll([good('1'), bad, good('3')]);
    assert.deepEqual(ids(items), ['1', undefined, '3']);
    assert.match(items[1]!.error!.message, /record 2 .*five-digit record length/);
  });

  it('invalid UTF-8 in a UTF-8 record', async () => {
    const bad = Buffer.from(good('2'));
    const at = bad.indexOf(Buffer.from('Заглавие'));
    bad[at + 1] = 0xff;
    const items = await readAll([good('1'), bad, good('3')]);
    assert.deepEqual(ids(items), ['1', undefined, '3']);
    assert.match(items[1]!.error!.message, new RegExp(`^record 2 \\(byte ${good('1').length}\\): field 245 \\$a: invalid UTF-8 at byte ${at} of the record`));
  });

  it('bytes that are not MARC-8 in a MARC-8 record (leader/09 blank)', async () => {
    const marc8 = (value: Uint8Array): Uint8Array => {
      const r = Buffer.from(serializeIso2709(rec(df('245', '10', ['a', 'X'.repeat(value.length)]))));
      r[9] = 0x20;
      r.set(value, r.indexOf(Buffer.from('X'.repeat(value.length))));
      return r;
    };
    const items = await readAll([marc8(Uint8Array.from([0x1b, 0x28, 0x4e, 0x6d, 0x4f])), marc8(Uint8Array.from([0x41, 0x80])), marc8(Uint8Array.from([0x1b, 0x28, 0x5a, 0x41]))]);
    assert.equal((items[0]!.record!.fields[1] as MarcDataField).subfields[0]!.value, 'Мо');
    assert.match(items[1]!.error!.message, /^record 2 .*byte 80 is not MARC-8 text/);
    assert.match(items[2]!.error!.message, /^record 3 .*unknown MARC-8 character set "Z"/);
  });

  it('MARCXML: a malformed record, invalid UTF-8 and a truncated end, each named', async () => {
    const xml = (id: string, body = `<subfield code="a">Заглавие ${id}</subfield>`): string =>
      `<record><leader>${LEADER}</leader><controlfield tag="001">${id}</controlfield><datafield tag="245" ind1="1" ind2="0">${body}</datafield></record>`;
    const bytes = Buffer.concat([
      Buffer.from(`<?xml version="1.0"?>\n<collection xmlns="http://www.loc.gov/MARC21/slim">${xml('1')}${xml('2', '<subfield code="ab">x</subfield>')}`),
      Buffer.from(xml('3')).subarray(0, 90),
      Buffer.from([0xff]),
      Buffer.from(Buffer.from(xml('3')).subarray(90)),
      Buffer.from(`${xml('4')}${xml('5', '<subfield code="a">&bogus;</subfield>')}<record><leader>`),
    ]);
    const items = await readAll(cut(bytes, [7, 100, 333, 401]));
    assert.deepEqual(ids(items), ['1', undefined, undefined, '4', undefined, undefined]);
    assert.match(items[1]!.error!.message, /^record 2 .*subfield code must be one character/);
    assert.match(items[2]!.error!.message, /^record 3 .*invalid UTF-8 at byte \d+/);
    assert.match(items[4]!.error!.message, /^record 5 .*entity/);
    assert.match(items[5]!.error!.message, /^record 6 .*truncated/);
  });

  it('MARC-in-JSON: a line that is not a record is named by its number', async () => {
    const line = (id: string): string => JSON.stringify(recordToJson(rec({ tag: '001', value: id })));
    const items = await readAll([`${line('1')}\n{"leader": 5}\n${line('3')}\n`]);
    assert.deepEqual(ids(items), ['1', undefined, '3']);
    assert.match(items[1]!.error!.message, /^record 2 .*leader/);
  });
});

describe('MARCXML and MARC-in-JSON', () => {
  it('MARCXML reads back what it writes, in any pieces', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 3 }), fc.array(fc.nat(), { maxLength: 6 }), async (records, at) => {
        const w = marcWriter('marcxml');
        const bytes = Buffer.concat([w.head, ...records.map((r) => w.record(r)), w.tail]);
        const items = await readAll(cut(bytes, at));
        assert.deepEqual(items.map((i) => i.record), records);
      }),
      { numRuns: 100 },
    );
  });

  it('reads records in an OAI-PMH response (wrappers named record, namespaces)', async () => {
    const xml = `<OAI-PMH><ListRecords><record><header><identifier>x</identifier></header><metadata><marc:record xmlns:marc="http://www.loc.gov/MARC21/slim"><marc:leader>${LEADER}</marc:leader><marc:datafield tag="245" ind1="0" ind2="0"><marc:subfield code="a"><![CDATA[A & B]]></marc:subfield></marc:datafield></marc:record></metadata></record></ListRecords></OAI-PMH>`;
    const items = await readAll([xml]);
    assert.deepEqual(items.map((i) => i.record?.fields), [[df('245', '00', ['a', 'A & B'])]]);
  });

  it('MARC-in-JSON lines read back what they write', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 3 }), async (records) => {
        const w = marcWriter('json');
        const items = await readAll([Buffer.concat(records.map((r) => w.record(r)))]);
        assert.deepEqual(items.map((i) => i.record), records);
      }),
      { numRuns: 100 },
    );
  });

  it('rejects MARC-in-JSON of the wrong shape with the place', () => {
    assert.throws(() => recordFromJson({ leader: LEADER, fields: [{ 245: { subfields: [{ ab: 'x' }] } }] }), /fields\[0\] \(245\) subfields\[0\]/);
  });
});

describe('MARC-8', () => {
  // Expected values from MARC::Charset's own tests (t/cyrillic.t, t/double-diacritics.t), which
  // follow the Library of Congress code tables.
  const esc = (s: string): string => s.replace(/<ESC>/g, '\x1b');
  const bytes = (s: string): Uint8Array => Uint8Array.from([...esc(s)].map((c) => c.charCodeAt(0)));
  it('basic and extended Cyrillic', () => {
    assert.equal(decodeMarc8(bytes('<ESC>(NsAMYE WES<ESC>(QD<ESC>(NLYE SKAZKI<ESC>(B, <ESC>(NSTIHI I PESNI <ESC>(B/')), 'Самые весёлые сказки, стихи и песни /');
    assert.equal(decodeMarc8(bytes('<ESC>(NsEM<ESC>(B<ESC>(QD<ESC>(B<ESC>(NNOWA<ESC>(B')), 'Семёнова');
  });
  it('Cyrillic designated to G1 (ESC ) N, ESC - N): its bytes with the high bit set, ASCII still in G0', () => {
    // The Library of Congress table puts М at 6D and о at 4F of Basic Cyrillic; in G1 they are ED and CF.
    assert.equal(decodeMarc8(Uint8Array.from([0x1b, 0x29, 0x4e, 0xed, 0xcf, 0x20, 0x41])), 'Мо A');
    assert.equal(decodeMarc8(Uint8Array.from([0x1b, 0x2d, 0x4e, 0xed, 0xcf])), 'Мо');
  });
  it('the ligature and double tilde: U+0361/U+0360 after the first letter (LC), or the halves', () => {
    const b = bytes('Ha\xFAn\xFBgin Il\xEBi\xECushin');
    assert.equal(decodeMarc8(b), 'Han\u0360gin Ili\u0361ushin');
    assert.equal(decodeMarc8(b, { tie: 'halves' }), 'Han\uFE22g\uFE23in Ili\uFE20u\uFE21shin');
  });
  it('combining marks, written before their letter, come after it, in the same order', () => {
    // ANSEL E2 acute, E8 umlaut (diaeresis), F6 underscore ... before e
    assert.equal(decodeMarc8(bytes('\xE2\xE8e')), 'e\u0301\u0308');
  });
  it('a real MARC-8 record: its Cyrillic romanizes to the cataloger\'s own romanized fields', async () => {
    // marc4j's test record (OCLC/LC, leader/09 blank): the decoded 880s, romanized, give the 100 and 245.
    const items = await readAll([readFileSync(path.join(fixtures, 'real', 'records.mrc'))]);
    const record = items.map((i) => i.record!).find((r) => (r.fields.find((f) => f.tag === '001') as { value: string }).value === 'u6015439')!;
    const diagnostics = checkRecord(record).filter((d) => ['100', '245'].includes(d.data.tag ?? ''));
    assert.deepEqual(diagnostics, []);
  });
});

describe('$6 linkage', () => {
  it('parses and formats tag, occurrence, script and orientation', () => {
    for (const v of ['245-01/(N', '880-03', '100-12/(3/r', '260-00/(N', '505-123']) assert.equal(formatLinkage(parseLinkage(v)!), v);
    assert.equal(parseLinkage('245'), undefined);
  });
  it('finds broken links: no partner, wrong tag, occurrence used twice, malformed', () => {
    const r = rec(
      df('245', '10', ['6', '880-01'], ['a', 'A']),
      df('246', '1 ', ['6', '880-02'], ['a', 'B']),
      df('250', '  ', ['6', '880-03'], ['a', 'C']),
      df('260', '  ', ['6', '880-03'], ['a', 'D']),
      df('300', '  ', ['6', '88O-04'], ['a', 'E']),
      df('880', '10', ['6', '245-01/(N'], ['a', 'А']),
      df('880', '1 ', ['6', '740-02/(N'], ['a', 'Б']),
      df('880', '  ', ['6', '250-03/(N'], ['a', 'В']),
      df('880', '  ', ['6', '500-05/(N'], ['a', 'Г']),
      df('880', '  ', ['6', '260-00/(N'], ['a', 'Д']),
    );
    const p = pairFields(r);
    assert.deepEqual(p.pairs.map((x) => x.field.tag), ['245', '250']);
    assert.deepEqual(p.unlinked.map((x) => x.subfields[1]!.value), ['Д']);
    assert.deepEqual(p.broken.map((b) => b.problem).sort(), [
      '260 $6 880-03: occurrence 03 is used by more than one field',
      '300 $6 "88O-04" is not of the form TAG-NN',
      '880 $6 500-05: no field 500 links to occurrence 05',
      '880 $6 740-02: occurrence 02 is linked from field 246, not 740',
    ]);
  });
});

describe('romanizeRecord', () => {
  it('pairs each Cyrillic field with a linked 880 and keeps codes, dates, relator terms and URIs', () => {
    const { record, changed } = romanizeRecord(rec(
      df('100', '1 ', ['a', 'Толстой, Лев,'], ['d', '1828-1910,'], ['e', 'author.'], ['0', 'http://id.loc.gov/authorities/names/n79021217'], ['4', 'aut']),
      df('245', '10', ['6', '880-07'], ['a', 'Voĭna i mir']),
      df('300', '  ', ['a', '1 т.']),
      df('880', '10', ['6', '245-07/(N'], ['a', 'Война и мир']),
      df('994', '  ', ['a', 'X']),
    ));
    assert.equal(changed, 1);
    assert.deepEqual(record.fields.map((f) => f.tag), ['008', '100', '245', '300', '880', '880', '994']);
    assert.deepEqual(record.fields[1], df('100', '1 ', ['6', '880-08'], ['a', 'Tolstoĭ, Lev,'], ['d', '1828-1910,'], ['e', 'author.'], ['0', 'http://id.loc.gov/authorities/names/n79021217'], ['4', 'aut']));
    assert.deepEqual(record.fields[5], df('880', '1 ', ['6', '100-08/(N'], ['a', 'Толстой, Лев,'], ['d', '1828-1910,'], ['e', 'author.'], ['0', 'http://id.loc.gov/authorities/names/n79021217'], ['4', 'aut']));
    // 300 is not paired: its Cyrillic stays and is reported.
    assert.deepEqual(record.fields[3], df('300', '  ', ['a', '1 т.']));
  });

  it('writes ties and Unicode form as the record does, or as asked', () => {
    const halves = rec(df('245', '10', ['6', '880-01'], ['a', 'Rossii\uFE20a\uFE21']), df('880', '10', ['6', '245-01/(N'], ['a', 'Россия']), df('650', ' 0', ['a', 'Цены']));
    const get = (r: MarcRecord): string => (r.fields.find((f) => f.tag === '650') as MarcDataField).subfields[1]!.value;
    assert.equal(get(romanizeRecord(halves).record), 'T\uFE20S\uFE21eny');
    assert.equal(get(romanizeRecord(halves, { tie: 'breve' }).record), 'T\u0361Seny');
    assert.equal(get(romanizeRecord(rec(df('650', ' 0', ['a', 'Цены']))).record), 'T\u0361Seny');
    const nfd = rec(df('245', '10', ['a', 'Voi\u0306na']), df('650', ' 0', ['a', 'Ёж']));
    assert.equal(get(romanizeRecord(nfd).record), 'E\u0308zh');
    assert.equal(get(romanizeRecord(nfd, { normalization: 'NFC' }).record), 'Ëzh');
  });

  it('writes Roman numerals typed with Cyrillic look-alikes in Latin; keeps initials', () => {
    const { record } = romanizeRecord(rec(df('505', '0 ', ['a', 'ХХ в. -- ХIХ век -- Х.И. Кучук'])));
    assert.equal((record.fields[1] as MarcDataField).subfields[1]!.value, 'XX v. -- XIX vek -- Kh.I. Kuchuk');
  });

  it('leaves records in a language the table does not cover, and text of another Cyrillic language', () => {
    const ger = romanizeRecord({ leader: LEADER, fields: [{ tag: '008', value: F008.value.replace('rus', 'ger') }, df('245', '10', ['a', 'Київ'])] });
    assert.equal(ger.changed, 0);
    assert.deepEqual(ger.diagnostics.map((d) => d.ruleId), ['marc/language']);
    assert.match(ger.diagnostics[0]!.reason, /"ger" \(008\/35-37\), which the MARC table has no romanization for/u);
    // A Russian record's field in Ukrainian letters is left alone, not romanized as Russian.
    const mixed = romanizeRecord(rec(df('245', '10', ['a', 'Київ'])));
    assert.deepEqual(mixed.diagnostics.map((d) => d.ruleId), ['marc/other-language']);
  });

  it('romanizes a record in Ukrainian, Belarusian, Bulgarian, Serbian or Macedonian by its language\'s ALA-LC table', () => {
    const inLanguage = (code: string, text: string): MarcRecord => ({ leader: LEADER, fields: [{ tag: '008', value: F008.value.replace('rus', code) }, df('245', '10', ['a', text])] });
    const title = (r: { record: MarcRecord }): string | undefined => (r.record.fields[1] as MarcDataField).subfields.at(-1)?.value;
    // The Library of Congress heads the city Kyïv (Ukraine); ALA-LC Ukrainian writes и as y, Russian as i.
    const uk = romanizeRecord(inLanguage('ukr', 'Київ'));
    assert.equal(uk.changed, 1);
    assert.equal(title(uk), 'Kyïv');
    assert.deepEqual(checkRecord(uk.record).filter((d) => d.severity !== 'info'), []);
    // Each record by its own language, whatever the file holds: ALA-LC Bulgarian writes ъ as ŭ and щ as sht.
    assert.equal(title(romanizeRecord(inLanguage('bul', 'Щит'))), 'Shtit');
    assert.equal(title(romanizeRecord(inLanguage('scc', 'Љубав'))), 'Ljubav');
    // A named scheme is read as its family's table for the record's language.
    assert.equal(title(romanizeRecord(inLanguage('ukr', 'Київ'), { scheme: 'ala-lc' })), 'Kyïv');
    assert.equal(title(romanizeRecord(inLanguage('rus', 'Киев'), { scheme: 'ala-lc-uk' })), 'Kiev');
  });

  it('the MARC codes of the table name languages latinitsa has, each with a scheme of that language', async () => {
    const { getScheme, listLanguages } = await import('../src/schemes/registry.ts');
    const table = JSON.parse(readFileSync('src/marc/data/fields.json', 'utf8')) as { languages: Record<string, { language: string; scheme: string }> };
    for (const [code, { language, scheme }] of Object.entries(table.languages)) {
      assert.ok(listLanguages().includes(language), `${code}: ${language}`);
      assert.ok(getScheme(scheme).languages.includes(language), `${code}: ${scheme} is not a scheme of ${language}`);
    }
  });

  it('lang reads the records as another language: the ALA-LC table for it, as the Library of Congress heads Kyïv (Ukraine)', () => {
    const uk = { leader: LEADER, fields: [{ tag: '008', value: F008.value.replace('rus', 'ukr') }, df('245', '10', ['a', 'Київ'])] };
    const r = romanizeRecord(uk, { lang: 'uk' });
    assert.equal(r.changed, 1);
    assert.deepEqual(r.record.fields[1], df('245', '10', ['6', '880-01'], ['a', 'Kyïv']));
    assert.deepEqual(r.record.fields[2], df('880', '10', ['6', '245-01/(N'], ['a', 'Київ']));
    assert.deepEqual(checkRecord(r.record, { lang: 'uk' }).filter((d) => d.severity !== 'info'), []);
    assert.throws(() => romanizeRecord(uk, { lang: 'xx' }), { code: 'ERR_INVALID_OPTION' });
    // A family with no table for the language is refused as romanize refuses it (docs/languages.md), not swapped for the language's default.
    assert.throws(() => romanizeRecord(uk, { lang: 'uk', scheme: 'modified-loc' }), { code: 'ERR_INVALID_OPTION', message: /scheme "modified-loc" has no table for Ukrainian/u });
  });
});

describe('the catalogers\' own records (test/fixtures/marc/real)', () => {
  const provenance = readFileSync(path.join(fixtures, 'real', 'provenance.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  const classified = new Set(readFileSync(path.join(fixtures, 'real', 'differences.tsv'), 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#')).map((l) => l.split('\t')[0]));
  it('every 880 romanizes to the cataloger\'s field, except the differences classified in differences.tsv', async () => {
    const items = await readAll([readFileSync(path.join(fixtures, 'real', 'records.mrc'))]);
    assert.equal(items.length, provenance.length);
    const unexplained: string[] = [];
    items.forEach((item, i) => {
      if (provenance[i]![8] === 'excluded') return;
      for (const d of checkRecord(item.record!, { index: i + 1 })) {
        if (!['marc/romanization-mismatch', 'marc/subfield-mismatch', 'marc/misplaced-ligature'].includes(d.ruleId)) continue;
        if (!classified.has(`${i + 1}/${d.data.tag}-${d.data.occurrence}`)) unexplained.push(`${i + 1}/${d.data.tag}-${d.data.occurrence} ${d.actual} ≠ ${d.expected?.[0]}`);
      }
    });
    assert.deepEqual(unexplained, []);
  });
});

describe('the catalogers\' own records in Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian (test/fixtures/marc/real-other)', () => {
  const [head, ...provenance] = readFileSync(path.join(fixtures, 'real-other', 'provenance.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
  const classified = new Set(readFileSync(path.join(fixtures, 'real-other', 'differences.tsv'), 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#')).map((l) => l.split('\t')[0]));
  it('every 880 romanizes, in the record\'s language, to the cataloger\'s field, except the differences classified in differences.tsv', async () => {
    const items = await readAll([readFileSync(path.join(fixtures, 'real-other', 'records.mrc'))]);
    assert.equal(items.length, provenance.length);
    const unexplained: string[] = [];
    items.forEach((item, i) => {
      const row = provenance[i]!;
      if (row[head!.indexOf('split')] === 'excluded') return;
      const lang = row[head!.indexOf('lang')]!;
      // Each record is read in its own 008 language by default: the same findings as with `lang` named.
      assert.deepEqual(checkRecord(item.record!, { index: i + 1 }), checkRecord(item.record!, { index: i + 1, lang }), `record ${i + 1} is read in its 008 language`);
      for (const d of checkRecord(item.record!, { index: i + 1, lang })) {
        if (!['marc/romanization-mismatch', 'marc/subfield-mismatch', 'marc/misplaced-ligature'].includes(d.ruleId)) continue;
        if (!classified.has(`${i + 1}/${d.data.tag}-${d.data.occurrence}`)) unexplained.push(`${i + 1}/${d.data.tag}-${d.data.occurrence} ${d.actual} ≠ ${d.expected?.[0]}`);
      }
    });
    assert.deepEqual(unexplained, []);
  });
});

describe('checkRecord', () => {
  const shape = (d: ReturnType<typeof checkRecord>[number]): void => {
    assert.match(d.ruleId, /^marc\/[a-z-]+$/);
    assert.equal(d.source, 'latinitsa');
    assert.ok(['error', 'warning', 'info'].includes(d.severity));
    assert.equal(typeof d.data.record, 'number');
  };
  it('reports each kind of problem once, in the diagnostic shape', () => {
    const ds = checkRecord(rec(
      df('100', '1 ', ['6', '880-01'], ['a', 'Berberova, N.']),
      df('245', '10', ['6', '880-02'], ['a', 'Rossi\uFE20i\uFE21a']),
      df('246', '1 ', ['6', '880-03'], ['a', 'Moskvа']),
      df('250', '  ', ['6', '880-04'], ['a', 'Izd. 2-e']),
      df('260', '  ', ['6', '880-05'], ['a', 'Moskva']),
      df('880', '1 ', ['6', '100-01/(N'], ['a', 'Берберова, H.']),
      df('880', '10', ['6', '245-02/(N'], ['a', 'Россия']),
      df('880', '1 ', ['6', '246-03/(N'], ['a', 'Москва']),
      df('880', '  ', ['6', '250-04/(N'], ['a', 'Изд. 2-е'], ['b', 'испр.']),
      df('880', '  ', ['6', '264-05/(N'], ['a', 'Мocква']),
    ), { index: 7, file: 'x.mrc' });
    ds.forEach(shape);
    assert.deepEqual(ds.map((d) => [d.ruleId, d.data.tag, d.data.occurrence]), [
      ['marc/broken-link', '880', '05'],
      ['marc/cyrillic-in-romanized', '246', '03'],
      ['marc/latin-lookalike', '100', '01'],
      ['marc/latin-lookalike', '264', '05'],
      ['marc/misplaced-ligature', '245', '02'],
      ['marc/subfield-mismatch', '250', '04'],
    ]);
    assert.equal(ds[0]!.data.record, 7);
    assert.equal(ds[0]!.file, 'x.mrc');
    assert.deepEqual(ds[2]!.expected, ['Берберова, Н.']);
    assert.deepEqual(ds[3]!.expected, ['Москва']);
    assert.deepEqual(ds[4]!.expected, ['Rossii\uFE20a\uFE21']);
  });
  it('says which other scheme a romanized field follows', () => {
    const ds = checkRecord(rec(df('245', '10', ['6', '880-01'], ['a', 'Istoriya']), df('880', '10', ['6', '245-01/(N'], ['a', 'История'])));
    assert.equal(ds[0]!.data.matchesScheme !== undefined, true);
  });
});

describe('vernacularRecord', () => {
  const lexicon = createLexicon({ words: [['москва', 1 | 8], ['наука', 1], ['история', 1], ['россии', 1], ['в', 1]] });
  it('writes certain fields, lists the others, keeps English phrases and codes', () => {
    const r = rec(
      df('245', '00', ['a', 'Istorii\u0361a Rossii /'], ['h', '[electronic resource]']),
      df('264', ' 1', ['a', 'Moskva :'], ['b', 'Nauka,'], ['c', '2001.']),
      df('500', '  ', ['a', 'At head of title: Rossiĭskai\u0361a akademii\u0361a nauk.']),
      df('650', ' 0', ['a', 'History']),
    );
    const { record, diagnostics } = vernacularRecord(r, { lexicon });
    const alt = record.fields.filter((f): f is MarcDataField => f.tag === '880');
    assert.deepEqual(alt.map((f) => f.subfields.map((sf) => sf.value)), [
      ['245-01/(N', 'История России /', '[electronic resource]'],
      ['264-02/(N', 'Москва :', 'Наука,', '2001.'],
    ]);
    const review = diagnostics.find((d) => d.ruleId === 'marc/vernacular-review')!;
    assert.equal(review.data.tag, '500');
    assert.match(review.expected![0]!, /^\$a At head of title: Российская академия наук\.$/);
    assert.ok(review.confidence! < 1);
    const all = vernacularRecord(r, { lexicon, all: true }).record.fields.filter((f) => f.tag === '880');
    assert.equal(all.length, 3);
  });
  it('keeps a cataloguer\'s bracketed interpolations in English or Latin ([and others], [S.l.], [sic])', () => {
    const r = rec(
      df('245', '10', ['a', 'Filosofskai\u0361a \u0117nt\u0361siklopedii\u0361a /'], ['c', 'glavnyi\u0306 redaktor, F.V. Konstantinov ; chleny redakt\u0361sionnoi\u0306 kollegii, V.F. Asmus [and others].']),
      df('264', ' 1', ['a', '[S.l. :'], ['b', 's.n.],'], ['c', '[date of publication not identified]']),
    );
    const all = vernacularRecord(r, { all: true }).record.fields.filter((f): f is MarcDataField => f.tag === '880');
    assert.match(all[0]!.subfields[2]!.value, /Асмус \[and others\]\.$/u);
    assert.deepEqual(all.map((f) => f.tag), ['880']);
  });
  it('romanize then vernacular gives the Cyrillic back', () => {
    const cyrillic = rec(df('245', '10', ['a', 'Война и мир /'], ['c', 'Лев Толстой.']), df('264', ' 1', ['a', 'Москва :'], ['b', 'Эксмо,'], ['c', '2013.']));
    const romanized = romanizeRecord(cyrillic).record;
    const stripped: MarcRecord = { leader: LEADER, fields: romanized.fields.filter((f) => f.tag !== '880').map((f) => (isDataField(f) ? { ...f, subfields: f.subfields.filter((sf) => sf.code !== '6') } : f)) };
    const back = vernacularRecord(stripped, { all: true }).record.fields.filter((f): f is MarcDataField => f.tag === '880');
    assert.deepEqual(back.map((f) => f.subfields.slice(1)), cyrillic.fields.slice(1).map((f) => (f as MarcDataField).subfields));
  });
});

describe('the core stays browser-safe', () => {
  it('src/marc/index.ts imports nothing from node:', async () => {
    const { build } = await import('esbuild');
    const result = await build({ entryPoints: ['src/marc/index.ts'], bundle: true, write: false, platform: 'browser', format: 'esm', logLevel: 'silent', metafile: true });
    const inputs = Object.keys(result.metafile.inputs);
    assert.deepEqual(inputs.filter((i) => i.startsWith('node:')), []);
  });
});

it('parseIso2709 reads a record given with or without its terminator', () => {
  const bytes = serializeIso2709(rec(df('245', '10', ['a', 'Ёж'])));
  assert.deepEqual(parseIso2709(bytes), parseIso2709(bytes.subarray(0, bytes.length - 1)));
});

describe('marcBatch (the API and the page)', () => {
  it('romanizes a batch given as MARC-in-JSON, returns records, rows before/after, findings and unreadable records', async () => {
    const { marcBatch } = await import('../src/marc/index.ts');
    const lines = [JSON.stringify(recordToJson(rec(df('245', '10', ['a', 'Щука'])))), '{"leader": 1}', JSON.stringify(recordToJson(rec(df('300', '  ', ['a', '12 с.']))))].join('\n');
    const r = await marcBatch({ operation: 'romanize', text: lines, output: 'marcxml' });
    assert.deepEqual(r.records.map((x) => [x.index, x.changed]), [[1, 1], [3, 0]]);
    assert.deepEqual(r.errors.map((e) => e.index), [2]);
    assert.deepEqual(r.records[0]!.fields.map((f) => f.status), ['same', 'changed', 'added']);
    assert.deepEqual(r.diagnostics.map((d) => [d.ruleId, d.data.record]), [['marc/unpaired-cyrillic', 3]]);
    assert.match(r.serialized!, /^<\?xml[\s\S]*<subfield code="6">245-01\/\(N<\/subfield>[\s\S]*<\/collection>\n$/);
  });
  it('refuses more records than allowed', async () => {
    const { marcBatch } = await import('../src/marc/index.ts');
    const one = JSON.stringify(recordToJson(rec()));
    await assert.rejects(marcBatch({ operation: 'check', text: `${one}\n${one}\n${one}` }, { maxRecords: 2 }), { code: 'ERR_TOO_LARGE' });
  });
});

describe('POST /api/marc', () => {
  it('romanizes ISO 2709 sent in base64 and answers records, rows and the serialized batch', async () => {
    const { runOperation } = await import('../src/server/operations.ts');
    const data = Buffer.from(serializeIso2709(rec(df('245', '10', ['a', 'Ёлки-палки'])))).toString('base64');
    const r = (await runOperation('marc', JSON.stringify({ operation: 'romanize', data, output: 'iso2709', tie: 'halves' }))) as { records: { fields: { status: string; after?: string }[] }[]; serialized: string; errors: unknown[] };
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.records[0]!.fields.filter((f) => f.status !== 'same').map((f) => f.after), ['10 $6 880-01 $a Ëlki-palki', '10 $6 245-01/(N $a Ёлки-палки']);
    const back = await readAll([Buffer.from(r.serialized, 'base64')]);
    assert.equal(back.length, 1);
  });
  it('takes lang: the records read as that language', async () => {
    const { runOperation } = await import('../src/server/operations.ts');
    const text = JSON.stringify(recordToJson(rec(df('245', '10', ['a', 'Ґанок']))));
    const r = (await runOperation('marc', JSON.stringify({ operation: 'romanize', text, lang: 'uk' }))) as { records: { fields: { status: string; after?: string }[] }[] };
    assert.deepEqual(r.records[0]!.fields.filter((f) => f.status !== 'same').map((f) => f.after), ['10 $6 880-01 $a Ganok', '10 $6 245-01/(N $a Ґанок']);
  });
  it('refuses a request without records or with an unknown operation', async () => {
    const { runOperation } = await import('../src/server/operations.ts');
    await assert.rejects(runOperation('marc', JSON.stringify({ operation: 'romanize' })), /give the records/);
    await assert.rejects(runOperation('marc', JSON.stringify({ operation: 'burn', text: '{}' })), /field "operation"/);
  });
});

describe('input that starts with "<" but is not XML (found by the twelfth session\'s audit: it read as 0 records, exit 0, HTTP 200)', () => {
  for (const [input, expected] of readTsv(path.join(fixtures, 'starts-with-lt.tsv'))) {
    it(JSON.stringify(input), async () => {
      const { runOperation } = await import('../src/server/operations.ts');
      const { handleApi } = await import('../src/server/index.ts');
      const cli = await runCli(['marc', 'check'], { stdin: input! });
      const api = await handleApi({ method: 'POST', path: '/api/marc', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ operation: 'check', text: input }) });
      if (expected === 'records: 0') {
        assert.deepEqual(await readAll([Buffer.from(input!)]), []);
        assert.equal(cli.code, 0, cli.stderr);
        assert.equal(api.status, 200, String(api.body));
        assert.deepEqual((await runOperation('marc', JSON.stringify({ operation: 'check', text: input })) as { errors: unknown[] }).errors, []);
        return;
      }
      const says = new RegExp(`^the input is not MARCXML: it starts with "<" but is not XML \\(${expected}\\)$`, 'u');
      await assert.rejects(readAll([Buffer.from(input!)]), (e: unknown) => e instanceof LatinitsaError && e.code === 'ERR_UNSUPPORTED_FORMAT' && says.test(e.message));
      // Cut after every byte, the same.
      await assert.rejects(readAll([...Buffer.from(input!)].map((b) => Uint8Array.of(b))), { code: 'ERR_UNSUPPORTED_FORMAT' });
      assert.equal(cli.code, 2, cli.stderr);
      assert.match(cli.stderr, /^latinitsa: <stdin>: the input is not MARCXML: .*\n$/u);
      assert.equal(api.status, 422, String(api.body));
      const body = JSON.parse(String(api.body)) as { error: { status: number; code: string; message: string } };
      assert.deepEqual([body.error.status, body.error.code], [422, 'ERR_UNSUPPORTED_FORMAT']);
      assert.match(body.error.message, says);
    });
  }
});

describe('MARC-in-JSON in any line breaks (json-shapes.tsv; before, a pretty-printed file was read one line at a time and nothing was a record)', () => {
  for (const [input, expected, note] of readTsv(path.join(fixtures, 'json-shapes.tsv'))) {
    it(note!, async () => {
      const want = expected!.split(' | ');
      const check = (items: MarcReadItem[]): void => {
        assert.equal(items.length, want.length, JSON.stringify(items.map((i) => i.error?.message ?? i.record?.fields[0])));
        items.forEach((item, i) => {
          const w = want[i]!;
          if (w.startsWith('error: ')) assert.match(item.error?.message ?? '(a record)', new RegExp(w.slice(7), 'u'));
          else assert.equal((item.record?.fields[0] as { value?: string } | undefined)?.value, w, item.error?.message);
          assert.equal(item.index, i + 1);
        });
      };
      check(await readAll([Buffer.from(input!)]));
      // Cut after every byte, the same.
      check(await readAll([...Buffer.from(input!)].map((b) => Uint8Array.of(b))));
      if (want.some((w) => w.startsWith('error: '))) return;
      const { runOperation } = await import('../src/server/operations.ts');
      const api = (await runOperation('marc', JSON.stringify({ operation: 'romanize', text: input }))) as { records: unknown[]; errors: unknown[] };
      assert.deepEqual([api.records.length, api.errors], [want.length, []]);
      const cli = await runCli(['marc', 'romanize', '-t', 'json'], { stdin: input! });
      assert.equal(cli.code, 0, cli.stderr);
      assert.equal(cli.stdout.trim().split('\n').length, want.length);
    });
  }
});

describe('LCSH subdivisions: kept because they are English (docs/marc.md), so a Cyrillic one is romanized', () => {
  const fieldsOf = (r: MarcRecord): string[] => r.fields.slice(1).map((f) => `${f.tag} ${'subfields' in f ? f.subfields.map((sf) => `$${sf.code} ${sf.value}`).join(' ') : ''}`);
  it('650 _0 $x in Cyrillic is romanized, in English kept; check finds nothing in the output', () => {
    const { record, diagnostics } = romanizeRecord(rec(df('650', ' 0', ['a', 'Россия'], ['x', 'История.']), df('651', ' 0', ['a', 'Москва'], ['x', 'History'], ['v', 'Карты.'])));
    assert.deepEqual(fieldsOf(record), [
      '650 $6 880-01 $a Rossii\u0361a $x Istorii\u0361a.',
      '651 $6 880-02 $a Moskva $x History $v Karty.',
      '880 $6 650-01/(N $a Россия $x История.',
      '880 $6 651-02/(N $a Москва $x History $v Карты.',
    ]);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(checkRecord(record).map((d) => [d.ruleId, d.reason]), []);
  });
  it('check compares a romanized Cyrillic subdivision with its 880', () => {
    const ds = checkRecord(rec(df('650', ' 0', ['6', '880-01'], ['a', 'Rossii\u0361a'], ['x', 'Istoriia.']), df('880', ' 0', ['6', '650-01/(N'], ['a', 'Россия'], ['x', 'История.'])));
    assert.deepEqual(ds.map((d) => [d.ruleId, d.data.subfield, d.expected]), [['marc/romanization-mismatch', 'x', ['Istorii\u0361a.']]]);
  });
});

describe('check: the hint for Cyrillic with no 880 says what romanize does', () => {
  it('a field romanize leaves for its letters, or for the record\'s language, names --lang/--scheme', () => {
    const uk = checkRecord(rec(df('245', '10', ['a', 'Київ'])));
    assert.equal(uk.length, 1);
    assert.match(uk[0]!.reason, /^Field 245 \$a holds Cyrillic with no 880: it has letters the Russian table does not have \(ї\), so `latinitsa marc romanize` leaves it: give `--lang` .*or `--scheme` to make the pair\.$/u);
    assert.equal(romanizeRecord(rec(df('245', '10', ['a', 'Київ']))).diagnostics[0]!.ruleId, 'marc/other-language');
    const fre = { leader: LEADER, fields: [{ tag: '008', value: '130329s2013    fr            000 1 fre d' }, df('245', '10', ['a', 'Москва'])] };
    assert.match(checkRecord(fre)[0]!.reason, /^Field 245 \$a holds Cyrillic with no 880: `latinitsa marc romanize` leaves it \(the record's language is "fre".*\): give `--lang` or `--scheme` to make the pair\.$/u);
    assert.match(checkRecord(rec(df('245', '10', ['a', 'Москва'])))[0]!.reason, /with no 880: `latinitsa marc romanize` makes the pair\.$/u);
  });
});

describe('English in headings: a 651 place, a jurisdiction, a place qualifier (english-headings.tsv; vernacular read Ukraine. as Украіне)', async () => {
  const lexicon = await loadLexicon();
  assert.ok(lexicon !== undefined, 'the shipped lexicon (data/lexicon/lexicon-ru.bin)');
  const parse = (spec: string): MarcDataField => {
    const [tag, ind, ...rest] = spec.split(' ');
    const subfields = rest.join(' ').split(/ ?\$(?=\S )/u).filter((s) => s !== '').map((s) => ({ code: s[0]!, value: s.slice(2) }));
    return { tag: tag!, ind1: ind![0]!.replace('_', ' '), ind2: ind![1]!.replace('_', ' '), subfields };
  };
  const text = (f: MarcDataField | undefined): string => (f === undefined ? '-' : f.subfields.filter((sf) => sf.code !== '6').map((sf) => `$${sf.code} ${sf.value}`).join(' '));
  for (const [language, operation, spec, expected, why] of readTsv(path.join(fixtures, 'english-headings.tsv'))) {
    it(`${language} ${operation} ${spec} → ${expected} (${why})`, () => {
      const record: MarcRecord = { leader: LEADER, fields: [{ tag: '008', value: `130329s2013    un            000 1 ${language} d` }, parse(spec!)] };
      const out = operation === 'vernacular' ? vernacularRecord(record, { lexicon, all: true }).record : romanizeRecord(record, { tie: 'halves' }).record;
      const fields = out.fields.filter(isDataField);
      assert.equal(text(operation === 'vernacular' ? fields.find((f) => f.tag === '880') : fields.find((f) => f.tag !== '880')), expected!.normalize('NFC'));
    });
  }
});
