// Public API of src/check: the manuscript consistency checker (issue 6). Browser-safe.
export { checkText, checkDocuments } from './check.ts';
export { applyFixes } from './fix.ts';
export { cyrillicCandidates, skeletonKey, type CyrillicCandidate, type CandidateOptions } from './candidates.ts';
export { parseCheckConfig, regionsOfPlainText } from './config.ts';
export { tokenizeWords, type WordToken, type WordScript, type TokenizeOptions } from '../segment/index.ts';
export type { Diagnostic, Point, CheckRuleId, CheckRegion, CheckDocument, CheckConfig, CheckOptions } from './types.ts';
