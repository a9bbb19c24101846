// What the page says about schemes, rules, findings and readings, in plain words. What a scheme or
// one of its rules does comes from the scheme data (`summary`); the source is a secondary line.
// Rule ids (`scheme-mismatch`, `R3`) and reason codes are never shown as labels.
import { getScheme, type Diagnostic, type ParagraphLanguage, type Scheme, type Segment } from '../src/index.ts';
import { getLanguage } from '../src/schemes/index.ts';

/** "Source: authority, edition" of a scheme. */
export function sourceLine(scheme: Scheme): string {
  const parts = [scheme.authority, scheme.edition].filter((p) => p !== '');
  return parts.length === 0 ? '' : `Source: ${parts.join(', ')}`;
}

/** What a scheme does, in plain words (its summary, else its description). */
export function schemeSummary(scheme: Scheme): string {
  return scheme.summary !== '' ? scheme.summary : scheme.description;
}

/** The web addresses in a scheme's `source` field (the rest of it is for maintainers). */
export function sourceLinks(scheme: Scheme): string[] {
  return [...new Set(scheme.source.match(/https?:\/\/[^\s;,)]+/g) ?? [])];
}

/** One explained piece of the result: what became of it, why, and where that comes from. */
export interface SegmentWords {
  what: string;
  why: string;
  source: string;
}

/** The rule of the scheme that produced a segment (rules share ids: the letter tells them apart). */
function ruleOf(seg: Segment, scheme: Scheme): Scheme['rules'][number] | undefined {
  return scheme.rules.find((r) => (r.id ?? 'rule') === seg.rule && seg.letter !== undefined && r.match.includes(seg.letter));
}

/**
 * Explains a segment of `explain`'s output in words.
 *
 * @example
 * explainSegment({ input: [0, 1], source: 'ь', output: '', letter: 'ь', rule: 'table' }, getScheme(DEFAULT_SCHEME)).what;
 * //=> 'ь is not written'
 */
export function explainSegment(seg: Segment, scheme: Scheme): SegmentWords {
  const letter = seg.letter ?? seg.source;
  const what = seg.output === '' ? `${seg.source} is not written` : `${seg.source} → ${seg.output}`;
  const read = seg.letter !== undefined && seg.source.toLowerCase() !== seg.letter && seg.rule !== 'exception' ? ` (${seg.source} is first read as ${seg.letter})` : '';
  let why: string;
  if (seg.rule === 'exception') why = 'A whole-word exception from your list.';
  else if (seg.rule === undefined) why = seg.letter === undefined ? 'Not a letter: copied as it is.' : 'This scheme has no value for the letter: copied as it is.';
  else if (seg.rule === 'table') {
    const value = scheme.letters[letter];
    why = value === '' || seg.output === '' ? `This scheme leaves ${letter} out.` : `The scheme's letter table writes ${letter} as ${value ?? seg.output}.`;
  } else why = ruleOf(seg, scheme)?.summary ?? 'A rule of the scheme for this letter in this position.';
  return { what, why: why + read, source: sourceLine(scheme) };
}

/** Plain labels of the checker's findings, by the rule name after the area (`check/scheme-mismatch`). */
const findingLabels: Record<string, string> = {
  'inconsistent-romanization': 'Spelled more than one way',
  'scheme-mismatch': 'Not as the house scheme writes it',
  'mixed-script': 'Cyrillic and Latin letters mixed in one word',
};

/**
 * A finding's label for readers: never its rule id.
 *
 * @example
 * findingLabel('check/scheme-mismatch');
 * //=> 'Not as the house scheme writes it'
 * findingLabel('romanize/unmapped-letter');
 * //=> 'Unmapped letter'
 */
export function findingLabel(ruleId: string): string {
  const name = ruleId.slice(ruleId.lastIndexOf('/') + 1);
  return findingLabels[name] ?? name.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** How sure the checker is of a fix: its `confidence` in words (none given: not rated, so not certain). */
export function confidenceLabel(d: { confidence?: number | undefined }): 'certain' | 'likely' | 'possible' | 'not rated' {
  const c = d.confidence;
  if (c === undefined) return 'not rated';
  return c >= 0.9 ? 'certain' : c >= 0.6 ? 'likely' : 'possible';
}

/** Why the reverse reader left a word as written, by its reason code. */
const keptBecause: Record<string, string> = {
  'not-producible': 'this scheme cannot have written it',
  code: 'it looks like code, a number or an address',
  'mixed-case': 'its capitals are not how a scheme writes a name',
  english: 'it is an English word',
  context: 'the words around it are not romanized Russian',
};

/** A plain reason for a word left as written. */
export function keptReason(reason: string): string {
  return keptBecause[reason] ?? 'it does not look like romanized Russian';
}

/** A language's name ("Ukrainian"), from its language file. */
const nameOf = (lang: string): string => getLanguage(lang).name;

/**
 * The language each paragraph was read in (lang "auto"), one line per paragraph in plain words:
 * the language, how sure, the letters that decided, the scheme used, and the words given another
 * language.
 */
export function languagesReport(paragraphs: readonly (ParagraphLanguage & { scheme: string })[]): string[] {
  const shown = paragraphs.filter((p) => p.letters > 0);
  return shown.map((p, i) => {
    const sure = confidenceLabel(p);
    const why = p.evidence.length === 0 ? 'from its letter pairs' : `from the letters ${p.evidence.join(', ')}`;
    const words = p.words.map((w) => `${w.word} as ${nameOf(w.lang)}`);
    return `Paragraph ${i + 1}: ${nameOf(p.lang)} (${sure === 'possible' ? 'a guess' : sure}, ${why}), written in ${getScheme(p.scheme).name}.${words.length === 0 ? '' : ` Read in another language: ${words.join(', ')}.`}`;
  });
}

/**
 * The letters the scheme has no value for (`romanize/unmapped-letter`), in one plain sentence: how
 * many, which scheme, and what each became.
 */
export function unmappedReport(diagnostics: readonly Diagnostic[]): string {
  const found = diagnostics.filter((d) => d.ruleId === 'romanize/unmapped-letter');
  if (found.length === 0) return '';
  const letters = new Map<string, { count: number; value: string | undefined; scheme: string; fallback: string | undefined }>();
  for (const d of found) {
    const data = d.data as { scheme: string; fallbackScheme?: string };
    const key = `${d.actual ?? ''}\u0000${data.scheme}`;
    const seen = letters.get(key);
    if (seen !== undefined) seen.count++;
    else letters.set(key, { count: 1, value: d.expected?.[0], scheme: data.scheme, fallback: data.fallbackScheme });
  }
  const schemes = [...new Set([...letters.values()].map((l) => l.scheme))].map((id) => getScheme(id).name);
  const fallbacks = [...new Set([...letters.values()].flatMap((l) => (l.fallback === undefined ? [] : [getScheme(l.fallback).name])))];
  const each = [...letters].map(([key, l]) => `${key.split('\u0000')[0]} → ${l.value ?? 'kept as written'}${l.count > 1 ? ` (${l.count} times)` : ''}`);
  const how = fallbacks.length === 0 ? '' : `; ${found.length === 1 ? 'it takes its value' : 'they take their values'} from ${fallbacks.join(' or ')}`;
  return `${found.length} letter${found.length === 1 ? ' has' : 's have'} no value in ${schemes.join(' or ')}${how}: ${each.join(', ')}.`;
}
