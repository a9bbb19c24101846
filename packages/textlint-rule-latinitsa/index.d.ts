import type { TextlintRuleModule } from '@textlint/types';

/** Options of the rule: the latinitsa checker's settings. */
export interface LatinitsaRuleOptions {
  scheme?: string;
  notesScheme?: string;
  schemeOptions?: Record<string, unknown>;
  notesSchemeOptions?: Record<string, unknown>;
  allow?: string[];
  ignore?: string[];
}

declare const rule: { linter: TextlintRuleModule<LatinitsaRuleOptions>; fixer: TextlintRuleModule<LatinitsaRuleOptions> };
export default rule;
