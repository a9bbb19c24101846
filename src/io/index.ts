export { writeFileAtomic, openAtomicWriter, type WriteFileAtomicOptions, type AtomicWriter } from './atomic-write.ts';
export { decodeUtf8, decodeBytes, guessLegacyEncoding, parseEncoding, type DecodeOptions, type TextEncodingName } from './decode.ts';
export { firstInvalidUtf8, splitBom, utf8BomLength, BOM, UTF8_BOM } from '../engine/utf8.ts';
export { textBlocks, romanizeStream, writeWithBackpressure, type TextBlocksOptions, type RomanizeStreamOptions, type TextSink } from './lines.ts';
export { readLexicon, parseLexicon, readSchemeFile, readFileLimited, type ReadLimitOptions } from './files.ts';
export { ioError } from './errors.ts';
export { readDocumentFile, bytesToDocument, writeDocumentFile, type ReadDocumentFileOptions } from './documents.ts';
export { readDocxParagraphs } from './docx.ts';
export { loadLexicon, defaultLexiconFile, missingLexiconWarning, type LoadLexiconOptions } from './lexicon.ts';
