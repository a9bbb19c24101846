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

/**
 * The server's answer to a request it refused (too large, a bad option): what to tell the reader.
 * Not a reason to do the work in the page instead, as a server that cannot be reached is: the
 * page would give a worse answer (without word lists) and hide what to do (send less text).
 */
export class ServerRefusal extends Error {}

/** Calls `POST /api/<op>`; an error answer throws a {@link ServerRefusal} with the server's message. */
export async function callApi<T>(op: string, body: unknown): Promise<T> {
  const res = await fetch(`/api/${op}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const data = (await res.json()) as T & { error?: { message: string } };
  if (!res.ok) throw new ServerRefusal(data.error?.message ?? `HTTP ${res.status}`);
  return data;
}

/** Rethrows a server's refusal; any other failure (no server, no answer) is for the page to work around. */
export function unlessRefused(error: unknown): void {
  if (error instanceof ServerRefusal) throw error;
}

/** How reverse readings were ranked, for the panel's note. */
export function rankedBy(where: 'server' | 'browser', lexicon: boolean): string {
  if (where === 'server') return lexicon ? 'Readings ranked by the latinitsa server with its word lists (words, given names, surnames).' : 'Readings ranked by letter statistics (the server has no word lists of this language: Russian, Ukrainian and Bulgarian have them, data/lexicon/lexicon-<language>.bin).';
  return lexicon ? 'Readings ranked in your browser with the word lists (words, given names, surnames).' : 'Readings ranked by letter statistics (offline, or no word lists of this language beside the page).';
}
