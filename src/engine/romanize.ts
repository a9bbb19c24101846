import { assertOptions, LatinitsaError } from '../errors.ts';
import { setSampleCheck } from '../schemes/registry.ts';
import type { CompiledRule, CompiledScheme, LetterForms } from './compile.ts';
import { Caps, capsKind, isAllCaps, oneLetterCaps } from './caps.ts';
import { fastSchemeFor } from './fast/tables.ts';
import { romanizeStringFast, stringTables } from './fast/string.ts';
import { normalizeInput, scriptPatterns, sourceOffsets } from './normalize.ts';
import { assertRomanizable, COMMON_OPTION_NAMES, resolveScheme, type RomanizeOptions } from './resolve.ts';
import { AUTO_LANGUAGE, languageScheme } from './lang.ts';
import { mayNeedReport, pieces, unmappedLetter } from './auto.ts';
import type { Diagnostic } from '../diagnostics/index.ts';
import { lineIndex, type LineIndex } from '../diagnostics/place.ts';
import { DEFAULT_SCHEME, getScheme, type Scheme } from '../schemes/registry.ts';
import type { ParagraphLanguage } from '../detect/index.ts';

export type { RomanizeOptions } from './resolve.ts';

/** One piece of output and the input it came from, as {@link explain} returns it. */
export interface Segment {
  /** Offsets [start, end) in the normalised input (see `normalizeInput`). */
  input: [number, number];
  /** The input text of the piece. */
  source: string;
  /** What the piece became. */
  output: string;
  /** For a letter: the letter (lower case) after pre-1918 modernisation and substitutions. */
  letter?: string;
  /**
   * For a letter: the scheme rule that produced it (`R2`, `A1`), or `table` for the base table,
   * `exception` for the lexicon, `fallback` for a letter the scheme has no value for (written with
   * the language's fallback scheme, ISO 9), `unmapped` for one that has no value there either.
   */
  rule?: string;
  /** With `lang: 'auto'`: the language and scheme of the piece. */
  lang?: string;
  scheme?: string;
}

/** What {@link romanizeDetailed} returns. */
export interface RomanizeResult {
  /** The romanized text, as {@link romanize} returns it. */
  text: string;
  /** A warning for every letter the scheme has no value for (`romanize/unmapped-letter`). */
  diagnostics: Diagnostic[];
  /** With `lang: 'auto'`: each paragraph's language, why, and the scheme used for it. */
  languages?: (ParagraphLanguage & { scheme: string })[];
}

const COMMON = new Set(COMMON_OPTION_NAMES);

/**
 * The options for a piece of text in language `lang` (`lang: 'auto'`): the caller's scheme for
 * that language (the same family), keeping the options that scheme has; when the family has no
 * scheme for the language, the language's default scheme with the common options only. A value
 * the caller's scheme takes but this one does not (bgn-pcgn's `signs: 'omit'`; bgn-pcgn-be has
 * no such choice) is left to this scheme's default: the caller asked for it in their own scheme,
 * so a paragraph in another language must not turn it into an error.
 */
function pieceOptions(options: RomanizeOptions, lang: string): { options: RomanizeOptions; scheme: string } {
  const scheme = languageScheme(options.scheme, lang);
  const id = scheme.id;
  const caller = typeof options.scheme === 'object' ? options.scheme : getScheme(options.scheme ?? DEFAULT_SCHEME);
  const o: RomanizeOptions = { scheme, lang };
  for (const [key, value] of Object.entries(options)) {
    if (key === 'scheme' || key === 'lang') continue;
    if (COMMON.has(key)) o[key] = value;
    else if (Object.hasOwn(scheme.options, key)) {
      const given = typeof value === 'boolean' ? String(value) : value;
      const takes = (s: Scheme): boolean => typeof given === 'string' && Object.hasOwn(s.options, key) && Object.hasOwn(s.options[key]!.values, given);
      if (takes(scheme) || !takes(caller)) o[key] = value;
    }
  }
  return { options: o, scheme: id };
}

