// The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json.
import { DEFAULT_SCHEME, defaultSchemeOf } from '../schemes/registry.ts';
import { BIB_FORMATS, CHECK_FORMATS, CITE_FORMATS, CITE_STYLES, MARC_NORMALIZATIONS, MARC_OPERATIONS, MARC_OUTPUTS, MARC_TIES, VERSO_STYLES } from './choices.ts';
import type { OperationName } from './operations.ts';

const error = { $ref: '#/components/responses/Error' };

function errors(...codes: number[]): Record<string, unknown> {
  const text: Record<number, string> = {
    400: 'Malformed JSON, a missing field, a field of the wrong type, or a field the route does not take (ERR_UNKNOWN_FIELD, naming it: a misspelt option is an error, never a default).',
    404: 'Unknown scheme id.',
    405: 'Wrong method.',
    413: 'Body or answer over the size limit (or "explain" on more than 100,000 characters).',
    415: 'Body not sent as application/json, declared in a charset other than UTF-8, or compressed (a Content-Encoding other than identity; the answer has Accept-Encoding: identity).',
    422: 'Unknown scheme, option or option value (a field of a closed list with another value, whatever the text holds; for check: a setting with a wrong value); a scheme of one\'s own that cannot be loaded (pointer: where in the body).',
    503: 'Server busy, or the request took longer than the processing-time limit.',
  };
  return Object.fromEntries(codes.map((c) => [String(c), { ...error, description: text[c] }]));
}

const textBody = (props: Record<string, unknown>, required: string[], example: unknown): unknown => ({
  required: true,
  content: { 'application/json': { schema: { type: 'object', properties: props, required }, example } },
});

const text = { type: 'string', description: 'Input text (UTF-8).' };
/** A field that names a scheme: an id, or a scheme of one's own (docs/web.md). */
const schemeField = (description: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ oneOf: [{ type: 'string' }, { $ref: '#/components/schemas/OwnScheme' }], description: `${description} An id (see GET /api/schemes) or a scheme of one's own (OwnScheme).`, ...extra });
const scheme = schemeField('The scheme.', { default: DEFAULT_SCHEME });
const options = {
  type: 'object',
  description: 'Scheme options by name (e.g. {"tie": "halves"}) and common options (allCaps, preReform, repairHomoglyphs, joinLineBreakHyphens, exceptions).',
  additionalProperties: true,
};
const anyResult = { type: 'object', description: 'The library result, as JSON.', additionalProperties: true };
const diagnostics = { type: 'array', items: { $ref: '#/components/schemas/Diagnostic' }, description: 'Findings, in the one diagnostic shape of latinitsa (docs/diagnostics.md).' };
const rankedResult = { ...anyResult, properties: { text: { type: 'string' }, words: { type: 'array' }, diagnostics: { type: 'array', items: { type: 'object' }, description: 'reverse/unchecked-reading when a lossy scheme was read without a lexicon of its language; in convert, also romanize/unmapped-letter.' }, lexicon: { type: 'boolean', description: 'Whether a lexicon of the language the scheme reads (the shipped Russian, Ukrainian or Bulgarian one) ranked the readings.' } } };

function post(op: OperationName, summary: string, props: Record<string, unknown>, required: string[], result: unknown, example: unknown): unknown {
  return {
    post: {
      operationId: op,
      summary,
      requestBody: textBody(props, required, example),
      responses: {
        '200': { description: 'Result.', content: { 'application/json': { schema: result } } },
        ...errors(400, 405, 413, 415, 422, 503),
      },
    },
  };
}

/**
 * The OpenAPI 3.1 document of the API.
 *
 * @example
 * import { openApiDocument } from 'latinitsa/server';
 * (openApiDocument() as { openapi: string }).openapi;
 * //=> '3.1.0'
 */
