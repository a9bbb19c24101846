// The page: tabs and panels. The engine runs here in the browser (bundled from src/index.ts);
// nothing is sent anywhere. The same script is also the page's worker (web/engine.ts): started
// without a document, it serves requests.
import { getScheme, listSchemes, romanize, type Scheme } from '../src/index.ts';
import { byId, debounce, downloadText, h, messageOf } from './dom.ts';
import { Engine, serveWorker } from './engine.ts';
import { setupFeaturePanels } from './features.ts';
import { setupRomanize } from './romanize-panel.ts';
import { setupMarc } from './marc-panel.ts';
import { onOwnScheme, ownScheme, restoreOwnScheme } from './own-scheme.ts';
import { fromServer } from './server.ts';
import { persist, setupTabs } from './state.ts';
import { forgetAll } from './storage.ts';
import { schemeSummary, sourceLine, sourceLinks } from './wording.ts';

function setupCompare(): void {
  const input = byId<HTMLInputElement>('cmp-input');
  persist(input);
  const body = byId('cmp-table').querySelector('tbody')!;
  const row = (name: string, sub: string): { row: HTMLTableRowElement; cell: HTMLTableCellElement } => {
    const cell = h('td', { class: 'result', lang: 'ru-Latn' });
    return { row: h('tr', {}, h('th', { scope: 'row' }, name, h('span', { class: 'sub' }, sub)), cell), cell };
  };
  const rows = listSchemes().map((s) => ({ scheme: s.id as string | Scheme, ...row(s.name, s.id) }));
  for (const r of rows) body.append(r.row);
  const update = (): void => {
    for (const r of rows) {
      try {
        r.cell.textContent = romanize(input.value, { scheme: r.scheme });
      } catch (error) {
        r.cell.textContent = messageOf(error);
      }
    }
  };
  // A scheme file of the reader's own (web/own-scheme.ts): one more row, last, while it is loaded.
  const builtIn = rows.length;
  const ownRow = (): void => {
    for (const r of rows.splice(builtIn)) r.row.remove();
    const own = ownScheme();
    if (own === undefined) return;
    rows.push({ scheme: own.scheme, ...row(`Your scheme: ${own.scheme.name}`, own.file) });
    body.append(rows.at(-1)!.row);
    update();
  };
  onOwnScheme(ownRow);
  ownRow();
  input.addEventListener('input', debounce(update, 60));
  update();
}

function setupSchemes(): void {
  const list = byId('schemes-list');
  for (const info of listSchemes()) {
    const s = getScheme(info.id);
    const options = Object.entries(s.options).map(([name, o]) => h('li', {}, h('code', {}, name), ` — ${o.summary ?? o.description ?? ''} Values: ${Object.keys(o.values).join(', ')}.`));
    const links = sourceLinks(s);
    list.append(
      h(
        'article',
        { 'aria-labelledby': `scheme-${s.id}` },
        h('h3', { id: `scheme-${s.id}` }, s.name),
        h('p', {}, schemeSummary(s)),
        h('p', { class: 'source' }, sourceLine(s), ...links.flatMap((url) => [' · ', h('a', { href: url, rel: 'noreferrer' }, url.replace(/^https?:\/\//, '').replace(/\/$/, ''))])),
        h(
          'dl',
          {},
          h('dt', {}, 'Example'),
          h('dd', {}, s.samples[0] ? `${s.samples[0][0]} → ${s.samples[0][1]}` : '—'),
          h('dt', {}, 'Options'),
          h('dd', {}, options.length === 0 ? 'none' : h('ul', { class: 'plain' }, ...options)),
          h('dt', {}, 'Id (for the CLI and the API)'),
          h('dd', {}, h('code', {}, s.id)),
        ),
      ),
    );
  }
}

/** "Save this page": a copy of the page as it was served (captured before anything changed it), so it works from disk. */
function setupSave(pageSource: string): void {
  byId('save-page').addEventListener('click', (e) => {
    e.preventDefault();
    downloadText(pageSource, 'latinitsa.html', 'text/html;charset=utf-8');
  });
}

function start(): void {
  // First, before any panel changes the document: the page as served, and its script (the worker's code).
  const pageSource = `<!doctype html>\n${document.documentElement.outerHTML}`;
  const scriptText = document.currentScript?.textContent ?? undefined;
  // The scheme file opened on an earlier visit, before any menu is filled (a broken one is dropped with a notice).
  restoreOwnScheme();
  const engine = new Engine(scriptText);
  // A scheme file opened in any panel: the worker gets it too.
  onOwnScheme(() => engine.shareOwnScheme());
  setupMarc(); // adds its own tab and panel, so it comes before the tabs are set up
  setupTabs();
  setupRomanize(engine);
  setupCompare();
  setupSchemes();
  setupFeaturePanels(engine);
  setupSave(pageSource);
  byId('forget').addEventListener('click', () => {
    forgetAll();
    byId('forget-note').textContent = 'Forgotten: a reload starts afresh.';
  });
  // Opened from a file (the offline copy), there is no API to link to.
  if (location.protocol === 'file:') byId('api-link').remove();
  void fromServer().then((onServer) => {
    if (onServer) byId('api-note').textContent = ' (except reverse readings and manuscripts to check, which go to the latinitsa server that served this page to be read with its word lists)';
  });
}

if (typeof document === 'undefined') serveWorker();
else start();
