// `latinitsa [options] [text…]`, the default command: romanize arguments, stdin or files,
// streaming, with the scheme's options as flags (docs/cli.md).
import type { Diagnostic } from '../../diagnostics/types.ts';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { romanizeDetailed } from '../../engine/romanize.ts';
import type { RomanizeOptions } from '../../engine/resolve.ts';
import { AUTO_LANGUAGE, schemeIdForLanguage, schemeInLanguage } from '../../engine/lang.ts';
import { resolveScheme } from '../../engine/resolve.ts';
import { LatinitsaError } from '../../errors.ts';
import type { AtomicWriter, WriteFileAtomicOptions } from '../../io/atomic-write.ts';
import type { ReaderOptions, TextEncodingName } from '../../io/decode.ts';
import { ioError, isClosedPipe } from '../../io/errors.ts';
import { writeWithBackpressure } from '../../io/write.ts';
import { DEFAULT_SCHEME, getScheme, schemeInfo, type Scheme } from '../../schemes/registry.ts';
import type { AllCapsMode, PreReformMode } from '../../schemes/types.ts';
import { defineCommand, kebabCase, oneOf, parseOptionPairs, usageError, type Options, type PrepareOutcome } from '../args.ts';
import { helpText, schemesText } from '../help.ts';
import { schemeFromFlags } from '../scheme-file.ts';
import { isStdin, MAX_TEXT_BYTES, shownName, textIsStdin } from '../input.ts';
import type { CliIO } from '../types.ts';

/** This command reads legacy encodings (`-e`, `--encoding`): an invalid-UTF-8 error's hint names the option. */
const READER: ReaderOptions = { encoding: '--encoding' };

/**
 * The sample text of `--demo` (and `npm start`): Russian prose about the Kirov murder of 1934 and
 * its aftermath, written for latinitsa. It exercises an all-caps heading line, names with -ий and
 * ь before е, initials, the acronyms ЦК ВКП(б) and НКВД in prose, ё, and hyphenated names.
 *
 * @example
 * import { DEMO_TEXT } from 'latinitsa/cli';
 * import { romanize } from 'latinitsa';
 * romanize(DEMO_TEXT).split('\n')[0];
 * //=> 'UBIISTVO V SMOLNOM'
 */
export const DEMO_TEXT = [
  'УБИЙСТВО В СМОЛЬНОМ',
  '',
  '1 декабря 1934 года в Смольном был убит Сергей Миронович Киров, первый секретарь Ленинградского',
  'обкома, член Политбюро и секретарь ЦК ВКП(б). Стрелял Леонид Николаев; следствие вёл НКВД,',
  'которым руководил Г. Г. Ягода. Прощание проходило в Таврическом дворце, а через пять дней прах',
  'Кирова был захоронен в Кремлёвской стене.',
  'В январе 1935 года Григорий Зиновьев и Лев Каменев были осуждены по делу «Московского центра».',
  'Митинги прошли от Щёлкова до Петропавловска-Камчатского; Юрий Олеша и Демьян Бедный писали',
  'о Кирове в «Правде» и «Известиях».',
  '',
].join('\n');

/** Common options that are flags of their own, not `-O` scheme options. */
const COMMON_OPTION_FLAGS: Record<string, string> = {
  allCaps: 'all-caps',
  preReform: 'pre-reform',
  exceptions: 'exceptions',
  joinLineBreakHyphens: 'join-line-break-hyphens',
  repairHomoglyphs: 'repair-homoglyphs',
  scheme: 'scheme',
  lang: 'lang',
};

const usage = (message: string): LatinitsaError => usageError('', message);

/** What the first reading of the line found: the scheme, and its options as flags. */
interface Prepared {
  scheme: Scheme | string | undefined;
  resolved: Scheme;
  /** Flag → option name, for the scheme's options. */
  flags: Map<string, string>;
}

