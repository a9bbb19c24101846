// The checker on realtext4 (test/fixtures/realtext4: the 50 English Wikipedia articles of the same
// ranking after realtext3's, which nobody on the project wrote and nobody tuned on), against the
// findings judged by hand there (judged.tsv, README there). Both runs check all articles as one
// work, as the command does (the Russian lexicon, findings from `likely` up). The floors are the
// lower of the precisions measured when the corpus was judged (docs/check.md, "A fourth held-out
// corpus"): a guard against regression, not a target.
import { heldOutCorpusTests, realtext4Dir } from './support/realtext.ts';

await heldOutCorpusTests({ name: 'realtext4', dir: realtext4Dir, floors: { 'no-scheme': 0.55, 'scheme=wikipedia': 0.56 } });
