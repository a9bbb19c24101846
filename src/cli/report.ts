// The one reporter of the CLI: every command that finds things (check, cite, bib) prints its
// diagnostics here, in the format of `--format text|json|sarif|github` (docs/diagnostics.md).
import { formatDiagnostics, reportFormats, type ReportFormat } from '../diagnostics/format.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import type { ProseDocument } from '../document/document.ts';
import { notePlaces } from '../document/regions.ts';
import { helpOption, oneOf, usageError, type HelpLayout } from './args.ts';
import type { Writable } from 'node:stream';
import { version } from './version.ts';

/** The reporter's options, for a command's option table. */
export const reportOptions = {
  format: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/**
 * The lines of `--help` that describe the reporter's options, in the command's layout. `band`:
 * the command's findings carry a confidence band, printed after the rule (`check`'s only).
 */
export function reportHelp(layout: HelpLayout, band = false): string {
  return (
    helpOption(layout, '--format FORMAT', `how to print findings: text (file:line:column: severity: message [${band ? 'rule, band' : 'rule'}]),`, 'json, sarif (SARIF 2.1.0), github (annotations in GitHub Actions)') +
    helpOption(layout, '--json', 'the same as --format json')
  );
}

/** The chosen report format (`--json` is `--format json`). */
export function reportFormat(command: string, values: { format?: string | undefined; json?: boolean | undefined }): ReportFormat {
  const format = oneOf(command, 'format', values.format, reportFormats);
  if (values.json === true && format !== undefined && format !== 'json') throw usageError(command, `--json and --format ${format} exclude each other`);
  return values.json === true ? 'json' : (format ?? 'text');
}

/**
 * Writes the report of `diagnostics` to `out` (a JSON or SARIF report is written even when empty).
 * `documents`: the files read (as they are when reported, after any fix), so that those read out
 * as text (a .docx) are reported by paragraph, and a finding in a .docx's footnote or endnote by
 * the note and its paragraph (`notePlaces`, docs/diagnostics.md), in every format.
 */
export function writeReport(
  out: Writable,
  diagnostics: readonly Diagnostic[],
  format: ReportFormat,
  documents: ReadonlyArray<{ file: string } & Pick<ProseDocument, 'format' | 'text' | 'notes'>> = [],
): void {
  const readOut = documents.filter((d) => d.format === 'docx').map((d) => d.file);
  const noted = new Map(documents.filter((d) => d.notes !== undefined).map((d) => [d.file, d]));
  const placed = noted.size === 0 ? diagnostics : diagnostics.map((d) => (d.file !== undefined && noted.has(d.file) ? notePlaces([d], noted.get(d.file)!)[0]! : d));
  const text = formatDiagnostics(placed, { format, version: version(), ...(readOut.length === 0 ? {} : { readOut }) });
  if (text !== '') out.write(text);
}
