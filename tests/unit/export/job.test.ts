import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openEngine } from '../../../electron/engine/engine';
import type { ExportResult } from '../../../shared/contract/export';
import { tempDbPath, tempDir } from '../../helpers/temp';
import { bulkSeed } from './bulk';
import { manifest, sha256, tree } from './read';

describe('export job', () => {
  it('reports progress, cancels cleanly (no temp files left, whole shards only) and a new job resumes', async () => {
    const db = tempDbPath();
    bulkSeed(db, 60_000);
    const engine = openEngine({ dbPath: db, actor: 'tester' });
    try {
      const out = tempDir();
      const params = { out, format: 'jsonl.gz', maxDocs: 2000, actor: 'tester' };
      const progress: number[] = [];
      let id = -1;
      const off = engine.events.on('job-progress', (p) => {
        if (p.jobId !== id || p.state !== 'running') return;
        progress.push(p.done);
        if (p.done >= 10_000) engine.jobs.cancel(id);
      });
      id = engine.jobs.start('export', params);
      const cancelled = await engine.jobs.wait(id);
      off();
      expect(cancelled.state).toBe('cancelled');
      expect(progress.length).toBeGreaterThan(0);
      expect(existsSync(join(out, 'manifest.json'))).toBe(false);
      const left = [...tree(out).keys()];
      expect(left.filter((f) => f.endsWith('.partial'))).toEqual([]);

      const again = await engine.jobs.wait(engine.jobs.start('export', params));
      expect(again.state).toBe('done');
      const r = again.result as ExportResult;
      expect(r.documents).toBe(60_000);
      expect(r.resumedShards).toBe(left.filter((f) => f.startsWith('data/')).length);
      for (const s of manifest(out).shards) expect(sha256(join(out, s.file))).toBe(s.sha256);
    } finally {
      await engine.close();
    }
  }, 300_000);
});
