// The one argument layer of the CLI (docs/cli.md): every command declares its options, this file
// parses them with node:util parseArgs, prints `--help`, and turns every mistake into one usage
// error (exit 2, one line on stderr). A command never parses argv itself.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { LatinitsaError } from '../errors.ts';
import type { CliIO } from './types.ts';

/** A command's options, as node:util parseArgs takes them. */
export type Options = NonNullable<ParseArgsConfig['options']>;

/** What a command's `run` receives: option values (typed by its options) and positionals. */
export type Args<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: O }>>;

/** What `--help` text is made from: the command's name as typed ('' for the default command), the command table, the first-pass values. */
export interface HelpContext {
  name: string;
  commands: ReadonlyArray<{ name: string; summary: string }>;
  values: Record<string, unknown>;
}

/**
 * What the command's `prepare` made of the line when `--help` is asked for: its state, or the
 * error it threw (`--help` still prints, even after a mistake: docs/cli.md).
 */
export type PrepareOutcome<S> = { state: S } | { error: unknown };

/** A command of the CLI: its options and help, and what it does with them (see `defineCommand`). */
export interface CommandSpec<O extends Options, S> {
  /**
   * The text of `--help`. A command with `prepare` gets its outcome, so that the help describes what
   * the command would run with (romanize: the options of the scheme it would use).
   */
  help: string | ((context: HelpContext, prepared?: PrepareOutcome<S>) => string);
  options: O;
  /** Whether it takes positional arguments (files, text). Default true. */
  positionals?: boolean;
  /**
   * Options that exist only once the first reading of the line is known (romanize: the chosen
   * scheme's options as flags), and what was learnt on the way, handed to `run`.
   */
  prepare?: (values: Record<string, unknown>, io: CliIO) => Promise<{ options: Options; state: S; unknownHint?: string }>;
  /** Runs the command; returns the exit code (0 success, 1 findings, 2 usage or input error). */
  run: (args: Args<O>, io: CliIO, state: S) => Promise<number>;
}

/** A command with its types erased, as the command table holds it. */
export type Command = CommandSpec<Options, unknown>;

/**
 * Declares a command: the types of `run`'s arguments follow from its options.
 *
 * @example
 * import { defineCommand } from 'latinitsa/cli';
 * const hello = defineCommand({ help: 'Usage: hello', options: { loud: { type: 'boolean' } }, run: async (args) => (args.values.loud ? 1 : 0) });
 * typeof hello.run;
 * //=> 'function'
 */
export function defineCommand<const O extends Options, S = undefined>(spec: CommandSpec<O, S>): Command {
  return spec as unknown as Command;
}

/**
 * The columns of a command's `--help`: the indent of a flag with no short form (6 beside `-s, `
 * flags, or 2), and where descriptions start. Lines shared by several commands (the reporter's,
 * `--input-format`) are written in each command's own.
 */
export interface HelpLayout {
  readonly indent: number;
  readonly column: number;
}

/** One option of a `--help`, in a command's layout: the flag (with its value), then each line of the description. */
export function helpOption(layout: HelpLayout, flag: string, ...lines: string[]): string {
  const head = `${' '.repeat(layout.indent)}${flag}`;
  const first = head.length < layout.column - 1 ? head.padEnd(layout.column) : `${head} `;
  return [`${first}${lines[0] ?? ''}`, ...lines.slice(1).map((line) => `${' '.repeat(layout.column)}${line}`)].join('\n').concat('\n');
}

/** The usage error of a command: one line that points at its `--help`. */
export function usageError(command: string, message: string): LatinitsaError {
  const help = command === '' ? 'latinitsa --help' : `latinitsa ${command} --help`;
  return new LatinitsaError('ERR_USAGE', `${command === '' ? '' : `${command}: `}${message} (see ${help})`);
}

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

/** `--name` of a parseArgs message such as `Option '-s, --scheme <value>' argument missing`. */
function optionName(message: string): string {
  const quoted = /'([^']+)'/u.exec(message)?.[1] ?? '';
  return /--[\w-]+/u.exec(quoted)?.[0] ?? quoted.split(/[ ,]/u)[0] ?? quoted;
}

