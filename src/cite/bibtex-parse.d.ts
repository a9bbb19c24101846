// Types for the parts of bibtex-parse 2 (MIT, no own types) that src/cite/bib.ts uses.
declare module 'bibtex-parse' {
  export interface BibtexField {
    name: string;
    value: unknown;
    datatype: string;
    raw: string;
  }
  export type BibtexItem =
    | { itemtype: 'comment'; comment: string }
    | { itemtype: 'string'; name: string; value: unknown; datatype: string; raw?: string; enclosed?: string }
    | { itemtype: 'preamble'; value: unknown; datatype: string; raw?: string; enclosed?: string }
    | { itemtype: 'entry'; type: string; key: string; enclosed: string; fields: BibtexField[]; raw: string };
  const bibtexParse: { parse(input: string, options?: { number?: string }): BibtexItem[] };
  export default bibtexParse;
}
