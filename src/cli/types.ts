import type { Readable, Writable } from 'node:stream';

/** What a CLI command reads and writes; tests pass their own streams. */
export interface CliIO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  cwd: string;
  env: Record<string, string | undefined>;
}
