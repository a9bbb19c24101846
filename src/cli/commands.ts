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
