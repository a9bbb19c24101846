// Public API of src/reverse: reverse romanization and conversion between schemes (browser-safe;
// the Node lexicon loader is src/reverse/node-lexicon.ts, not exported here).
export { deromanize, deromanizeDetailed, candidates, type DeromanizeOptions, type DeromanizeResult, type WordReading, type Candidate } from './deromanize.ts';
export { createLexicon, LexiconFlag, type Lexicon, type CreateLexiconOptions } from './lexicon.ts';
export { convert, convertDetailed, type ConvertOptions, type ConvertResult, type ConvertedWord } from './convert.ts';
export { createReader, readings, foldRomanized, type Reader, type ReaderScheme, type Reading, type ReadingsOptions } from './readings.ts';
