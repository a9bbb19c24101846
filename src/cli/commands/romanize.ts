import { promises as fs } from 'node:fs';
import path from 'node:path';
import { getCompiled, romanizeDetailed, type RomanizeOptions, type RomanizeResult } from '../../engine/romanize.ts';
import { AUTO_LANGUAGE, schemeInLanguage } from '../../engine/lang.ts';
import { countReportable } from '../../engine/auto.ts';
import { LatinitsaError } from '../../errors.ts';
import { openAtomicWriter, type AtomicWriter } from '../../io/atomic-write.ts';
import { parseEncoding, type TextEncodingName } from '../../io/decode.ts';
import { ioError, readLexicon, readSchemeFile } from '../../io/files.ts';
import { romanizeStream, writeWithBackpressure } from '../../io/lines.ts';
import type { Scheme } from '../../schemes/registry.ts';
import type { AllCapsMode, PreReformMode } from '../../schemes/types.ts';
import { helpText, kebabCase, schemesText, version } from '../help.ts';
import type { CliIO } from '../types.ts';

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

const BOOLEAN_FLAGS = new Set(['json', 'in-place', 'join-line-break-hyphens', 'repair-homoglyphs', 'list-schemes', 'demo', 'help', 'version']);
const VALUE_FLAGS = new Set(['scheme', 'lang', 'scheme-file', 'option', 'all-caps', 'pre-reform', 'exceptions', 'input', 'output', 'encoding']);
const SHORT: Record<string, string> = { s: 'scheme', l: 'lang', O: 'option', x: 'exceptions', i: 'input', o: 'output', e: 'encoding', h: 'help', V: 'version' };
const COMMON_OPTION_FLAGS: Record<string, string> = {
  allCaps: 'all-caps',
  preReform: 'pre-reform',
  exceptions: 'exceptions',
  joinLineBreakHyphens: 'join-line-break-hyphens',
  repairHomoglyphs: 'repair-homoglyphs',
  scheme: 'scheme',
  lang: 'lang',
};

/** The parsed command line. */
interface Parsed {
  flags: Set<string>;
  values: Map<string, string[]>;
  /** `--name value` flags that are not latinitsa's own: scheme options, checked once the scheme is known. */
  schemeFlags: [string, string | undefined][];
  positionals: string[];
}

function usage(message: string): LatinitsaError {
  return new LatinitsaError('ERR_USAGE', `${message} (see latinitsa --help)`);
}

function parse(argv: string[]): Parsed {
  const parsed: Parsed = { flags: new Set(), values: new Map(), schemeFlags: [], positionals: [] };
  const addValue = (name: string, value: string): void => {
    const list = parsed.values.get(name) ?? [];
    list.push(value);
    parsed.values.set(name, list);
  };
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    if (arg === '--') {
      parsed.positionals.push(...argv.slice(k + 1));
      break;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      if (eq >= 0) inline = arg.slice(eq + 1);
      if (!/^[a-zA-Z][\w-]*$/.test(name)) throw usage(`invalid option ${JSON.stringify(arg)}`);
    } else if (arg.startsWith('-') && arg.length > 1) {
      const full = SHORT[arg[1]!];
      if (full === undefined) throw usage(`unknown option ${arg.slice(0, 2)}`);
      name = full;
      if (arg.length > 2) inline = arg.slice(arg[2] === '=' ? 3 : 2);
    } else {
      parsed.positionals.push(arg);
      continue;
    }
    const takeValue = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[k + 1];
      if (next === undefined) throw usage(`option --${name} needs a value`);
      k++;
      return next;
    };
    if (BOOLEAN_FLAGS.has(name)) {
      if (inline !== undefined) throw usage(`option --${name} takes no value`);
      parsed.flags.add(name);
    } else if (VALUE_FLAGS.has(name)) {
      addValue(name, takeValue());
    } else {
      // Not one of ours: a scheme option, checked once the scheme is known. A following option is
      // not taken as its value, so that a typo is reported as an unknown option.
      const next = argv[k + 1];
      const value = inline ?? (next !== undefined && !next.startsWith('--') ? (k++, next) : undefined);
      parsed.schemeFlags.push([name, value]);
    }
  }
  return parsed;
}

