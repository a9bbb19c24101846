// The lexicon file format (src/reverse/lexicon-file.ts), the Node loader (src/io/lexicon.ts) and
// the committed files data/lexicon/lexicon-<language>.bin: round trips against a plain Map,
// damaged input, and that each committed file is current (built from the inputs installed now).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { buildLexicon, lexiconInputs, lexiconLanguages, lexiconSources } from '../scripts/build-lexicon.ts';
import { LatinitsaError, lexiconFromBytes, type Lexicon } from '../src/index.ts';
import { decodeLexicon, encodeLexicon } from '../src/reverse/index.ts';
import { lexiconEntries, readLexiconHeader } from '../src/reverse/lexicon-file.ts';
import { defaultLexiconFile, loadLexicon, missingLexiconWarning, shippedLexiconFile } from '../src/io/index.ts';

/** Words over a few letters (one of them outside the BMP), so that prefixes are shared a lot. */
const letters = ['а', 'б', 'в', 'ё', '-', 'я', '𝔞'];
const word = fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
const entries = fc.array(fc.tuple(word, fc.integer({ min: 1, max: 127 })), { maxLength: 300 });

/** The lexicon a plain Map gives for the same entries. */
function reference(list: [string, number][], english: string[] = []): Lexicon {
  const map = new Map<string, number>();
  for (const [w, f] of list) map.set(w, (map.get(w) ?? 0) | f);
  const words = [...map.keys()];
  return { lookup: (w) => map.get(w) ?? 0, hasPrefix: (p) => words.some((w) => w.startsWith(p)), isEnglish: (w) => english.includes(w) };
}

const isFormatError = (e: unknown): boolean => e instanceof LatinitsaError && e.code === 'ERR_UNSUPPORTED_FORMAT';

describe('lexicon file format', () => {
  it('decodes to what was encoded: lookup, hasPrefix and isEnglish agree with a Map (property)', () => {
    fc.assert(
      fc.property(entries, fc.array(word, { maxLength: 40 }), (list, probes) => {
        const lexicon = decodeLexicon(encodeLexicon({ language: 'ru', words: list, english: ['the', 'of'] }));
        const ref = reference(list, ['the', 'of']);
        for (const w of [...list.map(([x]) => x), ...probes, ...probes.map((p) => [...p][0]!), '', 'ж', 'abc']) {
          assert.equal(lexicon.lookup(w), ref.lookup(w), `lookup ${w}`);
          assert.equal(lexicon.hasPrefix(w), w === '' ? list.length > 0 : ref.hasPrefix(w), `hasPrefix ${w}`);
        }
        assert.ok(lexicon.isEnglish('the') && !lexicon.isEnglish('а'));
      }),
      { numRuns: 300 },
    );
  });

  it('lists its entries in sorted order, flags merged (property)', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const merged = new Map<string, number>();
        for (const [w, f] of list) merged.set(w, (merged.get(w) ?? 0) | f);
        assert.deepEqual([...lexiconEntries(encodeLexicon({ language: 'ru', words: list }))], [...merged].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
      }),
      { numRuns: 300 },
    );
  });

  it('the gzipped file reads the same through lexiconFromBytes', async () => {
    const list: [string, number][] = [['мир', 1], ['мирон', 2], ['миронович', 8], ['я', 1]];
    const payload = encodeLexicon({ language: 'ru', words: list });
    for (const bytes of [payload, new Uint8Array(gzipSync(payload))]) {
      const lexicon = await lexiconFromBytes(bytes);
      assert.deepEqual(['мир', 'мирон', 'миронович', 'миро', 'я'].map((w) => lexicon.lookup(w)), [1, 2, 8, 0, 1]);
    }
  });

  it('refuses what it cannot store: empty words, flags outside 1..127, words over 255 letters', () => {
    for (const words of [[['', 1]], [['а', 0]], [['а', 128]], [['а'.repeat(256), 1]]] as [string, number][][]) {
      assert.throws(() => encodeLexicon({ language: 'ru', words }), (e: unknown) => e instanceof LatinitsaError && e.code === 'ERR_INVALID_INPUT');
    }
  });

  it('a damaged or foreign file is ERR_UNSUPPORTED_FORMAT, never another error (property)', async () => {
    const payload = encodeLexicon({ language: 'ru', words: [['мир', 1], ['мирон', 2], ['миронович', 8], ['я', 1]], english: ['of'] });
    const body = readLexiconHeader(payload).body;
    fc.assert(
      fc.property(fc.integer({ min: body, max: payload.length - 1 }), fc.integer({ min: 0, max: 255 }), fc.boolean(), (at, value, cut) => {
        const bytes = cut ? payload.slice(0, at) : payload.slice();
        if (!cut) bytes[at] = value;
        try {
          const lexicon = decodeLexicon(bytes);
          lexicon.lookup('мирон');
          lexicon.hasPrefix('ми');
        } catch (error) {
          assert.ok(isFormatError(error), String(error));
        }
      }),
    );
    const header = (change: Record<string, unknown>): Uint8Array => {
      const { header: h, body: start } = readLexiconHeader(payload);
      const head = new TextEncoder().encode(`${JSON.stringify({ ...h, ...change })}\n`);
      return new Uint8Array([...head, ...payload.subarray(start)]);
    };
    for (const bytes of [new Uint8Array(0), new TextEncoder().encode('hello\nworld'), header({ format: 'other' }), header({ count: 5 }), header({ count: 3 }), header({ alphabet: 'м' })]) {
      assert.throws(() => decodeLexicon(bytes), isFormatError);
    }
    assert.throws(() => decodeLexicon(header({ version: 2 })), (e: unknown) => isFormatError(e) && /version 2 is not supported/.test((e as Error).message));
    await assert.rejects(lexiconFromBytes(new Uint8Array([0x1f, 0x8b, 1, 2, 3])), isFormatError);
  });
});

