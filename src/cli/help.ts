// The help texts that list schemes and their options (`latinitsa --help`, `--list-schemes`).
import { DEFAULT_SCHEME, listSchemes, type SchemeInfo } from '../schemes/registry.ts';
import { helpOption, kebabCase, type HelpContext, type HelpLayout } from './args.ts';

/**
 * Lines describing the options of one scheme, as flags, in a help's columns (default: the flag at
 * 2, its description at 35, as `--list-schemes` prints them).
 *
 * @example
 * import { schemeOptionLines } from 'latinitsa/cli';
 * schemeOptionLines({ id: 'x', options: { yo: { default: 'yo', values: ['yo', 'e'], description: '' } } })[0]?.split(/\s+/).filter(Boolean);
 * //=> ['--yo', 'yo|e', '(default', 'yo)']
 */
export function schemeOptionLines(scheme: Pick<SchemeInfo, 'id' | 'options'>, layout: HelpLayout = { indent: 2, column: 35 }): string[] {
  return Object.entries(scheme.options).map(([name, o]) => {
    const what = `${o.description ? `${o.description} ` : ''}(default ${o.default})`;
    return helpOption(layout, `--${kebabCase(name)} ${o.values.join('|')}`, what).trimEnd();
  });
}

/** The columns of `latinitsa --help`: flags without a short form at 6, descriptions at 35. */
const ROMANIZE_LAYOUT: HelpLayout = { indent: 6, column: 35 };

/**
 * The text of `latinitsa --help`: usage, options, the options of `scheme`, the commands of the table
 * and examples. Which scheme that is, is not decided here: the romanize command passes the scheme it
 * would romanize with (`--scheme`, `--scheme-file`, `--lang`; docs/cli.md), or why there is none.
 *
 * @param context The command table and the values of the line.
 * @param scheme The scheme whose options are listed, or the error that resolving it met.
 *
 * @example
 * import { helpText } from 'latinitsa/cli';
 * helpText({ name: '', commands: [{ name: 'check', summary: 'Check' }], values: {} }, { id: 'ala-lc', options: {} }).includes('Options of the scheme ala-lc');
 * //=> true
 */
export function helpText(context: HelpContext, scheme: Pick<SchemeInfo, 'id' | 'options'> | { error: string }): string {
  const schemes = listSchemes();
  const commandLines = context.commands.filter((c) => c.name !== 'romanize').map((c) => `  ${c.name.padEnd(14)} ${c.summary}`);
  return [
    'Usage: latinitsa [options] [text…]           romanize the text given as arguments',
    '       latinitsa [options] < in.txt > out.txt romanize stdin to stdout as it streams',
    '       latinitsa [options] -i FILE… [-o OUT | --in-place]',
    '       latinitsa <command> [options]          (latinitsa <command> --help)',
    '',
    'Input and output:',
    '  -i, --input FILE                 read FILE (repeatable; "-" is stdin, as is a text argument "-" alone)',
    '  -o, --output FILE                write to FILE (atomically: temporary file + rename)',
    '      --in-place                   rewrite each input file atomically; permissions and line endings are kept',
    '  -e, --encoding ENC               input encoding: utf-8 (default, strict), windows-1251, koi8-r; output is UTF-8',
    '',
    'Romanization:',
    `  -s, --scheme ID                  scheme (default ${DEFAULT_SCHEME}; known: ${schemes.map((s) => s.id).join(', ')})`,
    '  -l, --lang ID|auto               language of the text: ru (default), uk, be, bg, sr, mk, or auto per paragraph;',
    '                                   with --scheme, the scheme of the same family for it (ala-lc → ala-lc-uk)',
    '      --json                       print {text, diagnostics} (letters written in ISO 9); with --lang auto, languages',
    '      --scheme-file FILE           a scheme of your own (JSON, the format of the built-in ones)',
    '  -O, --option NAME=VALUE          a scheme option (repeatable), e.g. -O signBeforeE=omit',
    '      --all-caps upper|acronym|auto  all-caps words: SHCHUKIN, or acronyms as TsK; auto decides per line',
    '      --pre-reform native|modernize  pre-1918 letters: the scheme\'s own values, or modernised first',
    '  -x, --exceptions FILE            exception lexicon: JSON {"Толстой": "Tolstoy"} or TSV word<TAB>romanization',
    '      --join-line-break-hyphens    treat "Ста-" at a line end and "лин" on the next line as one word',
    '      --repair-homoglyphs          replace Latin look-alikes inside Cyrillic words (OCR output)',
    '',
    ...('error' in scheme
      ? [`Options of the scheme: not known (${scheme.error})`]
      : [`Options of the scheme ${scheme.id} (with --scheme ID, --help lists that scheme's):`, ...(Object.keys(scheme.options).length > 0 ? schemeOptionLines(scheme, ROMANIZE_LAYOUT) : ['  (none)'])]),
    '',
    'Other:',
    '      --list-schemes               list the schemes and their options',
    '      --demo                       romanize a sample text (Russian prose of 1934–35)',
    '  -h, --help                       this help',
    '  -V, --version                    the version',
    ...(commandLines.length > 0 ? ['', 'Commands:', ...commandLines] : []),
    '',
    'Exit status: 0 success, 2 usage or input error (one line on stderr).',
    '',
    'Examples:',
    "  latinitsa 'Сергей Миронович Киров'                    → Sergei Mironovich Kirov",
    "  echo 'ЦК ВКП(б), Щёлково' | latinitsa                  → TsK VKP(b), Shchyolkovo",
    "  latinitsa --scheme ala-lc 'Юрьев'                      → I͡Urʹev",
    "  latinitsa --sign-before-e omit 'Зиновьев'              → Zinovev",
    "  latinitsa --lang uk 'Київ, Згорани, Їжак'              → Kyiv, Zghorany, Yizhak",
    '  latinitsa -e windows-1251 -i catalogue.txt -o catalogue.lat.txt',
    '  latinitsa --in-place -i notes.txt',
    '',
  ].join('\n');
}

/**
 * The text of `latinitsa --list-schemes`: one line per scheme, then its options as flags.
 *
 * @example
 * import { schemesText } from 'latinitsa/cli';
 * import { listSchemes } from 'latinitsa';
 * schemesText().startsWith(listSchemes()[0]!.id);
 * //=> true
 */
export function schemesText(): string {
  return listSchemes()
    .map((s) => {
      const head = `${s.id.padEnd(20)} ${s.name}${s.authority ? ` — ${s.authority}` : ''}${s.edition ? `, ${s.edition}` : ''}`;
      return [head, ...schemeOptionLines(s).map((l) => `  ${l}`)].join('\n');
    })
    .join('\n')
    .concat('\n');
}
