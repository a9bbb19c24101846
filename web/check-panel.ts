// Check-a-manuscript panel: findings highlighted in the text and listed in plain words, each with
// how sure the checker is. Fixes change the text in the text box itself, one by one (accept, keep
// as written, undo); "Apply certain fixes" applies only those the checker rates certain. The
// reader's own edits are never overwritten: findings move with them (web/check-fixes.ts).
// A .docx is read here, in the browser, by the one document reader `latinitsa check` and the
// server use (src/document; its zip inflated with the browser's DecompressionStream instead of
// Node's zlib): its footnotes and endnotes are notes, as the command reads them, and stay notes
// through the reader's edits (its regions move with them). The page cannot write a .docx back
// (that needs Node: `check --fix`), and says so.
import { checkText, readDocument, type CheckDiagnostic } from '../src/index.ts';
import { documentFormatOf, readDocxPartsAsync, type Region } from '../src/document/index.ts';
import { AS_FILE, boxFormat, boxFormats, formatItems, isNewText, type BoxFormat } from './check-format.ts';
import { accept, acceptCertain, diff, findingsOf, isCertain, moveRegions, rebase, setRejected, undo, type Finding } from './check-fixes.ts';
import { announce, byId, downloadText, fillSelect, h, messageOf, readFileText } from './dom.ts';
import { callApi, fromServer } from './server.ts';
import { setupLanguageMenu } from './language-menu.ts';
import { definitionValue, schemeValue } from './own-scheme.ts';
import { schemeFileControl } from './scheme-file-control.ts';
import { persist } from './state.ts';
import { keep, recall } from './storage.ts';
import { confidenceLabel, findingLabel } from './wording.ts';

/** Where the format of the file whose text is in the box is kept. */
const FILE_FORMAT = 'ck-file-format';
/** Texts longer than this are not shown again with highlights (the list still works). */
const MARK_LIMIT = 300_000;

/** 1-based lines and columns of offsets of a text, in one pass over it (findings move as the text changes). */
function places(text: string, offsets: readonly number[]): { line: number; column: number }[] {
  const out: { line: number; column: number }[] = new Array(offsets.length);
  const order = offsets.map((_, i) => i).sort((a, b) => offsets[a]! - offsets[b]!);
  let line = 1;
  let lineStart = 0;
  let at = 0;
  for (const i of order) {
    const offset = offsets[i]!;
    for (; at < offset; at++) {
      if (text.charCodeAt(at) === 10) {
        line++;
        lineStart = at + 1;
      }
    }
    out[i] = { line, column: offset - lineStart + 1 };
  }
  return out;
}