describe('loadLexicon (Node)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'latinitsa-lexicon-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a missing file is undefined (the CLI then prints missingLexiconWarning)', async () => {
    assert.equal(await loadLexicon({ file: path.join(dir, 'none.bin') }), undefined);
    assert.match(missingLexiconWarning(path.join(dir, 'none.bin')), /^latinitsa: warning: no Russian lexicon at .*none\.bin; readings are ranked by letter statistics only$/);
  });

  it('reads gzipped and plain files, once per file', async () => {
    const payload = encodeLexicon({ language: 'ru', words: [['мир', 1]] });
    writeFileSync(path.join(dir, 'a.bin'), gzipSync(payload));
    writeFileSync(path.join(dir, 'b.bin'), payload);
    const a = await loadLexicon({ file: path.join(dir, 'a.bin') });
    assert.equal(a?.lookup('мир'), 1);
    assert.equal((await loadLexicon({ file: path.join(dir, 'b.bin') }))?.lookup('мир'), 1);
    assert.equal(await loadLexicon({ file: path.join(dir, 'a.bin') }), a);
  });

  it('a damaged file names the file, and is tried again on the next call', async () => {
    const file = path.join(dir, 'bad.bin');
    writeFileSync(file, gzipSync(Buffer.from('{"format":"latinitsa-lexicon","version":1}\n')));
    await assert.rejects(loadLexicon({ file }), (e: unknown) => isFormatError(e) && (e as LatinitsaError).file === file);
    writeFileSync(file, encodeLexicon({ language: 'ru', words: [['мир', 1]] }));
    assert.equal((await loadLexicon({ file }))?.lookup('мир'), 1);
  });
});

describe('the shipped lexicon of a language', () => {
  it('is data/lexicon/lexicon-<language>.bin; Russian by default; an unknown language is ERR_INVALID_OPTION', async () => {
    assert.equal(shippedLexiconFile(), defaultLexiconFile);
    assert.equal(path.basename(shippedLexiconFile({ language: 'bg' })), 'lexicon-bg.bin');
    for (const language of ['xx', '../ru', '']) {
      assert.throws(() => shippedLexiconFile({ language }), (e: unknown) => e instanceof LatinitsaError && e.code === 'ERR_INVALID_OPTION');
      await assert.rejects(loadLexicon({ language }), (e: unknown) => e instanceof LatinitsaError && e.code === 'ERR_INVALID_OPTION');
    }
    assert.equal((await loadLexicon({ language: 'uk' }))?.language, 'uk');
    assert.equal((await loadLexicon({ language: 'ru' }))?.language, 'ru');
  });

  it('a language the package has no lexicon of loads none', async () => {
    assert.equal(await loadLexicon({ language: 'be' }), undefined);
  });

  it('the missing-file warning names the language', () => {
    assert.match(missingLexiconWarning({ language: 'bg' }), /^latinitsa: warning: no Bulgarian lexicon at .*lexicon-bg\.bin; readings are ranked by letter statistics only$/);
    assert.equal(missingLexiconWarning(), missingLexiconWarning(defaultLexiconFile));
  });
});

for (const language of lexiconLanguages()) {
  describe(`the committed lexicon (data/lexicon/lexicon-${language}.bin)`, () => {
    const file = shippedLexiconFile({ language });
    const bytes = readFileSync(file);

    it('is current: built from the source packages installed now, data/lexicon/sources.json, its rules and the build script', () => {
      const { header } = readLexiconHeader(gunzipSync(bytes));
      assert.equal(header.language, language);
      assert.deepEqual(header.inputs, lexiconInputs({ language }), `data/lexicon/lexicon-${language}.bin is stale: run npm run build:lexicon (and commit the files it writes)`);
    });
  });
}

