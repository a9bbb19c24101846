// Where the page gets Russian word lists for ranking reverse readings and detecting a text's
// scheme when it runs without the latinitsa server. The lexicon work of the project is to provide
// a browser-safe decoder and a lazily loaded asset beside the page; until it lands, the page ranks
// by letter statistics alone (and says so). Wire it in `browserLexicon`: fetch the asset once from
// `besidePage('<file>')`, decode it into a `Lexicon`, and return it — reverse, convert and scheme
// detection in web/engine.ts pass it on. It runs in the page's worker, so a large asset does not
// block typing; opened from disk (file:) there is nothing to fetch.
import type { Lexicon } from '../src/index.ts';

let loading: Promise<Lexicon | undefined> | undefined;
let pageAddress: string | undefined;

/** Tells the worker the page's address (its own is a blob: URL, useless for relative fetches). */
export function setPageAddress(url: string): void {
  pageAddress = url;
}

/** The address of a file beside the page, when the page was served over HTTP(S). */
export function besidePage(name: string): string | undefined {
  const base = pageAddress ?? (typeof document === 'undefined' ? undefined : location.href);
  return base !== undefined && /^https?:/.test(base) ? new URL(name, base).href : undefined;
}

/** The word lists for the browser, loaded once; `undefined` while this build has none. */
export function browserLexicon(): Promise<Lexicon | undefined> {
  loading ??= Promise.resolve(undefined);
  return loading;
}