/** The scheme named by `--scheme` or loaded from `--scheme-file` (the default without either). */
async function prepare(values: Record<string, unknown>, io: CliIO): Promise<{ options: Options; state: Prepared; unknownHint: string }> {
  const lang = typeof values['lang'] === 'string' ? values['lang'] : undefined;
  const scheme = await schemeFromFlags('', { id: values['scheme'], file: values['scheme-file'] }, io.cwd);
  // The scheme whose options the flags name: with --lang, the scheme for that language (docs/languages.md).
  const base = typeof scheme === 'object' ? scheme : getScheme(scheme ?? (lang === undefined || lang === AUTO_LANGUAGE ? DEFAULT_SCHEME : schemeIdForLanguage(undefined, lang)));
  // No scheme of the family for the language is refused here, as the run refuses it: --help says
  // why instead of listing options no run takes (docs/cli.md: `--scheme ID --help`).
  const resolved = lang === undefined || lang === AUTO_LANGUAGE ? base : schemeInLanguage(base, lang).scheme;
  const flags = new Map(Object.keys(resolved.options).map((name) => [kebabCase(name), name]));
  const options: Options = {};
  for (const flag of flags.keys()) if (!(flag in OPTIONS)) options[flag] = { type: 'string' };
  const known = [...flags.keys()].map((f) => `--${f}`).join(', ') || 'none';
  return { options, state: { scheme, resolved, flags }, unknownHint: `options of the scheme ${resolved.id}: ${known}` };
}

const OPTIONS = {
  scheme: { type: 'string', short: 's' },
  lang: { type: 'string', short: 'l' },
  json: { type: 'boolean' },
  'scheme-file': { type: 'string' },
  option: { type: 'string', short: 'O', multiple: true },
  'all-caps': { type: 'string' },
  'pre-reform': { type: 'string' },
  exceptions: { type: 'string', short: 'x' },
  'join-line-break-hyphens': { type: 'boolean' },
  'repair-homoglyphs': { type: 'boolean' },
  input: { type: 'string', short: 'i', multiple: true },
  output: { type: 'string', short: 'o' },
  'in-place': { type: 'boolean' },
  encoding: { type: 'string', short: 'e' },
  'list-schemes': { type: 'boolean' },
  demo: { type: 'boolean' },
  version: { type: 'boolean', short: 'V' },
} as const;

/** `romanize` options from the command line: the scheme, its options (as flags and `-O`), the common options. */
async function romanizeOptions(values: Record<string, unknown>, prepared: Prepared, cwd: string): Promise<RomanizeOptions> {
  const { resolved, flags } = prepared;
  const options: RomanizeOptions = {};
  if (prepared.scheme !== undefined) options.scheme = prepared.scheme;
  const lang = typeof values['lang'] === 'string' ? values['lang'] : undefined;
  if (lang !== undefined) options.lang = lang;
  // The language detector (and the letter statistics of every language) only for --lang auto.
  if (lang === AUTO_LANGUAGE) await import('../../engine/detector.ts');
  for (const [flag, name] of flags) {
    const value = values[flag];
    if (typeof value === 'string') options[name] = value;
  }
  for (const [name, value] of Object.entries(parseOptionPairs('', values['option'] as string[] | undefined))) {
    // Own properties only: `constructor` or `toString` is no option.
    if (!Object.hasOwn(resolved.options, name)) {
      if (Object.hasOwn(COMMON_OPTION_FLAGS, name)) throw usage(`use --${COMMON_OPTION_FLAGS[name]} for "${name}"`);
      throw usage(`unknown option "${name}" for the scheme ${resolved.id} (known: ${Object.keys(resolved.options).join(', ') || 'none'})`);
    }
    if (Object.hasOwn(options, name)) throw usage(`scheme option "${name}" given more than once`);
    options[name] = value;
  }
  const allCaps = oneOf<AllCapsMode>('', 'all-caps', values['all-caps'] as string | undefined, ['upper', 'acronym', 'auto']);
  if (allCaps !== undefined) options.allCaps = allCaps;
  const preReform = oneOf<PreReformMode>('', 'pre-reform', values['pre-reform'] as string | undefined, ['native', 'modernize']);
  if (preReform !== undefined) options.preReform = preReform;
  if (values['join-line-break-hyphens'] === true) options.joinLineBreakHyphens = true;
  if (values['repair-homoglyphs'] === true) options.repairHomoglyphs = true;
  const exceptions = values['exceptions'] as string | undefined;
  if (exceptions !== undefined) {
    const { readLexicon } = await import('../../io/files.ts');
    options.exceptions = await readLexicon(path.resolve(cwd, exceptions), { name: exceptions });
  }
  // Compile now, so that a bad option value is reported before any input is read.
  // Resolve now, so that a bad option value is reported before any input is read (auto: per language later).
  const { lang: _lang, ...checked } = options;
  resolveScheme(lang === AUTO_LANGUAGE ? checked : options);
  return options;
}

/**
 * {@link unmappedWarning} for the `romanize/unmapped-letter` diagnostics among these (romanize's,
 * convert's, a bibliography's), or nothing.
 */