function single(parsed: Parsed, name: string): string | undefined {
  const list = parsed.values.get(name);
  if (list === undefined) return undefined;
  if (list.length > 1) throw usage(`option --${name} given more than once`);
  return list[0];
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw usage(`--${name} must be ${allowed.join(', ')}; found "${value}"`);
  return value as T;
}

/** Builds `romanize` options from the command line: the scheme, its options, the common options. */
async function romanizeOptions(parsed: Parsed, cwd: string): Promise<RomanizeOptions> {
  const schemeId = single(parsed, 'scheme');
  const schemeFile = single(parsed, 'scheme-file');
  if (schemeId !== undefined && schemeFile !== undefined) throw usage('give either --scheme or --scheme-file');
  const lang = single(parsed, 'lang');
  let scheme: Scheme | string | undefined = schemeId;
  if (schemeFile !== undefined) scheme = await readSchemeFile(path.resolve(cwd, schemeFile)).catch((e: unknown) => {
    // Name the file as the user wrote it.
    if (e instanceof LatinitsaError) throw new LatinitsaError(e.code, e.message.replaceAll(path.resolve(cwd, schemeFile), schemeFile), { file: schemeFile, ...(e.pointer === undefined ? {} : { pointer: e.pointer }), cause: e });
    throw e;
  });
  // The scheme whose options the flags name: with --lang, the scheme for that language (docs/languages.md).
  const resolved = schemeInLanguage(scheme, lang === AUTO_LANGUAGE ? undefined : lang).scheme;
  const options: RomanizeOptions = {};
  if (scheme !== undefined) options.scheme = scheme;
  if (lang !== undefined) options.lang = lang;
  const byFlag = new Map(Object.keys(resolved.options).map((name) => [kebabCase(name), name]));
  const setSchemeOption = (name: string, value: string | undefined, asFlag: boolean): void => {
    const optionName = byFlag.get(name) ?? (name in resolved.options ? name : undefined);
    if (optionName === undefined) {
      if (name in COMMON_OPTION_FLAGS) throw usage(`use --${COMMON_OPTION_FLAGS[name]} for "${name}"`);
      const known = [...byFlag.keys()].map((f) => `--${f}`).join(', ') || 'none';
      throw usage(asFlag ? `unknown option --${name} (options of the scheme ${resolved.id}: ${known})` : `unknown option "${name}" for the scheme ${resolved.id} (known: ${Object.keys(resolved.options).join(', ') || 'none'})`);
    }
    if (value === undefined) throw usage(`option --${name} needs a value (${Object.keys(resolved.options[optionName]!.values).join(', ')})`);
    if (options[optionName] !== undefined) throw usage(`scheme option "${optionName}" given more than once`);
    options[optionName] = value;
  };
  for (const [name, value] of parsed.schemeFlags) setSchemeOption(name, value, true);
  for (const pair of parsed.values.get('option') ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw usage(`--option expects NAME=VALUE, found "${pair}"`);
    setSchemeOption(pair.slice(0, eq), pair.slice(eq + 1), false);
  }
  const allCaps = oneOf<AllCapsMode>('all-caps', single(parsed, 'all-caps'), ['upper', 'acronym', 'auto']);
  if (allCaps !== undefined) options.allCaps = allCaps;
  const preReform = oneOf<PreReformMode>('pre-reform', single(parsed, 'pre-reform'), ['native', 'modernize']);
  if (preReform !== undefined) options.preReform = preReform;
  if (parsed.flags.has('join-line-break-hyphens')) options.joinLineBreakHyphens = true;
  if (parsed.flags.has('repair-homoglyphs')) options.repairHomoglyphs = true;
  const exceptions = single(parsed, 'exceptions');
  if (exceptions !== undefined) {
    options.exceptions = await readLexicon(path.resolve(cwd, exceptions)).catch((e: unknown) => {
      throw e instanceof LatinitsaError ? new LatinitsaError(e.code, e.message.replaceAll(path.resolve(cwd, exceptions), exceptions), { file: exceptions, cause: e }) : e;
    });
  }
  // Compile now, so that a bad option value is reported before any input is read.
  const { lang: _given, ...checked } = options;
  getCompiled(lang === AUTO_LANGUAGE ? checked : options);
  return options;
}

