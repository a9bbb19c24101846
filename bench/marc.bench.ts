// `npm run bench:marc`: MARC records streamed through src/marc, on N synthetic records made from
// the catalogers' records of test/fixtures/marc/real (each record's 880 Cyrillic put back into its
// regular fields and the 880s dropped, so that every record has fields to romanize; the 001 made
// unique). Every measurement is a child process: records/s from its own clock, peak RSS from
// process.resourceUsage(). Peers (marcjs, @natlibfi/marc-record-serializers) are read in the same
// run when MARC_PEERS names a folder whose node_modules holds them; ratios are to latinitsa's read.
//
//   node --import tsx bench/marc.bench.ts [--records N] [--only REGEX]
import { spawnSync } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { writeWithBackpressure } from '../src/io/lines.ts';
import { pairFields } from '../src/marc/linkage.ts';
import { checkRecord, romanizeRecord } from '../src/marc/parallel.ts';
import { marcWriter, readRecords } from '../src/marc/stream.ts';
import { isDataField, type MarcRecord } from '../src/marc/types.ts';
import { serializeIso2709 } from '../src/marc/iso2709.ts';

const { values: args } = parseArgs({
  options: {
    records: { type: 'string', default: '1000000' },
    child: { type: 'string' },
    only: { type: 'string' },
  },
});
const N = Number(args.records);
const NATLIBFI_CAP = 5000;
const fixture = path.join(import.meta.dirname, '..', 'test', 'fixtures', 'marc', 'real', 'records.mrc');

/** The real records with their Cyrillic put back into the regular fields, as ISO 2709 with an 001 of nine digits to patch. */
async function templates(): Promise<{ bytes: Buffer; idAt: number }[]> {
  const out: { bytes: Buffer; idAt: number }[] = [];
  for await (const item of readRecords([readFileSync(fixture)])) {
    if (item.record === undefined) continue;
    const r = item.record;
    const { pairs } = pairFields(r);
    const back = new Map(pairs.map((p) => [p.field, { ...p.field, subfields: p.alternate.subfields.filter((sf) => sf.code !== '6') }]));
    const fields = r.fields.filter((f) => f.tag !== '880' && f.tag !== '001').map((f) => (isDataField(f) ? (back.get(f) ?? f) : f));
    const record: MarcRecord = { leader: r.leader, fields: [{ tag: '001', value: '000000000' }, ...fields] };
    const bytes = Buffer.from(serializeIso2709(record));
    out.push({ bytes, idAt: bytes.indexOf('000000000', Number(bytes.subarray(12, 17).toString())) });
  }
  return out;
}

/** N records as a stream of 64 KiB chunks, generated as they are read. */
async function* synthetic(n: number): AsyncGenerator<Buffer> {
  const base = await templates();
  let chunk: Buffer[] = [];
  let size = 0;
  for (let i = 0; i < n; i++) {
    const t = base[i % base.length]!;
    const b = Buffer.from(t.bytes);
    b.write(String(i).padStart(9, '0'), t.idAt, 'latin1');
    chunk.push(b);
    size += b.length;
    if (size >= 65536) {
      yield Buffer.concat(chunk);
      chunk = [];
      size = 0;
    }
  }
  if (chunk.length > 0) yield Buffer.concat(chunk);
}

async function child(what: string): Promise<void> {
  const start = process.hrtime.bigint();
  let records = 0;
  let bad = 0;
  let written = 0;
  if (what === 'read' || what === 'romanize' || what === 'check') {
    const sink = createWriteStream('/dev/null');
    const w = marcWriter('iso2709');
    // Written in batches of about 64 KiB, as the CLI does.
    let batch: Uint8Array[] = [];
    let batched = 0;
    for await (const item of readRecords(synthetic(N))) {
      if (item.record === undefined) {
        bad++;
        continue;
      }
      records++;
      if (what === 'romanize') {
        const { record, changed } = romanizeRecord(item.record, { index: item.index });
        written += changed;
        const bytes = w.record(record);
        batch.push(bytes);
        batched += bytes.length;
        if (batched >= 65536) {
          await writeWithBackpressure(sink, Buffer.concat(batch));
          batch = [];
          batched = 0;
        }
      } else if (what === 'check') {
        written += checkRecord(item.record, { index: item.index }).length;
      }
    }
    if (batched > 0) await writeWithBackpressure(sink, Buffer.concat(batch));
    await new Promise((resolve) => sink.end(resolve));
  } else {
    const peers = createRequire(path.join(process.env.MARC_PEERS ?? '.', 'package.json'));
    if (what === 'marcjs') {
      const { Iso2709Parser } = peers('marcjs') as { Iso2709Parser: new () => NodeJS.ReadWriteStream };
      const parser = new Iso2709Parser();
      Readable.from(synthetic(N)).pipe(parser);
      for await (const _ of parser as unknown as AsyncIterable<unknown>) records++;
    } else if (what === 'natlibfi') {
      // Its ISO 2709 reader re-slices one growing string per chunk: slower as the input grows;
      // measured on at most NATLIBFI_CAP records.
      const { ISO2709 } = peers('@natlibfi/marc-record-serializers') as { ISO2709: { reader(s: NodeJS.ReadableStream): NodeJS.EventEmitter } };
      await new Promise<void>((resolve, reject) => {
        const reader = ISO2709.reader(Readable.from(synthetic(Math.min(N, NATLIBFI_CAP))));
        reader.on('data', () => records++);
        reader.on('error', () => bad++);
        reader.on('end', () => resolve());
        reader.on('fatal', reject);
      });
    } else throw new Error(`unknown measurement ${what}`);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  process.stdout.write(JSON.stringify({ what, records, bad, written, seconds, rssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

if (args.child !== undefined) {
  await child(args.child);
} else {
  const plan = ['read', 'romanize', 'check', ...(process.env.MARC_PEERS === undefined ? [] : ['marcjs', 'natlibfi'])].filter((w) => args.only === undefined || new RegExp(args.only).test(w));
  const results: Record<string, { records: number; bad: number; seconds: number; rssMB: number; written: number }> = {};
  for (const what of plan) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'marc.bench.ts'), '--child', what, '--records', String(N)], { encoding: 'utf8', maxBuffer: 1 << 20, env: process.env });
    if (r.status !== 0) {
      console.error(`${what}: failed\n${r.stderr}`);
      continue;
    }
    results[what] = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
  }
  const base = results.read;
  console.log(`MARC, ${N.toLocaleString('en')} synthetic records from test/fixtures/marc/real (node ${process.version}, ${process.platform})`);
  for (const [what, r] of Object.entries(results)) {
    const rate = r.records / r.seconds;
    const ratio = base === undefined ? '' : `  ×${(rate / (base.records / base.seconds)).toFixed(2)} of latinitsa read`;
    console.log(`  ${what.padEnd(9)} ${Math.round(rate).toLocaleString('en').padStart(9)} records/s  ${r.seconds.toFixed(1).padStart(7)} s  peak RSS ${r.rssMB.toFixed(0).padStart(4)} MB  records ${r.records} not read ${r.bad}${what === 'romanize' ? ` pairs made ${r.written}` : what === 'check' ? ` findings ${r.written}` : ''}${ratio}`);
  }
}
