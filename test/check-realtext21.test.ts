// The checker on realtext21 (test/fixtures/realtext21: the next 50 articles of realtext6's ranking of
// the English Wikipedia articles of 1,000–15,000 words that mention Russia at least ten times, once
// the articles of every Wikipedia corpus of the repository are left out; chosen by a rule written
// before any run, nobody on the project wrote them and nobody tuned on them), against the findings
// judged by hand there (judged.tsv, README there). Checked as one work, as realtext6 is (the Russian
// lexicon, findings from `likely` up): without a scheme and with `wikipedia`. The floors are just
// under the precisions measured when the corpus was judged, at main 817e3b4: a guard against
// regression, not a target. certainFloors: the same for the certain band of the romanization rules
// (the fixes applied unattended). Since the twenty-eighth session three of its true no-scheme rows,
// a Slavist's jers in Latin words, are judged false under the convention settled then, and the
// checker no longer reports them (docs/check.md, "Words in two scripts"): 8/11 = 0.727, so the
// no-scheme floor moved from 0.73 to 0.72.
import { heldOutCorpusTests, realtext21Dir } from './support/realtext.ts';

await heldOutCorpusTests({ name: 'realtext21', dir: realtext21Dir, floors: { 'no-scheme': 0.72, 'scheme=wikipedia': 0.6 }, certainFloors: { 'no-scheme': 1, 'scheme=wikipedia': 1 } });
