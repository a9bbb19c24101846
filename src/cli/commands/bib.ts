import path from 'node:path';
import { romanizeBibtex, romanizeCsl, type BibFieldGroup, type RomanizeBibOptions } from '../../cite/bib.ts';
import { schemeIdForLanguage } from '../../engine/lang.ts';
import { LatinitsaError } from '../../errors.ts';
import { writeFileAtomic } from '../../io/atomic-write.ts';
import { decodeUtf8 } from '../../io/decode.ts';
import { readFileLimited } from '../../io/files.ts';
import { parseCommandArgs, usageError } from '../args.ts';
import type { CliIO } from '../types.ts';

const HELP = `Usage: latinitsa bib [options] IN.bib|IN.json [-o OUT | --in-place]

Romanizes the Cyrillic names, titles, container titles, publishers and places of a BibTeX/BibLaTeX
file (everything else stays byte-identical) or of CSL-JSON as Zotero exports it. Writes to stdout
unless -o or --in-place is given; a summary goes to stderr.

Options:
  -o, --output FILE         write here (atomically)
  --in-place                rewrite the input file (atomically)
  -s, --scheme ID           scheme for all fields (default ala-lc-simplified)
  --names-scheme ID         scheme for authors, editors, translators…
  --titles-scheme ID        scheme for titles, journal and book titles, series
  --publishers-scheme ID    scheme for publishers and places
  -l, --lang ID             language of the entries (uk, be, bg, sr, mk): the schemes of the same family for it
  --keep-original           keep the Cyrillic value: BibTeX orig<field> (origtitle…), CSL original-*
  --format FORMAT           bibtex | csl (default: by extension, .json → csl, else bibtex)
  -h, --help                this help
`;

function usage(message: string): LatinitsaError {
  return usageError('bib', message);
}

/** `latinitsa bib IN [-o OUT | --in-place]`: romanize a bibliography. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('bib', argv, {
    output: { type: 'string', short: 'o' },
    'in-place': { type: 'boolean' },
    scheme: { type: 'string', short: 's' },
    'names-scheme': { type: 'string' },
    'titles-scheme': { type: 'string' },
    'publishers-scheme': { type: 'string' },
    lang: { type: 'string', short: 'l' },
    'keep-original': { type: 'boolean' },
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    io.stdout.write(HELP);
    return 0;
  }
  if (positionals.length !== 1) throw usage(positionals.length === 0 ? 'no input file given' : 'one input file at a time');
  if (values['in-place'] === true && values.output !== undefined) throw usage('--in-place and --output exclude each other');
  const input = positionals[0]!;
  const format = values.format ?? (/\.json$/i.test(input) ? 'csl' : 'bibtex');
  if (format !== 'bibtex' && format !== 'csl') throw usage(`--format must be bibtex or csl, not "${format}"`);
  if (values.output !== undefined && /\.json$/i.test(values.output) !== (format === 'csl')) {
    throw usage(`${input} is ${format === 'csl' ? 'CSL-JSON' : 'BibTeX'}; converting between BibTeX and CSL-JSON is not supported (${values.output})`);
  }
  const options: RomanizeBibOptions = {};
  if (values.scheme !== undefined) options.scheme = values.scheme;
  const schemes: Partial<Record<BibFieldGroup, string>> = {};
  if (values['names-scheme'] !== undefined) schemes.names = values['names-scheme'];
  if (values['titles-scheme'] !== undefined) schemes.titles = values['titles-scheme'];
  if (values['publishers-scheme'] !== undefined) schemes.publishers = values['publishers-scheme'];
  // --lang: the schemes of the same family for that language (docs/languages.md).
  if (values.lang !== undefined) {
    options.scheme = schemeIdForLanguage(options.scheme, values.lang);
    for (const group of Object.keys(schemes) as BibFieldGroup[]) schemes[group] = schemeIdForLanguage(schemes[group], values.lang);
  }
  if (Object.keys(schemes).length > 0) options.schemes = schemes;
  if (values['keep-original'] === true) options.keepOriginal = true;
  const full = path.resolve(io.cwd, input);
  const text = decodeUtf8(await readFileLimited(full), { file: input });
  let result;
  try {
    result = format === 'csl' ? romanizeCsl(text, options) : romanizeBibtex(text, options);
  } catch (error) {
    if (error instanceof LatinitsaError && error.code === 'ERR_INVALID_INPUT') throw new LatinitsaError('ERR_INVALID_INPUT', `${input}: ${error.message}`, { file: input });
    throw error;
  }
  const target = values['in-place'] === true ? full : values.output === undefined ? undefined : path.resolve(io.cwd, values.output);
  if (target === undefined) io.stdout.write(result.output);
  else await writeFileAtomic(target, result.output);
  for (const note of result.notes) io.stderr.write(`${input}: ${note.key}: ${note.field}: ${note.message}\n`);
  const entries = new Set(result.changes.map((c) => c.key)).size;
  io.stderr.write(`latinitsa bib: romanized ${result.changes.length} field${result.changes.length === 1 ? '' : 's'} in ${entries} entr${entries === 1 ? 'y' : 'ies'}\n`);
  return 0;
}
