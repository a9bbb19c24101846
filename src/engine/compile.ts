import { getScheme, type Scheme } from '../schemes/registry.ts';
import type { AllCapsMode, LanguageSource, OptionSource, PreReformMode, ProfileSource, RuleSource } from '../schemes/types.ts';
import { APOSTROPHE_LETTER } from './normalize.ts';

/** Options common to every scheme (docs/rules/options.md). */
export interface CommonOptions {
  /** How all-caps words are written (docs/rules/case.md). Default: the scheme's. */
  allCaps?: AllCapsMode;
  /** Pre-1918 letters: the scheme's own values, or modernised first (docs/rules/pre-reform.md). Default: the scheme's. */
  preReform?: PreReformMode;
  /** Whole-word romanizations that override the scheme, keyed by Cyrillic word (docs/rules/options.md). */
  exceptions?: Readonly<Record<string, string>>;
  /** Treat `Ста-` at the end of a line and `лин` at the start of the next as one word (docs/rules/words.md). Default `false`. */
  joinLineBreakHyphens?: boolean;
  /** Map Latin look-alike letters inside Cyrillic words to Cyrillic (docs/rules/normalization.md). Default `false`. */
  repairHomoglyphs?: boolean;
}

/** One context rule, compiled. */
export interface CompiledRule {
  readonly id: string | undefined;
  readonly letters: readonly string[];
  /** Output per matched letter, in lower, title and all-caps form. */
  readonly lower: readonly string[];
  readonly title: readonly string[];
  readonly upper: readonly string[];
  readonly after: ReadonlySet<string> | undefined;
  readonly before: ReadonlySet<string> | undefined;
  readonly notAfter: ReadonlySet<string> | undefined;
  readonly notBefore: ReadonlySet<string> | undefined;
}

/** A letter's value in its three case forms. */
export interface LetterForms {
  readonly lower: string;
  readonly title: string;
  readonly upper: string;
}

/** A scheme compiled for one set of option values: tables the engine indexes, no data parsing left. */
export interface CompiledScheme {
  readonly scheme: Scheme;
  /** The language the text is read in: the scheme's own, or one of the others it serves (`lang`). */
  readonly language: LanguageSource;
  /** Scheme-specific option values in force. */
  readonly options: Readonly<Record<string, string>>;
  readonly allCaps: AllCapsMode;
  readonly preReform: PreReformMode;
  /** Letter → base value forms. */
  readonly letters: ReadonlyMap<string, LetterForms>;
  /** Letter → letters it is rewritten to before the rules (modernisation, option substitutions). */
  readonly substitute: ReadonlyMap<string, string>;
  /** First letter → rules starting with it, longest first, then in scheme order. */
  readonly rules: ReadonlyMap<string, readonly CompiledRule[]>;
  readonly profile: ProfileSource | undefined;
  readonly tieMarks: readonly string[];
  /**
   * Letters the scheme has no value for, with the value they take from the language's fallback
   * scheme (ISO 9): each one is reported as a diagnostic (docs/languages.md).
   */
  readonly fallback: ReadonlyMap<string, string>;
  /**
   * The options in force whose value rewrites only a class of words, given names (`givenNames`,
   * docs/scheme-format.md): romanizing cannot tell which words those are, so it refuses them
   * (`assertRomanizable`, resolve.ts); the checker reads them with its lexicon (docs/check.md).
   */
  readonly givenNameOptions: readonly string[];
}

const BOUNDARY_BEFORE = '^';
const BOUNDARY_AFTER = '$';

/**
 * The title form of a value: its first cased letter upper-cased, and with a tie mark the letter
 * it ties to as well (docs/rules/case.md): `shch` → `Shch`, `t͡s` → `T͡S`, `·e` → `·E`.
 */
export function titleForm(value: string, tieMarks: readonly string[]): string {
  const chars = [...value];
  const cased = (ch: string): boolean => ch.toUpperCase() !== ch.toLowerCase();
  const first = chars.findIndex(cased);
  if (first < 0) return value;
  chars[first] = chars[first]!.toUpperCase();
  // A tie mark directly after the first letter (after its other combining marks) joins the next letter.
  let i = first + 1;
  while (i < chars.length && /\p{M}/u.test(chars[i]!) && !tieMarks.includes(chars[i]!)) i++;
  if (i < chars.length && tieMarks.includes(chars[i]!)) {
    const next = chars.findIndex((ch, j) => j > i && cased(ch));
    if (next > 0) chars[next] = chars[next]!.toUpperCase();
  }
  return chars.join('').normalize('NFC');
}

function forms(value: string, tieMarks: readonly string[]): LetterForms {
  return { lower: value, title: titleForm(value, tieMarks), upper: value.toUpperCase().normalize('NFC') };
}

function contextSet(tokens: readonly string[] | undefined, language: LanguageSource): Set<string> | undefined {
  if (tokens === undefined) return undefined;
  const set = new Set<string>();
  for (const token of tokens) {
    if (token === BOUNDARY_BEFORE || token === BOUNDARY_AFTER) set.add(token);
    else if (token.startsWith('@')) for (const ch of language.classes[token.slice(1)] ?? '') set.add(ch);
    else for (const ch of token) set.add(ch);
  }
  return set;
}

