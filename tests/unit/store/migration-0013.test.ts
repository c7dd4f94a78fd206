import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { openEngine, type Engine } from '../../../electron/engine/engine';
import { rebuildSummary } from '../../../electron/engine/langid/store';
import { migrations } from '../../../electron/engine/store/migrations';
import { seedCorpus } from '../../helpers/corpus';

let engine: Engine | null = null;
afterEach(async () => {
  await engine?.close();
  engine = null;
});

const charCount = (db: Database.Database, id: number) => db.prepare('SELECT char_count FROM documents WHERE id = ?').pluck().get(id) as number;
const summary = (db: Database.Database) => db.prepare('SELECT lang, documents, characters, code_mixed, manual FROM langid_summary ORDER BY lang').all();

describe('migration 0013 (lang-aliases)', () => {
  it('turns overrides stored as zsm and msa into zlm: documents, summary rows merged, and the undo stack', async () => {
    const { path, db } = seedCorpus([
      { text: 'Saya hendak pergi ke kedai runcit sekejap.' },
      { text: 'Kerajaan negeri mengumumkan cuti umum esok.' },
      { text: 'Kerajaan persekutuan membentangkan bajet tahunan.' },
      { text: 'Hari ini hujan turun sejak pagi.' },
    ]);
    db.exec(`UPDATE documents SET lang = CASE WHEN id = 3 THEN 'zlm' ELSE 'ind' END, lang_source = 'auto', lang_confidence = 0.8`);
    rebuildSummary(db);
    db.close();
    // Two overrides made through the API, then spelt as the version before this one stored them (it kept what was typed).
    engine = openEngine({ dbPath: path, actor: 'ana' });
    await dispatch(engine, 'documents.setLanguage', { id: 1, lang: 'zlm' });
    await dispatch(engine, 'documents.setLanguage', { id: 2, lang: 'zlm' });
    await engine.close();
    engine = null;
    const old = new Database(path);
    old.exec(`
      UPDATE documents SET lang = CASE id WHEN 1 THEN 'zsm' ELSE 'msa' END WHERE id IN (1, 2);
      DELETE FROM langid_summary;
      INSERT INTO langid_summary(lang, documents, characters, code_mixed, manual)
        SELECT lang, count(*), sum(char_count), 0, sum(lang_source = 'manual') FROM documents GROUP BY lang;
      UPDATE label_actions SET after = json_set(after, '$.lang', CASE document_id WHEN 1 THEN 'zsm' ELSE 'msa' END) WHERE kind = 'langid';
      -- Version 12 had no column of later migrations: they add it again.
      ALTER TABLE documents DROP COLUMN lang_reason;
      ALTER TABLE label_actions DROP COLUMN group_id;
      DROP TRIGGER license_evidence_added_kept;
      PRAGMA user_version = 12;
    `);
    const chars = (id: number) => charCount(old, id);
    expect(summary(old)).toEqual([
      { lang: 'ind', documents: 1, characters: chars(4), code_mixed: 0, manual: 0 },
      { lang: 'msa', documents: 1, characters: chars(2), code_mixed: 0, manual: 1 },
      { lang: 'zlm', documents: 1, characters: chars(3), code_mixed: 0, manual: 0 },
      { lang: 'zsm', documents: 1, characters: chars(1), code_mixed: 0, manual: 1 },
    ]);
    old.close();

    engine = openEngine({ dbPath: path, actor: 'ana' });
    const e = engine;
    expect(e.db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(e.db.prepare('SELECT id, lang, lang_source AS source FROM documents ORDER BY id').all()).toEqual([
      { id: 1, lang: 'zlm', source: 'manual' },
      { id: 2, lang: 'zlm', source: 'manual' },
      { id: 3, lang: 'zlm', source: 'auto' },
      { id: 4, lang: 'ind', source: 'auto' },
    ]);
    // Merged rows, equal to a rebuild from the documents.
    expect(summary(e.db)).toEqual([
      { lang: 'ind', documents: 1, characters: charCount(e.db, 4), code_mixed: 0, manual: 0 },
      { lang: 'zlm', documents: 3, characters: charCount(e.db, 1) + charCount(e.db, 2) + charCount(e.db, 3), code_mixed: 0, manual: 2 },
    ]);
    expect(e.db.prepare(`SELECT json_extract(after, '$.lang') FROM label_actions WHERE kind = 'langid' ORDER BY id`).pluck().all()).toEqual(['zlm', 'zlm']);

    // Undoing an old override compares the code the document has now, so it is not taken for someone else's change.
    expect(await dispatch(e, 'audit.undo', {})).toMatchObject({ ok: true, value: { documentId: 2, action: 'langid.override' } });
    expect(await dispatch(e, 'audit.undo', {})).toMatchObject({ ok: true, value: { documentId: 1, action: 'langid.override' } });
    expect(e.db.prepare('SELECT lang, lang_source FROM documents WHERE id IN (1, 2)').raw(true).all()).toEqual([
      ['ind', 'auto'],
      ['ind', 'auto'],
    ]);
    expect(summary(e.db)).toEqual([
      { lang: 'ind', documents: 3, characters: charCount(e.db, 1) + charCount(e.db, 2) + charCount(e.db, 4), code_mixed: 0, manual: 0 },
      { lang: 'zlm', documents: 1, characters: charCount(e.db, 3), code_mixed: 0, manual: 0 },
    ]);
  });
});
