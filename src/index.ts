// `latinitsa`: the public API (docs/api.md lists it, with the subpaths that hold the rest:
// latinitsa/schemes, /engine, /reverse, /check, /cite, /io). Browser-safe: nothing here imports
// a Node module (test/boundaries.test.ts).
// `lang: 'auto'` runs the language detector, which the engine leaves to its entry points.
import './engine/detector.ts';
export { LatinitsaError, type ErrorCode, type ErrorDetails } from './errors.ts';

// Romanization: strings, explanations, bytes and streams.
export { romanize, explain, romanizeDetailed, type Segment, type RomanizeResult } from './engine/romanize.ts';
export { romanizeBuffer, createRomanizer, createRomanizeStream, type Romanizer } from './engine/stream.ts';
export type { RomanizeOptions } from './engine/resolve.ts';
export type { CommonOptions } from './engine/compile.ts';

// Schemes.
export { DEFAULT_SCHEME, getScheme, listSchemes, loadScheme, listLanguages, type Scheme, type SchemeInfo, type LoadSchemeOptions } from './schemes/registry.ts';

// Languages: the language of a text, and a scheme for a language.
export { detectLanguage, detectParagraphs, type DetectOptions, type LanguageGuess, type ParagraphLanguage, type WordLanguage } from './detect/index.ts';
export { schemeIdForLanguage } from './engine/lang.ts';
export type { SchemeSource, AllCapsMode, PreReformMode } from './schemes/types.ts';

// Back from Latin, and from one scheme to another.
export {
  deromanize,
  deromanizeDetailed,
  candidates,
  convert,
  convertDetailed,
  createLexicon,
  lexiconFromBytes,
  detectScheme,
  type DeromanizeOptions,
  type DeromanizeResult,
  type WordReading,
  type Candidate,
  type ConvertOptions,
  type ConvertResult,
  type ConvertedWord,
  type Lexicon,
  type CreateLexiconOptions,
  type DetectSchemeOptions,
  type DetectSchemeResult,
  type SchemeFit,
} from './reverse/index.ts';

// Findings in user text, in one shape, and their fixes (docs/diagnostics.md).
export { applyFixes, type Diagnostic, type Fix, type Place, type Point, type Severity } from './diagnostics/index.ts';

// Which parts of a document are prose, and where its notes start (docs/documents.md).
export { readDocument, type DocumentFormat, type DocumentSource, type ProseDocument, type Region } from './document/index.ts';

// The manuscript checker.
export { checkText, checkDocuments, type CheckDiagnostic, type CheckRuleId, type CheckRegion, type CheckDocument, type CheckConfig, type CheckOptions } from './check/index.ts';

// Archival citations and bibliographies.
export {
  parseArchivalReference,
  formatArchivalReference,
  findArchivalReferences,
  checkCitations,
  romanizeBibtex,
  romanizeCsl,
  type ArchivalReference,
  type ArchivalUnit,
  type ArchivalLevel,
  type ArchiveInfo,
  type CitationStyle,
  type FormatArchivalOptions,
  type Leaf,
  type LeafRange,
  type ParsedArchivalReference,
  type VersoStyle,
  type FoundReference,
  type FindCitationsOptions,
  type CheckCitationsOptions,
  type CitationCheck,
  type RomanizeBibOptions,
  type RomanizedBib,
  type BibChange,
  type BibFieldGroup,
} from './cite/index.ts';
