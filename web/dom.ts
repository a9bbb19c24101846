// Small DOM helpers for the page.

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
 * How a text file ends its lines and whether it starts with a byte-order mark. A text box keeps
 * neither (its value ends every line with LF alone), so what is downloaded of a text read from a
 * file gets them back ({@link withLayout}), as `latinitsa check --fix` keeps them: `crlf` when
 * most lines end so, and for a file of mixed line ends, each line's own (`endings`, by line).
 */
export interface TextLayout {
  crlf: boolean;
  bom: boolean;
  endings?: string[];
}

const LINE_END = /\r\n|\r|\n/g;

/** An uploaded file's text (strict UTF-8) as a text box holds it (lines ended by LF, no byte-order mark) and its {@link TextLayout}. */
export async function readTextFile(file: File): Promise<{ text: string; layout: TextLayout }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const raw = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  const bom = raw.startsWith('\ufeff');
  const body = bom ? raw.slice(1) : raw;
  const endings = body.match(LINE_END) ?? [];
  const crlf = endings.filter((e) => e === '\r\n').length * 2 > endings.length;
  // Each line's own end is kept where they are not all the usual one (mixed, or old Mac CRs).
  const own = endings.some((e) => e !== (crlf ? '\r\n' : '\n'));
  return { text: body.replace(LINE_END, '\n'), layout: { crlf, bom, ...(own ? { endings } : {}) } };
}

/** A text from a text box in a file's {@link TextLayout}: its line ends (line by line where they were mixed) and byte-order mark back. */
export function withLayout(text: string, layout: TextLayout | undefined): string {
  if (layout === undefined) return text;
  const usual = layout.crlf ? '\r\n' : '\n';
  let line = 0;
  const body = layout.endings === undefined && !layout.crlf ? text : text.replace(/\n/g, () => layout.endings?.[line++] ?? usual);
  return (layout.bom ? '\ufeff' : '') + body;
}

/**
 * Reads the file chosen in a file input as UTF-8 text and hands it to `load` with its layout (line
 * ends, byte-order mark); a file that cannot be read is reported through `report` as "name: reason".
 */
export function onTextFile(input: HTMLInputElement, load: (text: string, name: string, layout: TextLayout) => void, report: (message: string) => void): void {
  input.addEventListener('change', async () => {
    const f = input.files?.[0];
    if (f === undefined) return;
    try {
      const { text, layout } = await readTextFile(f);
      load(text, f.name, layout);
    } catch (error) {
      report(`${f.name}: ${messageOf(error)}`);
    }
  });
}

/** A message from anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
