// The layer rule (as VS Code does it): each top-level folder may import only from the layers below it.
//   shared/    pure TypeScript: no node:*, no electron, no DOM, nothing from electron/ or renderer/
//   renderer/  browser code: shared/ only, never node:* or electron
//   electron/  Node side: shared/ and itself; only electron/main and electron/preload may import 'electron'
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const files = [];
function walk(dir) {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (n === 'node_modules' || n === 'dist') continue;
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(ts|tsx)$/.test(n)) files.push(p);
  }
}
for (const d of ['shared', 'renderer', 'electron']) walk(d);
// Build configuration runs in Node at build time, not in the renderer.
const buildConfig = /^renderer\/vite\.config\.ts$/;

const importRe = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
const nodeBuiltins = /^(node:|fs$|path$|os$|crypto$|worker_threads$|child_process$|stream$|zlib$|http$|url$|util$|events$)/;
const domGlobals = /\b(window|document|localStorage|navigator)\./;
const problems = [];
for (const f of files) {
  const src = readFileSync(f, 'utf8');
  const rel = relative('.', f).replaceAll('\\', '/');
  for (const m of src.matchAll(importRe)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (rel.startsWith('shared/')) {
      if (nodeBuiltins.test(spec) || spec === 'electron' || spec === 'better-sqlite3' || spec.startsWith('react') || /(^|\/)(electron|renderer)\//.test(spec))
        problems.push(`${rel}: shared/ must stay pure, but imports '${spec}'`);
    } else if (rel.startsWith('renderer/') && !buildConfig.test(rel)) {
      if (nodeBuiltins.test(spec) || spec === 'electron' || spec === 'better-sqlite3' || /(^|\/)electron\//.test(spec))
        problems.push(`${rel}: renderer/ may not import '${spec}'`);
    } else if (rel.startsWith('electron/')) {
      if (spec === 'electron' && !rel.startsWith('electron/main/') && !rel.startsWith('electron/preload/'))
        problems.push(`${rel}: only electron/main and electron/preload may import 'electron'`);
      if (/(^|\/)renderer\//.test(spec)) problems.push(`${rel}: electron/ may not import renderer code ('${spec}')`);
    }
  }
  if (rel.startsWith('shared/') && domGlobals.test(src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, ''))) problems.push(`${rel}: shared/ must not touch DOM globals`);
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`layers ok (${files.length} files)`);
