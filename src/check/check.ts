// The manuscript consistency checker (docs/check.md): finds romanized Russian words in English prose,
// groups the spellings of one word, and reports minority spellings, spellings the house scheme
// cannot produce, and words mixing Latin and Cyrillic letters.
import { lineIndex, type LineIndex } from '../diagnostics/place.ts';
import type { Point } from '../diagnostics/types.ts';
import { romanize } from '../engine/romanize.ts';
import { resolveScheme } from '../engine/resolve.ts';
import { getLanguage } from '../schemes/registry.ts';
import { tokenizeWords, type WordToken } from '../segment/index.ts';
import { candidateThresholds, cyrillicCandidates, foldLatin, skeletonKey, type CyrillicCandidate } from './candidates.ts';
import english from './data/english.json' with { type: 'json' };
import inverse from './data/inverse.json' with { type: 'json' };

const ENGLISH_SUFFIX = new RegExp(inverse.englishSuffixes.pattern, 'u');
import type { CheckDocument, CheckOptions, CheckRegion, CheckDiagnostic as Diagnostic } from './types.ts';

let englishSet: Set<string> | undefined;
function builtInEnglish(): Set<string> {
  englishSet ??= new Set(english.words.split(' '));
  return englishSet;
}

interface Occurrence {
  doc: number;
  token: WordToken;
  domain: 'text' | 'notes';
}

interface Spelling {
  fold: string;
  display: string;
  count: number;
  occurrences: Occurrence[];
}

/** A reading of a spelling, with the extra weight a lexicon gives it in the vote. */
interface Reading extends CyrillicCandidate {
  vote?: number;
}

/** What the checker knows about one spelling (cached per run). */
interface WordInfo {
  candidates: Reading[];
  /** Candidates close enough to the best to count as readings of the word. */
  near: Reading[];
}

/** The target spelling in the case pattern of the word it replaces. */
function matchCase(target: string, like: string): string {
  if (like.length > 1 && like === like.toUpperCase() && like !== like.toLowerCase()) return target.toUpperCase();
  const first = like[0]!;
  if (first !== first.toLowerCase()) return target.charAt(0).toUpperCase() + target.slice(1);
  return target.toLowerCase();
}

/** Longest Latin token read as a possible romanized Russian word. */
const MAX_WORD_LENGTH = 100;

/** Whether a Latin word is a candidate at all (by its form; the English list comes later). */
function wordShapeOk(word: string): boolean {
  // The longest Russian words romanize to about 50 letters; a longer token (an identifier, a
  // base64 run) is not a romanized word, and reading it would cost time superlinear in its length.
  if (word.length < 3 || word.length > MAX_WORD_LENGTH) return false;
  const upper = word.toUpperCase() === word;
  // Acronyms (NKVD, USSR) and words with inner capitals (TsK, VTsIK) are not checked.
  if (upper && word.length <= 5) return false;
  if (!upper && /\p{Lu}/u.test(word.slice(1))) return false;
  return true;
}

/** Mixed-script words: look-alike letters of the minority script replaced by their twins, if all have one. */
function mixedScriptFix(word: string): { expected?: string; cyrillicMajority: boolean } {
  const glyphs = getLanguage('ru').homoglyphs ?? {};
  const toLatin = new Map(Object.entries(glyphs).map(([lat, cyr]) => [cyr, lat]));
  let cyr = 0;
  let lat = 0;
  for (const ch of word) {
    if (/\p{Script=Cyrillic}/u.test(ch)) cyr++;
    else if (/\p{Script=Latin}/u.test(ch)) lat++;
  }
  const cyrillicMajority = cyr >= lat;
  let out = '';
  for (const ch of word) {
    const isLatin = /\p{Script=Latin}/u.test(ch);
    const isCyr = /\p{Script=Cyrillic}/u.test(ch);
    if (cyrillicMajority && isLatin) {
      const twin = (glyphs as Record<string, string>)[ch];
      if (twin === undefined) return { cyrillicMajority };
      out += twin;
    } else if (!cyrillicMajority && isCyr) {
      const twin = toLatin.get(ch);
      if (twin === undefined) return { cyrillicMajority };
      out += twin;
    } else out += ch;
  }
  return { expected: out, cyrillicMajority };
}

