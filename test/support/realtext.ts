// The realtext corpus (../shared/realtext, outside the repository) and its judged findings; the
// held-out corpora built after it (test/fixtures/realtext2 to realtext61) and the tests they share.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { checkDocuments, type CheckDiagnostic } from '../../src/index.ts';
import type { ProseDocument } from '../../src/document/index.ts';
import type { CheckDocument, CheckOptions } from '../../src/check/types.ts';
import { readDocumentFile } from '../../src/io/documents.ts';
import { loadLexicon } from '../../src/io/lexicon.ts';
import { readSchemeFile } from '../../src/io/files.ts';
import { fixturesDir, readTsv, sharedDir } from './fixtures.ts';

/** Where the corpus is; the tests that need it skip when it is absent. */
export const realtextDir = path.join(sharedDir, 'realtext');

/** Whether the corpus is there. */
export const haveRealtext = existsSync(path.join(realtextDir, 'README.md'));

/** The seeded split: file → `tuning` or `held-out` (test/fixtures/realtext/split.tsv). */
export function realtextSplit(): Map<string, string> {
  return new Map(readTsv(path.join(fixturesDir, 'realtext', 'split.tsv')).map(([file, part]) => [file!, part!]));
}

/** A judged row. */
export interface Judged {
  verdict: 'true' | 'false';
  cause: string;
  note: string;
}

/**
 * A suggestion in a key, its apostrophe-like marks (’ ʹ ʼ ') as one: a verdict is on the finding,
 * and since the tenth session a fix prints the scheme's own mark (Zinov’ev) where it used to print
 * the folded one (Zinov'ev), as the rows judged before record it.
 */
function keyedSuggestion(suggestion: string): string {
  return suggestion.replace(/[’ʹʼ]/gu, "'");
}

/** The key of a finding in a judged file: run, file, line, column, word, suggestion (see {@link keyedSuggestion}), rule. */
export function judgedKey(run: string, d: { file?: string; place: { start: { line: number; column: number } }; actual: string; expected: string[]; ruleId: string }): string {
  return [run, d.file, d.place.start.line, d.place.start.column, d.actual, keyedSuggestion(d.expected[0] ?? ''), d.ruleId].join('\t');
}

/**
 * Reads a judged TSV (header: file line word suggestion rule verdict cause run column …; more
 * columns allowed). `verdict` names the verdict's column: a second reading of the same rows by
 * another convention keeps its own (`verdict_issue` in the held-out corpora's
 * judged-issue-convention.tsv: docs/check.md "How findings are judged").
 */
