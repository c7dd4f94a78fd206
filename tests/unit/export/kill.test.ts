import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportOptions } from '../../../shared/contract/export';
import { runExport, PROGRESS_FILE } from '../../../electron/engine/export/run-export';
import { openCorpus } from '../../../electron/engine/store/open';
import { CLI, runKurasi } from '../../helpers/cli';
import { tempDbPath, tempDir } from '../../helpers/temp';
import { bulkSeed } from './bulk';
import { tree } from './read';

function completedShards(out: string): number {
  try {
    return (JSON.parse(readFileSync(join(out, PROGRESS_FILE), 'utf8')) as { shards: unknown[] }).shards.length;
  } catch {
    return 0;
  }
}

describe('export killed with SIGKILL', () => {
  it('leaves no partial or corrupt file under a final name, and a re-run completes it byte-identically', async () => {
    const db = tempDbPath();
    bulkSeed(db, 120_000);
    const args = ['--format', 'jsonl.gz', '--max-docs', '4000'];

    // Reference: the same export, uninterrupted.
    const ref = tempDir();
    const conn = openCorpus(db);
    await runExport(conn, exportOptions.parse({ out: ref, format: 'jsonl.gz', maxDocs: 4000 }), { actor: 'test' });
    conn.close();
    const expected = tree(ref);

    const out = tempDir();
    const child = spawn(process.execPath, [CLI, 'export', '--db', db, '--out', out, ...args], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const deadline = Date.now() + 45_000;
    while (completedShards(out) < 3 && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(existsSync(join(out, 'manifest.json')), 'the export finished before it could be killed').toBe(false);

    const left = tree(out);
    let finals = 0;
    for (const [name, bytes] of left) {
      if (name.endsWith('.partial') || name === PROGRESS_FILE) continue;
      finals++;
      // anything under a final name is complete: exactly the uninterrupted export's bytes
      expect(expected.get(name)?.equals(bytes), name).toBe(true);
    }
    expect(finals).toBeGreaterThanOrEqual(3);

    const rerun = await runKurasi(['export', '--db', db, '--out', out, ...args, '--json']);
    expect(rerun.stderr).toBe('');
    expect(rerun.code).toBe(0);
    const result = JSON.parse(rerun.stdout) as { resumedShards: number; documents: number };
    expect(result.resumedShards).toBeGreaterThanOrEqual(3);
    expect(result.documents).toBe(120_000);
    const done = tree(out);
    expect([...done.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [name, bytes] of expected) expect(done.get(name)!.equals(bytes), name).toBe(true);
  }, 300_000);
});