export function unmappedWarningOf(diagnostics: readonly Diagnostic[]): string {
  const counts = new Map<string, number>();
  const unmapped = diagnostics.filter((d) => d.ruleId === 'romanize/unmapped-letter');
  // Named as the engine read it (a decomposed letter as its composed form), as the stream counts.
  for (const d of unmapped) {
    const letter = d.actual!.normalize('NFC');
    counts.set(letter, (counts.get(letter) ?? 0) + 1);
  }
  return unmappedWarning(counts, String(unmapped[0]?.data?.['scheme'] ?? ''));
}

/**
 * The one-line warning for letters the scheme has no value for (docs/languages.md), or nothing.
 *
 * @example
 * import { unmappedWarning } from 'latinitsa/cli';
 * unmappedWarning(new Map([['ї', 2], ['Ў', 1]]), 'ala-lc');
 * //=> 'latinitsa: warning: 3 letters have no value in ala-lc and were written in ISO 9 or kept (ї ×2, Ў ×1); --json lists each one\n'
 */
export function unmappedWarning(counts: ReadonlyMap<string, number>, scheme: string): string {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return '';
  const list = [...counts].sort((a, b) => b[1] - a[1]).map(([l, n]) => `${l} ×${n}`).join(', ');
  return `latinitsa: warning: ${total} letter${total === 1 ? ' has' : 's have'} no value in ${scheme} and ${total === 1 ? 'was' : 'were'} written in ISO 9 or kept (${list}); --json lists each one\n`;
}

/** Bytes read from a file, 64 KiB at a time (fresh buffers: the line splitter keeps references). */
async function* fileChunks(handle: fs.FileHandle, shown: string): AsyncGenerator<Uint8Array> {
  for (;;) {
    const buf = Buffer.allocUnsafe(64 * 1024);
    let bytesRead: number;
    try {
      ({ bytesRead } = await handle.read(buf, 0, buf.length, null));
    } catch (error) {
      throw ioError('read', shown, error);
    }
    if (bytesRead === 0) return;
    yield bytesRead === buf.length ? buf : buf.subarray(0, bytesRead);
  }
}

interface Source {
  shown: string;
  chunks: AsyncIterable<unknown>;
  close: () => Promise<void>;
}

async function openSource(input: string, io: CliIO): Promise<Source> {
  if (isStdin(input)) return { shown: shownName(input), chunks: io.stdin, close: async () => undefined };
  const file = path.resolve(io.cwd, input);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
    if ((await handle.stat()).isDirectory()) {
      await handle.close();
      throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    }
  } catch (error) {
    throw ioError('read', input, error);
  }
  return { shown: input, chunks: fileChunks(handle, input), close: () => handle.close() };
}

/** `latinitsa [options] [text…]`: romanize the arguments, stdin, or files (see `latinitsa --help`). */
export const command = defineCommand({
  // The options listed are those of the scheme `prepare` resolves, as the command itself would.
  help: (context, prepared?: PrepareOutcome<Prepared>) =>
    helpText(context, prepared === undefined ? schemeInfo(getScheme(DEFAULT_SCHEME)) : 'state' in prepared ? schemeInfo(prepared.state.resolved) : { error: prepared.error instanceof Error ? prepared.error.message : String(prepared.error) }),
  options: OPTIONS,
  prepare,
  run: async ({ values, positionals: words }, io, prepared: Prepared) => {
    // `latinitsa -` reads stdin, as `-i -` does (docs/cli.md).
    const positionals = textIsStdin(words) ? [] : words;
    const write = (text: string): Promise<void> | undefined => writeWithBackpressure(io.stdout, Buffer.from(text, 'utf8'));
    if (values.version === true) {
      const { version } = await import('../version.ts');
      await write(`latinitsa ${version()}\n`);
      return 0;
    }
    if (values['list-schemes'] === true) {
      await write(schemesText());
      return 0;
    }
    const encoding: TextEncodingName = values.encoding === undefined ? 'utf-8' : (await import('../../io/decode.ts')).parseEncoding(values.encoding);
    const inputs = values.input ?? (textIsStdin(words) ? words : []);
    const output = values.output;
    const inPlace = values['in-place'] === true;
    const demo = values.demo === true;
    if (words.length > 0 && (values.input !== undefined || demo)) throw usage('give text arguments, --input files or --demo, not several of them');
    if (demo && inputs.length > 0) throw usage('give either --demo or --input');
    if (inPlace && output !== undefined) throw usage('give either --in-place or --output');
    if (output === '') throw usage('--output needs a file name ("-" is stdout)');
    if (inPlace && inputs.length === 0) throw usage('--in-place needs --input FILE');
    if (inPlace && inputs.some(isStdin)) throw usage('--in-place cannot rewrite stdin');
    if (inputs.filter(isStdin).length > 1) throw usage('stdin ("-") given more than once');
    const options = await romanizeOptions(values, prepared, io.cwd);
    return romanizeInputs({ positionals, inputs, output, inPlace, demo, encoding, options, json: values.json === true }, io, write);
  },
});

