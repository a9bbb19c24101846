// A scheme of the reader's own, opened from a JSON file (the format `--scheme-file` reads,
// docs/scheme-format.md): loaded here by the library's one loader (src/io/scheme-bytes.ts, with
// `own`, so a built-in id is refused as everywhere), then offered in every scheme menu whose
// language it serves. Menus hold strings, so it stands there as OWN_SCHEME; `schemeValue` turns
// that into the scheme for the library, `definitionValue` into the object the server loads.
// Not kept over a reload (the menus then fall back to their default scheme).
import { getScheme, loadScheme, type Scheme } from '../src/index.ts';
import { schemeFromBytes } from '../src/io/scheme-bytes.ts';
import { h, messageOf } from './dom.ts';

/** The menu value of the scheme of one's own (no scheme id has a colon). */
export const OWN_SCHEME = ':own';

let own: { scheme: Scheme; definition: unknown; file: string } | undefined;
const listeners: Array<() => void> = [];

/** The scheme of one's own, if one is loaded. */
export function ownScheme(): { scheme: Scheme; definition: unknown; file: string } | undefined {
  return own;
}

/** Loads a scheme file's bytes as the scheme of one's own (throws the loader's error; the one before stays). */
export function useSchemeFile(bytes: Uint8Array, file: string): Scheme {
  const { scheme, definition } = schemeFromBytes(bytes, { file, own: true });
  own = { scheme, definition, file };
  for (const fn of listeners) fn();
  return scheme;
}

/** In the page's worker: the definition the page loaded, loaded again there (a loaded scheme does not cross). */
export function useSchemeDefinition(definition: unknown, file: string): void {
  own = { scheme: loadScheme(definition, { file, own: true }), definition, file };
}

/** Runs `fn` after each scheme file loaded. */
export function onOwnScheme(fn: () => void): void {
  listeners.push(fn);
}

/** The menu entry of the scheme of one's own, when one is loaded and serves `lang`. */
export function ownSchemeItem(lang: string): { value: string; label: string } | undefined {
  return own !== undefined && own.scheme.languages.includes(lang) ? { value: OWN_SCHEME, label: `Your scheme: ${own.scheme.name} (${own.file})` } : undefined;
}

/**
 * What the scheme of one's own is, in words: its file, what it is based on, and its own summary
 * if it has one (a description is inherited through `extends` and would describe the parent).
 */
export function ownSchemeSummary(): string {
  if (own === undefined) return '';
  const parent = own.scheme.extendsChain[0];
  return [`Your scheme from ${own.file}: ${own.scheme.name}${parent === undefined ? '' : `, based on ${getScheme(parent).name}`}.`, own.scheme.summary].filter((p) => p !== '').join(' ');
}

/** A menu value as the library takes it: the scheme of one's own, or the id. */
export function schemeValue(value: string): string | Scheme {
  if (value !== OWN_SCHEME) return value;
  if (own === undefined) throw new Error('No scheme file is open.');
  return own.scheme;
}

/** A menu value as the server takes it: the scheme's definition (the server loads it), or the id. */
export function definitionValue(value: string): unknown {
  if (value !== OWN_SCHEME) return value;
  if (own === undefined) throw new Error('No scheme file is open.');
  return own.definition;
}

/** A scheme by id, the scheme of one's own included (for the explanations of a result). */
export function schemeById(id: string): Scheme {
  return own?.scheme.id === id ? own.scheme : getScheme(id);
}

/**
 * The "Scheme file" control of a panel (`prefix`: its ids): a file input and a line that says
 * what was loaded or, for a file that cannot be loaded, the loader's error (the file and the
 * field). A good file is chosen in `select` when it serves the language chosen there.
 */
export function schemeFileControl(prefix: string, select: HTMLSelectElement): HTMLElement {
  const input = h('input', { type: 'file', id: `${prefix}-scheme-file`, accept: '.json,application/json' });
  const note = h('span', { id: `${prefix}-scheme-file-status`, class: 'hint', role: 'status' });
  input.addEventListener('change', async () => {
    const f = input.files?.[0];
    if (f === undefined) return;
    try {
      const scheme = useSchemeFile(new Uint8Array(await f.arrayBuffer()), f.name);
      const offered = [...select.options].some((o) => o.value === OWN_SCHEME);
      note.textContent = `Loaded ${scheme.name} (${scheme.id}).${offered ? '' : ' It is not a scheme for the language chosen here.'}`;
      if (offered) {
        select.value = OWN_SCHEME;
        select.dispatchEvent(new Event('change'));
      }
    } catch (error) {
      note.textContent = messageOf(error);
    }
    // The same file again (after fixing it) is a change too.
    input.value = '';
  });
  return h('div', { class: 'field' }, h('label', { for: input.id }, 'Scheme file (.json)'), input, ' ', note);
}
