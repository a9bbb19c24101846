// `latinitsa reverse` (alias `deromanize`): romanized Russian back to Cyrillic (issue 5).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LatinitsaError } from '../../errors.ts';
import { decodeUtf8 } from '../../io/decode.ts';
import { ioError, readFileLimited } from '../../io/files.ts';
import { loadLexicon, missingLexiconWarning } from '../../io/lexicon.ts';
import { deromanizeDetailed } from '../../reverse/deromanize.ts';
import type { Lexicon } from '../../reverse/lexicon.ts';
import type { CliIO } from '../types.ts';

const HELP = `Usage: latinitsa reverse [options] [TEXT…]   (alias: deromanize)
       latinitsa reverse [options] --input FILE…

Reads romanized Russian back into Cyrillic. Words that are not romanized Russian under the
scheme (English words, code, URLs, Latin-script names) are left as they are.

Options:
  -s, --scheme ID        scheme of the input (default modified-loc)
  -O, --option K=V       option of that scheme (repeatable), e.g. -O signs=ascii, -O tie=halves
  -i, --input FILE       read FILE (repeatable); without TEXT or FILE, read stdin
      --all              convert every word the scheme can produce (text known to be all Russian)
      --no-lexicon       rank with letter statistics only (no word lists; faster start)
      --json             print per-word readings, alternatives with scores, and certainty
  -h, --help             this help

Exit 0 when done, 2 on a usage or input error.
`;

/** Options shared by `reverse` and `convert`. */
export interface ReverseArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Parses the shared options plus `extra`. */
export function parseReverseArgs(argv: string[], extra: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>): ReverseArgs {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        option: { type: 'string', short: 'O', multiple: true },
        input: { type: 'string', short: 'i', multiple: true },
        all: { type: 'boolean' },
        'no-lexicon': { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        ...extra,
      },
    }) as ReverseArgs;
  } catch (error) {
    throw new LatinitsaError('ERR_USAGE', `${(error as Error).message} (see --help)`);
  }
}

/** `-O name=value` pairs as an options object. */
export function schemeOptionsOf(list: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of (list as string[] | undefined) ?? []) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new LatinitsaError('ERR_USAGE', `--option expects NAME=VALUE, found ${JSON.stringify(item)}`);
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

/** The texts to process: the arguments joined, the files, or stdin. */
export async function inputsOf(args: ReverseArgs, io: CliIO): Promise<{ name: string; text: string }[]> {
  const files = (args.values.input as string[] | undefined) ?? [];
  if (args.positionals.length > 0 && files.length > 0) throw new LatinitsaError('ERR_USAGE', 'give TEXT or --input FILE, not both');
  if (args.positionals.length > 0) return [{ name: 'argument', text: args.positionals.join(' ') }];
  if (files.length > 0) {
    const out: { name: string; text: string }[] = [];
    for (const file of files) {
      const full = path.resolve(io.cwd, file);
      let bytes: Uint8Array;
      try {
        bytes = await readFileLimited(full, { maxBytes: 64 * 1024 * 1024 });
      } catch (error) {
        throw ioError('read', file, error);
      }
      out.push({ name: file, text: decodeUtf8(bytes, { file }) });
    }
    return out;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return [{ name: 'stdin', text: decodeUtf8(new Uint8Array(Buffer.concat(chunks)), { file: 'stdin' }) }];
}

/** The shipped lexicon unless `--no-lexicon`; one warning line on stderr when its file is missing. */
export async function lexiconOf(args: ReverseArgs, io: CliIO): Promise<Lexicon | undefined> {
  if (args.values['no-lexicon'] === true) return undefined;
  const lexicon = await loadLexicon();
  if (lexicon === undefined) io.stderr.write(`${missingLexiconWarning()}\n`);
  return lexicon;
}

/** `latinitsa reverse`: see HELP. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const args = parseReverseArgs(argv, { scheme: { type: 'string', short: 's' } });
  if (args.values.help === true) {
    io.stdout.write(HELP);
    return 0;
  }
  const schemeOptions = schemeOptionsOf(args.values.option);
  const inputs = await inputsOf(args, io);
  const lexicon = await lexiconOf(args, io);
  const options = {
    scheme: (args.values.scheme as string | undefined) ?? 'modified-loc',
    schemeOptions,
    all: args.values.all === true,
    ...(lexicon === undefined ? {} : { lexicon }),
  };
  const results = inputs.map((input) => ({ input: input.name, ...deromanizeDetailed(input.text, options) }));
  if (args.values.json === true) {
    io.stdout.write(`${JSON.stringify(inputs.length === 1 ? results[0] : results, null, 2)}\n`);
  } else {
    for (const r of results) io.stdout.write(r.text.endsWith('\n') ? r.text : `${r.text}\n`);
  }
  return 0;
}
