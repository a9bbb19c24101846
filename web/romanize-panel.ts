// Romanize panel: live romanization with the scheme's options, copy, download, and explanations
// of each piece of output (hover or keyboard).
import { DEFAULT_SCHEME, explain, getScheme, listLanguages, listSchemes, romanize, type RomanizeOptions, type SchemeInfo, type Segment } from '../src/index.ts';
import { getLanguage } from '../src/schemes/index.ts';
import { announce, byId, copyText, debounce, downloadText, fillSelect, h, messageOf } from './dom.ts';

/** Above this many characters the result is shown without per-letter explanations (speed). */
const EXPLAIN_LIMIT = 20_000;

const humanize = (name: string): string => name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase()).toLowerCase().replace(/^./, (c) => c.toUpperCase());

/** Common options of every scheme (spec §1.9) as the page offers them. */
const common = [
  { name: 'allCaps', label: 'All-caps words', values: [['', 'scheme default'], ['upper', 'all capitals'], ['acronym', 'as acronyms'], ['auto', 'automatic']] },
  { name: 'preReform', label: 'Pre-1918 letters', values: [['', 'scheme default'], ['native', "scheme's own values"], ['modernize', 'modernise first']] },
] as const;

function optionControls(scheme: SchemeInfo): HTMLElement[] {
  const controls: HTMLElement[] = [];
  for (const [name, option] of Object.entries(scheme.options)) {
    const select = h('select', { id: `rz-opt-${name}`, 'data-option': name, ...(option.description ? { title: option.description } : {}) });
    fillSelect(select, option.values.map((v) => ({ value: v, label: v === option.default ? `${v} (default)` : v })), option.default);
    controls.push(h('div', { class: 'field' }, h('label', { for: select.id }, humanize(name)), select));
  }
  for (const c of common) {
    const select = h('select', { id: `rz-common-${c.name}`, 'data-common': c.name });
    fillSelect(select, c.values.map(([value, label]) => ({ value, label })), '');
    controls.push(h('div', { class: 'field' }, h('label', { for: select.id }, c.label), select));
  }
  for (const [name, label] of [['repairHomoglyphs', 'Repair Latin look-alikes'], ['joinLineBreakHyphens', 'Join words hyphenated at line ends']] as const) {
    controls.push(h('label', { class: 'field check' }, h('input', { type: 'checkbox', 'data-flag': name }), label));
  }
  return controls;
}

/** The options the controls describe. */
export function readRomanizeOptions(container: HTMLElement, scheme: string): RomanizeOptions {
  const options: RomanizeOptions = { scheme };
  for (const el of container.querySelectorAll<HTMLSelectElement>('select[data-option]')) options[el.dataset['option']!] = el.value;
  for (const el of container.querySelectorAll<HTMLSelectElement>('select[data-common]')) if (el.value !== '') options[el.dataset['common']!] = el.value;
  for (const el of container.querySelectorAll<HTMLInputElement>('input[data-flag]')) if (el.checked) options[el.dataset['flag']!] = true;
  return options;
}

function describeSegment(seg: Segment, schemeId: string): HTMLElement[] {
  const scheme = getScheme(schemeId);
  const rule = seg.rule === undefined ? undefined : scheme.rules.find((r) => r.id === seg.rule);
  const note = rule?.note ?? (seg.letter === undefined ? undefined : scheme.letterNotes[seg.letter]);
  const output = seg.output === '' ? 'nothing' : `“${seg.output}”`;
  const how =
    seg.rule === 'table' ? 'the letter table of the scheme'
    : seg.rule === 'exception' ? 'a whole-word exception'
    : seg.rule === undefined ? 'copied unchanged'
    : `rule ${seg.rule}`;
  const parts: HTMLElement[] = [h('p', {}, h('b', {}, `${seg.source} → ${output}`), ` — letter ${seg.letter ?? seg.source}, by ${how}`)];
  if (note !== undefined) parts.push(h('p', { class: 'rule' }, note));
  return parts;
}

