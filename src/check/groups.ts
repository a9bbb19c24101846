// Grouping spellings by their readings: spellings that can stand for one Cyrillic word, in one
// domain, form a group; spellings no scheme writes plausibly join a group by their fallback key.
// docs/check.md.
import { fallbackKey, fallbackKeys } from './fallback.ts';
import { anchor, count, NAME_FLAGS, readingFlags, type Group, type Spelling } from './model.ts';
import type { CheckRun } from './run.ts';

/** The fewest letters of a spelling that joins a group by its fallback key alone. */
const MIN_FALLBACK_LENGTH = 6;

/** A spelling's length in letters, a letter with a mark counting as two (ž as zh: Ježov is as long as Yezhov's Ezhov). */
function letterCount(fold: string): number {
  return fold.normalize('NFD').length;
}

/** The groups of spellings of one word each (a group may have one spelling: the scheme's rule still applies). */
export function groupSpellings(run: CheckRun, all: readonly Spelling[]): Group[] {
  const { letterOnly } = run;
  const parent = all.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const byReading = new Map<string, number[]>();
  all.forEach((s, i) => {
    if (s.info.kind === 'loose') return;
    for (const c of s.info.near) {
      const k = `${s.domain}\u0000${c}`;
      const list = byReading.get(k) ?? [];
      list.push(i);
      byReading.set(k, list);
    }
  });
  const linkable = (a: Spelling, b: Spelling, cyrillic: string): boolean => {
    // Spellings of two attested words are one word when the shared reading is a name of both, or
    // when they are read exactly alike (istorii is истории or историй; istory only историй).
    if (letterOnly && a.info.kind === 'attested' && b.info.kind === 'attested') return a.info.near[0] === cyrillic && b.info.near[0] === cyrillic;
    if (a.info.kind === 'attested' && b.info.kind === 'attested') {
      const fa = readingFlags(a.info, cyrillic);
      const fb = readingFlags(b.info, cyrillic);
      if ((fa & NAME_FLAGS) !== 0 && (fb & NAME_FLAGS) !== 0) return true;
      return a.info.near.length === b.info.near.length && a.info.near.every((c) => b.info.near.includes(c));
    }
    // An unattested spelling joins by its best reading.
    if (a.info.kind === 'plausible' && a.info.near[0] !== cyrillic) return false;
    if (b.info.kind === 'plausible' && b.info.near[0] !== cyrillic) return false;
    return true;
  };
  for (const [k, list] of byReading) {
    const cyrillic = k.slice(k.indexOf('\u0000') + 1);
    for (let x = 1; x < list.length; x++) {
      for (let y = 0; y < x; y++) {
        const a = list[x]!;
        const b = list[y]!;
        if (find(a) !== find(b) && linkable(all[a]!, all[b]!, cyrillic)) parent[find(a)] = find(b);
      }
    }
  }
  const members = new Map<number, number[]>();
  all.forEach((s, i) => {
    if (s.info.kind === 'loose') return;
    const r = find(i);
    const list = members.get(r) ?? [];
    list.push(i);
    members.set(r, list);
  });

  const groups: Group[] = [];
  // A group stands on a real word (attested, conventional) or on a capitalised name nobody
  // attests but whose letters read as Russian (Kosior, Kaganovich: the lexicon lacks many surnames).
  const anchored = (i: number): boolean => anchor(all[i]!);
  const joiners: Spelling[] = all.filter((s) => s.info.kind === 'loose');
  for (const list of members.values()) {
    // Spellings of words nobody attests join a group of a real word by their fallback key, if any;
    // so does a lone plausible name (Bucharin: бучарин, beside Bukharin).
    const real = list.some((i) => anchored(i) && all[i]!.info.kind !== 'plausible');
    if (!real && (list.length === 1 || !list.some(anchored))) {
      for (const i of list) joiners.push(all[i]!);
      continue;
    }
    // The group's word: the reading its spellings support most (by occurrences, more when it is a
    // spelling's own best reading or the conventional list names it).
    const votes = new Map<string, number>();
    for (const i of list) {
      const s = all[i]!;
      s.info.near.forEach((c, k) => votes.set(c, (votes.get(c) ?? 0) + count(s) * (k === 0 ? 2 : 1) * (s.info.conventional === c ? 4 : 1)));
    }
    // Spellings with no reading at all (a form the `allow` list accepts that reads as no Russian
    // word: Sibir, Yuri) make no group: there is no word to group them by.
    const top = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (top === undefined) continue;
    const cyrillic = top[0];
    const inGroup = list.filter((i) => all[i]!.info.near.includes(cyrillic));
    groups.push({ domain: all[list[0]!]!.domain, cyrillic, spellings: inGroup.map((i) => ({ s: all[i]!, link: all[i]!.info.kind === 'plausible' ? 'near' : 'reading' })) });
    // Spellings that came in through another of their readings (a chain) stand alone.
    for (const i of list) if (!inGroup.includes(i)) groups.push({ domain: all[i]!.domain, cyrillic: all[i]!.info.near[0]!, spellings: [{ s: all[i]!, link: 'reading' }] });
  }
  // Spellings no scheme writes plausibly join the one group whose spellings share their fallback key.
  const byFallback = new Map<string, Group | null>();
  for (const g of groups) {
    for (const { s } of g.spellings) {
      const k = `${g.domain}\u0000${fallbackKey(s.info.fold)}`;
      const known = byFallback.get(k);
      byFallback.set(k, known === undefined || known === g ? g : null);
    }
  }
  const left: Array<{ s: Spelling; keys: string[] }> = [];
  for (const s of joiners) {
    const keys = fallbackKeys(s.info.fold, run.olderStyle);
    const found = new Set(keys.map((k) => byFallback.get(`${s.domain}\u0000${k}`)));
    found.delete(undefined);
    const [g] = found;
    // A join by an alternative key only (Bucharin as Bukharin, Maximoff as Maximov) is weaker.
    const direct = byFallback.get(`${s.domain}\u0000${keys[0]!}`) === g;
    // A short word no scheme writes from the group's word is more often another word or another
    // language's name than a slip (Alya beside Alla, Reiss beside reys, Piero beside pero). An
    // English name joins whatever its length: it is reported only beside its target's surname.
    if (found.size === 1 && g !== null && g !== undefined) {
      if (letterCount(s.info.fold) >= MIN_FALLBACK_LENGTH || s.info.english === true) g.spellings.push({ s, link: direct ? 'fallback' : 'alternative' });
    }
    // The rest meet on their own key; in a work in the older romanization on any of their keys
    // (Schuvaloff beside Shuvaloff, Pouchkine beside Pushkine: docs/check.md, "A work in the older
    // romanization").
    else if (found.size === 0) left.push({ s, keys: (run.olderStyle ? keys : keys.slice(0, 1)).map((k) => `${s.domain}\u0000${k}`) });
  }
  // The rest group around a capitalised plausible name (Kosior, Kossior); a plausible name alone
  // stays a group of one, for the scheme's rule. Two spellings that share a key are one word.
  const leftParent = left.map((_, i) => i);
  const leftFind = (i: number): number => {
    while (leftParent[i] !== i) i = leftParent[i] = leftParent[leftParent[i]!]!;
    return i;
  };
  const firstWithKey = new Map<string, number>();
  left.forEach(({ keys }, i) => {
    for (const k of keys) {
      const j = firstWithKey.get(k);
      if (j === undefined) firstWithKey.set(k, i);
      else if (leftFind(i) !== leftFind(j)) leftParent[leftFind(i)] = leftFind(j);
    }
  });
  const components = new Map<number, Array<{ s: Spelling; keys: string[] }>>();
  left.forEach((l, i) => {
    const r = leftFind(i);
    const list = components.get(r);
    if (list === undefined) components.set(r, [l]);
    else list.push(l);
  });
  for (const list of components.values()) {
    const anchors = list.filter(({ s }) => anchor(s));
    if (anchors.length === 0) continue;
    const best = [...anchors].sort((a, b) => count(b.s) - count(a.s) || (b.s.info.readings[0]?.score ?? 0) - (a.s.info.readings[0]?.score ?? 0))[0]!;
    const spellings = list.filter((l) => l === best || letterCount(l.s.info.fold) >= MIN_FALLBACK_LENGTH);
    groups.push({ domain: best.s.domain, cyrillic: best.s.info.near[0]!, spellings: spellings.map((l) => ({ s: l.s, link: l === best ? 'near' : l.keys[0] === best.keys[0] ? 'fallback' : 'alternative' })) });
  }
  return groups;
}
