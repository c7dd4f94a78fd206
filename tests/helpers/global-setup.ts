import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
}

/**
 * Jobs run in worker threads and the CLI runs as a child process, both from dist/; the end-to-end tests serve
 * dist/renderer. Build them once before any test file runs, so tests always exercise the current sources and
 * never race on a rebuild. (`npm test` has just built everything, so the renderer check is then a no-op.)
 */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-node.mjs'], { stdio: 'inherit' });
  const index = join('dist', 'renderer', 'index.html');
  if (!existsSync(index) || statSync(index).mtimeMs < Math.max(newest('renderer'), newest('shared'))) {
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'error'], {
      stdio: 'inherit',
    });
  }
}
