// The one shape of a finding in user text, whatever found it (checker, citations, bibliographies,
// MARC records): the shape of vfile-message, so that editors, textlint and SARIF viewers read it
// without translation. docs/diagnostics.md describes it and lists the rule ids.

/** How serious a finding is: `error` (wrong), `warning` (inconsistent but readable), `info` (a note). */
export type Severity = 'error' | 'warning' | 'info';

/** A position in a text: 1-based line and column (columns count UTF-16 code units), 0-based offset. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

/** Where a finding is: from `start` to just after its last character. */
export interface Place {
  start: Point;
  end: Point;
}

/**
 * Where a finding is in a .docx's notes: `footnote` 3, its `paragraph` 1. A note has `number` or,
 * when the text calls it with the author's own mark (an asterisk), `mark` instead: Word shows no
 * number for it (docs/diagnostics.md, docs/documents.md "Places in notes").
 */
export interface NotePlace {
  kind: 'footnote' | 'endnote';
  /** The note's number, as Word shows it (in Arabic numerals); absent for a note with a `mark`. */
  number?: number;
  /** The author's own mark the text calls the note with (`*`), for a note that has no number. */
  mark?: string;
  /** The paragraph of the note, from 1. */
  paragraph: number;
}

/** A replacement that resolves a finding: `text` instead of the text at offsets [start, end). */
export interface Fix {
  range: [number, number];
  text: string;
}

/** A finding in user text. Serialisable as JSON; the CLI, the HTTP API and the page show the same object. */
export interface Diagnostic {
  /** `<area>/<rule>` in kebab case: `check/scheme-mismatch`, `cite/plural`, `bib/cyrillic-macro`. */
  ruleId: string;
  source: 'latinitsa';
  severity: Severity;
  /** One plain-English sentence. */
  reason: string;
  /** The document it is in, as the caller named it. */
  file?: string;
  /** Present for findings in text. */
  place?: Place;
  /**
   * In a .docx, for a finding in a footnote or endnote: which note and which of its paragraphs
   * (from 1), as a person finds the place in Word; the column is `place`'s. `place.start.line`
   * still counts the notes' paragraphs after the body's (docs/diagnostics.md).
   */
  inNote?: NotePlace;
  /** The text as written. */
  actual?: string;
  /** What is expected instead, best first. */
  expected?: string[];
  /** Absent when there is no safe fix. */
  fix?: Fix;
  /** 0..1: 0.9 and above is certain, 0.6 and above likely, less is possible. */
  confidence?: number;
  /** Why: counts, first places, the evidence. */
  note?: string;
  /** A page of the documentation (`docs/…`). */
  url?: string;
  /** Details for programs, e.g. `{ key, field }` of a bibliography entry. */
  data?: Record<string, unknown>;
}
