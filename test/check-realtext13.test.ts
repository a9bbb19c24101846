// The checker on realtext13 (test/fixtures/realtext13: six public-domain English books of
// scholarship on Russia and its neighbours by six authors, 1837/1899–1923, from Project Gutenberg,
// read as plain text as `latinitsa check book.txt` reads them; chosen by a rule written before any
// run, nobody on the project wrote them), against the findings judged by hand there (judged.tsv,
// README there). Each book is its own work, checked as its author would check it (the Russian
// lexicon, findings from `likely` up): without a scheme, and with the scheme its author's practice
// is closest to, read from the texts before any run (SOURCES.tsv, column `scheme`: `wikipedia` for
// one book; the five others fit no scheme and have no scheme run). Held out through the thirteenth
// session, tuning data since the fourteenth (14t6: its judged rows and books were read and rules
// made on them; its figures are no longer held-out figures). The floors are just under the
// precisions measured after 14t6's changes (1.000 without a scheme, 11/11; 1.000 with it, 5/5; held
// out, at main dfedbd0 and the thirteenth session's candidate 8de4741: 0.276 and 0.290, 1.000:
// docs/check-history.md, "The fourteenth session: realtext13 as tuning data"): a guard against
// regression, not a target. certainFloors: the certain band of the romanization rules (the fixes
// applied unattended) makes no false finding in either run (none without a scheme; 1/1 with it).
import { heldOutCorpusTests, realtext13Dir } from './support/realtext.ts';

await heldOutCorpusTests({ name: 'realtext13', dir: realtext13Dir, each: true, declared: true, floors: { 'no-scheme': 0.99, 'scheme=wikipedia': 1 }, certainFloors: { 'no-scheme': 1, 'scheme=wikipedia': 1 } });
