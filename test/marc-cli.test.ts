// `latinitsa marc romanize|check|vernacular` on files: formats, atomic output, bad records.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from './support/cli.ts';
import { marcWriter, readRecords, serializeIso2709, type MarcDataField, type MarcReadItem, type MarcRecord } from '../src/marc/index.ts';

const LEADER = '00000nam a2200000 a 4500';
const record = (id: string, title: string): MarcRecord => ({
  leader: LEADER,
  fields: [
    { tag: '001', value: id },
    { tag: '008', value: '130329s2013    ru            000 1 rus d' },
    { tag: '245', ind1: '1', ind2: '0', subfields: [{ code: 'a', value: title }] },
  ],
});

/** `latinitsa marc ARGV` in-process, in `cwd`, with `stdin`. */
async function marc(argv: string[], cwd: string, stdin?: Buffer): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  const r = await runCli(['marc', ...argv], { cwd, ...(stdin === undefined ? {} : { stdin }) });
  return { code: r.code, stdout: r.stdoutBytes, stderr: r.stderr };
}

async function records(bytes: Buffer): Promise<MarcReadItem[]> {
  const out: MarcReadItem[] = [];
  for await (const item of readRecords([bytes])) out.push(item);
  return out;
}

describe('latinitsa marc', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'latinitsa-marc-'));
  const mrc = Buffer.concat([serializeIso2709(record('1', 'Война и мир')), serializeIso2709(record('2', 'Анна Каренина'))]);
  await writeFile(path.join(dir, 'in.mrc'), mrc);

  it('romanize in.mrc -o out.mrc: pairs written atomically, summary on stderr', async () => {
    const r = await marc(['romanize', 'in.mrc', '-o', 'out.mrc'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /2 records, 2 romanized fields written/);
    const items = await records(await readFile(path.join(dir, 'out.mrc')));
    const f245 = items.map((i) => i.record!.fields.find((f) => f.tag === '245') as MarcDataField);
    assert.deepEqual(f245.map((f) => f.subfields.map((sf) => sf.value)), [['880-01', 'Voĭna i mir'], ['880-01', 'Anna Karenina']]);
  });

  it('reads MARCXML and writes MARC-in-JSON when asked; stdin works', async () => {
    const w = marcWriter('marcxml');
    const xml = Buffer.concat([w.head, w.record(record('1', 'Щука')), w.tail]);
    const r = await marc(['romanize', '-t', 'json'], dir, xml);
    assert.equal(r.code, 0, r.stderr);
    const line = JSON.parse(r.stdout.toString().trim());
    assert.deepEqual(line.fields[2], { 245: { ind1: '1', ind2: '0', subfields: [{ 6: '880-01' }, { a: 'Shchuka' }] } });
  });

  it('--lang uk reads the Cyrillic as Ukrainian (the ALA-LC Ukrainian table)', async () => {
    const w = marcWriter('marcxml');
    const xml = Buffer.concat([w.head, w.record(record('1', 'Київ')), w.tail]);
    const r = await marc(['romanize', '-t', 'json', '--lang', 'uk'], dir, xml);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout.toString().trim()).fields[2], { 245: { ind1: '1', ind2: '0', subfields: [{ 6: '880-01' }, { a: 'Kyïv' }] } });
  });

  it('a file of Russian and Ukrainian records: each by its language\'s table; a scheme of one\'s own without one leaves that record', async () => {
    const uk = (id: string, title: string): MarcRecord => {
      const r = record(id, title);
      return { ...r, fields: r.fields.map((f) => (f.tag === '008' ? { tag: '008', value: '130329s2013    un            000 1 ukr d' } : f)) };
    };
    const file = Buffer.concat([serializeIso2709(record('1', 'Киев')), serializeIso2709(uk('2', 'Київ'))]);
    const titles = (out: Buffer): string[] => out.toString().trim().split('\n').map((l) => JSON.parse(l).fields[2][245].subfields.at(-1).a);
    const byLanguage = await marc(['romanize', '-t', 'json'], dir, file);
    assert.equal(byLanguage.code, 0, byLanguage.stderr);
    assert.deepEqual(titles(byLanguage.stdout), ['Kiev', 'Kyïv']);
    const own = await marc(['romanize', '-t', 'json', '--scheme-file', path.resolve('test/fixtures/check/schemes/lc-no-signs.json')], dir, file);
    assert.equal(own.code, 0, own.stderr);
    assert.deepEqual(titles(own.stdout), ['Kiev', 'Київ']);
    assert.match(own.stderr, /record 2: .*"ukr" \(008\/35-37\): Ukrainian, and scheme "lc-no-signs" has no table for Ukrainian/);
  });

  it('check: findings as text or JSON, exit 1 when there are problems', async () => {
    const paired: MarcRecord = {
      leader: LEADER,
      fields: [
        { tag: '008', value: '130329s2013    ru            000 1 rus d' },
        { tag: '245', ind1: '1', ind2: '0', subfields: [{ code: '6', value: '880-01' }, { code: 'a', value: 'Voina i mir' }] },
        { tag: '880', ind1: '1', ind2: '0', subfields: [{ code: '6', value: '245-01/(N' }, { code: 'a', value: 'Война и мир' }] },
      ],
    };
    await writeFile(path.join(dir, 'paired.mrc'), serializeIso2709(paired));
    const text = await marc(['check', 'paired.mrc'], dir);
    assert.equal(text.code, 1);
    assert.match(text.stdout.toString(), /^paired\.mrc:record 1: warning: Field 245 \$a is not the ala-lc romanization of its 880.*: expected "Voĭna i mir"\. \[marc\/romanization-mismatch\]\n$/);
    const json = await marc(['check', '--json', 'paired.mrc'], dir);
    const ds = JSON.parse(json.stdout.toString());
    assert.equal(ds[0].ruleId, 'marc/romanization-mismatch');
    assert.deepEqual(ds[0].data.record, 1);
    const clean = await marc(['check', 'in.mrc'], dir);
    assert.equal(clean.code, 0);
  });

  it('a bad record is named on stderr, the others are written, exit 2; --rejects keeps its bytes', async () => {
    const good = serializeIso2709(record('1', 'Война и мир'));
    const bad = Buffer.from(serializeIso2709(record('2', 'Анна')));
    bad.write('99999', 0, 'latin1');
    await writeFile(path.join(dir, 'mixed.mrc'), Buffer.concat([good, bad, good.subarray(0, 40)]));
    const r = await marc(['romanize', 'mixed.mrc', '-o', 'fixed.mrc', '--rejects', 'bad.mrc'], dir);
    assert.equal(r.code, 2);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('latinitsa: mixed.mrc'));
    assert.deepEqual(lines.map((l) => l.replace(/ \(byte \d+\).*/, '')), ['latinitsa: mixed.mrc: record 2', 'latinitsa: mixed.mrc: record 3']);
    assert.equal((await records(await readFile(path.join(dir, 'fixed.mrc')))).length, 1);
    assert.deepEqual(await readFile(path.join(dir, 'bad.mrc')), Buffer.concat([bad, good.subarray(0, 40)]));
  });

  it('vernacular writes certain 880s only unless --all, and lists the rest', async () => {
    const romanized = Buffer.from(JSON.stringify({ leader: LEADER, fields: [{ '008': '130329s2013    ru            000 1 rus d' }, { 245: { ind1: '1', ind2: '0', subfields: [{ a: 'Shchuka' }] } }] }) + '\n');
    const some = await marc(['vernacular', '--no-lexicon', '--input-format', 'json', '--json'], dir, romanized);
    assert.equal(some.code, 0, some.stderr);
    const all = await marc(['vernacular', '--no-lexicon', '--all'], dir, romanized);
    const written = JSON.parse(all.stdout.toString().trim());
    assert.deepEqual(written.fields.at(-1), { 880: { ind1: '1', ind2: '0', subfields: [{ 6: '245-01/(N' }, { a: 'Щука' }] } });
    const findings = JSON.parse(some.stderr.slice(some.stderr.indexOf('['), some.stderr.lastIndexOf(']') + 1));
    assert.equal(findings[0].ruleId, JSON.parse(some.stdout.toString()).fields.length === 2 ? 'marc/vernacular-review' : 'marc/vernacular-written');
  });

  it('says when MARC-8 records were read and written as UTF-8', async () => {
    const r = Buffer.from(serializeIso2709(record('1', 'XXXXXX')));
    r[9] = 0x20;
    Buffer.from([0x1b, 0x28, 0x4e, 0x6d, 0x4f, 0x53, 0x4b, 0x57, 0x41].slice(0, 6)).copy(r, r.indexOf('XXXXXX'));
    await writeFile(path.join(dir, 'marc8.mrc'), r);
    const out = await marc(['romanize', 'marc8.mrc', '-o', 'utf8.mrc'], dir);
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stderr, /1 record, 1 read as MARC-8 and written as UTF-8, 1 romanized field written/);
    const bytes = await readFile(path.join(dir, 'utf8.mrc'));
    assert.equal(String.fromCharCode(bytes[9]!), 'a');
    assert.match(bytes.toString('utf8'), /\x1faMos\x1e.*245-01\/\(N\x1faМос\x1e/);
  });

  it('usage errors', async () => {
    const unknown = await marc(['frobnicate'], dir);
    assert.equal(unknown.code, 2);
    // Not "--sub-command must be one of …": there is no such option (the twelfth session's audit).
    assert.equal(unknown.stderr, 'latinitsa: marc: name what to do: romanize, check or vernacular, not "frobnicate" (see latinitsa marc --help)\n');
    assert.equal((await marc([], dir)).code, 2);
    assert.match((await marc(['check', 'in.mrc', '-o', 'x'], dir)).stderr, /check writes no records/);
    assert.match((await marc(['romanize', '--tie', 'wide', 'in.mrc'], dir)).stderr, /--tie must be one of auto, breve, halves/);
    assert.match((await marc(['romanize', 'nothing-here.mrc'], dir)).stderr, /nothing-here\.mrc/);
  });
});
