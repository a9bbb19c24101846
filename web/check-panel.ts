// Check-a-manuscript panel: findings highlighted in the text and listed in plain words, each with
// how sure the checker is. Fixes change the text in the text box itself, one by one (accept, keep
// as written, undo); "Apply certain fixes" applies only those the checker rates certain. The
// reader's own edits are never overwritten: findings move with them (web/check-fixes.ts).
// A .docx is read here, in the browser, by the one document reader `latinitsa check` and the
// server use (src/document; its zip inflated with the browser's DecompressionStream instead of
// Node's zlib): its footnotes and endnotes are notes, as the command reads them, and stay notes
// through the reader's edits and over a reload (its regions move with them and are kept with the
// text). A finding in a note is listed by the note and its paragraph, as the reports place it
// (footnote 3, paragraph 1: docs/diagnostics.md), its notes moved and kept like its regions. The fixes accepted and the reader's edits are written back into the file by the writer
// `check --fix` uses (`editDocument`: only the text of the runs they touch changes), and the file
// downloaded is the .docx with them (its zip written with the browser's CompressionStream).
import { checkText, readDocument, type CheckDiagnostic, type ProseDocument } from '../src/index.ts';
import { documentFormatOf, editDocument, readDocxPartsAsync, rewriteDocxAsync, type DocumentNote, type Region } from '../src/document/index.ts';
import { noteAt } from '../src/document/regions.ts';
import { crc32 } from '../src/document/zip.ts';
import { notePlaceWords } from '../src/diagnostics/place.ts';
import { AS_FILE, boxFormat, boxFormats, formatItems, isNewText, type BoxFormat } from './check-format.ts';
import { accept, acceptCertain, diff, findingsOf, isCertain, keepDecided, keptKey, moveRegions, rebase, setRejected, traceEdit, tracedFixes, traceOf, undo, type Edit, type Finding, type Trace } from './check-fixes.ts';
import { announce, byId, debounce, downloadBytes, downloadText, fillSelect, h, messageOf } from './dom.ts';
import { readTextFile, withLayout, type TextLayout } from './text-layout.ts';
import { callApi, fromServer } from './server.ts';
import { setupLanguageMenu } from './language-menu.ts';
import { definitionValue, schemeValue } from './own-scheme.ts';
import { schemeFileControl } from './scheme-file-control.ts';
import { persist } from './state.ts';
import { forget, keep, MAX_KEPT, onForget, recall } from './storage.ts';
import { confidenceLabel, findingLabel } from './wording.ts';

/** Where the reader's "Keep as written" decisions are kept, over a check again and a reload. */
const KEPT_AS_WRITTEN = 'ck-kept-as-written';
/** Where the format of the file whose text is in the box is kept. */
const FILE_FORMAT = 'ck-file-format';
/** Where that file's line ends and byte-order mark are kept, for the download (web/text-layout.ts). */
const FILE_LAYOUT = 'ck-file-layout';
/** Where a .docx's regions, italics and trace are kept with its text (see {@link KeptDocx}). */
const DOCX_STATE = 'ck-docx';
/** Where the .docx file itself is kept (base64), when it fits in what the page keeps. */
const DOCX_FILE = 'ck-docx-file';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** The largest file kept: its base64 is four characters for three bytes, within what the page keeps. */
const MAX_KEPT_FILE = Math.floor(MAX_KEPT / 4) * 3;

/** A .docx in the box as kept over a reload: with the text it belongs to (its length and CRC-32), so that another text is never read with it. */
interface KeptDocx {
  name: string;
  length: number;
  crc: number;
  regions: Region[];
  emphasis: Array<[number, number]>;
  /** Absent when kept by an earlier version of the page: findings in notes are then listed by line. */
  notes?: DocumentNote[];
  trace: Trace;
}

/** The CRC-32 of a text's UTF-8 (which text a kept .docx state belongs to). */
function textCrc(text: string): number {
  return crc32(new TextEncoder().encode(text));
}