/** Sets up the romanize panel. */
export function setupRomanize(): void {
  const schemes = listSchemes();
  const select = byId<HTMLSelectElement>('rz-scheme');
  const optionsBox = byId('rz-options');
  const input = byId<HTMLTextAreaElement>('rz-input');
  const output = byId('rz-output');
  const explainBox = byId('rz-explain');
  const desc = byId('rz-scheme-desc');
  let result = '';
  let segments: Segment[] = [];
  let current = -1;

  fillSelect(select, schemes.map((s) => ({ value: s.id, label: s.name })), DEFAULT_SCHEME);
  // The language: the scheme's own, one of the languages (the scheme of the same family for it,
  // docs/languages.md), or detected per paragraph.
  const lang = byId<HTMLSelectElement>('rz-lang');
  fillSelect(lang, [{ value: '', label: 'the scheme’s' }, ...listLanguages().map((id) => ({ value: id, label: `${getLanguage(id).name} (${id})` })), { value: 'auto', label: 'detect per paragraph' }], '');

  const show = (i: number): void => {
    output.querySelector('.seg.current')?.classList.remove('current');
    const seg = segments[i];
    const el = output.querySelector<HTMLElement>(`[data-i="${i}"]`);
    if (seg === undefined || el === null) return;
    current = i;
    el.classList.add('current');
    el.scrollIntoView({ block: 'nearest' });
    explainBox.replaceChildren(...describeSegment(seg, select.value));
  };

  const letterIndexes = (): number[] => segments.flatMap((s, i) => (s.letter === undefined ? [] : [i]));

  const update = (): void => {
    const options = readRomanizeOptions(optionsBox, select.value);
    if (lang.value !== '') options.lang = lang.value;
    try {
      result = romanize(input.value, options);
      segments = input.value.length <= EXPLAIN_LIMIT ? explain(input.value, options) : [];
      // An output profile (e.g. ICAO's machine-readable zone) changes the text after the rules;
      // then the pieces no longer add up to the result and are not shown.
      if (segments.map((s) => s.output).join('') !== result) segments = [];
      current = -1;
      if (segments.length === 0) {
        output.textContent = result;
      } else {
        output.replaceChildren(
          ...segments.map((s, i) => (s.letter === undefined ? s.output : h('span', { class: s.output === '' ? 'seg letter empty' : 'seg letter', 'data-i': String(i) }, s.output))),
        );
      }
      explainBox.textContent = segments.length === 0 && input.value !== '' ? (input.value.length > EXPLAIN_LIMIT ? 'Explanations are shown for texts up to 20,000 characters.' : 'This scheme’s output profile rewrites the result, so letter-by-letter explanations are not shown.') : '';
    } catch (error) {
      output.textContent = '';
      explainBox.textContent = messageOf(error);
    }
  };

  const schemeChanged = (): void => {
    const info = schemes.find((s) => s.id === select.value)!;
    optionsBox.replaceChildren(...optionControls(info));
    desc.textContent = [info.authority, info.edition].filter((x) => x !== '').join(' · ');
    update();
  };

  select.addEventListener('change', schemeChanged);
  lang.addEventListener('change', update);
  optionsBox.addEventListener('change', update);
  const slow = debounce(update, 250);
  input.addEventListener('input', () => (input.value.length > 5_000 ? slow() : update()));

  output.addEventListener('mouseover', (e) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('.seg.letter');
    if (el !== null) show(Number(el.dataset['i']));
  });
  output.addEventListener('click', (e) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('.seg.letter');
    if (el !== null) show(Number(el.dataset['i']));
  });
  output.addEventListener('focus', () => {
    if (current === -1) {
      const first = letterIndexes()[0];
      if (first !== undefined) show(first);
    }
  });
  output.addEventListener('keydown', (e) => {
    const order = letterIndexes();
    if (order.length === 0) return;
    const at = order.indexOf(current);
    let next: number | undefined;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = order[Math.min(order.length - 1, at + 1)];
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = order[Math.max(0, at - 1)];
    else if (e.key === 'Home') next = order[0];
    else if (e.key === 'End') next = order[order.length - 1];
    if (next !== undefined) {
      e.preventDefault();
      show(next);
    }
  });

  byId('rz-copy').addEventListener('click', () => void copyText(result));
  byId('rz-download').addEventListener('click', () => downloadText(result, `romanized-${select.value}.txt`));
  schemeChanged();
  announce('');
}