/**
 * The pieces of a text for `options.lang` (src/engine/auto.ts). With lang "auto" each piece takes
 * only the options its language's scheme has (pieceOptions), so they are first checked against
 * the caller's own scheme, as without "auto": a misspelt or unknown option is an error, not dropped.
 */
function textPieces(text: string, options: RomanizeOptions): ReturnType<typeof pieces> {
  if (options.lang === AUTO_LANGUAGE) resolveScheme({ ...options, lang: undefined });
  return pieces(text, options.lang);
}

/**
 * Romanizes text and reports what it did: a diagnostic for every letter the scheme has no value
 * for, and with `lang: 'auto'` the language decided for each paragraph (docs/languages.md).
 *
 * @example
 * import { romanizeDetailed } from 'latinitsa';
 * const r = romanizeDetailed('Щука и ёж.\n\nЇжак і ґанок.', { lang: 'auto' });
 * [r.text, r.languages?.map((p) => `${p.lang} ${p.evidence.join('')}`)];
 * //=> ['Shchuka i yozh.\n\nYizhak i ganok.', ['ru щё', 'uk іїґ']]
 * romanizeDetailed('Київ', { scheme: 'ala-lc' }).diagnostics.map((d) => [d.actual, d.expected]);
 * //=> [['ї', ['ï']]]
 */
export function romanizeDetailed(text: string, options: RomanizeOptions = {}): RomanizeResult {
  checkText(text);
  assertOptions(options, undefined, 'romanizeDetailed');
  const { pieces: parts, languages } = textPieces(text, options);
  const out: string[] = [];
  const diagnostics: Diagnostic[] = [];
  // One line index for every diagnostic: built per letter, it made many reported letters quadratic.
  let lines: LineIndex | undefined;
  for (const p of parts) {
    const o = p.lang === undefined ? options : pieceOptions(options, p.lang).options;
    const piece = text.slice(p.start, p.end);
    out.push(romanizeOne(piece, o));
    const compiled = resolveScheme(o);
    if (!mayNeedReport(piece, compiled)) continue;
    // A diagnostic points into the text as given, not the normalised one.
    for (const seg of explainOne(piece, o, 'given')) {
      if (seg.rule !== 'fallback' && seg.rule !== 'unmapped') continue;
      diagnostics.push(unmappedLetter(text, seg.input[0] + p.start, seg.input[1] + p.start, seg.letter!, seg.output, compiled, (lines ??= lineIndex(text))));
    }
  }
  const result: RomanizeResult = { text: out.join(''), diagnostics };
  if (languages !== undefined) result.languages = languages.map((l) => ({ ...l, scheme: pieceOptions(options, l.lang).scheme }));
  return result;
}

/** A letter of a word after substitution: lower-case letter, whether the source was upper case, where it came from. */
interface Unit {
  ch: string;
  upper: boolean;
  /**
   * A second or later letter of an expanded old letter (ѿ → от): upper case only in an all-caps
   * word, so that Ѿецъ gives Otets and ѾЕЦЪ gives OTETS.
   */
  continuation: boolean;
  /** Offsets of the source letter (with its marks) in the normalised text. */
  start: number;
  end: number;
  /** Combining marks that followed the source letter (emitted after its output). */
  marks: string;
  /** Whether this is the last unit of its source letter (marks are emitted there). */
  lastOfSource: boolean;
  /** Text between this unit's source letter and the next one (a joined line-break hyphen). */
  gap: string;
}

interface Word {
  start: number;
  end: number;
  units: Unit[];
  /** Source letters (before substitution), original case. */
  text: string;
  letterCount: number;
  upperCount: number;
  lowerCount: number;
  line: number;
}

