// Whether the notes and bibliography of a work follow a precise system of their own (the Library
// of Congress system in full) while the running text is simplified: a convention of many books and
// theses on Russia, under which Trotsky in the text and Trotskii in a note are both right.
// docs/check.md, "Notes in a system of their own".
import { schemeIdForLanguage } from '../engine/lang.ts';
import { romanize } from '../engine/romanize.ts';
import { regionAt } from '../document/regions.ts';
import { foldRomanized } from '../reverse/readings.ts';
import data from './data/notes-systems.json' with { type: 'json' };
import type { Spelling } from './model.ts';
import type { CheckRun } from './run.ts';
import type { CheckDocument } from './types.ts';

type Domain = 'text' | 'notes';

/** The region kind at an occurrence's offset. */
function kindAt(doc: CheckDocument, offset: number): Domain {
  return doc.regions === undefined ? 'text' : (regionAt(doc.regions, offset)?.kind ?? 'text');
}

/**
 * The precise system the notes of a work are written in, when its running text is not: the id of
 * one of `data/notes-systems.json`'s schemes, else undefined. Only known words count (readings the
 * lexicon attests), and only where the precise system and the text's (its declared scheme, else
 * the simplified baseline) write them differently. The notes follow a system when at least
 * `minWords` of their distinct words are written in it and `ratio` times more than otherwise,
 * while the running text is written in none of the precise systems more often than otherwise.
 *
 * @param run The check's settings (its declared text scheme and language).
 * @param documents The documents with their regions.
 * @param spellings The spellings read with notes and text as one domain.
 * @param lang The language of the romanized words, when not Russian.
 */
export function notesSystem(run: CheckRun, documents: readonly CheckDocument[], spellings: readonly Spelling[], lang?: string): string | undefined {
  if (!documents.some((d) => d.regions?.some((r) => r.kind === 'notes') === true)) return undefined;
  const inLanguage = (id: string): string | undefined => {
    if (lang === undefined) return id;
    try {
      return schemeIdForLanguage(id, lang);
    } catch {
      return undefined;
    }
  };
  const baseline = run.schemes.text ?? inLanguage(data.baseline);
  if (baseline === undefined) return undefined;
  const simple = (cyrillic: string): string => (run.schemes.text === undefined ? foldRomanized(romanize(cyrillic, { scheme: baseline })) : run.roman(cyrillic, 'text'));
  let best: { id: string; words: number } | undefined;
  for (const candidate of data.schemes) {
    const id = inLanguage(candidate);
    // A house scheme that is itself the precise system leaves nothing to tell apart.
    if (id === undefined || id === run.schemes.text) continue;
    const tally = { text: { in: new Set<string>(), out: new Set<string>() }, notes: { in: new Set<string>(), out: new Set<string>() } };
    const precise = (cyrillic: string): string => foldRomanized(romanize(cyrillic, { scheme: id }));
    for (const s of spellings) {
      if (s.info.kind !== 'attested') continue;
      const { fold, near } = s.info;
      // A spelling both systems write from one of its readings (partii: партии, or партий in
      // the precise one) tells nothing.
      const inPrecise = near.some((c) => precise(c) === fold);
      if (inPrecise && near.some((c) => simple(c) === fold)) continue;
      if (!inPrecise && precise(near[0]!) === simple(near[0]!)) continue;
      for (const o of s.occurrences) tally[kindAt(documents[o.doc]!, o.start)][inPrecise ? 'in' : 'out'].add(fold);
    }
    // A text written in one of the precise systems itself has one system throughout.
    if (tally.text.in.size > tally.text.out.size) return undefined;
    const notes = tally.notes.in.size;
    if (notes < data.minWords || notes < data.ratio * tally.notes.out.size) continue;
    if (best === undefined || notes > best.words) best = { id: candidate, words: notes };
  }
  return best?.id;
}
