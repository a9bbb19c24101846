// The checker on realtext2 (test/fixtures/realtext2: 50 English Wikipedia articles that nobody on
// the project wrote; held out until round 3, tuning data since round 4), against the findings
// judged by hand there (judged.tsv, README there). Both runs check all articles as one work, as the
// command does (the Russian lexicon, findings from `likely` up). The floors are the precision
// measured after round 6 (no scheme) and round 7 (wikipedia), rounded down (docs/check-history.md, "A second
// corpus"): a guard against regression.
import { heldOutCorpusTests, realtext2Dir } from './support/realtext.ts';

// certainFloors: the certain band of the romanization rules (the fixes applied unattended), just
// under the twelfth session's figures (docs/check.md "Confidence", "What `certain` asks for").
await heldOutCorpusTests({ name: 'realtext2', dir: realtext2Dir, floors: { 'no-scheme': 0.88, 'scheme=wikipedia': 0.85 }, certainFloors: { 'no-scheme': 0.91, 'scheme=wikipedia': 0.96 } });
