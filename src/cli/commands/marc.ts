// `latinitsa marc romanize|check|vernacular`: MARC 21 records with parallel 880 fields, streamed
// (docs/marc.md).
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { LatinitsaError } from '../../errors.ts';
import { openAtomicWriter, type AtomicWriter } from '../../io/atomic-write.ts';
import { ioError } from '../../io/files.ts';
import { writeWithBackpressure } from '../../io/lines.ts';
import { checkRecord, romanizeRecord, vernacularRecord, type MarcSchemeOptions, type VernacularRecordOptions } from '../../marc/parallel.ts';
import { marcWriter, readRecords, sniffMarcFormat } from '../../marc/stream.ts';
import type { MarcDiagnostic, MarcFormat } from '../../marc/types.ts';
import type { Lexicon } from '../../reverse/lexicon.ts';
import { parseCommandArgs, usageError } from '../args.ts';
import type { CliIO } from '../types.ts';
import { schemeOptionsOf } from './deromanize.ts';

const HELP = `Usage: latinitsa marc romanize   [options] [FILE…] [-o OUT]
       latinitsa marc check      [options] [FILE…]
       latinitsa marc vernacular [options] [FILE…] [-o OUT]

MARC 21 records (ISO 2709 .mrc, MARCXML or MARC-in-JSON lines; MARC-8 records are read and
written as UTF-8), streamed one record at a time. Without FILE, stdin.

  romanize    each field that holds Cyrillic becomes the romanized field plus a linked 880
              ($6 880-NN / $6 TAG-NN/(N); codes, identifiers, dates, URIs, English terms kept
  check       reports 880 pairs whose romanization does not match (with the expected text),
              broken $6 links, Cyrillic left in romanized fields, Latin look-alikes in 880s
  vernacular  proposes Cyrillic 880s for romanized fields; only certain ones are written
              unless --all; the others are listed for review

Options:
  -o, --output FILE        write records here (atomically); default stdout
  -f, --from FORMAT        input form: auto (default), mrc, marcxml, json
  -t, --to FORMAT          output form: mrc, marcxml, json (default: as the input)
  -s, --scheme ID          scheme (default: by the record's language, ALA-LC for Russian)
  -O, --option K=V         option of the scheme (repeatable)
      --tie auto|breve|halves
                           ALA-LC tie: as the record already writes it (default), else
                           U+0361 (Library of Congress), or U+FE20/U+FE21 halves (OCLC)
      --normalization auto|nfc|nfd
                           Unicode form of new text (default: as the record)
      --rejects FILE       copy records that cannot be read here, byte for byte (ISO 2709)
      --json               findings as JSON (an array), as --format json
      --format text|json   how findings are printed (default text)
      --report FILE        romanize/vernacular: write the findings here instead of stderr
      --all                vernacular: write every proposal, certain or not
      --no-lexicon         vernacular: without the Russian word lists (few fields are certain)
  -h, --help               this help

Exit status: 0 done; 1 check found problems (warnings or errors); 2 a usage error or records
that could not be read (each named on stderr by number and byte offset; the others are done).
`;

type Mode = 'romanize' | 'check' | 'vernacular';
const FORMATS: Record<string, MarcFormat> = { mrc: 'iso2709', iso2709: 'iso2709', marc: 'iso2709', marcxml: 'marcxml', xml: 'marcxml', json: 'json', jsonl: 'json' };

function formatOption(name: string, value: string | undefined): MarcFormat | undefined {
  if (value === undefined || value === 'auto') return undefined;
  const f = FORMATS[value.toLowerCase()];
  if (f === undefined) throw usageError('marc', `${name} must be mrc, marcxml or json, not "${value}"`);
  return f;
}

/** One line of text output for a finding: `file:record N tag  reason  rule`. */
function line(d: MarcDiagnostic): string {
  const where = `${d.file ?? '<stdin>'}:record ${d.data.record}${d.data.tag === undefined ? '' : ` ${d.data.tag}`}${d.data.occurrence === undefined ? '' : `-${d.data.occurrence}`}${d.data.subfield === undefined ? '' : ` $${d.data.subfield}`}`;
  const expected = d.expected === undefined ? '' : ` Expected: ${d.expected[0]}`;
  return `${where}  ${d.severity}  ${d.reason}${expected}  ${d.ruleId}\n`;
}

