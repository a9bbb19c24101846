// Small DOM helpers for the page.
import { isNewText } from './check-format.ts';
import { diff } from './check-fixes.ts';
import { readTextFile, type TextLayout } from './text-layout.ts';

/** The element with this id (throws if the page template lacks it: a build error, not a user one). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`page template has no #${id}`);
  return el as T;
}

/** Creates an element with text and attributes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) el.append(c);
  return el;
}

/** Says something to screen readers through the page's polite live region. */
export function announce(message: string): void {
  const region = byId('announce');
  region.textContent = '';
  // A fresh text node after a tick, so the same message twice is announced twice.
  setTimeout(() => { region.textContent = message; }, 30);
}

/**
 * Shows a short message right after a button for a few seconds (a visible confirmation; the
 * message is also a status for screen readers).
 */
export function flash(button: HTMLElement, message: string, ms = 2500): void {
  let note = button.nextElementSibling;
  if (!(note instanceof HTMLElement) || !note.classList.contains('flash')) {
    note = h('span', { class: 'flash', role: 'status' });
    button.after(note);
  }
  const el = note as HTMLElement;
  el.textContent = message;
  el.classList.add('on');
  const timer = Number(el.dataset['timer'] ?? 0);
  if (timer) clearTimeout(timer);
  el.dataset['timer'] = String(setTimeout(() => el.classList.remove('on'), ms));
}

/** Copies text to the clipboard (with a fallback for pages opened from a file) and says so next to the button. */
export async function copyText(text: string, button: HTMLElement): Promise<void> {
  let copied = true;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const ta = h('textarea');
    ta.value = text;
    document.body.append(ta);
    ta.select();
    copied = document.execCommand('copy');
    ta.remove();
  }
  flash(button, copied ? `Copied ${text.length.toLocaleString('en')} character${text.length === 1 ? '' : 's'}` : 'Could not copy: select the text and press Ctrl+C');
}

/** Offers text as a file download. */
export function downloadText(text: string, name: string, type = 'text/plain;charset=utf-8'): void {
  downloadBytes(text, name, type);
}

/** Offers bytes (or text) as a file download. */
export function downloadBytes(data: Uint8Array | string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  announce(`Downloading ${name}`);
}

/** Runs `fn` at most once per `ms` after the last call. */
export function debounce(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

/** Fills a <select> with options. */
export function fillSelect(select: HTMLSelectElement, items: readonly { value: string; label: string }[], selected?: string): void {
  select.replaceChildren(...items.map((i) => h('option', { value: i.value }, i.label)));
  if (selected !== undefined) select.value = selected;
}

/**
 * Reads the file chosen in a file input as UTF-8 text and hands it to `load` with its layout (line
 * ends, byte-order mark); a file that cannot be read is reported through `report` as "name: reason".
 */
export function onTextFile(input: HTMLInputElement, load: (text: string, name: string, layout: TextLayout) => void, report: (message: string) => void): void {
  input.addEventListener('change', async () => {
    const f = input.files?.[0];
    if (f === undefined) return;
    // The same file again (changed on disk, or to start over after edits) is a change too.
    input.value = '';
    try {
      const { text, layout } = await readTextFile(f);
      load(text, f.name, layout);
    } catch (error) {
      report(`${f.name}: ${messageOf(error)}`);
    }
  });
}

/**
 * Calls `replaced` when the reader makes the box's text a new text, no longer the file opened
 * into it: pastes or types over all of it (selected), or empties it (`isNewText`, as the check
 * panel decides it: docs/web.md). The file's name, format and line ends then no longer apply.
 * Returns `loaded`, to call when the page itself puts a file's text in the box.
 */
export function onNewText(input: HTMLTextAreaElement, replaced: () => void): () => void {
  let known = input.value;
  let wholeSelected = false;
  input.addEventListener('beforeinput', () => {
    wholeSelected = input.selectionStart === 0 && input.selectionEnd === input.value.length;
  });
  input.addEventListener('input', () => {
    if (isNewText(diff(known, input.value), known, wholeSelected)) replaced();
    wholeSelected = false;
    known = input.value;
  });
  return () => {
    known = input.value;
  };
}

/** A message from anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
