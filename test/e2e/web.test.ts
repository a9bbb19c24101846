// End-to-end tests of the web page: Debian's Chromium driven by playwright-core against the real
// server on loopback. One browser launch, a handful of flows. Set SCREENSHOT_DIR to keep
// screenshots of each flow (they are for people to look at, not compared). The keystroke timing
// at 20,000 characters is printed (look for "keystroke at 20,000 characters").
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildWeb } from '../../scripts/build-web.ts';
import { checkText, DEFAULT_SCHEME, listLanguages, listSchemes, romanize } from '../../src/index.ts';
import { DEFAULT_LANGUAGE, defaultSchemeOf, getLanguage } from '../../src/schemes/index.ts';
import { startServer, type RunningServer } from '../../src/server/index.ts';
import { fixturesDir } from '../support/fixtures.ts';

// Globals of the page, for the functions the test runs inside it (this file is type-checked
// without the DOM library).
declare const window: { scrollY: number; innerHeight: number; scrollTo(x: number, y: number): void };
declare const navigator: { clipboard: { readText(): Promise<string>; writeText(text: string): Promise<void> } };
declare const location: { hash: string };
declare const localStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
declare const getComputedStyle: (el: unknown, pseudo?: string) => { opacity: string; overflowX: string };

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const screenshots = process.env['SCREENSHOT_DIR'];
/** What readers must never see as wording: section marks, resolution numbers, spec paths, raw rule ids. */
const JARGON = /§|\bQ\d+\b|spec\/|scheme-mismatch|inconsistent-romanization|\bR[2-5]\b/;

