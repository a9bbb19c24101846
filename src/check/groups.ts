// Grouping spellings by their readings: spellings that can stand for one Cyrillic word, in one
// domain, form a group; spellings no scheme writes plausibly join a group by their fallback key.
// docs/check.md.
import proseData from './data/prose-schemes.json' with { type: 'json' };
import { fallbackKey, fallbackKeys } from './fallback.ts';
import { anchor, count, NAME_FLAGS, type FormInfo, type Group, type Spelling } from './model.ts';
import type { CheckRun } from './run.ts';

/** Letters Russian print may leave unmarked (ё printed as е), each with the letter printed for it. */
const optionalLetters = proseData.optionalLetters.pairs;

/** A Cyrillic word as print without its optional marks writes it (пётр as петр). */
function plainPrint(cyrillic: string): string {
  return optionalLetters.reduce((w, [marked, plain]) => w.replaceAll(marked!, plain!), cyrillic);
}

/** The fewest letters of a spelling that joins a group by its fallback key alone. */
const MIN_FALLBACK_LENGTH = 6;

/** A spelling's length in letters, a letter with a mark counting as two (ž as zh: Ježov is as long as Yezhov's Ezhov). */
function letterCount(fold: string): number {
  return fold.normalize('NFD').length;
}

/** The groups of spellings of one word each (a group may have one spelling: the scheme's rule still applies). */
export function groupSpellings(run: CheckRun, all: readonly Spelling[]): Group[] {
  const sets = disjointSets(all.length);
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
  joinByKey(byReading, sets, (i) => i, (a, b, cyrillic) => linkable(run, all[a]!, all[b]!, cyrillic));
  const members = new Map<number, number[]>();
  all.forEach((s, i) => {
    if (s.info.kind === 'loose') return;
    const r = sets.find(i);
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
    // Spellings with no reading at all (a form the `allow` list accepts that reads as no Russian
    // word: Sibir, Yuri) make no group: there is no word to group them by.
    const cyrillic = groupWord(list.map((i) => all[i]!));
    if (cyrillic === undefined) continue;
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
  const leftSets = disjointSets(left.length);
  const firstWithKey = new Map<string, number>();
  left.forEach(({ keys }, i) => {
    for (const k of keys) {
      const j = firstWithKey.get(k);
      if (j === undefined) firstWithKey.set(k, i);
      else leftSets.join(i, j);
    }
  });
  const components = new Map<number, Array<{ s: Spelling; keys: string[] }>>();
  left.forEach((l, i) => {
    const r = leftSets.find(i);
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
  return joinPlainPrint(run, all, groups);
}

/**
 * The group's word: the reading its spellings support most (by occurrences, more when it is a
 * spelling's own best reading or the conventional list names it); none when no spelling has a reading.
 */
function groupWord(spellings: readonly Spelling[]): string | undefined {
  const votes = new Map<string, number>();
  for (const s of spellings) s.info.near.forEach((c, k) => votes.set(c, (votes.get(c) ?? 0) + count(s) * (k === 0 ? 2 : 1) * (s.info.conventional === c ? 4 : 1)));
  return [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

/** The readings of a spelling as print without optional marks writes them. */
function plainNear(info: FormInfo): Set<string> {
  return new Set(info.near.map(plainPrint));
}

/**
 * Groups whose words differ only in a letter print may leave unmarked are one word (ё printed as
 * е: Pyotr, пётр, beside Petr, петр; Semyonov beside Semenov): the lexicon often knows one of the
 * two prints only, or knows them as different things (семенов a surname, семёнов a place).
 * Two groups join when a spelling of each shares such a reading, by the rule that links spellings
 * (names of both, or all readings alike), readings compared as plain print; a spelling in no
 * group (Petr: a short name nobody attests anchors none) joins the one group it so shares a
 * reading with. Under a declared scheme only spellings the scheme writes from the group's word
 * (or conventional forms) join so, in groups of such spellings only: a spelling the scheme does
 * not write (Soloviev) is judged by the scheme against its own group's word (соловьев: Solovyev),
 * not moved to another's (Solovyov, соловьёв), and its finding stays as it was. Of joined groups,
 * one with no spelling of the joined word stays apart. docs/check.md "ё printed as е".
 */
function joinPlainPrint(run: CheckRun, all: readonly Spelling[], groups: readonly Group[]): Group[] {
  const writes = (s: Spelling, cyrillic: string, domain: Group['domain']): boolean =>
    run.schemes[domain] === undefined ||
    s.info.kind === 'conventional' ||
    (s.info.kind !== 'loose' && s.info.readings.some((r) => r.schemes.includes(run.declared[domain]) && plainPrint(r.cyrillic) === plainPrint(cyrillic)));
  const sets = disjointSets(groups.length);
  const byPlain = new Map<string, Array<{ g: number; s: Spelling }>>();
  groups.forEach((g, i) => {
    if (!g.spellings.every(({ s }) => writes(s, g.cyrillic, g.domain))) return;
    for (const { s } of g.spellings) {
      for (const c of plainNear(s.info)) {
        const k = `${g.domain}\u0000${c}`;
        const list = byPlain.get(k);
        if (list === undefined) byPlain.set(k, [{ g: i, s }]);
        else list.push({ g: i, s });
      }
    }
  });
  joinByKey(byPlain, sets, (m) => m.g, (a, b, plain) => linkable(run, a.s, b.s, plain, plainPrint));
  // Spellings in no group join the one group (after the joins above) they share a plain reading with.
  const grouped = new Set(groups.flatMap((g) => g.spellings.map(({ s }) => s)));
  const extra = new Map<number, Spelling[]>();
  for (const s of all) {
    if (grouped.has(s) || s.info.kind === 'loose') continue;
    const found = new Set<number>();
    for (const c of plainNear(s.info)) {
      for (const m of byPlain.get(`${s.domain}\u0000${c}`) ?? []) {
        if (linkable(run, s, m.s, c, plainPrint) && writes(s, groups[m.g]!.cyrillic, s.domain)) found.add(sets.find(m.g));
      }
    }
    const [g] = found;
    if (g === undefined || found.size > 1) continue;
    const list = extra.get(g);
    if (list === undefined) extra.set(g, [s]);
    else list.push(s);
  }
  const components = new Map<number, number[]>();
  groups.forEach((_, i) => {
    const root = sets.find(i);
    const list = components.get(root);
    if (list === undefined) components.set(root, [i]);
    else list.push(i);
  });
  const out: Group[] = [];
  for (const [root, list] of components) {
    const joiners = extra.get(root) ?? [];
    if (list.length === 1 && joiners.length === 0) {
      out.push(groups[list[0]!]!);
      continue;
    }
    const cyrillic = groupWord([...list.flatMap((i) => groups[i]!.spellings.map(({ s }) => s)), ...joiners])!;
    const plain = plainPrint(cyrillic);
    const joined = list.filter((i) => groups[i]!.spellings.some(({ s }) => plainNear(s.info).has(plain)));
    const spellings = [...joined.flatMap((i) => groups[i]!.spellings), ...joiners.filter((s) => plainNear(s.info).has(plain)).map((s) => ({ s, link: 'near' as const }))];
    out.push({ domain: groups[list[0]!]!.domain, cyrillic, spellings });
    for (const i of list) if (!joined.includes(i)) out.push(groups[i]!);
  }
  return out;
}

/** Disjoint sets over 0..n-1: the set an index is in (its root), and joining two sets. */
function disjointSets(n: number): DisjointSets {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  return { find, join: (i, j) => void (parent[find(i)] = find(j)) };
}

interface DisjointSets {
  find: (i: number) => number;
  join: (i: number, j: number) => void;
}

/**
 * Joins the sets of every two members of a key's list that `linked` links by the key's reading
 * (the part of the key after the domain).
 */
function joinByKey<T>(byKey: ReadonlyMap<string, readonly T[]>, sets: DisjointSets, index: (member: T) => number, linked: (a: T, b: T, reading: string) => boolean): void {
  for (const [k, list] of byKey) {
    const reading = k.slice(k.indexOf('\u0000') + 1);
    for (let x = 1; x < list.length; x++) {
      for (let y = 0; y < x; y++) {
        const a = list[x]!;
        const b = list[y]!;
        if (sets.find(index(a)) !== sets.find(index(b)) && linked(a, b, reading)) sets.join(index(a), index(b));
      }
    }
  }
}

/** A reading as written. */
const asWritten = (cyrillic: string): string => cyrillic;

/**
 * Whether two spellings that share the reading `word` (readings compared as `print` shows them)
 * are one word. Spellings of two attested words are one word when the shared reading is a name of
 * both, or when they are read exactly alike (istorii is истории or историй; istory only историй).
 * An unattested spelling joins by its best reading.
 */
function linkable(run: CheckRun, a: Spelling, b: Spelling, word: string, print: (cyrillic: string) => string = asWritten): boolean {
  const best = (info: FormInfo): boolean => print(info.near[0]!) === word;
  if (a.info.kind === 'attested' && b.info.kind === 'attested') {
    if (run.letterOnly) return best(a.info) && best(b.info);
    const flags = (info: FormInfo): number => info.readings.reduce((f, r) => (print(r.cyrillic) === word ? f | r.flags : f), 0);
    if ((flags(a.info) & NAME_FLAGS) !== 0 && (flags(b.info) & NAME_FLAGS) !== 0) return true;
    const near = (info: FormInfo): readonly string[] => (print === asWritten ? info.near : [...new Set(info.near.map(print))]);
    const na = near(a.info);
    const nb = near(b.info);
    return na.length === nb.length && na.every((c) => nb.includes(c));
  }
  if (a.info.kind === 'plausible' && !best(a.info)) return false;
  if (b.info.kind === 'plausible' && !best(b.info)) return false;
  return true;
}
