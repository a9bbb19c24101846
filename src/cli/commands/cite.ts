import path from 'node:path';
import { checkCitations, type CheckCitationsOptions } from '../../cite/text.ts';
import type { CitationDiagnostic, CitationStyle, VersoStyle } from '../../cite/archival.ts';
import { LatinitsaError } from '../../errors.ts';
import { writeFileAtomic } from '../../io/atomic-write.ts';
import { decodeUtf8 } from '../../io/decode.ts';
import { readFileLimited } from '../../io/files.ts';
import { parseCommandArgs, usageError } from '../args.ts';
import type { CliIO } from '../types.ts';

const HELP = `Usage: latinitsa cite [options] FILE…

Finds archival references (РГАСПИ. Ф. 17. Оп. 3. Д. 703. Л. 1–2 об. / RGASPI, f. 17, op. 3,
d. 703, ll. 1–2ob. / RGASPI 558, 11, 727, 38–57) in text or Markdown files (footnotes included)
and reports malformed and inconsistent ones as FILE:LINE:COLUMN MESSAGE RULE-ID.
Exit 0: no findings; 1: findings; 2: usage or input error.

Options:
  --fix                 rewrite references that have warnings in the document's style (atomic)
  --style STYLE         english | russian | numbers (default: the style most references use)
  --verso-style STYLE   ob-attached (5ob.) | ob-spaced (5 ob.) | v (5v) (default: the most used)
  --archive-names WHICH as-cited (default) | current (TsKhSD → RGANI)
  --scheme ID           scheme for acronyms not in the table (default ala-lc-simplified)
  --format FORMAT       text | markdown (default: by extension, .md/.markdown → markdown)
  --json                findings as JSON
  -h, --help            this help
`;

function usage(message: string): LatinitsaError {
  return usageError('cite', message);
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw usage(`--${name} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

/** Line and column (1-based; columns count UTF-16 code units) of an offset. */
function lineColumn(text: string, offset: number): [number, number] {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return [line, offset - lineStart + 1];
}

/** `latinitsa cite FILE…`: report (and with --fix rewrite) archival references. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('cite', argv, {
    fix: { type: 'boolean' },
    json: { type: 'boolean' },
    style: { type: 'string' },
    'verso-style': { type: 'string' },
    'archive-names': { type: 'string' },
    scheme: { type: 'string', short: 's' },
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    io.stdout.write(HELP);
    return 0;
  }
  if (positionals.length === 0) throw usage('no FILE given');
  const style = oneOf<CitationStyle>('style', values.style, ['english', 'russian', 'numbers']);
  const versoStyle = oneOf<VersoStyle>('verso-style', values['verso-style'], ['ob-attached', 'ob-spaced', 'v']);
  const archiveNames = oneOf<'as-cited' | 'current'>('archive-names', values['archive-names'], ['as-cited', 'current']);
  const format = oneOf<'text' | 'markdown'>('format', values.format, ['text', 'markdown']);
  const findings: Array<{ file: string; line: number; column: number; endLine: number; endColumn: number; rule: string; severity: string; message: string; fixed?: boolean }> = [];
  let remaining = 0;
  let fixedCount = 0;
  for (const file of positionals) {
    const full = path.resolve(io.cwd, file);
    const text = decodeUtf8(await readFileLimited(full), { file });
    const options: CheckCitationsOptions = { format: format ?? (/\.(md|markdown)$/i.test(file) ? 'markdown' : 'text') };
    if (style !== undefined) options.style = style;
    if (versoStyle !== undefined) options.versoStyle = versoStyle;
    if (archiveNames !== undefined) options.archiveNames = archiveNames;
    if (values.scheme !== undefined) options.scheme = values.scheme;
    const check = checkCitations(text, options);
    const fixedRanges = values.fix === true ? check.edits.map((e) => e.range) : [];
    const isFixed = (d: CitationDiagnostic): boolean => fixedRanges.some(([s, e]) => d.range[0] >= s && d.range[1] <= e);
    for (const d of check.diagnostics) {
      const [line, column] = lineColumn(text, d.range[0]);
      const [endLine, endColumn] = lineColumn(text, d.range[1]);
      const fixed = isFixed(d);
      if (!fixed) remaining++;
      findings.push({ file, line, column, endLine, endColumn, rule: d.rule, severity: d.severity, message: d.message, ...(values.fix === true ? { fixed } : {}) });
    }
    if (values.fix === true && check.edits.length > 0) {
      await writeFileAtomic(full, check.fixed);
      fixedCount += check.edits.length;
    }
  }
  if (values.json === true) {
    io.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
  } else {
    for (const f of findings) {
      if (f.fixed === true) continue;
      io.stdout.write(`${f.file}:${f.line}:${f.column} ${f.message} ${f.rule}\n`);
    }
  }
  if (values.fix === true && fixedCount > 0) io.stderr.write(`latinitsa cite: rewrote ${fixedCount} reference${fixedCount === 1 ? '' : 's'}\n`);
  return remaining > 0 ? 1 : 0;
}
