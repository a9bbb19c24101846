// Findings in block quotations. A block quotation is another author's words: a translation that
// writes Koltchak, a source's Alekseev. Its spellings are the quoted author's, which a manuscript
// keeps as printed, so a finding there is reported only at `possible` (shown on request, never
// applied by `--fix` or "Apply certain fixes"). It is still reported, because a historian who
// translates a document quotes his own romanization. docs/check.md, "Quotations".
import { regionAt } from '../document/regions.ts';
import { confidenceLabel } from './confidence.ts';
import type { CheckDiagnostic as Diagnostic, CheckDocument } from './types.ts';

/** The confidence a finding in a block quotation keeps at most: the top of `possible`. */
export const QUOTED = 0.5;

/**
 * The finding as it stands where it was found: capped at {@link QUOTED}, with a word on why, when
 * it is in a block quotation; unchanged elsewhere.
 */
export function inQuotation(dg: Diagnostic, doc: CheckDocument): Diagnostic {
  if (dg.confidence <= QUOTED || doc.regions === undefined || regionAt(doc.regions, dg.place.start.offset)?.quoted !== true) return dg;
  return {
    ...dg,
    reason: `${dg.reason} It stands in a block quotation: the quoted text's own spelling, kept as printed unless the translation is yours.`,
    confidence: QUOTED,
    data: { ...dg.data, confidence: confidenceLabel(QUOTED) },
  };
}
