// One measurement of `npm run bench:marc` (bench/marc.bench.ts spawns this file once per
// measurement and round). Plain JavaScript over the built library (dist/), so that no TypeScript
// loader is timed or counted in the memory. Usage: node bench/marc-child.mjs TASK RECORDS [PEERS_DIR]
// Prints one JSON line: records read, records not read, seconds, peak RSS (MB), pairs or findings.
import { createWriteStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';

const [task, count, peersDir] = process.argv.slice(2);
const N = Number(count);
const lib = await import('../dist/marc/index.js');
const { writeWithBackpressure } = await import('../dist/io/lines.js');
const fixture = new URL('../test/fixtures/marc/real/records.mrc', import.meta.url);

/** The real records with their Cyrillic put back into the regular fields (no 880s), as ISO 2709 with a nine-digit 001 to patch. */
async function templates() {
  const out = [];
  for await (const item of lib.readRecords([readFileSync(fixture)])) {
    if (item.record === undefined) continue;
    const r = item.record;
    const back = new Map(lib.pairFields(r).pairs.map((p) => [p.field, { ...p.field, subfields: p.alternate.subfields.filter((sf) => sf.code !== '6') }]));
    const fields = r.fields.filter((f) => f.tag !== '880' && f.tag !== '001').map((f) => back.get(f) ?? f);
    const bytes = Buffer.from(lib.serializeIso2709({ leader: r.leader, fields: [{ tag: '001', value: '000000000' }, ...fields] }));
    out.push({ bytes, idAt: bytes.indexOf('000000000', Number(bytes.subarray(12, 17).toString())) });
  }
  return out;
}

/** N records as 64 KiB chunks, made as they are read (nothing is held). */
async function* synthetic(n) {
  const base = await templates();
  let chunk = [];
  let size = 0;
  for (let i = 0; i < n; i++) {
    const t = base[i % base.length];
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

const start = process.hrtime.bigint();
let records = 0;
let bad = 0;
let written = 0;
if (task === 'read' || task === 'romanize' || task === 'check') {
  const sink = createWriteStream('/dev/null');
  const w = lib.marcWriter('iso2709');
  // Written in batches of about 64 KiB, as the CLI does.
  let batch = [];
  let batched = 0;
  for await (const item of lib.readRecords(synthetic(N))) {
    if (item.record === undefined) {
      bad++;
      continue;
    }
    records++;
    if (task === 'romanize') {
      const { record, changed } = lib.romanizeRecord(item.record, { index: item.index });
      written += changed;
      const bytes = w.record(record);
      batch.push(bytes);
      batched += bytes.length;
      if (batched >= 65536) {
        await writeWithBackpressure(sink, Buffer.concat(batch));
        batch = [];
        batched = 0;
      }
    } else if (task === 'check') {
      written += lib.checkRecord(item.record, { index: item.index }).length;
    }
  }
  if (batched > 0) await writeWithBackpressure(sink, Buffer.concat(batch));
  await new Promise((resolve) => sink.end(resolve));
} else {
  const peers = createRequire(new URL(`file://${peersDir}/package.json`));
  if (task === 'marcjs') {
    const { Iso2709Parser } = peers('marcjs');
    const parser = new Iso2709Parser();
    Readable.from(synthetic(N)).pipe(parser);
    for await (const _ of parser) records++;
  } else if (task === 'natlibfi') {
    const { ISO2709 } = peers('@natlibfi/marc-record-serializers');
    await new Promise((resolve) => {
      const reader = ISO2709.reader(Readable.from(synthetic(N)));
      reader.on('data', () => records++);
      reader.on('error', () => bad++);
      reader.on('end', resolve);
    });
  } else throw new Error(`unknown task ${task}`);
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
process.stdout.write(`${JSON.stringify({ task, records, bad, written, seconds, rssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