/** A parseArgs error in latinitsa's words. */
function describeParseError(error: unknown, unknownHint: string | undefined): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  const name = optionName(message);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${name}${unknownHint === undefined ? '' : ` (${unknownHint})`}`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument ${JSON.stringify(name)}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/u.test(message)) return `option ${name} takes no value`;
    if (/ambiguous/u.test(message)) return `option ${name} needs a value (write ${name}=VALUE for a value that starts with "-")`;
    return `option ${name} needs a value`;
  }
  return message.split('\n')[0]!;
}

/**
 * Parses a command's arguments strictly: unknown options, a missing or unwanted value, a positional
 * where none is taken, and an option given twice (unless it is `multiple`) are usage errors.
 *
 * @example
 * import { parseCommandArgs } from 'latinitsa/cli';
 * parseCommandArgs('check', ['--json', 'a.md'], { json: { type: 'boolean' } }).positionals;
 * //=> ['a.md']
 * (() => { try { parseCommandArgs('check', ['--bogus'], {}); } catch (e) { return (e as Error).message; } })();
 * //=> 'check: unknown option --bogus (see latinitsa check --help)'
 */
export function parseCommandArgs<const O extends Options>(command: string, argv: string[], options: O, settings: { positionals?: boolean; unknownHint?: string } = {}): Args<O> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: settings.positionals ?? true, tokens: true });
  } catch (error) {
    throw usageError(command, describeParseError(error, settings.unknownHint));
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option' || options[token.name]?.multiple === true) continue;
    if (seen.has(token.name)) throw usageError(command, `option --${token.name} given more than once`);
    seen.add(token.name);
  }
  return { values: parsed.values, positionals: parsed.positionals } as unknown as Args<O>;
}

/**
 * Runs a command on its arguments: `--help` (wherever it stands, even after a mistake) prints the
 * help; otherwise the arguments are parsed (in two passes when the command has `prepare`) and the
 * command runs.
 */
export async function runCommand(name: string, command: Command, argv: string[], io: CliIO, commands: HelpContext['commands']): Promise<number> {
  const loose = parseArgs({ args: argv, options: { ...command.options, ...HELP_OPTION }, strict: false, allowPositionals: true });
  if (loose.values['help'] === true) {
    let help = command.help;
    if (typeof help !== 'string') {
      // The help of a command with `prepare` (romanize) names what the command itself would resolve:
      // the same function, not a second reading of the flags (docs/cli.md: `--scheme ID --help`).
      let prepared: PrepareOutcome<unknown> | undefined;
      if (command.prepare !== undefined) {
        try {
          prepared = { state: (await command.prepare(loose.values, io)).state };
        } catch (error) {
          prepared = { error };
        }
      }
      help = help({ name, commands, values: loose.values }, prepared);
    }
    io.stdout.write(help);
    return 0;
  }
  const prepared = command.prepare === undefined ? undefined : await command.prepare(loose.values, io);
  const options = { ...command.options, ...prepared?.options, ...HELP_OPTION };
  const settings = { ...(command.positionals === undefined ? {} : { positionals: command.positionals }), ...(prepared?.unknownHint === undefined ? {} : { unknownHint: prepared.unknownHint }) };
  const args = parseCommandArgs(name, argv, options, settings);
  return command.run(args, io, prepared?.state);
}

/**
 * A value of a closed list, or a usage error naming the list.
 *
 * @example
 * import { oneOf } from 'latinitsa/cli';
 * oneOf('cite', 'style', 'russian', ['english', 'russian', 'numbers']);
 * //=> 'russian'
 */
export function oneOf<T extends string>(command: string, option: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw usageError(command, `--${option} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

/**
 * The one parser of `-O NAME=VALUE` (and `--option`): names in camelCase or kebab-case
 * (`sign-before-e` is `signBeforeE`), each at most once. Which names exist is the scheme's
 * business, checked where the scheme is resolved.
 *
 * @example
 * import { parseOptionPairs } from 'latinitsa/cli';
 * parseOptionPairs('romanize', ['sign-before-e=omit', 'tie=halves']);
 * //=> { signBeforeE: 'omit', tie: 'halves' }
 */
export function parseOptionPairs(command: string, pairs: readonly string[] | undefined, flag = '--option'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw usageError(command, `${flag} expects NAME=VALUE, found ${JSON.stringify(pair)}`);
    const name = camelCase(pair.slice(0, eq));
    if (!/^[A-Za-z][A-Za-z0-9]*$/u.test(name)) throw usageError(command, `invalid option name ${JSON.stringify(pair.slice(0, eq))}`);
    if (Object.hasOwn(out, name)) throw usageError(command, `option "${name}" given more than once`);
    out[name] = pair.slice(eq + 1);
  }
  return out;
}

/**
 * A scheme option's command-line flag: `signBeforeE` → `sign-before-e`.
 *
 * @example
 * import { kebabCase } from 'latinitsa/cli';
 * kebabCase('signBeforeE');
 * //=> 'sign-before-e'
 */
export function kebabCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * A flag's option name: `sign-before-e` → `signBeforeE`.
 *
 * @example
 * import { camelCase } from 'latinitsa/cli';
 * camelCase('sign-before-e');
 * //=> 'signBeforeE'
 */
export function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
