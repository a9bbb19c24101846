// A scheme of the reader's own, opened from a JSON file (the format `--scheme-file` reads,
// docs/scheme-format.md): loaded here by the library's one loader (src/io/scheme-bytes.ts, with
// `own`, so a built-in id is refused as everywhere), then offered in every scheme menu whose
// language it serves, and in Reverse & convert's. Menus hold strings, so it stands there as
// OWN_SCHEME; `schemeValue` turns that into the scheme for the library, `definitionValue` into the
// object the server loads. It is kept in this browser (web/storage.ts) with the file's name, so a
// reload loads it again; "Forget this scheme" drops it. No DOM here (the page's worker and the unit
// tests use it); the control that opens a file is web/scheme-file-control.ts.
import { getScheme, listSchemes, loadScheme, type Scheme } from '../src/index.ts';
import { DEFAULT_LANGUAGE } from '../src/schemes/index.ts';
import { schemeFromBytes } from '../src/io/scheme-bytes.ts';
import { forget, keep, MAX_KEPT, onForget, recall } from './storage.ts';

/** The menu value of the scheme of one's own (no scheme id has a colon). */
export const OWN_SCHEME = ':own';

let own: { scheme: Scheme; definition: unknown; file: string } | undefined;
const listeners: Array<() => void> = [];
/** What every panel's control says of the scheme of one's own: loaded and kept (or not), kept from the last visit, dropped, forgotten. */
let said = '';

/** The key the scheme of one's own is kept under: `{ "file", "definition" }` as JSON. */
export const KEPT_SCHEME = 'own-scheme';

/** The scheme of one's own, if one is loaded. */
export function ownScheme(): { scheme: Scheme; definition: unknown; file: string } | undefined {
  return own;
}

/** What the controls say of the scheme of one's own (empty before anything happened). */
export function ownSchemeNote(): string {
  return said;
}

function setOwn(next: typeof own, note: string): void {
  own = next;
  said = note;
  for (const fn of listeners) fn();
}

/** Keeps the definition for the next visit; says whether it was kept, and if not, why. */
function keepDefinition(definition: unknown, file: string): string {
  const entry = JSON.stringify({ file, definition });
  switch (keep(KEPT_SCHEME, entry)) {
    case 'kept':
      return 'Kept in this browser for your next visit.';
    case 'too-long':
      return `Not kept for your next visit: at ${entry.length.toLocaleString('en')} characters it is over the ${MAX_KEPT.toLocaleString('en')} this page keeps, so open the file again then.`;
    case 'refused':
      return 'Not kept for your next visit: this browser keeps nothing for the page (storage full or turned off), so open the file again then.';
  }
}

/** Loads a scheme file's bytes as the scheme of one's own and keeps it (throws the loader's error; the one before stays). */
export function useSchemeFile(bytes: Uint8Array, file: string): Scheme {
  const { scheme, definition } = schemeFromBytes(bytes, { file, own: true });
  setOwn({ scheme, definition, file }, `Loaded ${scheme.name} (${scheme.id}). ${keepDefinition(definition, file)}`);
  return scheme;
}

/** In the page's worker: the definition the page loaded, loaded again there (a loaded scheme does not cross). */
export function useSchemeDefinition(definition: unknown, file: string): void {
  own = { scheme: loadScheme(definition, { file, own: true }), definition, file };
}

/**
 * At the page's start, before its menus are filled: the scheme kept from an earlier visit,
 * loaded again by the same loader. One that no longer loads (a damaged entry; a scheme it
 * extends that has changed) is dropped, and the controls say so; the page goes on without it.
 */
export function restoreOwnScheme(): void {
  const entry = recall(KEPT_SCHEME);
  if (entry === undefined) return;
  let file: string | undefined;
  try {
    let kept: unknown;
    try {
      kept = JSON.parse(entry);
    } catch {
      throw new Error('its entry in this browser is damaged');
    }
    const { file: name, definition } = (kept ?? {}) as { file?: unknown; definition?: unknown };
    if (typeof name !== 'string' || definition === undefined) throw new Error('its entry in this browser is damaged');
    file = name;
    const scheme = loadScheme(definition, { file: name, own: true });
    setOwn({ scheme, definition, file: name }, `Your scheme ${scheme.name} (${name}), kept from your last visit.`);
  } catch (error) {
    forget(KEPT_SCHEME);
    setOwn(undefined, `The scheme kept from your last visit${file === undefined ? '' : ` (${file})`} no longer loads and was forgotten: ${error instanceof Error ? error.message : String(error)}`);
  }
}

// Forgotten by "Forget this scheme" or by the page's "forget them": out of the menus at once, either way.
// With none loaded there is nothing to say (the page's "forget them" before any scheme file).
onForget(KEPT_SCHEME, () => {
  if (own !== undefined) setOwn(undefined, 'Forgotten: the menus offer the built-in schemes again.');
});

/** Forgets the scheme of one's own: in the menus now, and for the next visit. */
export function forgetOwnScheme(): void {
  forget(KEPT_SCHEME);
}

/** Runs `fn` after each scheme file loaded, restored or forgotten. */
export function onOwnScheme(fn: () => void): void {
  listeners.push(fn);
}

/** The menu entry of the scheme of one's own, when one is loaded and serves `lang` (any language: none given). */
export function ownSchemeItem(lang?: string): { value: string; label: string } | undefined {
  return own !== undefined && (lang === undefined || own.scheme.languages.includes(lang)) ? { value: OWN_SCHEME, label: `Your scheme: ${own.scheme.name} (${own.file})` } : undefined;
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
 * The schemes detection ranks when a scheme of one's own is loaded: the ones it ranks by default
 * (the built-in schemes of the default language, docs/reverse.md) and the scheme of one's own,
 * as `own` gives it (the loaded scheme for the library, the definition for the server's
 * `schemes`). `undefined`: none is loaded, detection's default stands.
 */
export function detectionSchemes<T>(of: (own: { scheme: Scheme; definition: unknown }) => T): (string | T)[] | undefined {
  if (own === undefined) return undefined;
  return [...listSchemes().filter((s) => getScheme(s.id).language.id === DEFAULT_LANGUAGE).map((s) => s.id), of(own)];
}

/** A menu value for a scheme id a library function answered with (detection): the scheme of one's own is OWN_SCHEME. */
export function menuValueOf(id: string): string {
  return own !== undefined && own.scheme.id === id ? OWN_SCHEME : id;
}

/** The name of the scheme a menu value stands for. */
export function schemeNameOf(value: string): string {
  const scheme = schemeValue(value);
  return typeof scheme === 'string' ? getScheme(scheme).name : scheme.name;
}