/**
 * The one-line warning for letters the scheme has no value for (docs/languages.md), or nothing.
 *
 * @example
 * import { unmappedWarning } from 'latinitsa/cli';
 * unmappedWarning(new Map([['ї', 2], ['Ў', 1]]), 'modified-loc');
 * //=> 'latinitsa: warning: 3 letters have no value in modified-loc and were written in ISO 9 or kept (ї ×2, Ў ×1); --json lists each one\n'
 */
export function unmappedWarning(counts: ReadonlyMap<string, number>, scheme: string): string {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return '';
  const list = [...counts].sort((a, b) => b[1] - a[1]).map(([l, n]) => `${l} ×${n}`).join(', ');
  return `latinitsa: warning: ${total} letter${total === 1 ? ' has' : 's have'} no value in ${scheme} and ${total === 1 ? 'was' : 'were'} written in ISO 9 or kept (${list}); --json lists each one\n`;
}

/** The --json output: the text, the diagnostics and the languages decided. */
function jsonResult(r: RomanizeResult): string {
  return `${JSON.stringify(r, null, 2)}\n`;
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
  if (input === '-') return { shown: 'stdin', chunks: io.stdin, close: async () => undefined };
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

/** An output that was closed by its reader (`latinitsa … | head`): stop quietly. */
function isClosedPipe(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || code === 'ERR_STREAM_WRITE_AFTER_END';
}

/** `latinitsa [options] [text…]`: romanize the arguments, stdin, or files (see `latinitsa --help`). */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const parsed = parse(argv);
  const write = (text: string): Promise<void> | undefined => writeWithBackpressure(io.stdout, Buffer.from(text, 'utf8'));
  if (parsed.flags.has('help')) {
    await write(helpText(single(parsed, 'scheme')));
    return 0;
  }
  if (parsed.flags.has('version')) {
    await write(`latinitsa ${version()}\n`);
    return 0;
  }
  if (parsed.flags.has('list-schemes')) {
    await write(schemesText());
    return 0;
  }
  const encodingName = single(parsed, 'encoding');
  const encoding: TextEncodingName = encodingName === undefined ? 'utf-8' : parseEncoding(encodingName);
  const inputs = parsed.values.get('input') ?? [];
  const output = single(parsed, 'output');
  const inPlace = parsed.flags.has('in-place');
  const demo = parsed.flags.has('demo');
  if (parsed.positionals.length > 0 && (inputs.length > 0 || demo)) throw usage('give text arguments, --input files or --demo, not several of them');
  if (demo && inputs.length > 0) throw usage('give either --demo or --input');
  if (inPlace && output !== undefined) throw usage('give either --in-place or --output');
  if (output === '') throw usage('--output needs a file name ("-" is stdout)');
  if (inPlace && inputs.length === 0) throw usage('--in-place needs --input FILE');
  if (inPlace && inputs.includes('-')) throw usage('--in-place cannot rewrite stdin');
  if (inputs.filter((i) => i === '-').length > 1) throw usage('stdin ("-") given more than once');
  const options = await romanizeOptions(parsed, io.cwd);

  const guard = (error: unknown): void => {
    // Errors of stdout surface through the write that meets them; this listener only keeps an
    // 'error' event (EPIPE) from crashing the process meanwhile.
    void error;
  };
  io.stdout.on('error', guard);
  try {
    const json = parsed.flags.has('json');
    const whole = async (text: string, to: (s: string) => Promise<void> | undefined): Promise<void> => {
      const r = romanizeDetailed(text, options);
      await to(json ? jsonResult(r) : r.text);
      if (!json) {
        const counts = new Map<string, number>();
        for (const d of r.diagnostics) counts.set(d.actual!, (counts.get(d.actual!) ?? 0) + 1);
        io.stderr.write(unmappedWarning(counts, String(r.diagnostics[0]?.data?.scheme ?? '')));
      }
    };
    if (parsed.positionals.length > 0 || demo) {
      const text = demo ? DEMO_TEXT : `${parsed.positionals.join(' ')}\n`;
      if (output === undefined || output === '-') await whole(text, write);
      else await writeAtomic(path.resolve(io.cwd, output), output, (w) => whole(text, (t) => w.write(Buffer.from(t, 'utf8'))));
      return 0;
    }
    // --json and --lang auto need the whole text (a paragraph may span chunks): read it, then romanize.
    if (json || options.lang === AUTO_LANGUAGE) {
      if (inPlace && json) throw usage('--json cannot rewrite files in place');
      const readAll = async (input: string): Promise<string> => {
        const source = await openSource(input, io);
        const parts: Uint8Array[] = [];
        try {
          for await (const chunk of source.chunks) parts.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Uint8Array));
        } finally {
          await source.close();
        }
        return new TextDecoder(encoding, { fatal: true }).decode(Buffer.concat(parts));
      };
      const all = inputs.length > 0 ? inputs : ['-'];
      for (const input of all) {
        const text = await readAll(input);
        if (inPlace) await writeAtomic(path.resolve(io.cwd, input), input, (w) => whole(text, (t) => w.write(Buffer.from(t, 'utf8'))));
        else if (output === undefined || output === '-') await whole(text, write);
        else await writeAtomic(path.resolve(io.cwd, output), output, (w) => whole(text, (t) => w.write(Buffer.from(t, 'utf8'))));
      }
      return 0;
    }
    // Letters the scheme has no value for are counted on the way through, for the warning.
    const compiled = getCompiled(options);
    const counts = new Map<string, number>();
    const counted = async function* (chunks: AsyncIterable<unknown>): AsyncGenerator<unknown> {
      const decoder = new TextDecoder(encoding);
      for await (const chunk of chunks) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Uint8Array);
        countReportable(decoder.decode(bytes, { stream: true }), compiled, counts);
        yield chunk;
      }
    };
    const streamOptions = { romanize: options, encoding };
    if (inPlace) {
      for (const input of inputs) {
        const source = await openSource(input, io);
        try {
          await writeAtomic(path.resolve(io.cwd, input), input, async (w) => {
            await romanizeStream(counted(source.chunks), (b) => w.write(b), { ...streamOptions, file: source.shown });
          });
        } finally {
          await source.close();
        }
      }
      return 0;
    }
    const all = inputs.length > 0 ? inputs : ['-'];
    const each = async (sink: (b: Uint8Array) => Promise<void> | undefined): Promise<void> => {
      for (const input of all) {
        const source = await openSource(input, io);
        try {
          await romanizeStream(counted(source.chunks), sink, { ...streamOptions, file: source.shown });
        } finally {
          await source.close();
        }
      }
    };
    if (output === undefined || output === '-') await each((b) => writeWithBackpressure(io.stdout, b));
    else await writeAtomic(path.resolve(io.cwd, output), output, (w) => each((b) => w.write(b)));
    io.stderr.write(unmappedWarning(counts, compiled.scheme.id));
    return 0;
  } catch (error) {
    if (isClosedPipe(error)) return 0;
    throw error;
  } finally {
    io.stdout.off('error', guard);
  }
}

/** Runs `fill` into an atomic writer for `file`; commits on success, deletes the temporary file on failure. */
async function writeAtomic(file: string, shown: string, fill: (writer: AtomicWriter) => Promise<void>): Promise<void> {
  let writer: AtomicWriter;
  try {
    writer = await openAtomicWriter(file);
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
