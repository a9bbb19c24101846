// Public API of latinitsa/marc: MARC 21 records read and written (ISO 2709, MARCXML,
// MARC-in-JSON, MARC-8 input), romanized with linked 880 fields, checked, and given vernacular
// fields back. Browser-safe: streams are async iterables of bytes.
export type { MarcRecord, MarcField, MarcDataField, MarcControlField, MarcSubfield, MarcFormat, MarcDiagnostic } from './types.ts';
export { isDataField } from './types.ts';
export { Iso2709Splitter, parseIso2709, serializeIso2709, type ParseIso2709Options } from './iso2709.ts';
export { decodeMarc8, type DecodeMarc8Options } from './marc8.ts';
export { MarcXmlParser, recordToMarcXml } from './marcxml.ts';
export { recordFromJson, recordToJson } from './json.ts';
export { readRecords, marcWriter, sniffMarcFormat, type ReadRecordsOptions, type MarcReadItem, type MarcWriter } from './stream.ts';
export { parseLinkage, formatLinkage, pairFields, type Linkage, type LinkedPair, type Pairing } from './linkage.ts';
export { fieldRule, type FieldRule } from './fields.ts';
export { romanizeRecord, checkRecord, vernacularRecord, type MarcSchemeOptions, type CheckRecordOptions, type VernacularRecordOptions, type RecordResult } from './parallel.ts';
export { marcBatch, fieldRows, type MarcBatchInput, type MarcBatchResult, type MarcBatchOptions, type FieldRow } from './batch.ts';
