// The Language menu of the panels that take a scheme (romanize, check, bibliography), and the
// scheme menus that follow it: each lists the schemes of the chosen language and starts on the
// language's default scheme, as its language file names it (docs/languages.md). The language is
// kept like the page's other choices; the scheme is kept per language, so that switching to
// Ukrainian and back finds the Russian scheme where it was.
import { AUTO_LANGUAGE } from '../src/engine/lang.ts';
import { DEFAULT_LANGUAGE, getLanguage, listLanguages, listSchemes } from '../src/schemes/index.ts';
import { fillSelect } from './dom.ts';
import { onOwnScheme, ownSchemeItem } from './own-scheme.ts';
import { keep, persist, recall } from './state.ts';

export { AUTO_LANGUAGE };

type Item = { value: string; label: string };

/** The language's name, or "Cyrillic" for detection per paragraph. */
export function languageName(lang: string): string {
  return lang === AUTO_LANGUAGE ? 'Cyrillic' : getLanguage(lang).name;
}

/** The language choices: the default language first, the others by name, then detection (when offered). */
function languageItems(auto: boolean): Item[] {
  const others = listLanguages().filter((id) => id !== DEFAULT_LANGUAGE).sort((a, b) => languageName(a).localeCompare(languageName(b), 'en'));
  return [...[DEFAULT_LANGUAGE, ...others].map((id) => ({ value: id, label: languageName(id) })), ...(auto ? [{ value: AUTO_LANGUAGE, label: 'Detect per paragraph' }] : [])];
}

/**
 * The schemes a language's menu lists. With detection, the schemes of the default language: a
 * paragraph in another language takes the scheme of the same family, or its language's default.
 */
export function schemesOf(lang: string): Item[] {
  const id = lang === AUTO_LANGUAGE ? DEFAULT_LANGUAGE : lang;
  return listSchemes().filter((s) => s.languages.includes(id)).map((s) => ({ value: s.id, label: s.name }));
}

/** A scheme menu that follows the Language menu. */
export interface SchemeMenu {
  select: HTMLSelectElement;
  /** An entry before the schemes (such as "none"), for a language. */
  first?: (lang: string) => Item | readonly Item[] | undefined;
  /** The value chosen when the reader has chosen none for this language. */
  initial: (lang: string) => string;
}

/**
 * Fills the Language menu (`auto`: with "Detect per paragraph") and keeps the scheme menus to the
 * chosen language. `changed` runs after the language changes and the scheme menus are refilled.
 */
export function setupLanguageMenu(lang: HTMLSelectElement, menus: readonly SchemeMenu[], options: { auto: boolean; changed: () => void }): void {
  fillSelect(lang, languageItems(options.auto), DEFAULT_LANGUAGE);
  persist(lang);
  // The default language's choice keeps the key the page used before it had languages.
  const keyOf = (select: HTMLSelectElement, l: string): string => (l === DEFAULT_LANGUAGE ? select.id : `${select.id}-${l}`);
  const fill = (): void => {
    for (const m of menus) {
      const first = m.first?.(lang.value);
      // A scheme file the reader opened comes last, in the menus of the languages it serves.
      const own = ownSchemeItem(lang.value === AUTO_LANGUAGE ? DEFAULT_LANGUAGE : lang.value);
      const items = [...(first === undefined ? [] : 'value' in first ? [first] : first), ...schemesOf(lang.value), ...(own === undefined ? [] : [own])];
      const saved = recall(keyOf(m.select, lang.value));
      fillSelect(m.select, items, saved !== undefined && items.some((i) => i.value === saved) ? saved : m.initial(lang.value));
    }
  };
  for (const m of menus) m.select.addEventListener('change', () => keep(keyOf(m.select, lang.value), m.select.value));
  lang.addEventListener('change', () => {
    fill();
    options.changed();
  });
  onOwnScheme(fill);
  fill();
}
