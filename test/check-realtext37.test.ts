// The checker on realtext37 (test/fixtures/realtext37: four public-domain English books on Russia,
// 1895–1915, from Project Gutenberg — Ellen Terry's The Russian Ballet, Bishop Bury's Russian Life
// To-day, Vereshchagin's "1812" Napoleon I in Russia and Isabel Hapgood's Russian Rambles — read as
// plain text as `latinitsa check book.txt` reads them; the tenth draw of realtext19's rule, rows 257
// on of its seeded order, written before any candidate was read; nobody on the project wrote them
// and nobody tuned on them), against the findings judged by hand there (judged.tsv, README there).
// Both runs check the four books as one work, as the command does (the Russian lexicon, findings
// from `likely` up), as the other draws' tests do. The floors are just under the precision measured
// when the corpus was judged, main 215bab2's, the same with and without the learned score (38/42 =
// 0.905 without a scheme, 61/71 = 0.859 with `wikipedia`); the certain band's too (7/8 = 0.875 and
// 6/7 = 0.857: its one false row in each run is a transcriber's note naming the two spellings).
import { heldOutCorpusTests, realtext37Dir } from './support/realtext.ts';

// Twenty-seventh session: floors lowered to the figures measured after the tokenizer began reading a
// plain-text book's _italics_ (its added findings judged by task 27ju: true by the convention
// 0.944, by this corpus's judges 0.815 — cited titles and quotations in italics; docs/check-history.md).
// Twenty-ninth session: the no-scheme floor lowered to 0.83 (31/37 = 0.838). The work is in the
// older romanization, and without a scheme its majority spelling is now the norm: 19 true findings
// that flagged the spelling the work writes more often (Tzarskoe 15 times beside 6) became 8 true
// findings on the minority; no false finding was added, the 6 false ones stay (docs/check.md, "A
// work in the older romanization").
// Thirtieth session: the no-scheme floor lowered to 0.81 (31/38 = 0.816). Such a work's spellings are
// now also read in the modern letters, which added one finding per run, Platoff (the hetman Platov)
// beside Platof in one book: true by the convention, false by this corpus's (the period's
// established form of a famous man, the fix no better; judged by task oj30).
await heldOutCorpusTests({ name: 'realtext37', dir: realtext37Dir, floors: { 'no-scheme': 0.81, 'scheme=wikipedia': 0.85 }, certainFloors: { 'no-scheme': 0.87, 'scheme=wikipedia': 0.85 } });
