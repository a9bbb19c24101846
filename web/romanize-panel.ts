// Romanize panel: live romanization with the scheme's options, copy, download, and explanations
// of each piece of the result (hover, or focus the result and use the arrow keys).
//
// The result is plain text in a box of bounded height (so Copy and Download stay in view at any
// length), romanized in the page's worker as the reader types. Explanations are fetched only when
// wanted and are found by pointer position (no element per letter: 20,000 of them would make
// typing slow). Letters a scheme writes as nothing are marked only on request, with a legend.
import { getScheme, listLanguages, type RomanizeOptions, type RomanizeResult, type Scheme } from '../src/index.ts';
import { romanizableValues } from '../src/engine/compile.ts';
import { defaultSchemeOf } from '../src/schemes/index.ts';
import { byId, copyText, downloadText, fillSelect, h, messageOf } from './dom.ts';
import { latestOnly, type Engine } from './engine.ts';
import type { Explained } from './ops.ts';
import { AUTO_LANGUAGE, languageName, setupLanguageMenu } from './language-menu.ts';
import { OWN_SCHEME, ownScheme, ownSchemeSummary, schemeById } from './own-scheme.ts';
import { schemeFileControl } from './scheme-file-control.ts';
import { persist } from './state.ts';
import { explainSegment, languagesReport, schemeSummary, sourceLine, unmappedReport } from './wording.ts';

/** Above this many characters the result is not explained (the explanation of a whole book is not wanted, and costs memory). */
const EXPLAIN_LIMIT = 200_000;
/**
 * Texts up to this long are romanized in the page itself: about a millisecond of work, less than
 * the trip to the worker and back. Longer ones go to the worker, so that typing never waits.
 */
const IN_PAGE_LIMIT = 50_000;
/** Results up to this long are read out by screen readers as they change (longer ones would drown the reader). */
const LIVE_LIMIT = 2_000;

const humanize = (name: string): string => name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/^./, (c) => c.toUpperCase());

/** Common options of every scheme as the page offers them. */
const common = [
  { name: 'allCaps', label: 'All-caps words', values: [['', 'scheme default'], ['upper', 'all capitals'], ['acronym', 'as acronyms'], ['auto', 'automatic']] },
  { name: 'preReform', label: 'Pre-1918 letters', values: [['', 'scheme default'], ['native', "scheme's own values"], ['modernize', 'modernise first']] },
] as const;

/**
 * The controls of a scheme's options and the common ones (only the common ones without a scheme:
 * each paragraph's default). An option offers the values romanizing takes, as the library decides
 * them (`romanizableValues`): a value for given names only is the checker's, which romanize
 * refuses, and an option left with one value has nothing to choose and is not shown (docs/web.md).
 */
function optionControls(scheme: Scheme | undefined): HTMLElement[] {
  const controls: HTMLElement[] = [];
  for (const [name, option] of Object.entries(scheme?.options ?? {})) {
    const values = romanizableValues(option);
    if (values.length < 2) continue;
    const summary = option.summary ?? option.description;
    const select = h('select', { id: `rz-opt-${name}`, 'data-option': name, ...(summary ? { title: summary } : {}) });
    fillSelect(select, values.map((v) => ({ value: v, label: v === option.default ? `${v} (default)` : v })), option.default);
    persist(select, `rz-opt-${scheme!.id}-${name}`);
    controls.push(h('div', { class: 'field' }, h('label', { for: select.id }, humanize(name)), select));
  }
  for (const c of common) {
    const select = h('select', { id: `rz-common-${c.name}`, 'data-common': c.name });
    fillSelect(select, c.values.map(([value, label]) => ({ value, label })), '');
    persist(select);
    controls.push(h('div', { class: 'field' }, h('label', { for: select.id }, c.label), select));
  }
  for (const [name, label] of [['repairHomoglyphs', 'Repair Latin look-alikes'], ['joinLineBreakHyphens', 'Join words hyphenated at line ends']] as const) {
    const box = h('input', { type: 'checkbox', id: `rz-flag-${name}`, 'data-flag': name });
    persist(box);
    controls.push(h('label', { class: 'field check' }, box, label));
  }
  return controls;
}