/** Bytes as base64 and back (a .docx kept in localStorage, which holds strings). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
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
   * as before (a .docx's regions are kept with it too: `DOCX_STATE`).
   */
  let fileFormat: BoxFormat | undefined = boxFormats.find((f) => f === recall(FILE_FORMAT));
  const setFileFormat = (f: BoxFormat | undefined): void => {
    fileFormat = f;
    keep(FILE_FORMAT, f ?? '');
  };
  /** The line ends and byte-order mark of that file, given back in "Download fixed text" (kept likewise). */
  let layout: TextLayout | undefined = ((): TextLayout | undefined => {
    try {
      const v: unknown = JSON.parse(recall(FILE_LAYOUT) || 'null');
      if (typeof v !== 'object' || v === null || !('crlf' in v) || !('bom' in v)) return undefined;
      const endings = 'endings' in v && Array.isArray(v.endings) && v.endings.every((e) => e === '\n' || e === '\r\n' || e === '\r') ? (v.endings as string[]) : undefined;
      return { crlf: v.crlf === true, bom: v.bom === true, ...(endings === undefined ? {} : { endings }) };
    } catch {
      return undefined; // kept by another version of the page: the text's own line ends
    }
  })();
  const setLayout = (l: TextLayout | undefined): void => {
    layout = l;
    keep(FILE_LAYOUT, l === undefined ? '' : JSON.stringify(l));
  };
  /** Sets the "Read as" menu as the reader would (kept). */
  const choose = (value: string): void => {
    formatMenu.value = value;
    keep(formatMenu.id, value);
  };
  let name = 'manuscript.txt';
  let findings: Finding[] = [];
  // The spellings the reader kept as written: kept again by every later check, and over a reload.
  const keptAsWritten = new Set<string>(((): string[] => {
    try {
      const v: unknown = JSON.parse(recall(KEPT_AS_WRITTEN) ?? '[]');
      return Array.isArray(v) ? v.filter((k): k is string => typeof k === 'string') : [];
    } catch {
      return [];
    }
  })());
  onForget(KEPT_AS_WRITTEN, () => keptAsWritten.clear());
  const decide = (i: number, kept: boolean): void => {
    const key = keptKey(findings[i]!.diagnostic);
    if (kept) keptAsWritten.add(key);
    else keptAsWritten.delete(key);
    keep(KEPT_AS_WRITTEN, JSON.stringify([...keptAsWritten]));
    findings = setRejected(findings, i, kept);
  };
  /** The text as the findings know it (the text box may be ahead of it by the reader's edits). */
  let known = input.value;
  let checkedOnce = false;
  /**
   * A .docx read: the prose regions of its text (running text, notes), its italics, and the text
   * they are offsets into; the trace of that text from the file's (which of the file's words the
   * fixes and edits changed), and the file itself (its bytes and the document read from them),
   * from which the fixed .docx is written. Moved through every change of the text and kept with
   * it; dropped when the reader makes it a new text (`isNewText`). `file` is absent after a
   * reload when the file was too large to keep.
   */
  let docx: { name: string; text: string; regions: Region[]; emphasis: Array<[number, number]>; notes: DocumentNote[]; trace: Trace; file?: { bytes: Uint8Array; doc: ProseDocument } } | undefined;
  /** Why the fixed .docx cannot be downloaded (a file not kept over a reload), or what its last download left out. */
  let docxNote = '';

  /**
   * What the page's own checker reads a text with (opened from disk): a .docx's regions and
   * italics as moved through the edits, else the text read in its format, as `latinitsa check` reads it.
   */
  const inPage = (text: string): { regions: Region[]; emphasis?: Array<[number, number]>; notes?: DocumentNote[] } => {
    if (docx !== undefined) return { regions: docx.regions, emphasis: docx.emphasis, notes: docx.notes };
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

  /** Keeps the .docx's regions, italics and trace with the text (a moment after typing stops, as the text is kept). */
  const keepDocx = debounce(() => {
    // A text too long to keep is not kept (web/storage.ts): nor are its regions.
    if (docx === undefined || docx.text.length > MAX_KEPT) return void forget(DOCX_STATE);
    const state: KeptDocx = { name: docx.name, length: docx.text.length, crc: textCrc(docx.text), regions: docx.regions, emphasis: docx.emphasis, notes: docx.notes, trace: docx.trace };
    keep(DOCX_STATE, JSON.stringify(state));
  }, 400);

  /**
   * Moves the .docx's regions, italics and trace to the text box's new text: through `edits` when
   * the change is known as edits (several fixes at once), else through the one edit that makes
   * the text.
   */
  const follow = (text: string, edits?: readonly Edit[]): void => {
    if (docx === undefined) return;
    let { regions, emphasis, notes, trace } = docx;
    let now = docx.text;
    const apply = (edit: Edit): void => {
      // Italic spans move as regions do (text typed inside or right after one is italic too).
      emphasis = moveRegions(emphasis.map(([start, end]) => ({ start, end })), edit).map(({ start, end }): [number, number] => [start, end]);
      regions = moveRegions(regions, edit);
      // A note's span moves as a region does: text typed at a note's end is that note's.
      notes = moveRegions(notes, edit);
      trace = traceEdit(trace, edit);
      now = now.slice(0, edit.start) + edit.text + now.slice(edit.end);
    };
    for (const edit of edits ?? []) apply(edit);
    const rest = diff(now, text);
    if (rest !== undefined) apply(rest);
    if ((edits ?? []).length === 0 && rest === undefined) return;
    docx = { ...docx, text, regions, emphasis, notes, trace };
    keepDocx();
  };

  /** While the page itself writes into the text box (its input events are not the reader's edits). */
  let writing = false;
  /**
   * Writes edits into the text box as typing does (the browser's insertText), so that the box's own
   * undo (Ctrl+Z) takes back a fix like any edit; setting its value would clear that history. Where
   * the browser cannot, the value is set.
   */
  const writeEdits = (text: string, edits: readonly Edit[]): void => {
    const focused = document.activeElement;
    writing = true;
    try {
      input.focus({ preventScroll: true });
      for (const e of edits) {
        input.setSelectionRange(e.start, e.end);
        if (!(e.text === '' ? document.execCommand('delete') : document.execCommand('insertText', false, e.text))) break;
      }
    } finally {
      writing = false;
    }
    if (input.value !== text) input.value = text;
    if (focused instanceof HTMLElement && focused !== input) focused.focus({ preventScroll: true });
  };

  /** Puts a text into the box: by `edits` as typing does when given (a fix), else as a new value (a file read). */
  const setText = (text: string, edits?: readonly Edit[]): void => {
    follow(text, edits);
    const { selectionStart, selectionEnd, scrollTop } = input;
    if (edits === undefined) input.value = text;
    else writeEdits(text, edits);
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
        // In a .docx's note: where a person finds it in Word (the note and its paragraph), not a line counted after the body's.
        const inNote = docx !== undefined && docx.text === known ? noteAt({ text: known, notes: docx.notes }, f.range[0]) : undefined;
        const place = inNote === undefined ? `Line ${line}, column ${column}` : notePlaceWords(inNote, column).replace(/^./u, (c) => c.toUpperCase());
        const confidence = confidenceLabel(d);
        const li = h(
          'li',
          { class: f.status },
          h('span', { class: 'where' }, `${place} · ${findingLabel(d.ruleId)}`),
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
          reopen.addEventListener('click', () => act(i, () => decide(i, false), 'Finding open again'));
          row.append(h('span', { class: 'kept' }, 'Kept as written'), reopen);
        } else {
          if (d.fix !== undefined) {
            const acceptButton = h('button', { type: 'button', class: 'primary' }, `Accept fix: ${known.slice(...(f.fixRange ?? f.range))} → ${fixText}`);
            acceptButton.addEventListener('click', () => act(i, () => ({ text: known, findings } = applyState(accept(known, findings, i))), `Fixed ${d.actual ?? ''} to ${fixText}`));
            row.append(acceptButton);
          }
          const keepButton = h('button', { type: 'button' }, 'Keep as written');
          keepButton.addEventListener('click', () => act(i, () => decide(i, true), `Kept ${d.actual ?? ''} as written`));
          row.append(keepButton);
        }
        li.append(row);
        return li;
      }),
    );
    list.tabIndex = -1;
  };

  /** Puts a new text from a fix into the text box; returns the state for destructuring. */
  function applyState(state: { text: string; findings: Finding[]; edits?: Edit[] }): { text: string; findings: Finding[] } {
    if (state.text !== input.value) setText(state.text, state.edits ?? [diff(input.value, state.text)!]);
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
    // A .docx downloads as a .docx with the fixes written into it; not kept over a reload, it cannot.
    download.textContent = docx === undefined ? 'Download fixed text' : 'Download fixed .docx';
    download.hidden = docx !== undefined && docx.file === undefined;
    downloadNote.textContent = docxNote;
    downloadNote.hidden = docx === undefined || docxNote === '';
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
      const read = docx === undefined ? { format: format() } : { format: 'text', regions: docx.regions, emphasis: docx.emphasis, notes: docx.notes };
      // Served by latinitsa, the server checks with its lexicon, as `latinitsa check` does, so the
      // confidences are the command's; opened from disk, the page checks without it.
      const found = findingsOf(
        (await fromServer())
          ? (await callApi<{ diagnostics: CheckDiagnostic[] }>('check', { text, ...read, ...options(definitionValue) })).diagnostics
          : checkText(text, { ...(options(schemeValue) as Parameters<typeof checkText>[1]), ...inPage(text) }),
      );
      // The reader may have typed while the worker checked: the findings move with those edits.
      const edit = diff(text, input.value);
      findings = keepDecided(edit === undefined ? found : rebase(found, edit, text), keptAsWritten);
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
    // At once: the last text's findings are not this file's. Kept until its check came back,
    // they were listed and 'Apply certain fixes' wrote them at their old places into the file's
    // text; and the status said them, which a reader (or a test) could take for this file's.
    findings = [];
    refresh();
    status.textContent = 'Reading the file…';
    // The same file again (changed on disk, or to start over after edits) is a change too; cleared
    // at once, not after the reading and the check, so that it is so while they run.
    file.value = '';
    name = f.name;
    docx = undefined;
    docxNote = '';
    keepDocx();
    forget(DOCX_FILE);
    setLayout(undefined);
    const byName = documentFormatOf(f.name);
    try {
      if (byName === 'docx') {
        status.textContent = 'Reading the .docx…';
        // Read in the page also when the server is there: one way of reading for both, the file
        // itself is never sent (only its text, to be checked with the lexicon), and a file with
        // pictures is not refused by the server's limit on a request's size (4 MiB, base64 in JSON).
        const bytes = new Uint8Array(await f.arrayBuffer());
        const doc = readDocument({ docx: await readDocxPartsAsync(bytes, { file: f.name }) });
        // Paragraphs become lines, the footnotes and endnotes after the body, as notes.
        setText(doc.text);
        docx = { name: f.name, text: doc.text, regions: doc.regions, emphasis: doc.emphasis ?? [], notes: doc.notes ?? [], trace: traceOf(doc.text), file: { bytes, doc } };
        keepDocx();
        // The file too, for a reload, when it fits in what the page keeps.
        if (bytes.length <= MAX_KEPT_FILE) keep(DOCX_FILE, toBase64(bytes));
        choose(AS_FILE);
        name = f.name.replace(/\.docx$/i, '.txt');
      } else {
        const read = await readTextFile(f);
        setText(read.text);
        setLayout(read.layout);
      }
      setFileFormat(byName === 'docx' ? undefined : byName);
      fillFormat();
      await run();
    } catch (error) {
      status.textContent = messageOf(error);
    }
  });
  byId('ck-run').addEventListener('click', () => void run());
  // From the text box itself, without going back to the button: Ctrl+Enter (⌘+Enter) checks.
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void run();
    }
  });
  applyCertain.addEventListener('click', () => {
    const r = acceptCertain(known, findings);
    // Fix by fix, so that a .docx's notes between two fixes stay notes, and each fix is written into its own run.
    applyState(r);
    ({ text: known, findings } = r);
    refresh();
    announce(`${r.applied} certain fix${r.applied === 1 ? '' : 'es'} applied`);
  });
  download.addEventListener('click', () => {
    if (docx === undefined) return downloadText(withLayout(input.value, layout), name.replace(/(\.[^.]*)?$/, '-fixed$1'));
    void downloadDocx();
  });

  /**
   * Downloads the .docx with the fixes and edits made here written into it, as `check --fix`
   * writes them (`editDocument`: only the runs they touch change; every other part of the file is
   * copied as it was). A change across a paragraph end, a tab, a line break or a field, or into
   * a tracked change, cannot be written (docs/documents.md): it is left out, and the page says which.
   */
  const downloadDocx = async (): Promise<void> => {
    const read = docx;
    if (read?.file === undefined) return;
    try {
      follow(input.value);
      const edit = editDocument(read.file.doc, tracedFixes(docx!.trace, read.file.doc.text));
      const bytes = edit.parts === undefined || edit.parts.size === 0 ? read.file.bytes : await rewriteDocxAsync(read.file.bytes, edit, { file: read.name });
      downloadBytes(bytes, read.name.replace(/(\.docx)?$/i, '-fixed.docx'), DOCX_TYPE);
      const original = read.file.doc.text;
      docxNote =
        edit.skipped.length === 0
          ? ''
          : `Not written into the .docx (${edit.skipped.length === 1 ? 'it spans' : 'they span'} a paragraph end, a tab, a line break, a field or a tracked change; make ${edit.skipped.length === 1 ? 'it' : 'them'} in Word): ${edit.skipped.map((fix) => `“${original.slice(...fix.range)}” → “${fix.text}”`).join('; ')}.`;
    } catch (error) {
      docxNote = messageOf(error);
    }
    refresh();
  };
  // Whether the reader's next paste or keystroke replaces the whole text (it is selected).
  let wholeSelected = false;
  input.addEventListener('beforeinput', () => {
    if (writing) return;
    wholeSelected = input.selectionStart === 0 && input.selectionEnd === input.value.length;
  });
  // The reader's edits: findings move with the text; those whose words changed go out of date.
  // A new text pasted or typed over a file's is not that file: read as plain text, unless chosen.
  input.addEventListener('input', () => {
    if (writing) return;
    const edit = diff(known, input.value);
    if ((docx !== undefined || fileFormat !== undefined) && isNewText(edit, known, wholeSelected)) {
      docx = undefined;
      docxNote = '';
      keepDocx();
      forget(DOCX_FILE);
      setFileFormat(undefined);
      setLayout(undefined);
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
  void restoreDocx();

  /**
   * A .docx whose text was in the box before a reload: its regions, italics and trace come back
   * with the text they belong to (never with another: the text's length and CRC-32 must match),
   * so that it is checked as the same document; and the file, when it was kept, so that the fixed
   * .docx can be downloaded.
   */
  async function restoreDocx(): Promise<void> {
    let kept: KeptDocx | null = null;
    try {
      kept = JSON.parse(recall(DOCX_STATE) ?? 'null') as KeptDocx | null;
    } catch {
      // A damaged entry: nothing kept.
    }
    const text = input.value;
    if (kept === null || docx !== undefined || kept.length !== text.length || kept.crc !== textCrc(text)) {
      forget(DOCX_STATE);
      forget(DOCX_FILE);
      return;
    }
    docx = { name: kept.name, text, regions: kept.regions, emphasis: kept.emphasis, notes: kept.notes ?? [], trace: kept.trace };
    name = kept.name.replace(/\.docx$/i, '.txt');
    docxNote = `The file ${kept.name} was not kept in this browser (it keeps files up to ${Math.floor(MAX_KEPT_FILE / 1024)} KB): its text and notes are here, but the fixed .docx cannot be written. Open the file again, or run latinitsa check --fix on it.`;
    fillFormat();
    refresh();
    const encoded = recall(DOCX_FILE);
    if (encoded === undefined) return;
    try {
      const bytes = fromBase64(encoded);
      const doc = readDocument({ docx: await readDocxPartsAsync(bytes, { file: kept.name }) });
      // Still the text restored (no other file opened meanwhile), and its trace makes it from the file's.
      if (docx === undefined || docx.file !== undefined || docx.name !== kept.name) return;
      const made = docx.trace.map((piece) => (typeof piece === 'string' ? piece : doc.text.slice(piece[0], piece[1]))).join('');
      if (made !== docx.text) return;
      docx = { ...docx, file: { bytes, doc } };
      docxNote = '';
    } catch {
      // A damaged entry: the text and its notes are still here; the file is not.
      forget(DOCX_FILE);
    }
    refresh();
  }
}
