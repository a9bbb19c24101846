// `romanizeStream` with `lang: 'auto'` runs the language detector, which the engine leaves to its entry points.
import '../engine/detector.ts';
export { writeFileAtomic, openAtomicWriter, assertReplaceable, type WriteFileAtomicOptions, type AtomicWriter } from './atomic-write.ts';
export { decodeUtf8, decodeBytes, encodingHint, guessLegacyEncoding, parseEncoding, type DecodeOptions, type ReaderOptions, type TextEncodingName } from './decode.ts';
export { firstInvalidUtf8, splitBom, utf8BomLength, BOM, UTF8_BOM } from '../engine/utf8.ts';
export { textBlocks, romanizeStream, writeWithBackpressure, type TextBlocksOptions, type RomanizeStreamOptions, type TextSink } from './lines.ts';
export { readLexicon, parseLexicon, readSchemeFile, readFileLimited, type ReadLimitOptions } from './files.ts';
export { ioError, isClosedPipe } from './errors.ts';
export { readDocumentFile, bytesToDocument, writeDocumentFile, type ReadDocumentFileOptions } from './documents.ts';
export { readDocxParts, readDocxParagraphs, rewriteDocx, DOCX_LIMITS, type DocxLimits } from './docx.ts';
export { readZip, readZipEntry, writeZip, replaceZipEntries, type ZipArchive, type ZipBudget, type ZipEntry, type ZipInput } from './zip.ts';
export { loadLexicon, defaultLexiconFile, shippedLexiconFile, missingLexiconWarning, type LoadLexiconOptions, type ShippedLexiconOptions, type MissingLexiconOptions } from './lexicon.ts';
