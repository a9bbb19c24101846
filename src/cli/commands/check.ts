// `latinitsa check`: the manuscript consistency checker on files (docs/check.md).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { checkDocuments } from '../../check/check.ts';
import { confidenceLevels, DEFAULT_MIN_CONFIDENCE, parseConfidence } from '../../check/confidence.ts';
import { parseCheckConfig, type CheckSettingsFile } from '../../check/config.ts';
import type { CheckOptions } from '../../check/types.ts';
import { selectFixes } from '../../diagnostics/fix.ts';
import { editDocument, readDocument, type ProseDocument } from '../../document/document.ts';
import { assertReplaceable } from '../../io/atomic-write.ts';
import { parseJsonFile } from '../../diagnostics/json.ts';
import { decodeUtf8 } from '../../io/decode.ts';
import { ioError } from '../../io/errors.ts';
import { readDocumentFile, writeDocumentFile } from '../../io/documents.ts';
import { readFileLimited } from '../../io/files.ts';
import { defineCommand, parseOptionPairs, type HelpLayout } from '../args.ts';
import { expandFileArguments, MANUSCRIPT_EXTENSIONS } from '../files.ts';
import { inputFormat, inputFormatHelp, inputFormatOption, readManuscript } from '../input.ts';
import { readUserScheme, schemeFromFlags } from '../scheme-file.ts';
import { reportFormat, reportHelp, reportOptions, writeReport } from '../report.ts';

/** The columns of this command's --help: flags without a short form at 6, descriptions at 26. */
const LAYOUT: HelpLayout = { indent: 6, column: 26 };

const HELP = `Usage: latinitsa check [options] FILE|FOLDER|PATTERN…   (- or none: stdin, plain text unless --input-format)

Finds romanized Russian spelt inconsistently in English prose: variants of one word
(Zinoviev / Zinovyev), spellings the house scheme cannot produce, mixed Latin/Cyrillic words.
Formats by extension: .md/.markdown (code and front matter skipped, footnotes are notes), .docx
(line = paragraph), anything else plain text (notes start at a "Notes"/"Bibliography" heading line).

Options:
  -s, --scheme ID         house scheme of the running text (e.g. modified-loc)
      --scheme-file FILE  a house scheme of your own (JSON, the format of the built-in ones, e.g.
                          "extends": "ala-lc-simplified" with the modifications the book declares)
      --notes-scheme ID   scheme of notes and bibliography (e.g. ala-lc-simplified); default: found
                          (notes in the full Library of Congress system beside a simplified text are
                          checked apart, against it); "same": the text's scheme, one group
      --notes-scheme-file FILE  a scheme of your own for notes and bibliography
  -O, --option NAME=VALUE an option of the house scheme (repeatable): a declared modification, e.g.
                          -s ala-lc-simplified -O initial=y -O yo=yo (Yakovlev, Pyotr: latinitsa schemes)
  -l, --lang ID           language of the text (uk, be, bg, sr, mk): the schemes of the same family for it
  -a, --allow WORD        accept a form as written and prefer it for its word (repeatable)
      --ignore WORD       never check this word (repeatable)
      --min-confidence C  report findings at least this sure: certain, likely, possible or 0..1
                          (default likely)
  -c, --config FILE       settings file (default: .latinitsarc.json in the current folder or above)
      --no-lexicon        read without the Russian lexicon (letter statistics only)
      --fix               rewrite the files (atomically), applying the certain fixes only and
                          changing only their spans (in a .docx, only the text of the runs touched)
${inputFormatHelp(LAYOUT)}${reportHelp(LAYOUT, true)}  -h, --help              this help

Exit 0 clean, 1 findings, 2 usage or input error.
`;

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

/** The settings file at `file`, named `name` in messages (as --config gave it; a file found is named by its path). */
async function readConfig(file: string, name = file): Promise<CheckSettingsFile> {
  const text = decodeUtf8(await readFileLimited(file, { maxBytes: 1 << 20, name }), { file: name });
  // A syntax error names the line and column, as in every JSON file a user gives (src/diagnostics/json.ts).
  return parseCheckConfig(parseJsonFile(text, { file: name, code: 'ERR_INVALID_OPTION' }), { file: name });
}

/**
 * The scheme settings of the run: the flags (`--scheme` or `--scheme-file`, each pair at most one)
 * over the settings file's (`scheme` or `schemeFile`, a path relative to that file). A scheme file
 * is read only when it is the one used, so that a flag can stand in for a settings file's broken one.
 */
async function chooseSchemes(config: CheckSettingsFile, configFile: string | undefined, configName: string | undefined, values: Record<string, unknown>, cwd: string): Promise<void> {
  for (const [key, fileKey, flags] of [
    ['scheme', 'schemeFile', ['--scheme', '--scheme-file']],
    ['notesScheme', 'notesSchemeFile', ['--notes-scheme', '--notes-scheme-file']],
  ] as const) {
    const fromFlags = await schemeFromFlags('check', { id: values[flags[0].slice(2)], file: values[flags[1].slice(2)], flags }, cwd);
    const file = config[fileKey];
    delete config[fileKey];
    if (fromFlags !== undefined) config[key] = fromFlags;
    else if (file !== undefined) config[key] = await readUserScheme(file, { base: path.dirname(configFile!), where: `${configName ?? configFile}: "${fileKey}"` });
  }
}

