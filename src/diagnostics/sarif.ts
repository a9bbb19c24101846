// Diagnostics as a SARIF 2.1.0 log, the format code-scanning services and editors import. Only
// what latinitsa knows is written: the rules, each result's place (lines, UTF-16 columns and
// character offsets) and its fix as a replacement; in a file read out as text (a .docx), whose
// lines and offsets are not the file's, the paragraph in the message instead and no fix.
// docs/diagnostics.md shows an example.
import { notePlaceWords } from './place.ts';
import { listRules, ruleInfo } from './rules.ts';
import type { Diagnostic } from './types.ts';

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** The parts of a SARIF log latinitsa writes (the SARIF 2.1.0 schema has the rest). */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: Array<{
    tool: { driver: { name: string; version?: string; rules: Array<{ id: string; shortDescription: { text: string } }> } };
    columnKind: 'utf16CodeUnits';
    results: SarifResult[];
  }>;
}

/** One result of a SARIF log. */
export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: 'error' | 'warning' | 'note';
  message: { text: string };
  locations?: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: Record<string, number> } }>;
  fixes?: unknown[];
  properties?: Record<string, unknown>;
}

/**
 * Where a finding in a .docx is, as a person finds it in Word: `paragraph 214, column 5` in the
 * body, `footnote 3, paragraph 1, column 5` in a note (its `inNote`); undefined without a place.
 */
export function paragraphPlace(d: Diagnostic): string | undefined {
  if (d.place === undefined) return undefined;
  return d.inNote === undefined ? `paragraph ${d.place.start.line}, column ${d.place.start.column}` : notePlaceWords(d.inNote, d.place.start.column);
}

/** A finding's reason with its paragraph and column, for a report that cannot place it in the file (a .docx). */
export function withParagraph(d: Diagnostic): string {
  const place = paragraphPlace(d);
  return place === undefined ? d.reason : `${d.reason} (${place})`;
}

/** A file name as a relative URI reference (SARIF locates artifacts by URI). */
function uriOf(file: string): string {
  return file.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
}

/**
 * A SARIF 2.1.0 log of one run of latinitsa with these diagnostics.
 *
 * @param diagnostics The findings.
 * @param options `version`: latinitsa's version, for the tool record; `readOut`: files whose
 *   findings are placed in the text read out of them (a .docx), given no region and no fix.
 * @returns The log, ready for `JSON.stringify`.
 * @example
 * import { sarifLog } from 'latinitsa/diagnostics';
 * const log = sarifLog([{ ruleId: 'check/mixed-script', source: 'latinitsa', severity: 'error', reason: 'mixed', file: 'a.md' }]);
 * [log.version, log.runs[0]!.results[0]!.level, log.runs[0]!.results[0]!.locations?.[0]?.physicalLocation.artifactLocation.uri];
 * //=> ['2.1.0', 'error', 'a.md']
 */
export function sarifLog(diagnostics: readonly Diagnostic[], options: { version?: string; readOut?: readonly string[] } = {}): SarifLog {
  const readOut = new Set(options.readOut);
  const rules = listRules();
  for (const d of diagnostics) {
    if (ruleInfo(d.ruleId) === undefined && !rules.some((r) => r.id === d.ruleId)) rules.push({ id: d.ruleId, severity: d.severity, summary: d.ruleId, docs: '' });
  }
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = diagnostics.map((d): SarifResult => {
    const uri = d.file === undefined ? undefined : uriOf(d.file);
    const inText = d.file !== undefined && readOut.has(d.file);
    const region =
      d.place === undefined || inText
        ? undefined
        : {
            startLine: d.place.start.line,
            startColumn: d.place.start.column,
            endLine: d.place.end.line,
            endColumn: d.place.end.column,
            charOffset: d.place.start.offset,
            charLength: d.place.end.offset - d.place.start.offset,
          };
    const properties = Object.fromEntries(
      (['actual', 'expected', 'note', 'confidence', 'data'] as const).filter((k) => d[k] !== undefined).map((k) => [k, d[k]]),
    );
    return {
      ruleId: d.ruleId,
      ruleIndex: index.get(d.ruleId)!,
      level: LEVEL[d.severity],
      message: { text: inText ? withParagraph(d) : d.reason },
      ...(uri === undefined ? {} : { locations: [{ physicalLocation: { artifactLocation: { uri }, ...(region === undefined ? {} : { region }) } }] }),
      ...(d.fix === undefined || uri === undefined || inText
        ? {}
        : {
            fixes: [
              {
                description: { text: `Replace with "${d.fix.text}"` },
                artifactChanges: [
                  {
                    artifactLocation: { uri },
                    replacements: [{ deletedRegion: { charOffset: d.fix.range[0], charLength: d.fix.range[1] - d.fix.range[0] }, insertedContent: { text: d.fix.text } }],
                  },
                ],
              },
            ],
          }),
      ...(Object.keys(properties).length === 0 ? {} : { properties }),
    };
  });
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'latinitsa',
            ...(options.version === undefined ? {} : { version: options.version }),
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.summary },
              defaultConfiguration: { level: LEVEL[r.severity] },
              ...(r.docs === '' ? {} : { properties: { docs: r.docs } }),
            })),
          },
        },
        columnKind: 'utf16CodeUnits' as const,
        results,
      },
    ],
  };
}
