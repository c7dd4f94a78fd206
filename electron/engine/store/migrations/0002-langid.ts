import type { Migration } from '../migration';

/**
 * Language identification. Per-document results live in the documents summary columns (lang,
 * lang_confidence, lang_source 'auto'|'manual', code_mixed); per-document language shares across
 * paragraphs live here, written only for documents with more than one paragraph.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'langid',
  up(db) {
    db.exec(`
      CREATE TABLE document_languages (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        lang TEXT NOT NULL,
        share REAL NOT NULL,
        paragraphs INTEGER NOT NULL,
        confidence REAL NOT NULL,
        PRIMARY KEY (document_id, lang)
      ) STRICT, WITHOUT ROWID;

      -- Breakdown per language, refreshed at the end of each langid job and on every manual override,
      -- so the breakdown chart and kurasi stats never scan a million documents on the engine thread.
      CREATE TABLE langid_summary (
        lang TEXT PRIMARY KEY,
        documents INTEGER NOT NULL,
        characters INTEGER NOT NULL,
        code_mixed INTEGER NOT NULL,
        manual INTEGER NOT NULL
      ) STRICT;

      CREATE INDEX documents_langid_lang ON documents(lang, id);
      CREATE INDEX documents_langid_code_mixed ON documents(code_mixed, id) WHERE code_mixed = 1;
    `);
  },
};
