// Bundles the Node side (CLI, Electron main/preload, job and pool workers) into dist/.
// Workers are found by convention: every electron/**/*.worker.ts becomes dist/workers/<name>.js.
import { build } from 'esbuild';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';

function findWorkers(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) findWorkers(p, out);
    else if (name.endsWith('.worker.ts')) out.push(p);
  }
  return out;
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: 'linked',
  packages: 'external',
  logLevel: 'warning',
  // ESM bundles still meet CommonJS-style code in a few deps' paths; give them require().
  banner: { js: "import { createRequire as __kurasiCreateRequire } from 'node:module'; const require = __kurasiCreateRequire(import.meta.url);" },
};

const workers = Object.fromEntries(findWorkers('electron').map((p) => [`workers/${basename(p, '.worker.ts')}`, p]));
const benches = {};
for (const b of ['import', 'langid', 'dedupe', 'export', 'ui']) {
  if (existsSync(`tests/bench/${b}.ts`)) benches[`bench/${b}`] = `tests/bench/${b}.ts`;
}

// Workers are bundled with their JavaScript dependencies: a job worker starts per job, and resolving and loading a
// dozen packages from node_modules took ~0.4 s of each start. better-sqlite3 (native) stays external.
await build({ ...common, packages: undefined, entryPoints: workers, outdir: 'dist', external: ['electron', 'better-sqlite3'] });
const entries = { cli: 'electron/cli/main.ts', ...benches };
if (existsSync('electron/main/main.ts')) entries.main = 'electron/main/main.ts';
await build({ ...common, entryPoints: entries, outdir: 'dist', external: ['electron'] });
if (existsSync('electron/preload/preload.ts')) {
  // Sandboxed preloads must be CommonJS and may only require('electron').
  await build({ ...common, banner: undefined, packages: undefined, entryPoints: { preload: 'electron/preload/preload.ts' }, outdir: 'dist', format: 'cjs', outExtension: { '.js': '.cjs' }, external: ['electron'], platform: 'node' });
}
