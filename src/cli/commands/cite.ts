// `latinitsa cite FILE…`: report (and with --fix rewrite) archival references (docs/citations.md).
import path from 'node:path';
import { checkCitations, type CheckCitationsOptions } from '../../cite/text.ts';
import { CITATION_STYLES, VERSO_STYLES } from '../../cite/format.ts';
import type { CitationStyle, VersoStyle } from '../../cite/types.ts';
import type { Diagnostic } from '../../diagnostics/types.ts';
import { selectFixes } from '../../diagnostics/fix.ts';
import { editDocument, readDocument, type ProseDocument } from '../../document/document.ts';
import { assertReplaceable } from '../../io/atomic-write.ts';
import { readDocumentFile, writeDocumentFile } from '../../io/documents.ts';
import { ioError } from '../../io/errors.ts';
import { defaultSchemeOf } from '../../schemes/registry.ts';
import { defineCommand, oneOf, usageError, type HelpLayout } from '../args.ts';
import { expandFileArguments, MANUSCRIPT_EXTENSIONS } from '../files.ts';
import { inputFormat, inputFormatHelp, inputFormatOption, readManuscript } from '../input.ts';
import { reportFormat, reportHelp, reportOptions, writeReport } from '../report.ts';
import { schemeFromFlags } from '../scheme-file.ts';

/** The columns of this command's --help: every flag at 2, descriptions at 24. */
const LAYOUT: HelpLayout = { indent: 2, column: 24 };

const HELP = (): string => `Usage: latinitsa cite [options] FILE|FOLDER|PATTERN…   (-: stdin, plain text unless --input-format)

Finds archival references (РГАСПИ. Ф. 17. Оп. 3. Д. 703. Л. 1–2 об. / RGASPI, f. 17, op. 3,
d. 703, ll. 1–2ob. / RGASPI 558, 11, 727, 38–57) in text, Markdown (footnotes included, code not)
or .docx files and reports malformed and inconsistent ones.
Exit 0: no findings; 1: findings; 2: usage or input error.

Options:
  --fix                 rewrite references that have warnings in the document's style (atomic);
                        what is left is reported
  --style STYLE         english | russian | numbers (default: the style most references use)
  --verso-style STYLE   ob-attached (5ob.) | ob-spaced (5 ob.) | v (5v) (default: the most used;
                        a tie is reported without a fix)
  --archive-names WHICH as-cited (default) | current (TsKhSD → RGANI)
  -s, --scheme ID       scheme for acronyms not in the table (default ${defaultSchemeOf({ use: 'citation' })})
  --scheme-file FILE    a scheme of your own in its place (JSON, the format of the built-in ones)
${inputFormatHelp(LAYOUT)}${reportHelp(LAYOUT)}  -h, --help            this help
`;

export const command = defineCommand({
  help: HELP,
  options: {
    fix: { type: 'boolean' },
    style: { type: 'string' },
    'verso-style': { type: 'string' },
    'archive-names': { type: 'string' },
    scheme: { type: 'string', short: 's' },
    'scheme-file': { type: 'string' },
    ...inputFormatOption,
    ...reportOptions,
  },
  run: async ({ values, positionals }, io) => {
    const format = reportFormat('cite', values);
    if (positionals.length === 0) throw usageError('cite', 'no FILE given');
    const options: CheckCitationsOptions = {};
    const style = oneOf<CitationStyle>('cite', 'style', values.style, CITATION_STYLES);
    if (style !== undefined) options.style = style;
    const versoStyle = oneOf<VersoStyle>('cite', 'verso-style', values['verso-style'], VERSO_STYLES);
    if (versoStyle !== undefined) options.versoStyle = versoStyle;
    const archiveNames = oneOf('cite', 'archive-names', values['archive-names'], ['as-cited', 'current'] as const);
    if (archiveNames !== undefined) options.archiveNames = archiveNames;
    const scheme = await schemeFromFlags('cite', { id: values.scheme, file: values['scheme-file'] }, io.cwd);
    if (scheme !== undefined) options.scheme = scheme;
    const manuscriptFormat = inputFormat('cite', values['input-format']);
    const diagnostics: Diagnostic[] = [];
    let rewritten = 0;
    // Every file is read and checked first; with --fix, every file to be rewritten is looked at
    // before any is (read-only, other hard links, a FIFO), so that a run that stops leaves none
    // of them changed, not some. A file named twice is read once. Folders and quoted patterns
    // stand for the manuscripts in them, as for `check` (docs/cli.md, "Files, folders and globs").
    const read = [];
    for (const file of await expandFileArguments(positionals, { cwd: io.cwd, extensions: MANUSCRIPT_EXTENSIONS })) {
      const full = path.resolve(io.cwd, file);
      const doc = await readManuscript('cite', io, file, { format: manuscriptFormat, fix: values.fix });
      const check = checkCitations(doc.text, { ...options, regions: doc.regions });
      const count = check.references.filter((r) => r.replacement !== undefined).length;
      read.push({ file: doc.file, full, doc, check, edit: values.fix === true && count > 0 ? editDocument(doc, selectFixes(check.diagnostics)) : undefined });
    }
    for (const { file, full, edit } of read) {
      if (edit !== undefined && edit.applied.length > 0) await assertReplaceable(full, { name: file }).catch((error: unknown) => Promise.reject(ioError('write', file, error)));
    }
    /** Each file as it is when reported: read again after its references are rewritten. */
    const reported: Array<{ file: string } & ProseDocument> = [];
    for (const { file, full, doc, edit, check: first } of read) {
      let check = first;
      let current: ProseDocument = doc;
      if (edit !== undefined) {
        if (edit.applied.length > 0) {
          await writeDocumentFile(full, doc, edit, { file });
          rewritten += edit.applied.length;
          // What is left to report is what the rewritten file still has.
          current = doc.format === 'docx' ? await readDocumentFile(full, { file, format: 'docx' }) : readDocument({ text: edit.text, format: doc.format });
          check = checkCitations(current.text, { ...options, regions: current.regions });
        }
        if (edit.skipped.length > 0) io.stderr.write(`latinitsa cite: ${file}: ${edit.skipped.length} reference${edit.skipped.length === 1 ? '' : 's'} not rewritten (across a tab, line break, paragraph end, field or tracked change)\n`);
      }
      for (const d of check.diagnostics) diagnostics.push({ ...d, file });
      reported.push({ file, ...current });
    }
    if (rewritten > 0) io.stderr.write(`latinitsa cite: rewrote ${rewritten} reference${rewritten === 1 ? '' : 's'}\n`);
    writeReport(io.stdout, diagnostics, format, reported);
    return diagnostics.length > 0 ? 1 : 0;
  },
});
