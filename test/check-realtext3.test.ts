// The checker on realtext3 (test/fixtures/realtext3: the next 50 English Wikipedia articles of
// realtext2's ranking, which nobody on the project wrote and nobody tuned on), against the findings
// judged by hand there (judged.tsv, README there). Both runs check all articles as one work, as the
// command does (the Russian lexicon, findings from `likely` up). The floors are the lower of the
// precisions measured when the corpus was judged (docs/check.md, "A third held-out corpus"): a
// guard against regression, not a target.
import { heldOutCorpusTests, realtext3Dir } from './support/realtext.ts';

await heldOutCorpusTests({ name: 'realtext3', dir: realtext3Dir, floors: { 'no-scheme': 0.57, 'scheme=wikipedia': 0.75 } });