/** Romanizes the text arguments, the demo, or the inputs (streaming) into stdout, a file, or the inputs themselves. */
async function romanizeInputs(
  job: { positionals: string[]; inputs: string[]; output: string | undefined; inPlace: boolean; demo: boolean; encoding: TextEncodingName; options: RomanizeOptions; json: boolean },
  io: CliIO,
  write: (text: string) => Promise<void> | undefined,
): Promise<number> {
  const { positionals, inputs, output, inPlace, demo, encoding, options, json } = job;
  try {
    // A whole text: the result, or with --json the text, the diagnostics and the languages; then,
    // once the output is written (a failed write says only why it failed), the one-line warning
    // for letters the scheme has no value for.
    const whole = async (text: string, to: (s: string) => Promise<void> | undefined): Promise<string> => {
      const r = romanizeDetailed(text, options);
      await to(json ? `${JSON.stringify(r, null, 2)}\n` : r.text);
      if (json) return '';
      return unmappedWarningOf(r.diagnostics);
    };
    const toStdout = async (text: string): Promise<void> => {
      io.stderr.write(await whole(text, write));
    };
    const toFile = async (file: string, shown: string, text: string, writeOptions: WriteFileAtomicOptions = {}): Promise<void> => {
      let warning = '';
      await writeAtomic(
        file,
        shown,
        async (w) => {
          warning = await whole(text, (t) => w.write(Buffer.from(t, 'utf8')));
        },
        writeOptions,
      );
      io.stderr.write(warning);
    };
    if (positionals.length > 0 || demo) {
      const text = demo ? DEMO_TEXT : `${positionals.join(' ')}\n`;
      if (output === undefined || output === '-') await toStdout(text);
      else await toFile(path.resolve(io.cwd, output), output, text, OUTPUT);
      return 0;
    }
    // --json and --lang auto need the whole text (a paragraph may span chunks): read it, then romanize.
    if (json || options.lang === AUTO_LANGUAGE) {
      if (inPlace && json) throw usage('--json cannot rewrite files in place');
      const readWhole = async (input: string, later = false): Promise<string> => {
        const source = await openSource(input, io);
        const parts: Uint8Array[] = [];
        let total = 0;
        try {
          for await (const chunk of source.chunks) {
            const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Uint8Array);
            // The limit of any text read whole (a file or stdin, as check and reverse read them).
            if ((total += bytes.length) > MAX_TEXT_BYTES) throw new LatinitsaError('ERR_TOO_LARGE', `${source.shown}: more than the limit of ${MAX_TEXT_BYTES} bytes for --json and --lang auto (give the text in parts, or name the language)`, { file: source.shown });
            parts.push(bytes);
          }
        } finally {
          await source.close();
        }
        // Invalid UTF-8 is the input's error (exit 2, with its byte offset), as in the streaming path.
        const { decodeBytes } = await import('../../io/decode.ts');
        // A byte-order mark stays in the output, as in the streaming path (only letters change); the
        // JSON's text is the text without it.
        return decodeBytes(Buffer.concat(parts), { encoding, file: source.shown, stripBom: json || later, reader: READER });
      };
      if (inPlace) {
        let warning = '';
        await rewriteAll(inputs, io, async (input, w) => {
          warning += await whole(await readWhole(input), (t) => w.write(Buffer.from(t, 'utf8')));
        });
        io.stderr.write(warning);
        return 0;
      }
      // Several inputs are concatenated, as the streaming path does: one text, one JSON, one file
      // written (each written apart, -o kept only the last and stdout had a JSON per input).
      let text = '';
      for (const [index, input] of (inputs.length > 0 ? inputs : ['-']).entries()) text += await readWhole(input, index > 0);
      if (output === undefined || output === '-') await toStdout(text);
      else await toFile(path.resolve(io.cwd, output), output, text, OUTPUT);
      return 0;
    }
    // The streaming romanizer only for files and stdin, not for text arguments.
    const { romanizeStream } = await import('../../io/lines.ts');
    // Letters the scheme has no value for are counted by the romanizer on the way, for the warning.
    const compiled = resolveScheme(options);
    const counts = new Map<string, number>();
    const streamOptions = { romanize: options, encoding, counts, reader: READER };
    if (inPlace) {
      await rewriteAll(inputs, io, async (input, w) => {
        const source = await openSource(input, io);
        try {
          await romanizeStream(source.chunks, (b) => w.write(b), { ...streamOptions, file: source.shown });
        } finally {
          await source.close();
        }
      });
      io.stderr.write(unmappedWarning(counts, compiled.scheme.id));
      return 0;
    }
    const all = inputs.length > 0 ? inputs : ['-'];
    const each = async (sink: (b: Uint8Array) => Promise<void> | undefined): Promise<void> => {
      for (const [index, input] of all.entries()) {
        const source = await openSource(input, io);
        try {
          // Concatenated, only the first input's byte-order mark starts the output.
          await romanizeStream(source.chunks, sink, { ...streamOptions, file: source.shown, keepBom: index === 0 });
        } finally {
          await source.close();
        }
      }
    };
    if (output === undefined || output === '-') await each((b) => writeWithBackpressure(io.stdout, b));
    else await writeAtomic(path.resolve(io.cwd, output), output, (w) => each((b) => w.write(b)), OUTPUT);
    io.stderr.write(unmappedWarning(counts, compiled.scheme.id));
    return 0;
  } catch (error) {
    // The reader of stdout went away: stop reading the input (it may be endless) and end quietly.
    if (isClosedPipe(error)) return 0;
    throw error;
  }
}

