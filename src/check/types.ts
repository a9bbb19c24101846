import type { Diagnostic, Place } from '../diagnostics/types.ts';
import type { DocumentNote, Region } from '../document/regions.ts';
import type { Scheme } from '../schemes/registry.ts';

/** The rules of the manuscript checker (docs/diagnostics.md). */
export type CheckRuleId = 'check/inconsistent-romanization' | 'check/scheme-mismatch' | 'check/mixed-script';

/**
 * A finding of the checker: the one diagnostic shape (src/diagnostics), with what the checker
 * always fills in. Its `data` has the spelling's fallback `key`, the `cyrillic` word of its group,
 * the `confidence` label and the `scheme` when known.
 */
export interface CheckDiagnostic extends Diagnostic {
  ruleId: CheckRuleId;
  place: Place;
  actual: string;
  expected: string[];
  /** How sure the finding is, 0..1: `certain` from 0.9, `likely` from 0.6, else `possible` (see `confidenceLabel`). */
  confidence: number;
}

/** A part of a document and what it is: running text, or notes and bibliography (src/document). */
export type CheckRegion = Region;

/** A document to check: its text and, when only parts are prose, those parts (`readDocument` finds them). */
export interface CheckDocument {
  text: string;
  /** Parts to check, in order; default: the whole text is running text. */
  regions?: readonly CheckRegion[];
  /**
   * The spans [start, end) of the text set in italics, in order, not overlapping (`readDocument`
   * finds them in a .docx and in Markdown): a title or quotation in them whose other words are
   * English or another Latin-script language keeps its source's spelling (docs/check.md, "Quotations").
   */
  emphasis?: ReadonlyArray<readonly [number, number]>;
  /** A name reported in the diagnostics. */
  file?: string;
  /**
   * A .docx's footnotes and endnotes (`readDocument` finds them): a place in the evidence of a
   * finding that is in one is named by its note (docs/diagnostics.md).
   */
  notes?: readonly DocumentNote[];
}

/** The project settings of the checker (`.latinitsarc.json`). */
export interface CheckConfig {
  /**
   * House scheme of the running text: spellings it cannot produce are reported. An id, or a scheme
   * of one's own from `loadScheme` (in `.latinitsarc.json`: `schemeFile`, docs/check.md "Settings").
   */
  scheme?: string | Scheme;
  /** Scheme options of the house scheme (e.g. `{ signBeforeE: 'omit' }`). */
  schemeOptions?: Record<string, unknown>;
  /**
   * Scheme of notes and bibliography (e.g. `ala-lc-simplified`); notes are then grouped apart from
   * the text. Absent: when the notes follow the full Library of Congress system and the text does
   * not, they are checked apart, against it (docs/check.md); `same`: the text's scheme, one group.
   */
  notesScheme?: string | Scheme;
  notesSchemeOptions?: Record<string, unknown>;
  /**
   * Language of the romanized words (`uk`, `be`, …; default Russian): `scheme` and `notesScheme`
   * are read as the schemes of their family for it, and without `scheme` the language's default
   * is the house scheme (docs/languages.md).
   */
  lang?: string;
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
   * A Russian lexicon (the reverse engine's `Lexicon`, e.g. from `loadLexicon` of `latinitsa/io`):
   * the readings it attests are real words and names; without one, the letter statistics stand in.
   */
  lexicon?: { lookup(word: string): number; hasPrefix?(prefix: string): boolean };
  /**
   * Hold at `possible` the findings the learned score puts below its threshold (default true;
   * docs/check.md "A learned score"). `false` measures the checker without it (the training run).
   */
  learnedScore?: boolean;
}
