// Public API of src/check: the manuscript consistency checker (docs/check.md). Browser-safe.
export { checkText, checkDocuments } from './check.ts';
export { fallbackKey, olderStyle } from './fallback.ts';
export { confidenceLabel, parseConfidence, confidenceLevels, DEFAULT_MIN_CONFIDENCE, type ConfidenceLabel } from './confidence.ts';
export { checkSettingNames, parseCheckConfig } from './config.ts';
export { tokenizeWords, type WordToken, type WordScript, type TokenizeOptions } from '../segment/index.ts';
export type { CheckDiagnostic, CheckRuleId, CheckRegion, CheckDocument, CheckConfig, CheckOptions } from './types.ts';
