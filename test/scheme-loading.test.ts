// User schemes load through the same validator as the built-in ones; a broken file gets an error
// that names the file, the field (JSON pointer) and the reason.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { LatinitsaError, getScheme, listSchemes, loadScheme, romanize } from '../src/index.ts';
import { fixturesDir, readTsv } from './support/fixtures.ts';

const dir = path.join(fixturesDir, 'schemes');

describe('broken scheme files (test/fixtures/schemes/invalid/expected.tsv)', () => {
  for (const [file, code, pointer, message] of readTsv(path.join(dir, 'invalid', 'expected.tsv'))) {
    it(`${file}: ${code} at ${pointer || '/'}`, () => {
      const data: unknown = JSON.parse(readFileSync(path.join(dir, 'invalid', file!), 'utf8'));
      assert.throws(
        () => loadScheme(data, { file: file!, register: true }),
        (e: unknown) => {
          assert.ok(e instanceof LatinitsaError, String(e));
          assert.equal(e.code, code);
          assert.equal(e.pointer ?? '', pointer);
          assert.equal(e.file, file);
          assert.ok(e.message.startsWith(`${file}: `), e.message);
          assert.ok(e.message.includes(message!), `${e.message} should include ${message}`);
          return true;
        },
      );
    });
  }
});

describe('a house style that extends a built-in scheme', () => {
  const data: unknown = JSON.parse(readFileSync(path.join(dir, 'valid', 'house-style.json'), 'utf8'));
  const scheme = loadScheme(data, { file: 'house-style.json' });
  it('inherits letters, rules and options and adds its own', () => {
    assert.equal(romanize('Ельцин, Сокольников, Политбюро ЦК', { scheme }), 'Yeltsin, Sokolnikov, Politbiuro TsK');
    assert.equal(romanize('Подъезд', { scheme }), 'Podezd');
    assert.deepEqual(scheme.extendsChain, ['ala-lc-simplified']);
    assert.ok(Object.hasOwn(scheme.options, 'signs'));
  });
  it('is not registered unless asked, and then can be named by id', () => {
    assert.ok(!listSchemes().some((s) => s.id === 'house-notes'));
    loadScheme(data, { file: 'house-style.json', register: true });
    assert.equal(getScheme('house-notes').id, 'house-notes');
    assert.equal(romanize('Ежов', { scheme: 'house-notes' }), 'Yezhov');
  });
  it('does not change the scheme it extends', () => {
    assert.equal(romanize('Ельцин', { scheme: 'ala-lc-simplified' }), 'El’tsin');
  });
  it('inherits the family of the scheme it extends, unless it names one (docs/scheme-format.md)', () => {
    assert.equal(loadScheme({ id: 'myala', name: 'M', extends: 'ala-lc' }).family, 'ala-lc');
    assert.equal(romanize('Київ', { scheme: loadScheme({ id: 'myala', name: 'M', extends: 'ala-lc' }), lang: 'uk' }), 'Kyïv');
    assert.equal(loadScheme({ id: 'myala', name: 'M', extends: 'ala-lc', family: 'myala' }).family, 'myala');
    // A grandchild: the family passes down the chain.
    const child = loadScheme({ id: 'myala', name: 'M', extends: 'ala-lc' }, { register: true });
    assert.equal(loadScheme({ id: 'myala2', name: 'M2', extends: child.id }).family, 'ala-lc');
    // The parent of house-style.json names no family: its family is its id, which the child inherits.
    assert.equal(scheme.family, 'ala-lc-simplified');
  });
});

