// Cyrillic candidates of a romanized word and its scheme-independent key (issue 6). The letters
// and costs are data (data/inverse.json); this file only searches.
import { getLanguage } from '../schemes/registry.ts';
import inverse from './data/inverse.json' with { type: 'json' };

/** One Cyrillic form a romanized word may stand for. */
export interface CyrillicCandidate {
  /** Lower-case Cyrillic. */
  cyrillic: string;
  /** How unlikely the reading is: 0 = the usual meaning of every piece; see data/inverse.json. */
  cost: number;
}

/** Options of {@link cyrillicCandidates}. */
export interface CandidateOptions {
  /** At most this many candidates, cheapest first. Default from the data (24). */
  limit?: number;
  /** Drop candidates costing more than this. Default from the data (`maxCost` + `conformSlack`). */
  maxCost?: number;
}

/** A reading: Cyrillic letters, cost, and extra cost after a letter of a class (`{"@consonant": 1.5}`). */
type Reading = readonly [string, number, Readonly<Record<string, number>>?];
type Options = readonly Reading[];
interface Tables {
  chunks: Map<string, Options>;
  finals: Map<string, Options>;
  longest: number;
  forbidden: Array<[(c: string) => boolean, (c: string) => boolean]>;
  penalties: Array<[(c: string) => boolean, (c: string) => boolean, number]>;
  endings: Array<[string, number]>;
  silent: Array<[string, number, (c: string) => boolean]>;
  skeleton: Array<[RegExp, string]>;
  classes: Readonly<Record<string, string>>;
}

let tables: Tables | undefined;

/** Turns a pair element (`^`, `$`, `@class` or a set of letters) into a test. */
function matcher(token: string, classes: Readonly<Record<string, string>>): (c: string) => boolean {
  if (token === '^' || token === '$') return (c) => c === token;
  const set = token.startsWith('@') ? classes[token.slice(1)] : token;
  if (set === undefined) throw new Error(`inverse.json: unknown class ${token}`);
  return (c) => c.length === 1 && set.includes(c);
}

function getTables(): Tables {
  if (tables !== undefined) return tables;
  const classes = getLanguage('ru').classes as Record<string, string>;
  const entries = (o: object): Array<[string, Options]> => Object.entries(o).filter(([k]) => k !== '$comment') as Array<[string, Options]>;
  const chunks = new Map(entries(inverse.chunks));
  tables = {
    chunks,
    finals: new Map(entries(inverse.final)),
    longest: Math.max(...[...chunks.keys()].map((k) => k.length)),
    forbidden: inverse.forbidden.pairs.map(([a, b]) => [matcher(a!, classes), matcher(b!, classes)]),
    penalties: inverse.penalties.pairs.map(([a, b, c]) => [matcher(a as string, classes), matcher(b as string, classes), c as number]),
    endings: inverse.penalties.endings.map(([e, c]) => [e as string, c as number]),
    silent: inverse.silent.readings.map(([letters, cost, after]) => [letters as string, cost as number, matcher(after as string, classes)]),
    skeleton: inverse.skeleton.replace.map(([re, to]) => [new RegExp(re!, 'gu'), to!]),
    classes,
  };
  return tables;
}

/** The cost of appending `letters` after `prev` (the last letter so far, or `^`); Infinity if Russian spelling forbids it. */
function appendCost(t: Tables, prev: string, letters: string): number {
  let cost = 0;
  for (const c of letters) {
    for (const [a, b] of t.forbidden) if (a(prev) && b(c)) return Infinity;
    for (const [a, b, p] of t.penalties) if (a(prev) && b(c)) cost += p;
    prev = c;
  }
  return cost;
}

/** Lower case, NFC, ALA-LC ties removed: the form the candidate search and the key work on. */
export function foldLatin(word: string): string {
  return word.normalize('NFC').toLowerCase().replace(/[\u0361\uFE20\uFE21]/gu, '').normalize('NFC');
}

