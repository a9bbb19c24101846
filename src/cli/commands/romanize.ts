import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { romanize } from '../../engine/romanize.ts';
import type { CliIO } from '../types.ts';

/** `latinitsa [--scheme ID] [text…]`: romanize the arguments, or stdin line by line. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { scheme: { type: 'string', short: 's' } } });
  const options = values.scheme === undefined ? {} : { scheme: values.scheme };
  if (positionals.length > 0) {
    io.stdout.write(`${romanize(positionals.join(' '), options)}\n`);
    return 0;
  }
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) io.stdout.write(`${romanize(line, options)}\n`);
  return 0;
}
