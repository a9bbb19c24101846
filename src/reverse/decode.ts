import type { CompiledScheme } from '../engine/compile.ts';
import { romanize, type RomanizeOptions } from '../engine/romanize.ts';
import { LexiconFlag, type Lexicon } from './lexicon.ts';

/** Every flag bit the lexicon defines. */
const KNOWN_FLAGS = Object.values(LexiconFlag).reduce((a, b) => a | b, 0);

/**
 * The inverse of a compiled scheme: every Latin piece the scheme writes and the Cyrillic letters
 * it may stand for, read off the scheme's own letter table and context rules (no letter is named
 * in this code). A piece from a rule keeps the rule's contexts, so the search can drop paths the
 * rule could not have produced; every finished candidate is then romanized again and kept only
 * when it gives back the input (the correctness filter).
 */
export interface Piece {
  /** Lower-case Latin the piece writes (may be empty: a letter the scheme omits). */
  readonly latin: string;
  /** The Cyrillic letters, lower case. */
  readonly cyr: string;
  /** Latin written for each Cyrillic letter (joined = `latin`). */
  readonly parts: readonly string[];
  readonly after: ReadonlySet<string> | undefined;
  readonly before: ReadonlySet<string> | undefined;
  readonly notAfter: ReadonlySet<string> | undefined;
  readonly notBefore: ReadonlySet<string> | undefined;
  /** Whether the piece comes from a context rule rather than the letter table. */
  readonly rule: boolean;
  /**
   * In a lattice merged from several schemes (src/reverse/readings.ts): the bit set of the schemes
   * that have this piece. Absent in a single scheme's inverse.
   */
  readonly mask?: number;
}

export interface Inverse {
  readonly compiled: CompiledScheme;
  /** Non-empty pieces by their first Latin character. */
  readonly byFirst: ReadonlyMap<string, readonly Piece[]>;
  /** Pieces that write nothing (signs a scheme omits, word-final ъ dropped by a rule). */
  readonly empties: readonly Piece[];
  /** Characters that may stand inside a romanized word besides Latin letters (primes, ties, marks). */
  readonly innerChars: ReadonlySet<string>;
  /** Every character the scheme writes for a letter, lower case. */
  readonly outputChars: ReadonlySet<string>;
  /** Whether the language's modern letters all have distinct, non-empty values (ala-lc, iso-9, gost-7.79-b, scholarly). */
  readonly exact: boolean;
}

const inverseCache = new WeakMap<CompiledScheme, Inverse>();

/** The inverse of a compiled scheme (built once per compiled scheme). */
export function getInverse(compiled: CompiledScheme): Inverse {
  let inv = inverseCache.get(compiled);
  if (inv !== undefined) return inv;
  const all: Piece[] = [];
  const none = { after: undefined, before: undefined, notAfter: undefined, notBefore: undefined };
  for (const [letter, forms] of compiled.letters) {
    // A letter the engine rewrites before romanizing never appears in its own right; one the
    // scheme has no value for (written with the fallback scheme's, and reported) is not read back.
    if (compiled.substitute.has(letter) || compiled.fallback.has(letter)) continue;
    all.push({ latin: forms.lower, cyr: letter, parts: [forms.lower], ...none, rule: false });
  }
  for (const list of compiled.rules.values()) {
    for (const rule of list) {
      if (rule.letters.some((l) => compiled.substitute.has(l))) continue;
      all.push({
        latin: rule.lower.join(''),
        cyr: rule.letters.join(''),
        parts: rule.lower,
        after: rule.after,
        before: rule.before,
        notAfter: rule.notAfter,
        notBefore: rule.notBefore,
        rule: true,
      });
    }
  }
  const byFirst = new Map<string, Piece[]>();
  const empties: Piece[] = [];
  const outputChars = new Set<string>();
  for (const piece of all) {
    if (piece.latin === '') {
      empties.push(piece);
      continue;
    }
    for (const ch of piece.latin) outputChars.add(ch);
    const first = piece.latin[0]!;
    const list = byFirst.get(first) ?? [];
    list.push(piece);
    byFirst.set(first, list);
  }
  const innerChars = new Set([...outputChars].filter((ch) => !/\p{L}/u.test(ch) || !/\p{Script=Latin}/u.test(ch)));
  const modern = [...compiled.language.letters].map((l) => compiled.letters.get(l)?.lower ?? '');
  const exact = modern.every((v) => v !== '') && new Set(modern).size === modern.length;
  inv = { compiled, byFirst, empties, innerChars, outputChars, exact };
  inverseCache.set(compiled, inv);
  return inv;
}

