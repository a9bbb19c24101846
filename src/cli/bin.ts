// The CLI as `bin/latinitsa.js` runs it. `npm run build` bundles this file, with everything the
// default command (romanize) needs, into one CommonJS file, dist/cli/bin.cjs: on Node 20, which
// has no compile cache for ES modules, resolving, reading and linking some thirty modules cost more
// start-up than the command itself (docs/performance.md). The other commands are not in the
// bundle: they run on the compiled modules of dist/, whole, so that one run never mixes the
// bundle's copies of the modules (and of their state and error class) with theirs.
import { commands, DEFAULT_COMMAND } from './commands.ts';
import { main } from './main.ts';

/**
 * Runs the CLI on `argv` and returns the exit code: the default command here, any other command
 * through `compiled`, which loads the compiled CLI (`latinitsa/cli`).
 * (Not part of the package's API: only the bin script calls it.)
 */
export async function run(argv: string[], compiled: () => Promise<{ main: typeof main }>): Promise<number> {
  const name = argv[0];
  const other = name !== undefined && name !== DEFAULT_COMMAND && Object.hasOwn(commands, name);
  return (other ? (await compiled()).main : main)(argv);
}
