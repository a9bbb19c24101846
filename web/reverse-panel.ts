// Reverse & convert panel: romanized text back to Cyrillic, or into another scheme. The text's
// scheme is detected (or, when the reader chose one that the text does not fit, the page says so
// and offers the better one in one click); a word with other readings is a button that opens
// them, and choosing one replaces the word everywhere it occurs. A scheme of the reader's own
// (web/own-scheme.ts) is offered as the text's scheme and as the target, and detection ranks it
// with the built-in ones.
import { DEFAULT_SCHEME, listSchemes, type ConvertResult, type DeromanizeResult, type DetectSchemeResult } from '../src/index.ts';
import { byId, copyText, debounce, fillSelect, h, messageOf } from './dom.ts';
import type { Engine } from './engine.ts';
import { followOwnScheme } from './language-menu.ts';
import { definitionValue, detectionSchemes, menuValueOf, ownSchemeItem, schemeNameOf } from './own-scheme.ts';
import { callApi, fromServer, rankedBy, unlessRefused } from './server.ts';
import { persist } from './state.ts';
import { keptReason } from './wording.ts';

/** Texts with more words than this are shown as plain text (a button per word would be slow). */
const PICK_LIMIT = 3_000;
/** Words listed with their readings at most. */
const LIST_LIMIT = 500;
const AUTO = 'auto';

/** One word as the panel shows it, from a reading or a conversion. */
interface WordView {
  start: number;
  end: number;
  source: string;
  converted: boolean;
  certain: boolean;
  reason: string;
  /** The readings (or converted forms), best first, with a detail (the Cyrillic, the word lists that know it). */
  options: { text: string; detail: string }[];
}

function fromReading(r: DeromanizeResult): WordView[] {
  return r.words.map((w) => ({
    start: w.input[0],
    end: w.input[1],
    source: w.source,
    converted: w.converted,
    certain: w.certain,
    reason: w.reason,
    options: w.converted ? w.candidates.map((c) => ({ text: c.text, detail: c.attested.join(', ') })) : [],
  }));
}

function fromConversion(r: ConvertResult): WordView[] {
  return r.words.map((w) => {
    const options = w.converted ? [{ text: w.output, detail: w.cyrillic ?? '' }] : [];
    if (w.converted) for (const a of w.alternatives) if (!options.some((o) => o.text.toLowerCase() === a.output.toLowerCase())) options.push({ text: a.output, detail: a.cyrillic });
    return { start: w.input[0], end: w.input[1], source: w.source, converted: w.converted, certain: w.certain, reason: 'context', options };
  });
}

