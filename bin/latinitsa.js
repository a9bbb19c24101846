#!/usr/bin/env node
// The CLI, compiled from src/cli by `npm run build` (run by `npm test`, `npm start` and `npm pack`;
// the npm package ships it compiled).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