/**
 * The values of a scheme option that romanizing takes: all but those that rewrite given names only
 * (`givenNames`, docs/scheme-format.md), which romanizing a text cannot apply and refuses
 * (`assertRomanizable`, resolve.ts); the checker reads them (docs/check.md). What romanize
 * refuses and what the web page's romanize panel offers (docs/web.md) both come from here.
 */
export function romanizableValues(option: OptionSource): string[] {
  return Object.keys(option.values).filter((value) => Object.keys(option.values[value]!.givenNames ?? {}).length === 0);
}

/**
 * Compiles a scheme for the given option values into the tables the engine runs on.
 * The values are checked already: `resolveScheme` (`resolve.ts`) is the only caller, and
 * compiles once per scheme and option set.
 */
export function compileScheme(
  scheme: Scheme,
  optionValues: Readonly<Record<string, string>>,
  common: { allCaps: AllCapsMode; preReform: PreReformMode },
  language: LanguageSource = scheme.language,
): CompiledScheme {
  const { allCaps, preReform } = common;
  const tieMarks = scheme.tieMarks;
  const letterValues = new Map<string, string>(Object.entries(scheme.letters));
  const substitute = new Map<string, string>();
  let profile: ProfileSource | undefined;
  for (const [name, value] of Object.entries(optionValues)) {
    const chosen = scheme.options[name]!.values[value]!;
    for (const [letter, out] of Object.entries(chosen.letters ?? {})) letterValues.set(letter, out);
    for (const [letter, out] of Object.entries(chosen.substitute ?? {})) if (!letter.startsWith('$')) substitute.set(letter, out);
    if (chosen.profile !== undefined) profile = scheme.profiles[chosen.profile];
  }
  // Old letters are modernised when the scheme says so, or when it has no value of its own
  // (docs/rules/pre-reform.md).
  for (const [old, modern] of Object.entries(language.modernize)) {
    if (old.startsWith('$') || substitute.has(old)) continue;
    if (preReform === 'modernize' || !letterValues.has(old)) substitute.set(old, modern);
  }
  // The in-word apostrophe is a letter only in languages that have one (docs/languages.md).
  if (language.apostrophes === undefined) letterValues.delete(APOSTROPHE_LETTER);
  // A letter the scheme has no value for takes the fallback scheme's (ISO 9 covers the whole
  // Cyrillic repertoire), and the engine reports it (docs/languages.md).
  const fallback = new Map<string, string>();
  const fallbackScheme = language.fallbackScheme === undefined || language.fallbackScheme === scheme.id ? undefined : getScheme(language.fallbackScheme);
  for (const [letter, value] of Object.entries(fallbackScheme?.letters ?? {})) {
    if (letterValues.has(letter) || substitute.has(letter) || (letter === APOSTROPHE_LETTER && language.apostrophes === undefined)) continue;
    letterValues.set(letter, value);
    fallback.set(letter, value);
  }
  const letters = new Map<string, LetterForms>();
  for (const [letter, value] of letterValues) letters.set(letter, forms(value, tieMarks));

  const rules = new Map<string, CompiledRule[]>();
  const add = (rule: RuleSource): void => {
    const ruleLetters = [...rule.match];
    const outputs = Array.isArray(rule.output) ? rule.output : [rule.output, ...ruleLetters.slice(1).map(() => '')];
    const outForms = outputs.map((o) => forms(o, tieMarks));
    const compiled: CompiledRule = {
      id: rule.id,
      letters: ruleLetters,
      lower: outForms.map((f) => f.lower),
      title: outForms.map((f) => f.title),
      upper: outForms.map((f) => f.upper),
      after: contextSet(rule.after, language),
      before: contextSet(rule.before, language),
      notAfter: contextSet(rule.notAfter, language),
      notBefore: contextSet(rule.notBefore, language),
    };
    const list = rules.get(ruleLetters[0]!) ?? [];
    list.push(compiled);
    rules.set(ruleLetters[0]!, list);
  };
  // Modern spelling's deletions (the word-final hard sign) come first: when modernising they
  // hold for every scheme, whatever its own rules say (docs/rules/pre-reform.md).
  if (preReform === 'modernize') for (const deletion of scheme.language.modernizeDeletes ?? []) add({ ...deletion, output: '' });
  for (const rule of scheme.rules) {
    if (rule.if === undefined || Object.entries(rule.if).every(([name, value]) => optionValues[name] === value)) add(rule);
  }
  // Longest match first; the sort is stable, so equal lengths keep the scheme's order.
  for (const list of rules.values()) list.sort((a, b) => b.letters.length - a.letters.length);
  const givenNameOptions = Object.entries(scheme.options)
    .filter(([name, option]) => !romanizableValues(option).includes(optionValues[name]!))
    .map(([name]) => name);
  return { scheme, language, options: optionValues, allCaps, preReform, letters, substitute, rules, profile, tieMarks, fallback, givenNameOptions };
}