export function readJudged(file: string, options: { verdict?: string } = {}): Map<string, Judged> {
  const [header, ...lines] = readFileSync(file, 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  const cols = header!.split('\t');
  const at = (name: string): number => cols.indexOf(name);
  const out = new Map<string, Judged>();
  for (const line of lines) {
    const c = line.split('\t');
    const key = [c[at('run')], c[at('file')], c[at('line')], c[at('column')], c[at('word')], keyedSuggestion(c[at('suggestion')] ?? ''), c[at('rule')]].join('\t');
    out.set(key, { verdict: c[at(options.verdict ?? 'verdict')] as 'true' | 'false', cause: c[at('cause')] ?? '', note: c[at('note')] ?? '' });
  }
  return out;
}

/** The second corpus (test/fixtures/realtext2, README there; held out through round 3, tuning data since round 4): 50 articles in the repository. */
export const realtext2Dir = path.join(fixturesDir, 'realtext2');

/** The third held-out corpus (test/fixtures/realtext3, README there): the next 50 articles of the same ranking. */
export const realtext3Dir = path.join(fixturesDir, 'realtext3');

/** The fourth held-out corpus (test/fixtures/realtext4, README there): the 50 articles of the same ranking after realtext3's. */
export const realtext4Dir = path.join(fixturesDir, 'realtext4');

/** The fifth held-out corpus (test/fixtures/realtext5, README there): the 50 articles of the same ranking after realtext4's. */
export const realtext5Dir = path.join(fixturesDir, 'realtext5');

/** The sixth held-out corpus (test/fixtures/realtext6, README there): the 50 articles of the same ranking after realtext5's, calendar pages left out. */
export const realtext6Dir = path.join(fixturesDir, 'realtext6');

/** The seventh held-out corpus (test/fixtures/realtext7, README there): five public-domain books about revolutionary and Soviet Russia, as plain text. */
export const realtext7Dir = path.join(fixturesDir, 'realtext7');

/** The eighth held-out corpus (test/fixtures/realtext8, README there): the authors' .docx manuscripts of a scholarly volume, each its own work. */
export const realtext8Dir = path.join(fixturesDir, 'realtext8');

/**
 * The ninth held-out corpus (test/fixtures/realtext9, README there): a scholarly book in Library of
 * Congress romanization, one work in 19 Markdown files. Only its judged rows and provenance are in
 * the repository (the book is in copyright); the texts are kept beside it, in `realtext9Texts`.
 */
export const realtext9Dir = path.join(fixturesDir, 'realtext9');

/** Where realtext9's texts are kept, outside the repository (README there says how to get them); its tests skip when they are absent. */
export const realtext9Texts = path.resolve(fixturesDir, '..', '..', '..', 'realtext9-texts');

/**
 * The tenth corpus (test/fixtures/realtext10, README there; held out through round 12, tuning data
 * since round 12 (late)): sixteen scholarly articles and
 * encyclopedia entries by several authors on religion in the Russian Empire and the USSR, each its
 * own work, each checked with the scheme its author writes (SOURCES.tsv, column `scheme`). Only its
 * judged rows and provenance are in the repository; the texts are kept beside it, in `realtext10Texts`.
 */
export const realtext10Dir = path.join(fixturesDir, 'realtext10');

/** Where realtext10's texts are kept, outside the repository (README there says how to get them); its tests skip when they are absent. */
export const realtext10Texts = path.resolve(fixturesDir, '..', '..', '..', 'realtext10-texts');

/**
 * The eleventh corpus (test/fixtures/realtext11, README there; held out through round 11, tuning data
 * since round 12): a doctoral dissertation in
 * Library of Congress romanization, the author's four .docx drafts checked as one work. Only its
 * judged rows and provenance are in the repository; the texts are kept beside it, in `realtext11Texts`.
 */
export const realtext11Dir = path.join(fixturesDir, 'realtext11');

/** Where realtext11's texts are kept, outside the repository (README there says how to get them); its tests skip when they are absent. */
export const realtext11Texts = path.resolve(fixturesDir, '..', '..', '..', 'realtext11-texts');

/**
 * The twelfth held-out corpus (test/fixtures/realtext12, README there): four public-domain
 * scholarly books on Russian history by four authors, each its own work, each in a romanization of
 * its author's own; the one whose author writes close to a scheme is checked with it (SOURCES.tsv,
 * column `scheme`). Public domain, so the books are in the repository, as realtext7's are.
 */
export const realtext12Dir = path.join(fixturesDir, 'realtext12');

/**
 * The thirteenth held-out corpus (test/fixtures/realtext13, README there): six public-domain
 * scholarly books on Russia and its neighbours by six authors, each its own work, chosen by a rule
 * with a seeded order; the one whose author writes close to a scheme is checked with it
 * (SOURCES.tsv, column `scheme`). Public domain, so the books are in the repository.
 */
export const realtext13Dir = path.join(fixturesDir, 'realtext13');

/**
 * The fourteenth held-out corpus (test/fixtures/realtext14, README there): 200 short English
 * Wikipedia articles (300–999 words) that mention Russia, a seeded sample of the band the ranking
 * of realtext2 to realtext6 never reached; checked as one work, as those were.
 */
export const realtext14Dir = path.join(fixturesDir, 'realtext14');

/**
 * The fifteenth held-out corpus (test/fixtures/realtext15, README there): the 165 short English
 * Wikipedia articles of realtext14's band that realtext14's sample did not draw, judged by a second
 * judge; checked as one work, as those were.
 */
export const realtext15Dir = path.join(fixturesDir, 'realtext15');

/**
 * The sixteenth held-out corpus (test/fixtures/realtext16, README there): a seeded sample of 20
 * longer English Wikipedia articles (1,000–15,000 words) that mention Russia at least three times
 * and that no earlier corpus took; checked as one work, as realtext2 to realtext6 were.
 */
export const realtext16Dir = path.join(fixturesDir, 'realtext16');

/**
 * An addendum to realtext16 (test/fixtures/realtext16b, README there): the next 80 articles of
 * realtext16's seeded order, so that the two are the first 100; checked as its own work.
 */
export const realtext16bDir = path.join(fixturesDir, 'realtext16b');

/**
 * The seventeenth held-out corpus (test/fixtures/realtext17, README there): all 269 English
 * Wikipedia articles of 100–299 words that mention Russia at least three times, the band below
 * realtext14's and realtext15's; checked as one work, as those were.
 */
export const realtext17Dir = path.join(fixturesDir, 'realtext17');

/**
 * The eighteenth held-out corpus (test/fixtures/realtext18, README there): the 120 articles that
 * follow realtext16b's 80 in realtext16's seeded order (ranks 101–220), built in the sixteenth
 * session to measure its changes on text nobody had seen; checked as its own work.
 */
export const realtext18Dir = path.join(fixturesDir, 'realtext18');

/**
 * The nineteenth held-out corpus (test/fixtures/realtext19, README there): five public-domain
 * English books on Russian and Soviet history, politics and travel (1864–1920), from Project
 * Gutenberg, chosen by a rule with a seeded order written before any run; checked as one work, as
 * realtext7's are.
 */
export const realtext19Dir = path.join(fixturesDir, 'realtext19');

/**
 * The twentieth held-out corpus (test/fixtures/realtext20, README there): the next draw of
 * realtext19's rule (rows 35 on of its seeded order): three public-domain English books on Russia
 * (1907–1918) from Project Gutenberg; checked as one work, as realtext19's are.
 */
export const realtext20Dir = path.join(fixturesDir, 'realtext20');

/**
 * The twenty-first held-out corpus (test/fixtures/realtext21, README there): the next 50 articles
 * of realtext6's ranking (Wikipedia articles of 1,000–15,000 words that mention Russia ten times
 * or more), every Wikipedia corpus of the repository left out.
 */
export const realtext21Dir = path.join(fixturesDir, 'realtext21');

/**
 * The twenty-second held-out corpus (test/fixtures/realtext22, README there): the third draw of
 * realtext19's rule (rows 55 on of its seeded order): four public-domain English books on Russia
 * (1838–1923) from Project Gutenberg; checked as one work, as realtext19's and realtext20's are.
 */
export const realtext22Dir = path.join(fixturesDir, 'realtext22');

/**
 * The twenty-third held-out corpus (test/fixtures/realtext23, README there): the next 100 articles
 * of realtext6's ranking after realtext21's 50 (Wikipedia articles of 1,000–15,000 words that
 * mention Russia ten times or more), every Wikipedia corpus of the repository left out.
 */
export const realtext23Dir = path.join(fixturesDir, 'realtext23');

/**
 * The twenty-fourth held-out corpus (test/fixtures/realtext24, README there): the fourth draw of
 * realtext19's rule (rows 91 on of its seeded order): three public-domain English books on Russia
 * and the Caucasus (1838–1918) from Project Gutenberg; checked as one work, as realtext19's,
 * realtext20's and realtext22's are.
 */
export const realtext24Dir = path.join(fixturesDir, 'realtext24');

/**
 * The twenty-fifth held-out corpus (test/fixtures/realtext25, README there): the last 59 articles of
 * realtext6's ranking after realtext23's 100 (Wikipedia articles of 1,000–15,000 words that mention
 * Russia ten times or more), every Wikipedia corpus of the repository left out; the rule is exhausted.
 */
export const realtext25Dir = path.join(fixturesDir, 'realtext25');

/**
 * The twenty-sixth held-out corpus (test/fixtures/realtext26, README there): the next 120 articles
 * of realtext16's seeded order (ranks 221–371 less the 31 that realtext21, 23 and 25 hold), built
 * in the eighteenth session with every corpus already built left out; checked as its own work.
 */
export const realtext26Dir = path.join(fixturesDir, 'realtext26');

/**
 * The twenty-seventh held-out corpus (test/fixtures/realtext27, README there): the fifth draw of
 * realtext19's rule (rows 113 on of its seeded order): three public-domain English books on Russia
 * (1859–1920) from Project Gutenberg; checked as one work, as realtext19's, realtext20's,
 * realtext22's and realtext24's are.
 */
export const realtext27Dir = path.join(fixturesDir, 'realtext27');

/**
 * The twenty-eighth held-out corpus (test/fixtures/realtext28, README there): the next 120 articles
 * of realtext16's seeded order (ranks 372–532 less the 41 that realtext21, 23 and 25 hold), built
 * in the eighteenth session with every corpus already built left out; checked as its own work.
 */
export const realtext28Dir = path.join(fixturesDir, 'realtext28');

/**
 * The twenty-ninth held-out corpus (test/fixtures/realtext29, README there): the sixth draw of
 * realtext19's rule (rows 135 on of its seeded order): three public-domain English books on Russia
 * (1859–1918) from Project Gutenberg; checked as one work, as realtext19's, realtext20's,
 * realtext22's, realtext24's and realtext27's are.
 */
export const realtext29Dir = path.join(fixturesDir, 'realtext29');

/**
 * The thirtieth held-out corpus (test/fixtures/realtext30, README there): the seventh draw of
 * realtext19's rule (rows 169 on of its seeded order): five public-domain English books on Russia
 * (1908–1920) from Project Gutenberg; checked as one work, as realtext19's, realtext20's,
 * realtext22's, realtext24's, realtext27's and realtext29's are.
 */
export const realtext30Dir = path.join(fixturesDir, 'realtext30');

/**
 * The thirty-first held-out corpus (test/fixtures/realtext31, README there): the next 120 articles
 * of realtext16's seeded order (ranks 533–686 less the 34 that realtext21, 23 and 25 hold), built
 * in the nineteenth session with every corpus already built left out; checked as its own work.
 */
export const realtext31Dir = path.join(fixturesDir, 'realtext31');

/**
 * The thirty-second held-out corpus (test/fixtures/realtext32, README there): the next 120 articles
 * of realtext16's seeded order (ranks 687–836 less the 30 that realtext21, 23 and 25 hold), built
 * in the twentieth session with every corpus already built left out; checked as its own work.
 */
export const realtext32Dir = path.join(fixturesDir, 'realtext32');

/**
 * The thirty-third held-out corpus (test/fixtures/realtext33, README there): the eighth draw of
 * realtext19's rule (rows 213 on of its seeded order): three public-domain English books on Russia
 * (1908–1916) from Project Gutenberg; checked as one work, as realtext19's, realtext20's,
 * realtext22's, realtext24's, realtext27's, realtext29's and realtext30's are.
 */
export const realtext33Dir = path.join(fixturesDir, 'realtext33');

/**
 * The thirty-fourth held-out corpus (test/fixtures/realtext34, README there): the next 120 articles
 * of realtext16's seeded order after realtext32's (ranks 837–994 less the 38 that realtext21, 23
 * and 25 hold), built in the twentieth session with every corpus already built left out; checked as
 * its own work.
 */
export const realtext34Dir = path.join(fixturesDir, 'realtext34');

/**
 * The thirty-fifth held-out corpus (test/fixtures/realtext35, README there): the ninth draw of
 * realtext19's rule (rows 246 on of its seeded order): three public-domain English books on Russia
 * (1912–1919) from Project Gutenberg; checked as one work, as realtext19's and its other draws are.
 */
export const realtext35Dir = path.join(fixturesDir, 'realtext35');

/**
 * The thirty-sixth held-out corpus (test/fixtures/realtext36, README there): the last draw of
 * realtext16's seeded order, the 111 articles of its band no corpus had taken (ranks 996–1,140
 * less the 34 that realtext21, 23 and 25 hold), built in the twenty-first session with every
 * corpus already built left out; checked as one work, as realtext16's band always is.
 */
export const realtext36Dir = path.join(fixturesDir, 'realtext36');

/**
 * The thirty-seventh held-out corpus (test/fixtures/realtext37, README there): the tenth draw of
 * realtext19's rule (rows 257 on of its seeded order): four public-domain English books on Russia
 * (1895–1915) from Project Gutenberg; checked as one work, as realtext19's and its other draws are.
 */
export const realtext37Dir = path.join(fixturesDir, 'realtext37');

/**
 * The thirty-eighth held-out corpus (test/fixtures/realtext38, README there): essayistic English
 * prose about the Russian revolution by authors off the project (a section of An Anarchist FAQ and a
 * Socialist Worker article), found by a written search rule in the twenty-first session; each file
 * its own work, each checked with the scheme its authors write closest to (SOURCES.tsv, column
 * `scheme`). Only its judged rows and provenance are in the repository; the texts are kept beside
 * it, in `realtext38Texts`.
 */
export const realtext38Dir = path.join(fixturesDir, 'realtext38');

/** Where realtext38's texts are kept, outside the repository (README there says how to get them); its tests skip when they are absent. */
export const realtext38Texts = path.resolve(fixturesDir, '..', '..', '..', 'realtext38-texts');

/**
 * The thirty-ninth held-out corpus (test/fixtures/realtext39, README there): realtext2's rule on a
 * second snapshot of English Wikipedia (the WikiExtractor text of the 2015-05-15 dump in
 * jason-feng/wikiVisual): the 50 articles about Russia densest in romanized names, the issue's own
 * kind; checked as one work.
 */
export const realtext39Dir = path.join(fixturesDir, 'realtext39');

/**
 * The fortieth held-out corpus (test/fixtures/realtext40, README there): realtext39's rule drawn
 * again, ranks 51–100 of its ranking (the next 50 articles about Russia densest in romanized names
 * in the 2015-05-15 English Wikipedia text); checked as one work.
 */
export const realtext40Dir = path.join(fixturesDir, 'realtext40');

/**
 * The forty-first held-out corpus (test/fixtures/realtext41, README there): realtext39's rule drawn
 * a third time, ranks 101–150 of its ranking (2015-05-15 English Wikipedia text); checked as one work.
 */
export const realtext41Dir = path.join(fixturesDir, 'realtext41');

/**
 * The forty-second held-out corpus (test/fixtures/realtext42, README there): realtext39's rule drawn
 * a fourth time, ranks 151–200 of its ranking (2015-05-15 English Wikipedia text); checked as one work.
 */
export const realtext42Dir = path.join(fixturesDir, 'realtext42');

/**
 * The forty-third held-out corpus (test/fixtures/realtext43, README there): realtext39's rule drawn
 * a fifth time, ranks 201–250 of its ranking (2015-05-15 English Wikipedia text); checked as one work.
 */
export const realtext43Dir = path.join(fixturesDir, 'realtext43');

/**
 * The forty-fourth held-out corpus (test/fixtures/realtext44, README there): realtext39's rule drawn
 * a sixth time, ranks 251–300 of its ranking (2015-05-15 English Wikipedia text); checked as one work.
 */
export const realtext44Dir = path.join(fixturesDir, 'realtext44');

/**
 * The forty-fifth held-out corpus (test/fixtures/realtext45, README there): realtext39's rule drawn
 * a seventh time, ranks 301–350 of its ranking (2015-05-15 English Wikipedia text); checked as one work.
 */
export const realtext45Dir = path.join(fixturesDir, 'realtext45');

/**
 * The forty-sixth held-out corpus (test/fixtures/realtext46, README there): realtext39's rule drawn
 * an eighth and last time, ranks 351–388 (the last) of its ranking (2015-05-15 English Wikipedia
 * text); checked as one work.
 */
export const realtext46Dir = path.join(fixturesDir, 'realtext46');

/**
 * The forty-seventh held-out corpus (test/fixtures/realtext47, README there): realtext39's rule on
 * the same 2015-05-15 English Wikipedia text with one difference, articles of more than 15,000
 * words (every one eligible: 41); checked as one work.
 */
export const realtext47Dir = path.join(fixturesDir, 'realtext47');

/**
 * The forty-eighth held-out corpus (test/fixtures/realtext48, README there): realtext39's rule on
 * the same 2015-05-15 English Wikipedia text with one difference, articles of 1,000–15,000 words
 * that mention Russia 5 to 9 times (ranks 1–50 of 315): articles that mention Russia rather than
 * are about it; checked as one work.
 */
export const realtext48Dir = path.join(fixturesDir, 'realtext48');

/**
 * The forty-ninth held-out corpus (test/fixtures/realtext49, README there): realtext39's rule on
 * the same 2015-05-15 English Wikipedia text with one difference, the short articles, of 300 to
 * 999 words, that mention Russia at least 10 times (every one eligible: 29); checked as one work.
 */
export const realtext49Dir = path.join(fixturesDir, 'realtext49');

/**
 * The fiftieth held-out corpus (test/fixtures/realtext50, README there): realtext48's rule on the
 * same 2015-05-15 English Wikipedia text, the next ranks (51–100 of 315) of the articles of
 * 1,000–15,000 words that mention Russia 5 to 9 times; checked as one work.
 */
export const realtext50Dir = path.join(fixturesDir, 'realtext50');

/**
 * The fifty-first corpus (test/fixtures/realtext51, README there; held out in the twenty-fifth
 * session, tuning data since the twenty-sixth): realtext39's rule on a
 * second snapshot of English Wikipedia, the WikiExtractor text of part 23 of an early-2014 dump
 * (ZhouYii/PatchedDistro, page ids 18,225,004–20,925,000): ranks 1–50 of the 236 articles of
 * 1,000–15,000 words that mention Russia at least 10 times; checked as one work.
 */
export const realtext51Dir = path.join(fixturesDir, 'realtext51');

/**
 * The fifty-second corpus (test/fixtures/realtext52, README there; held out in the twenty-fifth
 * session, tuning data since the twenty-sixth): realtext51's rule on
 * the same early-2014 English Wikipedia text, the next ranks (51–100 of 236) of the articles of
 * 1,000–15,000 words that mention Russia at least 10 times; checked as one work.
 */
export const realtext52Dir = path.join(fixturesDir, 'realtext52');

/**
 * The fifty-third held-out corpus (test/fixtures/realtext53, README there): realtext51's rule on the
 * same early-2014 English Wikipedia text (ZhouYii/PatchedDistro, part 23 of the dump), the next ranks
 * (101–150 of 236) of the articles of 1,000–15,000 words that mention Russia at least 10 times;
 * checked as one work.
 */
export const realtext53Dir = path.join(fixturesDir, 'realtext53');

/**
 * The fifty-fourth held-out corpus (test/fixtures/realtext54, README there): realtext51's rule drawn
 * a fourth time, ranks 151–200 of the same 236 articles of 1,000–15,000 words that mention Russia at
 * least 10 times (part 23 of an early-2014 English Wikipedia dump); checked as one work.
 */
export const realtext54Dir = path.join(fixturesDir, 'realtext54');

/**
 * The fifty-fifth held-out corpus (test/fixtures/realtext55, README there): realtext51's rule drawn
 * a fifth and last time, ranks 201–236 (the last 36) of the same 236 articles of 1,000–15,000 words
 * that mention Russia at least 10 times (part 23 of an early-2014 English Wikipedia dump); checked as
 * one work.
 */
export const realtext55Dir = path.join(fixturesDir, 'realtext55');

/**
 * The fifty-sixth corpus (test/fixtures/realtext56, README there; held out in the twenty-sixth
 * session, tuning data since the twenty-seventh): realtext39's rule applied
 * to a third snapshot of English Wikipedia (WikiExtractor text of 2019 and 2021 dumps in four
 * repositories, read together), ranks 1–50 of its 193 articles of 1,000–15,000 words that mention
 * Russia at least 10 times; checked as one work.
 */
export const realtext56Dir = path.join(fixturesDir, 'realtext56');

/**
 * The fifty-seventh corpus (test/fixtures/realtext57, README there; held out in the twenty-sixth
 * session, tuning data since the twenty-seventh): realtext56's rule drawn
 * a second time, ranks 51–100 of the 193 articles of 1,000–15,000 words that mention Russia at least
 * 10 times in a third snapshot of English Wikipedia (WikiExtractor text in four repositories, dumps
 * of 2019 and 2021); checked as one work.
 */
export const realtext57Dir = path.join(fixturesDir, 'realtext57');

/**
 * The fifty-eighth corpus (test/fixtures/realtext58, README there; held out in the twenty-sixth
 * session, tuning data since the twenty-seventh): realtext56's rule drawn
 * a third time, ranks 101–150 of the 193 articles of 1,000–15,000 words that mention Russia at least
 * 10 times in a third snapshot of English Wikipedia (WikiExtractor text of dumps of 2019 and 2021 in
 * four repositories); checked as one work.
 */
export const realtext58Dir = path.join(fixturesDir, 'realtext58');

/**
 * The fifty-ninth corpus (test/fixtures/realtext59, README there; held out in the twenty-sixth
 * session, tuning data since the twenty-seventh): realtext56's rule drawn
 * a fourth and last time, ranks 151–193 (the last 43) of the 193 articles of 1,000–15,000 words that
 * mention Russia at least 10 times in a third snapshot of English Wikipedia (WikiExtractor text of
 * four repositories, dumps of 2019 and 2021); checked as one work.
 */
export const realtext59Dir = path.join(fixturesDir, 'realtext59');

/**
 * The sixtieth held-out corpus (test/fixtures/realtext60, README there): realtext39's rule applied
 * to a fourth snapshot of English Wikipedia (kirito-0512/data: early pages, text of about July 2023,
 * titles without their spaces), ranks 1–50 of its 103 articles of 1,000–15,000 words that mention
 * Russia at least 10 times; checked as one work.
 */
export const realtext60Dir = path.join(fixturesDir, 'realtext60');

/**
 * The sixty-first held-out corpus (test/fixtures/realtext61, README there): realtext60's rule drawn a
 * second time, ranks 51–103 (the last 53) of the same 103 articles of the fourth snapshot
 * (kirito-0512/data, 2023); checked as one work.
 */
export const realtext61Dir = path.join(fixturesDir, 'realtext61');

/**
 * The sixty-second corpus (test/fixtures/realtext62, README there; held out until it was judged,
 * tuning data since: the demonym rule of docs/check.md was made on it): realtext39's rule applied
 * to a fifth snapshot of English Wikipedia (cabosanlucas/document_similarity_using_tfidf: pages of
 * highest PageRank, text scraped about January 2018, no page ids), ranks 1–50 of its articles of
 * 1,000–15,000 words that mention Russia at least 10 times; checked as one work.
 */
export const realtext62Dir = path.join(fixturesDir, 'realtext62');

/**
 * The sixty-third corpus (test/fixtures/realtext63, README there; held out until it was judged in
 * the thirty-sixth session, tuning data since the thirty-seventh: the rule on phrases in another
 * orthography of docs/check.md was made on its judged false findings): realtext62's rule drawn a
 * second time, ranks 51 to the end of the same ranking of the fifth snapshot; checked as one work.
 */
export const realtext63Dir = path.join(fixturesDir, 'realtext63');

/**
 * The corpora still held out (docs/check-history.md gives each one's status): no script fits,
 * tunes or studies on them. realtext16, 16b and 17 became tuning data in the seventeenth session,
 * realtext18, 19, 20, 22, 23 and 26 in the twentieth (their false findings read, or models fitted
 * on them), realtext39 in the twenty-second, realtext40, 41 and 42 in the twenty-third and
 * realtext45, 46 and 47 in the twenty-fifth, realtext51 and 52 in the twenty-sixth and realtext56 to
 * 59 in the twenty-seventh (their findings read, rules made on them), realtext36 in the thirty-second
 * (one of its findings read for a rule), realtext62 in the thirty-sixth (judged, its findings read,
 * the demonym rule made on it), realtext63 and realtext34 in the thirty-seventh (realtext63's judged false findings read and
 * the rule on phrases in another orthography made on them; two of realtext34's findings read to
 * mend that rule's first version). Each with its kind of text,
 * for the figures pooled per kind (scripts/held-out.ts):
 * public-domain books about Russia, Wikipedia articles that mention it (`wikipedia-mentions`),
 * Wikipedia articles about it (`wikipedia-about`, realtext's own kind), essays and scholarly prose.
 */
export const heldOutKinds: Readonly<Record<string, 'books' | 'wikipedia-mentions' | 'wikipedia-about' | 'essays'>> = {
  realtext7: 'books',
  realtext21: 'wikipedia-mentions',
  realtext24: 'books',
  realtext25: 'wikipedia-mentions',
  realtext27: 'books',
  realtext28: 'wikipedia-mentions',
  realtext29: 'books',
  realtext30: 'books',
  realtext31: 'wikipedia-mentions',
  realtext32: 'wikipedia-mentions',
  realtext33: 'books',
  realtext35: 'books',
  realtext37: 'books',
  realtext38: 'essays',
  realtext43: 'wikipedia-about',
  realtext44: 'wikipedia-about',
  realtext48: 'wikipedia-mentions',
  realtext49: 'wikipedia-about',
  realtext50: 'wikipedia-mentions',
  realtext53: 'wikipedia-about',
  realtext54: 'wikipedia-about',
  realtext55: 'wikipedia-about',
  realtext60: 'wikipedia-about',
  realtext61: 'wikipedia-about',
};

/** The corpora still held out: the keys of {@link heldOutKinds}. */
export const heldOutCorpora: readonly string[] = Object.keys(heldOutKinds);

/** The manuscript formats a corpus folder may hold, by extension: Markdown articles, plain-text books, .docx manuscripts. */
const corpusExtensions = ['.md', '.txt', '.docx'];

/**
 * A corpus without a split (every document held out): file → `held-out`, for each Markdown
 * article (`*.md`), plain-text book (`*.txt`) and .docx manuscript in `dir` but its README, sorted.
 */
export function corpusSplit(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).filter((f) => corpusExtensions.includes(path.extname(f)) && f !== 'README.md').sort().map((f) => [f, 'held-out']));
}

