// `latinitsa marc romanize|check|vernacular`: MARC 21 records with parallel 880 fields, streamed
// (docs/marc.md).
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { formatDiagnostics, type ReportFormat } from '../../diagnostics/format.ts';
import { LatinitsaError } from '../../errors.ts';
import { openAtomicWriter, type AtomicWriter } from '../../io/atomic-write.ts';
import { ioError } from '../../io/errors.ts';
import { writeWithBackpressure } from '../../io/lines.ts';
import { checkRecord, romanizeRecord, vernacularRecord, type MarcSchemeOptions } from '../../marc/parallel.ts';
import { marcWriter, readRecords, sniffMarcFormat } from '../../marc/stream.ts';
import type { MarcDiagnostic, MarcFormat } from '../../marc/types.ts';
import type { MarcReadItem } from '../../marc/marcxml.ts';
import type { Lexicon } from '../../reverse/lexicon.ts';
import { defineCommand, oneOf, parseOptionPairs, usageError, type HelpLayout } from '../args.ts';
import { isStdin, shownName } from '../input.ts';
import { reportFormat, reportHelp, reportOptions } from '../report.ts';
import { schemeFromFlags } from '../scheme-file.ts';
import type { CliIO } from '../types.ts';
import { version } from '../version.ts';

/** The columns of this command's --help: flags without a short form at 6, descriptions at 26. */
const LAYOUT: HelpLayout = { indent: 6, column: 26 };

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
  -o, --output FILE       write records here (atomically); default stdout
  -f, --input-format F    input form: auto (default), mrc, marcxml, json
  -t, --output-format F   output form: mrc, marcxml, json (default: as the input)
  -s, --scheme ID         scheme (default: by the record's language; ALA-LC for Russian)
      --scheme-file FILE  a scheme of your own in its place (JSON, the format of the built-in ones)
  -l, --lang ID           language of the records' Cyrillic (uk, be, bg, sr, mk) in place of their
                          008: the scheme of the same family for it (ala-lc → ala-lc-uk)
  -O, --option K=V        option of the scheme (repeatable)
      --tie MODE          ALA-LC tie: auto (as the record already writes it, else U+0361, the
                          Library of Congress's), breve (U+0361), halves (U+FE20/U+FE21, OCLC's)
      --normalization M   Unicode form of new text: auto (as the record), nfc, nfd
      --rejects FILE      copy records that cannot be read here, byte for byte (ISO 2709)
      --report FILE       romanize, vernacular: findings to this file instead of stderr
      --all               vernacular: write every proposal, certain or not
      --no-lexicon        vernacular: without the Russian word lists (few fields are certain)
${reportHelp(LAYOUT)}  -h, --help              this help

Findings name the record (file:record N: severity: reason [rule]). Exit status: 0 done; 1 check
found problems (warnings or errors); 2 a usage error, or records that could not be read (each
named on stderr by number and byte offset; all the others are done).
`;

type Mode = 'romanize' | 'check' | 'vernacular';
const MODES = ['romanize', 'check', 'vernacular'] as const;
const FORMATS: Record<string, MarcFormat> = { mrc: 'iso2709', iso2709: 'iso2709', marc: 'iso2709', marcxml: 'marcxml', xml: 'marcxml', json: 'json', jsonl: 'json' };

function formatOption(name: string, value: string | undefined): MarcFormat | undefined {
  if (value === undefined || value === 'auto') return undefined;
  const f = FORMATS[value.toLowerCase()];
  if (f === undefined) throw usageError('marc', `--${name} must be mrc, marcxml or json, not "${value}"`);
  return f;
}

async function* chunksOf(stream: AsyncIterable<unknown>, name: string): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of stream) yield typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array);
  } catch (error) {
    throw ioError('read', name, error);
  }
}

/** The input's form (from the option, its first bytes or its name) and its chunks. */
async function open(name: string, io: CliIO, from: MarcFormat | undefined): Promise<{ format: MarcFormat; chunks: AsyncIterable<Uint8Array> }> {
  const it = chunksOf(isStdin(name) ? io.stdin : createReadStream(path.resolve(io.cwd, name)), name)[Symbol.asyncIterator]();
  const first = await it.next();
  const ext = FORMATS[path.extname(name).slice(1).toLowerCase()];
  const format = from ?? (first.done === true ? ext : (sniffMarcFormat(first.value) ?? ext));
  if (format === undefined) throw new LatinitsaError('ERR_UNSUPPORTED_FORMAT', `${shownName(name)}: not MARC (neither ISO 2709, MARCXML nor MARC-in-JSON)`);
  async function* all(): AsyncGenerator<Uint8Array> {
    if (first.done === true) return;
    yield first.value;
    for (let next = await it.next(); next.done !== true; next = await it.next()) yield next.value;
  }
  return { format, chunks: all() };
}

/** The records of one input; an input that is no MARC at all is an error naming it. */
async function* recordsOf(display: string, ...args: Parameters<typeof readRecords>): AsyncGenerator<MarcReadItem> {
  try {
    yield* readRecords(...args);
  } catch (error) {
    if (error instanceof LatinitsaError && error.code === 'ERR_UNSUPPORTED_FORMAT') throw new LatinitsaError(error.code, `${display}: ${error.message}`, { file: display });
    throw error;
  }
}

/**
 * Findings as they come: text and github lines at once, JSON as one array written piece by piece
 * (so that memory does not grow with the input); SARIF needs the whole log and is written at the end.
 */
function reporter(format: ReportFormat, write: (text: string) => Promise<void>): { add(ds: readonly MarcDiagnostic[]): Promise<void>; end(): Promise<void> } {
  const held: MarcDiagnostic[] = [];
  let first = true;
  return {
    async add(ds) {
      if (ds.length === 0) return;
      if (format === 'sarif') held.push(...ds);
      else if (format === 'json') {
        const items = ds.map((d) => `  ${JSON.stringify(d, null, 2).replace(/\n/g, '\n  ')}`).join(',\n');
        await write(`${first ? '[\n' : ',\n'}${items}`);
        first = false;
      } else await write(formatDiagnostics(ds, { format }));
    },
    async end() {
      if (format === 'sarif') await write(formatDiagnostics(held, { format, version: version() }));
      else if (format === 'json') await write(first ? '[]\n' : '\n]\n');
    },
  };
}

export const command = defineCommand({
  help: HELP,
  options: {
    output: { type: 'string', short: 'o' },
    'input-format': { type: 'string', short: 'f' },
    'output-format': { type: 'string', short: 't' },
    scheme: { type: 'string', short: 's' },
    'scheme-file': { type: 'string' },
    lang: { type: 'string', short: 'l' },
    option: { type: 'string', short: 'O', multiple: true },
    tie: { type: 'string' },
    normalization: { type: 'string' },
    rejects: { type: 'string' },
    report: { type: 'string' },
    all: { type: 'boolean' },
    'no-lexicon': { type: 'boolean' },
    ...reportOptions,
  },
  run: async ({ values, positionals }, io) => {
    const [sub, ...files] = positionals;
    // What to do is the first argument, not an option: a word not among them is named as such.
    if (sub === undefined || !(MODES as readonly string[]).includes(sub)) {
      throw usageError('marc', `name what to do: romanize, check or vernacular${sub === undefined ? '' : `, not "${sub}"`}`);
    }
    const mode = sub as Mode;
    const format = reportFormat('marc', values);
    if (mode === 'check' && (values.output !== undefined || values['output-format'] !== undefined || values.report !== undefined)) throw usageError('marc', 'check writes no records: its findings go to stdout (no --output, --output-format or --report)');
    if (mode !== 'vernacular' && (values.all === true || values['no-lexicon'] === true)) throw usageError('marc', '--all and --no-lexicon are options of vernacular');
    const tie = oneOf('marc', 'tie', values.tie, ['auto', 'breve', 'halves'] as const);
    const norm = oneOf('marc', 'normalization', values.normalization?.toLowerCase(), ['auto', 'nfc', 'nfd'] as const);
    const from = formatOption('input-format', values['input-format']);
    let to = formatOption('output-format', values['output-format']);

    const base: MarcSchemeOptions = {};
    const scheme = await schemeFromFlags('marc', { id: values.scheme, file: values['scheme-file'] }, io.cwd);
    if (scheme !== undefined) base.scheme = scheme;
    if (values.lang !== undefined) base.lang = values.lang;
    const schemeOptions = parseOptionPairs('marc', values.option);
    if (Object.keys(schemeOptions).length > 0) base.schemeOptions = schemeOptions;
    if (tie !== undefined) base.tie = tie;
    if (norm !== undefined) base.normalization = norm === 'auto' ? 'auto' : norm === 'nfc' ? 'NFC' : 'NFD';
    let lexicon: Lexicon | undefined;
    if (mode === 'vernacular' && values['no-lexicon'] !== true) {
      const { loadLexicon, missingLexiconWarning } = await import('../../io/lexicon.ts');
      lexicon = await loadLexicon();
      if (lexicon === undefined) io.stderr.write(`${missingLexiconWarning()} (few fields will be certain)\n`);
    }

    let out: AtomicWriter | undefined;
    let rejects: AtomicWriter | undefined;
    let reportFile: AtomicWriter | undefined;
    // Records are written in batches of about 64 KiB: one write per record would cost a system call each.
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
    const findings = reporter(format, async (text) => {
      if (mode === 'check') await writeWithBackpressure(io.stdout, Buffer.from(text));
      else if (reportFile !== undefined) await reportFile.write(text);
      else io.stderr.write(text);
    });
    let bad = 0;
    let records = 0;
    let marc8 = 0;
    let changed = 0;
    let problems = 0;
    let writer: ReturnType<typeof marcWriter> | undefined;
    try {
      if (mode !== 'check' && values.output !== undefined) out = await openAtomicWriter(path.resolve(io.cwd, values.output), { nonRegular: 'write', name: values.output });
      if (values.rejects !== undefined) rejects = await openAtomicWriter(path.resolve(io.cwd, values.rejects), { nonRegular: 'write', name: values.rejects });
      if (values.report !== undefined) reportFile = await openAtomicWriter(path.resolve(io.cwd, values.report), { nonRegular: 'write', name: values.report });
      for (const name of files.length === 0 ? ['-'] : files) {
        const display = shownName(name);
        const { format: form, chunks } = await open(name, io, from);
        if (mode !== 'check' && writer === undefined) {
          to ??= form;
          writer = marcWriter(to);
          await write(writer.head);
        }
        for await (const item of recordsOf(display, chunks, { format: form, ...(tie === 'breve' || tie === 'halves' ? { tie } : {}) })) {
          if (item.error !== undefined) {
            bad++;
            io.stderr.write(`latinitsa: ${display}: ${item.error.message}\n`);
            if (rejects !== undefined && item.raw !== undefined) await rejects.write(item.raw);
            continue;
          }
          records++;
          if (item.marc8 === true) marc8++;
          const options = { ...base, index: item.index, file: display };
          if (mode === 'check') {
            const ds = checkRecord(item.record, options);
            problems += ds.filter((d) => d.severity !== 'info').length;
            await findings.add(ds);
            continue;
          }
          const result = mode === 'romanize' ? romanizeRecord(item.record, options) : vernacularRecord(item.record, { ...options, ...(lexicon === undefined ? {} : { lexicon }), ...(values.all === true ? { all: true } : {}) });
          changed += result.changed;
          await findings.add(result.diagnostics);
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
      await findings.end();
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
      const converted = marc8 === 0 ? '' : `, ${marc8} read as MARC-8 and written as UTF-8`;
      io.stderr.write(`latinitsa marc ${mode}: ${records} record${records === 1 ? '' : 's'}${converted}, ${changed} ${what}${changed === 1 ? '' : 's'} written${bad > 0 ? `, ${bad} record${bad === 1 ? '' : 's'} could not be read` : ''}\n`);
    } else if (bad > 0) {
      io.stderr.write(`latinitsa marc check: ${bad} record${bad === 1 ? '' : 's'} could not be read\n`);
    }
    if (bad > 0) return 2;
    return mode === 'check' && problems > 0 ? 1 : 0;
  },
});
