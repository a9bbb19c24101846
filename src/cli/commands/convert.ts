// `latinitsa convert --from A --to B`: romanized Russian from one scheme to another (issue 5).
import { LatinitsaError } from '../../errors.ts';
import { convertDetailed } from '../../reverse/convert.ts';
import type { CliIO } from '../types.ts';
import { inputsOf, lexiconOf, parseReverseArgs, schemeOptionsOf } from './deromanize.ts';

const HELP = `Usage: latinitsa convert --from ID --to ID [options] [TEXT…]
       latinitsa convert --from ID --to ID [options] --input FILE…

Converts romanized Russian from one scheme to another through its Cyrillic readings
(Zinov'ev ala-lc-simplified → Zinoviev modified-loc). Other words stay as they are.

Options:
  -f, --from ID          scheme of the input
  -t, --to ID            scheme to write
  -O, --option K=V       option of the input scheme (repeatable)
      --to-option K=V    option of the output scheme (repeatable)
  -i, --input FILE       read FILE (repeatable); without TEXT or FILE, read stdin
      --all              convert every word the input scheme can produce
      --no-lexicon       rank with letter statistics only
      --json             per-word results: Cyrillic reading, alternatives, certainty
      --mark             write uncertain words as word[?] in plain output
  -h, --help             this help

Exit 0 when done, 2 on a usage or input error.
`;

/** `latinitsa convert`: see HELP. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const args = parseReverseArgs(argv, {
    from: { type: 'string', short: 'f' },
    to: { type: 'string', short: 't' },
    'to-option': { type: 'string', multiple: true },
    mark: { type: 'boolean' },
  });
  if (args.values.help === true) {
    io.stdout.write(HELP);
    return 0;
  }
  const from = args.values.from as string | undefined;
  const to = args.values.to as string | undefined;
  if (from === undefined || to === undefined) throw new LatinitsaError('ERR_USAGE', 'convert needs --from and --to (see latinitsa convert --help)');
  const fromOptions = schemeOptionsOf(args.values.option);
  const toOptions = schemeOptionsOf(args.values['to-option']);
  const inputs = await inputsOf(args, io);
  const lexicon = await lexiconOf(args, io);
  const options = { from, to, fromOptions, toOptions, all: args.values.all === true, ...(lexicon === undefined ? {} : { lexicon }) };
  const results = inputs.map((input) => ({ input: input.name, ...convertDetailed(input.text, options) }));
  if (args.values.json === true) {
    io.stdout.write(`${JSON.stringify(inputs.length === 1 ? results[0] : results, null, 2)}\n`);
    return 0;
  }
  results.forEach((r, k) => {
    const text = args.values.mark === true ? markUncertain(inputs[k]!.text.normalize('NFC'), r.words) : r.text;
    io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  });
  return 0;
}

/** The converted text with `[?]` after each converted word whose result is uncertain. */
function markUncertain(input: string, words: { input: [number, number]; output: string; converted: boolean; certain: boolean }[]): string {
  let out = '';
  let pos = 0;
  for (const w of words) {
    out += input.slice(pos, w.input[0]) + w.output + (w.converted && !w.certain ? '[?]' : '');
    pos = w.input[1];
  }
  return out + input.slice(pos);
}
