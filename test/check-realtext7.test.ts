// The checker on realtext7 (test/fixtures/realtext7: five public-domain English books about
// revolutionary and Soviet Russia from Project Gutenberg, read as plain text as `latinitsa check
// book.txt` reads them; nobody on the project wrote them and nobody tuned on them), against the
// findings judged by hand there (judged.tsv, README there). Both runs check the five books as one
// work, as the command does (the Russian lexicon, findings from `likely` up). The floors are just
// under the lower of the precisions measured when the corpus was judged, main's and the next
// round's, which are the same (docs/check-history.md, "A seventh held-out corpus: books"): a guard
// against regression, not a target.
import { heldOutCorpusTests, realtext7Dir } from './support/realtext.ts';

await heldOutCorpusTests({ name: 'realtext7', dir: realtext7Dir, floors: { 'no-scheme': 0.99, 'scheme=wikipedia': 0.99 } });
