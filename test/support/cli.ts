import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.ts';

/** What an in-process CLI run gave. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
}

/** Runs `latinitsa ARGV` in-process (`main(argv, io)`) with in-memory streams. */
export async function runCli(argv: string[], options: { stdin?: string | Buffer | (string | Buffer)[]; cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (b: Buffer) => out.push(b));
  stderr.on('data', (b: Buffer) => err.push(b));
  const chunks = options.stdin === undefined ? [] : Array.isArray(options.stdin) ? options.stdin : [options.stdin];
  for (const c of chunks) stdin.write(c);
  stdin.end();
  const code = await main(argv, { stdin, stdout, stderr, cwd: options.cwd ?? process.cwd(), env: options.env ?? {} });
  const stdoutBytes = Buffer.concat(out);
  return { code, stdout: stdoutBytes.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), stdoutBytes };
}