/** The options the controls describe, for a scheme (`''`: each paragraph's default) and a language. */
export function readRomanizeOptions(container: HTMLElement, scheme: string, lang: string): RomanizeOptions {
  const options: RomanizeOptions = { ...(scheme === '' ? {} : { scheme }), lang };
  for (const el of container.querySelectorAll<HTMLSelectElement>('select[data-option]')) options[el.dataset['option']!] = el.value;
  for (const el of container.querySelectorAll<HTMLSelectElement>('select[data-common]')) if (el.value !== '') options[el.dataset['common']!] = el.value;
  for (const el of container.querySelectorAll<HTMLInputElement>('input[data-flag]')) if (el.checked) options[el.dataset['flag']!] = true;
  return options;
}

/** The text position under the pointer: a node and an offset in it. */
function caretAt(x: number, y: number): { node: Node; offset: number } | undefined {
  const d = document as Document & { caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null };
  const p = d.caretPositionFromPoint?.(x, y);
  if (p) return { node: p.offsetNode, offset: p.offset };
  const r = document.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : undefined;
}

const highlights = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
const HighlightClass = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;

/** Sets up the romanize panel; `engine` does the work (in a worker when it can). */
export function setupRomanize(engine: Engine): void {
  const select = byId<HTMLSelectElement>('rz-scheme');
  const lang = byId<HTMLSelectElement>('rz-lang');
  const inputLabel = byId('rz-input-label');
  const report = byId('rz-report');
  const optionsBox = byId('rz-options');
  const input = byId<HTMLTextAreaElement>('rz-input');
  const output = byId('rz-output');
  const explainBox = byId('rz-explain');
  const status = byId('rz-status');
  const marks = byId<HTMLInputElement>('rz-marks');
  const legend = byId('rz-marks-legend');

  /** The result shown, the text and options it is for, and its version. */
  let result = '';
  let shown = { text: '', options: {} as RomanizeOptions, version: 0 };
  let version = 0;
  /** Explanations of the result shown (fetched when wanted). */
  let explained: { version: number; data: Explained } | undefined;
  let explaining: Promise<Explained | undefined> | undefined;
  /** Text nodes of the output and the result offset each starts at. */
  let pieces: { node: Text; start: number }[] = [];
  let current = -1;

  /** The scheme of a piece of the result: the piece's own (detection per paragraph), else the one chosen. */
  const scheme = (id = select.value): Scheme => (id === '' ? getScheme(defaultSchemeOf()) : id === OWN_SCHEME ? ownScheme()!.scheme : schemeById(id));

  const setLive = (): void => {
    if (result.length <= LIVE_LIMIT) output.setAttribute('aria-live', 'polite');
    else output.removeAttribute('aria-live');
  };

  /** The paragraphs shown (plain view): one block per paragraph, so that typing re-lays out only the one that changed. */
  let paragraphs: { el: HTMLElement; text: string }[] | undefined;

  /** Shows the result as text, with marks for dropped letters when asked for and known. */
  const render = (): void => {
    clearCurrent();
    const ex = explained?.version === shown.version ? explained.data : undefined;
    if (!marks.checked || ex === undefined || !ex.matches || !ex.kinds.includes(2)) {
      renderParagraphs();
      return;
    }
    paragraphs = undefined;
    const frag = document.createDocumentFragment();
    pieces = [];
    let from = 0;
    let drop = 0;
    ex.kinds.forEach((kind, i) => {
      if (kind !== 2) return;
      const at = ex.starts[i]!;
      if (at > from) {
        const node = document.createTextNode(result.slice(from, at));
        pieces.push({ node, start: from });
        frag.append(node);
      }
      const letter = ex.dropped[drop++] ?? '';
      frag.append(h('span', { class: 'drop', 'data-i': String(i), title: `${letter}: a letter this scheme does not write`, 'aria-label': `(${letter} not written)` }, letter));
      from = at;
    });
    if (from < result.length) {
      const node = document.createTextNode(result.slice(from));
      pieces.push({ node, start: from });
      frag.append(node);
    }
    output.replaceChildren(frag);
  };

  /** The plain view: replaces only the paragraphs that changed. */
  const renderParagraphs = (): void => {
    const texts = result === '' ? [] : result.split(/(?<=\n)/);
    const old = paragraphs ?? [];
    if (paragraphs === undefined) output.replaceChildren();
    let a = 0;
    while (a < old.length && a < texts.length && old[a]!.text === texts[a]) a++;
    let b = 0;
    while (b < old.length - a && b < texts.length - a && old[old.length - 1 - b]!.text === texts[texts.length - 1 - b]) b++;
    const fresh = texts.slice(a, texts.length - b).map((text) => ({ el: h('div', { class: 'para' }, text), text }));
    for (const p of old.slice(a, old.length - b)) p.el.remove();
    const next = old[old.length - b]?.el ?? null;
    for (const p of fresh) output.insertBefore(p.el, next);
    paragraphs = [...old.slice(0, a), ...fresh, ...old.slice(old.length - b)];
    let start = 0;
    pieces = paragraphs.map((p) => {
      const piece = { node: p.el.firstChild as Text, start };
      start += p.text.length;
      return piece;
    });
  };

  /** Explanations of the result shown: fetched once per version. */
  const ensureExplained = (): Promise<Explained | undefined> => {
    const v = shown.version;
    if (explained?.version === v) return Promise.resolve(explained.data);
    if (shown.text.length > EXPLAIN_LIMIT) {
      explainBox.textContent = `Explanations are given for texts up to ${EXPLAIN_LIMIT.toLocaleString('en')} characters.`;
      return Promise.resolve(undefined);
    }
    explaining ??= engine
      .run('explain', { text: shown.text, options: shown.options })
      .then((data) => {
        explaining = undefined;
        if (shown.version !== v) return undefined;
        explained = { version: v, data };
        if (!data.matches) explainBox.textContent = 'This setting rewrites the whole result at the end (a machine-readable line), so letter-by-letter explanations are not shown.';
        if (marks.checked) render();
        return data.matches ? data : undefined;
      })
      .catch((error: unknown) => {
        explaining = undefined;
        explainBox.textContent = messageOf(error);
        return undefined;
      });
    return explaining;
  };

  /** The segment whose output covers result offset `o` (a piece written as nothing is never covered). */
  const segmentAtOffset = (ex: Explained, o: number): number => {
    let lo = 0;
    let hi = ex.kinds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ex.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    while (lo > 0 && ex.starts[lo + 1] === ex.starts[lo]) lo--;
    while (lo < ex.kinds.length - 1 && ex.starts[lo + 1]! <= o) lo++;
    return lo;
  };

  /** A DOM range over result offsets [start, end). */
  const rangeOf = (start: number, end: number): Range | undefined => {
    const at = (o: number): [Text, number] | undefined => {
      let k = pieces.length - 1;
      while (k > 0 && pieces[k]!.start > o) k--;
      const p = pieces[k];
      return p === undefined ? undefined : [p.node, Math.min(o - p.start, p.node.length)];
    };
    const a = at(start);
    const b = at(end);
    if (a === undefined || b === undefined) return undefined;
    const range = document.createRange();
    range.setStart(a[0], a[1]);
    range.setEnd(b[0], b[1]);
    return range;
  };

  function clearCurrent(): void {
    highlights?.delete('rz-current');
    output.querySelector('.drop.current')?.classList.remove('current');
    current = -1;
  }

  /** Shows the explanation of segment `i` and marks it. */
  const show = async (i: number, scroll: boolean): Promise<void> => {
    const ex = await ensureExplained();
    if (ex === undefined || i < 0 || i >= ex.kinds.length) return;
    const v = shown.version;
    const seg = await engine.run('segment', { token: ex.token, index: i });
    if (seg === undefined || shown.version !== v) return;
    clearCurrent();
    current = i;
    const start = ex.starts[i]!;
    const end = ex.starts[i + 1]!;
    const marker = output.querySelector<HTMLElement>(`.drop[data-i="${i}"]`);
    marker?.classList.add('current');
    const range = end > start ? rangeOf(start, end) : undefined;
    if (range !== undefined && highlights !== undefined && HighlightClass !== undefined) highlights.set('rz-current', new HighlightClass(range));
    if (scroll) {
      const rect = marker?.getBoundingClientRect() ?? range?.getBoundingClientRect();
      const box = output.getBoundingClientRect();
      if (rect !== undefined && (rect.top < box.top || rect.bottom > box.bottom)) output.scrollTop += rect.top - box.top - box.height / 2;
    }
    const words = explainSegment(seg, scheme(seg.scheme));
    explainBox.replaceChildren(h('p', {}, h('b', {}, words.what), ' — ', words.why), ...(words.source === '' ? [] : [h('p', { class: 'source' }, words.source)]));
  };

  /** The segment under the pointer, if any. */
  const segmentAt = async (e: MouseEvent): Promise<number | undefined> => {
    const target = e.target as HTMLElement;
    const marker = target.closest?.('.drop');
    if (marker instanceof HTMLElement) return Number(marker.dataset['i']);
    const caret = caretAt(e.clientX, e.clientY);
    if (caret === undefined || !(caret.node instanceof Text)) return undefined;
    const piece = pieces.find((p) => p.node === caret.node);
    if (piece === undefined) return undefined;
    // The caret is between two characters: take the one whose box holds the pointer.
    let o = piece.start + caret.offset;
    const r = document.createRange();
    r.setStart(caret.node, Math.min(caret.offset, caret.node.length));
    r.setEnd(caret.node, Math.min(caret.offset + 1, caret.node.length));
    const box = r.getBoundingClientRect();
    if (!(e.clientX >= box.left && e.clientX <= box.right && e.clientY >= box.top && e.clientY <= box.bottom)) o--;
    if (o < 0 || o >= result.length) return undefined;
    const ex = await ensureExplained();
    return ex === undefined ? undefined : segmentAtOffset(ex, o);
  };

  let pointerPending = false;
  const onPointer = (e: MouseEvent): void => {
    if (pointerPending) return;
    pointerPending = true;
    requestAnimationFrame(() => {
      void segmentAt(e)
        .then((i) => {
          if (i !== undefined && i !== current) return show(i, false);
          return undefined;
        })
        .finally(() => (pointerPending = false));
    });
  };
  output.addEventListener('mousemove', onPointer);
  output.addEventListener('click', onPointer);

  const letterIndexes = (ex: Explained): number[] => {
    const out: number[] = [];
    ex.kinds.forEach((k, i) => k !== 0 && out.push(i));
    return out;
  };
  output.addEventListener('focus', () => {
    if (current !== -1) return;
    void ensureExplained().then((ex) => {
      const first = ex === undefined ? undefined : letterIndexes(ex)[0];
      if (first !== undefined && current === -1) return show(first, true);
      return undefined;
    });
  });
  output.addEventListener('keydown', (e) => {
    if (!['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
    e.preventDefault();
    void ensureExplained().then((ex) => {
      if (ex === undefined) return undefined;
      const order = letterIndexes(ex);
      if (order.length === 0) return undefined;
      const at = order.indexOf(current);
      const next =
        e.key === 'Home' ? order[0]
        : e.key === 'End' ? order[order.length - 1]
        : e.key === 'ArrowRight' || e.key === 'ArrowDown' ? order[Math.min(order.length - 1, at + 1)]
        : order[Math.max(0, at - 1)];
      return next === undefined ? undefined : show(next, true);
    });
  });

  /** Romanizes the newest text (older requests still waiting are dropped). */
  const romanizeLatest = latestOnly(async (job: { text: string; options: RomanizeOptions; since: number }) => {
    const v = ++version;
    const slow = setTimeout(() => (status.textContent = `Romanizing ${job.text.length.toLocaleString('en')} characters…`), 150);
    try {
      const detailed: RomanizeResult = await engine.run('romanizeDetailed', { text: job.text, options: job.options }, job.text.length <= IN_PAGE_LIMIT);
      result = detailed.text;
      shown = { text: job.text, options: job.options, version: v };
      showReport(detailed);
      explained = undefined;
      explaining = undefined;
      render();
      setLive();
      explainBox.replaceChildren();
      status.textContent = '';
      if (marks.checked) void ensureExplained();
      // Time from the keystroke to the result on screen (next frame), for the browser test and curious readers.
      requestAnimationFrame(() => setTimeout(() => performance.measure('rz-update', { start: job.since, end: performance.now() })));
    } catch (error) {
      result = '';
      paragraphs = undefined;
      output.textContent = '';
      report.replaceChildren();
      status.textContent = messageOf(error);
    } finally {
      clearTimeout(slow);
    }
  });
  /** In plain words: the language each paragraph was read in (detection), and the letters the scheme has no value for. */
  const showReport = (r: RomanizeResult): void => {
    const parts: HTMLElement[] = [];
    if (r.languages !== undefined) parts.push(h('ul', { id: 'rz-languages', class: 'plain' }, ...languagesReport(r.languages).map((line) => h('li', {}, line))));
    const unmapped = unmappedReport(r.diagnostics);
    if (unmapped !== '') parts.push(h('p', { id: 'rz-unmapped' }, unmapped));
    report.replaceChildren(...parts);
  };

  const update = (since = performance.now()): void => romanizeLatest({ text: input.value, options: readRomanizeOptions(optionsBox, select.value, lang.value), since });

  const desc = byId('rz-scheme-desc');
  const source = byId('rz-scheme-source');
  const schemeChanged = (): void => {
    if (select.value === '') {
      optionsBox.replaceChildren(...optionControls(undefined));
      desc.textContent = `Each paragraph is romanized in its language's default scheme: ${listLanguages().map((l) => `${languageName(l)}, ${getScheme(defaultSchemeOf({ lang: l })).name}`).join('; ')}.`;
      source.textContent = '';
    } else {
      const s = scheme();
      optionsBox.replaceChildren(...optionControls(s));
      desc.textContent = select.value === OWN_SCHEME ? ownSchemeSummary() : schemeSummary(s);
      source.textContent = sourceLine(s);
    }
    update();
  };
  const languageChanged = (): void => {
    inputLabel.textContent = `${languageName(lang.value)} text`;
    if (lang.value === AUTO_LANGUAGE) input.removeAttribute('lang');
    else input.lang = lang.value;
    schemeChanged();
  };
  // A scheme file of the reader's own: loaded, it is offered in the menu and chosen.
  select.parentElement!.after(schemeFileControl('rz', select));
  setupLanguageMenu(lang, [{ select, first: (l) => (l === AUTO_LANGUAGE ? { value: '', label: "Each language's own default" } : undefined), initial: (l) => (l === AUTO_LANGUAGE ? '' : defaultSchemeOf({ lang: l })) }], { auto: true, changed: languageChanged });

  marks.addEventListener('change', () => {
    legend.hidden = !marks.checked;
    if (marks.checked) void ensureExplained();
    render();
  });
  persist(marks);
  legend.hidden = !marks.checked;

  select.addEventListener('change', schemeChanged);
  optionsBox.addEventListener('change', () => update());
  persist(input);
  input.addEventListener('input', (e) => update(e.timeStamp));

  const copy = byId('rz-copy');
  copy.addEventListener('click', () => void copyText(result, copy));
  byId('rz-download').addEventListener('click', () => downloadText(result, `romanized-${select.value === OWN_SCHEME ? scheme().id : select.value || lang.value}.txt`));
  languageChanged();
}
