// The latinitsa server behind the page, when there is one (not for the offline copy opened from
// disk): which operations it offers, and calls to its JSON API.

let server: Promise<Record<string, boolean> | undefined> | undefined;

/** The operations of the server that served this page; `undefined` without a server. */
export function serverOperations(): Promise<Record<string, boolean> | undefined> {
  server ??= (async () => {
    if (location.protocol !== 'http:' && location.protocol !== 'https:') return undefined;
    try {
      const res = await fetch('/api/schemes', { signal: AbortSignal.timeout(3000) });
      if (!res.ok) return undefined;
      return ((await res.json()) as { operations: Record<string, boolean> }).operations;
    } catch {
      return undefined;
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
  if (where === 'server') return lexicon ? 'Readings ranked by the latinitsa server with its word lists (words, given names, surnames).' : 'Readings ranked by letter statistics (the server has no word lists: run npm run build:lexicon).';
  return lexicon ? 'Readings ranked in your browser with word lists.' : 'Readings ranked by letter statistics (offline, without word lists).';
}
