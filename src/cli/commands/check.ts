// `latinitsa check`: the manuscript consistency checker on files (docs/check.md).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { applyFixes } from '../../check/fix.ts';
import { checkDocuments } from '../../check/check.ts';
import { parseCheckConfig, regionsOfPlainText } from '../../check/config.ts';
import { confidenceLabel, confidenceLevels, parseConfidence } from '../../check/confidence.ts';
import type { CheckConfig, CheckDocument, CheckOptions, Diagnostic } from '../../check/types.ts';
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
      --notes-scheme ID   scheme of notes and bibliography (e.g. ala-lc-simplified)
  -a, --allow WORD        accept a form as written and prefer it for its word (repeatable)
      --ignore WORD       never check this word (repeatable)
      --min-confidence C  report findings at least this sure: certain, likely, possible or 0..1
                          (default likely)
  -c, --config FILE       settings file (default: .latinitsarc.json in the current folder or above)
      --no-lexicon        read without the Russian lexicon (letter statistics only)
      --json              print the diagnostics as JSON
      --fix               rewrite plain-text and Markdown files (atomically), applying the certain
                          fixes only and changing only their spans
  -h, --help              this help

Output: file:line:column  message  rule-id  confidence. Exit 0 clean, 1 findings, 2 usage or input error.
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
  return `${d.file ?? '<stdin>'}:${d.place.start.line}:${d.place.start.column}  ${d.reason}  ${d.ruleId}  ${confidenceLabel(d.confidence ?? 1)}\n`;
}

/** Runs `latinitsa check`. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('check', argv, {
    scheme: { type: 'string', short: 's' },
    'notes-scheme': { type: 'string' },
    allow: { type: 'string', short: 'a', multiple: true },
    'min-confidence': { type: 'string' },
    'no-lexicon': { type: 'boolean' },
    ignore: { type: 'string', multiple: true },
    config: { type: 'string', short: 'c' },
    json: { type: 'boolean' },
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
  if (values.allow !== undefined) config.allow = [...(config.allow ?? []), ...values.allow];
  if (values.ignore !== undefined) config.ignore = [...(config.ignore ?? []), ...values.ignore];
  if (values['min-confidence'] !== undefined) config.minConfidence = parseConfidence(values['min-confidence']);

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
  // Unattended, the command shows the findings worth a person's time: likely and certain ones.
  const options: CheckOptions = { minConfidence: 'likely', ...config };
  if (values['no-lexicon'] !== true) {
    const { loadLexicon } = await import('../../reverse/node-lexicon.ts');
    const lexicon = await loadLexicon();
    if (lexicon === undefined) io.stderr.write('latinitsa: no Russian lexicon could be loaded or built; checking without it\n');
    else options.lexicon = lexicon;
  }
  let diagnostics = checkDocuments(documents, options);

  if (values.fix === true) {
    let fixed = 0;
    for (const doc of documents) {
      // Only certain fixes are applied unattended; the others are reported for a person to decide.
      const mine = diagnostics.filter((d) => d.file === doc.file && d.fix !== undefined && (d.confidence ?? 1) >= confidenceLevels.certain);
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
    const unsure = diagnostics.filter((d) => d.fix !== undefined && (d.confidence ?? 1) < confidenceLevels.certain).length;
    io.stderr.write(`latinitsa: fixed ${fixed} place${fixed === 1 ? '' : 's'}${unsure === 0 ? '' : `; ${unsure} less certain fix${unsure === 1 ? '' : 'es'} left for you to decide`}\n`);
    diagnostics = checkDocuments(documents, options);
  }

  if (values.json === true) io.stdout.write(JSON.stringify(diagnostics, null, 2) + '\n');
  else for (const d of diagnostics) io.stdout.write(line(d));
  return diagnostics.length > 0 ? 1 : 0;
}
