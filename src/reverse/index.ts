// Public API of src/reverse: reverse romanization and conversion between schemes (browser-safe;
// the Node lexicon loader is src/io/lexicon.ts, exported from latinitsa/io).
export { deromanize, deromanizeDetailed, candidates, type DeromanizeOptions, type DeromanizeResult, type WordReading, type Candidate } from './deromanize.ts';
export { createLexicon, LexiconFlag, type Lexicon, type CreateLexiconOptions } from './lexicon.ts';
export { decodeLexicon, encodeLexicon, lexiconFromBytes, type EncodeLexiconOptions, type LexiconHeader } from './lexicon-file.ts';
export { convert, convertDetailed, type ConvertOptions, type ConvertResult, type ConvertedWord } from './convert.ts';
