// The checker on realtext16 (test/fixtures/realtext16: a seeded sample of 20 English Wikipedia
// articles of 1,000–15,000 words that mention Russia at least three times and that no earlier
// corpus took — long articles on other subjects that name Russia in passing; chosen by a rule
// written before any run, nobody on the project wrote them and nobody tuned on them), against the
// findings judged by hand there (judged.tsv, README there). The articles are checked as one work,
// as realtext2 to realtext6, realtext14 and realtext15 are (the Russian lexicon, findings from
// `likely` up): without a scheme and with `wikipedia`. The floors are just under the precisions
// measured when the corpus was judged, at main b3c2998 (docs/check-history.md, "The fifteenth
// session: realtext16"): 1/3 and 1/7 of very few findings, a guard against regression, not a
// target. certainFloors: the certain band of the romanization rules (the fixes applied
// unattended) is empty at main; a floor of 1 fails if a finding judged false enters it.
import { heldOutCorpusTests, realtext16Dir } from './support/realtext.ts';

await heldOutCorpusTests({ name: 'realtext16', dir: realtext16Dir, floors: { 'no-scheme': 0.33, 'scheme=wikipedia': 0.14 }, certainFloors: { 'no-scheme': 1, 'scheme=wikipedia': 1 } });
