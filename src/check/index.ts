// Public API of src/check: the manuscript consistency checker. Browser-safe.
export { checkText, checkDocuments } from './check.ts';
export { applyFixes } from './fix.ts';
export { fallbackKey } from './fallback.ts';
export { confidenceLabel, parseConfidence, confidenceLevels, type ConfidenceLabel } from './confidence.ts';
export { parseCheckConfig, regionsOfPlainText } from './config.ts';
export { tokenizeWords, type WordToken, type WordScript, type TokenizeOptions } from '../segment/index.ts';
export type { Diagnostic, Point, CheckRuleId, CheckRegion, CheckDocument, CheckConfig, CheckOptions } from './types.ts';
