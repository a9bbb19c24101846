import { LatinitsaError } from '../errors.ts';
import { notePlaceWords } from './place.ts';
import { sarifLog, withParagraph } from './sarif.ts';
import type { Diagnostic } from './types.ts';

/** The report formats of the CLI's `--format`. */
export const reportFormats = ['text', 'json', 'sarif', 'github'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** Options of {@link formatDiagnostics}. */
export interface FormatDiagnosticsOptions {
  /** Default `'text'`. */
  format?: ReportFormat;
  /** The version written into a SARIF log. */
  version?: string;
  /**
   * Files whose findings are placed in the text read out of them, not in their bytes: a .docx,
   * where line is the paragraph. SARIF gives their results no region and no fix (a tool applying
   * a fix by offset would corrupt the file) and GitHub no line; both name the paragraph and
   * column in the message instead.
   */
  readOut?: readonly string[];
}

/** One line: a reason never spans lines in a line-based format. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/gu, ' ');
}

/**
 * `file:line:column` (or what of it is known; a finding about a record says `record N`), the head
 * of a text-format line. A finding in a .docx's note says where a person finds it in Word,
 * `file:footnote 3, paragraph 1, column 5` (docs/diagnostics.md): its line counts the notes'
 * paragraphs after the body's, a number Word shows nowhere.
 */
function where(d: Diagnostic): string {
  const record = d.data?.['record'];
  const place =
    d.place === undefined ? (typeof record === 'number' ? `record ${record}` : '') : d.inNote !== undefined ? notePlaceWords(d.inNote, d.place.start.column) : `${d.place.start.line}:${d.place.start.column}`;
  return [d.file, place].filter((p) => p !== undefined && p !== '').join(':');
}

/**
 * `file:line:column: severity: reason [rule-id]`, the form compilers use and editors jump to; a
 * finding with a confidence band (the checker's) names it after the rule, `[rule-id, certain]`, so
 * that the reader sees which findings `--fix` applies (the certain ones).
 */
function textLine(d: Diagnostic): string {
  const head = where(d);
  const band = d.data?.['confidence'];
  return `${head === '' ? '' : `${head}: `}${d.severity}: ${oneLine(d.reason)} [${d.ruleId}${typeof band === 'string' ? `, ${band}` : ''}]\n`;
}

// GitHub Actions workflow commands: a message escapes %, CR and LF; a property also : and ,.
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
const githubLevel = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=rule::reason`: an annotation on the pull request. */
function githubLine(d: Diagnostic, readOut: ReadonlySet<string>): string {
  const props: string[] = [];
  if (d.file !== undefined) props.push(`file=${escapeProperty(d.file)}`);
  const inText = d.file !== undefined && readOut.has(d.file);
  if (d.place !== undefined && !inText) {
    const { start, end } = d.place;
    props.push(`line=${start.line}`, `col=${start.column}`, `endLine=${end.line}`, `endColumn=${end.column}`);
  }
  props.push(`title=${escapeProperty(d.ruleId)}`);
  return `::${githubLevel[d.severity]} ${props.join(',')}::${escapeData(inText ? withParagraph(d) : d.reason)}\n`;
}

/**
 * Diagnostics as a report: `text` (one line each, `file:line:column: severity: reason [rule-id]`,
 * with the confidence band after the rule when a finding has one),
 * `json` (the diagnostics as they are), `sarif` (a SARIF 2.1.0 log for code-scanning tools) or
 * `github` (workflow commands that annotate a pull request). docs/diagnostics.md shows each.
 *
 * @param diagnostics The findings, in the order to report them.
 * @param options `format`, `version` for SARIF, and `readOut`: files placed in the text read out of them (a .docx).
 * @returns The report (empty text when there is nothing to say in `text` and `github`).
 * @example
 * import { formatDiagnostics, type Diagnostic } from 'latinitsa/diagnostics';
 * const d: Diagnostic = { ruleId: 'cite/plural', source: 'latinitsa', severity: 'warning', reason: 'plural "ll." used for a single leaf', file: 'notes.txt',
 *   place: { start: { line: 6, column: 40, offset: 120 }, end: { line: 6, column: 43, offset: 123 } } };
 * formatDiagnostics([d]);
 * //=> 'notes.txt:6:40: warning: plural "ll." used for a single leaf [cite/plural]\n'
 * formatDiagnostics([{ ...d, ruleId: 'check/scheme-mismatch', severity: 'error', reason: 'not modified-loc', confidence: 0.62, data: { confidence: 'likely' } }]);
 * //=> 'notes.txt:6:40: error: not modified-loc [check/scheme-mismatch, likely]\n'
 * formatDiagnostics([d], { format: 'github' });
 * //=> '::warning file=notes.txt,line=6,col=40,endLine=6,endColumn=43,title=cite/plural::plural "ll." used for a single leaf\n'
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: FormatDiagnosticsOptions = {}): string {
  const format = options.format ?? 'text';
  switch (format) {
    case 'text':
      return diagnostics.map(textLine).join('');
    case 'github': {
      const readOut = new Set(options.readOut);
      return diagnostics.map((d) => githubLine(d, readOut)).join('');
    }
    case 'json':
      return `${JSON.stringify(diagnostics, null, 2)}\n`;
    case 'sarif': {
      const { version, readOut } = options;
      return `${JSON.stringify(sarifLog(diagnostics, { ...(version === undefined ? {} : { version }), ...(readOut === undefined ? {} : { readOut }) }), null, 2)}\n`;
    }
    default:
      throw new LatinitsaError('ERR_INVALID_OPTION', `unknown report format "${String(format)}" (known: ${reportFormats.join(', ')})`);
  }
}
