// Which features the bundled library offers. A panel appears only when its library function
// exists (the page must not offer what the library does not do yet).
import * as lib from '../src/index.ts';

const exported = lib as unknown as Record<string, unknown>;
const has = (name: string): boolean => typeof exported[name] === 'function';

/** Features by panel name. */
export const features = {
  reverse: has('deromanize'),
  check: has('checkText'),
  cite: has('parseArchivalCitation'),
  bib: has('romanizeBibtex'),
};

/** Sets up the panels of the features that exist. */
export function setupFeaturePanels(): void {
  // Filled in as the features land (reverse/convert, checker, citations, bibliographies).
}