/**
 * A corpus file as the checker sees it: read by the reader `latinitsa check` uses
 * (`readDocumentFile`), which takes the format from the file's name (a `.md` as Markdown, a `.txt`
 * as plain text, a `.docx` with its footnotes and endnotes as notes: docs/documents.md).
 */
export async function readCorpusDocument(dir: string, file: string): Promise<ProseDocument & { file: string }> {
  return { ...(await readDocumentFile(path.join(dir, file), { file })), file };
}

/**
 * The name of a run in judged files and floors: `no-scheme`, `scheme=<id>` for a declared scheme,
 * and its options after commas for a declared modification (`scheme=ala-lc-simplified,initial=y`).
 */
export function runName(scheme: string | undefined, options: Readonly<Record<string, string>> = {}): string {
  return scheme === undefined ? 'no-scheme' : [`scheme=${scheme}`, ...Object.entries(options).map(([k, v]) => `${k}=${v}`)].join(',');
}

/** The scheme and scheme options of a run named by {@link runName}. */
export function runSettings(run: string): { scheme?: string; schemeOptions?: Record<string, string> } {
  if (run === 'no-scheme') return {};
  if (!run.startsWith('scheme=')) throw new Error(`not a run name: ${run}`);
  const [scheme, ...options] = run.slice('scheme='.length).split(',');
  if (options.length === 0) return { scheme: scheme! };
  return { scheme: scheme!, schemeOptions: Object.fromEntries(options.map((o) => [o.slice(0, o.indexOf('=')), o.slice(o.indexOf('=') + 1)])) };
}

