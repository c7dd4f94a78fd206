import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/engine/store/migrate';
import { migrations } from '../../../electron/engine/store/migrations';
import { tempDbPath } from '../../helpers/temp';

describe('migration 0011 (reject-reread)', () => {
  it('upgrades a corpus that already has rejects, keeping every row (copies left by earlier re-imports too)', () => {
    const db = new Database(tempDbPath());
    try {
      migrate(db, migrations.slice(0, 10), 'test.db');
      db.prepare(`INSERT INTO sources(name, reject_count, created_at) VALUES ('lama', 2, '2026-01-01T00:00:00Z')`).run();
      const add = db.prepare(`INSERT INTO rejects(job_id, source_id, file, line, reason, excerpt, created_at) VALUES (?, 1, 'b.jsonl.gz', NULL, 'not gzip data', 'x', '2026-01-01T00:00:00Z')`);
      add.run(1);
      add.run(2);
      const before = db.prepare('SELECT id, job_id, source_id, file, line, reason, excerpt, created_at FROM rejects ORDER BY id').all();
      migrate(db, migrations, 'test.db');
      expect(db.prepare('SELECT id, job_id, source_id, file, line, reason, excerpt, created_at FROM rejects ORDER BY id').all()).toEqual(before);
      expect(db.prepare('SELECT earlier_job_id FROM rejects').pluck().all()).toEqual([null, null]);
      expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'rejects_source_file_line'`).pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });
});
