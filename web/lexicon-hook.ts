// The Russian lexicon for the page when it runs without the latinitsa server (a copy of dist/web
// on any web server): it ranks reverse readings and scheme detection in web/engine.ts. The file
// ships beside the page (scripts/build-web.ts copies data/lexicon/lexicon-ru.bin there) and is
// fetched once, on the first reading, by the page's worker, so that 1.5 MB never blocks typing.
// Opened from disk (file:) there is nothing to fetch, and readings are ranked by letter statistics.
import { lexiconFromBytes, type Lexicon } from '../src/index.ts';

/** The lexicon file beside the page. */
const FILE = 'lexicon-ru.bin';

let loading: Promise<Lexicon | undefined> | undefined;
let pageAddress: string | undefined;

/** Tells the worker the page's address (its own is a blob: URL, useless for relative fetches). */
export function setPageAddress(url: string): void {
  pageAddress = url;
}

/** The address of a file beside the page, when the page was served over HTTP(S). */
export function besidePage(name: string): string | undefined {
  // In the page, its own address; in the worker (no document), the one the page sent.
  const base = pageAddress ?? (typeof (globalThis as { document?: unknown }).document === 'undefined' ? undefined : (globalThis as { location?: { href: string } }).location?.href);
  return base !== undefined && /^https?:/.test(base) ? new URL(name, base).href : undefined;
}

/** The lexicon, loaded once; `undefined` when there is none to fetch or it cannot be read. */
export function browserLexicon(): Promise<Lexicon | undefined> {
  loading ??= (async () => {
    const url = besidePage(FILE);
    if (url === undefined) return undefined;
    const res = await fetch(url);
    if (!res.ok) return undefined;
    return lexiconFromBytes(new Uint8Array(await res.arrayBuffer()));
  })().catch(() => undefined);
  return loading;
}
