// The operations of the page's worker (web/engine.ts), by name: what the page asks of the library
// off the main thread. No DOM here, so the page's unit tests run them in Node.
import { convertDetailed, deromanizeDetailed, detectScheme, explain, romanize, romanizeDetailed, type ConvertResult, type DeromanizeResult, type DetectSchemeResult, type RomanizeOptions, type RomanizeResult, type Segment } from '../src/index.ts';
import { resolveScheme } from '../src/engine/resolve.ts';
import { DEFAULT_LANGUAGE } from '../src/schemes/index.ts';
import { browserLexicon, setPageAddress } from './lexicon-hook.ts';
import { detectionSchemes, schemeValue, useSchemeDefinition } from './own-scheme.ts';

/** Explanations of a text, compact enough to cross to the page at any length. */
export interface Explained {
  /** Handle of the segments kept on the worker's side ({@link Ops.segment}). */
  token: number;
  /** Output offset where each segment starts, and one more: the output's length. */
  starts: Int32Array;
  /** Per segment: 0 not a letter (spaces, punctuation), 1 a letter, 2 a letter written as nothing. */
  kinds: Uint8Array;
  /** The input letters of the segments written as nothing, in order. */
  dropped: string[];
  /** Whether the segments add up to `romanize`'s result (an output profile such as ICAO MRZ rewrites it). */
  matches: boolean;
}

let kept: { token: number; segments: Segment[] } | undefined;
let nextToken = 1;

/**
 * The lexicon of the language a text in this scheme is read in (Russian without one: scheme
 * detection); none when the scheme does not resolve, which the reading itself then reports.
 */
async function lexiconOption(scheme?: RomanizeOptions['scheme']): Promise<{ lexicon?: NonNullable<Awaited<ReturnType<typeof browserLexicon>>> }> {
  let language = DEFAULT_LANGUAGE;
  if (scheme !== undefined) {
    try {
      language = resolveScheme({ scheme }).language.id;
    } catch {
      return {};
    }
  }
  const lexicon = await browserLexicon(language);
  return lexicon === undefined ? {} : { lexicon };
}

/** Options whose scheme is a menu value: the scheme of one's own (web/own-scheme.ts) put in. */
function withScheme(options: RomanizeOptions): RomanizeOptions {
  return typeof options.scheme === 'string' ? { ...options, scheme: schemeValue(options.scheme) } : options;
}

/** The operations, by name; each takes one JSON-like argument. */
export const ops = {
  /** Sent first by the page: its address, for files beside it (web/lexicon-hook.ts). */
  init: (a: { page: string }): true => {
    setPageAddress(a.page);
    return true;
  },
  /** Sent by the page when the reader opens a scheme file: the worker loads the same definition. */
  ownScheme: (a: { definition: unknown; file: string }): true => {
    useSchemeDefinition(a.definition, a.file);
    return true;
  },
  /** The result with its report: the letters the scheme has no value for, the language of each paragraph (lang "auto"). */
  romanizeDetailed: (a: { text: string; options: RomanizeOptions }): RomanizeResult => romanizeDetailed(a.text, withScheme(a.options)),
  explain: (a: { text: string; options: RomanizeOptions }): Explained => {
    const options = withScheme(a.options);
    const segments = explain(a.text, options);
    const starts = new Int32Array(segments.length + 1);
    const kinds = new Uint8Array(segments.length);
    const dropped: string[] = [];
    let at = 0;
    segments.forEach((s, i) => {
      starts[i] = at;
      at += s.output.length;
      kinds[i] = s.letter === undefined ? 0 : s.output === '' ? 2 : 1;
      if (kinds[i] === 2) dropped.push(s.source);
    });
    starts[segments.length] = at;
    kept = { token: nextToken++, segments };
    return { token: kept.token, starts, kinds, dropped, matches: segments.map((s) => s.output).join('') === romanize(a.text, options) };
  },
  /** One segment of the last explained text (undefined when a newer text replaced it). */
  segment: (a: { token: number; index: number }): Segment | undefined => (kept?.token === a.token ? kept.segments[a.index] : undefined),
  /** The text's scheme among the built-in ones and the scheme of one's own, when one is loaded. */
  detect: async (a: { text: string }): Promise<DetectSchemeResult> => {
    const schemes = detectionSchemes((own) => own.scheme);
    return detectScheme(a.text, { ...(schemes === undefined ? {} : { schemes }), ...(await lexiconOption()) });
  },
  // Schemes are menu values (the scheme of one's own put in); with `lexicon`, as the API answers: whether word lists ranked the readings.
  deromanize: async (a: { text: string; scheme: string }): Promise<DeromanizeResult & { lexicon: boolean }> => {
    const option = await lexiconOption(schemeValue(a.scheme));
    return { ...deromanizeDetailed(a.text, { scheme: schemeValue(a.scheme), ...option }), lexicon: option.lexicon !== undefined };
  },
  convert: async (a: { text: string; from: string; to: string }): Promise<ConvertResult & { lexicon: boolean }> => {
    const option = await lexiconOption(schemeValue(a.from));
    return { ...convertDetailed(a.text, { from: schemeValue(a.from), to: schemeValue(a.to), ...option }), lexicon: option.lexicon !== undefined };
  },
};
