import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../paths';

/** Where the bundled worker `<name>` lives (built from any electron/.../<name>.worker.ts by scripts/build-node.mjs). */
export function workerPath(name: string): string {
  const root = projectRoot();
  const candidates = [join(root, 'dist', 'workers', `${name}.js`)];
  if (root.includes('app.asar')) candidates.unshift(join(root.replace('app.asar', 'app.asar.unpacked'), 'dist', 'workers', `${name}.js`));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`worker '${name}' is not built (looked for ${candidates.join(', ')}); run \`npm run build:node\``);
  return found;
}