/**
 * The scheme each file's author writes, from a corpus's SOURCES.tsv (column `scheme`), for corpora
 * whose authors differ (realtext10): file → scheme id.
 */
export function declaredSchemes(sources: string): Map<string, string> {
  const [header, ...rows] = readTsv(sources);
  const file = header!.indexOf('file');
  const scheme = header!.indexOf('scheme');
  if (scheme < 0) throw new Error(`${sources} has no scheme column`);
  return new Map(rows.map((r) => [r[file]!, r[scheme]!]));
}

/**
 * The files a run checks: all of them without a scheme; with `declared` (file → the scheme its
 * author writes), a scheme run checks only the files whose authors write that scheme, so that
 * every file is checked with its own.
 */
export function filesOfRun(files: readonly string[], scheme: string | undefined, declared?: Map<string, string>): string[] {
  return scheme === undefined || declared === undefined ? [...files] : files.filter((f) => declared.get(f) === scheme);
}

/**
 * Checks a corpus as `latinitsa check` does: the files as one work (`latinitsa check <files>`), or
 * with `each` every file as its own work (`latinitsa check <file>` once per file, the findings in
 * file order); findings from `likely` up unless `check` says otherwise, `check` (scheme, lexicon,
 * …) passed on.
 */
export async function checkCorpus(dir: string, files: Iterable<string>, options: { each?: boolean; check?: CheckOptions }): Promise<CheckDiagnostic[]> {
  return (await checkCorpusWorks(dir, files, options)).flatMap((w) => w.found);
}

