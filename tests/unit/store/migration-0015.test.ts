import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/engine/store/migrate';
import { migrations } from '../../../electron/engine/store/migrations';
import { tempDbPath } from '../../helpers/temp';

describe('migration 0015 (lang-reason)', () => {
  it('adds a nullable lang_reason to documents labelled by an older version, which keep their labels and get no reason', () => {
    const db = new Database(tempDbPath());
    try {
      migrate(db, migrations.slice(0, 14), 'test.db');
      db.prepare(`INSERT INTO sources(name, created_at) VALUES ('lama', '2026-01-01T00:00:00Z')`).run();
      const add = db.prepare(
        `INSERT INTO documents(source_id, external_id, text, text_hash, char_count, word_count, lang, lang_confidence, lang_source) VALUES (1, ?, 'teks', ?, 4, 1, ?, ?, ?)`,
      );
      add.run('a', 'h1', 'und', 0, 'auto');
      add.run('b', 'h2', 'ind', 0.9, 'auto');
      add.run('c', 'h3', null, null, null);
      migrate(db, migrations, 'test.db');
      const column = (db.prepare('PRAGMA table_info(documents)').all() as Array<{ name: string; type: string; notnull: number }>).find(
        (c) => c.name === 'lang_reason',
      );
      expect(column).toMatchObject({ type: 'TEXT', notnull: 0 });
      // Which rule made an old `und` cannot be told from what was stored: the next langid run fills it.
      expect(db.prepare('SELECT external_id AS id, lang, lang_confidence AS conf, lang_reason AS reason FROM documents ORDER BY id').all()).toEqual([
        { id: 'a', lang: 'und', conf: 0, reason: null },
        { id: 'b', lang: 'ind', conf: 0.9, reason: null },
        { id: 'c', lang: null, conf: null, reason: null },
      ]);
    } finally {
      db.close();
    }
  });
});
