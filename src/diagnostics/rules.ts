import table from './rules.json' with { type: 'json' };
import type { Severity } from './types.ts';

/** What latinitsa says about one of its rules (from `rules.json`). */
export interface RuleInfo {
  id: string;
  severity: Severity;
  summary: string;
  /** The page that explains it: `docs/…`. */
  docs: string;
}

const rules = table.rules as Record<string, Omit<RuleInfo, 'id'>>;

/**
 * Every rule latinitsa reports, in the order of `src/diagnostics/rules.json`.
 *
 * @example
 * import { listRules } from 'latinitsa/diagnostics';
 * listRules().find((r) => r.id === 'cite/plural')?.docs;
 * //=> 'docs/citations.md'
 */
export function listRules(): RuleInfo[] {
  return Object.entries(rules).map(([id, rule]) => ({ id, ...rule }));
}

/**
 * One rule by id, or `undefined` for an id latinitsa does not know.
 *
 * @example
 * import { ruleInfo } from 'latinitsa/diagnostics';
 * ruleInfo('check/mixed-script')?.severity;
 * //=> 'error'
 */
export function ruleInfo(id: string): RuleInfo | undefined {
  const rule = Object.hasOwn(rules, id) ? rules[id] : undefined;
  return rule === undefined ? undefined : { id, ...rule };
}
