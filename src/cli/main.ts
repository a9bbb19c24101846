// The entry point of the `latinitsa` command: picks the command from the table (commands.ts),
// runs it through the one argument layer (args.ts), and turns every error into the one error path.
import { LatinitsaError } from '../errors.ts';
import { ioError, isClosedPipe } from '../io/errors.ts';
import { runCommand } from './args.ts';
import { commands, DEFAULT_COMMAND, nearCommand } from './commands.ts';
import type { CliIO } from './types.ts';

function defaultIO(): CliIO {
  // Getters: Node sets up process.stdin (and stdout, stderr) when first touched, which a command
  // that does not read it should not pay for at start-up.
  return {
    get stdin() {
      return process.stdin;
    },
    get stdout() {
      return process.stdout;
    },
    get stderr() {
      return process.stderr;
    },
    cwd: process.cwd(),
    env: process.env,
  };
}

/** One line: a message never spans lines on stderr. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/**
 * Runs the CLI with the given arguments and returns the exit code: the command named by the first
 * argument (see `commands.ts`), else `romanize`. A {@link LatinitsaError} (a usage or input error)
 * or a file-system error becomes one line on stderr and exit code 2; any other error is a bug: one
 * line, exit 70.
 *
 * @example
 * import { main } from 'latinitsa/cli';
 * const { PassThrough } = await import('node:stream');
 * const stdout = new PassThrough();
 * await main(['Киров'], { stdin: new PassThrough(), stdout, stderr: new PassThrough(), cwd: '.', env: {} });
 * //=> 0
 * stdout.read().toString();
 * //=> 'Kirov\n'
 */
export async function main(argv: string[], io: CliIO = defaultIO()): Promise<number> {
  const [first, ...rest] = argv;
  const named = first !== undefined && Object.hasOwn(commands, first) ? first : undefined;
  const entry = commands[named ?? DEFAULT_COMMAND]!;
  const summaries = Object.entries(commands).map(([name, c]) => ({ name, summary: c.summary }));
  // A reader of stdout that goes away (`latinitsa … | head`) is no failure: its 'error' event
  // (EPIPE) must not crash the process, and a write that meets it ends the command quietly.
  // Any other error of stdout (a full disk: `> /dev/full`) is: the output is lost, which the
  // exit status and one line must say, also for a command that writes without waiting for the
  // write (otherwise `check`, `reverse`, `bib` and `--help` exit 0 or 1 with their output lost,
  // and other commands say "cannot use a file" of stdout).
  let closed = false;
  let failed: { error: unknown } | undefined;
  const guard = (error: unknown): void => {
    if (isClosedPipe(error)) closed = true;
    else failed ??= { error };
  };
  const stdoutFailed = (): number | undefined => {
    if (failed === undefined) return undefined;
    io.stderr.write(`latinitsa: ${oneLine((ioError('write', 'stdout', failed.error) as Error).message)}\n`);
    return 2;
  };
  io.stdout.on('error', guard);
  try {
    // A first word close to a command's name is a mistyped command, not text to romanize.
    const near = named === undefined && first !== undefined ? nearCommand(first) : undefined;
    if (near !== undefined) throw new LatinitsaError('ERR_USAGE', `unknown command "${first}"; did you mean "${near}"? (to romanize it as text: latinitsa romanize ${first} …)`);
    const { command } = await entry.load();
    const code = await runCommand(named ?? '', command, named === undefined ? argv : rest, io, summaries);
    // A write that failed reports its error on a later turn of the event loop.
    if (failed === undefined) await new Promise((resolve) => setImmediate(resolve));
    return stdoutFailed() ?? code;
  } catch (caught) {
    const cause = (caught as { cause?: unknown } | null)?.cause;
    if ((isClosedPipe(caught) || isClosedPipe(cause)) && (closed || io.stdout.destroyed === true)) return 0;
    if (failed !== undefined && (caught === failed.error || cause === failed.error)) return stdoutFailed()!;
    const error = ioError('use', 'a file', caught);
    if (error instanceof LatinitsaError) {
      io.stderr.write(`latinitsa: ${oneLine(error.message)}\n`);
      return 2;
    }
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    io.stderr.write(`latinitsa: internal error (please report it): ${oneLine(message)}\n`);
    return 70;
  } finally {
    // The process's own stdout keeps the guard: output still queued may meet the closed pipe
    // after the command returned, and the process ends with it anyway.
    if (io.stdout !== process.stdout) io.stdout.off('error', guard);
  }
}
