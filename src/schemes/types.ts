/**
 * The scheme file format (JSON). Built-in schemes and users' schemes use the same format and go
 * through the same validator. The published JSON Schema is `src/schemes/scheme.schema.json`.
 */

/**
 * A context token of a rule: `^` (start of the word), `$` (end of the word), `@name` (a letter
 * class of the scheme's language, e.g. `@vowel`), or a string of letters (any one of them).
 */
export type ContextToken = string;

/** A context rule: a sequence of lower-case letters and what it becomes in a context. */
export interface RuleSource {
  /** Rule label of the standard or specification (`R2`, `A1`, `B1`), used in reference tables and explanations. */
  id?: string;
  /** The lower-case Cyrillic letters the rule matches (one or more). */
  match: string;
  /**
   * The output: a string, or one string per matched letter so that case is assigned per source
   * letter (`"ий" → ["y", ""]`).
   */
  output: string | string[];
  /** The letter before the match must be one of these (`^` = the match starts the word). */
  after?: ContextToken[];
  /** The letter after the match must be one of these (`$` = the match ends the word). */
  before?: ContextToken[];
  /** The letter before the match must not be one of these. */
  notAfter?: ContextToken[];
  /** The letter after the match must not be one of these. */
  notBefore?: ContextToken[];
  /** The rule applies only when every named scheme option has the given value. */
  if?: Record<string, string>;
  /** Which rule of which standard, and why. */
  note?: string;
}

/** What choosing one value of a scheme option changes. */
export interface OptionValueSource {
  description?: string;
  /** Letter values that replace the scheme's. */
  letters?: Record<string, string>;
  /** Letters rewritten to other letters before the rules run (e.g. ё → е). */
  substitute?: Record<string, string>;
  /** Output profile to apply (see {@link ProfileSource}). */
  profile?: string;
}

/** A scheme option with named values. */
export interface OptionSource {
  description?: string;
  default: string;
  values: Record<string, OptionValueSource>;
}

/**
 * An output profile: a final pass over the whole output, for restricted alphabets such as the
 * machine-readable zone of passports (ICAO 9303).
 */
export interface ProfileSource {
  description?: string;
  /** Upper-case the whole output. */
  upperCase?: boolean;
  /** Characters replaced by a string (e.g. space and hyphen → `<`). */
  replace?: Record<string, string>;
  /** After replacement, delete every character not in this string. */
  keepOnly?: string;
}

export type AllCapsMode = 'upper' | 'acronym' | 'auto';
export type PreReformMode = 'native' | 'modernize';

/** The scheme file. */
export interface SchemeSource {
  $schema?: string;
  $comment?: string;
  /** Kebab-case identifier (`modified-loc`). */
  id: string;
  name: string;
  authority?: string;
  edition?: string;
  /** Where the table and rules come from (title, URL, section). */
  source?: string;
  description?: string;
  /** Language data file (`ru`, the default). */
  language?: string;
  /** Other languages the same table serves as it is (ISO 9: every Cyrillic language). */
  languages?: string[];
  /** The system the scheme belongs to across languages (`ala-lc`, `bgn-pcgn`): `lang` picks the family's scheme for that language. */
  family?: string;
  /** Id of a scheme this one modifies: its letters, rules and options are inherited. */
  extends?: string;
  /** The lower-case letter table: Cyrillic letter → Latin value (`""` = omitted). */
  letters?: Record<string, string>;
  /** Notes on letters (which rule of which standard). */
  letterNotes?: Record<string, string>;
  /** Context rules, most specific first; at each position the longest matching rule wins. */
  rules?: RuleSource[];
  /** With `extends`: ids of inherited rules to drop. */
  removeRules?: string[];
  /** Scheme options and their values. */
  options?: Record<string, OptionSource>;
  /** Defaults of the common options (spec §1.9). */
  defaults?: { allCaps?: AllCapsMode; preReform?: PreReformMode };
  /** Case policy details: tie marks that make a pair of Latin letters one unit for capitals. */
  case?: { tieMarks?: string[]; $comment?: string };
  /** Output profiles, selected by an option value. */
  profiles?: Record<string, ProfileSource>;
  /** Every character the scheme may write for a Cyrillic letter, in both cases. */
  alphabet?: string;
  /** Worked examples: [Cyrillic, expected romanization] with default options. */
  samples?: [string, string][];
}

/** Language data: the letters and letter classes that rules refer to. */
export interface LanguageSource {
  $comment?: string;
  id: string;
  name: string;
  /** Unicode script whose letters form words (§1.3). */
  script: string;
  letters: string;
  oldLetters: string;
  classes: Record<string, string>;
  modernize: Record<string, string>;
  homoglyphs: Record<string, string>;
  /** The scheme used when the caller names none (docs/languages.md). */
  defaultScheme?: string;
  /** The scheme whose value a letter gets when the chosen scheme has none, with a diagnostic (docs/languages.md). */
  fallbackScheme?: string;
  /** Apostrophe characters that, between two letters, belong to the word and are read as the letter ʼ (U+02BC). */
  apostrophes?: string;
}