/** A candidate reading of one word, lower case, with the Latin span of every Cyrillic letter. */
export interface RawCandidate {
  cyr: string;
  /** For each Cyrillic letter, [start, end) in the lower-case Latin word (start === end: written as nothing). */
  spans: [number, number][];
  /** How many of its pieces come from the scheme's context rules. */
  rules: number;
  /** The schemes whose pieces all lie on the path (see {@link Piece.mask}); all ones for a single scheme. */
  mask: number;
}

interface Hyp {
  cyr: string;
  rules: number;
  mask: number;
  spans: [number, number][];
  /** Constraints on the next letter left by the last piece (a rule's `before`/`notBefore`). */
  before: ReadonlySet<string> | undefined;
  notBefore: ReadonlySet<string> | undefined;
  /** Whether the last step inserted an empty piece (no two in a row). */
  empty: boolean;
  /** The piece whose `before`/`notBefore` are pending (for deduplication). */
  last: Piece | undefined;
  score: number;
  /**
   * The letters `cyr` as a number, the same for the same letters however they were reached (a
   * node of the search's {@link LetterTrie}; 0 in the lexicon walk, which does not deduplicate).
   */
  letters: number;
}

/**
 * Numbers for the letter strings of a search's hypotheses, and the beam's deduplication by them.
 * The beam deduplicates hypotheses by their letters at every position; keyed by a Map of the
 * strings, it hashed a new string for each hypothesis (the Map's lookups were about a tenth of the
 * reading search in a CPU profile). Here the letters are a node of a trie the search builds as it
 * extends them (each node's children in a list: a node has a few), and the deduplication marks
 * nodes in arrays indexed by them: no string is hashed and no Map is built. One trie serves every
 * search (emptied at the start of each beam), so that its arrays are not made again for each word.
 */
class LetterTrie {
  /** Per node: the UTF-16 unit that leads to it, its first child and its next sibling (0: none; node 0, no letters, is no one's child). */
  #unit = new Uint16Array(256);
  #first = new Int32Array(256);
  #sibling = new Int32Array(256);
  /** Per node: the deduplication round that last saw it, and where in that round's output it first stands. */
  #round = new Int32Array(256);
  #at = new Int32Array(256);
  #size = 1;
  #rounds = 0;

  /** Empties the trie: only node 0, no letters. */
  reset(): void {
    this.#size = 1;
    this.#first[0] = 0;
  }

  /** The node of the letters of `node` followed by `cyr` (node 0: no letters). */
  child(node: number, cyr: string): number {
    let at = node;
    for (let i = 0; i < cyr.length; i++) {
      const unit = cyr.charCodeAt(i);
      let c = this.#first[at]!;
      while (c !== 0 && this.#unit[c] !== unit) c = this.#sibling[c]!;
      if (c === 0) {
        if (this.#size === this.#unit.length) this.#grow();
        c = this.#size++;
        this.#unit[c] = unit;
        this.#first[c] = 0;
        this.#sibling[c] = this.#first[at]!;
        this.#first[at] = c;
      }
      at = c;
    }
    return at;
  }

  #grow(): void {
    const twice = <T extends Uint16Array | Int32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(2 * a.length);
      b.set(a);
      return b;
    };
    this.#unit = twice(this.#unit);
    this.#first = twice(this.#first);
    this.#sibling = twice(this.#sibling);
    this.#round = twice(this.#round);
    this.#at = twice(this.#at);
  }

  /** Starts a deduplication round: no node seen yet. */
  newRound(): void {
    // Rounds only grow, so that a node marked in an earlier one (of this search or another) is
    // not seen; before they would overflow, the marks are cleared.
    if (this.#rounds === 0x7fffffff) {
      this.#round.fill(0);
      this.#rounds = 0;
    }
    this.#rounds++;
  }

  /** Where the first hypothesis of this round with the letters `node` stands, or -1. */
  seen(node: number): number {
    return this.#round[node] === this.#rounds ? this.#at[node]! : -1;
  }

  /** Notes that the first hypothesis of this round with the letters `node` stands at `at`. */
  see(node: number, at: number): void {
    this.#round[node] = this.#rounds;
    this.#at[node] = at;
  }
}

const letterTrie = new LetterTrie();

function lastLetter(cyr: string): string {
  return cyr === '' ? '^' : cyr[cyr.length - 1]!;
}