/**
 * Checks several documents as one work (a book split into chapter files): the spellings of a
 * word are counted across all of them. See {@link checkText}.
 *
 * @param documents The documents, each with its text, optional regions and file name.
 * @param options House scheme, notes scheme, allow and ignore lists.
 * @returns Diagnostics, by document then position.
 * @example
 * import { checkDocuments } from 'latinitsa';
 * const chapters = [{ file: 'ch1.md', text: 'Zinoviev and Kamenev. Zinoviev again.' }, { file: 'ch2.md', text: 'Later Zinovyev fell.' }];
 * checkDocuments(chapters).map((d) => `${d.file}:${d.place.start.line}:${d.place.start.column} ${d.actual} -> ${d.expected[0]}`);
 * //=> ['ch2.md:1:7 Zinovyev -> Zinoviev']
 */
export function checkDocuments(documents: readonly CheckDocument[], options: CheckOptions = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const docOf = new Map<Diagnostic, number>();
  const english = builtInEnglish();
  const extraEnglish = new Set([...(options.englishWords ?? [])].map((w) => w.toLowerCase()));
  const ignore = new Set((options.ignore ?? []).map((w) => foldLatin(w)));
  const allow = new Set((options.allow ?? []).map((w) => foldLatin(w)));
  const schemes = { text: options.scheme, notes: options.notesScheme ?? options.scheme };
  const schemeOptions = { text: options.schemeOptions ?? {}, notes: (options.notesScheme === undefined ? options.schemeOptions : options.notesSchemeOptions) ?? {} };
  // Each domain's scheme and options are resolved (and checked) once, before any work.
  const resolved = {
    text: resolveScheme({ ...schemeOptions.text, scheme: schemes.text }).scheme,
    notes: resolveScheme({ ...schemeOptions.notes, scheme: schemes.notes }).scheme,
  };
  const separateNotes = options.notesScheme !== undefined;
  const lines = documents.map((d) => lineIndex(d.text));

  const info = new Map<string, WordInfo | null>();
  // Non-English words whose spelling looks foreign (Alexei, Kolchack): they join a group only
  // when the text also has a plausible spelling with the same key.
  const foreignLooking = new Set<string>();
  const wordInfo = (fold: string): WordInfo | null => {
    let known = info.get(fold);
    if (known !== undefined) return known;
    known = null;
    if (!english.has(fold) && !extraEnglish.has(fold) && !ignore.has(fold) && !englishContraction(fold, english) && !(ENGLISH_SUFFIX.test(fold) && fold.length > 6)) {
      let candidates: Reading[] = cyrillicCandidates(fold);
      const plausible = (candidates[0]?.cost ?? Infinity) <= candidateThresholds.maxCost;
      const lexicon = options.lexicon;
      if (lexicon !== undefined && plausible) {
        // Attested readings cost less (names more), which reorders them, and weigh more when the
        // spellings of a word vote for its reading; whether the word is plausibly Russian at all
        // was decided above, without the lexicon.
        candidates = candidates
          .map((c) => {
            const flags = lexicon.lookup(c.cyrillic);
            const name = (flags & inverse.lexicon.nameFlags) !== 0;
            const bonus = flags === 0 ? 0 : name ? inverse.lexicon.nameBonus : inverse.lexicon.otherBonus;
            const vote = flags === 0 ? 0 : name ? inverse.lexicon.nameVote : inverse.lexicon.otherVote;
            return { cyrillic: c.cyrillic, cost: c.cost - bonus, vote };
          })
          .sort((a, b) => a.cost - b.cost);
      }
      const best = candidates[0];
      if (best !== undefined && plausible) {
        known = { candidates, near: candidates.filter((c) => c.cost <= best.cost + candidateThresholds.conformSlack) };
      } else if (/^\p{Lu}/u.test(fold) || fold.length >= 4) foreignLooking.add(fold);
    }
    info.set(fold, known);
    return known;
  };

  const romanCache = new Map<string, string>();
  const roman = (cyrillic: string, domain: 'text' | 'notes'): string => {
    const k = `${domain}\u0000${cyrillic}`;
    let r = romanCache.get(k);
    if (r === undefined) {
      r = foldLatin(romanize(cyrillic, { ...schemeOptions[domain], scheme: resolved[domain] }));
      romanCache.set(k, r);
    }
    return r;
  };

  // 1. Words.
  const forms = new Map<string, { fold: string; key: string } | null>();
  const groups = new Map<string, Map<string, Spelling>>();
  const late: Array<{ key: string; fold: string; occurrence: Occurrence }> = [];
  const add = (key: string, fold: string, occurrence: Occurrence): void => {
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = new Map()));
    let spelling = group.get(fold);
    if (spelling === undefined) group.set(fold, (spelling = { fold, display: occurrence.token.text, count: 0, occurrences: [] }));
    spelling.count++;
    spelling.occurrences.push(occurrence);
  };
  documents.forEach((doc, d) => {
    const regions: readonly CheckRegion[] = doc.regions ?? [{ start: 0, end: doc.text.length, kind: 'text' }];
    for (const region of regions) {
      const tokens = tokenizeWords(doc.text.slice(region.start, region.end), { offset: region.start });
      for (const token of tokens) {
        if (token.script === 'mixed') {
          const dg = mixedDiagnostic(doc, token, lines[d]!);
          docOf.set(dg, d);
          diagnostics.push(dg);
          continue;
        }
        if (token.script !== 'latin') continue;
        // Most words repeat: fold, test and key each written form once.
        let seen = forms.get(token.text);
        if (seen === undefined) {
          const fold = foldLatin(token.text);
          seen = wordShapeOk(token.text) && (allow.has(fold) || wordInfo(fold) !== null || foreignLooking.has(fold)) ? { fold, key: skeletonKey(fold) } : null;
          forms.set(token.text, seen);
        }
        if (seen === null) continue;
        const domain = separateNotes ? region.kind : 'text';
        const key = `${domain}\u0000${seen.key}`;
        const occurrence = { doc: d, token, domain: region.kind };
        if (foreignLooking.has(seen.fold)) late.push({ key, fold: seen.fold, occurrence });
        else add(key, seen.fold, occurrence);
      }
    }
  });
  for (const { key, fold, occurrence } of late) if (groups.has(key)) add(key, fold, occurrence);

  // 2. The Cyrillic reading of each word: the one most spellings support (weighted by count, more
  // when the scheme writes it exactly as spelt), then the cheapest; pooled over text and notes,
  // which spell the same words in two schemes.
  const readings = new Map<string, string>();
  const pooled = new Map<string, Map<string, { n: number; cost: number }>>();
  for (const [key, group] of groups) {
    const skeleton = key.slice(key.indexOf('\u0000') + 1);
    let score = pooled.get(skeleton);
    if (score === undefined) pooled.set(skeleton, (score = new Map()));
    const domain = key.startsWith('notes') ? 'notes' : 'text';
    for (const s of group.values()) {
      for (const c of wordInfo(s.fold)?.near ?? []) {
        const old = score.get(c.cyrillic) ?? { n: 0, cost: Infinity };
        // A reading the scheme writes exactly as the spelling weighs more (Engel: энгел, not енгел).
        const exact = schemes[domain] !== undefined && roman(c.cyrillic, domain) === s.fold ? inverse.exactVote : 0;
        score.set(c.cyrillic, { n: old.n + s.count * (1 + exact + (c.vote ?? 0)), cost: Math.min(old.cost, c.cost) });
      }
    }
  }
  for (const [skeleton, score] of pooled) {
    const [best] = [...score].sort((a, b) => b[1].n - a[1].n || a[1].cost - b[1].cost || (a[0] < b[0] ? -1 : 1));
    if (best !== undefined) readings.set(skeleton, best[0]);
  }

  // 3. Groups: the target spelling of each word, and every other spelling reported.
  for (const [key, group] of groups) {
    const domain = key.startsWith('notes') ? 'notes' : 'text';
    const scheme = schemes[domain];
    const spellings = [...group.values()];
    const allowed = spellings.filter((s) => allow.has(s.fold));
    if (spellings.length === 1 && (scheme === undefined || allowed.length > 0)) continue;
    let target: string;
    let cyrillic: string | undefined;
    if (allowed.length > 0) {
      target = allowed.sort((a, b) => b.count - a.count)[0]!.display;
    } else if (scheme !== undefined) {
      cyrillic = readings.get(key.slice(key.indexOf('\u0000') + 1))!;
      target = roman(cyrillic, domain);
    } else {
      target = spellings.sort((a, b) => b.count - a.count || a.occurrences[0]!.token.start - b.occurrences[0]!.token.start)[0]!.display;
    }
    const targetFold = foldLatin(target);
    const targetSpelling = group.get(targetFold);
    const first = targetSpelling?.occurrences[0];
    const firstAt = first === undefined ? '' : `; ${targetSpelling!.display} first at ${placeName(documents[first.doc]!.file, lines[first.doc]!.pointAt(first.token.start))}`;
    const counts = spellings.sort((a, b) => b.count - a.count).map((s) => `${s.count} × ${s.display}`).join(', ') + firstAt;
    for (const s of spellings) {
      if (s.fold === targetFold || allow.has(s.fold)) continue;
      const conforms = scheme === undefined || (wordInfo(s.fold)?.near ?? []).some((c) => roman(c.cyrillic, domain) === s.fold);
      const ruleId = conforms ? 'check/inconsistent-romanization' : 'check/scheme-mismatch';
      for (const { doc, token } of s.occurrences) {
        const text = matchCase(target, token.text);
        const reason = !conforms
          ? `"${token.text}" is not ${scheme} romanization; ${scheme} writes "${text}"${cyrillic === undefined ? '' : ` (${cyrillic})`}.`
          : scheme === undefined
            ? `Inconsistent romanization: "${token.text}" is spelt "${text}" elsewhere.`
            : `Inconsistent romanization: "${token.text}" and "${text}" stand for one word${cyrillic === undefined ? '' : ` (${cyrillic})`}; ${scheme} writes "${text}".`;
        const dg: Diagnostic = {
          ruleId,
          source: 'latinitsa',
          severity: 'error',
          reason,
          place: lines[doc]!.placeOf(token.start, token.end),
          actual: token.text,
          expected: [text],
          note: counts,
          fix: { range: [token.start, token.end], text },
          data: { key: skeletonKey(s.fold), ...(cyrillic === undefined ? {} : { cyrillic }), ...(scheme === undefined ? {} : { scheme }) },
        };
        const file = documents[doc]!.file;
        if (file !== undefined) dg.file = file;
        docOf.set(dg, doc);
        diagnostics.push(dg);
      }
    }
  }
  return diagnostics.sort((a, b) => docOf.get(a)! - docOf.get(b)! || a.place.start.offset - b.place.start.offset);
}

