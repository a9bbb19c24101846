// The lexicons for the page when it runs without the latinitsa server (a copy of dist/web on any
// web server): they rank reverse readings and scheme detection in web/engine.ts. The files ship
// beside the page (scripts/build-web.ts copies data/lexicon/lexicon-<language>.bin there); each is
// fetched once, on the first reading in its language, by the page's worker, so that 1–1.5 MB
// never blocks typing. A language with no file beside the page (a 404) is read without one, as is
// everything opened from disk (file:): readings are then ranked by letter statistics.
import { lexiconFromBytes, type Lexicon } from '../src/index.ts';
import { DEFAULT_LANGUAGE } from '../src/schemes/index.ts';

/** The lexicon file of a language beside the page. */
const fileOf = (language: string): string => `lexicon-${language}.bin`;

const loading = new Map<string, Promise<Lexicon | undefined>>();
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

/**
 * The lexicon of a language (default Russian), loaded once per language; `undefined` when there is none to
 * fetch or it cannot be read.
 */
export function browserLexicon(language: string = DEFAULT_LANGUAGE): Promise<Lexicon | undefined> {
  let lexicon = loading.get(language);
  if (lexicon === undefined) {
    lexicon = (async () => {
      // Only a language id becomes a file name (ids are lower-case letters).
      const url = /^[a-z]+$/.test(language) ? besidePage(fileOf(language)) : undefined;
      if (url === undefined) return undefined;
      const res = await fetch(url);
      if (!res.ok) return undefined;
      return lexiconFromBytes(new Uint8Array(await res.arrayBuffer()));
    })().catch(() => undefined);
    loading.set(language, lexicon);
  }
  return lexicon;
}
