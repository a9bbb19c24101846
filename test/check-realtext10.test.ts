// The checker on realtext10 (test/fixtures/realtext10: sixteen scholarly articles and encyclopedia
// entries in English, by several authors, on religion in the Russian Empire and the USSR and on
// Russian orientalists; nobody on the project wrote them and nobody tuned on them), against the
// findings judged by hand there (judged.tsv, README there). The texts are in copyright, so they are
// kept outside the repository (../realtext10-texts, README there says how to get them) and these
// tests skip when they are absent. Each file is its own work, checked as its author checks the
// manuscript (the Russian lexicon, findings from `likely` up): without a scheme, and with the scheme
// its author writes, read from the texts before any run (SOURCES.tsv, column `scheme`:
// ala-lc-simplified for seven files, wikipedia for nine; `declared`). The floors are just under the
// precisions measured when the corpus was judged, at main 1a9ee1c (docs/check-history.md, "A tenth held-out
// corpus: scholarly articles by several authors"); the tenth session's candidate (b0cd45e) makes the
// same findings. A guard against regression, not a target. The LC run's figure rests mostly on one
// surname, reported at 137 places in one article (README there).
import { heldOutCorpusTests, realtext10Dir, realtext10Texts } from './support/realtext.ts';

await heldOutCorpusTests({ name: 'realtext10', dir: realtext10Dir, texts: realtext10Texts, each: true, declared: true, floors: { 'no-scheme': 0.62, 'scheme=ala-lc-simplified': 0.9, 'scheme=wikipedia': 0.6 } });
