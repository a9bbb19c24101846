import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { LatinitsaError } from '../../errors.ts';
import { defaultLexiconFile, missingLexiconWarning } from '../../io/lexicon.ts';
import { startServer } from '../../server/server.ts';
import type { CliIO } from '../types.ts';

const usage = 'usage: latinitsa serve [--port N] [--host ADDRESS] [--workers N] [--timeout SECONDS] [--max-body BYTES]';

function integer(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new LatinitsaError('ERR_USAGE', `--${name} must be an integer from ${min} to ${max}, found "${value}"\n${usage}`);
  return n;
}

/**
 * `latinitsa serve`: the web page and the JSON API on http://127.0.0.1:8080/ (port by `--port` or
 * `PORT`; another interface only with an explicit `--host`). Runs until SIGTERM or SIGINT, then
 * lets requests in flight finish and exits 0.
 */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      workers: { type: 'string' },
      timeout: { type: 'string' },
      'max-body': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(`${usage}\n`);
    return 0;
  }
  const port = integer(values.port ?? io.env['PORT'], 'port', 0, 65535) ?? 8080;
  const workers = integer(values.workers, 'workers', 0, 64);
  const timeout = integer(values.timeout, 'timeout', 1, 3600);
  const maxBody = integer(values['max-body'], 'max-body', 1024, 1024 * 1024 * 1024);
  let server;
  try {
    server = await startServer({
      port,
      ...(values.host === undefined ? {} : { host: values.host }),
      ...(workers === undefined ? {} : { workers }),
      ...(timeout === undefined ? {} : { timeoutMs: timeout * 1000 }),
      ...(maxBody === undefined ? {} : { maxBodyBytes: maxBody }),
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new LatinitsaError('ERR_USAGE', `port ${port} is in use; choose another with --port or PORT`);
    if (code === 'EACCES' || code === 'EADDRNOTAVAIL') throw new LatinitsaError('ERR_USAGE', `cannot listen on ${values.host ?? '127.0.0.1'}:${port} (${code})`);
    throw error;
  }
  io.stdout.write(`latinitsa: serving the page and the API on ${server.url} (Ctrl-C to stop)\n`);
  if (!existsSync(defaultLexiconFile)) io.stderr.write(`${missingLexiconWarning()}\n`);
  const running = server;
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      io.stderr.write('latinitsa: shutting down\n');
      void running.close().then(resolve);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  return 0;
}
