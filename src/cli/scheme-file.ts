// A scheme of the user's own, named on the command line or in a settings file: the one place every
// command reads one (docs/cli.md `--scheme-file`, docs/check.md "Settings").
import path from 'node:path';
import { LatinitsaError } from '../errors.ts';
import type { Scheme } from '../schemes/registry.ts';
import { usageError } from './args.ts';

/** Options of {@link readUserScheme}. */
export interface UserSchemeOptions {
  /** The folder `name` is relative to: the current folder for a flag, the settings file's for a setting. */
  base: string;
  /**
   * What named the file, when it is not a flag: `.latinitsarc.json: "schemeFile"`. Every error
   * then starts with it, so that it says where to look.
   */
  where?: string;
}

/**
 * Reads and loads the scheme file `name`, as the user wrote it: every error (cannot read it, not
 * JSON, a wrong field, by its JSON pointer) names the file so, not by its full path. The scheme is
 * not registered: it is passed as an object, and a later run (or the server) never sees it. A file
 * whose id is a built-in scheme's is refused: the checker's messages and results name schemes by
 * id, and a scheme of one's own would pass there for the standard it modifies.
 *
 * @param name The file as the user wrote it.
 * @param options The folder it is relative to, and what named it.
 * @returns The scheme.
 */
export async function readUserScheme(name: string, options: UserSchemeOptions): Promise<Scheme> {
  try {
    // Loaded here, not at start-up: most runs name a built-in scheme.
    const { readSchemeFile } = await import('../io/files.ts');
    return await readSchemeFile(path.resolve(options.base, name), { name, own: true });
  } catch (error) {
    if (options.where === undefined || !(error instanceof LatinitsaError)) throw error;
    throw new LatinitsaError(error.code, `${options.where}: ${error.message}`, { file: error.file ?? name, ...(error.pointer === undefined ? {} : { pointer: error.pointer }), cause: error });
  }
}

/**
 * The scheme a command's pair of flags names (`--scheme ID` or `--scheme-file FILE`; for the
 * checker's notes also `--notes-scheme`/`--notes-scheme-file`): the id, the loaded scheme, or
 * undefined when neither is given. Both at once is a usage error.
 *
 * @param command The command, for the usage error (`''`: the default command).
 * @param given The values of the two flags, and their names.
 * @param cwd The folder a relative file name is read from.
 */
export async function schemeFromFlags(command: string, given: { id: unknown; file: unknown; flags?: readonly [string, string] }, cwd: string): Promise<string | Scheme | undefined> {
  const [idFlag, fileFlag] = given.flags ?? ['--scheme', '--scheme-file'];
  const id = typeof given.id === 'string' ? given.id : undefined;
  const file = typeof given.file === 'string' ? given.file : undefined;
  if (id !== undefined && file !== undefined) throw usageError(command, `give either ${idFlag} or ${fileFlag}`);
  return file === undefined ? id : readUserScheme(file, { base: cwd });
}
