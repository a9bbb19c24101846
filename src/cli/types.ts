import type { Readable, Writable } from 'node:stream';
import type { Command } from './args.ts';

/** What a CLI command reads and writes; tests pass their own streams. */
export interface CliIO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  cwd: string;
  env: Record<string, string | undefined>;
}

/** A command in the dispatcher's table: one line of `latinitsa --help`, and its module, loaded when it runs. */
export interface CommandEntry {
  summary: string;
  load: () => Promise<{ command: Command }>;
}
