// `latinitsa serve`: the web page and the JSON API (docs/web.md).
import { existsSync } from 'node:fs';
import { LatinitsaError } from '../../errors.ts';
import { defaultLexiconFile, missingLexiconWarning } from '../../io/lexicon.ts';
import { defineCommand, usageError } from '../args.ts';

const HELP = `Usage: latinitsa serve [--port N] [--host ADDRESS] [--workers N] [--timeout SECONDS] [--max-body BYTES]

Serves the web page and the JSON API on http://127.0.0.1:8080/ (port by --port or PORT; another
interface only with an explicit --host). Runs until SIGTERM or SIGINT, then lets requests in
flight finish and exits 0.

Options:
  -p, --port N            port (0 picks a free one); default PORT or 8080
      --host ADDRESS      interface to listen on (default 127.0.0.1)
      --workers N         worker threads for API requests (0: in the server thread); default 2
      --timeout SECONDS   processing time of one API request (503 beyond); default 10
      --max-body BYTES    largest request body (413 beyond); default 4 MiB
  -h, --help              this help
`;

function integer(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw usageError('serve', `${name} must be an integer from ${min} to ${max}, found "${value}"`);
  return n;
}

export const command = defineCommand({
  help: HELP,
  options: {
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
    workers: { type: 'string' },
    timeout: { type: 'string' },
    'max-body': { type: 'string' },
  },
  positionals: false,
  run: async ({ values }, io) => {
    // A bad PORT is named as the variable it came from, not as the flag: a user who set only PORT
    // and gave no --port would otherwise be told of a flag never given.
    const port = integer(values.port ?? io.env['PORT'], values.port === undefined ? 'PORT' : '--port', 0, 65535) ?? 8080;
    const workers = integer(values.workers, '--workers', 0, 64);
    const timeout = integer(values.timeout, '--timeout', 1, 3600);
    const maxBody = integer(values['max-body'], '--max-body', 1024, 1024 * 1024 * 1024);
    // The server (and its workers) load only when serving.
    const { exposureWarning, startServer } = await import('../../server/server.ts');
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
    // What a newcomer got from `npm start`: where the page is, and where the API is described.
    io.stdout.write(`latinitsa: serving the page on ${server.url} and the JSON API under ${server.url}api/, described at ${server.url}api (Ctrl-C to stop)\n`);
    const warning = exposureWarning(server.host);
    if (warning !== undefined) io.stderr.write(`${warning}\n`);
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
  },
});
