// `latinitsa schemes [--json]`: the schemes and their options (the same as `latinitsa --list-schemes`).
import { writeWithBackpressure } from '../../io/lines.ts';
import { listSchemes } from '../../schemes/registry.ts';
import { defineCommand } from '../args.ts';
import { schemesText } from '../help.ts';

const HELP = `Usage: latinitsa schemes [--json]

List the schemes (id, name, authority, edition) and their options as flags of the romanizing
command; --json prints listSchemes() as JSON.
`;

export const command = defineCommand({
  help: HELP,
  options: { json: { type: 'boolean' } },
  positionals: false,
  run: async ({ values }, io) => {
    const text = values.json === true ? `${JSON.stringify(listSchemes(), null, 2)}\n` : schemesText();
    await writeWithBackpressure(io.stdout, Buffer.from(text, 'utf8'));
    return 0;
  },
});