/** Refuses an --in-place input before it is opened: reading a FIFO or a device to its end may never end. */
async function refuseIrreplaceable(input: string, io: CliIO): Promise<void> {
  const { assertReplaceable } = await import('../../io/atomic-write.ts');
  await assertReplaceable(path.resolve(io.cwd, input), { name: input }).catch((error: unknown) => {
    // A folder is an input that cannot be read, as without --in-place (not a file that cannot be written).
    throw ioError((error as { code?: unknown } | null)?.code === 'EISDIR' ? 'read' : 'write', input, error);
  });
}

/**
 * `--in-place`: rewrites every input or none. Each is checked before any is read (a device, a
 * directory, a read-only file or one with other hard links is refused); each new content goes to
 * a temporary file beside its input; only when all are written are they renamed over the inputs.
 * An input that cannot be read, or is not valid in its encoding, stops the run with every file as
 * it was (as `check --fix` checks every file before it writes one).
 */
async function rewriteAll(inputs: readonly string[], io: CliIO, fill: (input: string, writer: AtomicWriter) => Promise<void>): Promise<void> {
  for (const input of inputs) await refuseIrreplaceable(input, io);
  const { openAtomicWriter } = await import('../../io/atomic-write.ts');
  const written: Array<{ input: string; writer: AtomicWriter }> = [];
  try {
    for (const input of inputs) {
      const writer = await openAtomicWriter(path.resolve(io.cwd, input)).catch((error: unknown) => Promise.reject(ioError('write', input, error)));
      written.push({ input, writer });
      await fill(input, writer).catch((error: unknown) => Promise.reject(ioError('write', input, error)));
      // One temporary file open at a time, however many inputs: each waits, closed, for the renames.
      await writer.close();
    }
  } catch (error) {
    for (const { writer } of written) await writer.abort();
    throw error;
  }
  for (const { input, writer } of written) await writer.commit().catch((error: unknown) => Promise.reject(ioError('write', input, error)));
}

/** `-o` onto a device, FIFO or socket writes to it (`-o /dev/stdout`); --in-place refuses one. */
const OUTPUT: WriteFileAtomicOptions = { nonRegular: 'write' };

/** Runs `fill` into an atomic writer for `file`; commits on success, deletes the temporary file on failure. */
async function writeAtomic(file: string, shown: string, fill: (writer: AtomicWriter) => Promise<void>, options: WriteFileAtomicOptions = {}): Promise<void> {
  let writer: AtomicWriter;
  try {
    // Loaded here, not at start-up: it loads node:crypto, and most runs write to stdout.
    const { openAtomicWriter } = await import('../../io/atomic-write.ts');
    writer = await openAtomicWriter(file, options);
  } catch (error) {
    throw ioError('write', shown, error);
  }
  try {
    await fill(writer);
  } catch (error) {
    await writer.abort();
    throw ioError('write', shown, error);
  }
  try {
    await writer.commit();
  } catch (error) {
    throw ioError('write', shown, error);
  }
}
