// Public API of src/reverse: reverse romanization, conversion between schemes and detection of a
// text's scheme (browser-safe; the Node lexicon loader is src/io/lexicon.ts, exported from
// latinitsa/io).
export { deromanize, deromanizeDetailed, candidates, type DeromanizeOptions, type DeromanizeResult, type WordReading, type Candidate } from './deromanize.ts';
export { createLexicon, LexiconFlag, type Lexicon, type CreateLexiconOptions } from './lexicon.ts';
export { decodeLexicon, encodeLexicon, lexiconFromBytes, type EncodeLexiconOptions, type LexiconHeader } from './lexicon-file.ts';
export { convert, convertDetailed, type ConvertOptions, type ConvertResult, type ConvertedWord } from './convert.ts';
export { detectScheme, PLAUSIBLE_MARGIN, type DetectSchemeOptions, type DetectSchemeResult, type SchemeFit } from './detect.ts';
export { createReader, readings, foldRomanized, type Reader, type ReaderScheme, type Reading, type ReadingsOptions } from './readings.ts';