async function* chunksOf(stream: AsyncIterable<unknown>): AsyncGenerator<Uint8Array> {
  for await (const chunk of stream) yield typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array);
}

/** The input's form (from the option, the file name or its first bytes) and its chunks. */
async function open(name: string, io: CliIO, from: MarcFormat | undefined): Promise<{ format: MarcFormat; chunks: AsyncIterable<Uint8Array> }> {
  const source = name === '-' ? chunksOf(io.stdin) : chunksOf(createReadStream(path.resolve(io.cwd, name)));
  const it = source[Symbol.asyncIterator]();
  let first: IteratorResult<Uint8Array>;
  try {
    first = await it.next();
  } catch (error) {
    throw ioError('read', name, error);
  }
  const ext = FORMATS[path.extname(name).slice(1).toLowerCase()];
  const format = from ?? (first.done === true ? ext : sniffMarcFormat(first.value) ?? ext);
  if (format === undefined) throw new LatinitsaError('ERR_UNSUPPORTED_FORMAT', `${name === '-' ? '<stdin>' : name}: not MARC (neither ISO 2709, MARCXML nor MARC-in-JSON)`);
  async function* all(): AsyncGenerator<Uint8Array> {
    if (first.done === true) return;
    yield first.value;
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await it.next();
      } catch (error) {
        throw ioError('read', name, error);
      }
      if (next.done === true) return;
      yield next.value;
    }
  }
  return { format, chunks: all() };
}

