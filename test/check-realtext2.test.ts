// The checker on realtext2 (test/fixtures/realtext2: 50 English Wikipedia articles that nobody on
// the project wrote and nobody tuned on), against the findings judged by hand there (judged.tsv,
// README there). Both runs check all articles as one work, as the command does (the Russian
// lexicon, findings from `likely` up). The floors are the precision measured when the corpus was
// judged (docs/check.md, "A second held-out corpus"): a guard against regression, not a target.
import { heldOutCorpusTests, realtext2Dir } from './support/realtext.ts';

await heldOutCorpusTests({ name: 'realtext2', dir: realtext2Dir, floors: { 'no-scheme': 0.8, 'scheme=wikipedia': 0.69 } });
