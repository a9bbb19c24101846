// The checker on realtext54 (test/fixtures/realtext54: realtext51's rule drawn a fourth time, ranks
// 151–200 of the 236 articles of 1,000–15,000 words that mention Russia at least 10 times in the
// WikiExtractor text of part 23 of an early-2014 English Wikipedia dump (ZhouYii/PatchedDistro);
// chosen by a rule written before any article was read, nobody on the project wrote them and nobody
// tuned on them), against the findings judged by hand there (judged.tsv: every finding of both runs,
// README there). Checked as one work (the Russian lexicon, findings from `likely` up): without a
// scheme and with `wikipedia`. The floors are just under the precisions measured when the corpus was
// judged, at 8f4ad03 (lead25: main with realtext49 and 50): a guard against regression, not a target.
// certainFloors: the same for the certain band of the romanization rules (the fixes applied
// unattended).
import { heldOutCorpusTests, realtext54Dir } from './support/realtext.ts';

await heldOutCorpusTests({ name: 'realtext54', dir: realtext54Dir, floors: { 'no-scheme': 0.15, 'scheme=wikipedia': 0.27 }, certainFloors: { 'no-scheme': 0.83, 'scheme=wikipedia': 0.85 } });