function splitWords(text: string, compiled: CompiledScheme, joinHyphens: boolean): { words: Word[]; lineHasLower: boolean[] } {
  const { word: wordPattern } = scriptPatterns(compiled.language);
  const words: Word[] = [];
  const lineHasLower: boolean[] = [];
  let line = 0;
  let scanned = 0;
  wordPattern.lastIndex = 0;
  for (const m of text.matchAll(wordPattern)) {
    const start = m.index;
    // Count line breaks between the previous word and this one (\r\n, \r and \n each end a line).
    for (let i = scanned; i < start; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
    }
    scanned = start + m[0].length;
    const w: Word = { start, end: scanned, units: [], text: '', letterCount: 0, upperCount: 0, lowerCount: 0, line };
    let i = 0;
    const src = m[0];
    while (i < src.length) {
      const cp = src.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      let j = i + ch.length;
      let marks = '';
      while (j < src.length && /\p{M}/u.test(src[j]!)) marks += src[j++];
      const lower = ch.toLowerCase();
      const upperCh = ch.toUpperCase();
      const isUpper = ch !== lower;
      if (isUpper) w.upperCount++;
      else if (ch !== upperCh) w.lowerCount++;
      w.letterCount++;
      w.text += ch;
      const replacement = compiled.substitute.get(lower);
      const letters = replacement === undefined ? [lower] : [...replacement];
      letters.forEach((l, k) => {
        w.units.push({ ch: l, upper: isUpper, continuation: k > 0, start: start + i, end: start + j, marks: k === letters.length - 1 ? marks : '', lastOfSource: k === letters.length - 1, gap: '' });
      });
      i = j;
    }
    if (w.lowerCount > 0) lineHasLower[line] = true;
    const prev = words[words.length - 1];
    const between = prev === undefined ? '' : text.slice(prev.end, start);
    if (joinHyphens && prev !== undefined && /^-(?:\r\n|\r|\n)$/.test(between)) {
      // A word broken across a line with a hyphen is one word when the caller asks (docs/rules/words.md).
      prev.units[prev.units.length - 1]!.gap = between;
      for (const unit of w.units) prev.units.push(unit);
      prev.end = w.end;
      prev.text += w.text;
      prev.letterCount += w.letterCount;
      prev.upperCount += w.upperCount;
      prev.lowerCount += w.lowerCount;
    } else {
      words.push(w);
    }
  }
  return { words, lineHasLower };
}

/**
 * Whether the upper-case letters of each word take their ALL-CAPS form (`SHCH`) rather than the
 * title form (`Shch`): the decision of `caps.ts` (docs/rules/case.md), with the nearest word of
 * two or more letters before and after each word on its line found in two linear passes (a line
 * of many one-letter words stays linear).
 */
function capsDecisions(text: string, words: Word[], lineHasLower: boolean[], compiled: CompiledScheme): boolean[] {
  const before: (Word | undefined)[] = new Array(words.length);
  const after: (Word | undefined)[] = new Array(words.length);
  for (let k = 0, last: Word | undefined; k < words.length; k++) {
    const w = words[k]!;
    if (last !== undefined && last.line !== w.line) last = undefined;
    before[k] = last;
    if (w.letterCount >= 2) last = w;
  }
  for (let k = words.length - 1, next: Word | undefined; k >= 0; k--) {
    const w = words[k]!;
    if (next !== undefined && next.line !== w.line) next = undefined;
    after[k] = next;
    if (w.letterCount >= 2) next = w;
  }
  const mode = compiled.allCaps;
  return words.map((w, k) => {
    let kind = capsKind(mode, w.letterCount, w.upperCount, w.lowerCount, text[w.end] === '.');
    if (kind === Caps.Neighbours) {
      const b = before[k];
      const a = after[k];
      kind = oneLetterCaps(mode, b === undefined ? -1 : w.start - b.end, b !== undefined && isAllCaps(b.upperCount, b.lowerCount), a === undefined ? -1 : a.start - w.end, a !== undefined && isAllCaps(a.upperCount, a.lowerCount));
    }
    return kind === Caps.Yes || (kind === Caps.AskLine && !lineHasLower[w.line]);
  });
}

function inSet(set: ReadonlySet<string> | undefined, letter: string): boolean {
  return set === undefined || set.has(letter);
}

function ruleMatches(rule: CompiledRule, units: Unit[], i: number): boolean {
  const n = rule.letters.length;
  if (i + n > units.length) return false;
  for (let k = 1; k < n; k++) if (units[i + k]!.ch !== rule.letters[k]) return false;
  const prev = i === 0 ? '^' : units[i - 1]!.ch;
  const next = i + n === units.length ? '$' : units[i + n]!.ch;
  if (!inSet(rule.after, prev) || !inSet(rule.before, next)) return false;
  if (rule.notAfter?.has(prev) || rule.notBefore?.has(next)) return false;
  return true;
}

