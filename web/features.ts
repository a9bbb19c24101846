// The panels beside Romanize: reverse and convert (web/reverse-panel.ts), the manuscript checker
// (web/check-panel.ts), archival citations and bibliographies (here).
import { checkCitations, romanizeBibtex, romanizeCsl, type CitationStyle, type VersoStyle } from '../src/index.ts';
import { defaultSchemeOf } from '../src/schemes/index.ts';
import { setupCheck } from './check-panel.ts';
import { byId, copyText, debounce, downloadText, fillSelect, h, messageOf, onNewText, onTextFile } from './dom.ts';
import { withLayout, type TextLayout } from './text-layout.ts';
import type { Engine } from './engine.ts';
import { setupReverse } from './reverse-panel.ts';
import { setupLanguageMenu, setupSchemeMenu } from './language-menu.ts';
import { schemeValue } from './own-scheme.ts';
import { schemeFileControl } from './scheme-file-control.ts';
import { persist } from './state.ts';

function setupCite(): void {
  const controls = byId('ct-controls');
  const style = h('select', { id: 'ct-style' });
  fillSelect(style, [{ value: 'english', label: 'English (RGASPI, f. 17, op. 3, d. 703, l. 5)' }, { value: 'russian', label: 'Russian (РГАСПИ. Ф. 17. Оп. 3. Д. 703. Л. 5)' }, { value: 'numbers', label: 'Numbers only (RGASPI 17, 3, 703, 5)' }], 'english');
  const verso = h('select', { id: 'ct-verso' });
  fillSelect(verso, [{ value: 'ob-attached', label: '5ob.' }, { value: 'ob-spaced', label: '5 ob.' }, { value: 'v', label: '5v' }], 'ob-attached');
  // The scheme for acronyms not in the table and letters in identifiers, as `cite --scheme` or
  // `--scheme-file` (docs/citations.md): the Russian schemes, the citation scheme first chosen.
  const scheme = h('select', { id: 'ct-scheme' });
  const file = h('input', { type: 'file', id: 'ct-file', accept: '.txt,.md,.markdown,text/plain,text/markdown' });
  controls.append(
    h('div', { class: 'field' }, h('label', { for: file.id }, 'File (.txt, .md)'), file),
    h('div', { class: 'field' }, h('label', { for: style.id }, 'Style'), style),
    h('div', { class: 'field' }, h('label', { for: verso.id }, 'Verso'), verso),
    h('div', { class: 'field' }, h('label', { for: scheme.id }, 'Scheme'), scheme),
    schemeFileControl('ct', scheme),
  );
  setupSchemeMenu({ select: scheme, initial: () => defaultSchemeOf({ use: 'citation' }) });
  const input = byId<HTMLTextAreaElement>('ct-input');
  for (const el of [style, verso, input]) persist(el);
  let format: 'text' | 'markdown' = 'text';
  let name = 'citations.txt';
  // The line ends and byte-order mark of the file read, given back in the download.
  let layout: TextLayout | undefined;
  const output = byId('ct-output');
  const problems = byId('ct-problems');
  let result = '';
  const update = (): void => {
    try {
      const r = checkCitations(input.value, { format, style: style.value as CitationStyle, versoStyle: verso.value as VersoStyle, scheme: schemeValue(scheme.value) });
      result = r.fixed;
      output.textContent = r.fixed;
      const errors = r.diagnostics.filter((d) => d.severity === 'error');
      problems.replaceChildren(...errors.map((d) => h('li', {}, `“${input.value.slice(d.place!.start.offset, d.place!.end.offset)}”: ${d.reason}`)));
      byId('ct-summary').textContent = `${r.references.length} reference${r.references.length === 1 ? '' : 's'} found; ${r.references.filter((x) => x.replacement !== undefined).length} rewritten; ${errors.length} malformed (left as written).`;
    } catch (error) {
      output.textContent = messageOf(error);
    }
  };
  // A new text pasted or typed over a file's is not that file: plain text, named and laid out as typed.
  const loaded = onNewText(input, () => {
    format = 'text';
    name = 'citations.txt';
    layout = undefined;
  });
  onTextFile(
    file,
    (text, fileName, fileLayout) => {
      input.value = text;
      loaded();
      name = fileName;
      layout = fileLayout;
      format = /\.(md|markdown)$/i.test(fileName) ? 'markdown' : 'text';
      update();
    },
    (message) => (byId('ct-summary').textContent = message),
  );
  input.addEventListener('input', debounce(update, 120));
  for (const el of [style, verso, scheme]) el.addEventListener('change', update);
  const copy = byId('ct-copy');
  copy.addEventListener('click', () => void copyText(result, copy));
  byId('ct-download').addEventListener('click', () => downloadText(withLayout(result, layout), name.replace(/(\.[^.]*)?$/, '-normalised$1')));
  update();
}

function setupBib(): void {
  const file = byId<HTMLInputElement>('bb-file');
  const scheme = byId<HTMLSelectElement>('bb-scheme');
  const keep = byId<HTMLInputElement>('bb-keep');
  const input = byId<HTMLTextAreaElement>('bb-input');
  const output = byId('bb-output');
  const status = byId('bb-status');
  const lang = byId<HTMLSelectElement>('bb-lang');
  for (const el of [keep, input]) persist(el);
  // A scheme file of the reader's own: loaded, it is offered in the menu and chosen.
  scheme.parentElement!.after(schemeFileControl('bb', scheme));
  // The file's name; typed or pasted text is named by its format (CSL-JSON is .json).
  let name: string | undefined;
  let csl = false;
  // The line ends and byte-order mark of the file read, given back in the download.
  let layout: TextLayout | undefined;
  let result = '';
  const update = (): void => {
    const text = input.value;
    csl = /^\s*[[{]/.test(text) && !/^\s*@/.test(text);
    try {
      const r = (csl ? romanizeCsl : romanizeBibtex)(text, { scheme: schemeValue(scheme.value), keepOriginal: keep.checked });
      result = r.output;
      output.textContent = r.output;
      status.textContent = `${csl ? 'CSL-JSON' : 'BibTeX'}: ${r.changes.length} field${r.changes.length === 1 ? '' : 's'} romanized; everything else unchanged.${r.diagnostics.length ? ` ${r.diagnostics.map((d) => d.reason).join(' ')}` : ''}`;
    } catch (error) {
      result = '';
      output.textContent = '';
      status.textContent = messageOf(error);
    }
  };
  const loaded = onNewText(input, () => {
    name = undefined;
    layout = undefined;
  });
  onTextFile(
    file,
    (text, fileName, fileLayout) => {
      input.value = text;
      loaded();
      name = fileName;
      layout = fileLayout;
      update();
    },
    (message) => (status.textContent = message),
  );
  input.addEventListener('input', debounce(update, 200));
  scheme.addEventListener('change', update);
  keep.addEventListener('change', update);
  setupLanguageMenu(lang, [{ select: scheme, initial: (l) => defaultSchemeOf({ lang: l, use: 'citation' }) }], { auto: false, changed: update });
  const copy = byId('bb-copy');
  copy.addEventListener('click', () => void copyText(result, copy));
  byId('bb-download').addEventListener('click', () => downloadText(withLayout(result, layout), (name ?? (csl ? 'bibliography.json' : 'bibliography.bib')).replace(/(\.[^.]*)?$/, '-romanized$1')));
  update();
}

/** Sets up the panels; `engine` runs the live work off the main thread. */
export function setupFeaturePanels(engine: Engine): void {
  setupReverse(engine);
  setupCheck();
  setupCite();
  setupBib();
}
