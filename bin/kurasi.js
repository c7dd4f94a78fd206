#!/usr/bin/env node
// Entry of the `kurasi` command: the bundled CLI in dist/ (built by `npm run build:node`).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('kurasi: not built yet; run `npm run build` in ' + root + '\n');
  process.exit(1);
}
await import(pathToFileURL(cli).href);
