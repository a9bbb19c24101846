// Public API of src/document: which parts of a document are prose, and where its notes start. Browser-safe.
export { readDocument, editDocument, documentFormatOf, documentFormats, type DocumentEdit, type DocumentFormat, type DocumentSource, type ProseDocument } from './document.ts';
export { readDocxPartsAsync, rewriteDocxAsync, DOCX_LIMITS, type DocxLimits } from './docx-package.ts';
export { readDocxLayout, editDocx, type DocxEdit, type DocxLayout, type DocxNote, type DocxPart, type DocxPartRole } from './docx.ts';
export { notePlaces, plainTextQuotations, plainTextRegions, type DocumentNote, type Region } from './regions.ts';
export { markdownRegions, frontMatterEnd } from './markdown.ts';
export { treeProse, treeRegions, type TreeNode, type TreeSyntax } from './tree.ts';
export { isNotesHeading, readsAsCitation } from './notes.ts';
