#!/usr/bin/env node
// The CLI, compiled from src/cli by `npm run build` (run by `prepare` on `npm ci`, and by `npm test`).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