function fits(h: Hyp, piece: Piece): boolean {
  if (piece.mask !== undefined && (h.mask & piece.mask) === 0) return false;
  // The letters are taken only for a piece or hypothesis with contexts (a rule's): a Cyrillic
  // letter taken out of a string is a new string each time, and most pieces have none.
  if (piece.after !== undefined || piece.notAfter !== undefined) {
    const prev = lastLetter(h.cyr);
    if (piece.after !== undefined && !piece.after.has(prev)) return false;
    if (piece.notAfter?.has(prev)) return false;
  }
  if (h.before !== undefined || h.notBefore !== undefined) {
    const next = piece.cyr[0]!;
    if (h.before !== undefined && !h.before.has(next)) return false;
    if (h.notBefore?.has(next)) return false;
  }
  return true;
}

function endFits(h: Hyp): boolean {
  if (h.before !== undefined && !h.before.has('$')) return false;
  return !h.notBefore?.has('$');
}

/** The spans of a search that does not track them (see SearchOptions.spans). */
const NO_SPANS: [number, number][] = [];

function extend(h: Hyp, piece: Piece, pos: number, score: number, letters = 0, cyr = h.cyr + piece.cyr): Hyp {
  let spans = NO_SPANS;
  if (h.spans !== NO_SPANS) {
    spans = h.spans.slice();
    let at = pos;
    for (const part of piece.parts) {
      spans.push([at, at + part.length]);
      at += part.length;
    }
  }
  return { cyr, rules: h.rules + (piece.rule ? 1 : 0), mask: piece.mask === undefined ? h.mask : h.mask & piece.mask, spans, before: piece.before, notBefore: piece.notBefore, empty: piece.latin === '', last: piece.before === undefined && piece.notBefore === undefined ? undefined : piece, score, letters };
}

/**
 * A scorer of letter sequences: the log10-probability of `letter` after `context`, the one or two
 * letters before it (`^` = word start, `$` = word end).
 */
export type { LetterModel } from '../detect/letters.ts';
import type { LetterModel } from '../detect/letters.ts';

/** Options of the candidate search. */
export interface SearchOptions {
  /** Beam width per Latin position for the unattested search. */
  beam?: number;
  /** At most this many search nodes in the lexicon walk. */
  maxNodes?: number;
  /**
   * Which finished readings to keep, instead of romanizing each with `romanizeOptions` and
   * comparing (a lattice of several schemes verifies per scheme, src/reverse/readings.ts).
   */
  accept?: (candidate: RawCandidate) => boolean;
  /** How many of the letter model's best readings to verify (default: all the beam holds). */
  keep?: number;
  /** Track the Latin span of every letter (default true); without them the search allocates less. */
  spans?: boolean;
  /**
   * Only the readings the lexicon attests are wanted: when the lexicon walk finishes within
   * `maxNodes`, it has found every one of them by every path (each prefix of an attested reading
   * is a prefix the lexicon has), so with all the schemes the beam could add, and the letter
   * model's beam is skipped. When the walk runs out of nodes, the beam runs as without this
   * option; either way the attested readings are the same (test/check-score.test.ts).
   */
  attestedOnly?: boolean;
}

/** The lattice a search walks: Latin pieces by first character, and pieces that write nothing. */
export type Lattice = Pick<Inverse, 'byFirst' | 'empties'>;

/**
 * All readings of a lower-case Latin word under the scheme that the lexicon attests (a walk of
 * the lattice pruned by the lexicon's prefixes), plus the best-scoring readings by the letter
 * model (a beam search), each verified by romanizing it again.
 */
