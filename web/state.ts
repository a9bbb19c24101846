// What the page remembers and how it navigates. The tab is in the address (#romanize, #reverse):
// Back and Forward move between tabs, a link or a typed hash opens one, and a reload keeps it.
// Inputs marked data-persist keep their value in this browser's localStorage, so that a reload
// keeps the scheme and the text; "Forget" clears it (web/storage.ts). Nothing is sent anywhere.
import { byId } from './dom.ts';
import { keep, recall } from './storage.ts';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * Restores a control's kept value (a select only to one of its options) and keeps it as it
 * changes. Returns whether a value was restored. The caller fires its own update afterwards.
 */
export function persist(el: Control, key = el.id): boolean {
  const value = recall(key);
  let restored = false;
  if (value !== undefined) {
    if (el instanceof HTMLInputElement && el.type === 'checkbox') {
      el.checked = value === 'true';
      restored = true;
    } else if (!(el instanceof HTMLSelectElement) || [...el.options].some((o) => o.value === value)) {
      el.value = value;
      restored = true;
    }
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => void keep(key, el instanceof HTMLInputElement && el.type === 'checkbox' ? String(el.checked) : el.value);
  // Text is kept a moment after typing stops; choices at once.
  el.addEventListener('input', () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(save, 400);
  });
  el.addEventListener('change', save);
  return restored;
}

/** Sets up the tab list: the hash names the tab; history entries for tabs chosen by the reader. */
export function setupTabs(onSelect: (name: string) => void = () => {}): void {
  const list = byId('tabs');
  const tabs = [...list.querySelectorAll<HTMLButtonElement>('[role=tab]')];
  const nameOf = (t: HTMLButtonElement): string => t.dataset['panel']!;
  const byHash = (): HTMLButtonElement | undefined => tabs.find((t) => `#${nameOf(t)}` === location.hash);
  let current: HTMLButtonElement | undefined;

  const show = (tab: HTMLButtonElement, focus: boolean): void => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      byId(t.getAttribute('aria-controls')!).hidden = !on;
    }
    if (focus) tab.focus();
    tab.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    if (current !== tab) {
      current = tab;
      keep('tab', nameOf(tab));
      onSelect(nameOf(tab));
    }
    updateCue();
  };
  /** `push`: a new history entry (Back returns to the tab before); otherwise the entry is replaced. */
  const select = (tab: HTMLButtonElement, focus: boolean, push: boolean): void => {
    const hash = `#${nameOf(tab)}`;
    if (location.hash !== hash) history[push ? 'pushState' : 'replaceState'](null, '', hash);
    show(tab, focus);
  };

  list.addEventListener('click', (e) => {
    const tab = (e.target as HTMLElement).closest<HTMLButtonElement>('[role=tab]');
    if (tab !== null) select(tab, false, true);
  });
  list.addEventListener('keydown', (e) => {
    const at = tabs.indexOf(document.activeElement as HTMLButtonElement);
    if (at === -1) return;
    const to = e.key === 'ArrowRight' ? (at + 1) % tabs.length : e.key === 'ArrowLeft' ? (at - 1 + tabs.length) % tabs.length : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : -1;
    if (to !== -1) {
      e.preventDefault();
      // Arrow keys pass through tabs on the way: one history entry for the walk, not one per tab.
      select(tabs[to]!, true, false);
    }
  });
  // Back, Forward, a typed or linked #hash.
  const follow = (): void => {
    const tab = byHash();
    if (tab !== undefined && tab !== current) show(tab, false);
  };
  window.addEventListener('hashchange', follow);
  window.addEventListener('popstate', follow);

  // Scroll cue of a tab strip wider than the screen: a fade and an arrow on the side with more.
  const wrap = list.parentElement!;
  const updateCue = (): void => {
    const more = list.scrollWidth - list.clientWidth;
    wrap.toggleAttribute('data-more-left', more > 1 && list.scrollLeft > 1);
    wrap.toggleAttribute('data-more-right', more > 1 && list.scrollLeft < more - 1);
  };
  list.addEventListener('scroll', updateCue, { passive: true });
  window.addEventListener('resize', updateCue);

  const saved = tabs.find((t) => nameOf(t) === recall('tab'));
  select(byHash() ?? saved ?? tabs[0]!, false, false);
}
