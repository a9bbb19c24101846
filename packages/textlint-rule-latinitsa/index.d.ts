import type { TextlintRuleModule } from '@textlint/types';

/** Options of the rule: the latinitsa checker's settings. */
export interface LatinitsaRuleOptions {
  scheme?: string;
  notesScheme?: string;
  /** A house scheme of your own: a JSON file in the format of the built-in ones, relative to the textlint configuration's folder (instead of `scheme`). */
  schemeFile?: string;
  /** The same for the notes (instead of `notesScheme`). */
  notesSchemeFile?: string;
  /** The language of the text (`uk`, `be`, `bg`, `sr`, `mk`): the schemes of the same family for it. */
  lang?: string;
  /** The author's conventional forms and the Russian words they render (`{ "Wissotzky": "высоцкий" }`). */
  conventional?: Record<string, string>;
  /** Whether the built-in list of conventional forms is used (default true). */
  builtInConventional?: boolean;
  schemeOptions?: Record<string, unknown>;
  notesSchemeOptions?: Record<string, unknown>;
  allow?: string[];
  ignore?: string[];
  /** Report only findings at least this sure: a number 0..1 or `certain`, `likely`, `possible` (default `likely`). */
  minConfidence?: number | 'certain' | 'likely' | 'possible';
}

declare const rule: { linter: TextlintRuleModule<LatinitsaRuleOptions>; fixer: TextlintRuleModule<LatinitsaRuleOptions> };
export default rule;