function applyCase(unit: Unit, forms: LetterForms | { lower: string; title: string; upper: string }, caps: boolean): string {
  if (!unit.upper || (unit.continuation && !caps)) return forms.lower;
  return caps ? forms.upper : forms.title;
}

/**
 * An exception's value takes the case pattern of the input word (docs/rules/options.md, step 1):
 * lower → lower, title → first letter capital and the rest as given, all caps → all caps. A word
 * of any other pattern (mixed case) keeps the value as given.
 */
function exceptionCase(value: string, w: Word): string {
  if (w.upperCount === 0) return value.toLowerCase();
  if (isAllCaps(w.upperCount, w.lowerCount)) return value.toUpperCase();
  if (w.text[0] !== w.text[0]!.toLowerCase()) return value.charAt(0).toUpperCase() + value.slice(1);
  return value;
}

/** Romanizes one word, calling `emit` for each piece of output. */
function romanizeWord(w: Word, caps: boolean, compiled: CompiledScheme, exceptions: ReadonlyMap<string, string> | undefined, emit: (out: string, start: number, end: number, letter?: string, rule?: string) => void): void {
  if (exceptions !== undefined) {
    const value = exceptions.get(w.text.toLowerCase());
    if (value !== undefined) {
      emit(exceptionCase(value, w), w.start, w.end, w.text.toLowerCase(), 'exception');
      return;
    }
  }
  const units = w.units;
  let i = 0;
  while (i < units.length) {
    const unit = units[i]!;
    let rule: CompiledRule | undefined;
    for (const candidate of compiled.rules.get(unit.ch) ?? []) {
      if (ruleMatches(candidate, units, i)) {
        rule = candidate;
        break;
      }
    }
    const count = rule === undefined ? 1 : rule.letters.length;
    for (let k = 0; k < count; k++) {
      const u = units[i + k]!;
      let out: string;
      let label: string | undefined;
      if (rule !== undefined) {
        out = applyCase(u, { lower: rule.lower[k]!, title: rule.title[k]!, upper: rule.upper[k]! }, caps);
        label = rule.id ?? 'rule';
      } else {
        const forms = compiled.letters.get(u.ch);
        if (forms === undefined) {
          // A letter neither the scheme nor the fallback scheme maps is copied as written (and reported).
          out = u.upper && (caps || !u.continuation) ? u.ch.toUpperCase() : u.ch;
          if (/\p{L}/u.test(u.ch)) label = 'unmapped';
        } else {
          out = applyCase(u, forms, caps);
          label = compiled.fallback.has(u.ch) ? 'fallback' : 'table';
        }
      }
      if (u.lastOfSource) out += u.marks;
      emit(out, u.start, u.end, u.ch, label);
      if (u.gap !== '') emit(u.gap, u.end, u.end + u.gap.length);
    }
    i += count;
  }
}

function run(
  text: string,
  options: RomanizeOptions,
  emit: (out: string, start: number, end: number, letter?: string, rule?: string) => void,
  onNormalized?: (normalized: string) => void,
): { normalized: string; compiled: CompiledScheme } {
  checkText(text);
  const compiled = resolveScheme(options);
  const normalized = normalizeInput(text, { language: compiled.language, repairHomoglyphs: options.repairHomoglyphs === true });
  onNormalized?.(normalized);
  const { words, lineHasLower } = splitWords(normalized, compiled, options.joinLineBreakHyphens === true);
  const caps = capsDecisions(normalized, words, lineHasLower, compiled);
  let exceptions: Map<string, string> | undefined;
  if (options.exceptions !== undefined) {
    exceptions = new Map();
    for (const [word, value] of Object.entries(options.exceptions)) {
      exceptions.set(normalizeInput(word, { language: compiled.language }).toLowerCase(), value);
    }
  }
  let pos = 0;
  words.forEach((w, k) => {
    if (w.start > pos) emit(normalized.slice(pos, w.start), pos, w.start);
    romanizeWord(w, caps[k]!, compiled, exceptions, emit);
    pos = w.end;
  });
  if (pos < normalized.length) emit(normalized.slice(pos), pos, normalized.length);
  return { normalized, compiled };
}