describe('web page in Chromium', { skip: existsSync(CHROMIUM) ? false : `no browser at ${CHROMIUM} (.ci/run installs Debian's chromium)` }, () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  /** Requests that failed or went anywhere but the page's own server (none allowed). */
  const stray: string[] = [];

  /** Waits until the element's text is `expected` (polling: the page's CSP forbids eval, so no waitForFunction strings). */
  const waitText = async (selector: string, expected: string | RegExp): Promise<void> => {
    let last: string | null = null;
    for (let i = 0; i < 300; i++) {
      last = await page.locator(selector).first().textContent();
      if (typeof expected === 'string' ? last === expected : expected.test(last ?? '')) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    if (typeof expected === 'string') assert.equal(last, expected, selector);
    else assert.match(last ?? '', expected, selector);
  };

  /** Waits until a control's value is `expected`. */
  const waitValue = async (selector: string, expected: string): Promise<void> => {
    let last = '';
    for (let i = 0; i < 300 && last !== expected; i++) {
      last = await page.locator(selector).inputValue();
      if (last !== expected) await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(last, expected, selector);
  };

  /** The places of the check panel's findings, once they are `want` (the panel still shows the last test's at first). */
  const listed = async (want: string[]): Promise<string[]> => {
    const shown = async (): Promise<string[]> => (await page.locator('#ck-findings li .where').allTextContents()).map((w) => w.split(' · ')[0]!);
    let last = await shown();
    for (let i = 0; i < 300 && JSON.stringify(last) !== JSON.stringify(want); i++) {
      await new Promise((r) => setTimeout(r, 50));
      last = await shown();
    }
    return last;
  };

  const shot = async (name: string, fullPage = true): Promise<void> => {
    if (screenshots === undefined) return;
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage });
  };

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'latinitsa-web-'));
    await buildWeb({ outDir: dir });
    server = await startServer({ port: 0, staticDir: dir, workers: 1 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context = await browser.newContext({ viewport: { width: 1200, height: 820 }, acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
    // The page must work with no network but its own server: block everything else.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url) || url.startsWith('file:') || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
      stray.push(url);
      return route.abort();
    });
    page = await context.newPage();
    page.setDefaultTimeout(8_000);
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400) stray.push(`${r.status()} ${r.url()}`);
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('romanizes typed Russian text live, with no script errors or CSP violations', async () => {
    await page.goto(server.url);
    const input = page.getByLabel('Russian text');
    await input.fill('');
    await input.pressSequentially('Юрий Зиновьев', { delay: 5 });
    await waitText('#rz-output', 'Yury Zinoviev');
    await input.fill('Сергей Миронович Киров, Щёлково, Юрий Зиновьев');
    await waitText('#rz-output', 'Sergei Mironovich Kirov, Shchyolkovo, Yury Zinoviev');
    await shot('01-romanize');
    assert.deepEqual(problems, []);
  });

  it('says what the scheme does in plain words, with its source on a second line', async () => {
    const summary = (await page.locator('#rz-scheme-desc').textContent()) ?? '';
    assert.match(summary, /Ye, Yu, Ya at the start of a word/);
    assert.match((await page.locator('#rz-scheme-source').textContent()) ?? '', /^Source: /);
    assert.doesNotMatch(summary, JARGON);
  });

  it('switches schemes and their options', async () => {
    await page.locator('#rz-scheme').selectOption('ala-lc');
    // ALA-LC 2012 Russian table: й ĭ, ё ë, ю i͡u, ь ʹ (prime).
    await waitText('#rz-output', 'Sergeĭ Mironovich Kirov, Shchëlkovo, I͡Uriĭ Zinovʹev');
    await page.getByLabel('Tie', { exact: true }).selectOption('halves');
    await waitText('#rz-output', 'Sergeĭ Mironovich Kirov, Shchëlkovo, I︠U︡riĭ Zinovʹev');
    await shot('02-romanize-ala-lc');
    // Only the values romanizing takes: firstNameSigns' omit is the checker's (romanize refuses
    // it), which leaves that option nothing to choose; the other options offer all their values.
    await page.locator('#rz-scheme').selectOption('ala-lc-simplified');
    await waitText('#rz-output', romanize('Сергей Миронович Киров, Щёлково, Юрий Зиновьев', { scheme: 'ala-lc-simplified' }));
    assert.equal(await page.locator('#rz-opt-firstNameSigns').count(), 0);
    assert.deepEqual(await page.locator('#rz-opt-signs option').evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value)), ['typographic', 'ascii', 'omit']);
    assert.deepEqual(await page.locator('#rz-options select[data-option]').evaluateAll((ss) => ss.map((s) => (s as unknown as { dataset: { option: string } }).dataset.option)), ['signs', 'initial', 'yo']);
    assert.deepEqual(problems, []);
  });

  it('explains a piece of the result on hover and by keyboard, in plain words', async () => {
    await page.locator('#rz-scheme').selectOption('modified-loc');
    await page.getByLabel('Russian text').fill('Юрий');
    await waitText('#rz-output', 'Yury');
    const box = (await page.locator('#rz-output').boundingBox())!;
    // The first letter of the result: "Yu" from Ю.
    await page.mouse.move(box.x + 12, box.y + 16);
    await waitText('#rz-explain', /Ю → Yu — At the start of a word, ю is yu/);
    await page.locator('#rz-output').focus();
    await page.keyboard.press('End');
    await waitText('#rz-explain', /й is not written — -ий at the end of a word is y/);
    const text = (await page.locator('#rz-explain').textContent()) ?? '';
    assert.doesNotMatch(text, JARGON);
    assert.match(text, /Source: /);
    await shot('03-explain');
  });

  it('shows no unexplained mark: letters written as nothing appear only on request, with a legend', async () => {
    await page.getByLabel('Russian text').fill('Юрий Зиновьев, Мартемьян Рютин, Кубань');
    await waitText('#rz-output', 'Yury Zinoviev, Martemian Riutin, Kuban');
    assert.equal(await page.locator('#rz-output .drop').count(), 0);
    assert.doesNotMatch((await page.locator('#rz-output').textContent()) ?? '', /∅|\p{Script=Cyrillic}/u);
    await page.getByLabel('Show the letters this scheme leaves out').check();
    await page.locator('#rz-output .drop').first().waitFor();
    // й of -ий, the soft signs of Мартемьян and Кубань.
    assert.deepEqual(await page.locator('#rz-output .drop').allTextContents(), ['й', 'ь', 'ь']);
    const mark = page.locator('#rz-output .drop').first();
    assert.match((await mark.getAttribute('title')) ?? '', /does not write/);
    assert.match((await mark.getAttribute('aria-label')) ?? '', /not written/);
    assert.equal(await page.locator('#rz-marks-legend').isVisible(), true);
    assert.match((await page.locator('#rz-marks-legend').textContent()) ?? '', /does not write/);
    await mark.hover();
    await waitText('#rz-explain', /й is not written/);
    await shot('04-dropped-letters-shown');
    // Copy gives the result, without the marks, and says so where the reader looks.
    await page.locator('#rz-copy').click();
    const flash = page.locator('#rz-copy + .flash');
    await waitText('#rz-copy + .flash', /^Copied 38 characters$/);
    assert.equal(await flash.isVisible(), true);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'Yury Zinoviev, Martemian Riutin, Kuban');
    await shot('05-copied', false);
    await page.getByLabel('Show the letters this scheme leaves out').uncheck();
    await waitText('#rz-output', 'Yury Zinoviev, Martemian Riutin, Kuban');
  });

  it('keeps a 1 MB text in a box of its own, Copy in view, and types at 20,000 characters within 50 ms', async () => {
    await page.goto(`${server.url}#romanize`);
    // Paragraphs of twelve sentences (about 600 characters), as a pasted article has.
    const paragraph = `${'Сергей Миронович Киров, Щёлково, Юрий Зиновьев. '.repeat(12).trimEnd()}\n`;
    const big = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length));
    await page.evaluate(() => window.scrollTo(0, 0));
    // Pasted, as a reader would (the browser's own paste of a megabyte takes seconds on a busy machine).
    await page.evaluate((text) => navigator.clipboard.writeText(text), big);
    await page.getByLabel('Russian text').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+V');
    const length = async (): Promise<number> => page.locator('#rz-output').evaluate((el) => el.textContent?.length ?? 0);
    for (let i = 0; i < 600 && (await length()) < 900_000; i++) await new Promise((r) => setTimeout(r, 100));
    assert.ok((await length()) >= 900_000, 'the whole megabyte is romanized');
    const copy = (await page.locator('#rz-copy').boundingBox())!;
    const out = (await page.locator('#rz-output').boundingBox())!;
    const metrics = await page.locator('#rz-output').evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight, pageY: window.scrollY, viewport: window.innerHeight }));
    assert.equal(metrics.pageY, 0, 'the page did not scroll');
    assert.ok(copy.y >= 0 && copy.y + copy.height <= metrics.viewport, `Copy at ${copy.y}px is in view`);
    assert.ok(out.height < metrics.viewport, `the result box is ${out.height}px high`);
    assert.ok(metrics.scroll > metrics.client * 100, 'the result scrolls inside its box');
    await shot('06-one-megabyte', false);

    // Typing at 20,000 characters: the time from each keystroke to the result on screen, measured
    // by the page (performance.measure 'rz-update': input event → the frame after the update).
    const twenty = big.slice(0, 20_000);
    await page.getByLabel('Russian text').fill(twenty, { timeout: 30_000 });
    await waitText('#rz-output', romanize(twenty, { scheme: 'modified-loc' }));
    await page.evaluate(() => performance.clearMeasures('rz-update'));
    await page.getByLabel('Russian text').press('Control+End');
    const keys = 'Москва'.repeat(4);
    const outside: number[] = [];
    for (const key of keys) {
      const t = Date.now();
      await page.keyboard.type(key);
      const expected = romanize(await page.getByLabel('Russian text').inputValue(), { scheme: 'modified-loc' });
      for (let i = 0; i < 400 && (await page.locator('#rz-output').textContent()) !== expected; i++) await new Promise((r) => setTimeout(r, 2));
      outside.push(Date.now() - t);
      await new Promise((r) => setTimeout(r, 30));
    }
    const inside = await page.evaluate(() => performance.getEntriesByName('rz-update').map((e) => e.duration));
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const p90 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)]!;
    console.log(`keystroke at 20,000 characters: in the page median ${median(inside).toFixed(1)} ms, 90th percentile ${p90(inside).toFixed(1)} ms, max ${Math.max(...inside).toFixed(1)} ms over ${inside.length} keystrokes; seen from the test (with the driver's round trips) median ${median(outside)} ms`);
    assert.ok(inside.length >= keys.length - 2, `${inside.length} updates measured`);
    // The aim is 50 ms; the bound is generous for a shared, loaded test machine.
    assert.ok(median(inside) <= 100, `median ${median(inside)} ms`);
    await page.getByLabel('Russian text').fill('Юрий Зиновьев');
    await waitText('#rz-output', 'Yury Zinoviev');
  });

  it('compares one line in every scheme', async () => {
    await page.getByRole('tab', { name: 'Compare schemes' }).click();
    await page.getByLabel('Word or line').fill('Щёлково');
    const rows = page.locator('#cmp-table tbody tr');
    assert.ok((await rows.count()) >= 9);
    await waitText('#cmp-table tbody td', 'Shchyolkovo');
    const alaRow = rows.filter({ hasText: 'ala-lc' }).filter({ hasText: 'diacritics and ties' });
    assert.equal(await alaRow.locator('td').textContent(), 'Shchëlkovo');
    await shot('07-compare');
  });

  // Thirty-fourth session's audit: a text too large for the server's answer (413) was read in the
  // page instead, without word lists, and the page said it was offline; the refusal is shown now.
  it('shows the server’s refusal of a reverse request instead of reading the text without word lists', async () => {
    const refusal = 'the answer would be larger than the server\'s limit of 16 MiB; send less text at a time';
    await page.getByRole('tab', { name: /^Reverse/ }).click();
    await page.getByLabel('Romanized in').selectOption('ala-lc-simplified');
    await page.getByLabel('Romanized text').fill('Moskva i Leningrad');
    await waitText('#rv-output', 'Москва и Ленинград');
    await page.route('**/api/deromanize', (route) => route.fulfill({ status: 413, contentType: 'application/json', body: JSON.stringify({ error: { code: 'ERR_TOO_LARGE', message: refusal } }) }));
    try {
      await page.getByLabel('Romanized text').fill('Zinov’ev, Kamenev');
      await waitText('#rv-output', refusal);
      // Nothing of the answer before stays beside it (the audit's Copy gave "Москва и Ленинград").
      assert.equal(await page.locator('#rv-copy').isDisabled(), true);
      assert.equal(await page.locator('#rv-words li').count(), 0);
      assert.equal(await page.locator('#rv-note').textContent(), '');
    } finally {
      await page.unroute('**/api/deromanize');
    }
    await page.getByLabel('Romanized text').fill('Zinov’ev, Kamenev.');
    await waitText('#rv-output', 'Зиновьев, Каменев.');
    assert.equal(await page.locator('#rv-copy').isDisabled(), false);
    // The browser logs the refused request; nothing else went wrong.
    assert.deepEqual([...new Set(problems)], ['Failed to load resource: the server responded with a status of 413 (Payload Too Large)']);
    problems.length = 0;
    assert.ok(stray.length > 0 && stray.every((s) => /^413 .*\/api\/deromanize$/.test(s)), stray.join(', '));
    stray.length = 0;
  });

  it('reads romanized text back into Cyrillic, with certainty and candidates', async () => {
    await page.getByRole('tab', { name: /^Reverse/ }).click();
    await page.getByLabel('Romanized in').selectOption('ala-lc-simplified');
    await page.getByLabel('Romanized text').fill('Hello, Zinov’ev, Kamenev');
    await waitText('#rv-output', 'Hello, Зиновьев, Каменев');
    const words = page.locator('#rv-words li');
    assert.match((await words.nth(1).textContent()) ?? '', /Zinov’ev → Зиновьев (certain|uncertain)/);
    assert.match((await words.nth(0).textContent()) ?? '', /Hello — left as written: /);
    assert.equal(await page.locator('#rv-scheme-note').isVisible(), false);
    if ((await page.locator('#rv-to').count()) > 0) {
      // Zinov’ev in ala-lc-simplified is Zinoviev in modified-loc.
      await page.getByLabel('Turn into').selectOption('modified-loc');
      await page.getByLabel('Romanized text').fill('Zinov’ev, Hello');
      await waitText('#rv-output', 'Zinoviev, Hello');
      await shot('08-convert');
      await page.getByLabel('Turn into').selectOption('');
    }
  });

  it('warns about text in another scheme, switches in one click, and lets the reader pick another reading', async () => {
    await page.getByLabel('Romanized in').selectOption('modified-loc');
    await page.getByLabel('Romanized text').fill("Zinov'ev, Iurii, Kuibyshev, Dzerzhinskii");
    const notice = page.locator('#rv-scheme-note');
    await waitText('#rv-scheme-note', /does not look like Modified Library of Congress.*reads better as ALA-LC without diacritics or ties/);
    assert.equal(await notice.isVisible(), true);
    await waitText('#rv-output', /^(Zinov|Зинов)/);
    await shot('09-reverse-wrong-scheme');
    await page.getByRole('button', { name: 'Read it as ALA-LC without diacritics or ties' }).click();
    await waitText('#rv-output', /^Зиновьев, /);
    assert.equal(await page.getByLabel('Romanized in').inputValue(), 'ala-lc-simplified');
    assert.doesNotMatch((await page.locator('#rv-output').textContent()) ?? '', /\p{Script=Latin}/u, 'no mixed script');
    assert.equal(await notice.isVisible(), false);
    // A word with other readings is a button; choosing one replaces it in the result.
    const word = page.locator('#rv-output button.word').first();
    const before = (await word.textContent())!;
    await word.click();
    const items = page.locator('#rv-menu [role=menuitemradio]');
    assert.ok((await items.count()) >= 2);
    assert.equal(await items.first().getAttribute('aria-checked'), 'true');
    const other = (await items.nth(1).innerText()).split('\n')[0]!;
    await shot('10-reverse-readings');
    await items.nth(1).click();
    assert.equal(await page.locator('#rv-menu').isVisible(), false);
    const after = (await page.locator('#rv-output').textContent())!;
    assert.ok(after.includes(other) && other !== before, `${before} → ${other}: ${after}`);
    await page.locator('#rv-copy').click();
    await waitText('#rv-copy + .flash', /^Copied/);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), after);
  });

  it('detects the scheme of the text by itself', async () => {
    await page.getByLabel('Romanized in').selectOption('auto');
    await page.getByLabel('Romanized text').fill('Kubanʹ, I͡Akutsk');
    await waitText('#rv-output', 'Кубань, Якутск');
    assert.match((await page.locator('#rv-scheme-note').textContent()) ?? '', /Read as ALA-LC Romanization Table: Russian .*detected/);
    await shot('11-reverse-detected');
  });

  it('checks a manuscript: fixes one by one, keeps the reader’s edits, applies only certain fixes at once', async () => {
    await page.getByRole('tab', { name: 'Check a manuscript' }).click();
    await page.getByLabel('House scheme').selectOption('modified-loc');
    await page.getByLabel('File (.txt, .md, .docx)').setInputFiles(path.join(import.meta.dirname, '..', 'fixtures', 'manuscripts', 'book.docx'));
    await page.getByRole('button', { name: 'Accept fix: Sergey → Sergei' }).waitFor();
    const count = await page.locator('#ck-findings li').count();
    assert.ok(count >= 5, `${count} findings`);
    assert.match((await page.locator('#ck-status').textContent()) ?? '', new RegExp(`^${count} findings: 0 fixed, 0 kept as written, ${count} open`));
    assert.doesNotMatch((await page.locator('#ck-findings').textContent()) ?? '', JARGON);
    // Only fixes the checker rates certain are applied at once; without a rating none is.
    const certain = await page.locator('#ck-findings .badge.certain').count();
    const applyCertain = page.locator('#ck-accept-certain');
    if (certain === 0) assert.equal(await applyCertain.isDisabled(), true);
    await page.getByRole('button', { name: 'Accept fix: Sergey → Sergei' }).click();
    assert.match((await page.locator('#ck-status').textContent()) ?? '', new RegExp(`^${count} findings: 1 fixed`));
    assert.equal(await page.locator('#ck-marked mark.fixed').textContent(), 'Sergei');
    assert.match(await page.locator('#ck-input').inputValue(), /\bSergei\b/);
    // Keep one as written.
    await page.locator('#ck-findings li.open').first().getByRole('button', { name: 'Keep as written' }).click();
    assert.match((await page.locator('#ck-status').textContent()) ?? '', /1 kept as written/);
    // Checked again from the text box (Ctrl+Enter), the word kept as written stays kept (before the
    // thirty-third session's audit it came back open); the fixed word is no longer a finding.
    await page.locator('#ck-input').press('Control+Enter');
    // (Every finding on that spelling with that suggestion: one decision.)
    await waitText('#ck-status', /^\d+ findings?: 0 fixed, [1-9]\d* kept as written/);
    // The reader's own edit at the end of the text is kept, and the fix stays.
    await page.locator('#ck-input').press('Control+End');
    await page.locator('#ck-input').pressSequentially(' Added by hand.');
    assert.match(await page.locator('#ck-input').inputValue(), /Added by hand\.$/);
    const nextFix = page.locator('#ck-findings li.open button.primary').first();
    if ((await nextFix.count()) > 0) await nextFix.click();
    if (certain > 0) {
      await applyCertain.click();
      assert.equal(await page.locator('#ck-findings li.open .badge.certain').count(), 0);
    }
    await shot('12-check');
    // The .docx downloads as a .docx with the fixes accepted and the reader's edit written into it
    // (until session 14 the page could not write one): read back by the library, its text is the
    // box's, and every entry of the file but the parts with text is copied byte for byte.
    const kept = await page.locator('#ck-input').inputValue();
    const { readZip } = await import('../../src/io/zip.ts');
    const { dataRange } = await import('../../src/document/zip.ts');
    const { bytesToDocument } = await import('../../src/io/documents.ts');
    const [docxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download fixed .docx' }).click()]);
    assert.equal(docxDownload.suggestedFilename(), 'book-fixed.docx');
    const written = new Uint8Array(readFileSync(await docxDownload.path()));
    const writtenText = (await bytesToDocument(written, { format: 'docx' })).text;
    assert.equal(writtenText, kept);
    assert.ok(!/\bSergey\b/.test(writtenText) && /\bSergei\b/.test(writtenText), 'the accepted fix is in the .docx');
    assert.match(writtenText, /Added by hand\.$/, 'the reader’s edit is in the .docx');
    assert.equal(await page.locator('#ck-download-note').isVisible(), false, 'nothing was left out');
    const original = new Uint8Array(readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'manuscripts', 'book.docx')));
    const [before, afterFix] = [readZip(original), readZip(written)];
    assert.deepEqual(afterFix.entries.map((e) => e.name), before.entries.map((e) => e.name));
    const changed = afterFix.entries.filter((e, k) => !Buffer.from(written.subarray(...dataRange(afterFix, e, 'out'))).equals(Buffer.from(original.subarray(...dataRange(before, before.entries[k]!, 'in'))))).map((e) => e.name);
    assert.deepEqual(changed, ['word/document.xml']);
    // The text, once it is a new text (the box emptied, a text pasted), downloads as plain text.
    await page.locator('#ck-input').fill('');
    await page.locator('#ck-input').fill(kept);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download fixed text' }).click()]);
    assert.equal(download.suggestedFilename(), 'book-fixed.txt');
    const fixed = readFileSync(await download.path(), 'utf8');
    assert.ok(!/\bSergey\b/.test(fixed) && /\bSergei\b/.test(fixed), 'the accepted fix is in the download');
    assert.match(fixed, /Added by hand\.$/, 'the reader’s edit is in the download');
    assert.match(fixed, /Vyacheslav/, 'fixes not accepted are not applied');
    assert.equal(await page.locator('#ck-download-note').isVisible(), false);
  });

  /** Three findings with no scheme (latinitsa check --min-confidence possible: Zinovyev and Ezhov certain, Nikolay likely). */
  const THREE_FINDINGS = 'Grigory Zinoviev led the Comintern. Later Zinoviev was expelled. Zinovyev returned in 1928.\nNikolai Ivanovich Bukharin and Nikolay Bukharin wrote together; Bukharin was shot.\nThe policy came back. Yezhov and Ezhov ran the NKVD; Yezhov fell in 1938.\n';
  /** The check panel with no house scheme, no notes scheme and no accepted forms. */
  const plainCheckPanel = async (): Promise<void> => {
    await page.getByRole('tab', { name: 'Check a manuscript' }).click();
    await page.getByLabel('House scheme').selectOption('');
    await page.getByLabel('Notes and bibliography').selectOption('');
    await page.getByLabel('Accepted English forms').fill('');
  };
  /** Checks `text` in that panel, waiting for its three findings. */
  const checkInPanel = async (text: string): Promise<void> => {
    await plainCheckPanel();
    await page.locator('#ck-input').fill(text);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await waitText('#ck-status', '3 findings: 0 fixed, 0 kept as written, 3 open.');
  };

  // Issue 14 point 5 as a user tries it (thirteenth session): "Apply certain fixes" leaves the
  // likely fix open, one fix is kept as written, the text box shows the accepted fixes, and an
  // edit typed after accepting survives undoing every fix. Confidences: the command's on this text
  // (latinitsa check --min-confidence possible: Zinovyev and Ezhov certain, Nikolay likely).
  it('applies only certain fixes at once, keeps one as written, and keeps an edit typed after accepting through undo', async () => {
    const text = THREE_FINDINGS;
    await checkInPanel(text);
    await page.locator('#ck-accept-certain').click();
    await waitText('#ck-status', '3 findings: 2 fixed, 0 kept as written, 1 open.');
    assert.equal(await page.locator('#ck-input').inputValue(), text.replace('Zinovyev', 'Zinoviev').replace('Ezhov ran', 'Yezhov ran'));
    assert.equal(await page.locator('#ck-findings li.open').getByRole('button', { name: 'Accept fix: Nikolay → Nikolai' }).count(), 1);
    await page.locator('#ck-findings li.open').getByRole('button', { name: 'Keep as written' }).click();
    await waitText('#ck-status', '3 findings: 2 fixed, 1 kept as written, 0 open.');
    // Typed right after a fixed word (a space first: the word itself is not changed).
    const at = (await page.locator('#ck-input').inputValue()).indexOf('Zinoviev returned') + 'Zinoviev'.length;
    await page.locator('#ck-input').evaluate((el, at) => {
      const box = el as unknown as { focus(): void; setSelectionRange(a: number, b: number): void };
      box.focus();
      box.setSelectionRange(at, at);
    }, at);
    await page.keyboard.type(' (Radomyslsky)');
    for (let k = 0; k < 3; k++) await page.locator('#ck-findings li').nth(k).getByRole('button', { name: 'Undo' }).click();
    await waitText('#ck-status', '3 findings: 0 fixed, 0 kept as written, 3 open.');
    assert.equal(await page.locator('#ck-input').inputValue(), text.replace('Zinovyev returned', 'Zinovyev (Radomyslsky) returned'));
    assert.deepEqual(problems, []);
  });

  // Thirty-fourth session: after "Accept fix" the text box's own Ctrl+Z did nothing (the page set
  // the box's value, which clears its undo history). Fixes are now written as typing is, so Ctrl+Z
  // takes one back and the finding opens again; redo writes it again. Same text and confidences as
  // the test above.
  it('takes back an accepted fix with the text box’s own Ctrl+Z, and redoes it', async () => {
    const text = THREE_FINDINGS;
    await checkInPanel(text);
    await page.locator('#ck-findings li.open').getByRole('button', { name: 'Accept fix: Zinovyev → Zinoviev' }).click();
    await waitText('#ck-status', '3 findings: 1 fixed, 0 kept as written, 2 open.');
    const fixed = text.replace('Zinovyev', 'Zinoviev');
    assert.equal(await page.locator('#ck-input').inputValue(), fixed);
    await page.locator('#ck-input').focus();
    await page.keyboard.press('Control+z');
    await waitText('#ck-status', '3 findings: 0 fixed, 0 kept as written, 3 open.');
    assert.equal(await page.locator('#ck-input').inputValue(), text);
    await page.keyboard.press('Control+Shift+z');
    await waitText('#ck-status', '3 findings: 1 fixed, 0 kept as written, 2 open.');
    assert.equal(await page.locator('#ck-input').inputValue(), fixed);
    // "Apply certain fixes" is taken back the same way, one fix a step.
    await page.locator('#ck-accept-certain').click();
    await waitText('#ck-status', '3 findings: 2 fixed, 0 kept as written, 1 open.');
    await page.locator('#ck-input').focus();
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await waitText('#ck-status', '3 findings: 0 fixed, 0 kept as written, 3 open.');
    assert.equal(await page.locator('#ck-input').inputValue(), text);
    assert.deepEqual(problems, []);
  });

  // Thirty-fourth session's audit: "Download fixed text" of a file read into the box gave back LF
  // line ends and no byte-order mark (a text box keeps neither), where `check --fix` keeps both.
  // Fortieth session: this test failed now and then on a loaded machine. The test before leaves
  // the panel saying '3 findings: 0 fixed, 0 kept as written, 3 open.' for the same text, and the
  // page changed the status only once the file was read; read slowly, the wait below was met by
  // the old status, the certain fixes went to the old text, and the file's text then replaced it
  // (the download had no fixes). The file is read slowly here on purpose (half a second).
  it('downloads a fixed text file with its CRLF line ends and byte-order mark, as check --fix writes it', async () => {
    const lines = THREE_FINDINGS.split('\n');
    const file = path.join(dir, 'crlf-notes.txt');
    writeFileSync(file, `\ufeff${lines.join('\r\n')}`);
    await plainCheckPanel();
    await page.evaluate(() => {
      const blob = (globalThis as unknown as { Blob: { prototype: { arrayBuffer(): Promise<ArrayBuffer>; slowRead?: unknown } } }).Blob.prototype;
      const read = blob.arrayBuffer;
      blob.slowRead = read;
      blob.arrayBuffer = function (this: unknown): Promise<ArrayBuffer> {
        return new Promise((resolve) => setTimeout(resolve, 500)).then(() => read.call(this));
      };
    });
    try {
      await page.getByLabel('File (.txt, .md, .docx)').setInputFiles(file);
      await waitText('#ck-status', '3 findings: 0 fixed, 0 kept as written, 3 open.');
    } finally {
      await page.evaluate(() => {
        const blob = (globalThis as unknown as { Blob: { prototype: { arrayBuffer(): Promise<ArrayBuffer>; slowRead?: () => Promise<ArrayBuffer> } } }).Blob.prototype;
        if (blob.slowRead !== undefined) blob.arrayBuffer = blob.slowRead;
        delete blob.slowRead;
      });
    }
    await page.locator('#ck-accept-certain').click();
    await waitText('#ck-status', '3 findings: 2 fixed, 0 kept as written, 1 open.');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download fixed text' }).click()]);
    assert.equal(download.suggestedFilename(), 'crlf-notes-fixed.txt');
    const expected = `\ufeff${lines.join('\r\n')}`.replace('Zinovyev', 'Zinoviev').replace('Ezhov ran', 'Yezhov ran');
    assert.equal(readFileSync(await download.path(), 'utf8'), expected);
    // A text pasted over it is no longer that file: it downloads as the box holds it.
    await page.locator('#ck-input').fill('');
    await page.locator('#ck-input').fill('Zinoviev and Zinoviev.\nKamenev.');
    const [pasted] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download fixed text' }).click()]);
    assert.equal(readFileSync(await pasted.path(), 'utf8'), 'Zinoviev and Zinoviev.\nKamenev.');
    assert.deepEqual(problems, []);
  });

  // Fortieth session: while a file chosen after a check was read and checked, the last text's
  // findings stayed listed, and 'Apply certain fixes' wrote them at their old places into the
  // file's text ('Grigory ZinZinovievd the Comintern'). The check is held back here for a second.
  it('drops the last text\'s findings when a file is chosen: none is applied to the file\'s text while it is checked', async () => {
    await checkInPanel(THREE_FINDINGS);
    const file = path.join(dir, 'longer-notes.txt');
    const text = `A different opening line comes first here.\n${THREE_FINDINGS}`;
    writeFileSync(file, text);
    await page.route('**/api/check', async (route) => {
      await new Promise((r) => setTimeout(r, 1000));
      await route.continue();
    });
    try {
      await page.getByLabel('File (.txt, .md, .docx)').setInputFiles(file);
      await waitText('#ck-status', 'Checking…');
      assert.equal(await page.locator('#ck-accept-certain').isDisabled(), true);
      assert.equal(await page.locator('#ck-findings li').count(), 0);
      assert.equal(await page.locator('#ck-input').inputValue(), text);
      await waitText('#ck-status', '3 findings: 0 fixed, 0 kept as written, 3 open.');
    } finally {
      await page.unroute('**/api/check');
    }
    await page.locator('#ck-accept-certain').click();
    await waitText('#ck-status', '3 findings: 2 fixed, 0 kept as written, 1 open.');
    assert.equal(await page.locator('#ck-input').inputValue(), text.replace('Zinovyev', 'Zinoviev').replace('Ezhov ran', 'Yezhov ran'));
    assert.deepEqual(problems, []);
  });

  // Thirteenth session (14o5): text pasted after a Markdown file was read as Markdown, and pasted
  // Markdown could not be declared so. The "Read as" menu is `check --input-format`; the same
  // text's findings on the command line: `check FILE.md` none, `check - < FILE.md` the
  // front matter's Zinovyev.
  it('reads the text as the file says, pasted text as plain text, or as the reader chooses, like check --input-format', async () => {
    const md = (title: string): string => `---\ntitle: Letters of ${title}\n---\nZinoviev wrote to Kamenev. Zinoviev left for Leningrad.\n`;
    const file = path.join(dir, 'letters.md');
    writeFileSync(file, md('Zinovyev'));
    await plainCheckPanel();
    const readAs = page.getByLabel('Read as');
    assert.equal(await readAs.inputValue(), '');
    await page.getByLabel('File (.txt, .md, .docx)').setInputFiles(file);
    await waitText('#ck-status', 'No findings.');
    assert.equal(await readAs.locator('option:checked').textContent(), 'as the file says (Markdown)');
    // Kept with the text over a reload (the text is kept a moment after it changes).
    await new Promise((r) => setTimeout(r, 600));
    await page.reload();
    assert.equal(await readAs.locator('option:checked').textContent(), 'as the file says (Markdown)');
    const again = page.waitForRequest((r) => r.url().endsWith('/api/check'));
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    assert.equal(((await again).postDataJSON() as { format: string }).format, 'markdown');
    await waitText('#ck-status', 'No findings.');
    // Another text pasted over it (the whole text selected; the same first and last lines): plain text.
    await page.locator('#ck-input').focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(md('Zinovyev, 1924'));
    assert.equal(await readAs.inputValue(), '');
    assert.equal(await readAs.locator('option:checked').textContent(), 'as the file says (pasted text: plain text)');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await waitText('#ck-status', '1 finding: 0 fixed, 0 kept as written, 1 open.');
    assert.match((await page.locator('#ck-findings').textContent()) ?? '', /"Zinovyev" is spelt "Zinoviev" elsewhere/);
    // Declared Markdown: the front matter is skipped again.
    await readAs.selectOption('markdown');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await waitText('#ck-status', 'No findings.');
    // An edit inside the text keeps the choice; a .txt opened with it is read as Markdown too.
    await page.locator('#ck-input').press('Control+End');
    await page.keyboard.type('Kamenev stayed.');
    assert.equal(await readAs.inputValue(), 'markdown');
    const txt = path.join(dir, 'letters.txt');
    writeFileSync(txt, md('Zinovyev'));
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/check'));
    await page.getByLabel('File (.txt, .md, .docx)').setInputFiles(txt);
    assert.equal(((await sent).postDataJSON() as { format: string }).format, 'markdown');
    await waitText('#ck-status', 'No findings.');
    assert.equal(await readAs.inputValue(), 'markdown');
    await readAs.selectOption('');
    assert.deepEqual(problems, []);
  });

  // Seen in session 7, fixed in session 8 (fz4): the page read a .docx on the server, then checked
  // its text again as plain text, its footnotes running into the body. Now it checks it as
  // `latinitsa check` does, notes as notes, before and after the reader's edits. The expected
  // findings are the library's on the file read by the document reader (test/support/docx.ts
  // builds it), not the page's own.
  it('checks a .docx with its footnotes as notes, as latinitsa check does, also after an edit', async () => {
    const { docx, paragraph, note } = await import('../support/docx.ts');
    const { bytesToDocument } = await import('../../src/io/index.ts');
    const { loadLexicon } = await import('../../src/io/lexicon.ts');
    const lexicon = await loadLexicon();
    const footnote = note('footnote', 1, paragraph('L. Trotskii, Istoriia russkoi revoliutsii (Berlin, 1931); G. Zinov’ev, Sochineniia (Moscow, 1924); Izvestiia, 1924; Tukhachevskii, Dostoevskii.'));
    const body = 'Trotsky and Zinoviev wrote for Izvestia. Zinovyev and Tukhachevsky read Dostoevsky.';
    const options = { scheme: 'modified-loc', allow: ['Moscow', 'Trotsky', 'Tchaikovsky'], ...(lexicon === undefined ? {} : { lexicon }) };
    const { notePlaces } = await import('../../src/document/regions.ts');
    /**
     * Where the library finds something in the .docx with this body, read with its regions and
     * notes (a finding in the footnote placed by the note, as the reports place it) or as plain text.
     */
    const expected = async (text: string, asRead: boolean): Promise<string[]> => {
      const doc = await bytesToDocument(docx({ body: paragraph(text), footnotes: footnote }), { format: 'docx' });
      const found = checkText(doc.text, { ...options, ...(asRead ? { regions: doc.regions, ...(doc.notes === undefined ? {} : { notes: doc.notes }) } : {}) });
      return (asRead ? notePlaces(found, doc) : found).map(({ place: { start }, inNote }) =>
        inNote === undefined ? `Line ${start.line}, column ${start.column}` : `${inNote.kind === 'footnote' ? 'Footnote' : 'Endnote'} ${inNote.number}, paragraph ${inNote.paragraph}, column ${start.column}`,
      );
    };
    const file = path.join(dir, 'notes.docx');
    writeFileSync(file, docx({ body: paragraph(body), footnotes: footnote }));
    await page.getByRole('tab', { name: 'Check a manuscript' }).click();
    await page.getByLabel('House scheme').selectOption('modified-loc');
    await page.getByLabel('Notes and bibliography').selectOption('');
    await page.getByLabel('Accepted English forms').fill('Moscow, Trotsky, Tchaikovsky');
    await page.getByLabel('File (.txt, .md, .docx)').setInputFiles(file);
    const first = await expected(body, true);
    // The test means something: read as plain text, the notes give other findings.
    assert.ok(first.length > 0);
    assert.notDeepEqual(first, await expected(body, false));
    assert.deepEqual(await listed(first), first);
    // An edit in the body, then Check: the notes are still notes.
    const added = ' Sergei Kirov wrote to Zinovyev.';
    // At the end of the body's line (End would stop at the end of its first wrapped row).
    await page.locator('#ck-input').evaluate((el, at) => {
      const box = el as unknown as { focus(): void; setSelectionRange(a: number, b: number): void };
      box.focus();
      box.setSelectionRange(at, at);
    }, body.length);
    await page.keyboard.type(added);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const second = await expected(body + added, true);
    assert.notDeepEqual(second, first);
    assert.deepEqual(await listed(second), second);
    // Over a reload the .docx keeps its notes (until session 14 its text came back as plain text)
    // and its file: checked again, the same findings; downloaded, the .docx with the edit in it.
    // The test means something: read as plain text, as it was after a reload before, the findings differ.
    assert.notDeepEqual(second, await expected(body + added, false));
    const edited = await page.locator('#ck-input').inputValue();
    await new Promise((r) => setTimeout(r, 600)); // the page keeps the text a moment after typing stops
    await page.reload();
    await page.getByRole('tab', { name: 'Check a manuscript' }).click();
    assert.equal(await page.locator('#ck-input').inputValue(), edited);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByRole('button', { name: 'Download fixed .docx' }).waitFor();
    assert.deepEqual(await listed(second), second);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download fixed .docx' }).click()]);
    assert.equal(download.suggestedFilename(), 'notes-fixed.docx');
    const again = await bytesToDocument(new Uint8Array(readFileSync(await download.path())), { format: 'docx' });
    assert.equal(again.text, await page.locator('#ck-input').inputValue());
    assert.deepEqual(again.regions, (await bytesToDocument(docx({ body: paragraph(body + added), footnotes: footnote }), { format: 'docx' })).regions);
  });

  // A finding in a note was listed as "Line 5", a line counted after the body's that Word shows
  // nowhere: the page lists it by the note as Word numbers it and the note's paragraph, as the
  // reports place it (docs/diagnostics.md), also after an edit adds a paragraph to the body.
  it('lists a finding in a .docx\'s footnote by the note and its paragraph, also after an edit', async () => {
    const { docx, paragraph, note } = await import('../support/docx.ts');
    const call = (id: number): string => `<w:r><w:footnoteReference w:id="${id}"/></w:r>`;
    const file = path.join(dir, 'placed.docx');
    writeFileSync(
      file,
      docx({
        body: paragraph('Zinoviev met Zinoviev and Kamenev.').replace('</w:p>', `${call(5)}${call(2)}</w:p>`) + paragraph('Later Zinovyev came.'),
        footnotes: note('footnote', 2, paragraph('A first note.')) + note('footnote', 5, paragraph('A remark.') + paragraph('Zinoviev met Zinoviev and Zinovyev and Zinoviev.')),
      }),
    );
    await page.getByRole('tab', { name: 'Check a manuscript' }).click();
    await page.getByLabel('House scheme').selectOption('');
    await page.getByLabel('Notes and bibliography').selectOption('');
    await page.getByLabel('Accepted English forms').fill('');
    await page.getByLabel('File (.txt, .md, .docx)').setInputFiles(file);
    assert.deepEqual(await listed(['Line 2, column 7', 'Footnote 1, paragraph 2, column 27']), ['Line 2, column 7', 'Footnote 1, paragraph 2, column 27']);
    // A paragraph typed into the body: every line after it moves, the note's place does not.
    await page.locator('#ck-input').evaluate((el) => {
      const box = el as unknown as { focus(): void; setSelectionRange(a: number, b: number): void };
      box.focus();
      box.setSelectionRange(0, 0);
    });
    await page.keyboard.type('A new first paragraph.');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    assert.deepEqual(await listed(['Line 3, column 7', 'Footnote 1, paragraph 2, column 27']), ['Line 3, column 7', 'Footnote 1, paragraph 2, column 27']);
  });

  // A .docx too large to keep in the browser (pictures): over a reload its text and notes stay, and
  // the page says why the fixed file cannot be written, in place of a download without it.
  it('after a reload, says that a .docx too large to keep cannot be written back, and keeps its notes', async () => {
    const { docxFiles, paragraph, note } = await import('../support/docx.ts');
    const { writeZip } = await import('../../src/io/zip.ts');
    const { randomBytes } = await import('node:crypto');
    const picture = { name: 'word/media/image1.png', data: new Uint8Array(randomBytes(200_000)) };
    const file = path.join(dir, 'large.docx');
    writeFileSync(file, writeZip([...docxFiles({ body: paragraph('Zinovyev and Zinoviev wrote.'), footnotes: note('footnote', 1, paragraph('Izvestiia, 1924.')) }), picture]));
    await page.getByRole('tab', { name: 'Check a manuscript' }).click();
    await page.getByLabel('File (.txt, .md, .docx)').setInputFiles(file);
    await page.getByRole('button', { name: 'Download fixed .docx' }).waitFor();
    await new Promise((r) => setTimeout(r, 600));
    await page.reload();
    await page.getByRole('tab', { name: 'Check a manuscript' }).click();
    await waitText('#ck-download-note', /The file large\.docx was not kept in this browser .*latinitsa check --fix/s);
    assert.equal(await page.locator('#ck-download').isVisible(), false);
    assert.equal(await page.locator('#ck-input').inputValue(), 'Zinovyev and Zinoviev wrote.\nIzvestiia, 1924.');
    // Still a .docx (its notes kept): the Read as menu is off, as it is while a .docx is in the box.
    assert.equal(await page.locator('#ck-format').isDisabled(), true);
  });

  it('normalises archival citations and romanizes a bibliography', async () => {
    await page.getByRole('tab', { name: 'Citations' }).click();
    await page.getByLabel('Text with archival references').fill('РГАСПИ. Ф. 17. Оп. 3. Д. 703. Л. 1–2 об.');
    await waitText('#ct-output', 'RGASPI, f. 17, op. 3, d. 703, ll. 1–2ob.');
    await shot('13-cite');
    await page.getByRole('tab', { name: 'Bibliography' }).click();
    assert.match((await page.locator('#bb-output').textContent()) ?? '', /author = \{Lotman, Iu\. M\.\}/);
    await page.getByLabel('Keep the Cyrillic original').check();
    assert.match((await page.locator('#bb-output').textContent()) ?? '', /origauthor = \{Лотман, Ю\. М\.\}/);
    await page.getByLabel('Keep the Cyrillic original').uncheck();
  });

  // Fortieth session's audit: in Citations and Bibliography, a text pasted over an opened file's
  // was still that file (a .md's pasted successor read as Markdown, so an indented reference was
  // code and not found; downloaded under the file's name with its CRLF), and opening the same file
  // again after edits did nothing (the file control kept it, so no change event).
  it('in Citations and Bibliography, a text pasted over a file\'s is a new text, and the same file opens again', async () => {
    const md = path.join(dir, 'cite-notes.md');
    writeFileSync(md, 'Text.\r\n\r\nРГАСПИ. Ф. 17. Оп. 3. Д. 703. Л. 1-2 об.\r\n');
    await page.getByRole('tab', { name: 'Citations' }).click();
    await page.locator('#ct-style').selectOption('english');
    await page.locator('#ct-file').setInputFiles(md);
    await waitText('#ct-output', 'Text.\n\nRGASPI, f. 17, op. 3, d. 703, ll. 1–2ob.\n');
    const box = page.locator('#ct-input');
    await box.focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText('A pasted note:\n\n    РГАСПИ. Ф. 17. Оп. 3. Д. 703. Л. 1-2 об.\n');
    await waitText('#ct-output', 'A pasted note:\n\n    RGASPI, f. 17, op. 3, d. 703, ll. 1–2ob.\n');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#ct-download').click()]);
    assert.equal(download.suggestedFilename(), 'citations-normalised.txt');
    assert.equal(readFileSync(await download.path(), 'utf8'), 'A pasted note:\n\n    RGASPI, f. 17, op. 3, d. 703, ll. 1–2ob.\n');
    await page.locator('#ct-file').setInputFiles(md);
    await waitValue('#ct-input', 'Text.\n\nРГАСПИ. Ф. 17. Оп. 3. Д. 703. Л. 1-2 об.\n');
    const [again] = await Promise.all([page.waitForEvent('download'), page.locator('#ct-download').click()]);
    assert.equal(again.suggestedFilename(), 'cite-notes-normalised.md');
    assert.equal(readFileSync(await again.path(), 'utf8'), 'Text.\r\n\r\nRGASPI, f. 17, op. 3, d. 703, ll. 1–2ob.\r\n');
    const bib = path.join(dir, 'refs.bib');
    writeFileSync(bib, '@book{a,\r\n  title = {Москва},\r\n}\r\n');
    await page.getByRole('tab', { name: 'Bibliography' }).click();
    // The panel's text is put back at the end: later tests romanize the page's own example.
    const example = await page.locator('#bb-input').inputValue();
    await page.locator('#bb-file').setInputFiles(bib);
    await waitText('#bb-output', '@book{a,\n  title = {Moskva},\n}\n');
    await page.locator('#bb-input').fill('@book{b, title = {Киев}}');
    await waitText('#bb-output', '@book{b, title = {Kiev}}');
    const [pasted] = await Promise.all([page.waitForEvent('download'), page.locator('#bb-download').click()]);
    assert.equal(pasted.suggestedFilename(), 'bibliography-romanized.bib');
    assert.equal(readFileSync(await pasted.path(), 'utf8'), '@book{b, title = {Kiev}}');
    // Pasted CSL-JSON downloads as .json, not as the .bib of the page's default name.
    await page.locator('#bb-input').fill('[{"id":"b","title":"Киев"}]');
    await waitText('#bb-output', '[{"id":"b","title":"Kiev"}]');
    const [json] = await Promise.all([page.waitForEvent('download'), page.locator('#bb-download').click()]);
    assert.equal(json.suggestedFilename(), 'bibliography-romanized.json');
    await page.locator('#bb-file').setInputFiles(bib);
    await waitValue('#bb-input', '@book{a,\n  title = {Москва},\n}\n');
    await page.locator('#bb-input').fill(example);
    // So does the manuscript checker's file control.
    await page.getByRole('tab', { name: 'Check a manuscript' }).click();
    const txt = path.join(dir, 'same-again.txt');
    writeFileSync(txt, 'Zinoviev wrote to Kamenev.\n');
    await page.getByLabel('File (.txt, .md, .docx)').setInputFiles(txt);
    await waitValue('#ck-input', 'Zinoviev wrote to Kamenev.\n');
    await page.locator('#ck-input').fill('Something else.');
    await page.getByLabel('File (.txt, .md, .docx)').setInputFiles(txt);
    await waitValue('#ck-input', 'Zinoviev wrote to Kamenev.\n');
    await page.locator('#ck-input').fill('');
    assert.deepEqual(problems, []);
  });

  it('describes every scheme in plain words, with its source, and no file paths', async () => {
    await page.getByRole('tab', { name: 'About the schemes' }).click();
    const articles = page.locator('#schemes-list article');
    assert.equal(await articles.count(), listSchemes().length);
    const text = (await page.locator('#schemes-list').textContent()) ?? '';
    assert.doesNotMatch(text, JARGON);
    assert.match(text, /Station names on the Moscow Metro map/);
    assert.equal(await page.locator('#schemes-list .source').count(), listSchemes().length);
    await shot('14-about');
  });

  it('romanizes a MARC record into linked 880 pairs and shows it field by field', async () => {
    await page.getByRole('tab', { name: 'Library records (MARC)' }).click();
    await page.getByRole('button', { name: 'Run' }).click();
    await waitText('#mc-output tr.marc-added td:nth-child(3)', '1  $6 100-01/(N $a Буйда, Юрий, $e author.');
    assert.equal(await page.locator('#mc-output tr.marc-changed td:nth-child(3)').first().textContent(), '1  $6 880-01 $a Buĭda, I͡Uriĭ, $e author.');
    await shot('10-marc');
  });

  it('romanizes in a chosen language with its schemes, detects the language per paragraph and says so, and reports unmapped letters', async () => {
    await page.goto(`${server.url}#romanize`);
    const lang = page.locator('#panel-romanize').getByLabel('Language', { exact: true });
    // The menu offers the six languages and detection; Russian is the default.
    assert.deepEqual(await lang.locator('option').allTextContents(), ['Russian', ...listLanguages().slice(1).map((id) => getLanguage(id).name).sort(), 'Detect per paragraph']);
    assert.equal(await lang.inputValue(), DEFAULT_LANGUAGE);
    // Unmapped letters in the Russian default scheme are reported in plain words.
    await page.getByLabel('Russian text').fill('Київ, Ўладзімір');
    await waitText('#rz-output', romanize('Київ, Ўладзімір'));
    await waitText('#rz-report', /2 letters have no value in Modified Library of Congress.*ї → ï/);
    assert.doesNotMatch((await page.locator('#rz-report').textContent()) ?? '', /modified-loc|romanize\//);
    // Ukrainian: its schemes only, its default scheme chosen.
    await lang.selectOption('uk');
    const ukSchemes = listSchemes().filter((s) => s.languages.includes('uk')).map((s) => s.id);
    assert.deepEqual(await page.locator('#rz-scheme option').evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value)), ukSchemes);
    assert.equal(await page.locator('#rz-scheme').inputValue(), defaultSchemeOf({ lang: 'uk' }));
    const input = page.getByLabel('Ukrainian text');
    await input.fill('Київ, Згорани, Їжак, Юрій, Ґанок');
    // Issue 17's worked example for the Ukrainian national system.
    await waitText('#rz-output', 'Kyiv, Zghorany, Yizhak, Yurii, Ganok');
    assert.equal((await page.locator('#rz-report').textContent()) ?? '', '');
    // Detect per paragraph: each paragraph's language is shown in words.
    await lang.selectOption('auto');
    await page.getByLabel('Cyrillic text').fill('Щука и ёж.\n\nЇжак і ґанок.');
    await waitText('#rz-output', 'Shchuka i yozh.\n\nYizhak i ganok.');
    await waitText('#rz-report', /Paragraph 1: Russian.*Paragraph 2: Ukrainian/s);
    await shot('16-languages');
    // The choice is kept over a reload; Russian again for the flows after this one.
    await new Promise((r) => setTimeout(r, 600));
    await page.reload();
    assert.equal(await page.locator('#panel-romanize').getByLabel('Language', { exact: true }).inputValue(), 'auto');
    await page.locator('#panel-romanize').getByLabel('Language', { exact: true }).selectOption(DEFAULT_LANGUAGE);
    assert.equal(await page.locator('#rz-scheme').inputValue(), DEFAULT_SCHEME);
    // The checker and the bibliography take the language too.
    await page.getByRole('tab', { name: 'Bibliography' }).click();
    await page.locator('#bb-lang').selectOption('bg');
    assert.equal(await page.locator('#bb-scheme').inputValue(), defaultSchemeOf({ lang: 'bg', use: 'citation' }));
    await page.locator('#bb-lang').selectOption(DEFAULT_LANGUAGE);
    await page.getByRole('tab', { name: 'Check a manuscript' }).click();
    await page.locator('#ck-lang').selectOption('sr');
    assert.deepEqual(await page.locator('#ck-scheme option').evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value)), ['', ...listSchemes().filter((s) => s.languages.includes('sr')).map((s) => s.id)]);
    await page.locator('#ck-lang').selectOption(DEFAULT_LANGUAGE);
    assert.deepEqual(problems, []);
  });

  it('opens a scheme file of one\'s own: romanizes with it, sends it to the server as an object, and shows a bad file\'s error with its field', async () => {
    // The test scheme of check's --scheme-file: ala-lc-simplified with й written y and ь, ъ dropped.
    const schemeFile = path.join(fixturesDir, 'check', 'schemes', 'lc-no-signs.json');
    await page.getByRole('tab', { name: 'Romanize' }).click();
    const input = page.getByLabel('Russian text');
    await input.fill('Сокольников и Чайковский');
    await waitText('#rz-output', romanize('Сокольников и Чайковский'));
    await page.locator('#rz-scheme-file').setInputFiles(schemeFile);
    await waitText('#rz-scheme-file-status', 'Loaded LC without diacritics, signs or i for й (lc-no-signs). Kept in this browser for your next visit.');
    assert.equal(await page.locator('#rz-scheme').inputValue(), ':own');
    // Worked out by hand from its letters: ь dropped (Sokolnikov), й as y (Chaykovskiy); ala-lc-simplified writes Sokol'nikov, Chaikovskii.
    await waitText('#rz-output', 'Sokolnikov i Chaykovskiy');
    assert.match((await page.locator('#rz-options').textContent()) ?? '', /Signs/);
    assert.equal(await page.locator('#rz-scheme-desc').textContent(), 'Your scheme from lc-no-signs.json: LC without diacritics, signs or i for й, based on ALA-LC without diacritics or ties.');
    // A long text goes to the page's worker, which has the scheme too.
    await input.fill('Чайковский '.repeat(6000));
    await waitText('#rz-output', /^(Chaykovskiy ){6000}$/);
    await input.fill('Сокольников и Чайковский');
    await waitText('#rz-output', 'Sokolnikov i Chaykovskiy');
    // A file that cannot be loaded: the loader's error, with the file and the field; the scheme, the text and the result stay.
    const bad = path.join(dir, 'bad-scheme.json');
    writeFileSync(bad, JSON.stringify({ id: 'my-lc', name: 'Mine', extends: 'ala-lc-simplified', letters: { й: 5 } }));
    await page.locator('#rz-scheme-file').setInputFiles(bad);
    await waitText('#rz-scheme-file-status', /^bad-scheme\.json: \/letters\/й: /);
    const builtIn = path.join(dir, 'ala-lc.json');
    writeFileSync(builtIn, JSON.stringify({ id: 'ala-lc', name: 'Mine', extends: 'ala-lc-simplified' }));
    await page.locator('#rz-scheme-file').setInputFiles(builtIn);
    await waitText('#rz-scheme-file-status', 'ala-lc.json: /id: "ala-lc" is a built-in scheme; choose another id');
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"id": "my-lc",');
    await page.locator('#rz-scheme-file').setInputFiles(broken);
    await waitText('#rz-scheme-file-status', /^broken\.json: invalid JSON/);
    assert.equal(await input.inputValue(), 'Сокольников и Чайковский');
    assert.equal(await page.locator('#rz-output').textContent(), 'Sokolnikov i Chaykovskiy');
    await shot('17-own-scheme');
    // The bibliography offers it (loaded once for the page): ь dropped in the title.
    await page.getByRole('tab', { name: 'Bibliography' }).click();
    await page.locator('#bb-scheme').selectOption(':own');
    await waitText('#bb-output', /title {2}= \{Kultura i vzryv\}/);
    await page.locator('#bb-scheme').selectOption(defaultSchemeOf({ use: 'citation' }));
    // The checker, served by latinitsa: the house scheme goes to the server as the scheme object.
    await page.getByRole('tab', { name: 'Check a manuscript' }).click();
    await page.locator('#ck-scheme-file').setInputFiles(schemeFile);
    // Every panel's control says what was loaded last (the same file, from Romanize): the menu tells.
    await waitValue('#ck-scheme', ':own');
    await waitText('#ck-scheme-file-status', /^Loaded /);
    await page.getByLabel('Manuscript text').fill('Chaykovskiy wrote to Sokolnikov.');
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/check'));
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const body = (await sent).postDataJSON() as { scheme: { id: string; letters: Record<string, string> } };
    assert.deepEqual(body.scheme, JSON.parse(readFileSync(schemeFile, 'utf8')));
    await waitText('#ck-status', /finding|No findings/);
    await page.locator('#ck-scheme').selectOption(defaultSchemeOf());
    await page.getByRole('tab', { name: 'Romanize' }).click();
    await page.locator('#rz-scheme').selectOption(DEFAULT_SCHEME);
    assert.deepEqual(problems, []);
  });

  it('offers the scheme of one\'s own in Reverse & convert, as the text\'s scheme and as the target, and detection ranks it', async () => {
    // Still loaded from the flow before (lc-no-signs: ala-lc-simplified with й as y, ь and ъ dropped).
    const definition = JSON.parse(readFileSync(path.join(fixturesDir, 'check', 'schemes', 'lc-no-signs.json'), 'utf8')) as unknown;
    await page.getByRole('tab', { name: /^Reverse/ }).click();
    const from = page.getByLabel('Romanized in');
    const to = page.getByLabel('Turn into');
    const text = page.getByLabel('Romanized text');
    const notice = page.locator('#rv-scheme-note');
    await to.selectOption('');
    await from.selectOption(':own');
    // Worked out by hand from its letters: y is й (in ala-lc-simplified y is ы).
    await text.fill('Chaykovskiy');
    await waitText('#rv-output', 'Чайковский');
    assert.equal(await notice.isVisible(), false);
    // "Iuriy" writes ю as iu (the LC family) and й as y, which only this scheme does together:
    // detection, asked with the scheme among the built-in ones, prefers it to ALA-LC.
    const detect = page.waitForRequest((r) => r.url().endsWith('/api/detect'));
    await from.selectOption('ala-lc');
    const schemes = ((await detect).postDataJSON() as { schemes: unknown[] }).schemes;
    assert.deepEqual(schemes.at(-1), definition);
    assert.ok(schemes.includes('ala-lc') && schemes.includes('modified-loc'));
    await text.fill('Iuriy Zinovev, Chaykovskiy, Sokolnikov');
    await waitText('#rv-scheme-note', /does not look like ALA-LC Romanization Table: Russian.*: it reads better as LC without diacritics, signs or i for й\./);
    await shot('18-reverse-own-scheme');
    await page.getByRole('button', { name: 'Read it as LC without diacritics, signs or i for й' }).click();
    assert.equal(await from.inputValue(), ':own');
    await waitText('#rv-output', /^Юрий .*, Чайковский, /);
    assert.equal(await notice.isVisible(), false);
    await from.selectOption('auto');
    await waitText('#rv-scheme-note', /^Read as LC without diacritics, signs or i for й \(detected/);
    // Convert from it (ALA-LC writes й as ĭ) and into it (ь, ALA-LC's ʹ, dropped); the server gets the definition.
    await from.selectOption(':own');
    await text.fill('Chaykovskiy');
    const convert = page.waitForRequest((r) => r.url().endsWith('/api/convert'));
    await to.selectOption('ala-lc');
    assert.deepEqual(((await convert).postDataJSON() as { from: unknown }).from, definition);
    await waitText('#rv-output', 'Chaĭkovskiĭ');
    await from.selectOption('ala-lc');
    await to.selectOption(':own');
    await text.fill('Sokolʹnikov');
    await waitText('#rv-output', 'Sokolnikov');
    await from.selectOption('auto');
    await to.selectOption('');
    assert.deepEqual(problems, []);
  });

  it('offers a scheme choice in Citations, a scheme of one\'s own included, for acronyms not in the table', async () => {
    await page.getByRole('tab', { name: 'Citations' }).click();
    const scheme = page.locator('#ct-scheme');
    // The Russian schemes (the archives are Russian), the citation scheme first chosen, and the file loaded before.
    assert.deepEqual(await scheme.locator('option').evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value)), [...listSchemes().filter((s) => s.languages.includes(DEFAULT_LANGUAGE)).map((s) => s.id), ':own']);
    assert.equal(await scheme.inputValue(), defaultSchemeOf({ use: 'citation' }));
    // An archive not in the table (invented): its acronym romanized by the scheme, Й as I in ala-lc-simplified.
    await page.getByLabel('Text with archival references').fill('ЦГАЙО. Ф. 17. Оп. 3. Д. 703. Л. 5');
    await waitText('#ct-output', 'TsGAIO, f. 17, op. 3, d. 703, l. 5');
    // Opened in this panel, the file is chosen here: Й as Y.
    await page.locator('#ct-scheme-file').setInputFiles(path.join(fixturesDir, 'check', 'schemes', 'lc-no-signs.json'));
    await waitValue('#ct-scheme', ':own');
    await waitText('#ct-scheme-file-status', 'Loaded LC without diacritics, signs or i for й (lc-no-signs). Kept in this browser for your next visit.');
    await waitText('#ct-output', 'TsGAYO, f. 17, op. 3, d. 703, l. 5');
    await shot('19-cite-own-scheme');
    // Compare schemes shows it in its last row (ь dropped, й as y).
    await page.getByRole('tab', { name: 'Compare schemes' }).click();
    await page.getByLabel('Word or line').fill('Сокольников и Чайковский');
    const last = page.locator('#cmp-table tbody tr').last();
    await waitText('#cmp-table tbody tr:last-child td', 'Sokolnikov i Chaykovskiy');
    assert.equal(await last.locator('th').textContent(), 'Your scheme: LC without diacritics, signs or i for йlc-no-signs.json');
    await page.getByRole('tab', { name: 'Citations' }).click();
    await scheme.selectOption(defaultSchemeOf({ use: 'citation' }));
    await waitText('#ct-output', 'TsGAIO, f. 17, op. 3, d. 703, l. 5');
    await page.getByLabel('Text with archival references').fill('РГАСПИ. Ф. 17. Оп. 3. Д. 703. Л. 1–2 об.');
    assert.deepEqual(problems, []);
  });

  it('keeps the scheme file over a reload, forgets it on request, and drops one over the size limit or a damaged kept entry with a notice', async () => {
    const schemeFile = path.join(fixturesDir, 'check', 'schemes', 'lc-no-signs.json');
    await page.getByRole('tab', { name: 'Romanize' }).click();
    const input = page.getByLabel('Russian text');
    await page.locator('#rz-scheme').selectOption(':own');
    await input.fill('Сокольников и Чайковский');
    await waitText('#rz-output', 'Sokolnikov i Chaykovskiy');
    // Text is kept a moment after typing stops.
    await new Promise((r) => setTimeout(r, 600));
    await page.reload();
    await waitText('#rz-scheme-file-status', 'Your scheme LC without diacritics, signs or i for й (lc-no-signs.json), kept from your last visit.');
    assert.equal(await page.locator('#ct-scheme-file-status').textContent(), 'Your scheme LC without diacritics, signs or i for й (lc-no-signs.json), kept from your last visit.');
    assert.equal(await page.locator('#rz-scheme').inputValue(), ':own');
    await waitText('#rz-output', 'Sokolnikov i Chaykovskiy');
    // The page's worker loaded it again too: a long text goes there.
    await input.fill('Чайковский '.repeat(6000));
    await waitText('#rz-output', /^(Chaykovskiy ){6000}$/);
    await input.fill('Сокольников и Чайковский');
    // The short text kept again (a moment after typing stops) for the reloads below.
    await new Promise((r) => setTimeout(r, 600));
    // Forget it: gone from every menu, the panel back on the language's default scheme, and after a reload too.
    await page.locator('#rz-scheme-forget').click();
    await waitText('#rz-scheme-file-status', 'Forgotten: the menus offer the built-in schemes again.');
    assert.equal(await page.locator('#rz-scheme').inputValue(), defaultSchemeOf());
    await waitText('#rz-output', romanize('Сокольников и Чайковский'));
    assert.equal(await page.locator('select option[value=":own"]').count(), 0);
    assert.equal(await page.locator('#cmp-table tbody tr').count(), listSchemes().length);
    assert.equal(await page.locator('#rz-scheme-forget').isVisible(), false);
    await page.reload();
    assert.equal(await page.locator('select option[value=":own"]').count(), 0);
    assert.equal(await page.locator('#rz-scheme-file-status').textContent(), '');
    // "forget them" at the bottom drops it from every menu at once too, not only for the next visit.
    await page.locator('#rz-scheme-file').setInputFiles(schemeFile);
    await waitText('#rz-output', 'Sokolnikov i Chaykovskiy');
    await page.getByRole('button', { name: 'forget them' }).click();
    await waitText('#rz-scheme-file-status', 'Forgotten: the menus offer the built-in schemes again.');
    assert.equal(await page.locator('select option[value=":own"]').count(), 0);
    assert.equal(await page.locator('#rz-scheme').inputValue(), defaultSchemeOf());
    await waitText('#rz-output', romanize('Сокольников и Чайковский'));
    assert.equal(await page.locator('#cmp-table tbody tr').count(), listSchemes().length);
    await page.reload();
    assert.equal(await page.locator('select option[value=":own"]').count(), 0);
    // "forget them" forgot the text too: typed again, and kept a moment after typing stops.
    await input.fill('Сокольников и Чайковский');
    await new Promise((r) => setTimeout(r, 600));
    // Over the size limit of what the page keeps: used, not kept, and said so (each sample over 50 characters written).
    const big = path.join(dir, 'big-lc.json');
    writeFileSync(big, JSON.stringify({ ...(JSON.parse(readFileSync(schemeFile, 'utf8')) as object), id: 'big-lc', samples: Array.from({ length: 4000 }, () => ['Сокольников и Чайковский', 'Sokolnikov i Chaykovskiy']) }));
    await page.locator('#rz-scheme-file').setInputFiles(big);
    await waitText('#rz-scheme-file-status', /^Loaded LC without diacritics, signs or i for й \(big-lc\)\. Not kept for your next visit: at [\d,]+ characters it is over the 200,000 this page keeps, so open the file again then\.$/);
    await waitText('#rz-output', 'Sokolnikov i Chaykovskiy');
    await page.reload();
    assert.equal(await page.locator('select option[value=":own"]').count(), 0);
    // A damaged entry: dropped with a notice, and the page works on.
    await page.evaluate(() => localStorage.setItem('latinitsa:own-scheme', '{"file": "lc-no-signs.json", "definition": {"id"'));
    await page.reload();
    await waitText('#rz-scheme-file-status', 'The scheme kept from your last visit no longer loads and was forgotten: its entry in this browser is damaged');
    assert.equal(await page.evaluate(() => localStorage.getItem('latinitsa:own-scheme')), null);
    await waitText('#rz-output', romanize('Сокольников и Чайковский'));
    await page.reload();
    assert.equal(await page.locator('#rz-scheme-file-status').textContent(), '');
    assert.deepEqual(problems, []);
  });

  it('is usable by keyboard: tabs move with the arrow keys', async () => {
    await page.getByRole('tab', { name: 'Romanize' }).click();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.getByRole('tab', { name: 'Compare schemes' }).getAttribute('aria-selected'), 'true');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.getByRole('tab', { name: 'Romanize' }).getAttribute('aria-selected'), 'true');
    assert.equal(await page.locator('#panel-romanize').isVisible(), true);
  });

  it('remembers the scheme, the text and the tab over a reload; Back and Forward move between tabs; a hash opens a tab', async () => {
    const selected = async (): Promise<string | null> => page.locator('[role=tab][aria-selected=true]').getAttribute('data-panel');
    await page.getByRole('tab', { name: 'Romanize' }).click();
    await page.locator('#rz-scheme').selectOption('ala-lc');
    await page.getByLabel('Russian text').fill('Щёлково');
    await waitText('#rz-output', 'Shchëlkovo');
    await page.getByRole('tab', { name: 'Compare schemes' }).click();
    // Text is kept a moment after typing stops.
    await new Promise((r) => setTimeout(r, 600));
    await page.reload();
    assert.equal(await selected(), 'compare');
    assert.equal(new URL(page.url()).hash, '#compare');
    await page.getByRole('tab', { name: 'Romanize' }).click();
    assert.equal(await page.locator('#rz-scheme').inputValue(), 'ala-lc');
    assert.equal(await page.getByLabel('Russian text').inputValue(), 'Щёлково');
    await waitText('#rz-output', 'Shchëlkovo');
    await page.getByRole('tab', { name: 'About the schemes' }).click();
    await page.goBack();
    assert.equal(await selected(), 'romanize');
    await page.goBack();
    assert.equal(await selected(), 'compare');
    await page.goForward();
    assert.equal(await selected(), 'romanize');
    await page.evaluate(() => (location.hash = '#schemes'));
    await page.locator('#panel-schemes').waitFor();
    assert.equal(await selected(), 'schemes');
    assert.equal(await page.locator('#panel-romanize').isVisible(), false);
    // Forget: a reload starts afresh.
    await page.getByRole('button', { name: 'forget them' }).click();
    await page.goto(server.url);
    assert.equal(await selected(), 'romanize');
    assert.equal(await page.locator('#rz-scheme').inputValue(), 'modified-loc');
    // The checker's house scheme starts at none, as `latinitsa check` does (docs/web.md), and
    // keeps the reader's choice over a reload.
    await page.getByRole('tab', { name: 'Check a manuscript' }).click();
    assert.equal(await page.getByLabel('House scheme').inputValue(), '');
    await page.getByLabel('House scheme').selectOption('ala-lc');
    await page.reload();
    assert.equal(await page.getByLabel('House scheme').inputValue(), 'ala-lc');
    await page.getByLabel('House scheme').selectOption('');
  });

  it('shows readable API documentation at /api, with a working Try it, and nothing from elsewhere', async () => {
    await page.goto(`${server.url}api`);
    assert.equal(await page.locator('h1').first().textContent(), 'latinitsa HTTP API version 0.1.0');
    for (const route of ['/api/romanize', '/api/deromanize', '/api/detect', '/api/schemes']) assert.ok((await page.locator(`section.op code:text-is("${route}")`).count()) >= 1, route);
    const romanize = page.locator('section.op', { has: page.locator('code:text-is("/api/romanize")') });
    assert.match((await romanize.locator('table.fields').first().textContent()) ?? '', /text\s*required/);
    assert.match((await romanize.locator('pre.example').textContent()) ?? '', new RegExp(`curl --json .*\\n\\s*${server.url.replace(/[.]/g, '\\.')}api/romanize`));
    await romanize.getByRole('button', { name: 'Send' }).click();
    await waitText('section.op#post-romanize output', /200 OK[\s\S]*I︠U︡riĭ Zinovʹev/);
    await shot('15-api-docs');
    assert.deepEqual(problems, []);
    await page.goto(server.url);
  });

  it('works offline as one file opened from disk, and its "Save this page" saves that file', async () => {
    await page.goto(pathToFileURL(path.join(dir, 'index.html')).href);
    await page.getByLabel('Russian text').fill('Щёлково');
    await waitText('#rz-output', 'Shchyolkovo');
    // No server behind a file: reverse readings come from the browser.
    await page.getByRole('tab', { name: /^Reverse/ }).click();
    await page.locator('#rv-from').selectOption('ala-lc');
    await page.locator('#rv-to').selectOption('');
    await page.getByLabel('Romanized text').fill('Kubanʹ');
    await waitText('#rv-output', 'Кубань');
    assert.match((await page.locator('#rv-note').textContent()) ?? '', /offline/);
    assert.equal(await page.locator('#api-link').count(), 0);
    // The API page opened from disk reads the same, and says that trying needs the server.
    await page.goto(pathToFileURL(path.join(dir, 'api.html')).href);
    assert.equal(await page.locator('#offline-note').isVisible(), true);
    // One section per route, each with a form, and one on errors.
    assert.equal(await page.locator('section.op').count(), (await page.locator('form.try').count()) + 1);
    assert.equal(await page.locator('form.try button[type=submit]').first().isDisabled(), true);
    await page.goto(pathToFileURL(path.join(dir, 'index.html')).href);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Save this page' }).click()]);
    assert.equal(download.suggestedFilename(), 'latinitsa.html');
    const saved = readFileSync(await download.path(), 'utf8');
    assert.match(saved, /^<!doctype html>/i);
    assert.ok(saved.length > 1_000_000, `${saved.length} characters`);
    const copy = path.join(dir, 'saved-copy.html');
    writeFileSync(copy, saved);
    await page.goto(pathToFileURL(copy).href);
    await page.getByRole('tab', { name: 'Romanize' }).click();
    await page.getByLabel('Russian text').fill('Юрий');
    await waitText('#rz-output', 'Yury');
    assert.deepEqual(problems, []);
    await page.goto(server.url);
  });

  // Until session 10 the page opened from disk could not read a .docx at all (the reader inflated
  // with Node's zlib). Now it reads it in the browser (DecompressionStream) with the one reader, and
  // finds what the library finds in the file read by Node, without the lexicon: the notes as notes.
  it('opened from disk, reads a .docx in the browser and checks its footnotes as notes; refuses a zip bomb', async () => {
    const { docx, docxBomb, paragraph, note } = await import('../support/docx.ts');
    const { bytesToDocument } = await import('../../src/io/index.ts');
    const footnote = note('footnote', 1, paragraph('L. Trotskii, Istoriia russkoi revoliutsii (Berlin, 1931); G. Zinov’ev, Sochineniia (Moscow, 1924); Izvestiia, 1924; Tukhachevskii, Dostoevskii.'));
    const body = '<w:p><w:r><w:t xml:space="preserve">Trotsky and Zinoviev wrote for Izvestia. Zinovyev and Tukhachevsky read Dostoevsky in </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>Istoriia russkoi revoliutsii</w:t></w:r><w:r><w:t>.</w:t></w:r></w:p>';
    const bytes = docx({ body, footnotes: footnote });
    const file = path.join(dir, 'offline-notes.docx');
    writeFileSync(file, bytes);
    const options = { scheme: 'modified-loc', allow: ['Moscow', 'Trotsky', 'Tchaikovsky'] };
    const doc = await bytesToDocument(bytes, { format: 'docx' });
    const where = (found: ReturnType<typeof checkText>): string[] => found.map((d) => `Line ${d.place.start.line}, column ${d.place.start.column}`);
    const expected = where(checkText(doc.text, { ...options, regions: doc.regions, ...(doc.emphasis === undefined ? {} : { emphasis: doc.emphasis }) }));
    // The test means something: read as plain text, the notes give other findings.
    assert.ok(expected.length > 0);
    assert.notDeepEqual(expected, where(checkText(doc.text, options)));
    await page.goto(pathToFileURL(path.join(dir, 'index.html')).href);
    await page.getByRole('tab', { name: 'Check a manuscript' }).click();
    await page.getByLabel('House scheme').selectOption('modified-loc');
    await page.getByLabel('Notes and bibliography').selectOption('');
    await page.getByLabel('Accepted English forms').fill('Moscow, Trotsky, Tchaikovsky');
    await page.getByLabel('File (.txt, .md, .docx)').setInputFiles(file);
    let shown: string[] = [];
    for (let i = 0; i < 300 && JSON.stringify(shown) !== JSON.stringify(expected); i++) {
      await new Promise((r) => setTimeout(r, 50));
      shown = (await page.locator('#ck-findings li .where').allTextContents()).map((w) => w.split(' · ')[0]!);
    }
    assert.deepEqual(shown, expected);
    assert.equal(await page.locator('#ck-input').inputValue(), doc.text);
    // Opened from disk too, the fixed .docx is written in the page: one fix accepted, read back.
    await page.locator('#ck-findings li.open button.primary').first().click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download fixed .docx' }).click()]);
    const fixedText = (await bytesToDocument(new Uint8Array(readFileSync(await download.path())), { format: 'docx' })).text;
    assert.equal(fixedText, await page.locator('#ck-input').inputValue());
    assert.notEqual(fixedText, doc.text);
    // A part of 80 MB that claims 1000 bytes: refused while it inflates, with the reader's message.
    const bomb = path.join(dir, 'bomb.docx');
    writeFileSync(bomb, await docxBomb(2_000_000, { declare: 1000 }));
    await page.getByLabel('File (.txt, .md, .docx)').setInputFiles(bomb);
    await waitText('#ck-status', 'bomb.docx: word/document.xml inflates to more than the 1000 bytes it declares: a damaged or crafted archive');
    assert.deepEqual(problems, []);
    await page.goto(server.url);
  });

  it('served by any web server without the latinitsa API, ranks reverse readings with the lexicon beside the page', async () => {
    // The built folder on a plain static server: /api/schemes is a 404, so the page works on its
    // own, and its worker fetches lexicon-ru.bin (web/lexicon-hook.ts). Letter statistics alone
    // read vesnushchaty as веснущаты; the lexicon knows веснушчаты. A Ukrainian scheme fetches
    // lexicon-uk.bin, which knows Київ (letter statistics alone: Кийв).
    const plain = createServer((req, res) => {
      const name = new URL(req.url ?? '/', 'http://localhost').pathname.slice(1) || 'index.html';
      if (name !== 'index.html' && !/^lexicon-[a-z]+\.bin$/.test(name)) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': name === 'index.html' ? 'text/html; charset=utf-8' : 'application/octet-stream' });
      res.end(readFileSync(path.join(dir, name)));
    });
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
    const own = await browser.newContext();
    const fetched: string[] = [];
    await own.route('**/*', (route) => {
      const url = route.request().url();
      if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) return route.abort();
      fetched.push(new URL(url).pathname);
      return route.continue();
    });
    try {
      const other = await own.newPage();
      const errors: string[] = [];
      other.on('pageerror', (e) => errors.push(e.message));
      await other.goto(`${origin}/#reverse`);
      await other.locator('#rv-from').selectOption('modified-loc');
      await other.locator('#rv-to').selectOption('');
      await other.getByLabel('Romanized text').fill('vesnushchaty');
      let output: string | null = null;
      for (let i = 0; i < 300 && output !== 'веснушчаты'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        output = await other.locator('#rv-output').textContent();
      }
      assert.equal(output, 'веснушчаты');
      assert.match((await other.locator('#rv-note').textContent()) ?? '', /ranked in your browser with the word lists/);
      assert.equal(fetched.filter((p) => p === '/lexicon-ru.bin').length, 1, fetched.join(' '));
      await other.locator('#rv-from').selectOption('uk-national');
      await other.getByLabel('Romanized text').fill('Kyiv');
      for (let i = 0; i < 300 && output !== 'Київ'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        output = await other.locator('#rv-output').textContent();
      }
      assert.equal(output, 'Київ');
      assert.equal(fetched.filter((p) => p === '/lexicon-uk.bin').length, 1, fetched.join(' '));
      assert.deepEqual(errors, []);
    } finally {
      await own.close();
      await new Promise((resolve) => plain.close(resolve));
    }
  });

  it('fits a narrow screen: the tab strip scrolls and shows that it does', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('tab', { name: 'Romanize' }).click();
    const overflow = await page.locator('html').evaluate((el) => el.scrollWidth - el.clientWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    const strip = await page.locator('#tabs').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, overflowX: getComputedStyle(el).overflowX }));
    assert.ok(strip.scroll > strip.client && strip.overflowX === 'auto', JSON.stringify(strip));
    const wrap = page.locator('.tabs-wrap');
    assert.equal(await wrap.getAttribute('data-more-right'), '');
    await page.waitForTimeout(300);
    assert.equal(await wrap.evaluate((el) => getComputedStyle(el, '::after').opacity), '1');
    await shot('16-narrow', false);
    await page.getByRole('tab', { name: 'About the schemes' }).click();
    await page.waitForTimeout(300);
    assert.equal(await wrap.getAttribute('data-more-left'), '');
    await shot('17-narrow-last-tab', false);
    await page.setViewportSize({ width: 1200, height: 820 });
  });

  it('loaded nothing from elsewhere and asked for nothing missing (no favicon 404)', () => {
    assert.deepEqual(stray, []);
    assert.deepEqual(problems, []);
  });
});
