// End-to-end tests of the web page: Debian's Chromium driven by playwright-core against the real
// server on loopback. One browser launch, a handful of flows. Set SCREENSHOT_DIR to keep
// screenshots of each flow (they are for people to look at, not compared).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildWeb } from '../../scripts/build-web.ts';
import { startServer, type RunningServer } from '../../src/server/index.ts';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const screenshots = process.env['SCREENSHOT_DIR'];

describe('web page in Chromium', { skip: existsSync(CHROMIUM) ? false : `no browser at ${CHROMIUM} (.ci/run installs Debian's chromium)` }, () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  /** Waits until the element's text is `expected` (polling: the page's CSP forbids eval, so no waitForFunction strings). */
  const waitText = async (selector: string, expected: string): Promise<void> => {
    let last: string | null = null;
    for (let i = 0; i < 300; i++) {
      last = await page.locator(selector).first().textContent();
      if (last === expected) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(last, expected, selector);
  };

  const shot = async (name: string): Promise<void> => {
    if (screenshots === undefined) return;
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
  };

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'latinitsa-web-'));
    await buildWeb({ outDir: dir });
    server = await startServer({ port: 0, staticDir: dir, workers: 1 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ viewport: { width: 1200, height: 820 } });
    // The page must work with no network but its own server: block everything else.
    await context.route('**/*', (route) => (route.request().url().startsWith(server.url) || route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    page = await context.newPage();
    page.setDefaultTimeout(5_000);
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
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
    assert.equal(await page.locator('#rz-output').textContent(), 'Sergei Mironovich Kirov, Shchyolkovo, Yury Zinoviev');
    await shot('1-romanize-modified-loc');
    assert.deepEqual(problems, []);
  });

  it('switches schemes and their options', async () => {
    await page.locator('#rz-scheme').selectOption('ala-lc');
    // ALA-LC 2012 Russian table: й ĭ, ё ë, ю i͡u, ь ʹ (prime).
    assert.equal(await page.locator('#rz-output').textContent(), 'Sergeĭ Mironovich Kirov, Shchëlkovo, I͡Uriĭ Zinovʹev');
    await page.getByLabel('Tie', { exact: true }).selectOption('halves');
    assert.equal(await page.locator('#rz-output').textContent(), 'Sergeĭ Mironovich Kirov, Shchëlkovo, I︠U︡riĭ Zinovʹev');
    await shot('2-romanize-ala-lc');
  });

  it('explains a piece of the output on hover and by keyboard', async () => {
    await page.locator('#rz-scheme').selectOption('modified-loc');
    await page.getByLabel('Russian text').fill('Юрий');
    await page.locator('#rz-output .seg').first().hover();
    assert.match((await page.locator('#rz-explain').textContent()) ?? '', /Ю → “Yu”.*rule R2/);
    await page.locator('#rz-output').focus();
    await page.keyboard.press('End');
    assert.match((await page.locator('#rz-explain').textContent()) ?? '', /й → nothing.*rule R3/);
    await shot('3-explain');
  });

  it('compares one line in every scheme', async () => {
    await page.getByRole('tab', { name: 'Compare schemes' }).click();
    await page.getByLabel('Word or line').fill('Щёлково');
    const rows = page.locator('#cmp-table tbody tr');
    assert.ok((await rows.count()) >= 9);
    const alaRow = rows.filter({ hasText: 'ala-lc' }).filter({ hasText: 'diacritics and ties' });
    await waitText('#cmp-table tbody td', 'Shchyolkovo');
    assert.equal(await alaRow.locator('td').textContent(), 'Shchëlkovo');
    await shot('4-compare');
  });

  it('reads romanized text back into Cyrillic, with certainty and candidates', async () => {
    await page.getByRole('tab', { name: /^Reverse/ }).click();
    await page.getByLabel('Romanized in').selectOption('ala-lc-simplified');
    await page.getByLabel('Romanized text').fill('Hello, Zinov’ev, Kamenev');
    await waitText('#rv-output', 'Hello, Зиновьев, Каменев');
    const words = page.locator('#rv-words li');
    assert.match((await words.nth(1).textContent()) ?? '', /Zinov’ev → Зиновьев (certain|uncertain)/);
    assert.match((await words.nth(0).textContent()) ?? '', /Hello — left as written/);
    await shot('6-reverse');
    if ((await page.locator('#rv-to').count()) > 0) {
      // Issue 5: Zinov’ev in ala-lc-simplified is Zinoviev in modified-loc.
      await page.getByLabel('Turn into').selectOption('modified-loc');
      await page.getByLabel('Romanized text').fill('Zinov’ev, Hello');
      await waitText('#rv-output', 'Zinoviev, Hello');
      await shot('6b-convert');
    }
  });

  it('checks an uploaded .docx manuscript, accepts one fix and downloads the fixed text', async () => {
    await page.getByRole('tab', { name: 'Check a manuscript' }).click();
    await page.getByLabel('House scheme').selectOption('modified-loc');
    await page.getByLabel('File (.txt, .md, .docx)').setInputFiles(path.join(import.meta.dirname, '..', 'fixtures', 'manuscripts', 'book.docx'));
    await page.getByRole('button', { name: 'Accept fix: Sergey → Sergei' }).waitFor();
    const before = await page.locator('#ck-findings li').count();
    assert.ok(before >= 5, `${before} findings`);
    assert.match((await page.locator('#ck-status').textContent()) ?? '', new RegExp(`^${before} findings, 0 fixed`));
    await page.getByRole('button', { name: 'Accept fix: Sergey → Sergei' }).click();
    assert.match((await page.locator('#ck-status').textContent()) ?? '', new RegExp(`^${before} findings, 1 fixed`));
    assert.equal(await page.locator('#ck-marked mark.fixed').textContent(), 'Sergei');
    await shot('7-check');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download fixed text' }).click()]);
    assert.equal(download.suggestedFilename(), 'book-fixed.txt');
    const { readFile } = await import('node:fs/promises');
    const fixed = await readFile(await download.path(), 'utf8');
    assert.ok(!/\bSergey\b/.test(fixed) && /\bSergei\b/.test(fixed), 'the accepted fix is in the download');
    assert.match(fixed, /Vyacheslav/, 'fixes not accepted are not applied');
  });

  it('normalises archival citations and romanizes a bibliography', async () => {
    await page.getByRole('tab', { name: 'Citations' }).click();
    await page.getByLabel('Text with archival references').fill('РГАСПИ. Ф. 17. Оп. 3. Д. 703. Л. 1–2 об.');
    await waitText('#ct-output', 'RGASPI, f. 17, op. 3, d. 703, ll. 1–2ob.');
    await shot('8-cite');
    await page.getByRole('tab', { name: 'Bibliography' }).click();
    assert.match((await page.locator('#bb-output').textContent()) ?? '', /author = \{Lotman, Iu\. M\.\}/);
    await page.getByLabel('Keep the Cyrillic original').check();
    assert.match((await page.locator('#bb-output').textContent()) ?? '', /origauthor = \{Лотман, Ю\. М\.\}/);
    await shot('9-bib');
  });

  it('is usable by keyboard: tabs move with the arrow keys', async () => {
    await page.getByRole('tab', { name: 'Romanize' }).click();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.getByRole('tab', { name: 'Compare schemes' }).getAttribute('aria-selected'), 'true');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.getByRole('tab', { name: 'Romanize' }).getAttribute('aria-selected'), 'true');
    assert.equal(await page.locator('#panel-romanize').isVisible(), true);
  });

  it('works offline as one file opened from disk', async () => {
    await page.goto(pathToFileURL(path.join(dir, 'index.html')).href);
    await page.getByLabel('Russian text').fill('Щёлково');
    await waitText('#rz-output', 'Shchyolkovo');
    // No server behind a file: reverse readings come from the browser.
    await page.getByRole('tab', { name: /^Reverse/ }).click();
    await page.locator('#rv-from').selectOption('ala-lc');
    if ((await page.locator('#rv-to').count()) > 0) await page.locator('#rv-to').selectOption('');
    await page.getByLabel('Romanized text').fill('Kubanʹ');
    await waitText('#rv-output', 'Кубань');
    assert.match((await page.locator('#rv-note').textContent()) ?? '', /offline/);
    assert.equal(await page.locator('#api-link').count(), 0);
    assert.deepEqual(problems, []);
    await page.goto(server.url);
  });

  it('fits a narrow screen', async () => {
    await page.setViewportSize({ width: 380, height: 800 });
    await page.getByRole('tab', { name: 'Romanize' }).click();
    const overflow = await page.locator('html').evaluate((el) => el.scrollWidth - el.clientWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    await shot('5-narrow');
    assert.deepEqual(problems, []);
  });
});
