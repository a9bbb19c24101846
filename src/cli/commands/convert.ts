// `latinitsa convert --from A --to B`: romanized Russian from one scheme to another (docs/reverse.md).
import { convertCounting, convertDetailed } from '../../reverse/convert.ts';
import { unmappedWarning, unmappedWarningOf } from './romanize.ts';
import { defineCommand, parseOptionPairs, usageError } from '../args.ts';
import { outputOf, readInputs } from '../input.ts';
import { schemeFromFlags } from '../scheme-file.ts';
import { lexiconOf, readingOptions, warnUnchecked } from './reverse.ts';

const HELP = `Usage: latinitsa convert --from ID --to ID [options] [TEXT…]
       latinitsa convert --from ID --to ID [options] --input FILE…
       (--from-file FILE / --to-file FILE in place of either: a scheme of your own)

Converts romanized Russian from one scheme to another through its Cyrillic readings
(Zinov'ev ala-lc-simplified → Zinoviev modified-loc). Other words stay as they are.

Options:
  -f, --from ID          scheme of the input
  -t, --to ID            scheme to write
      --from-file FILE   a scheme of your own the input is in (JSON, the format of the built-in ones)
      --to-file FILE     a scheme of your own to write
  -O, --option K=V       option of the input scheme (repeatable)
      --to-option K=V    option of the output scheme (repeatable)
  -i, --input FILE       read FILE (repeatable); TEXT "-" alone, or no TEXT or FILE: stdin
      --all              convert every word the input scheme can produce
      --no-lexicon       rank with letter statistics only
      --json             per-word results: Cyrillic reading, alternatives, certainty
      --mark             write uncertain words as word[?] in plain output
  -h, --help             this help

Exit 0 when done, 2 on a usage or input error.
`;

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

export const command = defineCommand({
  help: HELP,
  options: {
    ...readingOptions,
    from: { type: 'string', short: 'f' },
    to: { type: 'string', short: 't' },
    'from-file': { type: 'string' },
    'to-file': { type: 'string' },
    'to-option': { type: 'string', multiple: true },
    mark: { type: 'boolean' },
  },
  run: async ({ values, positionals }, io) => {
    const from = await schemeFromFlags('convert', { id: values.from, file: values['from-file'], flags: ['--from', '--from-file'] }, io.cwd);
    const to = await schemeFromFlags('convert', { id: values.to, file: values['to-file'], flags: ['--to', '--to-file'] }, io.cwd);
    if (from === undefined || to === undefined) throw usageError('convert', 'give --from (or --from-file) and --to (or --to-file)');
    const fromOptions = parseOptionPairs('convert', values.option);
    const toOptions = parseOptionPairs('convert', values['to-option'], '--to-option');
    const inputs = await readInputs('convert', io, positionals, values.input);
    const lexicon = await lexiconOf({ noLexicon: values['no-lexicon'], scheme: from, schemeOptions: fromOptions }, io);
    const options = { from, to, fromOptions, toOptions, all: values.all === true, ...(lexicon === undefined ? {} : { lexicon }) };
    const readOptions = { scheme: from, schemeOptions: fromOptions, ...(lexicon === undefined ? {} : { lexicon }) };
    if (values.json !== true && values.mark !== true) {
      // The text alone: converted block by block (see `convert`), without the per-word records.
      // Then romanize's one-line warning for letters the target scheme has no value for.
      let read = false;
      for (const input of inputs) {
        const r = convertCounting(input.text, options);
        io.stdout.write(outputOf(input, r.text));
        io.stderr.write(unmappedWarning(r.unmapped, r.scheme));
        read ||= r.text !== input.text.normalize('NFC');
      }
      warnUnchecked(readOptions, values['no-lexicon'], io, read);
      return 0;
    }
    const results = inputs.map((input) => ({ input: input.name, ...convertDetailed(input.text, options) }));
    warnUnchecked(readOptions, values['no-lexicon'], io, results.some((r) => r.diagnostics.some((d) => d.ruleId === 'reverse/unchecked-reading')));
    if (values.json === true) {
      io.stdout.write(`${JSON.stringify(inputs.length === 1 ? results[0] : results, null, 2)}\n`);
      return 0;
    }
    results.forEach((r, k) => {
      io.stdout.write(outputOf(inputs[k]!, values.mark === true ? markUncertain(inputs[k]!.text.normalize('NFC'), r.words) : r.text));
      io.stderr.write(unmappedWarningOf(r.diagnostics));
    });
    return 0;
  },
});
