import { parseArgs, type ParseArgsConfig } from 'node:util';
import { LatinitsaError } from '../errors.ts';

/** A usage error of a sub-command: one line that points at its `--help`. */
export function usageError(command: string, message: string): LatinitsaError {
  return new LatinitsaError('ERR_USAGE', `${command}: ${message} (see latinitsa ${command} --help)`);
}

/**
 * Parses a sub-command's arguments (positionals allowed, unknown options refused); a parse error
 * becomes a one-line usage error.
 */
export function parseCommandArgs<const O extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  argv: string[],
  options: O,
): ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: O }>> {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (error) {
    throw usageError(command, (error instanceof Error ? error.message : String(error)).split('\n')[0]!);
  }
}
