// The page's scheme of one's own kept over a reload (web/own-scheme.ts, docs/web.md): what is kept
// in this browser, what a reload loads again, and what it drops with a notice. The storage is a
// stand-in for the browser's localStorage; the DOM is not needed (the control itself is tested in
// Chromium by test/e2e/web.test.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, it } from 'node:test';
import { detectScheme, getScheme, romanize } from '../src/index.ts';
import { forgetOwnScheme, KEPT_SCHEME, menuValueOf, OWN_SCHEME, ownScheme, ownSchemeNote, restoreOwnScheme, detectionSchemes, useSchemeFile } from '../web/own-scheme.ts';
import { ops } from '../web/ops.ts';
import { forgetAll, MAX_KEPT } from '../web/storage.ts';
import { fixturesDir } from './support/fixtures.ts';

const KEY = `latinitsa:${KEPT_SCHEME}`;
const schemeFile = path.join(fixturesDir, 'check', 'schemes', 'lc-no-signs.json');
const bytes = readFileSync(schemeFile);

/** localStorage as a browser gives it, with a switch for a full or disabled one. */
class FakeStorage {
  items = new Map<string, string>();
  full = false;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.full) throw new Error('QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
}

let storage: FakeStorage;
beforeEach(() => {
  storage = new FakeStorage();
  (globalThis as { localStorage?: unknown }).localStorage = storage;
  forgetOwnScheme();
});

