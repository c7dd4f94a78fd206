import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/engine/store/migrate';
import { migrations } from '../../../electron/engine/store/migrations';
import { tempDbPath } from '../../helpers/temp';

describe('migration 0017 (evidence-keeps-clearing)', () => {
  it('lets a corpus cleared before the upgrade keep its clearing for its reviewer\'s evidence within the hour, and only then', () => {
    const db = new Database(tempDbPath());
    try {
      const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
      migrate(db, migrations.slice(0, migrations.findIndex((m) => m.version === 17)), 'test.db');
      db.prepare(
        `INSERT INTO sources(name, concluded_license, review_state, reviewer, decided_at, created_at) VALUES ('lama', 'CC-BY-4.0', 'cleared', 'ayu', ?, '2026-01-01T00:00:00Z')`,
      ).run(at(5));
      migrate(db, migrations, 'test.db');
      const triggers = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'license_evidence' ORDER BY name`).all();
      expect(triggers).toEqual([{ name: 'license_evidence_added_kept' }, { name: 'license_evidence_added_stale' }, { name: 'license_evidence_removed_stale' }]);

      const add = db.prepare(`INSERT INTO license_evidence(source_id, kind, url, added_by, added_at) VALUES (1, 'url', 'https://contoh.id/izin', ?, ?)`);
      const state = () => (db.prepare(`SELECT review_state FROM sources WHERE id = 1`).get() as { review_state: string }).review_state;
      const audit = () => db.prepare(`SELECT actor, action, json_extract(after, '$.evidenceId') AS evidence FROM audit_log ORDER BY id`).all();
      add.run('ayu', at(0));
      expect(state()).toBe('cleared');
      expect(audit()).toEqual([{ actor: 'kurasi', action: 'license.cleared-kept', evidence: 1 }]);
      // Evidence dated before the clearing is not something the clearing followed.
      add.run('ayu', at(10));
      expect(state()).toBe('stale');
      expect(audit()).toEqual([
        { actor: 'kurasi', action: 'license.cleared-kept', evidence: 1 },
        { actor: 'kurasi', action: 'license.stale', evidence: null },
      ]);
    } finally {
      db.close();
    }
  });
});