/** {@link checkCorpus}, work by work: each work's documents and its findings. */
export async function checkCorpusWorks(dir: string, files: Iterable<string>, options: { each?: boolean; check?: CheckOptions }): Promise<Array<{ documents: CheckDocument[]; found: CheckDiagnostic[] }>> {
  const documents = await Promise.all([...files].map((file) => readCorpusDocument(dir, file)));
  const works = options.each === true ? documents.map((d) => [d]) : [documents];
  return works.map((work) => ({ documents: work, found: checkDocuments(work, { minConfidence: 'likely', ...options.check }) }));
}

/**
 * The precision of the judged findings a run still makes: over all of them (`all`), per part of
 * `split` (file → part), in the `certain` and `likely` bands, and in the certain band without
 * mixed-script words (`certain-romanization`); `unjudged` counts the findings the judges never saw.
 */
export function judgedPrecision(judged: Map<string, Judged>, run: string, found: readonly CheckDiagnostic[], split?: Map<string, string>): Record<string, number> {
  const { counts, unjudged } = judgedCounts(judged, run, found, split);
  const out: Record<string, number> = { unjudged };
  for (const [k, [t, f]] of Object.entries(counts)) out[k] = t / (t + f);
  return out;
}

/**
 * The counts behind {@link judgedPrecision}: for each of its keys, how many judged findings are
 * true and how many false; and how many findings no judge saw (scripts/held-out.ts pools them).
 */
