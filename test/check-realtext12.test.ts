// The checker on realtext12 (test/fixtures/realtext12: four public-domain English books of
// scholarship on Russian history by four authors, 1892–1914, from Project Gutenberg, read as plain
// text as `latinitsa check book.txt` reads them; nobody on the project wrote them and nobody tuned
// on them), against the findings judged by hand there (judged.tsv, README there). Each book is its
// own work, checked as its author would check it (the Russian lexicon, findings from `likely` up):
// without a scheme, and with the scheme its author's practice is closest to, read from the texts
// before any run (SOURCES.tsv, column `scheme`: `wikipedia` for one book; the three others fit no
// scheme and have no scheme run). The floors are just under the precisions measured when the
// corpus was judged, at main 3477fe5 (docs/check-history.md, "A twelfth held-out corpus: scholarly books
// by four authors"), and the lower of them and the twelfth session's candidate's (f33fa85: the
// same findings, the same figures): a guard against regression, not a target.
import { heldOutCorpusTests, realtext12Dir } from './support/realtext.ts';

await heldOutCorpusTests({ name: 'realtext12', dir: realtext12Dir, each: true, declared: true, floors: { 'no-scheme': 0.73, 'scheme=wikipedia': 0.63 } });