/** Sets up the reverse & convert panel. */
export function setupReverse(engine: Engine): void {
  const from = byId<HTMLSelectElement>('rv-from');
  const to = byId<HTMLSelectElement>('rv-to');
  const input = byId<HTMLTextAreaElement>('rv-input');
  const output = byId('rv-output');
  const list = byId('rv-words');
  const note = byId('rv-note');
  const copy = byId<HTMLButtonElement>('rv-copy');
  const notice = byId('rv-scheme-note');
  const menu = byId('rv-menu');
  const schemes = listSchemes().map((s) => ({ value: s.id, label: s.name }));
  // Every scheme, whatever its language, and the scheme of one's own last (when one is loaded).
  const fillMenus = (): void => {
    const own = ownSchemeItem();
    for (const [select, first] of [
      [from, { value: AUTO, label: 'Detect automatically' }],
      [to, { value: '', label: 'Cyrillic' }],
    ] as const) {
      const items = [first, ...schemes, ...(own === undefined ? [] : [own])];
      fillSelect(select, items, items.some((i) => i.value === select.value) ? select.value : first.value);
    }
  };
  fillMenus();
  persist(from);
  persist(to);
  followOwnScheme([from, to], fillMenus);
  persist(input);

  let words: WordView[] = [];
  let source = '';
  /** The reader's choices: a word (lower case) → the reading chosen for it (lower case). */
  const chosen = new Map<string, string>();
  let result = '';
  let pickable = false;
  let seq = 0;

  const choiceOf = (w: WordView): number => {
    const want = chosen.get(w.source.toLowerCase());
    const i = want === undefined ? -1 : w.options.findIndex((o) => o.text.toLowerCase() === want);
    return i === -1 ? 0 : i;
  };
  /** The result with the chosen readings. */
  const assemble = (): string => {
    let out = '';
    let pos = 0;
    for (const w of words) {
      out += source.slice(pos, w.start) + (w.converted ? w.options[choiceOf(w)]!.text : w.source);
      pos = w.end;
    }
    return out + source.slice(pos);
  };

  const closeMenu = (focusBack: boolean): void => {
    if (menu.hidden) return;
    const owner = output.querySelector<HTMLButtonElement>('button[aria-expanded=true]');
    owner?.setAttribute('aria-expanded', 'false');
    menu.hidden = true;
    if (focusBack) owner?.focus();
  };

  const choose = (w: WordView, option: number): void => {
    chosen.set(w.source.toLowerCase(), w.options[option]!.text.toLowerCase());
    closeMenu(false);
    renderResult();
    output.querySelector<HTMLButtonElement>(`button[data-w="${words.indexOf(w)}"]`)?.focus();
  };

  const openMenu = (button: HTMLButtonElement): void => {
    const w = words[Number(button.dataset['w'])];
    if (w === undefined) return;
    closeMenu(false);
    const current = choiceOf(w);
    menu.replaceChildren(
      h('p', { class: 'menu-title' }, `Readings of ${w.source}`),
      ...w.options.map((o, i) => {
        const item = h('button', { type: 'button', role: 'menuitemradio', 'aria-checked': String(i === current), lang: 'ru' }, o.text, ...(o.detail === '' ? [] : [h('span', { class: 'sub' }, o.detail)]));
        item.addEventListener('click', () => choose(w, i));
        return item;
      }),
    );
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    const box = button.getBoundingClientRect();
    const host = menu.offsetParent?.getBoundingClientRect() ?? new DOMRect();
    menu.style.left = `${Math.max(0, box.left - host.left)}px`;
    menu.style.top = `${box.bottom - host.top + 4}px`;
    menu.querySelector<HTMLButtonElement>('[aria-checked=true]')?.focus();
  };

  menu.addEventListener('keydown', (e) => {
    const items = [...menu.querySelectorAll<HTMLButtonElement>('button')];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      closeMenu(true);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    }
  });
  document.addEventListener('click', (e) => {
    if (!menu.hidden && !menu.contains(e.target as Node) && !(e.target as HTMLElement).closest?.('#rv-output button')) closeMenu(false);
  });
  output.addEventListener('click', (e) => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-w]');
    if (button === null) return;
    if (button.getAttribute('aria-expanded') === 'true') closeMenu(true);
    else openMenu(button);
  });

  function renderResult(): void {
    result = pickable ? assemble() : result;
    if (!pickable) {
      output.textContent = result;
      return;
    }
    const frag = document.createDocumentFragment();
    let pos = 0;
    words.forEach((w, i) => {
      frag.append(source.slice(pos, w.start));
      const text = w.converted ? w.options[choiceOf(w)]!.text : w.source;
      if (w.options.length > 1) {
        const changed = choiceOf(w) !== 0;
        frag.append(h('button', { type: 'button', class: `word${w.certain && !changed ? '' : ' uncertain'}${changed ? ' chosen' : ''}`, 'data-w': String(i), 'aria-haspopup': 'menu', 'aria-expanded': 'false', title: `${w.options.length} readings: choose one` }, text));
      } else frag.append(text);
      pos = w.end;
    });
    frag.append(source.slice(pos));
    output.replaceChildren(frag);
    renderList();
  }

  function renderList(): void {
    const items = words.slice(0, LIST_LIMIT).map((w) => {
      if (!w.converted) return h('li', {}, h('span', { lang: 'en' }, w.source), ` — left as written: ${keptReason(w.reason)}`);
      const k = choiceOf(w);
      const li = h('li', {}, `${w.source} → `, h('b', { lang: 'ru' }, w.options[k]!.text), ' ', h('span', { class: w.certain ? 'certain' : 'uncertain' }, w.certain ? 'certain' : 'uncertain'));
      const detail = w.options[k]!.detail;
      if (detail !== '') li.append(` · ${detail}`);
      const others = w.options.map((o, i) => [o, i] as const).filter(([, i]) => i !== k);
      if (others.length > 0) {
        const row = h('span', { class: 'hint others' }, 'Other readings: ');
        for (const [o, i] of others) {
          const b = h('button', { type: 'button', class: 'link', lang: 'ru', title: `Use ${o.text} for every ${w.source}` }, o.text);
          b.addEventListener('click', () => choose(w, i));
          row.append(b, ' ');
        }
        li.append(h('br'), row);
      }
      return li;
    });
    if (words.length > LIST_LIMIT) items.push(h('li', { class: 'hint' }, `… and ${(words.length - LIST_LIMIT).toLocaleString('en')} more words.`));
    list.replaceChildren(...items);
  }

  const show = (text: string, expected: string, views: WordView[], ranked: string): void => {
    output.classList.remove('busy');
    source = text.normalize('NFC');
    words = views;
    // The words must add up to the answer; if they do not (a case rule of the target scheme
    // acting across words), the answer is shown as it is, without choices.
    const none = new Map(chosen);
    chosen.clear();
    pickable = views.length <= PICK_LIMIT && assemble() === expected;
    for (const [k, v] of none) chosen.set(k, v);
    result = expected;
    copy.disabled = false;
    note.textContent = ranked;
    renderResult();
    if (!pickable) renderList();
  };

  const noticeFor = (d: DetectSchemeResult, selected: string): void => {
    notice.replaceChildren();
    notice.className = 'notice';
    if (d.scheme === undefined) {
      notice.hidden = true;
      return;
    }
    // Detection answers with ids; the scheme of one's own stands in the menu as its menu value.
    const best = menuValueOf(d.scheme);
    if (selected === AUTO) {
      notice.append('Read as ', h('b', {}, schemeNameOf(best)), d.plausible.length > 1 ? ` (detected; the text is written alike in ${d.plausible.length} schemes).` : ' (detected from the text).');
    } else if (!d.plausible.map(menuValueOf).includes(selected)) {
      notice.classList.add('warn');
      const button = h('button', { type: 'button', class: 'primary', id: 'rv-switch' }, `Read it as ${schemeNameOf(best)}`);
      button.addEventListener('click', () => {
        from.value = best;
        from.dispatchEvent(new Event('change'));
      });
      notice.append(h('span', {}, 'This text does not look like ', h('b', {}, schemeNameOf(selected)), ': it reads better as ', h('b', {}, schemeNameOf(best)), '. '), button);
    } else {
      notice.hidden = true;
      return;
    }
    notice.hidden = false;
  };

  const update = async (): Promise<void> => {
    const mine = ++seq;
    const text = input.value;
    output.classList.add('busy');
    const selected = from.value;
    const onServer = await fromServer();
    // Detected where the readings are made: by the server with its lexicon, else in the page's
    // worker; a scheme of one's own is ranked with the built-in ones, sent to the server as its definition.
    const among = detectionSchemes((own) => own.definition);
    // A server that cannot be reached is worked around in the page; one that refuses (too much
    // text) is shown: ranking without word lists in its stead would hide what to do.
    const detected = await (onServer ? callApi<DetectSchemeResult>('detect', { text, ...(among === undefined ? {} : { schemes: among }) }) : Promise.reject(new Error('no server'))).catch((e: unknown) => {
      unlessRefused(e);
      return engine.run('detect', { text });
    });
    if (mine !== seq) return;
    noticeFor(detected, selected);
    // Menu values: the worker puts the scheme of one's own in itself, the server gets its definition.
    const scheme = selected === AUTO ? menuValueOf(detected.scheme ?? DEFAULT_SCHEME) : selected;
    const target = to.value;
    if (target !== '') {
      let r: ConvertResult & { lexicon: boolean };
      let where: 'server' | 'browser' = 'server';
      try {
        if (!onServer) throw new Error('no server');
        r = await callApi('convert', { text, from: definitionValue(scheme), to: definitionValue(target) });
      } catch (e) {
        unlessRefused(e);
        where = 'browser';
        r = await engine.run('convert', { text, from: scheme, to: target });
      }
      if (mine === seq) show(text, r.text, fromConversion(r), rankedBy(where, r.lexicon));
      return;
    }
    let r: DeromanizeResult & { lexicon: boolean };
    let where: 'server' | 'browser' = 'server';
    try {
      if (!onServer) throw new Error('no server');
      // The server ranks with its lexicon (words, given names, surnames).
      r = await callApi('deromanize', { text, scheme: definitionValue(scheme) });
    } catch (e) {
      unlessRefused(e);
      where = 'browser';
      r = await engine.run('deromanize', { text, scheme });
    }
    if (mine === seq) show(text, r.text, fromReading(r), rankedBy(where, r.lexicon));
  };
  const run = (): void =>
    void update().catch((e: unknown) => {
      // Nothing of the last answer stays beside the message: not its words, its note, nor Copy.
      output.classList.remove('busy');
      result = '';
      words = [];
      pickable = false;
      list.replaceChildren();
      note.textContent = '';
      copy.disabled = true;
      output.textContent = messageOf(e);
    });
  const later = debounce(run, 200);
  input.addEventListener('input', later);
  from.addEventListener('change', run);
  to.addEventListener('change', run);
  copy.addEventListener('click', () => void copyText(result, copy));
  run();
}
