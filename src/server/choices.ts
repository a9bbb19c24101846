// The closed lists of values that fields of the JSON API take, one list a field: the routes read
// each such field with `optionalChoice` (request.ts), which refuses any other value as every bad
// option is refused (422 ERR_INVALID_OPTION, docs/web.md "The API"), and the OpenAPI document
// lists the same values (openapi.ts), so that the two cannot disagree. Where the library keeps the
// list, it is taken from there (style and versoStyle: src/cite/format.ts).
import { CITATION_STYLES, VERSO_STYLES as CITE_VERSO_STYLES } from '../cite/format.ts';
import type { CitationStyle, VersoStyle } from '../cite/types.ts';

/** `format` of POST /api/check. */
export const CHECK_FORMATS = ['text', 'markdown', 'docx'] as const;
/** `format` of POST /api/cite. */
export const CITE_FORMATS = ['text', 'markdown'] as const;
/** `style` of POST /api/cite: the styles the library writes references in (docs/citations.md). */
export const CITE_STYLES: readonly CitationStyle[] = CITATION_STYLES;
/**
 * `versoStyle` of POST /api/cite: the styles the library writes versos in. `checkCitations`
 * refuses another value itself, before it reads the text, so a text with no reference is refused
 * too (src/cite/format.ts `assertCitationStyles`); the route reads the field against this list
 * as it reads every closed field, so that the message names the field and the OpenAPI document
 * lists the values (docs/web.md, "The API").
 */
export const VERSO_STYLES: readonly VersoStyle[] = CITE_VERSO_STYLES;
/** `format` of POST /api/bib. */
export const BIB_FORMATS = ['bibtex', 'csl-json'] as const;
/** `operation`, `output`, `tie` and `normalization` of POST /api/marc (docs/marc.md). */
export const MARC_OPERATIONS = ['romanize', 'check', 'vernacular'] as const;
export const MARC_OUTPUTS = ['json-objects', 'json', 'marcxml', 'iso2709'] as const;
export const MARC_TIES = ['auto', 'breve', 'halves'] as const;
export const MARC_NORMALIZATIONS = ['auto', 'NFC', 'NFD'] as const;
