import { execFileSync } from 'node:child_process';

/**
 * Jobs run in worker threads and the CLI runs as a child process, both from dist/. Build the Node side once
 * before any test file runs, so tests always exercise the current source (and never race on a rebuild).
 */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-node.mjs'], { stdio: 'inherit' });
}
