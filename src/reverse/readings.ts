import { romanizeFor } from '../engine/romanize.ts';
import { resolveScheme, type RomanizeOptions } from '../engine/resolve.ts';
import { getScheme, listSchemes } from '../schemes/registry.ts';
import { getInverse, lexiconBonus, scoreWord, searchCandidates, type Lattice, type LetterModel, type Piece, type RawCandidate } from './decode.ts';
import equivalents from './equivalents.json' with { type: 'json' };
import type { Lexicon } from './lexicon.ts';
import { russianLetters } from '../detect/letters.ts';

/**
 * The readings engine: which Cyrillic words a romanized word can stand for under any of a
 * language's schemes, and which schemes write it so. One search walks a lattice merged from every
 * scheme's inverse (each piece remembers its schemes, so a path that mixes two schemes' letters
 * dies early); each reading found is then romanized again with every scheme its path allows, and
 * kept for the schemes that give back the word. Ranking is the reverse engine's own: the letter
 * model plus the lexicon's bonus.
 */

/** A scheme the reader reads with: an id (or loaded scheme) and its options. */
export interface ReaderScheme {
  scheme: NonNullable<RomanizeOptions['scheme']>;
  options?: Readonly<Record<string, unknown>>;
}

/** Options of {@link createReader} and {@link readings}. */
export interface ReadingsOptions {
  /** Language whose built-in schemes are read (default `ru`); ignored when `schemes` is given. */
  lang?: string;
  /** The schemes to read with, instead of all built-in schemes of the language. At most 31. */
  schemes?: readonly (string | ReaderScheme)[];
  /** Ranks readings and finds the attested ones; only `lookup` is required (`hasPrefix` speeds up the walk). */
  lexicon?: Pick<Lexicon, 'lookup'> & Partial<Pick<Lexicon, 'hasPrefix'>>;
  /** How many unattested readings of the letter model to keep per word. Default 4. */
  unattested?: number;
}

/** One Cyrillic reading of a romanized word. */
export interface Reading {
  /** The Cyrillic word, lower case. */
  cyrillic: string;
  /** Indexes (into the reader's `schemes`) of the schemes that write the word from this reading. */
  schemes: number[];
  /** Higher is better: letter statistics in log10 units plus the lexicon's bonus. */
  score: number;
  /** The lexicon's flags for the reading (`LexiconFlag` bits); 0 when unattested or without a lexicon. */
  flags: number;
}

/** A reader: cached readings of words, and the schemes it reads with. */
export interface Reader {
  /** The readings of a word, best first; empty when no scheme writes it. */
  read(word: string): readonly Reading[];
  /**
   * The readings of a word the lexicon attests (`flags` not 0): those of {@link Reader.read}, in
   * its order, found without the letter model's search when the lexicon's walk suffices (at a
   * fraction of the cost: the checker asks it of every capitalised word of a document, to count
   * its Russian names, docs/check.md "A learned score"). Not cached: its caller keeps what it needs.
   */
  attested(word: string): readonly Reading[];
  /** Ids of the schemes, in the order `Reading.schemes` indexes them. */
  readonly schemes: readonly string[];
  /** Every character some scheme writes inside a word (lower case, folded as {@link foldRomanized}). */
  readonly letters: ReadonlySet<string>;
}

/**
 * Beam width of the letter model's search per Latin position. The merged lattice branches more
 * than one scheme's; 16 keeps the same best readings on the realtext vocabulary as 48 at a third
 * of the time (attested readings come from the lexicon walk, which the beam does not bound).
 */
const BEAM = 16;

const PRIMES = new RegExp(`[${equivalents.classes[0]!.chars}]`, 'gu');
const DOUBLE_PRIMES = new RegExp(`[${equivalents.classes[1]!.chars}]`, 'gu');
const ASCII_WORD = /^[A-Za-z]*$/u;
const TIES = new RegExp(`[${equivalents.ties.breve}${equivalents.ties.left}${equivalents.ties.right}]`, 'gu');

/**
 * A romanized word in the form readings compare: lower case, NFC, ALA-LC ties dropped, and the
 * typographic variants of the prime and double prime written one way (spec input variants: a
 * reader accepts ’ ʹ ′ ' alike).
 *
 * @example
 * import { foldRomanized } from 'latinitsa/reverse';
 * [foldRomanized('Zinovʹev'), foldRomanized('T͡Serkovʹ')];
 * //=> ["zinov'ev", "tserkov'"]
 */
