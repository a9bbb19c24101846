// The manuscript checker: finds romanized Russian words in English prose, groups the spellings
// of one Russian word by their Cyrillic readings, and reports minority spellings, spellings the
// house scheme cannot produce, and words mixing Latin and Cyrillic letters. docs/check.md.
//
// Its stages, each in a module of its own: the run's settings (run.ts); reading the words of the
// documents (words.ts); grouping spellings by readings (groups.ts); weighing a group and choosing
// its minority (weigh.ts); building the diagnostics and fixes (findings.ts); findings in block
// quotations and in published titles and quotations of other authors (quoted.ts); findings in the
// bylines of published works, and spellings such works print, elsewhere in the work (bylines.ts).
import { groupFindings } from './findings.ts';
import { groupSpellings } from './groups.ts';
import { assertOptions } from '../errors.ts';
import { citationForms, citedInNote, notesInPreciseSystem, notesSystem } from './notes-system.ts';
import { inByline, publishedForms, weighAuthorsOwn } from './bylines.ts';
import { inQuotation } from './quoted.ts';
import { SAME_AS_TEXT } from './config.ts';
import { prepareRun } from './run.ts';
import { applyScore } from './score.ts';
import type { CheckDiagnostic as Diagnostic, CheckDocument, CheckOptions } from './types.ts';
import { readSpellings } from './words.ts';

export { mixedScriptFix } from './mixed.ts';

/**
 * Checks several documents as one work (a book split into chapter files): the spellings of a
 * word are counted across all of them. See {@link checkText}.
 *
 * @param documents The documents, each with its text, optional regions and file name.
 * @param options House scheme, notes scheme, lexicon, allow, conventional and ignore lists.
 * @returns Diagnostics, by document then position.
 * @example
 * import { checkDocuments } from 'latinitsa';
 * const chapters = [{ file: 'ch1.md', text: 'Zinoviev and Kamenev. Zinoviev again.' }, { file: 'ch2.md', text: 'Later Zinovyev fell.' }];
 * checkDocuments(chapters).map((d) => `${d.file}:${d.place.start.line}:${d.place.start.column} ${d.actual} -> ${d.expected[0]}`);
 * //=> ['ch2.md:1:7 Zinovyev -> Zinoviev']
 */
export function checkDocuments(documents: readonly CheckDocument[], options: CheckOptions = {}): Diagnostic[] {
  let run = prepareRun(documents, options);
  let read = readSpellings(run, documents);
  if (options.notesScheme === undefined) {
    // Notes in the Library of Congress system in full beside a simplified text are a convention,
    // not a slip: they are read again as a domain of their own, checked against that system when
    // the text has a declared scheme (docs/check.md, Notes in a system of their own).
    const system = notesSystem(run, documents, read.spellings, options.lang);
    if (system !== undefined) {
      run = prepareRun(documents, options, { scheme: run.schemes.text === undefined ? undefined : system });
      read = readSpellings(run, documents);
    }
  }
  const { spellings, mixed } = read;
  // Notes declared to follow the house scheme (`same`) are held to it, citation forms included.
  const notesPrecise = options.notesScheme !== SAME_AS_TEXT && notesInPreciseSystem(documents, spellings, options.lang);
  // Every finding, whatever its rule, passes here: held to minConfidence, and dropped when its word
  // is on the ignore list (a mixed-script word too: the list names words never checked, docs/check.md).
  const reported = (dg: Diagnostic): boolean => dg.confidence >= run.minConfidence && !(dg.actual !== undefined && run.ignored(dg.actual));
  let found = mixed.filter((m) => reported(m.dg));
  const published = publishedForms(run, documents, spellings);
  for (const group of groupSpellings(run, spellings)) {
    const { g, weighed } = weighAuthorsOwn(run, documents, group);
    // One by one: a spread passes each finding as an argument, and a word misspelt 200,000 times overflows the stack.
    if (weighed === undefined) continue;
    for (const f of groupFindings(run, documents, g, citationForms(run, documents, g, weighed, notesPrecise, options.lang))) {
      const doc = documents[f.doc]!;
      const dg = published(inByline(inQuotation(f.dg, doc), doc), f.doc);
      if (reported(dg)) found.push(dg === f.dg ? f : { dg, doc: f.doc });
    }
  }
  // The learned score holds at `possible` the findings like those more often false in judged text
  // (docs/check.md "A learned score"); `learnedScore: false` measures the checker without it.
  if (options.learnedScore !== false) found = applyScore(documents, options, found, run.minConfidence).filter((f) => f.dg.confidence >= run.minConfidence);
  // A citation form in a note stays shown but is not fixed unattended (after the score, so that it loses nothing).
  found = found.map((f) => ({ ...f, dg: citedInNote(run, documents, documents[f.doc]!, f.dg) }));
  // By document, then position (a stable sort: findings at one place keep their order).
  return found.sort((a, b) => a.doc - b.doc || a.dg.place.start.offset - b.dg.place.start.offset).map((f) => f.dg);
}

/**
 * Checks a manuscript for romanized Russian spelt inconsistently: spellings of one word that
 * differ (Zinoviev / Zinovyev), spellings the house scheme cannot produce (`scheme`), and words
 * that mix Latin and Cyrillic letters. English words, conventional English forms, URLs, citation
 * keys and code in backticks are not flagged. Each finding has a `confidence` (0..1).
 *
 * @param text The prose.
 * @param options `scheme`, `notesScheme`, `lexicon`, `allow`, `conventional`, `ignore`, `regions`, `emphasis`, `notes`, `minConfidence`…
 * @returns Diagnostics in text order.
 * @example
 * import { checkText, DEFAULT_SCHEME } from 'latinitsa';
 * checkText('Grigorii Zinoviev met Dostoyevsky.', { scheme: DEFAULT_SCHEME }).map((d) => [d.actual, d.expected[0], d.ruleId]);
 * //=> [['Grigorii', 'Grigory', 'check/scheme-mismatch'], ['Dostoyevsky', 'Dostoevsky', 'check/scheme-mismatch']]
 */
export function checkText(text: string, options: CheckOptions & Pick<CheckDocument, 'regions' | 'emphasis' | 'notes'> = {}): Diagnostic[] {
  // Options that are no object are named as such before they are taken apart (null, a scheme id alone).
  assertOptions(options, undefined, 'checkText');
  const { regions, emphasis, notes, ...rest } = options;
  return checkDocuments([{ text, ...(regions === undefined ? {} : { regions }), ...(emphasis === undefined ? {} : { emphasis }), ...(notes === undefined ? {} : { notes }) }], rest);
}
