import type { Migration } from '../migration';

/**
 * One set of indexes on `documents`, owned by the browser (every index slows imports and dedupe writes).
 * Features had each added their own copy of the same index: in SQLite an index on (col) already ends in the
 * rowid, so (col) and (col, id) are the same B-tree. One of each is kept:
 * - source: (source_id, id, summary columns…) — serves source sorting, the labels queue's source filter and any
 *   combined filter with a source as a narrow covering range in id order (not a walk over every document);
 * - language: (lang, id, summary columns…) — the same for language (labels queue, langid, browser);
 * - duplicate status, PII count, quality: the features' own (col, id) indexes;
 * - unchanged: source/external id (unique), text hash, duplicate cluster, code-mixed (partial), length,
 *   labels, and the id-ordered covering index for combined filters without a source or language.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'document-indexes',
  up(db) {
    db.exec(`
      DROP INDEX IF EXISTS labels_queue_source;
      DROP INDEX IF EXISTS documents_browse_source;
      DROP INDEX IF EXISTS labels_queue_lang;
      DROP INDEX IF EXISTS documents_browse_lang;
      DROP INDEX IF EXISTS documents_langid_lang;
      DROP INDEX IF EXISTS documents_browse_dup;
      DROP INDEX IF EXISTS documents_browse_pii;
      DROP INDEX IF EXISTS documents_browse_quality;
      CREATE INDEX IF NOT EXISTS documents_browse_source_cover
        ON documents(source_id, id, lang, dup_status, label_count, pii_count, quality_pass, code_mixed);
      CREATE INDEX IF NOT EXISTS documents_browse_lang_cover
        ON documents(lang, id, source_id, dup_status, label_count, pii_count, quality_pass, code_mixed);
      CREATE INDEX IF NOT EXISTS documents_dup_status ON documents(dup_status, id);
      CREATE INDEX IF NOT EXISTS documents_pii_count ON documents(pii_count, id);
      CREATE INDEX IF NOT EXISTS documents_quality_pass ON documents(quality_pass, id);
    `);
  },
};
