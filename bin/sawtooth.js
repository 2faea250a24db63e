#!/usr/bin/env node
// The `sawtooth` command: a thin launcher for the bundled CLI (dist/cli, built by `npm install` /
// `npm run build:sim`: tsc, then rolldown; see rolldown.config.js).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/sawtooth.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('sawtooth: the compiled CLI is missing; run `npm install` (or `npm run build:sim`) in the checkout first');
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
