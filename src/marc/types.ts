// The MARC 21 record model of src/marc and the shape of its findings (browser-safe).
import type { Diagnostic } from '../diagnostics/types.ts';

/** A subfield: its one-character code and its value. */
export interface MarcSubfield {
  code: string;
  value: string;
}

/** A control field (tags 001–009): a tag and a value, no indicators or subfields. */
export interface MarcControlField {
  tag: string;
  value: string;
}

/** A data field: tag, two indicators (a space when blank) and subfields in order. */
export interface MarcDataField {
  tag: string;
  ind1: string;
  ind2: string;
  subfields: MarcSubfield[];
}

export type MarcField = MarcControlField | MarcDataField;

/**
 * A MARC 21 record: the 24-character leader and the fields in record order. Text is always
 * Unicode here; the leader's position 09 says `a` once a record has been read (a MARC-8 record is
 * converted on reading).
 */
export interface MarcRecord {
  leader: string;
  fields: MarcField[];
}

/** The serialisations src/marc reads and writes. */
export type MarcFormat = 'iso2709' | 'marcxml' | 'json';

/** Whether a field is a data field (has subfields). */
export function isDataField(field: MarcField): field is MarcDataField {
  return 'subfields' in field;
}

/**
 * One finding about a record: the project's one diagnostic shape (src/diagnostics), with no place
 * in text but `data.record`, the 1-based record number, and where known `data.tag`,
 * `data.occurrence` (the $6 occurrence number) and `data.subfield`.
 */
export interface MarcDiagnostic extends Diagnostic {
  data: {
    record: number;
    tag?: string;
    occurrence?: string;
    subfield?: string;
    [key: string]: unknown;
  };
}