export function judgedCounts(judged: Map<string, Judged>, run: string, found: readonly CheckDiagnostic[], split?: Map<string, string>): { counts: Record<string, [number, number]>; unjudged: number } {
  const counts: Record<string, [number, number]> = {};
  let unjudged = 0;
  for (const d of found) {
    const j = judged.get(judgedKey(run, d));
    if (j === undefined) {
      unjudged++;
      continue;
    }
    const keys = ['all', (d.confidence ?? 1) >= 0.9 ? 'certain' : 'likely'];
    // The certain band of the romanization rules: the fixes applied unattended that a wrong
    // romanization decides (a mixed-script word's fix is another matter: docs/check.md "Confidence").
    if (keys[1] === 'certain' && d.ruleId !== 'check/mixed-script') keys.push('certain-romanization');
    const part = split?.get(d.file!);
    if (part !== undefined) keys.push(part);
    for (const k of keys) {
      const t = (counts[k] ??= [0, 0]);
      t[j.verdict === 'true' ? 0 : 1]++;
    }
  }
  return { counts, unjudged };
}

/**
 * The tests of a held-out corpus (every article held out, judged.tsv and SOURCES.tsv beside them):
 * the articles (or books, or manuscripts) are the ones SOURCES.tsv lists, unedited, and every
 * judged row names one of them; and for each run (a key of `floors`, named as {@link runName}
 * names it), the precision of the judged findings the checker still makes is at least its floor.
 * With `each`, every file is checked as its own work; with `declared`, a scheme run checks only
 * the files whose authors write that scheme (SOURCES.tsv, column `scheme`). With `texts`, the files are kept in that
 * folder instead of `dir` (texts that may not be stored in the repository), and every test skips,
 * saying so, when it is absent. `schemeFiles` names, for a run, the scheme file of one's own it is
 * checked with (docs/check.md "Settings"; the run is named by the file's id, `scheme=realtext9-lc`).
 * A floor is the precision measured when the corpus was judged: a guard against regression, not a
 * target. `certainFloors` does the same for a run's certain band without mixed-script words (the
 * fixes `--fix` applies unattended that a romanization decides: docs/check.md "Confidence").
 */
