// What the page keeps in this browser's localStorage (its choices, its texts, a scheme file of the
// reader's own), under one prefix, so that "forget them" clears it all. No DOM here: the page's
// unit tests run it in Node with a stand-in storage (test/web-own-scheme.test.ts).

const PREFIX = 'latinitsa:';
/** Longer texts are not kept (localStorage holds a few MB per site). */
export const MAX_KEPT = 200_000;

/** The part of the browser's localStorage the page uses. */
interface KeptValues {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

function storage(): KeptValues | undefined {
  try {
    return (globalThis as { localStorage?: KeptValues }).localStorage;
  } catch {
    return undefined;
  }
}

/** A kept value (`undefined` when none, or when the browser keeps nothing). */
export function recall(key: string): string | undefined {
  try {
    return storage()?.getItem(PREFIX + key) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps a value: whether it was kept, `too-long` (over MAX_KEPT, and anything kept before under
 * the key is dropped) or `refused` (storage full or disabled: the page works on, it just will not
 * remember). Most callers ignore the answer; the scheme file says it (web/own-scheme.ts).
 */
export function keep(key: string, value: string): 'kept' | 'too-long' | 'refused' {
  const s = storage();
  try {
    if (value.length > MAX_KEPT) {
      s?.removeItem(PREFIX + key);
      return 'too-long';
    }
    if (s === undefined) return 'refused';
    s.setItem(PREFIX + key, value);
    return 'kept';
  } catch {
    return 'refused';
  }
}

/** What the page drops of a kept value when it is forgotten, by key (onForget). */
const dropped = new Map<string, Array<() => void>>();

/**
 * Runs `fn` each time the value under `key` is forgotten, alone (`forget`) or with everything
 * (`forgetAll`, the page's "forget them"): what the page uses of a kept value (the scheme of one's
 * own in every menu) goes at once by this one path, whichever button forgot it.
 */
export function onForget(key: string, fn: () => void): void {
  dropped.set(key, [...(dropped.get(key) ?? []), fn]);
}

function droppedNow(keys: Iterable<string>): void {
  for (const key of keys) for (const fn of dropped.get(key) ?? []) fn();
}

/** Forgets one kept value. */
export function forget(key: string): void {
  try {
    storage()?.removeItem(PREFIX + key);
  } catch {
    // Storage disabled: nothing was kept.
  }
  droppedNow([key]);
}

/** Forgets everything the page kept. */
export function forgetAll(): void {
  const s = storage();
  try {
    if (s !== undefined) {
      const keys = Array.from({ length: s.length }, (_, i) => s.key(i) ?? '');
      for (const key of keys) if (key.startsWith(PREFIX)) s.removeItem(key);
    }
  } catch {
    // Nothing kept, or storage disabled.
  }
  // Also what was in use but never kept (a scheme file over the size limit): forgotten all the same.
  droppedNow(dropped.keys());
}
