import { listSchemes } from '../../schemes/registry.ts';
import { writeWithBackpressure } from '../../io/lines.ts';
import { LatinitsaError } from '../../errors.ts';
import { schemesText } from '../help.ts';
import type { CliIO } from '../types.ts';

const HELP = `Usage: latinitsa schemes [--json]

List the schemes (id, name, authority, edition) and their options as flags of the romanizing
command; --json prints listSchemes() as JSON.
`;

/** `latinitsa schemes [--json]`: the schemes and their options (same as `latinitsa --list-schemes`). */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const unknown = argv.filter((a) => a !== '--json' && a !== '--help' && a !== '-h');
  if (unknown.length > 0) throw new LatinitsaError('ERR_USAGE', `schemes: unknown argument ${JSON.stringify(unknown[0])} (see latinitsa schemes --help)`);
  const text = argv.includes('--help') || argv.includes('-h') ? HELP : argv.includes('--json') ? `${JSON.stringify(listSchemes(), null, 2)}\n` : schemesText();
  await writeWithBackpressure(io.stdout, Buffer.from(text, 'utf8'));
  return 0;
}
