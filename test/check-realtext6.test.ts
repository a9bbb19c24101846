// The checker on realtext6 (test/fixtures/realtext6: the 50 English Wikipedia articles of the same
// ranking after realtext5's, with calendar pages left out, which nobody on the project wrote and
// nobody tuned on), against the findings judged by hand there (judged.tsv, README there). Both runs
// check all articles as one work, as the command does (the Russian lexicon, findings from `likely`
// up). The floors are the lower of the precisions measured when the corpus was judged
// (docs/check.md, "A sixth held-out corpus"), rounded down: a guard against regression, not a target.
import { heldOutCorpusTests, realtext6Dir } from './support/realtext.ts';

await heldOutCorpusTests({ name: 'realtext6', dir: realtext6Dir, floors: { 'no-scheme': 0.72, 'scheme=wikipedia': 0.41 } });
