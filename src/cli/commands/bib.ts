// `latinitsa bib IN [-o OUT | --in-place]`: romanize a bibliography (docs/citations.md).
import path from 'node:path';
import type { RomanizeBibOptions } from '../../cite/bib.ts';
import { romanizeBibtex } from '../../cite/bibtex.ts';
import { romanizeCsl } from '../../cite/csl.ts';
import { LatinitsaError } from '../../errors.ts';
import { ioError } from '../../io/errors.ts';
import { assertReplaceable, writeFileAtomic } from '../../io/atomic-write.ts';
import { BOM } from '../../engine/utf8.ts';
import { defaultSchemeOf } from '../../schemes/registry.ts';
import { defineCommand, oneOf, usageError, type HelpLayout } from '../args.ts';
import { isStdin, readTextAndBom, shownName } from '../input.ts';
import { reportFormat, reportHelp, reportOptions, writeReport } from '../report.ts';
import { schemeFromFlags } from '../scheme-file.ts';

/** The columns of this command's --help: every flag at 2, descriptions at 28. */
const LAYOUT: HelpLayout = { indent: 2, column: 28 };

const HELP = (): string => `Usage: latinitsa bib [options] IN.bib|IN.json|- [-o OUT | --in-place]   (-: stdin, BibTeX unless --input-format)

Romanizes the Cyrillic names, titles, container titles, publishers and places of a BibTeX/BibLaTeX
file (everything else stays byte-identical) or of CSL-JSON as Zotero exports it. Writes to stdout
unless -o or --in-place is given; what was left as written (Cyrillic @string macros, existing
original fields) and a summary go to stderr.

Options:
  -o, --output FILE         write here (atomically)
  --in-place                rewrite the input file (atomically)
  -s, --scheme ID           scheme for all fields (default ${defaultSchemeOf({ use: 'citation' })})
  --names-scheme ID         scheme for authors, editors, translators…
  -l, --lang ID             language of the entries (uk, be, bg, sr, mk): the schemes of the same family
                            for it (a family without one is refused)
  --titles-scheme ID        scheme for titles, journal and book titles, series
  --publishers-scheme ID    scheme for publishers and places
  --scheme-file FILE, --names-scheme-file FILE, --titles-scheme-file FILE, --publishers-scheme-file FILE
                            a scheme of your own in place of the id beside it (JSON, the format of
                            the built-in ones)
  --keep-original           keep the Cyrillic value: BibTeX orig<field> (origtitle…), CSL original-*
  --input-format FORMAT     bibtex | csl (default: by extension, .json → csl, else bibtex)
${reportHelp(LAYOUT)}  -h, --help                this help
`;

export const command = defineCommand({
  help: HELP,
  options: {
    output: { type: 'string', short: 'o' },
    'in-place': { type: 'boolean' },
    scheme: { type: 'string', short: 's' },
    'scheme-file': { type: 'string' },
    'names-scheme': { type: 'string' },
    'names-scheme-file': { type: 'string' },
    lang: { type: 'string', short: 'l' },
    'titles-scheme': { type: 'string' },
    'titles-scheme-file': { type: 'string' },
    'publishers-scheme': { type: 'string' },
    'publishers-scheme-file': { type: 'string' },
    'keep-original': { type: 'boolean' },
    'input-format': { type: 'string' },
    ...reportOptions,
  },
  run: async ({ values, positionals }, io) => {
    const report = reportFormat('bib', values);
    if (positionals.length !== 1) throw usageError('bib', positionals.length === 0 ? 'no input file given' : 'one input file at a time');
    if (values['in-place'] === true && values.output !== undefined) throw usageError('bib', '--in-place and --output exclude each other');
    const input = positionals[0]!;
    if (values['in-place'] === true && isStdin(input)) throw usageError('bib', '--in-place cannot rewrite stdin');
    const shown = shownName(input);
    const format = oneOf('bib', 'input-format', values['input-format'], ['bibtex', 'csl'] as const) ?? (/\.json$/i.test(input) ? 'csl' : 'bibtex');
    if (values.output !== undefined && /\.json$/i.test(values.output) !== (format === 'csl')) {
      throw usageError('bib', `${input} is ${format === 'csl' ? 'CSL-JSON' : 'BibTeX'}; converting between BibTeX and CSL-JSON is not supported (${values.output})`);
    }
    const options: RomanizeBibOptions = {};
    const scheme = await schemeFromFlags('bib', { id: values.scheme, file: values['scheme-file'] }, io.cwd);
    if (scheme !== undefined) options.scheme = scheme;
    const schemes: NonNullable<RomanizeBibOptions['schemes']> = {};
    for (const group of ['names', 'titles', 'publishers'] as const) {
      const flag = `${group}-scheme` as const;
      const given = await schemeFromFlags('bib', { id: values[flag], file: values[`${flag}-file`], flags: [`--${flag}`, `--${flag}-file`] }, io.cwd);
      if (given !== undefined) schemes[group] = given;
    }
    if (values.lang !== undefined) options.lang = values.lang;
    if (Object.keys(schemes).length > 0) options.schemes = schemes;
    if (values['keep-original'] === true) options.keepOriginal = true;
    // Refused before it is read: a FIFO or a device cannot be rewritten, and reading one may never end.
    if (values['in-place'] === true) await assertReplaceable(path.resolve(io.cwd, input), { name: input }).catch((error: unknown) => {
      throw ioError('write', input, error);
    });
    // A byte-order mark (files saved on Windows) is written back, as the rest of the file is kept.
    const { text, bom } = await readTextAndBom(io, input, 16 * 1024 * 1024);
    let result;
    try {
      result = format === 'csl' ? romanizeCsl(text, options) : romanizeBibtex(text, options);
    } catch (error) {
      if (error instanceof LatinitsaError && error.code === 'ERR_INVALID_INPUT') throw new LatinitsaError('ERR_INVALID_INPUT', `${shown}: ${error.message}`, { file: shown });
      throw error;
    }
    const target = values['in-place'] === true ? path.resolve(io.cwd, input) : values.output === undefined ? undefined : path.resolve(io.cwd, values.output);
    const output = (bom ? BOM : '') + result.output;
    if (target === undefined) io.stdout.write(output);
    else await writeFileAtomic(target, output, { nonRegular: values['in-place'] === true ? 'refuse' : 'write', name: values['in-place'] === true ? input : values.output! });
    // The bibliography may be on stdout: the findings go to stderr, in the chosen format.
    writeReport(io.stderr, result.diagnostics.map((d) => ({ ...d, file: shown })), report);
    if (report === 'text') {
      const entries = new Set(result.changes.map((c) => c.key)).size;
      io.stderr.write(`latinitsa bib: romanized ${result.changes.length} field${result.changes.length === 1 ? '' : 's'} in ${entries} entr${entries === 1 ? 'y' : 'ies'}\n`);
    }
    return 0;
  },
});
