// The checker on realtext40 (test/fixtures/realtext40: realtext39's rule drawn again, ranks 51–100
// of its ranking: the next 50 articles of 1,000–15,000 words about Russia densest in romanized
// names in the 2015-05-15 English Wikipedia text of jason-feng/wikiVisual; chosen by a rule written
// before any article was read, nobody on the project wrote them; tuning data since the twenty-third
// session), against the findings judged by hand there (judged.tsv: every finding of both runs,
// README there). Checked as one work (the Russian lexicon, findings from `likely` up): without a
// scheme and with `wikipedia`. The floors are just under the precisions measured when the corpus
// was judged, at main 215bab2: a guard against regression, not a target; raised in the twenty-third
// session to just under its figures. certainFloors: the same for the certain band of the
// romanization rules (the fixes applied unattended).
import { heldOutCorpusTests, realtext40Dir } from './support/realtext.ts';

await heldOutCorpusTests({ name: 'realtext40', dir: realtext40Dir, floors: { 'no-scheme': 0.52, 'scheme=wikipedia': 0.63 }, certainFloors: { 'no-scheme': 0.46, 'scheme=wikipedia': 0.38 } });