/**
 * The Cyrillic forms a romanized word may stand for, cheapest first, found by a beam search over
 * the Latin→Cyrillic readings of data/inverse.json (the union of the schemes' letter values),
 * with Russian spelling constraints (no ы after a vowel, no й after a consonant…) and penalties
 * for rare letter pairs. An empty array means the word cannot be romanized Russian (English
 * spellings such as `th`, `c`, `w`, `h` cost too much).
 *
 * @param word A Latin word.
 * @param options `limit`, `maxCost`.
 * @returns Candidates, cheapest first.
 * @example
 * import { cyrillicCandidates } from 'latinitsa/check';
 * cyrillicCandidates('Zinovyev')[0]?.cyrillic;
 * //=> 'зиновьев'
 */
export function cyrillicCandidates(word: string, options: CandidateOptions = {}): CyrillicCandidate[] {
  const t = getTables();
  const limit = options.limit ?? inverse.limit;
  const maxCost = options.maxCost ?? inverse.maxCost + inverse.conformSlack;
  const w = foldLatin(word);
  const n = w.length;
  // states[p]: partial readings of w[0..p), keyed by Cyrillic text.
  const states: Array<Map<string, number>> = Array.from({ length: n + 1 }, () => new Map());
  states[0]!.set('', 0);
  const beam = limit * 3;
  for (let p = 0; p < n; p++) {
    const here = states[p]!;
    if (here.size === 0) continue;
    const list = [...here].sort((a, b) => a[1] - b[1]).slice(0, beam);
    for (let len = 1; len <= t.longest && p + len <= n; len++) {
      const piece = w.slice(p, p + len);
      const options = p + len === n ? [...(t.chunks.get(piece) ?? []), ...(t.finals.get(piece) ?? [])] : t.chunks.get(piece);
      if (options === undefined) continue;
      const next = states[p + len]!;
      for (const [cyr, cost, context] of options) {
        for (const [done, soFar] of list) {
          const prev = done === '' ? '^' : done.at(-1)!;
          let extra = appendCost(t, prev, cyr);
          if (context !== undefined) for (const [k, v] of Object.entries(context)) if (matcher(k, t.classes)(prev)) extra += v;
          const total = soFar + cost + extra;
          if (total > maxCost) continue;
          const key = done + cyr;
          const old = next.get(key);
          if (old === undefined || total < old) next.set(key, total);
        }
      }
    }
  }
  // Letters the romanization may have dropped at the end of the word (a final soft sign).
  const final = states[n]!;
  for (const [done, soFar] of [...final]) {
    const last = done.at(-1);
    if (last === undefined) continue;
    for (const [letters, cost, after] of t.silent) {
      if (!after(last)) continue;
      const total = soFar + cost + appendCost(t, last, letters);
      const key = done + letters;
      if (total <= maxCost && (final.get(key) ?? Infinity) > total) final.set(key, total);
    }
  }
  const out: CyrillicCandidate[] = [];
  for (const [cyrillic, soFar] of final) {
    let cost = soFar;
    for (const [a, b, p] of t.penalties) if (a(cyrillic.at(-1)!) && b('$')) cost += p;
    for (const [ending, p] of t.endings) if (cyrillic.endsWith(ending)) cost += p;
    if (cost <= maxCost) out.push({ cyrillic, cost: Math.round(cost * 100) / 100 });
  }
  out.sort((a, b) => a.cost - b.cost || (a.cyrillic < b.cyrillic ? -1 : a.cyrillic > b.cyrillic ? 1 : 0));
  return out.slice(0, limit);
}

/** The data's thresholds: `maxCost` (plausibly Russian) and `conformSlack` (readings close enough to the best). */
export const candidateThresholds: { readonly maxCost: number; readonly conformSlack: number } = { maxCost: inverse.maxCost, conformSlack: inverse.conformSlack };

/**
 * A scheme-independent key for a romanized word: spellings of one Russian word in different
 * schemes, or with slips, share it (Zinov’ev, Zinovyev, Zinoviev, Zinovev → `zinovev`). The
 * replacements are data (data/inverse.json `skeleton`).
 *
 * @param word A Latin word.
 * @returns The key.
 * @example
 * import { skeletonKey } from 'latinitsa/check';
 * ['Iurii', 'Yury', 'Yuri'].map((w) => skeletonKey(w));
 * //=> ['Uri', 'Uri', 'Uri']
 */
export function skeletonKey(word: string): string {
  let s = foldLatin(word);
  for (const [re, to] of getTables().skeleton) s = s.replace(re, to);
  return s;
}