describe('what the checks of letters, contexts and alphabets still accept (docs/scheme-format.md)', () => {
  const simplified = getScheme('ala-lc-simplified').alphabet;
  // [what, the scheme, a Cyrillic text, what it romanizes to]
  const legitimate: [string, Record<string, unknown>, string, string][] = [
    ['"^" in notAfter and "$" in notBefore', { id: 'inner-e', name: 'I', extends: 'ala-lc-simplified', rules: [{ match: 'е', notAfter: ['^'], notBefore: ['$'], output: 'ë' }], alphabet: `${simplified}ëË` }, 'Елена', 'Elëna'],
    ['the apostrophe letter of a language that has one', { id: 'uk-apostrophe', name: 'U', extends: 'ala-lc-uk', letters: { 'ʼ': '' } }, 'Мʼята', 'Mi͡ata'],
    ['letters of another Cyrillic language', { id: 'sr-house', name: 'S', extends: 'sr-gaj', letters: { 'ј': 'y' } }, 'Јован', 'Yovan'],
    ['a Cyrillic letter written on purpose, with an alphabet that says so', { id: 'keeps-zh', name: 'K', extends: 'ala-lc-simplified', letters: { 'ж': 'ж' }, alphabet: `${simplified}жЖ` }, 'Жуков', 'Жukov'],
    ['the apostrophe in a scheme that serves Ukrainian too', { id: 'also-uk', name: 'A', letters: { 'м': 'm', 'ʼ': "'", 'я': 'ja' }, languages: ['uk'], alphabet: "amjAMJ'" }, 'мя', 'mja'],
  ];
  for (const [what, data, cyrillic, latin] of legitimate) {
    it(`${what} loads and applies`, () => {
      assert.equal(romanize(cyrillic, { scheme: loadScheme(data, { file: 'ok.json' }) }), latin);
    });
  }
  it('the letters are the language file\'s: a language written in Latin letters may name them', async () => {
    const { getLanguage, validateScheme } = await import('../src/schemes/index.ts');
    const scheme = { id: 'latin-lang', name: 'L', letters: { q: 'kw' }, rules: [{ match: 'q', after: ['^'], output: 'Q' }] };
    assert.doesNotThrow(() => validateScheme(scheme, { language: { ...getLanguage('ru'), script: 'Latin' } }));
    assert.throws(() => validateScheme(scheme, { file: 'l.json', language: getLanguage('ru') }), /l\.json: \/letters\/q: "q" \(U\+0071\) is not a letter of Russian/u);
  });
});

describe('built-in schemes', () => {
  it('list with metadata and options', () => {
    const list = listSchemes();
    assert.equal(list[0]!.id, 'modified-loc');
    for (const id of ['modified-loc', 'ala-lc', 'ala-lc-simplified']) {
      const info = list.find((s) => s.id === id);
      assert.ok(info && info.name && info.authority && info.builtIn, id);
    }
    assert.deepEqual(list.find((s) => s.id === 'modified-loc')!.options.signBeforeE, {
      default: 'i',
      values: ['i', 'omit'],
      description: 'How ь/ъ before е are written (rule R5).',
    });
  });
  it('are frozen', () => {
    const scheme = getScheme('modified-loc');
    assert.throws(() => {
      (scheme.letters as Record<string, string>)['а'] = 'x';
    }, TypeError);
  });
  for (const info of listSchemes().filter((s) => s.builtIn)) {
    it(`${info.id}: every inline sample holds`, () => {
      for (const [cyrillic, latin] of getScheme(info.id).samples) assert.equal(romanize(cyrillic, { scheme: info.id }), latin.normalize('NFC'), cyrillic);
    });
  }
});

describe('limits of a scheme file', () => {
  it('a letter mapped to 10 MB is a clean limit error naming the file and the field, at once', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { readSchemeFile } = await import('../src/io/files.ts');
    const tmp = await mkdtemp(path.join(tmpdir(), 'latinitsa-scheme-'));
    try {
      const file = path.join(tmp, 'huge.json');
      await writeFile(file, JSON.stringify({ id: 'huge', name: 'Huge', extends: 'modified-loc', letters: { а: 'a'.repeat(10_000_000) } }));
      const started = performance.now();
      await assert.rejects(readSchemeFile(file), (e: unknown) => {
        assert.ok(e instanceof LatinitsaError);
        assert.equal(e.code, 'ERR_SCHEME_INVALID');
        assert.equal(e.pointer, '/letters/а');
        assert.equal(e.message, `${file}: /letters/а: is 10000000 characters long, more than the limit of 64 for this field`);
        return true;
      });
      assert.ok(performance.now() - started < 5000);
      // A rule's output and any other text of the file have their limits too.
      assert.throws(() => loadScheme({ id: 'long-rule', name: 'L', extends: 'modified-loc', rules: [{ match: 'а', output: 'b'.repeat(65) }] }, { file: 'r.json' }), /r\.json: \/rules\/0\/output: is 65 characters long, more than the limit of 64/u);
      assert.throws(() => loadScheme({ id: 'long-note', name: 'L', extends: 'modified-loc', description: 'x'.repeat(5000) }, { file: 'n.json' }), /n\.json: \/description: is 5000 characters long, more than the limit of 4096 for any text of a data file/u);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });
});
