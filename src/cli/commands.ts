import type { Command } from './args.ts';

/** A command in the table: one line of `latinitsa --help`, and its module, loaded when it runs. */
export interface CommandEntry {
  summary: string;
  load: () => Promise<{ command: Command }>;
}

/** The command that runs when the first argument names none: `latinitsa [options] [text…]`. */
export const DEFAULT_COMMAND = 'romanize';

/**
 * The CLI's commands, one line each: its summary for `latinitsa --help`, and its module
 * (`commands/<name>.ts`, exporting `command` made with `defineCommand`), loaded only when it runs,
 * so that starting one command does not load the others. A new command is a new line here.
 */
export const commands: Record<string, CommandEntry> = {
  romanize: { summary: 'Romanize text, files or stdin (the default command)', load: () => import('./commands/romanize.ts') },
  schemes: { summary: 'List the schemes and their options (--json for machine use)', load: () => import('./commands/schemes.ts') },
  serve: { summary: 'Serve the web page and the JSON API on http://127.0.0.1:8080/', load: () => import('./commands/serve.ts') },
  cite: { summary: 'Find archival references in text or Markdown, report inconsistent forms, --fix them', load: () => import('./commands/cite.ts') },
  check: { summary: 'Check romanized Russian in English prose for inconsistent spellings; --fix them', load: () => import('./commands/check.ts') },
  reverse: { summary: 'Read romanized Russian back into Cyrillic, with ranked candidates (--json)', load: () => import('./commands/reverse.ts') },
  deromanize: { summary: 'Same as reverse', load: () => import('./commands/reverse.ts') },
  convert: { summary: 'Convert romanized Russian between schemes (--from A --to B), flagging uncertain words', load: () => import('./commands/convert.ts') },
  bib: { summary: 'Romanize a BibTeX/BibLaTeX file or CSL-JSON (Zotero export), keeping everything else as written', load: () => import('./commands/bib.ts') },
  marc: { summary: 'MARC 21 records: romanize into linked 880 pairs, check pairs, propose 880s (romanize|check|vernacular)', load: () => import('./commands/marc.ts') },
};

/** Edits from `a` to `b`: a letter changed, added or left out, or two neighbours swapped (each counts 1). */
function editDistance(a: string, b: string): number {
  // d[i][j]: edits from a's first i letters to b's first j (optimal string alignment).
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The command a first word that names none was probably meant to be (`chekc` → `check`), else
 * `undefined`: the word is of lower-case Latin letters only (so never Russian text, nor a
 * capitalised name) and within one edit of a command's name, two for a name of seven letters or
 * more (docs/cli.md, "A mistyped command"). Without this, `latinitsa chekc book.md` would romanize
 * the words "chekc book.md" and exit 0, and the mistake would go unnoticed.
 */
export function nearCommand(word: string): string | undefined {
  if (!/^[a-z]{3,}$/u.test(word) || Object.hasOwn(commands, word)) return undefined;
  let near: { name: string; edits: number } | undefined;
  for (const name of Object.keys(commands)) {
    const edits = editDistance(word, name);
    if (edits <= (name.length >= 7 ? 2 : 1) && (near === undefined || edits < near.edits)) near = { name, edits };
  }
  return near?.name;
}
