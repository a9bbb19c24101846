// The Russian lexicon for the page when no latinitsa server answers (a static copy of dist/web):
// fetched once, only when reverse readings are first asked for, from lexicon-ru.bin beside the
// page (scripts/build-web.ts copies it there). Opened as a file from disk the page cannot fetch
// it and ranks by letter statistics.
import { lexiconFromBytes, type Lexicon } from '../src/index.ts';

let lexicon: Lexicon | undefined;
let started = false;

/** The lexicon once loaded; the first call starts loading it and calls `onLoad` when it is there. */
export function pageLexicon(onLoad: () => void): Lexicon | undefined {
  if (!started && (location.protocol === 'http:' || location.protocol === 'https:')) {
    started = true;
    void (async () => {
      const res = await fetch('lexicon-ru.bin');
      if (!res.ok) return;
      lexicon = await lexiconFromBytes(new Uint8Array(await res.arrayBuffer()));
      onLoad();
    })().catch(() => undefined);
  }
  return lexicon;
}