export function foldRomanized(word: string): string {
  // Plain ASCII letters (most words) need only lower case.
  if (ASCII_WORD.test(word)) return word.toLowerCase();
  return word.normalize('NFC').toLowerCase().replace(TIES, '').replace(PRIMES, "'").replace(DOUBLE_PRIMES, '"').normalize('NFC');
}

/** Most readers are built for the same few scheme lists: merged lattices by list key. */
const lattices = new Map<string, { lattice: Lattice; letters: Set<string> }>();
/**
 * The lattices of lists with a loaded scheme object (not named by id), by that object: kept while
 * it lives, so that a checker reading with a scheme of one's own again and again builds its lattice
 * once, and a process that loads many does not keep them all.
 */
const objectLattices = new WeakMap<object, Map<string, { lattice: Lattice; letters: Set<string> }>>();

/** A number for each scheme object read with, for the keys of readers and lattices. */
const serials = new WeakMap<object, number>();
let serialCount = 0;

/**
 * A scheme in the key of a cached reader or lattice: an id as itself, a loaded scheme object by
 * the object (`*1`), never by its id, which a scheme of one's own may share with another.
 */
export function schemeKey(scheme: ReaderScheme['scheme']): string {
  if (typeof scheme === 'string') return scheme;
  let n = serials.get(scheme);
  if (n === undefined) serials.set(scheme, (n = ++serialCount));
  return `*${n}`;
}

function mergedLattice(key: string, compiled: readonly ReturnType<typeof resolveScheme>[], owner?: object): { lattice: Lattice; letters: Set<string> } {
  let store = lattices;
  if (owner !== undefined) {
    store = objectLattices.get(owner) ?? new Map();
    objectLattices.set(owner, store);
  }
  const hit = store.get(key);
  if (hit !== undefined) return hit;
  const pieces = new Map<string, Piece>();
  const id = (set: ReadonlySet<string> | undefined): string => (set === undefined ? '' : [...set].sort().join(''));
  compiled.forEach((c, i) => {
    const old = c.scheme.language.oldLetters;
    const inv = getInverse(c);
    for (const piece of [...[...inv.byFirst.values()].flat(), ...inv.empties]) {
      // Readings are of modern Russian: pre-reform letters only add noise to the search.
      if ([...piece.cyr].some((ch) => old.includes(ch))) continue;
      const latin = foldRomanized(piece.latin);
      const parts = piece.parts.map((p) => foldRomanized(p));
      const k = [latin, piece.cyr, parts.join('|'), id(piece.after), id(piece.before), id(piece.notAfter), id(piece.notBefore), piece.rule].join('\u0000');
      const known = pieces.get(k);
      pieces.set(k, { ...piece, latin, parts, mask: (known?.mask ?? 0) | (1 << i) });
    }
  });
  const byFirst = new Map<string, Piece[]>();
  const empties: Piece[] = [];
  const letters = new Set<string>();
  for (const piece of pieces.values()) {
    if (piece.latin === '') {
      empties.push(piece);
      continue;
    }
    for (const ch of piece.latin) letters.add(ch);
    const list = byFirst.get(piece.latin[0]!) ?? [];
    list.push(piece);
    byFirst.set(piece.latin[0]!, list);
  }
  const made = { lattice: { byFirst, empties }, letters };
  store.set(key, made);
  return made;
}

/** The built-in schemes of a language, in `listSchemes` order. */
function languageSchemes(lang: string): string[] {
  return listSchemes()
    .filter((s) => s.builtIn && getScheme(s.id).language.id === lang)
    .map((s) => s.id);
}

/**
 * A reader over a language's schemes (or the given ones), with a cache of the words it has read.
 * Build one per text or run: the cache grows with the distinct words read.
 *
 * @param options Schemes, lexicon, how many unattested readings to keep.
 * @returns The reader.
 * @example
 * import { createReader } from 'latinitsa/reverse';
 * const reader = createReader({ schemes: ['bgn-pcgn', 'wikipedia', 'ala-lc-simplified'] });
 * reader.read('Zinovyev').map((r) => [r.cyrillic, r.schemes.map((i) => reader.schemes[i])]).slice(0, 1);
 * //=> [['зиновьев', ['wikipedia']]]
 */
