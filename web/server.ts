// The latinitsa server behind the page, when there is one (not for the offline copy opened from
// disk, nor a copy on another web server): whether its API answers, and calls to it.

let server: Promise<boolean> | undefined;

/** Whether the page was loaded from a latinitsa server: its API answers. */
export function fromServer(): Promise<boolean> {
  server ??= (async () => {
    if (location.protocol !== 'http:' && location.protocol !== 'https:') return false;
    try {
      return (await fetch('/api/schemes', { signal: AbortSignal.timeout(3000) })).ok;
    } catch {
      return false;
    }
  })();
  return server;
}

/** Calls `POST /api/<op>`; an error answer throws with the server's message. */
export async function callApi<T>(op: string, body: unknown): Promise<T> {
  const res = await fetch(`/api/${op}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const data = (await res.json()) as T & { error?: { message: string } };
  if (!res.ok) throw new Error(data.error?.message ?? `HTTP ${res.status}`);
  return data;
}

/** How reverse readings were ranked, for the panel's note. */
export function rankedBy(where: 'server' | 'browser', lexicon: boolean): string {
  if (where === 'server') return lexicon ? 'Readings ranked by the latinitsa server with its word lists (words, given names, surnames).' : 'Readings ranked by letter statistics (the server has no word lists: its data/lexicon/lexicon-ru.bin is missing).';
  return lexicon ? 'Readings ranked in your browser with the word lists (words, given names, surnames).' : 'Readings ranked by letter statistics (offline, without word lists).';
}