/** Applies the scheme's output profile (e.g. ICAO MRZ), line by line. */
export function applyProfile(output: string, compiled: CompiledScheme): string {
  const profile = compiled.profile;
  if (profile === undefined) return output;
  return output
    .split(/(\r\n|\r|\n)/)
    .map((part, i) => {
      if (i % 2 === 1) return part;
      let s = profile.upperCase ? part.toUpperCase() : part;
      if (profile.replace) s = [...s].map((ch) => profile.replace![ch] ?? ch).join('');
      if (profile.keepOnly !== undefined) s = [...s].filter((ch) => profile.keepOnly!.includes(ch)).join('');
      return s;
    })
    .join('');
}

/**
 * Romanizes Cyrillic text. Only letters of the scheme's script change; everything else (Latin,
 * digits, punctuation, spaces) is copied as it is. Input is normalised to NFC first; the output
 * is NFC.
 *
 * @example
 * import { romanize } from 'latinitsa';
 * romanize('Сергей Миронович Киров, ЦК ВКП(б), Щёлково, Юрий, Зиновьев');
 * //=> 'Sergei Mironovich Kirov, TsK VKP(b), Shchyolkovo, Yury, Zinoviev'
 * romanize('Юрьев', { scheme: 'ala-lc' });
 * //=> 'I͡Urʹev'
 * romanize('Зиновьев', { signBeforeE: 'omit' });
 * //=> 'Zinovev'
 */
export function romanize(text: string, options: RomanizeOptions = {}): string {
  checkText(text);
  // Option names are checked by the resolver, against the scheme's own (resolve.ts).
  assertOptions(options, undefined, 'romanize');
  if (options.lang === AUTO_LANGUAGE) return romanizeDetailed(text, options).text;
  return romanizeOne(text, options);
}

/** {@link romanize} in one scheme and language. */
function romanizeOne(text: string, options: RomanizeOptions): string {
  const compiled = resolveScheme(options);
  assertRomanizable(compiled);
  return romanizeCompiled(text, options, compiled);
}

/**
 * {@link romanize} with the options resolved once, for a caller that romanizes many short texts
 * with the same options: the readings engine romanizes every reading it finds again with each
 * scheme that may write it (src/reverse/readings.ts), and resolving the options each time cost a
 * fifth of that. The scheme is the one the options named when the function was made. (Internal:
 * not exported from `latinitsa/engine`.)
 */
export function romanizeFor(options: RomanizeOptions = {}): (text: string) => string {
  if (options.lang === AUTO_LANGUAGE) return (text) => romanize(text, options);
  const compiled = resolveScheme(options);
  return (text) => {
    checkText(text);
    return romanizeCompiled(text, options, compiled);
  };
}

function romanizeCompiled(text: string, options: RomanizeOptions, compiled: CompiledScheme): string {
  const fast = usesFastPath(options, text) ? fastSchemeFor(compiled, text.length) : undefined;
  if (fast === undefined) return applyProfile(romanizeGeneral(text, options), compiled);
  // NFC already: every form the fast path writes is seam-safe, and each line it hands to the
  // general path comes back in NFC (fast/tables.ts).
  const output = romanizeStringFast(stringTables(fast), text, romanizeGeneral, options);
  return compiled.profile === undefined ? output : applyProfile(output, compiled);
}

/** A hyphen just before a line break: the only place where `joinLineBreakHyphens` changes anything. */
const HYPHEN_BREAK = /-(?:\r\n|\r|\n)/u;

/**
 * Whether `romanize` may take the fast path (`fast/`) for these options (and this text, when
 * given). Whole-word exceptions, joined line-break hyphens and look-alike repair are handled by
 * the general path only; joining hyphens needs it only where a line ends in a hyphen, so that a
 * text with none (one long line, most prose) keeps the fast path's speed and memory.
 */