/** `file:line:column`, or `line:column` for a text without a name. */
function placeName(file: string | undefined, point: Point): string {
  return `${file === undefined ? '' : `${file}:`}${point.line}:${point.column}`;
}

/** English contractions and possessives the tokenizer left whole (o’clock, ma’am). */
function englishContraction(fold: string, english: Set<string>): boolean {
  if (!/['’]/u.test(fold)) return false;
  return english.has(fold.replace(/['’]/gu, ''));
}

function mixedDiagnostic(doc: CheckDocument, token: WordToken, lines: LineIndex): Diagnostic {
  const { expected, cyrillicMajority } = mixedScriptFix(token.text);
  const dg: Diagnostic = {
    ruleId: 'check/mixed-script',
    source: 'latinitsa',
    severity: 'error',
    reason: `"${token.text}" mixes Latin and Cyrillic letters${expected === undefined ? '' : `; ${cyrillicMajority ? 'Cyrillic' : 'Latin'} "${expected}" intended?`}`,
    place: lines.placeOf(token.start, token.end),
    actual: token.text,
    expected: expected === undefined ? [] : [expected],
  };
  if (expected !== undefined) dg.fix = { range: [token.start, token.end], text: expected };
  if (doc.file !== undefined) dg.file = doc.file;
  return dg;
}

/**
 * Checks a manuscript for romanized Russian spelt inconsistently: spellings of one word that
 * differ (Zinoviev / Zinovyev), spellings the house scheme cannot produce (`--scheme`), and words
 * that mix Latin and Cyrillic letters. English words (a built-in list from the `word-list`
 * package), URLs, citation keys and code in backticks are not checked.
 *
 * @param text The prose.
 * @param options `scheme`, `notesScheme`, `allow`, `ignore`, `regions`…
 * @returns Diagnostics in text order.
 * @example
 * import { checkText, DEFAULT_SCHEME } from 'latinitsa';
 * checkText('Grigorii Zinoviev met Dostoyevsky.', { scheme: DEFAULT_SCHEME }).map((d) => [d.actual, d.expected[0], d.ruleId]);
 * //=> [['Grigorii', 'Grigory', 'check/scheme-mismatch'], ['Dostoyevsky', 'Dostoevsky', 'check/scheme-mismatch']]
 */
export function checkText(text: string, options: CheckOptions & { regions?: readonly CheckRegion[] } = {}): Diagnostic[] {
  const { regions, ...rest } = options;
  return checkDocuments([regions === undefined ? { text } : { text, regions }], rest);
}
