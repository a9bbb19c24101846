// Words that mix Latin and Cyrillic letters (a look-alike letter typed in the wrong script).
import { confidenceLabel } from './confidence.ts';
import type { LineIndex } from '../diagnostics/place.ts';
import { getLanguage } from '../schemes/registry.ts';
import type { WordToken } from '../segment/index.ts';
import type { CheckDiagnostic as Diagnostic, CheckDocument } from './types.ts';

/** Mixed-script words: look-alike letters of the minority script replaced by their twins, if all have one (also used by src/marc). */
export function mixedScriptFix(word: string): { expected?: string; cyrillicMajority: boolean } {
  const glyphs = getLanguage('ru').homoglyphs ?? {};
  const toLatin = new Map(Object.entries(glyphs).map(([lat, cyr]) => [cyr, lat]));
  let cyr = 0;
  let lat = 0;
  for (const ch of word) {
    if (/\p{Script=Cyrillic}/u.test(ch)) cyr++;
    else if (/\p{Script=Latin}/u.test(ch)) lat++;
  }
  const cyrillicMajority = cyr >= lat;
  let out = '';
  for (const ch of word) {
    const isLatin = /\p{Script=Latin}/u.test(ch);
    const isCyr = /\p{Script=Cyrillic}/u.test(ch);
    if (cyrillicMajority && isLatin) {
      const twin = (glyphs as Record<string, string>)[ch];
      if (twin === undefined) return { cyrillicMajority };
      out += twin;
    } else if (!cyrillicMajority && isCyr) {
      const twin = toLatin.get(ch);
      if (twin === undefined) return { cyrillicMajority };
      out += twin;
    } else out += ch;
  }
  return { expected: out, cyrillicMajority };
}

/**
 * Whether a word that mixes scripts is a philologist's transliteration, not a slip: Latin letters
 * and, as its only Cyrillic letters, the language's signs (the `sign` class of the language data:
 * the jers ъ and ь), which the Slavists' transliteration of Old Church Slavonic and Old Russian
 * keeps as they are (Měneskъ, brašъno, dьnь). A slip puts a look-alike in (Mоscow); a sign has
 * none (docs/check.md, "Words in two scripts").
 *
 * @param word The word as written.
 * @returns Whether it is such a transliteration.
 */
export function keptSigns(word: string): boolean {
  const signs = getLanguage('ru').classes['sign'] ?? '';
  let lat = 0;
  let cyr = 0;
  for (const ch of word) {
    if (/\p{Script=Latin}/u.test(ch)) lat++;
    else if (/\p{Script=Cyrillic}/u.test(ch)) {
      if (!signs.includes(ch.toLowerCase())) return false;
      cyr++;
    }
  }
  return cyr > 0 && lat > 0;
}

/** The finding for a word that mixes scripts, with a fix when every odd letter has a twin. */
export function mixedDiagnostic(doc: CheckDocument, token: WordToken, lines: LineIndex): Diagnostic {
  const { expected, cyrillicMajority } = mixedScriptFix(token.text);
  const dg: Diagnostic = {
    ruleId: 'check/mixed-script',
    source: 'latinitsa',
    severity: 'error',
    reason: `"${token.text}" mixes Latin and Cyrillic letters${expected === undefined ? '' : `; ${cyrillicMajority ? 'Cyrillic' : 'Latin'} "${expected}" intended?`}`,
    place: lines.placeOf(token.start, token.end),
    actual: token.text,
    expected: expected === undefined ? [] : [expected],
    confidence: expected === undefined ? 0.8 : 0.95,
  };
  // Its band named as every finding's is (the text report and the page show it).
  dg.data = { confidence: confidenceLabel(dg.confidence) };
  if (expected !== undefined) dg.fix = { range: [token.start, token.end], text: expected };
  if (doc.file !== undefined) dg.file = doc.file;
  return dg;
}