export function createReader(options: ReadingsOptions = {}): Reader {
  const given = options.schemes ?? languageSchemes(options.lang ?? 'ru');
  const list: ReaderScheme[] = given.map((s) => (typeof s === 'string' ? { scheme: s } : s));
  if (list.length > 31) throw new RangeError('createReader: at most 31 schemes');
  const romanizeOptions: RomanizeOptions[] = list.map((s) => ({ ...s.options, scheme: s.scheme }));
  const compiled = romanizeOptions.map((o) => resolveScheme(o));
  const romanizers = romanizeOptions.map((o) => romanizeFor(o));
  const ids = compiled.map((c) => c.scheme.id);
  // A loaded scheme object cannot be keyed by id (another may have the same): it is keyed by
  // itself, and a list with one is kept with the first of them.
  const objects = list.map((s) => s.scheme).filter((s): s is Exclude<typeof s, string> => typeof s !== 'string');
  const key = list.map((s, i) => `${typeof s.scheme === 'string' ? ids[i] : schemeKey(s.scheme)}${JSON.stringify(s.options ?? {})}`).join(';');
  const { lattice, letters } = mergedLattice(key, compiled, objects[0]);
  const lexicon = options.lexicon;
  const unattested = options.unattested ?? 4;
  const model: LetterModel = russianLetters;
  const cache = new Map<string, Reading[]>();
  // The search walks the lexicon when it can list prefixes; with lookup alone, the letter model's
  // best readings are looked up. Its answers are not remembered: half the prefixes a text's words
  // ask are new, and a memo of strings cost more than the lexicon's own search (bench/check.bench.ts).
  const walker = lexicon?.hasPrefix === undefined ? undefined : (lexicon as Lexicon);

  const keyOf = (word: string): string => `${word.length > 0 && word[0] !== word[0]!.toLowerCase() ? 'C' : 'c'}${foldRomanized(word)}`;
  /** A word's readings (the attested ones alone: the beam is spared when the walk suffices), by its key. */
  const search = (k: string, attestedOnly: boolean): Reading[] => {
    const capitalised = k[0] === 'C';
    const folded = k.slice(1);
    const out: Reading[] = [];
    // The longest Russian words romanize to about 50 letters; a longer token is not read.
    if (folded.length > 0 && folded.length <= 100) {
      const written = new Map<string, number[]>();
      const accept = (c: RawCandidate): boolean => {
        const schemes: number[] = [];
        for (let i = 0; i < compiled.length; i++) {
          if ((c.mask & (1 << i)) === 0) continue;
          if (foldRomanized(romanizers[i]!(c.cyr)) === folded) schemes.push(i);
        }
        written.set(c.cyr, schemes);
        return schemes.length > 0;
      };
      const raw = searchCandidates(folded, lattice, romanizeOptions[0]!, model, walker, { accept, keep: unattested * 3, beam: BEAM, spans: false, attestedOnly });
      const scored = raw.map((c) => {
        const flags = (walker ?? lexicon)?.lookup(c.cyr) ?? 0;
        return { cyrillic: c.cyr, schemes: written.get(c.cyr)!, score: Math.round((scoreWord(c.cyr, model) + lexiconBonus(flags, capitalised)) * 100) / 100, flags };
      });
      scored.sort((a, b) => b.score - a.score || (a.cyrillic < b.cyrillic ? -1 : a.cyrillic > b.cyrillic ? 1 : 0));
      let plain = 0;
      for (const r of scored) if (r.flags !== 0 || (!attestedOnly && plain++ < unattested)) out.push(r);
    }
    return out;
  };
  const read = (word: string): Reading[] => {
    const k = keyOf(word);
    let out = cache.get(k);
    if (out === undefined) cache.set(k, (out = search(k, false)));
    return out;
  };
  const attested = (word: string): Reading[] => {
    const k = keyOf(word);
    return cache.get(k)?.filter((r) => r.flags !== 0) ?? search(k, true);
  };
  return { read, attested, schemes: ids, letters };
}

/**
 * The Cyrillic readings of one romanized word under a language's schemes, best first (see
 * {@link createReader}; for many words, make one reader and reuse it).
 *
 * @example
 * import { readings } from 'latinitsa/reverse';
 * readings('Zinov’ev', { schemes: ['ala-lc-simplified', 'wikipedia'] })[0]?.cyrillic;
 * //=> 'зиновьев'
 */
export function readings(word: string, options: ReadingsOptions = {}): readonly Reading[] {
  return createReader(options).read(word);
}
