#!/usr/bin/env node
// The CLI, compiled from src/cli by `npm run build` (run by `npm test`, `npm start` and `npm pack`;
// the npm package ships it compiled).
import module from 'node:module';

// Node 22.1 and later keep V8's compiled code of the CLI's modules between runs (in the system's
// temporary folder), which shortens start-up; Node 20 has no such cache (docs/performance.md).
// The CLI's modules are loaded only after it is on, hence the dynamic import.
module.enableCompileCache?.();
const { main } = await import('../dist/cli/main.js');

process.exitCode = await main(process.argv.slice(2));
