// A program's misuse of the library's functions throws the one error class, with a code, before
// any work: never a TypeError from inside, never an option silently ignored. The calls are the
// ones the thirty-third session's audit of the installed package found throwing TypeErrors or
// running on without the option meant (`{ shceme: 'ala-lc' }`, a scheme id passed as the options).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFixes, candidates, checkCitations, checkDocuments, checkText, convert, convertDetailed, deromanize, deromanizeDetailed, detectScheme, explain, LatinitsaError, readDocument, romanize, romanizeDetailed } from '../src/index.ts';

const cases: Array<[string, () => unknown, string, RegExp]> = [
  ['checkText(t, null)', () => checkText('Zinoviev Zinovyev', null as never), 'ERR_INVALID_OPTION', /checkText: the options must be an object, found null/u],
  ['checkText(t, "modified-loc")', () => checkText('Zinoviev', 'modified-loc' as never), 'ERR_INVALID_OPTION', /checkText: the options must be an object, found the string "modified-loc"/u],
  ['checkText(t, { schme })', () => checkText('Zinoviev', { schme: 'modified-loc' } as never), 'ERR_INVALID_OPTION', /option "schme" is not a setting \(known: scheme, /u],
  ['checkDocuments with a bogus field', () => checkDocuments([{ text: 'Zinoviev' }], { bogus: 1 } as never), 'ERR_INVALID_OPTION', /option "bogus" is not a setting/u],
  ['checkDocuments with file: 5', () => checkDocuments([{ text: 'Zinoviev', file: 5 as never }]), 'ERR_INVALID_INPUT', /file name of document 0 must be a string, found number/u],
  ['checkDocuments with file: a symbol', () => checkDocuments([{ text: 'Zinoviev', file: Symbol('x') as never }]), 'ERR_INVALID_INPUT', /found symbol/u],
  ['checkText(undefined)', () => checkText(undefined as never), 'ERR_INVALID_INPUT', /text must be a string, found undefined/u],
  ['romanize(t, null)', () => romanize('Юрий', null as never), 'ERR_INVALID_OPTION', /romanize: the options must be an object, found null/u],
  ['romanize(t, "ala-lc")', () => romanize('Юрий', 'ala-lc' as never), 'ERR_INVALID_OPTION', /found the string "ala-lc"/u],
  ['romanizeDetailed(t, null)', () => romanizeDetailed('Юрий', null as never), 'ERR_INVALID_OPTION', /romanizeDetailed: the options/u],
  ['explain(t, null)', () => explain('Юрий', null as never), 'ERR_INVALID_OPTION', /explain: the options/u],
  ['deromanize(t, null)', () => deromanize('Iurii', null as never), 'ERR_INVALID_OPTION', /deromanize: the options/u],
  ['deromanize(t, "ala-lc")', () => deromanize('Iurii', 'ala-lc' as never), 'ERR_INVALID_OPTION', /found the string/u],
  ['deromanize(t, { shceme })', () => deromanize('Iurii', { shceme: 'ala-lc' } as never), 'ERR_INVALID_OPTION', /unknown option "shceme" \(known: scheme, schemeOptions, lexicon, all, alternatives\)/u],
  ['deromanize(t, { lang: 5 })', () => deromanize('Iurii', { lang: 5 } as never), 'ERR_INVALID_OPTION', /unknown option "lang"/u],
  ['deromanizeDetailed(t, null)', () => deromanizeDetailed('Iurii', null as never), 'ERR_INVALID_OPTION', /deromanize: the options/u],
  ['candidates(null)', () => candidates(null as never), 'ERR_INVALID_INPUT', /candidates expects a string, found null/u],
  ['candidates(w, null)', () => candidates('shchuka', null as never), 'ERR_INVALID_OPTION', /candidates: the options/u],
  ['convert(t, null)', () => convert('Zinov’ev', null as never), 'ERR_INVALID_OPTION', /convert: the options/u],
  ['convertDetailed(t, { form })', () => convertDetailed('Zinov’ev', { from: 'ala-lc-simplified', to: 'wikipedia', form: 1 } as never), 'ERR_INVALID_OPTION', /unknown option "form"/u],
  ['detectScheme(t, null)', () => detectScheme('Zinov’ev', null as never), 'ERR_INVALID_OPTION', /detectScheme: the options/u],
  ['detectScheme(t, { language: "xx" })', () => detectScheme('Zinov’ev', { language: 'xx' }), 'ERR_INVALID_OPTION', /^unknown language "xx" \(known: ru, /u],
  ['detectScheme(t, { language: 5 })', () => detectScheme('Zinov’ev', { language: 5 as never }), 'ERR_INVALID_OPTION', /^unknown language 5 /u],
  ['detectScheme(t, { schemes: [] })', () => detectScheme('Zinov’ev', { schemes: [] }), 'ERR_INVALID_OPTION', /option "schemes" must name at least one scheme/u],
  ['applyFixes(null, [])', () => applyFixes(null as never, []), 'ERR_INVALID_INPUT', /applyFixes expects the checked text as a string, found null/u],
  ['applyFixes(t, null)', () => applyFixes('abc', null as never), 'ERR_INVALID_INPUT', /applyFixes expects the text's diagnostics as an array, found null/u],
  ['readDocument(null)', () => readDocument(null as never), 'ERR_INVALID_INPUT', /readDocument expects \{ text, format \}, \{ docx \} or \{ paragraphs \}, found null/u],
  ['readDocument("text")', () => readDocument('some text' as never), 'ERR_INVALID_INPUT', /found string/u],
  // The thirty-fourth session: an option dropped with lang "auto", a verso style with no reference to rewrite.
  ['romanize(t, { lang: "auto", bogus })', () => romanize('Жуков', { lang: 'auto', bogusOption: 'x' } as never), 'ERR_INVALID_OPTION', /unknown option "bogusOption" for scheme "modified-loc"/u],
  ['explain(t, { lang: "auto", bogus })', () => explain('Жуков', { lang: 'auto', bogusOption: 'x' } as never), 'ERR_INVALID_OPTION', /unknown option "bogusOption" for scheme "modified-loc"/u],
  ['romanize(t, { lang: "auto", scheme: "ala-lc", tie: "x" })', () => romanize('Жуков', { lang: 'auto', scheme: 'ala-lc', tie: 'x' } as never), 'ERR_INVALID_OPTION', /tie/u],
  // The thirty-fifth session's audit: "auto" refused by the functions that take one language,
  // with a message that offered "auto" among the values it takes.
  ['checkText(t, { lang: "auto" })', () => checkText('Zinoviev', { lang: 'auto' }), 'ERR_INVALID_OPTION', /^option "lang" takes one language here: "ru", "be", "bg", "mk", "sr", "uk"; found "auto" \("auto", the language decided per paragraph, is taken by romanize, explain and romanizeDetailed only\)$/u],
  ['checkText(t, { lang: "xx" })', () => checkText('Zinoviev', { lang: 'xx' }), 'ERR_INVALID_OPTION', /^option "lang" must be one of "ru", "be", "bg", "mk", "sr", "uk" \(or "auto" with romanize, explain and romanizeDetailed\), found "xx"$/u],
  ['checkCitations(t, { versoStyle })', () => checkCitations('No reference here.', { versoStyle: 'bogus' } as never), 'ERR_INVALID_OPTION', /unknown versoStyle "bogus" \(known: ob-attached, ob-spaced, v\)/u],
];

describe('misuse of the library throws LatinitsaError with a code', () => {
  for (const [name, call, code, message] of cases) {
    it(name, () => {
      assert.throws(call, (e: unknown) => e instanceof LatinitsaError && e.code === code && message.test(e.message), name);
    });
  }
});
