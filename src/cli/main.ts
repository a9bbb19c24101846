import { LatinitsaError } from '../errors.ts';
import { commands } from './commands.ts';
import type { CliIO } from './types.ts';

function defaultIO(): CliIO {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

/**
 * Runs the CLI with the given arguments and returns the exit code.
 *
 * @example
 * import { main } from 'latinitsa/cli';
 * await main(['Киров']); // prints "Kirov"
 * //=> 0
 */
export async function main(argv: string[], io: CliIO = defaultIO()): Promise<number> {
  const [first, ...rest] = argv;
  const named = first !== undefined && Object.hasOwn(commands, first) ? first : undefined;
  const entry = commands[named ?? 'romanize']!;
  try {
    const { run } = await entry.load();
    return await run(named === undefined ? argv : rest, io);
  } catch (error) {
    if (error instanceof LatinitsaError) {
      io.stderr.write(`latinitsa: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
