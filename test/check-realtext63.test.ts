// The checker on realtext63 (test/fixtures/realtext63: realtext62's rule drawn a second time, ranks
// 51 to 293 of the fifth snapshot of English Wikipedia; chosen by a rule written before any article
// was read), against the findings judged by hand there (judged.tsv: a seeded sample of 150 findings
// per run of the checker with the demonym rule, README there). Held out until it was judged; tuning
// data since the thirty-seventh session (the rule on phrases in another orthography of docs/check.md
// was made on its false findings). Checked as one work (the Russian lexicon, findings from `likely`
// up): without a scheme and with `wikipedia`. The floors are just under the precisions measured with
// that rule (0.354 and 0.432 by the judged file's convention): a guard against regression, not a
// target.
import { heldOutCorpusTests, realtext63Dir } from './support/realtext.ts';

await heldOutCorpusTests({ name: 'realtext63', dir: realtext63Dir, floors: { 'no-scheme': 0.35, 'scheme=wikipedia': 0.41 } });