export function usesFastPath(options: RomanizeOptions, text?: string): boolean {
  const join = options.joinLineBreakHyphens === true && (text === undefined || HYPHEN_BREAK.test(text));
  return options.exceptions === undefined && !join && options.repairHomoglyphs !== true;
}

/**
 * The general path of {@link romanize}, before the output profile: the reference implementation
 * that `explain` also runs on, and that the fast path is tested against.
 */
export function romanizeGeneral(text: string, options: RomanizeOptions = {}): string {
  const parts: string[] = [];
  run(text, options, (out) => {
    parts.push(out);
  });
  const joined = parts.join('');
  // Joining NFC pieces can leave a non-NFC seam only where a piece starts with a combining mark.
  return /\p{M}/u.test(joined) ? joined.normalize('NFC') : joined;
}

function checkText(text: unknown): void {
  if (typeof text !== 'string') {
    throw new LatinitsaError('ERR_INVALID_INPUT', `romanize expects a string, found ${text === null ? 'null' : typeof text}`);
  }
}

/**
 * Romanizes text and says where each piece of output came from: for every letter, the letter
 * and the rule (or `table`) that produced it. The pieces' outputs joined give `romanize`'s result
 * (before an output profile such as ICAO MRZ).
 *
 * @example
 * import { explain } from 'latinitsa';
 * explain('Юрий').map((s) => `${s.source}→${s.output} ${s.rule}`);
 * //=> ['Ю→Yu R2', 'р→r table', 'и→y R3', 'й→ R3']
 */
export function explain(text: string, options: RomanizeOptions = {}): Segment[] {
  assertOptions(options, undefined, 'explain');
  return explainIn(text, options, 'normalized');
}

/**
 * {@link explain} with each segment's offsets in the text as given (internal: for callers that
 * match segments against their own offsets in that text, such as `convertDetailed`).
 */
export function explainGiven(text: string, options: RomanizeOptions = {}): Segment[] {
  return explainIn(text, options, 'given');
}

type Offsets = 'normalized' | 'given';

function explainIn(text: string, options: RomanizeOptions, offsets: Offsets): Segment[] {
  checkText(text);
  if (options.lang === AUTO_LANGUAGE) {
    return textPieces(text, options).pieces.flatMap((p) => {
      const { options: o, scheme } = pieceOptions(options, p.lang!);
      return explainOne(text.slice(p.start, p.end), o, offsets).map((seg) => ({ ...seg, input: [seg.input[0] + p.start, seg.input[1] + p.start] as [number, number], lang: p.lang!, scheme }));
    });
  }
  return explainOne(text, options, offsets);
}

function explainOne(text: string, options: RomanizeOptions, offsets: Offsets): Segment[] {
  assertRomanizable(resolveScheme(options));
  const segments: Segment[] = [];
  let normalized = '';
  run(
    text,
    options,
    (output, start, end, letter, rule) => {
      const segment: Segment = { input: [start, end], source: normalized.slice(start, end), output };
      if (letter !== undefined) segment.letter = letter;
      if (rule !== undefined) segment.rule = rule;
      segments.push(segment);
    },
    (n) => {
      normalized = n;
    },
  );
  if (offsets === 'normalized' || normalized === text) return segments;
  const at = sourceOffsets(text, normalized);
  for (const seg of segments) {
    const start = at.start(seg.input[0]);
    seg.input = [start, Math.max(start, at.end(seg.input[1]))];
  }
  return segments;
}

setSampleCheck((scheme, file) => {
  scheme.samples.forEach(([cyrillic, expected], i) => {
    const actual = romanize(cyrillic, { scheme });
    if (actual !== expected.normalize('NFC')) {
      throw new LatinitsaError(
        'ERR_SCHEME_SAMPLE',
        `${file ?? scheme.id}: /samples/${i}: ${JSON.stringify(cyrillic)} romanizes to ${JSON.stringify(actual)}, the sample expects ${JSON.stringify(expected)}`,
        { ...(file === undefined ? {} : { file }), pointer: `/samples/${i}` },
      );
    }
  });
});
