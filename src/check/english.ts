import english from './data/english.json' with { type: 'json' };

/**
 * Front-codes a sorted word list: each word is written as one base-36 digit, the number of
 * letters it shares with the word before (at most 35), then the rest; words are separated by
 * spaces. About half the size of the plain list. (Internal: the build script writes the lists
 * with it; `frontCode(['policy', 'polish', 'politburo'])` is `'0policy 4sh 4tburo'`.)
 */
export function frontCode(sorted: readonly string[]): string {
  const out: string[] = [];
  let prev = '';
  for (const w of sorted) {
    let k = 0;
    while (k < 35 && k < w.length && k < prev.length && w[k] === prev[k]) k++;
    out.push(k.toString(36) + w.slice(k));
    prev = w;
  }
  return out.join(' ');
}

/** The words of a {@link frontCode} string. */
export function frontDecode(coded: string): string[] {
  const out: string[] = [];
  let prev = '';
  if (coded === '') return out;
  for (const part of coded.split(' ')) {
    const w = prev.slice(0, parseInt(part[0]!, 36)) + part.slice(1);
    out.push(w);
    prev = w;
  }
  return out;
}

let lists: { common: Set<string>; names: Set<string> } | undefined;

/**
 * The built-in English lists (src/check/data/english.json, built by
 * scripts/build-check-english.ts): common words with their inflections, and proper nouns; lower
 * case. Decoded on first use.
 */
export function englishLists(): { readonly common: ReadonlySet<string>; readonly names: ReadonlySet<string> } {
  lists ??= { common: new Set(frontDecode(english.common)), names: new Set(frontDecode(english.names)) };
  return lists;
}
