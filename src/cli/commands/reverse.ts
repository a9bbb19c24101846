// `latinitsa reverse` (alias `deromanize`): romanized Russian back to Cyrillic (docs/reverse.md).
import { deromanizeDetailed, uncheckedReading, type DeromanizeOptions } from '../../reverse/deromanize.ts';
import { DEFAULT_LANGUAGE } from '../../schemes/registry.ts';
import type { Lexicon } from '../../reverse/lexicon.ts';
import { resolveScheme } from '../../engine/resolve.ts';
import { DEFAULT_SCHEME, type Scheme } from '../../schemes/registry.ts';
import { defineCommand, parseOptionPairs } from '../args.ts';
import { outputOf, readInputs } from '../input.ts';
import { schemeFromFlags } from '../scheme-file.ts';
import type { CliIO } from '../types.ts';

const HELP = (): string => `Usage: latinitsa reverse [options] [TEXT…]   (alias: deromanize)
       latinitsa reverse [options] --input FILE…

Reads romanized text in the scheme's language (Russian by default; -O lang=ID or a scheme of
another language, sr-gaj) back into Cyrillic. Words that are not romanized text under the
scheme (English words, code, URLs, Latin-script names) are left as they are.

Options:
  -s, --scheme ID        scheme of the input (default ${DEFAULT_SCHEME})
      --scheme-file FILE a scheme of your own the input is in (JSON, the format of the built-in ones)
  -O, --option K=V       option of that scheme (repeatable), e.g. -O signs=ascii, -O tie=halves;
                         -O lang=ID: the language of the input (ru default, uk, be, bg, sr, mk), and
                         with --scheme the scheme of its family for it (-s ala-lc -O lang=uk: ala-lc-uk)
  -i, --input FILE       read FILE (repeatable); TEXT "-" alone, or no TEXT or FILE: stdin
      --all              convert every word the scheme can produce (text known to be all Russian)
      --no-lexicon       rank with letter statistics only (no word lists; faster start)
      --json             print per-word readings, alternatives with scores, and certainty
  -h, --help             this help

Exit 0 when done, 2 on a usage or input error.
`;

/** The options `reverse` and `convert` share. */
export const readingOptions = {
  option: { type: 'string', short: 'O', multiple: true },
  input: { type: 'string', short: 'i', multiple: true },
  all: { type: 'boolean' },
  'no-lexicon': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/** What `lexiconOf` needs to know. */
export interface LexiconOfOptions {
  /** `--no-lexicon`. */
  noLexicon: boolean | undefined;
  /** The scheme the text is read in and its options (`-O lang=…` among them): its language picks the lexicon. */
  scheme: string | Scheme | undefined;
  schemeOptions: Record<string, unknown>;
}

/**
 * The shipped lexicon of the language the text is read in unless `--no-lexicon`; one warning line
 * on stderr when the Russian one's file is missing (a language without a lexicon file gets the
 * `reverse/unchecked-reading` line instead, `warnUnchecked`).
 */
export async function lexiconOf(options: LexiconOfOptions, io: CliIO): Promise<Lexicon | undefined> {
  if (options.noLexicon === true) return undefined;
  const language = resolveScheme({ ...options.schemeOptions, scheme: options.scheme }).language.id;
  const { loadLexicon, missingLexiconWarning } = await import('../../io/lexicon.ts');
  const lexicon = await loadLexicon({ language });
  if (lexicon === undefined && language === DEFAULT_LANGUAGE) io.stderr.write(`${missingLexiconWarning()}\n`);
  return lexicon;
}

/**
 * One warning line on stderr when the readings are not checked against a dictionary of the
 * scheme's language (`reverse/unchecked-reading`, docs/languages.md "Reverse"), unless
 * `--no-lexicon` asked for letter statistics alone, or the shipped lexicon's file is missing and
 * its language is the scheme's (`lexiconOf` has said so in its own line); `--json` lists it in
 * `diagnostics` either way.
 *
 * @param read Whether any word was read (converted).
 */
export function warnUnchecked(options: DeromanizeOptions, noLexicon: boolean | undefined, io: CliIO, read: boolean): void {
  // Only when a word was read: with nothing converted there is no reading to doubt (and `--json`
  // lists no diagnostic then either).
  if (noLexicon === true || !read) return;
  const d = uncheckedReading(options);
  if (d === undefined || (options.lexicon === undefined && d.data?.['lang'] === DEFAULT_LANGUAGE)) return;
  io.stderr.write(`latinitsa: warning: ${d.reason}\n`);
}

export const command = defineCommand({
  help: HELP,
  options: { ...readingOptions, scheme: { type: 'string', short: 's' }, 'scheme-file': { type: 'string' } },
  run: async ({ values, positionals }, io) => {
    const schemeOptions = parseOptionPairs('reverse', values.option);
    const scheme = await schemeFromFlags('reverse', { id: values.scheme, file: values['scheme-file'] }, io.cwd);
    const inputs = await readInputs('reverse', io, positionals, values.input);
    const lexicon = await lexiconOf({ noLexicon: values['no-lexicon'], scheme, schemeOptions }, io);
    const options = { ...(scheme === undefined ? {} : { scheme }), schemeOptions, all: values.all === true, ...(lexicon === undefined ? {} : { lexicon }) };
    const results = inputs.map((input) => ({ input: input.name, ...deromanizeDetailed(input.text, options) }));
    warnUnchecked(options, values['no-lexicon'], io, results.some((r) => r.diagnostics.some((d) => d.ruleId === 'reverse/unchecked-reading')));
    if (values.json === true) {
      io.stdout.write(`${JSON.stringify(inputs.length === 1 ? results[0] : results, null, 2)}\n`);
    } else {
      results.forEach((r, k) => io.stdout.write(outputOf(inputs[k]!, r.text)));
    }
    return 0;
  },
});
