import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/engine/store/migrate';
import { migrations } from '../../../electron/engine/store/migrations';
import { tempDbPath } from '../../helpers/temp';

describe('migration 0014 (langid-summary-recount)', () => {
  it('recounts a language summary left stale by a langid job that was cancelled or killed under an older version', () => {
    const db = new Database(tempDbPath());
    try {
      migrate(db, migrations.slice(0, 13), 'test.db');
      db.prepare(`INSERT INTO sources(name, created_at) VALUES ('lama', '2026-01-01T00:00:00Z')`).run();
      const add = db.prepare(
        `INSERT INTO documents(source_id, external_id, text, text_hash, char_count, word_count, lang, lang_source, code_mixed) VALUES (1, ?, 'teks', ?, ?, 1, ?, ?, ?)`,
      );
      add.run('a', 'h1', 10, 'ind', 'auto', 0);
      add.run('b', 'h2', 20, 'ind', 'auto', 1);
      add.run('c', 'h3', 30, 'jav', 'auto', 0);
      add.run('d', 'h4', 40, 'sun', 'manual', 0);
      add.run('e', 'h5', 50, null, null, null);
      // What the older version left: the counts of the last finished run, before the cancelled one labelled more.
      db.prepare(`INSERT INTO langid_summary(lang, documents, characters, code_mixed, manual) VALUES ('ind', 1, 10, 0, 0), ('eng', 7, 70, 0, 0)`).run();
      migrate(db, migrations, 'test.db');
      expect(db.prepare('SELECT lang, documents, characters, code_mixed AS codeMixed, manual FROM langid_summary ORDER BY lang').all()).toEqual([
        { lang: 'ind', documents: 2, characters: 30, codeMixed: 1, manual: 0 },
        { lang: 'jav', documents: 1, characters: 30, codeMixed: 0, manual: 0 },
        { lang: 'sun', documents: 1, characters: 40, codeMixed: 0, manual: 1 },
      ]);
    } finally {
      db.close();
    }
  });
});
