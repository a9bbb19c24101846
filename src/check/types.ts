import type { Diagnostic, Place } from '../diagnostics/types.ts';
import type { Region } from '../document/regions.ts';

/** The rules of the manuscript checker (docs/diagnostics.md). */
export type CheckRuleId = 'check/inconsistent-romanization' | 'check/scheme-mismatch' | 'check/mixed-script';

/**
 * A finding of the checker: the one diagnostic shape (src/diagnostics), with what the checker
 * always fills in. Its `data` has the word's `key`, and its `cyrillic` reading and `scheme` when known.
 */
export interface CheckDiagnostic extends Diagnostic {
  ruleId: CheckRuleId;
  place: Place;
  actual: string;
  expected: string[];
}

/** A part of a document and what it is: running text, or notes and bibliography (src/document). */
export type CheckRegion = Region;

/** A document to check: its text and, when only parts are prose, those parts (`readDocument` finds them). */
export interface CheckDocument {
  text: string;
  /** Parts to check, in order; default: the whole text is running text. */
  regions?: readonly CheckRegion[];
  /** A name reported in the diagnostics. */
  file?: string;
}

/** The project settings of the checker (`.latinitsarc.json`). */
export interface CheckConfig {
  /** House scheme of the running text: spellings it cannot produce are reported. */
  scheme?: string;
  /** Scheme options of the house scheme (e.g. `{ signBeforeE: 'omit' }`). */
  schemeOptions?: Record<string, unknown>;
  /** Scheme of notes and bibliography (e.g. `ala-lc-simplified`); notes are then grouped apart from the text (docs/check.md). */
  notesScheme?: string;
  notesSchemeOptions?: Record<string, unknown>;
  /** Conventional English forms accepted as written and preferred for their word (Moscow, Trotsky, Tchaikovsky). */
  allow?: string[];
  /** Words never checked (case-insensitive): names that are not Russian, fixed forms. */
  ignore?: string[];
}

/** Options of {@link checkText} and {@link checkDocuments}. */
export interface CheckOptions extends CheckConfig {
  /** Extra English words (lower case) that are never romanized Russian; the built-in list is always used. */
  englishWords?: Iterable<string>;
  /**
   * A Russian lexicon (the reverse engine's `Lexicon`, e.g. from `loadLexicon` of
   * `latinitsa/io`): readings it attests cost less, names more so (Zinoviev is read
   * as the surname зиновьев rather than зиновиев).
   */
  lexicon?: { lookup(word: string): number };
}
