// The checker on realtext53 (test/fixtures/realtext53: realtext51's rule on the same early-2014
// English Wikipedia text, the WikiExtractor text of part 23 of the dump in ZhouYii/PatchedDistro:
// ranks 101–150 of 236 articles of 1,000–15,000 words that mention Russia at least 10 times; chosen
// by a rule written before any article was read, nobody on the project wrote them and nobody tuned
// on them), against the findings judged by hand there (judged.tsv: every finding of both runs,
// README there). Checked as one work (the Russian lexicon, findings from `likely` up): without a
// scheme and with `wikipedia`. The floors are just under the precisions measured when the corpus was
// judged, at 8f4ad03's checker (this branch's base 2fac969): a guard against regression, not a target.
// certainFloors: the same for the certain band of the romanization rules (the fixes applied
// unattended).
import { heldOutCorpusTests, realtext53Dir } from './support/realtext.ts';

await heldOutCorpusTests({ name: 'realtext53', dir: realtext53Dir, floors: { 'no-scheme': 0.7, 'scheme=wikipedia': 0.85 }, certainFloors: { 'no-scheme': 0.68, 'scheme=wikipedia': 0.87 } });