describe('what the lexicons are built from: licences that allow shipping them in the MIT package', () => {
  // data/lexicon/README.md: each source's licence is one the package can carry (a copyleft one
  // only as MPL-1.1, which covers the data file alone). dictionary-uk (GPL-3.0) was the first
  // Ukrainian source and is not one of them; the Ukrainian words come from Debian's hunspell-uk,
  // whose uk_UA files are offered under MPL-1.1 (with GPL-2+ and LGPL-2.1+).
  const shippable = /^\(?(MIT|ISC|BSD-3-Clause)\)?$|\bMPL-1\.1\b/;
  for (const language of lexiconLanguages()) {
    it(`${language}: every npm package recorded as an input has a licence that allows it`, () => {
      const { header } = readLexiconHeader(gunzipSync(readFileSync(shippedLexiconFile({ language }))));
      for (const name of Object.keys(header.inputs).filter((k) => !k.includes('/') && !k.includes(' ') && !k.includes('.'))) {
        if (name === 'hunspell-reader') continue; // a tool: none of its code or data is in the file
        const { license } = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'node_modules', name, 'package.json'), 'utf8')) as { license: string };
        assert.match(license, shippable, `${name} (${license}) in lexicon-${language}.bin`);
      }
    });
  }

  it('the Ukrainian one records the Debian package and the checksums of its files, not dictionary-uk', () => {
    const { header } = readLexiconHeader(gunzipSync(readFileSync(shippedLexiconFile({ language: 'uk' }))));
    assert.equal(header.inputs['hunspell-uk (Debian)'], '1:7.5.0-1');
    assert.match(header.inputs['usr/share/hunspell/uk_UA.dic'] ?? '', /^sha256:[0-9a-f]{64}$/);
    assert.equal(header.inputs['dictionary-uk'], undefined);
  });

  it('the build reads a Debian dictionary only with the checksums sources.json records, and says how to get it', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'latinitsa-debian-'));
    try {
      await assert.rejects(buildLexicon({ language: 'uk', debianRoot: root }), /uk_UA\.aff not found: .*apt-get download hunspell-uk .*--debian-root DIR/);
      const d = lexiconSources().languages['uk']!.dictionary;
      assert.ok(typeof d !== 'string');
      for (const f of [d.aff.path, d.dic.path]) {
        mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
        writeFileSync(path.join(root, f), 'SET UTF-8\n');
      }
      await assert.rejects(buildLexicon({ language: 'uk', debianRoot: root }), /uk_UA\.aff: sha256 [0-9a-f]{64}, not the af2b3cf5/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the committed lexicons: sizes and contents', () => {
  it('each is gzipped and at most 8 MB; the Ukrainian and Bulgarian ones together at most 1.5 MB (the package budget)', () => {
    for (const language of lexiconLanguages()) assert.ok(statSync(shippedLexiconFile({ language })).size <= 8e6, language);
    assert.ok(statSync(shippedLexiconFile({ language: 'uk' })).size + statSync(shippedLexiconFile({ language: 'bg' })).size <= 1.5e6);
  });

  it('the Russian one holds the words reverse romanization needs', async () => {
    const lexicon = (await loadLexicon())!;
    // Flags from the sources: a dictionary form, a given name, a surname, a derived patronymic.
    assert.ok((lexicon.lookup('веснушчаты') & 1) !== 0);
    assert.ok((lexicon.lookup('сергей') & 2) !== 0);
    assert.ok((lexicon.lookup('зиновьев') & 4) !== 0);
    assert.ok((lexicon.lookup('сергеевич') & 8) !== 0);
    assert.ok(lexicon.isEnglish('the') && !lexicon.isEnglish('зиновьев'));
  });

  it('the Ukrainian and Bulgarian ones: capitalised entries in all their forms, flagged proper; headwords; the apostrophe as U+02BC; English words', async () => {
    const uk = (await loadLexicon({ language: 'uk' }))!;
    assert.equal(uk.lookup('київ') & 16, 16);
    assert.equal(uk.lookup('києва') & 16, 16);
    assert.equal(uk.lookup('церква') & 1, 1);
    assert.equal(uk.lookup('знамʼянка') & 16, 16);
    assert.equal(uk.lookup("знам'янка"), 0);
    assert.ok(uk.isEnglish('the'));
    const bg = (await loadLexicon({ language: 'bg' }))!;
    assert.equal(bg.lookup('казанлък') & 16, 16);
    assert.equal(bg.lookup('хълм') & 1, 1);
    assert.ok(bg.isEnglish('the'));
  });
});