export function searchCandidates(
  latin: string,
  inv: Lattice,
  romanizeOptions: RomanizeOptions,
  model: LetterModel,
  lexicon: Lexicon | undefined,
  options: SearchOptions = {},
): RawCandidate[] {
  const found = new Map<string, RawCandidate>();
  const n = latin.length;
  const start: Hyp = { cyr: '', rules: 0, mask: -1, spans: options.spans === false ? NO_SPANS : [], before: undefined, notBefore: undefined, empty: false, last: undefined, score: 0, letters: 0 };
  // The pieces whose Latin matches at each position, found once per word (every hypothesis at a
  // position tries the same ones).
  const matching: Piece[][] = [];
  for (let pos = 0; pos < n; pos++) matching.push((inv.byFirst.get(latin[pos]!) ?? []).filter((piece) => latin.startsWith(piece.latin, pos)));
  const finish = (h: Hyp): void => {
    if (!endFits(h)) return;
    const old = found.get(h.cyr);
    // The same letters by another path: the schemes of both paths can write them.
    if (old === undefined) found.set(h.cyr, { cyr: h.cyr, spans: h.spans, rules: h.rules, mask: h.mask });
    else old.mask |= h.mask;
  };

  if (lexicon !== undefined) {
    let nodes = 0;
    const maxNodes = options.maxNodes ?? 20000;
    const walk = (h: Hyp, pos: number): void => {
      if (++nodes > maxNodes) return;
      if (pos === n && lexicon.lookup(h.cyr) !== 0) finish(h);
      // The pieces that fit here, then the omitted letters (never word-initial, never two in a row).
      if (pos < n) {
        for (const piece of matching[pos]!) {
          if (!fits(h, piece)) continue;
          // The letters are asked before a hypothesis is made of them: most are no word's prefix.
          const cyr = h.cyr + piece.cyr;
          if (lexicon.hasPrefix(cyr)) walk(extend(h, piece, pos, 0, 0, cyr), pos + piece.latin.length);
        }
      }
      if (h.empty || h.cyr === '') return;
      for (const piece of inv.empties) {
        if (!fits(h, piece)) continue;
        const cyr = h.cyr + piece.cyr;
        if (lexicon.hasPrefix(cyr)) walk(extend(h, piece, pos, 0, 0, cyr), pos);
      }
    };
    walk(start, 0);
    if (options.attestedOnly === true && nodes <= maxNodes) return verify(found, options.accept ?? ((c: RawCandidate) => romanize(c.cyr, romanizeOptions) === latin));
  }

  // Beam search by the letter model: hypotheses grouped by the Latin position they have reached.
  const beam = options.beam ?? 48;
  const trie = letterTrie;
  trie.reset();
  const atPos: Hyp[][] = Array.from({ length: n + 1 }, () => []);
  atPos[0]!.push(start);
  for (let pos = 0; pos <= n; pos++) {
    let list = atPos[pos]!;
    // Empty pieces stay at this position: add them before pruning.
    const extra: Hyp[] = [];
    for (const h of list) {
      if (h.empty || h.cyr === '') continue;
      const context = contextOf(h.cyr);
      for (const piece of inv.empties) {
        if (!fits(h, piece)) continue;
        extra.push(extend(h, piece, pos, h.score + scorePieceAfter(context, piece.cyr, model), trie.child(h.letters, piece.cyr)));
      }
    }
    for (const h of extra) list.push(h);
    list = best(dedupe(list, trie), beam);
    atPos[pos] = list;
    if (pos === n) break;
    for (const h of list) {
      // The letter model's context is the hypothesis's: found once for all the pieces it tries.
      const context = contextOf(h.cyr);
      for (const piece of matching[pos]!) {
        if (!fits(h, piece)) continue;
        atPos[pos + piece.latin.length]!.push(extend(h, piece, pos, h.score + scorePieceAfter(context, piece.cyr, model), trie.child(h.letters, piece.cyr)));
      }
    }
  }
  const last = atPos[n]!;
  for (const h of options.keep === undefined ? last : last.filter(endFits).slice(0, options.keep)) finish(h);

  return verify(found, options.accept ?? ((c: RawCandidate) => romanize(c.cyr, romanizeOptions) === latin));
}

/** The correctness filter: a reading counts only if the scheme writes it back as the input. */
function verify(found: ReadonlyMap<string, RawCandidate>, accept: (c: RawCandidate) => boolean): RawCandidate[] {
  const verified: RawCandidate[] = [];
  for (const c of found.values()) if (accept(c)) verified.push(c);
  return verified;
}

/**
 * Keeps one hypothesis per letters, pending constraints (the last piece's) and empty flag: the
 * better one, with the schemes of both. The survivors keep the order of their first appearance.
 */
function dedupe(list: Hyp[], trie: LetterTrie): Hyp[] {
  const out: Hyp[] = [];
  // The place in `out` of the first hypothesis with the same letters (kept by the trie); `next`
  // chains the places of the others with the same letters (-1 ends a chain).
  trie.newRound();
  const next: number[] = [];
  for (const h of list) {
    const first = trie.seen(h.letters);
    let at = -1;
    let tail = -1;
    for (let k = first; k !== -1; k = next[k]!) {
      const g = out[k]!;
      if (g.empty === h.empty && g.last === h.last) {
        at = k;
        break;
      }
      tail = k;
    }
    if (at === -1) {
      if (first === -1) trie.see(h.letters, out.length);
      else next[tail] = out.length;
      next.push(-1);
      out.push(h);
    } else {
      const g = out[at]!;
      const mask = g.mask | h.mask;
      const keep = g.score < h.score ? h : g;
      keep.mask = mask;
      out[at] = keep;
    }
  }
  return out;
}

