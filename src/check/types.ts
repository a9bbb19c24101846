/** A 1-based line and column (UTF-16 code units) with the 0-based offset. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

/** The rules of the manuscript checker. */
export type CheckRuleId = 'inconsistent-romanization' | 'scheme-mismatch' | 'mixed-script';

/**
 * A finding in user text (aesthetics-anchors "Error and diagnostic shapes"): serialisable, the
 * shape of vfile-message and textlint's RuleError with a fix.
 */
export interface Diagnostic {
  ruleId: CheckRuleId;
  source: 'latinitsa';
  severity: 'error' | 'warning' | 'info';
  /** One sentence. */
  reason: string;
  /** The document it is in (as given to {@link checkDocuments}); absent for a single text. */
  file?: string;
  /** 0-based offsets [start, end) in the document text. */
  range: [number, number];
  place: { start: Point; end: Point };
  actual: string;
  expected: string[];
  /** Why: counts and first places of the spellings. */
  note?: string;
  /** The replacement (textlint FixCommand shape); absent when there is no safe fix. */
  fix?: { range: [number, number]; text: string };
  /** How sure the finding is, 0..1: `certain` from 0.9, `likely` from 0.6, else `possible` (see `confidenceLabel`). */
  confidence?: number;
  /** The fallback key of the spelling, the Cyrillic word of its group, the confidence label, the scheme. */
  data?: { key: string; cyrillic?: string; confidence?: string; scheme?: string };
}

/** A part of a document and what it is: running text or notes/bibliography (spec Q17). */
export interface CheckRegion {
  start: number;
  end: number;
  kind: 'text' | 'notes';
}

/** A document to check: its text and, when only parts are prose (Markdown), those parts. */
export interface CheckDocument {
  text: string;
  /** Parts to check, in order; default: the whole text is running text. */
  regions?: CheckRegion[];
  /** A name reported in the diagnostics. */
  file?: string;
}

/** The project settings of the checker (`.latinitsarc.json`). */
export interface CheckConfig {
  /** House scheme of the running text: spellings it cannot produce are reported. */
  scheme?: string;
  /** Scheme options of the house scheme (e.g. `{ signBeforeE: 'omit' }`). */
  schemeOptions?: Record<string, unknown>;
  /** Scheme of notes and bibliography (spec Q17: e.g. `ala-lc-simplified`); notes are then grouped apart from the text. */
  notesScheme?: string;
  notesSchemeOptions?: Record<string, unknown>;
  /** Forms accepted as written and preferred for their word, read like any spelling (own house forms). */
  allow?: string[];
  /**
   * Conventional English forms and the Russian words they render, beside the built-in list
   * (src/check/data/conventional.json): `{ "Tchaikovsky": "чайковский" }`. A form given here
   * overrides the built-in one.
   */
  conventional?: Record<string, string>;
  /** Use the built-in conventional forms (default true). */
  builtInConventional?: boolean;
  /** Report only findings at least this sure: a number 0..1 or `certain`, `likely`, `possible`. Default: all. */
  minConfidence?: number | 'certain' | 'likely' | 'possible';
  /** Words never checked (case-insensitive): names that are not Russian, fixed forms. */
  ignore?: string[];
}

/** Options of {@link checkText} and {@link checkDocuments}. */
export interface CheckOptions extends CheckConfig {
  /** Extra English words (lower case) that are never romanized Russian; the built-in list is always used. */
  englishWords?: Iterable<string>;
  /**
   * A Russian lexicon (the reverse engine's `Lexicon`, e.g. from `loadLexicon`): the readings it
   * attests are real words and names; without one, only the letter statistics rank readings.
   */
  lexicon?: { lookup(word: string): number; hasPrefix?(prefix: string): boolean };
}
