// Where the page gets Russian word lists for ranking reverse readings and detecting a text's
// scheme when it runs without the latinitsa server (the offline copy). The lexicon work of the
// project is to provide a browser-safe decoder and a lazily loaded asset; until it does, the page
// ranks by letter statistics alone (and says so). Wire it here: load the asset once, decode it
// into a `Lexicon`, and return it — reverse, convert and scheme detection in web/engine.ts pass it
// on. It runs in the page's worker, so a large asset does not block typing.
import type { Lexicon } from '../src/index.ts';

let loading: Promise<Lexicon | undefined> | undefined;

/** The word lists for the browser, loaded once; `undefined` while this build has none. */
export function browserLexicon(): Promise<Lexicon | undefined> {
  loading ??= Promise.resolve(undefined);
  return loading;
}
