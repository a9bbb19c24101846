// `latinitsa check`: the manuscript consistency checker on files (issue 6).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { applyFixes } from '../../check/fix.ts';
import { checkDocuments } from '../../check/check.ts';
import { parseCheckConfig, regionsOfPlainText } from '../../check/config.ts';
import type { CheckConfig, CheckDocument, CheckOptions, Diagnostic } from '../../check/types.ts';
import { schemeIdForLanguage } from '../../engine/lang.ts';
import { LatinitsaError } from '../../errors.ts';
import { writeFileAtomic } from '../../io/atomic-write.ts';
import { decodeUtf8 } from '../../io/decode.ts';
import { docxToParagraphText } from '../../io/docx.ts';
import { ioError, readFileLimited } from '../../io/files.ts';
import { markdownRegions } from '../../io/markdown.ts';
import { parseCommandArgs } from '../args.ts';
import type { CliIO } from '../types.ts';

const HELP = `Usage: latinitsa check [options] FILE…   (stdin as plain text without FILE)

Finds romanized Russian spelt inconsistently in English prose: variants of one word
(Zinoviev / Zinovyev), spellings the house scheme cannot produce, mixed Latin/Cyrillic words.
Formats by extension: .md/.markdown (code skipped, footnotes are notes), .docx (line = paragraph),
anything else plain text (notes start at a "Notes"/"Bibliography" heading line).

Options:
  -s, --scheme ID         house scheme of the running text (e.g. modified-loc)
      --notes-scheme ID   scheme of notes and bibliography (e.g. ala-lc-simplified, spec Q17)
  -l, --lang ID           language of the text (uk, be, bg, sr, mk): the schemes of the same family for it
  -a, --allow WORD        accept a conventional English form (repeatable): Tchaikovsky
      --ignore WORD       never check this word (repeatable)
  -c, --config FILE       settings file (default: .latinitsarc.json in the current folder or above)
      --lexicon           prefer readings the Russian lexicon attests (src/reverse; built on first use)
      --json              print the diagnostics as JSON
      --fix               rewrite plain-text and Markdown files (atomically), changing only flagged spans
  -h, --help              this help

Output: file:line:column  message  rule-id. Exit 0 clean, 1 findings, 2 usage or input error.
`;

type Format = 'markdown' | 'docx' | 'text';

function formatOf(file: string): Format {
  const ext = path.extname(file).toLowerCase();
  return ext === '.md' || ext === '.markdown' || ext === '.mdx' ? 'markdown' : ext === '.docx' ? 'docx' : 'text';
}

async function findConfig(cwd: string): Promise<string | undefined> {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, '.latinitsarc.json');
    try {
      await fs.access(candidate);
      return candidate;
    } catch {
      if (path.dirname(dir) === dir) return undefined;
    }
  }
}

async function readConfig(file: string): Promise<CheckConfig> {
  const text = decodeUtf8(await readFileLimited(file, { maxBytes: 1 << 20 }), { file });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new LatinitsaError('ERR_INVALID_OPTION', `${file}: not JSON (${(error as Error).message})`, { file });
  }
  return parseCheckConfig(data, { file });
}

interface Loaded extends CheckDocument {
  file: string;
  format: Format;
  bom: boolean;
}

async function load(file: string, display: string): Promise<Loaded> {
  const bytes = await readFileLimited(file, { maxBytes: 256 * 1024 * 1024 });
  const format = formatOf(file);
  if (format === 'docx') {
    const text = await docxToParagraphText(bytes, { file: display });
    return { file: display, text, format, bom: false, regions: regionsOfPlainText(text) };
  }
  const text = decodeUtf8(bytes, { file: display });
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { file: display, text, format, bom, regions: format === 'markdown' ? markdownRegions(text) : regionsOfPlainText(text) };
}

function line(d: Diagnostic): string {
  return `${d.file ?? '<stdin>'}:${d.place.start.line}:${d.place.start.column}  ${d.reason}  ${d.ruleId}\n`;
}

/** Runs `latinitsa check`. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('check', argv, {
    scheme: { type: 'string', short: 's' },
    'notes-scheme': { type: 'string' },
    lang: { type: 'string', short: 'l' },
    allow: { type: 'string', short: 'a', multiple: true },
    ignore: { type: 'string', multiple: true },
    config: { type: 'string', short: 'c' },
    json: { type: 'boolean' },
    lexicon: { type: 'boolean' },
    fix: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    io.stdout.write(HELP);
    return 0;
  }
  const configFile = values.config === undefined ? await findConfig(io.cwd) : path.resolve(io.cwd, values.config);
  const config: CheckConfig = configFile === undefined ? {} : await readConfig(configFile);
  if (values.scheme !== undefined) config.scheme = values.scheme;
  if (values['notes-scheme'] !== undefined) config.notesScheme = values['notes-scheme'];
  // --lang: the schemes of the same family for that language (docs/languages.md).
  if (values.lang !== undefined) {
    config.scheme = schemeIdForLanguage(config.scheme, values.lang);
    if (config.notesScheme !== undefined) config.notesScheme = schemeIdForLanguage(config.notesScheme, values.lang);
  }
  if (values.allow !== undefined) config.allow = [...(config.allow ?? []), ...values.allow];
  if (values.ignore !== undefined) config.ignore = [...(config.ignore ?? []), ...values.ignore];

  const documents: Loaded[] = [];
  if (positionals.length === 0) {
    if (values.fix === true) throw new LatinitsaError('ERR_USAGE', 'check: --fix needs files (stdin cannot be rewritten)');
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
    const text = decodeUtf8(Buffer.concat(chunks), { file: '<stdin>' });
    documents.push({ file: '<stdin>', text, format: 'text', bom: false, regions: regionsOfPlainText(text) });
  }
  for (const name of positionals) {
    try {
      documents.push(await load(path.resolve(io.cwd, name), name));
    } catch (error) {
      throw ioError('read', name, error);
    }
  }
  const options: CheckOptions = { ...config };
  if (values.lexicon === true) {
    const { loadLexicon } = await import('../../reverse/node-lexicon.ts');
    const lexicon = await loadLexicon();
    if (lexicon === undefined) io.stderr.write('latinitsa: no Russian lexicon could be loaded or built; checking without it\n');
    else options.lexicon = lexicon;
  }
  let diagnostics = checkDocuments(documents, options);

  if (values.fix === true) {
    let fixed = 0;
    for (const doc of documents) {
      const mine = diagnostics.filter((d) => d.file === doc.file && d.fix !== undefined);
      if (mine.length === 0) continue;
      if (doc.format === 'docx') {
        io.stderr.write(`latinitsa: ${doc.file}: .docx files are reported, not rewritten\n`);
        continue;
      }
      const text = applyFixes(doc.text, mine);
      const target = path.resolve(io.cwd, doc.file);
      try {
        await writeFileAtomic(target, (doc.bom ? '\uFEFF' : '') + text);
      } catch (error) {
        throw ioError('write', doc.file, error);
      }
      fixed += mine.length;
      doc.text = text;
      doc.regions = doc.format === 'markdown' ? markdownRegions(text) : regionsOfPlainText(text);
    }
    io.stderr.write(`latinitsa: fixed ${fixed} place${fixed === 1 ? '' : 's'}\n`);
    diagnostics = checkDocuments(documents, options);
  }

  if (values.json === true) io.stdout.write(JSON.stringify(diagnostics, null, 2) + '\n');
  else for (const d of diagnostics) io.stdout.write(line(d));
  return diagnostics.length > 0 ? 1 : 0;
}
