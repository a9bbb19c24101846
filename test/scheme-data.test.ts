// The built-in scheme files as data for readers and for the reverse engine: a plain summary for
// every scheme, rule and option (the page, the CLI and the docs show them), and values in NFC.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtInSources } from '../src/schemes/registry.ts';

/** Section marks, resolution numbers and file paths belong in notes, not in what readers see. */
const JARGON = /§|\bQ\d|\bspec\/|\bR\d\b/;

describe('built-in scheme files', () => {
  for (const source of builtInSources()) {
    it(`${source.id}: a plain summary for the scheme, each rule and each option`, () => {
      const summaries: [string, string | undefined][] = [
        ['/summary', source.summary],
        ...(source.rules ?? []).map((r, i): [string, string | undefined] => [`/rules/${i}/summary`, r.summary]),
        ...Object.entries(source.options ?? {}).map(([name, o]): [string, string | undefined] => [`/options/${name}/summary`, o.summary]),
      ];
      for (const [at, text] of summaries) {
        assert.ok(text !== undefined && text.length >= 10, `${at} is missing`);
        assert.doesNotMatch(text, JARGON, at);
        assert.match(text, /[.)]$/, `${at} is a sentence`);
      }
    });

    it(`${source.id}: letter values and rule outputs are NFC (the reverse engine reads them as written)`, () => {
      const values = [...Object.values(source.letters ?? {}), ...(source.rules ?? []).flatMap((r) => (Array.isArray(r.output) ? r.output : [r.output]))];
      for (const v of values) assert.equal(v, v.normalize('NFC'), JSON.stringify(v));
    });
  }
});
