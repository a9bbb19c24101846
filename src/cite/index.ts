// Public API of src/cite: archival references (spec §5) and bibliographies (Q17). Browser-safe.
export {
  parseArchivalReference,
  formatArchivalReference,
  type ArchivalReference,
  type ArchivalUnit,
  type ArchivalLevel,
  type ArchiveInfo,
  type CitationDiagnostic,
  type CitationStyle,
  type FormatArchivalOptions,
  type Leaf,
  type LeafRange,
  type ParsedArchivalReference,
  type VersoStyle,
} from './archival.ts';
export {
  findArchivalReferences,
  checkCitations,
  type FoundReference,
  type FindCitationsOptions,
  type CheckCitationsOptions,
  type CitationCheck,
  type CitationEdit,
} from './text.ts';
export { romanizeBibtex, romanizeCsl, type RomanizeBibOptions, type RomanizedBib, type BibChange, type BibNote, type BibFieldGroup } from './bib.ts';
