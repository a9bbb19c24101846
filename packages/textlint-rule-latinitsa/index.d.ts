import type { TextlintRuleModule } from '@textlint/types';

/** Options of the rule: the latinitsa checker's settings. */
export interface LatinitsaRuleOptions {
  scheme?: string;
  notesScheme?: string;
  schemeOptions?: Record<string, unknown>;
  notesSchemeOptions?: Record<string, unknown>;
  allow?: string[];
  ignore?: string[];
  /** Report only findings at least this sure: a number 0..1 or `certain`, `likely`, `possible` (default `likely`). */
  minConfidence?: number | 'certain' | 'likely' | 'possible';
}

declare const rule: { linter: TextlintRuleModule<LatinitsaRuleOptions>; fixer: TextlintRuleModule<LatinitsaRuleOptions> };
export default rule;
