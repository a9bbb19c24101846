import data from './data/conventional.json' with { type: 'json' };

/** A conventional form as the checker looks it up: its word, and whether it is a capitalised name. */
export interface ConventionalEntry {
  cyrillic: string;
  capitalised: boolean;
}

let builtIn: Map<string, ConventionalEntry> | undefined;

/**
 * The built-in conventional English forms (src/check/data/conventional.json), by lower-case form:
 * established English names of Russian and Soviet people, places, institutions and things, each
 * with the Russian word it renders and its source (docs/check.md says how the list was built).
 */
export function conventionalForms(): ReadonlyMap<string, ConventionalEntry> {
  if (builtIn === undefined) {
    builtIn = new Map();
    for (const [form, cyrillic] of data.forms as [string, string, string][]) builtIn.set(form.toLowerCase(), { cyrillic, capitalised: form[0] !== form[0]!.toLowerCase() });
  }
  return builtIn;
}
