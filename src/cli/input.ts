// What the commands read: text arguments, files, stdin; decoded strictly, errors naming the input.
import path from 'node:path';
import { documentFormats, type DocumentFormat, type ProseDocument } from '../document/document.ts';
import { LatinitsaError } from '../errors.ts';
import { decodeUtf8 } from '../io/decode.ts';
import { utf8BomLength } from '../engine/utf8.ts';
import { ioError } from '../io/errors.ts';
import { readFileLimited } from '../io/files.ts';
import { helpOption, oneOf, usageError, type HelpLayout } from './args.ts';
import type { CliIO } from './types.ts';

/**
 * Whether a name given for a file is stdin: `-`, for every command that takes a file or a text
 * (docs/cli.md, "`-` is stdin"). Every command asks here, so that none reads `-` otherwise:
 * as the text "-" (`reverse -` printing "-") or as a file named "-" (`cite -`, `bib -`).
 */
export const isStdin = (name: string): boolean => name === '-';

/**
 * The name stdin is reported under, by every command, in error messages (a read, the UTF-8 check,
 * the size limit) and in findings alike; a file keeps the name given. `<stdin>`, not `stdin`,
 * so that it cannot pass for a file named "stdin". Every command takes the name from here, so
 * that one stdin is not reported as `stdin` by some commands and as `<stdin>` by others.
 */
export const shownName = (name: string): string => (isStdin(name) ? '<stdin>' : name);

/** Whether text arguments are `-` alone: stdin, not the text "-" (`echo Kirov | latinitsa reverse -`). */
export const textIsStdin = (positionals: readonly string[]): boolean => positionals.length === 1 && isStdin(positionals[0]!);

/** A text to process and the name it is reported under. */
export interface Input {
  name: string;
  text: string;
}

/** The largest text a command reads whole, from a file or from stdin (64 MiB). */
export const MAX_TEXT_BYTES = 64 * 1024 * 1024;

/**
 * All of stdin, as bytes, up to `maxBytes` (default {@link MAX_TEXT_BYTES}, the limit of a file):
 * beyond it, reading stops and `ERR_TOO_LARGE` says so, so that an endless or huge stdin
 * (`yes | latinitsa check`) cannot fill the memory.
 */
export async function readStdin(io: CliIO, options: { maxBytes?: number } = {}): Promise<Uint8Array> {
  const maxBytes = options.maxBytes ?? MAX_TEXT_BYTES;
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of io.stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    total += bytes.length;
    if (total > maxBytes) {
      // Stop the producer: nothing more will be read.
      io.stdin.destroy();
      throw new LatinitsaError('ERR_TOO_LARGE', `${shownName('-')}: more than the limit of ${maxBytes} bytes (give the text in parts: a file has the same limit)`);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, total);
}

/**
 * A file (relative to the working folder), or stdin for `-`, as strict UTF-8; errors name it as
 * the user wrote it. The commands that read this way (`bib`, `reverse`, `convert`) take no
 * `--encoding`: invalid UTF-8 that looks like windows-1251 is told to be converted first
 * (src/io/decode.ts, `ReaderOptions`), not to try an option they do not have.
 */
export async function readTextFile(io: CliIO, file: string, maxBytes = MAX_TEXT_BYTES): Promise<string> {
  return (await readTextAndBom(io, file, maxBytes)).text;
}

/**
 * {@link readTextFile}, and whether the bytes started with a UTF-8 byte-order mark (not in
 * `text`): a command that writes the file back puts it back, as `--in-place` and `--fix` keep it.
 */
export async function readTextAndBom(io: CliIO, file: string, maxBytes = MAX_TEXT_BYTES): Promise<{ text: string; bom: boolean }> {
  let bytes: Uint8Array;
  if (isStdin(file)) bytes = await readStdin(io, { maxBytes });
  else {
    try {
      bytes = await readFileLimited(path.resolve(io.cwd, file), { maxBytes, name: file });
    } catch (error) {
      throw ioError('read', file, error);
    }
  }
  return { text: decodeUtf8(bytes, { file: shownName(file) }), bom: utf8BomLength(bytes) > 0 };
}

/**
 * A result as the command prints it: the text arguments' with a final newline, as a line of the
 * terminal; a file's or stdin's as the input ends, with or without one (as `latinitsa` keeps it).
 */
export function outputOf(input: Input, text: string): string {
  return input.name === ARGUMENT && !text.endsWith('\n') ? `${text}\n` : text;
}

/** The name of the text given as arguments. */
const ARGUMENT = 'argument';

/** The texts to process: the arguments joined, else the `--input` files, else stdin. */
export async function readInputs(command: string, io: CliIO, positionals: readonly string[], files: readonly string[] = []): Promise<Input[]> {
  if (positionals.length > 0 && files.length > 0) throw usageError(command, 'give TEXT or --input FILE, not both');
  if (positionals.length > 0 && !textIsStdin(positionals)) return [{ name: ARGUMENT, text: positionals.join(' ') }];
  if (files.length > 0) {
    const out: Input[] = [];
    for (const file of files) out.push({ name: file, text: await readTextFile(io, file) });
    return out;
  }
  return [{ name: shownName('-'), text: await readTextFile(io, '-') }];
}

/** `--input-format` of the commands that read a manuscript (`check`, `cite`): how to read it whatever its name says; stdin is plain text without it. */
export const inputFormatOption = { 'input-format': { type: 'string' } } as const;
/** The line of `--help` that describes `--input-format`, in the command's layout. */
export function inputFormatHelp(layout: HelpLayout): string {
  return helpOption(layout, '--input-format FMT', `${documentFormats.join(' | ')} (default: by extension; stdin: text)`);
}
export function inputFormat(command: string, value: string | undefined): DocumentFormat | undefined {
  return oneOf(command, 'input-format', value, documentFormats);
}

/**
 * A manuscript named on the command line (`check`, `cite`): a file, read by its extension or
 * `format`; `-` is stdin, plain text unless `format` says otherwise, with a file's limit. With
 * `fix`, stdin is refused: it cannot be rewritten.
 */
export async function readManuscript(command: string, io: CliIO, name: string, options: { format?: DocumentFormat | undefined; fix?: boolean | undefined } = {}): Promise<ProseDocument & { file: string }> {
  // Loaded here: the .docx reader is not for the commands that never read a manuscript.
  const { bytesToDocument, MAX_DOCUMENT_BYTES, readDocumentFile } = await import('../io/documents.ts');
  // A zip read as text is told to give --input-format docx, which these commands take; they take no --encoding.
  const format = { ...(options.format === undefined ? {} : { format: options.format }), reader: { inputFormat: '--input-format' } };
  if (!isStdin(name)) return { file: name, ...(await readDocumentFile(path.resolve(io.cwd, name), { file: name, ...format })) };
  if (options.fix === true) throw usageError(command, '--fix needs files (stdin cannot be rewritten)');
  const file = shownName(name);
  return { file, ...(await bytesToDocument(await readStdin(io, { maxBytes: MAX_DOCUMENT_BYTES }), { file, ...format })) };
}