type Loaded = ProseDocument & { file: string };

export const command = defineCommand({
  help: HELP,
  options: {
    scheme: { type: 'string', short: 's' },
    'scheme-file': { type: 'string' },
    'notes-scheme': { type: 'string' },
    'notes-scheme-file': { type: 'string' },
    lang: { type: 'string', short: 'l' },
    option: { type: 'string', short: 'O', multiple: true },
    allow: { type: 'string', short: 'a', multiple: true },
    ignore: { type: 'string', multiple: true },
    config: { type: 'string', short: 'c' },
    'min-confidence': { type: 'string' },
    'no-lexicon': { type: 'boolean' },
    fix: { type: 'boolean' },
    ...inputFormatOption,
    ...reportOptions,
  },
  run: async ({ values, positionals }, io) => {
    const format = reportFormat('check', values);
    const configFile = values.config === undefined ? await findConfig(io.cwd) : path.resolve(io.cwd, values.config);
    const config: CheckSettingsFile = configFile === undefined ? {} : await readConfig(configFile, values.config);
    await chooseSchemes(config, configFile, values.config, values, io.cwd);
    if (values.lang !== undefined) config.lang = values.lang;
    if (values.option !== undefined) config.schemeOptions = { ...config.schemeOptions, ...parseOptionPairs('check', values.option) };
    if (values.allow !== undefined) config.allow = [...(config.allow ?? []), ...values.allow];
    if (values.ignore !== undefined) config.ignore = [...(config.ignore ?? []), ...values.ignore];
    if (values['min-confidence'] !== undefined) config.minConfidence = parseConfidence(values['min-confidence']);

    const manuscriptFormat = inputFormat('check', values['input-format']);
    const documents: Loaded[] = [];
    // Folders and patterns name the manuscripts under them (docs/cli.md); `-` or no name is stdin.
    for (const name of positionals.length === 0 ? ['-'] : await expandFileArguments(positionals, { cwd: io.cwd, extensions: MANUSCRIPT_EXTENSIONS })) {
      documents.push(await readManuscript('check', io, name, { format: manuscriptFormat, fix: values.fix }));
    }
    // Unattended, the command shows the findings worth a person's time: likely and certain ones.
    const options: CheckOptions = { minConfidence: DEFAULT_MIN_CONFIDENCE, ...config };
    if (values['no-lexicon'] !== true) {
      const { loadLexicon, missingLexiconWarning } = await import('../../io/lexicon.ts');
      const lexicon = await loadLexicon();
      if (lexicon === undefined) io.stderr.write(`${missingLexiconWarning()}\n`);
      else options.lexicon = lexicon;
    }
    let diagnostics = checkDocuments(documents, options);

    if (values.fix === true) {
      let fixed = 0;
      let skipped = 0;
      // Only certain fixes are applied unattended; the others are reported for a person to decide.
      const edits = documents.map((doc) => {
        const fixes = selectFixes(diagnostics.filter((d) => d.file === doc.file && d.confidence >= confidenceLevels.certain));
        return fixes.length === 0 ? undefined : editDocument(doc, fixes);
      });
      // Every file to be rewritten is looked at before any is: one that cannot be (read-only, other
      // hard links, a FIFO) stops the run with none of the work's files changed, not some.
      for (const [k, edit] of edits.entries()) {
        const file = documents[k]!.file;
        if (edit !== undefined && edit.applied.length > 0) await assertReplaceable(path.resolve(io.cwd, file), { name: file }).catch((error: unknown) => Promise.reject(ioError('write', file, error)));
      }
      for (const [k, doc] of documents.entries()) {
        const edit = edits[k];
        if (edit === undefined) continue;
        const full = path.resolve(io.cwd, doc.file);
        skipped += edit.skipped.length;
        if (edit.applied.length === 0) continue;
        await writeDocumentFile(full, doc, edit, { file: doc.file });
        fixed += edit.applied.length;
        // A .docx is read again: its layout is that of the new file.
        documents[k] = { file: doc.file, ...(doc.format === 'docx' ? await readDocumentFile(full, { file: doc.file }) : { ...readDocument({ text: edit.text, format: doc.format }), bom: doc.bom }) };
      }
      const unsure = diagnostics.filter((d) => d.fix !== undefined && d.confidence < confidenceLevels.certain).length;
      const left = [
        ...(unsure === 0 ? [] : [`${unsure} less certain fix${unsure === 1 ? '' : 'es'} left for you to decide`]),
        ...(skipped === 0 ? [] : [`${skipped} fix${skipped === 1 ? '' : 'es'} in .docx files not written (across a tab, line break, paragraph end, field or tracked change)`]),
      ];
      io.stderr.write(`latinitsa: fixed ${fixed} place${fixed === 1 ? '' : 's'}${left.map((l) => `; ${l}`).join('')}\n`);
      diagnostics = checkDocuments(documents, options);
    }

    writeReport(io.stdout, diagnostics, format, documents);
    return diagnostics.length > 0 ? 1 : 0;
  },
});
