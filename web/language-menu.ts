// The Language menu of the panels that take a scheme (romanize, check, bibliography), and the
// scheme menus that follow it: each lists the schemes of the chosen language and starts on the
// language's default scheme, as its language file names it (docs/languages.md). The language is
// kept like the page's other choices; the scheme is kept per language, so that switching to
// Ukrainian and back finds the Russian scheme where it was. Citations has a scheme menu of the
// Russian schemes and no Language menu (its archives are Russian).
import { AUTO_LANGUAGE } from '../src/engine/lang.ts';
import { DEFAULT_LANGUAGE, getLanguage, listLanguages, listSchemes } from '../src/schemes/index.ts';
import { fillSelect } from './dom.ts';
import { onOwnScheme, OWN_SCHEME, ownSchemeItem } from './own-scheme.ts';
import { persist } from './state.ts';
import { keep, recall } from './storage.ts';

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
 * Scheme menus that keep to the scheme of one's own: `fill` refills them after a scheme file is
 * loaded, restored or forgotten, and a menu whose scheme is another now (it was the file's, or the
 * file's scheme was replaced) is told so by a change event, so its panel updates.
 */
export function followOwnScheme(selects: readonly HTMLSelectElement[], fill: () => void): void {
  onOwnScheme(() => {
    const before = selects.map((s) => s.value);
    fill();
    selects.forEach((s, i) => {
      if (s.value !== before[i] || s.value === OWN_SCHEME) s.dispatchEvent(new Event('change'));
    });
  });
}

/** Fills scheme menus for the language `lang()` answers, keeps each choice per language, and follows the scheme of one's own. Returns the fill. */
function schemeMenus(menus: readonly SchemeMenu[], lang: () => string): () => void {
  // The default language's choice keeps the key the page used before it had languages.
  const keyOf = (select: HTMLSelectElement, l: string): string => (l === DEFAULT_LANGUAGE ? select.id : `${select.id}-${l}`);
  const fill = (): void => {
    const l = lang();
    for (const m of menus) {
      const first = m.first?.(l);
      // A scheme file the reader opened comes last, in the menus of the languages it serves.
      const own = ownSchemeItem(l === AUTO_LANGUAGE ? DEFAULT_LANGUAGE : l);
      const items = [...(first === undefined ? [] : 'value' in first ? [first] : first), ...schemesOf(l), ...(own === undefined ? [] : [own])];
      const saved = recall(keyOf(m.select, l));
      fillSelect(m.select, items, saved !== undefined && items.some((i) => i.value === saved) ? saved : m.initial(l));
    }
  };
  for (const m of menus) m.select.addEventListener('change', () => keep(keyOf(m.select, lang()), m.select.value));
  followOwnScheme(
    menus.map((m) => m.select),
    fill,
  );
  fill();
  return fill;
}

/**
 * Fills the Language menu (`auto`: with "Detect per paragraph") and keeps the scheme menus to the
 * chosen language. `changed` runs after the language changes and the scheme menus are refilled.
 */
export function setupLanguageMenu(lang: HTMLSelectElement, menus: readonly SchemeMenu[], options: { auto: boolean; changed: () => void }): void {
  fillSelect(lang, languageItems(options.auto), DEFAULT_LANGUAGE);
  persist(lang);
  const fill = schemeMenus(menus, () => lang.value);
  lang.addEventListener('change', () => {
    fill();
    options.changed();
  });
}

/** The scheme menu of a panel with no Language menu (archival citations: Russian archives), for `lang`. */
export function setupSchemeMenu(menu: SchemeMenu, lang: string = DEFAULT_LANGUAGE): void {
  schemeMenus([menu], () => lang);
}
