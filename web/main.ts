// The page: tabs and panels. The engine
// runs here in the browser (bundled from src/index.ts); nothing is sent anywhere.
import { getScheme, listSchemes, romanize } from '../src/index.ts';
import { byId, debounce, h, messageOf } from './dom.ts';
import { setupFeaturePanels } from './features.ts';
import { setupRomanize } from './romanize-panel.ts';

function setupTabs(): void {
  const list = byId('tabs');
  const tabs = [...list.querySelectorAll<HTMLButtonElement>('[role=tab]')];
  const select = (tab: HTMLButtonElement, focus: boolean): void => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      byId(t.getAttribute('aria-controls')!).hidden = !on;
    }
    if (focus) tab.focus();
    const name = tab.dataset['panel']!;
    if (location.hash !== `#${name}`) history.replaceState(null, '', `#${name}`);
  };
  list.addEventListener('click', (e) => {
    const tab = (e.target as HTMLElement).closest<HTMLButtonElement>('[role=tab]');
    if (tab !== null) select(tab, false);
  });
  list.addEventListener('keydown', (e) => {
    const at = tabs.indexOf(document.activeElement as HTMLButtonElement);
    if (at === -1) return;
    const to = e.key === 'ArrowRight' ? (at + 1) % tabs.length : e.key === 'ArrowLeft' ? (at - 1 + tabs.length) % tabs.length : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : -1;
    if (to !== -1) {
      e.preventDefault();
      select(tabs[to]!, true);
    }
  });
  const fromHash = tabs.find((t) => `#${t.dataset['panel']}` === location.hash);
  select(fromHash ?? tabs[0]!, false);
}

function setupCompare(): void {
  const input = byId<HTMLInputElement>('cmp-input');
  const body = byId('cmp-table').querySelector('tbody')!;
  const schemes = listSchemes();
  const cells = schemes.map((s) => {
    const cell = h('td', { class: 'result', lang: 'ru-Latn' });
    body.append(h('tr', {}, h('th', { scope: 'row' }, s.name, h('span', { class: 'sub' }, s.id)), cell));
    return cell;
  });
  const update = (): void => {
    schemes.forEach((s, i) => {
      try {
        cells[i]!.textContent = romanize(input.value, { scheme: s.id });
      } catch (error) {
        cells[i]!.textContent = messageOf(error);
      }
    });
  };
  input.addEventListener('input', debounce(update, 60));
  update();
}

function setupSchemes(): void {
  const list = byId('schemes-list');
  for (const info of listSchemes()) {
    const s = getScheme(info.id);
    const rows: [string, string][] = [
      ['Id', s.id],
      ['Authority', s.authority],
      ['Edition', s.edition],
      ['Source', s.source],
      ['Options', Object.entries(info.options).map(([n, o]) => `${n}: ${o.values.join(' | ')} (default ${o.default})`).join('; ') || 'none'],
      ['Sample', s.samples[0] ? `${s.samples[0][0]} → ${s.samples[0][1]}` : '—'],
    ];
    list.append(
      h(
        'article',
        { 'aria-labelledby': `scheme-${s.id}` },
        h('h3', { id: `scheme-${s.id}` }, s.name),
        ...(s.description ? [h('p', {}, s.description)] : []),
        h('dl', {}, ...rows.filter(([, v]) => v !== '').flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
      ),
    );
  }
}

function start(): void {
  setupTabs();
  setupRomanize();
  setupCompare();
  setupSchemes();
  setupFeaturePanels();
  // Opened from a file (the offline copy), there is no API to link to.
  if (location.protocol === 'file:') byId('api-link').remove();
}

start();
