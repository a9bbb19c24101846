// Words that mix Latin and Cyrillic letters (a look-alike letter typed in the wrong script).
import { confidenceLabel } from './confidence.ts';
import type { LineIndex } from '../diagnostics/place.ts';
import { getLanguage } from '../schemes/registry.ts';
import { majorityScript, readInScript } from '../schemes/script.ts';
import type { WordToken } from '../segment/index.ts';
import type { CheckDiagnostic as Diagnostic, CheckDocument } from './types.ts';

/**
 * Mixed-script words: read in the script most of their letters are in (Cyrillic when as many),
 * the look-alikes of the other script replaced by their twins, if all have one (docs/check.md,
 * "Words in two scripts"; also used by src/marc). The look-alikes are the Russian language's
 * (src/schemes/script.ts `lookAlikes`).
 */
export function mixedScriptFix(word: string): { expected?: string; cyrillicMajority: boolean } {
  const russian = getLanguage('ru');
  const cyrillicMajority = majorityScript(word, russian) !== 'Latin';
  const expected = readInScript(word, cyrillicMajority ? russian.script : 'Latin', russian);
  return expected === undefined ? { cyrillicMajority } : { expected, cyrillicMajority };
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
