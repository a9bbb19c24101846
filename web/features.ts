// The panels of reverse and convert, the manuscript checker, archival citations, bibliographies.
import { applyFixes, checkCitations, checkText, convertDetailed, DEFAULT_SCHEME, deromanizeDetailed, readDocument, type ConvertResult, listSchemes, romanizeBibtex, romanizeCsl, type CitationStyle, type DeromanizeResult, type CheckDiagnostic as Diagnostic, type VersoStyle } from '../src/index.ts';
import { defaultSchemeOf } from '../src/schemes/index.ts';
import { pageLexicon } from './lexicon.ts';
import { announce, byId, copyText, debounce, downloadText, fillSelect, h, messageOf, onTextFile, readFileText } from './dom.ts';

/** Whether the page was loaded from a latinitsa server (not the offline file): its API answers. */
let server: Promise<boolean> | undefined;
function fromServer(): Promise<boolean> {
  server ??= (async () => {
    if (location.protocol !== 'http:' && location.protocol !== 'https:') return false;
    try {
      return (await fetch('/api/schemes', { signal: AbortSignal.timeout(3000) })).ok;
    } catch {
      return false;
    }
  })();
  return server;
}

async function callApi<T>(op: string, body: unknown): Promise<T> {
  const res = await fetch(`/api/${op}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const data = (await res.json()) as T & { error?: { message: string } };
  if (!res.ok) throw new Error(data.error?.message ?? `HTTP ${res.status}`);
  return data;
}

const rankedBy = (lexicon: boolean): string =>
  lexicon ? 'Readings ranked by the latinitsa server with its word lists (words, given names, surnames).' : 'Readings ranked by letter statistics (the server has no word lists: its data/lexicon/lexicon-ru.bin is missing).';
/** The note under readings made in the browser. */
const rankedHere = (lexicon: boolean): string => (lexicon ? 'Readings ranked in the browser with the word lists (words, given names, surnames).' : 'Readings ranked by letter statistics (offline, without word lists).');

const schemeItems = (): { value: string; label: string }[] => listSchemes().map((s) => ({ value: s.id, label: s.name }));

function setupReverse(): void {
  const from = byId<HTMLSelectElement>('rv-from');
  const to = byId<HTMLSelectElement>('rv-to');
  const input = byId<HTMLTextAreaElement>('rv-input');
  const output = byId('rv-output');
  const words = byId('rv-words');
  const note = byId('rv-note');
  fillSelect(from, schemeItems(), defaultSchemeOf({ use: 'citation' }));
  for (const s of schemeItems()) to.append(h('option', { value: s.value }, s.label));
  let result = '';
  let seq = 0;

  const render = (r: DeromanizeResult, ranked: string): void => {
    result = r.text;
    output.textContent = r.text;
    note.textContent = ranked;
    words.replaceChildren(
      ...r.words.map((w) => {
        if (!w.converted) return h('li', {}, h('span', { lang: 'en' }, w.source), ` — left as written (${w.reason.replace('-', ' ')})`);
        const alternatives = w.candidates.slice(1).map((c) => `${c.text} (${c.score.toFixed(1)})`).join(', ');
        return h(
          'li',
          {},
          `${w.source} → `,
          h('b', { lang: 'ru' }, w.output),
          ' ',
          h('span', { class: w.certain ? 'certain' : 'uncertain' }, w.certain ? 'certain' : 'uncertain'),
          ...(w.candidates[0]?.attested.length ? [` · ${w.candidates[0].attested.join(', ')}`] : []),
          ...(alternatives === '' ? [] : [h('br'), h('span', { class: 'hint' }, 'Other readings: ', h('span', { lang: 'ru' }, alternatives))]),
        );
      }),
    );
  };

  const renderConverted = (r: ConvertResult, ranked: string): void => {
    result = r.text;
    output.textContent = r.text;
    note.textContent = ranked;
    words.replaceChildren(
      ...r.words.map((w) => {
        if (!w.converted) return h('li', {}, h('span', { lang: 'en' }, w.source), ' — left as written');
        const alternatives = w.alternatives.filter((a) => a.cyrillic !== w.cyrillic).map((a) => `${a.output} (${a.cyrillic})`).join(', ');
        return h(
          'li',
          {},
          `${w.source} → `,
          h('b', {}, w.output),
          ...(w.cyrillic === undefined ? [] : [' (', h('span', { lang: 'ru' }, w.cyrillic), ') ']),
          h('span', { class: w.certain ? 'certain' : 'uncertain' }, w.certain ? 'certain' : 'uncertain'),
          ...(alternatives === '' ? [] : [h('br'), h('span', { class: 'hint' }, `Other readings: ${alternatives}`)]),
        );
      }),
    );
  };

  const update = async (): Promise<void> => {
    const mine = ++seq;
    const text = input.value;
    const scheme = from.value;
    const onServer = await fromServer();
    if (to.isConnected && to.value !== '') {
      const target = to.value;
      try {
        if (onServer) {
          const r = await callApi<ConvertResult & { lexicon: boolean }>('convert', { text, from: scheme, to: target });
          if (mine === seq) renderConverted(r, rankedBy(r.lexicon));
          return;
        }
      } catch {
        // Fall back to the browser.
      }
      const lexicon = pageLexicon(later);
      if (mine === seq) renderConverted(convertDetailed(text, { from: scheme, to: target, ...(lexicon === undefined ? {} : { lexicon }) }), rankedHere(lexicon !== undefined));
      return;
    }
    try {
      if (onServer) {
        // The server ranks with its lexicon; without a server the page fetches the lexicon beside it.
        const r = await callApi<DeromanizeResult & { lexicon: boolean }>('deromanize', { text, scheme });
        if (mine === seq) render(r, rankedBy(r.lexicon));
        return;
      }
    } catch {
      // Fall back to the browser.
    }
    const lexicon = pageLexicon(later);
    if (mine === seq) render(deromanizeDetailed(text, { scheme, ...(lexicon === undefined ? {} : { lexicon }) }), rankedHere(lexicon !== undefined));
  };
  const later = debounce(() => void update().catch((e: unknown) => (output.textContent = messageOf(e))), 200);
  input.addEventListener('input', later);
  from.addEventListener('change', later);
  to.addEventListener('change', later);
  byId('rv-copy').addEventListener('click', () => void copyText(result));
  void update();
}

type Format = 'text' | 'markdown' | 'docx';

function setupCheck(): void {
  const file = byId<HTMLInputElement>('ck-file');
  const scheme = byId<HTMLSelectElement>('ck-scheme');
  const input = byId<HTMLTextAreaElement>('ck-input');
  const marked = byId('ck-marked');
  const list = byId('ck-findings');
  const status = byId('ck-status');
  const acceptAll = byId<HTMLButtonElement>('ck-accept-all');
  const download = byId<HTMLButtonElement>('ck-download');
  const notesScheme = byId<HTMLSelectElement>('ck-notes-scheme');
  const allow = byId<HTMLInputElement>('ck-allow');
  for (const s of schemeItems()) {
    scheme.append(h('option', { value: s.value }, s.label));
    notesScheme.append(h('option', { value: s.value }, s.label));
  }
  scheme.value = DEFAULT_SCHEME;
  let format: Format = 'text';
  let name = 'manuscript.txt';
  let checked = '';
  let findings: Diagnostic[] = [];
  const accepted = new Set<number>();

  const fixedText = (): string => applyFixes(checked, findings.filter((_, i) => accepted.has(i)));

  const renderMarked = (): void => {
    const parts: (Node | string)[] = [];
    let at = 0;
    const order = findings.map((d, i) => [d, i] as const).sort((a, b) => a[0].place.start.offset - b[0].place.start.offset);
    for (const [d, i] of order) {
      const [start, end] = [d.place.start.offset, d.place.end.offset];
      if (start < at) continue;
      parts.push(checked.slice(at, start));
      const done = accepted.has(i) && d.fix !== undefined;
      parts.push(h('mark', { id: `ck-mark-${i}`, class: done ? 'fixed' : '', tabindex: '-1', title: d.reason }, done ? d.fix!.text : checked.slice(start, end)));
      at = end;
    }
    parts.push(checked.slice(at));
    marked.replaceChildren(...parts);
    byId('ck-marked-box').hidden = false;
  };

  const renderList = (): void => {
    list.replaceChildren(
      ...findings.map((d, i) => {
        const li = h('li', {}, h('span', { class: 'where' }, `line ${d.place.start.line}, column ${d.place.start.column} · ${d.ruleId}`), h('br'), d.reason);
        if (d.note !== undefined) li.append(h('br'), h('span', { class: 'hint' }, d.note));
        const row = h('div', { class: 'buttons' });
        const show = h('button', { type: 'button' }, 'Show in text');
        show.addEventListener('click', () => {
          const m = byId(`ck-mark-${i}`);
          m.scrollIntoView({ block: 'center' });
          m.focus();
        });
        row.append(show);
        if (d.fix !== undefined) {
          if (accepted.has(i)) {
            row.append(h('span', { class: 'accepted' }, `Fixed: ${d.fix.text}`));
          } else {
            const accept = h('button', { type: 'button', class: 'primary' }, `Accept fix: ${d.actual} → ${d.fix.text}`);
            accept.addEventListener('click', () => {
              accepted.add(i);
              refresh();
              announce(`Fixed ${d.actual} to ${d.fix!.text}`);
              // Keep keyboard focus in the list: on the next fix, or on the list itself.
              (list.querySelector<HTMLButtonElement>('button.primary') ?? list).focus();
            });
            row.append(accept);
          }
        }
        li.append(row);
        return li;
      }),
    );
    list.tabIndex = -1;
  };

  const refresh = (): void => {
    renderMarked();
    renderList();
    const open = findings.filter((d, i) => d.fix !== undefined && !accepted.has(i)).length;
    acceptAll.disabled = open === 0;
    download.disabled = findings.length === 0 && checked === '';
    status.textContent = findings.length === 0 ? 'No findings.' : `${findings.length} finding${findings.length === 1 ? '' : 's'}, ${accepted.size} fixed.`;
  };

  const run = async (): Promise<void> => {
    status.textContent = 'Checking…';
    accepted.clear();
    try {
      const allowed = allow.value.split(',').map((w) => w.trim()).filter((w) => w !== '');
      const options = {
        ...(scheme.value === '' ? {} : { scheme: scheme.value }),
        ...(notesScheme.value === '' ? {} : { notesScheme: notesScheme.value }),
        ...(allowed.length === 0 ? {} : { allow: allowed }),
      };
      checked = input.value;
      const { regions } = readDocument({ text: checked, format: format === 'markdown' ? 'markdown' : 'text' });
      findings = checkText(checked, { ...options, regions });
      refresh();
    } catch (error) {
      status.textContent = messageOf(error);
    }
  };

  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (f === undefined) return;
    name = f.name;
    try {
      if (/\.docx$/i.test(f.name)) {
        if (!(await fromServer())) {
          status.textContent = 'Reading .docx needs the latinitsa server (npm start); save the file as .txt or .md to check it here.';
          return;
        }
        const bytes = new Uint8Array(await f.arrayBuffer());
        let binary = '';
        for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        status.textContent = 'Reading the .docx…';
        const r = await callApi<{ text: string }>('check', { format: 'docx', data: btoa(binary), file: f.name });
        // Paragraphs become lines; the fixed text downloads as plain text.
        input.value = r.text;
        format = 'text';
        name = f.name.replace(/\.docx$/i, '.txt');
      } else {
        input.value = await readFileText(f);
        format = /\.(md|markdown)$/i.test(f.name) ? 'markdown' : 'text';
      }
      await run();
    } catch (error) {
      status.textContent = messageOf(error);
    }
  });
  byId('ck-run').addEventListener('click', () => void run());
  acceptAll.addEventListener('click', () => {
    findings.forEach((d, i) => d.fix !== undefined && accepted.add(i));
    refresh();
    announce('All fixes accepted');
  });
  download.addEventListener('click', () => downloadText(fixedText(), name.replace(/(\.[^.]*)?$/, '-fixed$1')));
  input.addEventListener('input', () => {
    byId('ck-marked-box').hidden = true;
    status.textContent = 'Text changed: press Check.';
  });
}

function setupCite(): void {
  const controls = byId('ct-controls');
  const style = h('select', { id: 'ct-style' });
  fillSelect(style, [{ value: 'english', label: 'English (RGASPI, f. 17, op. 3, d. 703, l. 5)' }, { value: 'russian', label: 'Russian (РГАСПИ. Ф. 17. Оп. 3. Д. 703. Л. 5)' }, { value: 'numbers', label: 'Numbers only (RGASPI 17, 3, 703, 5)' }], 'english');
  const verso = h('select', { id: 'ct-verso' });
  fillSelect(verso, [{ value: 'ob-attached', label: '5ob.' }, { value: 'ob-spaced', label: '5 ob.' }, { value: 'v', label: '5v' }], 'ob-attached');
  const file = h('input', { type: 'file', id: 'ct-file', accept: '.txt,.md,.markdown,text/plain,text/markdown' });
  controls.append(
    h('div', { class: 'field' }, h('label', { for: file.id }, 'File (.txt, .md)'), file),
    h('div', { class: 'field' }, h('label', { for: style.id }, 'Style'), style),
    h('div', { class: 'field' }, h('label', { for: verso.id }, 'Verso'), verso),
  );
  const input = byId<HTMLTextAreaElement>('ct-input');
  let format: 'text' | 'markdown' = 'text';
  let name = 'citations.txt';
  const output = byId('ct-output');
  const problems = byId('ct-problems');
  let result = '';
  const update = (): void => {
    try {
      const r = checkCitations(input.value, { format, style: style.value as CitationStyle, versoStyle: verso.value as VersoStyle });
      result = r.fixed;
      output.textContent = r.fixed;
      const errors = r.diagnostics.filter((d) => d.severity === 'error');
      problems.replaceChildren(...errors.map((d) => h('li', {}, `“${input.value.slice(d.place!.start.offset, d.place!.end.offset)}”: ${d.reason}`)));
      byId('ct-summary').textContent = `${r.references.length} reference${r.references.length === 1 ? '' : 's'} found; ${r.references.filter((x) => x.replacement !== undefined).length} rewritten; ${errors.length} malformed (left as written).`;
    } catch (error) {
      output.textContent = messageOf(error);
    }
  };
  onTextFile(
    file,
    (text, fileName) => {
      input.value = text;
      name = fileName;
      format = /\.(md|markdown)$/i.test(fileName) ? 'markdown' : 'text';
      update();
    },
    (message) => (byId('ct-summary').textContent = message),
  );
  input.addEventListener('input', debounce(update, 120));
  style.addEventListener('change', update);
  verso.addEventListener('change', update);
  byId('ct-copy').addEventListener('click', () => void copyText(result));
  byId('ct-download').addEventListener('click', () => downloadText(result, name.replace(/(\.[^.]*)?$/, '-normalised$1')));
  update();
}

function setupBib(): void {
  const file = byId<HTMLInputElement>('bb-file');
  const scheme = byId<HTMLSelectElement>('bb-scheme');
  const keep = byId<HTMLInputElement>('bb-keep');
  const input = byId<HTMLTextAreaElement>('bb-input');
  const output = byId('bb-output');
  const status = byId('bb-status');
  fillSelect(scheme, schemeItems(), defaultSchemeOf({ use: 'citation' }));
  let name = 'bibliography.bib';
  let result = '';
  const update = (): void => {
    const text = input.value;
    const csl = /^\s*[[{]/.test(text) && !/^\s*@/.test(text);
    try {
      const r = (csl ? romanizeCsl : romanizeBibtex)(text, { scheme: scheme.value, keepOriginal: keep.checked });
      result = r.output;
      output.textContent = r.output;
      status.textContent = `${csl ? 'CSL-JSON' : 'BibTeX'}: ${r.changes.length} field${r.changes.length === 1 ? '' : 's'} romanized; everything else unchanged.${r.diagnostics.length ? ` ${r.diagnostics.map((d) => d.reason).join(' ')}` : ''}`;
    } catch (error) {
      result = '';
      output.textContent = '';
      status.textContent = messageOf(error);
    }
  };
  onTextFile(
    file,
    (text, fileName) => {
      input.value = text;
      name = fileName;
      update();
    },
    (message) => (status.textContent = message),
  );
  input.addEventListener('input', debounce(update, 200));
  scheme.addEventListener('change', update);
  keep.addEventListener('change', update);
  byId('bb-copy').addEventListener('click', () => void copyText(result));
  byId('bb-download').addEventListener('click', () => downloadText(result, name.replace(/(\.[^.]*)?$/, '-romanized$1')));
  update();
}

/** Sets up the panels of the features that exist. */
export function setupFeaturePanels(): void {
  setupReverse();
  setupCheck();
  setupCite();
  setupBib();
  void fromServer().then((onServer) => {
    if (onServer) byId('api-note').textContent = ' (except reverse readings and .docx files, which go to the latinitsa server that served this page)';
  });
}