/** Runs `latinitsa marc …`. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '-h' || sub === '--help') {
    io.stdout.write(HELP);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'romanize' && sub !== 'check' && sub !== 'vernacular') throw usageError('marc', `unknown sub-command "${sub}" (romanize, check, vernacular)`);
  const mode: Mode = sub;
  const { values, positionals } = parseCommandArgs('marc', rest, {
    output: { type: 'string', short: 'o' },
    from: { type: 'string', short: 'f' },
    to: { type: 'string', short: 't' },
    scheme: { type: 'string', short: 's' },
    option: { type: 'string', short: 'O', multiple: true },
    tie: { type: 'string' },
    normalization: { type: 'string' },
    rejects: { type: 'string' },
    json: { type: 'boolean' },
    format: { type: 'string' },
    report: { type: 'string' },
    all: { type: 'boolean' },
    'no-lexicon': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    io.stdout.write(HELP);
    return 0;
  }
  if (mode === 'check' && (values.output !== undefined || values.to !== undefined)) throw usageError('marc', 'check writes no records (no --output or --to)');
  if (mode !== 'vernacular' && (values.all === true || values['no-lexicon'] === true)) throw usageError('marc', '--all and --no-lexicon are options of vernacular');
  const report = values.json === true ? 'json' : (values.format ?? 'text');
  if (report !== 'text' && report !== 'json') throw usageError('marc', `--format must be text or json, not "${report}"`);
  const tie = values.tie;
  if (tie !== undefined && tie !== 'auto' && tie !== 'breve' && tie !== 'halves') throw usageError('marc', `--tie must be auto, breve or halves, not "${tie}"`);
  const norm = values.normalization?.toUpperCase();
  if (norm !== undefined && norm !== 'AUTO' && norm !== 'NFC' && norm !== 'NFD') throw usageError('marc', `--normalization must be auto, nfc or nfd, not "${values.normalization}"`);
  const from = formatOption('--from', values.from);
  let to = formatOption('--to', values.to);

  const base: MarcSchemeOptions = {};
  if (values.scheme !== undefined) base.scheme = values.scheme;
  const schemeOptions = schemeOptionsOf(values.option);
  if (Object.keys(schemeOptions).length > 0) base.schemeOptions = schemeOptions;
  if (tie !== undefined) base.tie = tie;
  if (norm !== undefined) base.normalization = norm === 'AUTO' ? 'auto' : norm;
  let lexicon: Lexicon | undefined;
  if (mode === 'vernacular' && values['no-lexicon'] !== true) {
    const { loadLexicon } = await import('../../reverse/node-lexicon.ts');
    lexicon = await loadLexicon();
    if (lexicon === undefined) io.stderr.write('latinitsa: no Russian lexicon could be loaded or built; proposing without it (few fields will be certain)\n');
  }

  const inputs = positionals.length === 0 ? ['-'] : positionals;
  let out: AtomicWriter | undefined;
  let rejects: AtomicWriter | undefined;
  let reportFile: AtomicWriter | undefined;
  // Records are written in batches of about 64 KiB: one write per record costs a system call each.
  let batch: Uint8Array[] = [];
  let batched = 0;
  const flush = async (): Promise<void> => {
    if (batched === 0) return;
    const bytes = batch.length === 1 ? batch[0]! : Buffer.concat(batch);
    batch = [];
    batched = 0;
    if (out !== undefined) await out.write(bytes);
    else await writeWithBackpressure(io.stdout, bytes);
  };
  const write = async (bytes: Uint8Array): Promise<void> => {
    if (bytes.length === 0) return;
    batch.push(bytes);
    batched += bytes.length;
    if (batched >= 65536) await flush();
  };
  const findings: MarcDiagnostic[] = [];
  const emit = async (d: MarcDiagnostic): Promise<void> => {
    if (report === 'json') {
      findings.push(d);
      return;
    }
    const text = line(d);
    if (mode === 'check') await writeWithBackpressure(io.stdout, Buffer.from(text));
    else if (reportFile !== undefined) await reportFile.write(text);
    else io.stderr.write(text);
  };
  let bad = 0;
  let records = 0;
  let changed = 0;
  let problems = 0;
  let writer: ReturnType<typeof marcWriter> | undefined;
  try {
    if (mode !== 'check' && values.output !== undefined) out = await openAtomicWriter(path.resolve(io.cwd, values.output));
    if (values.rejects !== undefined) rejects = await openAtomicWriter(path.resolve(io.cwd, values.rejects));
    if (values.report !== undefined) reportFile = await openAtomicWriter(path.resolve(io.cwd, values.report));
    for (const name of inputs) {
      const display = name === '-' ? '<stdin>' : name;
      const { format, chunks } = await open(name, io, from);
      if (mode !== 'check' && writer === undefined) {
        to ??= format;
        writer = marcWriter(to);
        await write(writer.head);
      }
      for await (const item of readRecords(chunks, { format, ...(tie === 'breve' || tie === 'halves' ? { tie } : {}) })) {
        if (item.error !== undefined) {
          bad++;
          io.stderr.write(`latinitsa: ${display}: ${item.error.message}\n`);
          if (rejects !== undefined && item.raw !== undefined) await rejects.write(item.raw);
          continue;
        }
        records++;
        const options = { ...base, index: item.index, file: display };
        if (mode === 'check') {
          for (const d of checkRecord(item.record, options)) {
            if (d.severity !== 'info') problems++;
            await emit(d);
          }
          continue;
        }
        const result = mode === 'romanize' ? romanizeRecord(item.record, options) : vernacularRecord(item.record, { ...options, ...(lexicon === undefined ? {} : { lexicon }), ...(values.all === true ? { all: true } : {}) } satisfies VernacularRecordOptions);
        changed += result.changed;
        for (const d of result.diagnostics) await emit(d);
        try {
          await write(writer!.record(result.record, { index: item.index }));
        } catch (error) {
          if (!(error instanceof LatinitsaError) || error.code === 'ERR_IO') throw error;
          bad++;
          io.stderr.write(`latinitsa: ${display}: ${error.message}\n`);
        }
      }
    }
    if (writer !== undefined) await write(writer.tail);
    await flush();
    if (report === 'json') {
      const text = JSON.stringify(findings, null, 2) + '\n';
      if (mode === 'check') await writeWithBackpressure(io.stdout, Buffer.from(text));
      else if (reportFile !== undefined) await reportFile.write(text);
      else io.stderr.write(text);
    }
    await out?.commit();
    await rejects?.commit();
    await reportFile?.commit();
  } catch (error) {
    await out?.abort();
    await rejects?.abort();
    await reportFile?.abort();
    throw error;
  }
  if (mode !== 'check') {
    const what = mode === 'romanize' ? 'romanized field' : '880 field';
    io.stderr.write(`latinitsa marc ${mode}: ${records} record${records === 1 ? '' : 's'}, ${changed} ${what}${changed === 1 ? '' : 's'} written${bad > 0 ? `, ${bad} record${bad === 1 ? '' : 's'} could not be read` : ''}\n`);
  } else if (bad > 0) {
    io.stderr.write(`latinitsa marc check: ${bad} record${bad === 1 ? '' : 's'} could not be read\n`);
  }
  if (bad > 0) return 2;
  return mode === 'check' && problems > 0 ? 1 : 0;
}