export function openApiDocument(): unknown {
  return {
    openapi: '3.1.0',
    info: {
      title: 'latinitsa HTTP API',
      version: '0.1.0',
      description: 'Romanize Russian: Cyrillic to Latin and back. JSON in, JSON out. Send POST bodies with Content-Type: application/json.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    paths: {
      '/api/schemes': {
        get: {
          operationId: 'listSchemes',
          summary: 'Every scheme with its options.',
          responses: { '200': { description: 'Schemes.', content: { 'application/json': { schema: { type: 'object', properties: { schemes: { type: 'array', items: { $ref: '#/components/schemas/SchemeInfo' } } } } } } }, ...errors(405) },
        },
      },
      '/api/schemes/{id}': {
        get: {
          operationId: 'getScheme',
          summary: 'One scheme in full: letters, rules with their notes, options, samples.',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'The scheme.', content: { 'application/json': { schema: anyResult } } }, ...errors(405, 422) },
        },
      },
      '/api/romanize': post(
        'romanize',
        'Romanize Cyrillic text; with explain, say which letter and rule produced each piece. Letters the scheme has no value for are written in ISO 9 and listed in diagnostics; with lang "auto", languages gives the language decided for each paragraph.',
        { text, scheme, lang: { type: 'string', description: 'Language of the text (ru, uk, be, bg, sr, mk) or "auto" per paragraph; with scheme, the scheme of the same family for that language.' }, options, explain: { type: 'boolean', default: false, description: 'Segments for each piece; text up to 100,000 characters.' } },
        ['text'],
        {
          type: 'object',
          required: ['output', 'diagnostics'],
          properties: {
            scheme: { type: 'string' },
            lang: { type: 'string' },
            output: { type: 'string' },
            diagnostics: { type: 'array', items: { type: 'object', description: 'romanize/unmapped-letter warnings (ruleId, severity, reason, place, actual, expected).' } },
            languages: { type: 'array', items: { type: 'object', description: 'A paragraph: start, end, lang, confidence, evidence, words, scheme.' } },
            segments: { type: 'array', items: { $ref: '#/components/schemas/Segment' } },
          },
        },
        { text: 'Юрий Зиновьев', scheme: 'ala-lc', options: { tie: 'halves' } },
      ),
      '/api/deromanize': post('deromanize', 'Romanized text back to Cyrillic: for each Latin word whether it was read as Russian, the reading, its certainty and the ranked candidates.', { text, scheme, options: { ...options, description: 'Options of the scheme the text is in.' }, all: { type: 'boolean', default: false, description: 'Convert every word the scheme can produce, even English-looking ones.' } }, ['text'], rankedResult, { text: 'Hello, Zinovʹev, Kubanʹ', scheme: 'ala-lc' }),
      '/api/convert': post(
        'convert',
        'Romanized text from one scheme to another through the Cyrillic readings, with per-word certainty and alternatives.',
        { text, from: schemeField('Scheme of the input.'), to: schemeField('Scheme to write.'), fromOptions: options, toOptions: options, all: { type: 'boolean', default: false } },
        ['text', 'from', 'to'],
        rankedResult,
        { text: 'Yuriy Gagarin', from: 'bgn-pcgn', to: DEFAULT_SCHEME },
      ),
      '/api/detect': post(
        'detect',
        'Which scheme a romanized Russian text is written in: the best scheme, every scheme the text fits about as well, and each scheme\'s score.',
        {
          text,
          schemes: { type: 'array', minItems: 1, items: schemeField('A scheme to choose from.'), description: 'Schemes to choose from, ids or schemes of one\'s own (default: all the built-in ones); a scheme named twice counts once.' },
          maxWords: { type: 'integer', minimum: 1, default: 150, description: 'Distinct words read at most, from the start of the text.' },
        },
        ['text'],
        {
          type: 'object',
          properties: {
            scheme: { type: 'string', description: 'The scheme that reads the text best (absent when the text has no word to read).' },
            plausible: { type: 'array', items: { type: 'string' }, description: 'Every scheme the text fits about as well as the best one.' },
            ranking: { type: 'array', items: { type: 'object', properties: { scheme: { type: 'string' }, score: { type: 'number' }, unwritable: { type: 'integer' } } } },
            words: { type: 'integer', description: 'Distinct words read.' },
            lexicon: { type: 'boolean', description: 'Whether the Russian lexicon ranked the readings.' },
          },
        },
        { text: "Zinov'ev, Iurii, Kuibyshev, Dzerzhinskii" },
      ),
      '/api/check': post(
        'check',
        'Check a manuscript for variant spellings, scheme deviations and mixed-script words; returns diagnostics (place, actual, expected, fix, confidence), read with the Russian lexicon as the command reads, and the text with the certain fixes applied.',
        {
          text: { ...text, description: 'The manuscript (format text or markdown).' },
          format: { enum: CHECK_FORMATS, default: 'text' },
          data: { type: 'string', contentEncoding: 'base64', description: 'The .docx file (format docx); the answer has its text, one paragraph per line, and its regions (the footnotes and endnotes as notes).' },
          file: { type: 'string', description: 'The .docx file\'s name, for messages (format docx).' },
          regions: { type: 'array', items: { $ref: '#/components/schemas/Region' }, description: 'Format text: the prose regions of the text as an earlier answer gave them (a .docx\'s, moved with the edits made since), used instead of reading the text as plain text.' },
          emphasis: { type: 'array', items: { $ref: '#/components/schemas/Span' }, description: 'Format text: the text\'s italic spans as an earlier answer gave them (a .docx\'s, moved with the edits made since): a spelling in a published title in italics is held at possible, as latinitsa check holds it.' },
          notes: { type: 'array', items: { $ref: '#/components/schemas/Note' }, description: 'Format text: a .docx\'s footnotes and endnotes as an earlier answer gave them (moved with the edits made since): a finding in one is placed by the note (inNote).' },
          options: { ...options, description: 'Options of the house scheme (the settings file\'s schemeOptions).' },
          // The settings of .latinitsarc.json (docs/check.md), checked by the same table.
          scheme: schemeField('House scheme of the running text (the command takes one of one\'s own with --scheme-file).'),
          notesScheme: schemeField('Scheme of notes and bibliography; absent: found from the notes (docs/check.md); `same`: the text\'s scheme.'),
          lang: { type: 'string', description: 'Language of the text (uk, be, bg, sr, mk): scheme and notesScheme read as the schemes of their family for it.' },
          notesSchemeOptions: { type: 'object', additionalProperties: true, description: 'Options of the notes scheme.' },
          allow: { type: 'array', items: { type: 'string' }, description: 'Conventional English forms accepted as written (Moscow, Trotsky).' },
          ignore: { type: 'array', items: { type: 'string' }, description: 'Words never checked: no finding of any rule on them.' },
          conventional: { type: 'object', additionalProperties: { type: 'string' }, description: 'Conventional forms and the Russian words they render, e.g. {"Tchaikovsky": "чайковский"}.' },
          builtInConventional: { type: 'boolean', default: true, description: 'Use the built-in list of conventional forms.' },
          minConfidence: { oneOf: [{ type: 'number', minimum: 0, maximum: 1 }, { enum: ['certain', 'likely', 'possible'] }], description: 'Return only findings at least this sure; absent: every finding (the command shows likely and up).' },
        },
        [],
        { type: 'object', properties: { format: { type: 'string' }, text: { type: 'string', description: 'The text the places point into (for a .docx, its paragraphs, one per line).' }, regions: { type: 'array', items: { $ref: '#/components/schemas/Region' }, description: 'The prose regions the text was read with: send them back with the text (format text) to check it again as the same document.' }, emphasis: { type: 'array', items: { $ref: '#/components/schemas/Span' }, description: 'The italic spans the text was read with (a .docx\'s italic runs, Markdown emphasis): send them back with the regions.' }, notes: { type: 'array', items: { $ref: '#/components/schemas/Note' }, description: 'A .docx\'s footnotes and endnotes in the text, each with the number Word shows for it: send them back with the regions.' }, diagnostics, fixed: { type: 'string', description: 'The text with the certain fixes applied (confidence ≥ 0.9), as `latinitsa check --fix` writes it (for a .docx, its paragraphs as in `text`).' }, fixedData: { type: 'string', description: 'For a .docx: the file with the certain fixes applied, in base64, as `latinitsa check --fix` rewrites it (only the text of the runs touched; the file as sent when nothing is fixed).' }, fixedSkipped: { type: 'integer', description: 'For a .docx: certain fixes not written because they cross a tab, line break, paragraph end or field, or touch a tracked change.' }, lexicon: { type: 'boolean', description: 'Whether the Russian lexicon was used, as the command uses it.' } } },
        { text: 'Grigorii Zinoviev met Zinovyev in 1926.', scheme: DEFAULT_SCHEME },
      ),
      '/api/cite': post(
        'cite',
        'Find archival references in a text, report malformed and inconsistent ones, and rewrite them in one style.',
        { text, format: { enum: CITE_FORMATS, default: 'text' }, style: { enum: CITE_STYLES }, versoStyle: { enum: VERSO_STYLES }, scheme: schemeField('Scheme for acronyms not in the table and letters in identifiers.', { default: defaultSchemeOf({ use: 'citation' }) }) },
        ['text'],
        { type: 'object', properties: { references: { type: 'array', description: 'Each reference: range, text, the parsed reference, its diagnostics, and its replacement when rewritten.' }, diagnostics, style: { type: 'string' }, fixed: { type: 'string' } } },
        { text: 'РГАСПИ. Ф. 17. Оп. 3. Д. 703. Л. 1–2 об.', style: 'english' },
      ),
      '/api/bib': post(
        'bib',
        'Romanize the Cyrillic names, titles and publishers of a BibTeX/BibLaTeX or CSL-JSON bibliography, changing nothing else.',
        {
          text: { ...text, description: 'The .bib file or CSL-JSON text.' },
          format: { enum: BIB_FORMATS, description: 'Default: CSL-JSON when the text starts with [ or {, else BibTeX.' },
          scheme: schemeField('Scheme of every field group.', { default: defaultSchemeOf({ use: 'citation' }) }),
          schemes: { type: 'object', description: 'Scheme of a field group, winning over scheme.', properties: { names: schemeField('Authors, editors, translators.'), titles: schemeField('Titles, journal and book titles, series.'), publishers: schemeField('Publishers and places.') } },
          lang: { type: 'string', description: 'Language of the Cyrillic (uk, be, bg, sr, mk): each scheme read as the scheme of its family for it.' },
          keepOriginal: { type: 'boolean', default: false },
        },
        ['text'],
        { type: 'object', properties: { format: { type: 'string' }, output: { type: 'string' }, changes: { type: 'array' }, diagnostics } },
        { text: '@book{lotman,\n  author = {Лотман, Ю. М.},\n  title = {Культура и взрыв},\n  year = 1992\n}', scheme: defaultSchemeOf({ use: 'citation' }) },
      ),
      '/api/marc': post(
        'marc',
        'MARC 21 records (a record or up to 1000): romanize Cyrillic fields into linked 880 pairs, check existing pairs, or propose 880s from romanized fields (docs/marc.md).',
        {
          operation: { enum: MARC_OPERATIONS },
          text: { type: 'string', description: 'The records as MARCXML or MARC-in-JSON (one record, a JSON array, or one record per line).' },
          data: { type: 'string', description: 'The records as ISO 2709 (UTF-8 or MARC-8), in base64. Give text or data.' },
          output: { enum: MARC_OUTPUTS, default: 'json-objects', description: 'Also return the records serialized in this form ("serialized"; ISO 2709 in base64).' },
          scheme: schemeField('Default: by the record\'s language (ALA-LC for Russian).'),
          lang: { type: 'string', description: 'The language of the records\' Cyrillic (uk, be, bg, sr, mk) in place of their 008: the scheme of the same family for it.' },
          options,
          tie: { enum: MARC_TIES, default: 'auto' },
          normalization: { enum: MARC_NORMALIZATIONS, default: 'auto' },
          all: { type: 'boolean', default: false, description: 'vernacular: write every proposal, not only the certain ones.' },
        },
        ['operation'],
        {
          type: 'object',
          properties: {
            records: { type: 'array', description: 'Each record: its number, the record (MARC-in-JSON), how many fields were written, and its fields before and after.' },
            serialized: { type: 'string' },
            diagnostics,
            errors: { type: 'array', description: 'Records that could not be read: number and message; the others are done.' },
            lexicon: { type: 'boolean' },
          },
        },
        {
          operation: 'romanize',
          text: JSON.stringify({ leader: '00000nam a2200000 a 4500', fields: [{ '008': '130329s2013    ru            000 1 rus d' }, { 245: { ind1: '1', ind2: '0', subfields: [{ a: 'Вор, шпион и убийца /' }, { c: 'Юрий Буйда.' }] } }] }),
        },
      ),
    },
    components: {
      schemas: {
        SchemeInfo: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            name: { type: 'string' },
            authority: { type: 'string' },
            edition: { type: 'string' },
            description: { type: 'string' },
            summary: { type: 'string', description: 'What the scheme does, in plain words.' },
            options: { type: 'object', additionalProperties: { type: 'object', properties: { default: { type: 'string' }, values: { type: 'array', items: { type: 'string' } }, description: { type: 'string' } } } },
            builtIn: { type: 'boolean' },
          },
        },
        Segment: {
          type: 'object',
          required: ['input', 'source', 'output'],
          properties: {
            input: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2, description: 'Offsets [start, end) in the NFC-normalised input.' },
            source: { type: 'string' },
            output: { type: 'string' },
            letter: { type: 'string' },
            rule: { type: 'string', description: 'Rule id, "table" for the base table, "exception" for the lexicon.' },
            note: { type: 'string', description: "The scheme's note on that rule or letter." },
          },
        },
        Diagnostic: {
          type: 'object',
          required: ['ruleId', 'source', 'severity', 'reason'],
          properties: {
            ruleId: { type: 'string', description: '<area>/<rule>, e.g. check/scheme-mismatch, cite/plural.' },
            source: { const: 'latinitsa' },
            severity: { enum: ['error', 'warning', 'info'] },
            reason: { type: 'string' },
            file: { type: 'string' },
            place: { type: 'object', properties: { start: { $ref: '#/components/schemas/Point' }, end: { $ref: '#/components/schemas/Point' } } },
            inNote: {
              type: 'object',
              required: ['kind', 'paragraph'],
              description: "In a .docx, a finding in a footnote or endnote: the note (its number as Word shows it, or for a note called with the author's own mark that mark instead of a number) and the paragraph of it, from 1; the column is the place's.",
              properties: { kind: { enum: ['footnote', 'endnote'] }, number: { type: 'integer', minimum: 1 }, mark: { type: 'string', minLength: 1 }, paragraph: { type: 'integer', minimum: 1 } },
              oneOf: [{ required: ['number'] }, { required: ['mark'] }],
            },
            actual: { type: 'string' },
            expected: { type: 'array', items: { type: 'string' } },
            fix: { type: 'object', properties: { range: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 }, text: { type: 'string' } } },
            confidence: { type: 'number', minimum: 0, maximum: 1 },
            note: { type: 'string' },
            url: { type: 'string' },
            data: { type: 'object', additionalProperties: true },
          },
        },
        Region: {
          type: 'object',
          required: ['start', 'end', 'kind'],
          properties: { start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 0 }, kind: { enum: ['text', 'notes'] }, quoted: { const: true, description: 'In a block quotation.' } },
          additionalProperties: false,
        },
        Note: {
          type: 'object',
          required: ['start', 'end', 'kind'],
          description: "A footnote or endnote of a .docx: its span [start, end) of the text and the number Word shows for it, or for a note called with the author's own mark that mark instead of a number.",
          properties: { start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 0 }, kind: { enum: ['footnote', 'endnote'] }, number: { type: 'integer', minimum: 1 }, mark: { type: 'string', minLength: 1 } },
          oneOf: [{ required: ['number'] }, { required: ['mark'] }],
          additionalProperties: false,
        },
        Span: {
          type: 'array',
          description: 'A span [start, end) of the text, offsets in UTF-16 code units, in order and not overlapping.',
          items: { type: 'integer', minimum: 0 },
          minItems: 2,
          maxItems: 2,
        },
        Point: {
          type: 'object',
          properties: { line: { type: 'integer', description: '1-based.' }, column: { type: 'integer', description: '1-based, in UTF-16 code units.' }, offset: { type: 'integer', description: '0-based.' } },
        },
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['status', 'code', 'message'],
              properties: { status: { type: 'integer' }, code: { type: 'string' }, message: { type: 'string' }, pointer: { type: 'string', description: 'Where in the request body the mistake is, as a JSON pointer (/scheme/letters/ж): a scheme of one\'s own that cannot be loaded.' } },
            },
          },
        },
        OwnScheme: {
          type: 'object',
          additionalProperties: true,
          description:
            'A scheme of one\'s own, in the format of the scheme files (docs/scheme-format.md), e.g. {"id": "house", "name": "House style", "extends": "ala-lc-simplified", "letters": {"й": "y"}}: loaded as the commands load --scheme-file (a wrong field is a 422 naming it; an id of a built-in scheme is refused) and kept, compiled, for the same definition sent again. It serves the request that sends it: nothing is registered.',
        },
      },
      responses: {
        Error: { description: 'An error.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    },
  };
}
