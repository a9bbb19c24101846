import type { Readable, Writable } from 'node:stream';

/** What a CLI command reads and writes; tests pass their own streams. */
export interface CliIO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  cwd: string;
  env: Record<string, string | undefined>;
}

/**
 * A CLI command: parses its own arguments and returns the exit code (0 success, 1 findings for
 * checkers, 2 usage or input error with a one-line message on stderr). It never calls process.exit.
 */
export type CommandRun = (argv: string[], io: CliIO) => Promise<number>;

/** A command in the dispatcher's table. */
export interface CommandEntry {
  summary: string;
  load: () => Promise<{ run: CommandRun }>;
}
