export { writeFileAtomic, openAtomicWriter, type WriteFileAtomicOptions, type AtomicWriter } from './atomic-write.ts';
export { decodeUtf8, decodeBytes, firstInvalidUtf8, guessLegacyEncoding, parseEncoding, type DecodeOptions, type TextEncodingName } from './decode.ts';
export { textBlocks, romanizeStream, writeWithBackpressure, type TextBlocksOptions, type RomanizeStreamOptions, type TextSink } from './lines.ts';
export { readLexicon, parseLexicon, readSchemeFile, readFileLimited, ioError, type ReadLimitOptions } from './files.ts';
export { markdownRegions } from './markdown.ts';
export { docxToParagraphText } from './docx.ts';
export { loadLexicon, defaultLexiconFile, missingLexiconWarning, type LoadLexiconOptions } from './lexicon.ts';
