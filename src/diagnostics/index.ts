// Public API of src/diagnostics: the one shape of a finding, its place, fixes and reports. Browser-safe.
export type { Diagnostic, Fix, NotePlace, Place, Point, Severity } from './types.ts';
export { lineIndex, type LineIndex } from './place.ts';
export { applyFixes, selectFixes } from './fix.ts';
export { listRules, ruleInfo, type RuleInfo } from './rules.ts';
export { formatDiagnostics, reportFormats, type ReportFormat, type FormatDiagnosticsOptions } from './format.ts';
export { sarifLog, type SarifLog, type SarifResult } from './sarif.ts';