/** Sets up the check panel. */
export function setupCheck(): void {
  const file = byId<HTMLInputElement>('ck-file');
  const formatMenu = byId<HTMLSelectElement>('ck-format');
  const scheme = byId<HTMLSelectElement>('ck-scheme');
  const notesScheme = byId<HTMLSelectElement>('ck-notes-scheme');
  const allow = byId<HTMLInputElement>('ck-allow');
  const input = byId<HTMLTextAreaElement>('ck-input');
  const marked = byId('ck-marked');
  const list = byId('ck-findings');
  const status = byId('ck-status');
  const applyCertain = byId<HTMLButtonElement>('ck-accept-certain');
  const download = byId<HTMLButtonElement>('ck-download');
  const downloadNote = byId('ck-download-note');
  // The schemes of the manuscript's language (each scheme carries its language to the checker).
  // The house scheme starts at none, as `latinitsa check` does: a scheme the reader did not
  // choose would flag every spelling outside it (docs/web.md); the reader's choice is kept.
  setupLanguageMenu(
    byId<HTMLSelectElement>('ck-lang'),
    [
      { select: scheme, first: () => ({ value: '', label: 'none (group variants only)' }), initial: () => '' },
      {
        select: notesScheme,
        // '' lets the checker find a precise system the notes follow; `same` keeps them with the text (docs/check.md).
        first: () => [
          { value: '', label: 'as written (found in the notes)' },
          { value: 'same', label: 'same as the text' },
        ],
        initial: () => '',
      },
    ],
    { auto: false, changed: () => {} },
  );
  // A scheme file of the reader's own: loaded, it becomes the house scheme (the notes menu offers it too).
  notesScheme.parentElement!.after(schemeFileControl('ck', scheme));
  for (const el of [allow, input]) persist(el);
  /**
   * The format of the text file opened into the box, by its name, while its text is there
   * (web/check-format.ts; a .docx is `docx` below). Kept with the text, so that a reload reads it
   * as before (a .docx's regions are not kept).
   */
  let fileFormat: BoxFormat | undefined = boxFormats.find((f) => f === recall(FILE_FORMAT));
  const setFileFormat = (f: BoxFormat | undefined): void => {
    fileFormat = f;
    keep(FILE_FORMAT, f ?? '');
  };
  /** Sets the "Read as" menu as the reader would (kept). */
  const choose = (value: string): void => {
    formatMenu.value = value;
    keep(formatMenu.id, value);
  };
  let name = 'manuscript.txt';
  let findings: Finding[] = [];
  /** The text as the findings know it (the text box may be ahead of it by the reader's edits). */
  let known = input.value;
  let checkedOnce = false;
  /**
   * A .docx read: the prose regions of its text (running text, notes), its italics, and the text
   * they are offsets into. Moved through every change of the text; dropped when the reader makes
   * it a new text (`isNewText`).
   */
  let docx: { text: string; regions: Region[]; emphasis: Array<[number, number]> } | undefined;

  /**
   * What the page's own checker reads a text with (opened from disk): a .docx's regions and
   * italics as moved through the edits, else the text read in its format, as `latinitsa check` reads it.
   */
  const inPage = (text: string): { regions: Region[]; emphasis?: Array<[number, number]> } => {
    if (docx !== undefined) return { regions: docx.regions, emphasis: docx.emphasis };
    const doc = readDocument({ text, format: format() });
    return { regions: doc.regions, ...(doc.emphasis === undefined ? {} : { emphasis: doc.emphasis }) };
  };

  /** The format the box's text is read in now. */
  const format = (): BoxFormat => boxFormat(formatMenu.value, fileFormat);
  /** Refills the "Read as" menu (its first entry names the file's format); off while a .docx is in the box, which is read as one. */
  const fillFormat = (): void => {
    fillSelect(formatMenu, formatItems(docx === undefined ? fileFormat : 'docx'), formatMenu.value);
    formatMenu.disabled = docx !== undefined;
  };
  fillFormat();
  persist(formatMenu);

  /** Moves the .docx's regions and italics to the text box's new text. */
  const follow = (text: string): void => {
    if (docx === undefined) return;
    const edit = diff(docx.text, text);
    if (edit === undefined) return;
    // Italic spans move as regions do (text typed inside or right after one is italic too).
    const emphasis = moveRegions(docx.emphasis.map(([start, end]) => ({ start, end })), edit).map(({ start, end }): [number, number] => [start, end]);
    docx = { text, regions: moveRegions(docx.regions, edit), emphasis };
  };

  const setText = (text: string): void => {
    follow(text);
    const { selectionStart, selectionEnd, scrollTop } = input;
    input.value = text;
    input.setSelectionRange(Math.min(selectionStart, text.length), Math.min(selectionEnd, text.length));
    input.scrollTop = scrollTop;
    known = text;
    // Kept like typing (state.ts listens for input).
    input.dispatchEvent(new Event('input'));
  };

  const renderMarked = (): void => {
    const box = byId('ck-marked-box');
    if (!checkedOnce || known.length > MARK_LIMIT) {
      box.hidden = true;
      return;
    }
    const parts: (Node | string)[] = [];
    let at = 0;
    const order = findings.map((f, i) => [f, i] as const).filter(([f]) => f.status !== 'stale').sort((a, b) => a[0].range[0] - b[0].range[0]);
    for (const [f, i] of order) {
      const [start, end] = f.range;
      if (start < at) continue;
      parts.push(known.slice(at, start));
      parts.push(h('mark', { id: `ck-mark-${i}`, class: f.status, tabindex: '-1', title: f.diagnostic.reason }, known.slice(start, end)));
      at = end;
    }
    parts.push(known.slice(at));
    marked.replaceChildren(...parts);
    box.hidden = false;
  };

  const act = (i: number, change: () => void, message: string): void => {
    change();
    refresh();
    announce(message);
    // Keep keyboard focus in the list: on this finding's first button.
    (list.children[i]?.querySelector<HTMLButtonElement>('.buttons button:not(.show)') ?? list).focus();
  };

  const renderList = (): void => {
    const where = places(known, findings.map((f) => f.range[0]));
    list.replaceChildren(
      ...findings.map((f, i) => {
        const d = f.diagnostic;
        const { line, column } = where[i]!;
        const confidence = confidenceLabel(d);
        const li = h(
          'li',
          { class: f.status },
          h('span', { class: 'where' }, `Line ${line}, column ${column} · ${findingLabel(d.ruleId)}`),
          ...(d.fix === undefined ? [] : [' ', h('span', { class: `badge ${confidence.replace(' ', '-')}`, title: 'How sure the checker is of the fix' }, confidence)]),
          h('br'),
          d.reason,
        );
        if (d.note !== undefined) li.append(h('br'), h('span', { class: 'hint' }, d.note));
        const row = h('div', { class: 'buttons' });
        if (f.status !== 'stale') {
          const show = h('button', { type: 'button', class: 'show' }, 'Show in text');
          show.addEventListener('click', () => {
            const m = document.getElementById(`ck-mark-${i}`);
            m?.scrollIntoView({ block: 'center' });
            m?.focus();
          });
          row.append(show);
        }
        const fixText = d.fix?.text ?? '';
        if (f.status === 'stale') {
          row.append(h('span', { class: 'hint' }, 'The text here has changed since the check: press Check again.'));
        } else if (f.status === 'fixed') {
          const undoButton = h('button', { type: 'button' }, 'Undo');
          undoButton.addEventListener('click', () => act(i, () => ({ text: known, findings } = applyState(undo(known, findings, i))), `Undid the fix of ${d.actual ?? ''}`));
          row.append(h('span', { class: 'accepted' }, `Fixed: ${fixText}`), undoButton);
        } else if (f.status === 'rejected') {
          const reopen = h('button', { type: 'button' }, 'Undo');
          reopen.addEventListener('click', () => act(i, () => (findings = setRejected(findings, i, false)), 'Finding open again'));
          row.append(h('span', { class: 'kept' }, 'Kept as written'), reopen);
        } else {
          if (d.fix !== undefined) {
            const acceptButton = h('button', { type: 'button', class: 'primary' }, `Accept fix: ${known.slice(...(f.fixRange ?? f.range))} → ${fixText}`);
            acceptButton.addEventListener('click', () => act(i, () => ({ text: known, findings } = applyState(accept(known, findings, i))), `Fixed ${d.actual ?? ''} to ${fixText}`));
            row.append(acceptButton);
          }
          const keepButton = h('button', { type: 'button' }, 'Keep as written');
          keepButton.addEventListener('click', () => act(i, () => (findings = setRejected(findings, i, true)), `Kept ${d.actual ?? ''} as written`));
          row.append(keepButton);
        }
        li.append(row);
        return li;
      }),
    );
    list.tabIndex = -1;
  };

  /** Puts a new text from a fix into the text box; returns the state for destructuring. */
  function applyState(state: { text: string; findings: Finding[] }): { text: string; findings: Finding[] } {
    if (state.text !== input.value) setText(state.text);
    return state;
  }

  const refresh = (): void => {
    renderMarked();
    renderList();
    const count = (s: Finding['status']): number => findings.filter((f) => f.status === s).length;
    const certain = findings.filter((f) => f.status === 'open' && isCertain(f.diagnostic)).length;
    applyCertain.disabled = certain === 0;
    applyCertain.textContent = certain === 0 ? 'Apply certain fixes' : `Apply ${certain} certain fix${certain === 1 ? '' : 'es'}`;
    applyCertain.title = certain === 0 && findings.some((f) => f.status === 'open' && f.diagnostic.fix !== undefined) ? 'No fix here is rated certain: accept them one by one.' : '';
    // A .docx cannot be written back from here: no download that would lose its formatting.
    download.hidden = docx !== undefined;
    downloadNote.hidden = docx === undefined;
    download.disabled = input.value === '';
    if (!checkedOnce) return;
    const stale = count('stale');
    status.textContent =
      findings.length === 0
        ? 'No findings.'
        : `${findings.length} finding${findings.length === 1 ? '' : 's'}: ${count('fixed')} fixed, ${count('rejected')} kept as written, ${count('open')} open${stale ? `, ${stale} out of date (press Check again)` : ''}.`;
  };

  const run = async (): Promise<void> => {
    status.textContent = 'Checking…';
    try {
      const allowed = allow.value.split(',').map((w) => w.trim()).filter((w) => w !== '');
      // A scheme of one's own goes to the library loaded, to the server as its definition.
      const options = (value: (menu: string) => unknown) => ({
        ...(scheme.value === '' ? {} : { scheme: value(scheme.value) }),
        ...(notesScheme.value === '' ? {} : { notesScheme: notesScheme.value === 'same' ? 'same' : value(notesScheme.value) }),
        ...(allowed.length === 0 ? {} : { allow: allowed }),
      });
      const text = input.value;
      // A .docx is checked with its regions and italics as read (its notes stay notes), here or
      // on the server, which checks them as it checks a .docx it reads itself.
      const read = docx === undefined ? { format: format() } : { format: 'text', regions: docx.regions, emphasis: docx.emphasis };
      // Served by latinitsa, the server checks with its lexicon, as `latinitsa check` does, so the
      // confidences are the command's; opened from disk, the page checks without it.
      const found = findingsOf(
        (await fromServer())
          ? (await callApi<{ diagnostics: CheckDiagnostic[] }>('check', { text, ...read, ...options(definitionValue) })).diagnostics
          : checkText(text, { ...(options(schemeValue) as Parameters<typeof checkText>[1]), ...inPage(text) }),
      );
      // The reader may have typed while the worker checked: the findings move with those edits.
      const edit = diff(text, input.value);
      findings = edit === undefined ? found : rebase(found, edit, text);
      known = input.value;
      checkedOnce = true;
      refresh();
    } catch (error) {
      status.textContent = messageOf(error);
    }
  };

  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (f === undefined) return;
    name = f.name;
    docx = undefined;
    const byName = documentFormatOf(f.name);
    try {
      if (byName === 'docx') {
        status.textContent = 'Reading the .docx…';
        // Read in the page also when the server is there: one way of reading for both, the file
        // itself is never sent (only its text, to be checked with the lexicon), and a file with
        // pictures is not refused by the server's limit on a request's size (4 MiB, base64 in JSON).
        const doc = readDocument({ docx: await readDocxPartsAsync(new Uint8Array(await f.arrayBuffer()), { file: f.name }) });
        // Paragraphs become lines, the footnotes and endnotes after the body, as notes.
        setText(doc.text);
        docx = { text: doc.text, regions: doc.regions, emphasis: doc.emphasis ?? [] };
        choose(AS_FILE);
        name = f.name.replace(/\.docx$/i, '.txt');
      } else {
        setText(await readFileText(f));
      }
      setFileFormat(byName === 'docx' ? undefined : byName);
      fillFormat();
      await run();
    } catch (error) {
      status.textContent = messageOf(error);
    }
  });
  byId('ck-run').addEventListener('click', () => void run());
  applyCertain.addEventListener('click', () => {
    const r = acceptCertain(known, findings);
    applyState(r);
    ({ text: known, findings } = r);
    refresh();
    announce(`${r.applied} certain fix${r.applied === 1 ? '' : 'es'} applied`);
  });
  download.addEventListener('click', () => downloadText(input.value, name.replace(/(\.[^.]*)?$/, '-fixed$1')));
  // Whether the reader's next paste or keystroke replaces the whole text (it is selected).
  let wholeSelected = false;
  input.addEventListener('beforeinput', () => {
    wholeSelected = input.selectionStart === 0 && input.selectionEnd === input.value.length;
  });
  // The reader's edits: findings move with the text; those whose words changed go out of date.
  // A new text pasted or typed over a file's is not that file: read as plain text, unless chosen.
  input.addEventListener('input', () => {
    const edit = diff(known, input.value);
    if ((docx !== undefined || fileFormat !== undefined) && isNewText(edit, known, wholeSelected)) {
      docx = undefined;
      setFileFormat(undefined);
      choose(AS_FILE);
      fillFormat();
    }
    wholeSelected = false;
    follow(input.value);
    if (edit === undefined) return;
    findings = rebase(findings, edit, known);
    known = input.value;
    refresh();
  });
  refresh();
}