export async function heldOutCorpusTests(options: { name: string; dir: string; floors: Record<string, number>; certainFloors?: Record<string, number>; each?: boolean; texts?: string; declared?: boolean; schemeFiles?: Record<string, string> }): Promise<void> {
  const { name, dir, floors } = options;
  const declared = options.declared === true ? declaredSchemes(path.join(dir, 'SOURCES.tsv')) : undefined;
  const textDir = options.texts ?? dir;
  const skip = existsSync(textDir) ? false : `${name}'s texts are not at ${textDir} (${path.relative(fixturesDir, dir)}/README.md says how to get them)`;
  const lexicon = await loadLexicon();
  const judged = readJudged(path.join(dir, 'judged.tsv'));
  const files = skip === false ? [...corpusSplit(textDir).keys()] : [];
  // A corpus built before it is judged (judged.tsv: its header only) has no precision yet.
  const unjudged = judged.size === 0 ? `${name}'s judged.tsv has no rows yet: not judged (${path.relative(fixturesDir, dir)}/README.md)` : false;

  test(`${name} holds the files its SOURCES.tsv lists, unedited, and every judged row names one of them`, { skip }, () => {
    const [header, ...rows] = readTsv(path.join(dir, 'SOURCES.tsv'));
    const at = (column: string): number => header!.indexOf(column);
    assert.deepEqual(rows.map((r) => r[at('file')]).sort(), files);
    for (const r of rows) {
      const sha = createHash('sha256').update(readFileSync(path.join(textDir, r[at('file')]!))).digest('hex').slice(0, 16);
      assert.equal(sha, r[at('sha256_16')], `${r[at('file')]} differs from the file as taken`);
    }
    for (const key of judged.keys()) assert.ok(files.includes(key.split('\t')[1]!), key);
  });

  for (const [run, floor] of Object.entries(floors)) {
    const file = options.schemeFiles?.[run];
    test(`${name} ${run}: precision of the judged findings ≥ ${floor}`, { skip: skip === false ? unjudged : skip }, async (t) => {
      const settings = file === undefined ? runSettings(run) : { scheme: await readSchemeFile(file) };
      const found = await checkCorpus(textDir, filesOfRun(files, typeof settings.scheme === 'object' ? settings.scheme.id : settings.scheme, declared), { ...(options.each === undefined ? {} : { each: options.each }), check: { ...settings, ...(lexicon === undefined ? {} : { lexicon }) } });
      const p = judgedPrecision(judged, run, found);
      t.diagnostic(JSON.stringify(p));
      assert.ok(p['all']! >= floor, `precision ${p['all']}`);
      // The fixes applied unattended: none judged false when the run makes none (precision 1).
      const certain = options.certainFloors?.[run];
      if (certain !== undefined) assert.ok((p['certain-romanization'] ?? 1) >= certain, `precision of certain findings (romanization rules) ${p['certain-romanization']}`);
    });
  }
}
