// What the commands read: text arguments, files, stdin; decoded strictly, errors naming the input.
import path from 'node:path';
import { decodeUtf8 } from '../io/decode.ts';
import { ioError } from '../io/errors.ts';
import { readFileLimited } from '../io/files.ts';
import { usageError } from './args.ts';
import type { CliIO } from './types.ts';

/** A text to process and the name it is reported under. */
export interface Input {
  name: string;
  text: string;
}

/** All of stdin, as bytes. */
export async function readStdin(io: CliIO): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** A file (relative to the working folder) as strict UTF-8; errors name it as the user wrote it. */
export async function readTextFile(io: CliIO, file: string, maxBytes = 64 * 1024 * 1024): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFileLimited(path.resolve(io.cwd, file), { maxBytes });
  } catch (error) {
    throw ioError('read', file, error);
  }
  return decodeUtf8(bytes, { file });
}

/** The texts to process: the arguments joined, else the `--input` files, else stdin. */
export async function readInputs(command: string, io: CliIO, positionals: readonly string[], files: readonly string[] = []): Promise<Input[]> {
  if (positionals.length > 0 && files.length > 0) throw usageError(command, 'give TEXT or --input FILE, not both');
  if (positionals.length > 0) return [{ name: 'argument', text: positionals.join(' ') }];
  if (files.length > 0) {
    const out: Input[] = [];
    for (const file of files) out.push({ name: file, text: file === '-' ? decodeUtf8(await readStdin(io), { file: 'stdin' }) : await readTextFile(io, file) });
    return out;
  }
  return [{ name: 'stdin', text: decodeUtf8(await readStdin(io), { file: 'stdin' }) }];
}
