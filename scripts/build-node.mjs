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
const entries = { cli: 'electron/cli/main.ts', ...workers };
if (existsSync('electron/main/main.ts')) entries.main = 'electron/main/main.ts';
for (const b of ['import', 'langid', 'dedupe', 'export', 'ui']) {
  if (existsSync(`tests/bench/${b}.ts`)) entries[`bench/${b}`] = `tests/bench/${b}.ts`;
}

await build({ ...common, entryPoints: entries, outdir: 'dist', external: ['electron'] });
if (existsSync('electron/preload/preload.ts')) {
  // Sandboxed preloads must be CommonJS and may only require('electron').
  await build({ ...common, banner: undefined, packages: undefined, entryPoints: { preload: 'electron/preload/preload.ts' }, outdir: 'dist', format: 'cjs', outExtension: { '.js': '.cjs' }, external: ['electron'], platform: 'node' });
}
