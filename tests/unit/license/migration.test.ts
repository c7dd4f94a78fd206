import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/engine/store/migrate';
import { migrations } from '../../../electron/engine/store/migrations';
import { tempDbPath } from '../../helpers/temp';

describe('migration 0005 (license)', () => {
  it('upgrades a corpus that already has sources, keeping their licences and state', () => {
    const db = new Database(tempDbPath());
    try {
      migrate(db, migrations.slice(0, 4), 'test.db');
      db.prepare(
        `INSERT INTO sources(name, declared_license, concluded_license, review_state, created_at) VALUES ('lama', 'CC-BY-4.0', 'CC-BY-4.0', 'cleared', '2026-01-01T00:00:00Z')`,
      ).run();
      migrate(db, migrations, 'test.db');
      const row = db.prepare(`SELECT concluded_license, review_state, tdm_status, robots_status, reviewer FROM sources WHERE name = 'lama'`).get();
      expect(row).toEqual({ concluded_license: 'CC-BY-4.0', review_state: 'cleared', tdm_status: 'unknown', robots_status: 'unknown', reviewer: null });
      // The CHECK constraints hold on the new columns.
      expect(() => db.prepare(`UPDATE sources SET tdm_status = 'maybe'`).run()).toThrow(/CHECK/);
      // The stale trigger works on upgraded rows too.
      db.prepare(`UPDATE sources SET terms_url = 'https://contoh.id/ketentuan' WHERE name = 'lama'`).run();
      expect(db.prepare(`SELECT review_state FROM sources WHERE name = 'lama'`).get()).toEqual({ review_state: 'stale' });
      expect(db.prepare(`SELECT actor, action FROM audit_log`).all()).toEqual([{ actor: 'kurasi', action: 'license.stale' }]);
    } finally {
      db.close();
    }
  });
});