describe('web: the scheme of one\'s own, kept over a reload', () => {
  it('keeps a loaded scheme file, with its name, and a reload loads it again', () => {
    useSchemeFile(bytes, 'lc-no-signs.json');
    assert.equal(ownSchemeNote(), 'Loaded LC without diacritics, signs or i for й (lc-no-signs). Kept in this browser for your next visit.');
    const kept = storage.getItem(KEY)!;
    assert.deepEqual(JSON.parse(kept), { file: 'lc-no-signs.json', definition: JSON.parse(bytes.toString('utf8')) });
    // A reload: the page starts with nothing loaded, and the entry in the browser.
    forgetOwnScheme();
    assert.equal(ownScheme(), undefined);
    assert.equal(storage.getItem(KEY), null);
    storage.setItem(KEY, kept);
    restoreOwnScheme();
    assert.equal(ownSchemeNote(), 'Your scheme LC without diacritics, signs or i for й (lc-no-signs.json), kept from your last visit.');
    // Worked out by hand from the file's letters: ь dropped, й as y (ala-lc-simplified: Sokol'nikov, Chaikovskii).
    assert.equal(romanize('Сокольников и Чайковский', { scheme: ownScheme()!.scheme }), 'Sokolnikov i Chaykovskiy');
    assert.equal(ownScheme()!.file, 'lc-no-signs.json');
  });

  it('drops the scheme in use at once when the page forgets everything ("forget them"), as "Forget this scheme" does', () => {
    // Before: "forget them" emptied the storage, and the menus offered the scheme until a reload.
    useSchemeFile(bytes, 'lc-no-signs.json');
    storage.setItem('latinitsa:rz-text', 'Щёлково');
    storage.setItem('elsewhere', 'kept');
    forgetAll();
    assert.equal(ownScheme(), undefined);
    assert.equal(ownSchemeNote(), 'Forgotten: the menus offer the built-in schemes again.');
    assert.deepEqual([...storage.items.keys()], ['elsewhere']);
    // Also one in use but never kept (over the size limit), and with none loaded nothing is said.
    storage.full = true;
    useSchemeFile(bytes, 'lc-no-signs.json');
    forgetAll();
    assert.equal(ownScheme(), undefined);
    restoreOwnScheme();
    assert.equal(ownScheme(), undefined);
  });

  it('starts with nothing when nothing was kept', () => {
    restoreOwnScheme();
    assert.equal(ownScheme(), undefined);
  });

  it('drops a damaged entry with a notice, and the page goes on without it', () => {
    for (const damaged of ['{"file": "lc-no-signs.json", "definition": {"id"', '"just a string"', '{"definition": {}}', 'null']) {
      storage.setItem(KEY, damaged);
      restoreOwnScheme();
      assert.equal(ownScheme(), undefined, damaged);
      assert.equal(storage.getItem(KEY), null, damaged);
      assert.match(ownSchemeNote(), /^The scheme kept from your last visit (\(lc-no-signs\.json\) )?no longer loads and was forgotten: its entry in this browser is damaged$/, damaged);
    }
  });

  it('drops a kept scheme the loader no longer takes, with the loader\'s message', () => {
    storage.setItem(KEY, JSON.stringify({ file: 'old.json', definition: { id: 'old', name: 'Old', extends: 'no-such-scheme' } }));
    restoreOwnScheme();
    assert.equal(ownScheme(), undefined);
    assert.equal(storage.getItem(KEY), null);
    assert.match(ownSchemeNote(), /^The scheme kept from your last visit \(old\.json\) no longer loads and was forgotten: old\.json: .*no-such-scheme/);
    // An id that has become a built-in scheme's is refused as a file with it would be.
    storage.setItem(KEY, JSON.stringify({ file: 'mine.json', definition: { id: 'ala-lc', name: 'Mine', extends: 'ala-lc-simplified' } }));
    restoreOwnScheme();
    assert.equal(ownScheme(), undefined);
    assert.equal(ownSchemeNote(), 'The scheme kept from your last visit (mine.json) no longer loads and was forgotten: mine.json: /id: "ala-lc" is a built-in scheme; choose another id');
  });

  it('uses a file over the size limit but does not keep it, says so, and drops the one kept before', () => {
    useSchemeFile(bytes, 'lc-no-signs.json');
    assert.notEqual(storage.getItem(KEY), null);
    // Over the limit by its samples (a text of a scheme file is 4,096 characters at most), each over 50 characters written.
    const big = { ...JSON.parse(bytes.toString('utf8')), id: 'big-lc', samples: Array.from({ length: Math.ceil(MAX_KEPT / 50) }, () => ['Сокольников и Чайковский', 'Sokolnikov i Chaykovskiy']) };
    useSchemeFile(new TextEncoder().encode(JSON.stringify(big)), 'big.json');
    assert.equal(ownScheme()!.scheme.id, 'big-lc');
    assert.equal(storage.getItem(KEY), null);
    const size = JSON.stringify({ file: 'big.json', definition: big }).length;
    assert.equal(ownSchemeNote(), `Loaded LC without diacritics, signs or i for й (big-lc). Not kept for your next visit: at ${size.toLocaleString('en')} characters it is over the 200,000 this page keeps, so open the file again then.`);
  });

  it('says so when the browser keeps nothing', () => {
    storage.full = true;
    useSchemeFile(bytes, 'lc-no-signs.json');
    assert.equal(ownScheme()!.scheme.id, 'lc-no-signs');
    assert.match(ownSchemeNote(), /Not kept for your next visit: this browser keeps nothing for the page/);
  });

  it('has detection rank the scheme of one\'s own with the built-in Russian schemes', () => {
    assert.equal(detectionSchemes((o) => o.scheme), undefined);
    useSchemeFile(bytes, 'lc-no-signs.json');
    const among = detectionSchemes((o) => o.definition)!;
    assert.deepEqual(among.at(-1), JSON.parse(bytes.toString('utf8')));
    assert.ok(among.includes('modified-loc') && among.includes('ala-lc'));
    assert.ok(among.slice(0, -1).every((id) => getScheme(id as string).language.id === 'ru'));
    // "Iuriy": ю as iu (the LC family) and й as y, which only this scheme writes together.
    const d = detectScheme('Iuriy Zinovev, Chaykovskiy, Sokolnikov', { schemes: detectionSchemes((o) => o.scheme)! });
    assert.equal(d.scheme, 'lc-no-signs');
    assert.equal(menuValueOf(d.scheme), OWN_SCHEME);
    assert.equal(menuValueOf('ala-lc'), 'ala-lc');
  });
});

describe('web: the page\'s worker reads and converts with the scheme of one\'s own', () => {
  it('takes the definition the page sends, and reads, converts and detects with it', async () => {
    // As the page's Engine sends it (op ownScheme); menu values name it as OWN_SCHEME.
    ops.ownScheme({ definition: JSON.parse(bytes.toString('utf8')), file: 'lc-no-signs.json' });
    // Worked out by hand from the file's letters: y is й (ala-lc-simplified writes й as i, and y is ы there).
    assert.equal((await ops.deromanize({ text: 'Chaykovskiy', scheme: OWN_SCHEME })).text, 'Чайковский');
    // ALA-LC writes й as ĭ; the scheme of one's own drops ь (ALA-LC's ʹ).
    assert.equal((await ops.convert({ text: 'Chaykovskiy', from: OWN_SCHEME, to: 'ala-lc' })).text, 'Chaĭkovskiĭ');
    assert.equal((await ops.convert({ text: 'Sokolʹnikov', from: 'ala-lc', to: OWN_SCHEME })).text, 'Sokolnikov');
    assert.equal((await ops.detect({ text: 'Iuriy Zinovev, Chaykovskiy, Sokolnikov' })).scheme, 'lc-no-signs');
  });
});