/**
 * The `beam` best hypotheses, best first, equal scores in list order: what a stable sort by score
 * and a cut would keep, without sorting the whole list (most of it is cut).
 */
function best(list: readonly Hyp[], beam: number): Hyp[] {
  const top: Hyp[] = [];
  if (beam <= 0) return top;
  for (const h of list) {
    if (top.length >= beam && !(h.score > top[top.length - 1]!.score)) continue;
    // Shifted by hand: `splice` returns an array (of nothing) at every insertion.
    let i = top.length;
    if (i < beam) top.push(h);
    while (i > 0 && top[i - 1]!.score < h.score) {
      if (i < beam) top[i] = top[i - 1]!;
      i--;
    }
    top[i] = h;
  }
  return top;
}

/** The letter model's context after `prefix`: its last two letters, or `^` and what there is. */
function contextOf(prefix: string): string {
  return prefix.length >= 2 ? prefix.slice(-2) : `^${prefix}`;
}

function scorePiece(prefix: string, cyr: string, model: LetterModel): number {
  return scoreAfter(contextOf(prefix), cyr, model);
}

/** The letter model's score of the letters `cyr` after `context` (see {@link contextOf}). */
function scoreAfter(context: string, cyr: string, model: LetterModel): number {
  // Most pieces are one letter: no context to carry on. `0 +` keeps the loop's sum exactly (it
  // starts at 0, so a model's -0 comes out as 0, as it did before this shortcut).
  if (cyr.length === 1) return 0 + model(context, cyr);
  let s = 0;
  let at = context;
  for (const ch of cyr) {
    s += model(at, ch);
    at = (at + ch).slice(-2);
  }
  return s;
}

/**
 * The letter model's contexts after a context and one more letter, `(context + letter).slice(-2)`
 * (see {@link contextOf}), kept: the search scores the letters of its pieces of two letters or
 * more after the same few hundred contexts millions of times, and each made anew is a string for
 * the garbage collector.
 */
const contextsAfter = new Map<string, Map<string, string>>();

function contextAfterLetter(context: string, letter: string): string {
  let byLetter = contextsAfter.get(context);
  if (byLetter === undefined) contextsAfter.set(context, (byLetter = new Map()));
  let next = byLetter.get(letter);
  if (next === undefined) byLetter.set(letter, (next = (context + letter).slice(-2)));
  return next;
}

/** A piece's letters as the model scores them (code points, as a `for…of` over the string gives them), by its Cyrillic. */
const pieceLetters = new Map<string, readonly string[]>();

/** {@link scoreAfter} for the letters of a piece, with its letters and the contexts between them kept (the same sum). */
function scorePieceAfter(context: string, cyr: string, model: LetterModel): number {
  if (cyr.length === 1) return 0 + model(context, cyr);
  let letters = pieceLetters.get(cyr);
  if (letters === undefined) pieceLetters.set(cyr, (letters = [...cyr]));
  let s = 0;
  let at = context;
  for (const ch of letters) {
    s += model(at, ch);
    at = contextAfterLetter(at, ch);
  }
  return s;
}

/** The letter model's score of a whole word, word boundaries included. */
export function scoreWord(cyr: string, model: LetterModel): number {
  return scorePiece('', `${cyr}$`, model);
}

/** What the lexicon adds to a reading's score: names rank above case forms when capitalised; a word with several kinds of attestation more. */
export function lexiconBonus(flags: number, capitalised: boolean): number {
  let kinds = 0;
  for (let bits = flags & KNOWN_FLAGS; bits !== 0; bits &= bits - 1) kinds++;
  return baseBonus(flags, capitalised) + Math.max(0, kinds - 1);
}

function baseBonus(flags: number, capitalised: boolean): number {
  // Nominative names from the name lists rank above inflected proper nouns of the dictionary
  // (Зиновьев, the surname, above Зиновиев, a case form of Зиновий).
  const names = LexiconFlag.given | LexiconFlag.surname | LexiconFlag.patronymic;
  let b = 0;
  if (flags & LexiconFlag.word) b = Math.max(b, capitalised ? 5 : 6);
  if (flags & names) b = Math.max(b, capitalised ? 8 : 4);
  if (flags & LexiconFlag.proper) b = Math.max(b, capitalised ? 6 : 3);
  return b;
}
