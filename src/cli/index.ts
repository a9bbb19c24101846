// Public API of src/cli (Node only): the CLI as a function, and the pieces a new command uses.
export { main } from './main.ts';
export { commands, DEFAULT_COMMAND, type CommandEntry } from './commands.ts';
export { defineCommand, parseCommandArgs, runCommand, usageError, oneOf, parseOptionPairs, kebabCase, camelCase, type Args, type Command, type CommandSpec, type HelpContext, type Options, type PrepareOutcome } from './args.ts';
export { reportFormat, writeReport, reportOptions } from './report.ts';
export { version } from './version.ts';
export { helpText, schemesText, schemeOptionLines } from './help.ts';
export { DEMO_TEXT, unmappedWarning } from './commands/romanize.ts';
export type { CliIO } from './types.ts';
