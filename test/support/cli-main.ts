// `latinitsa ARGV` from the sources, as a process of its own (for signals, resource limits and
// pipes closed early): `node --import tsx test/support/cli-main.ts ARGV`.
import { main } from '../../src/cli/main.ts';

process.exitCode = await main(process.argv.slice(2));
