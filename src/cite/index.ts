// Public API of src/cite: archival references and bibliographies (docs/citations.md). Browser-safe.
export type { ArchivalReference, ArchivalUnit, ArchivalLevel, ArchiveInfo, CitationStyle, FormatArchivalOptions, Leaf, LeafRange, ParsedArchivalReference, VersoStyle } from './types.ts';
export { parseArchivalReference } from './parse.ts';
export { formatArchivalReference } from './format.ts';
export { findArchivalReferences, checkCitations, type FoundReference, type FindCitationsOptions, type CheckCitationsOptions, type CitationCheck } from './text.ts';
export { romanizeBibtex } from './bibtex.ts';
export { romanizeCsl } from './csl.ts';
export type { RomanizeBibOptions, RomanizedBib, BibChange, BibFieldGroup } from './bib.ts';
