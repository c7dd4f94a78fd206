import type { Migration } from '../migration';

/**
 * The duplicate-status index carries the other summary columns, as the source and language ones do (0009): a
 * combined filter with a duplicate status (e.g. "exact duplicates that pass quality") then reads only that
 * status's range of one narrow index, instead of every entry of the id-ordered covering index. (dup_status, id)
 * is a prefix of the new index, so it replaces the old one rather than adding a write to every dedupe update.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'dup-status-cover',
  up(db) {
    db.exec(`
      DROP INDEX IF EXISTS documents_dup_status;
      CREATE INDEX IF NOT EXISTS documents_dup_status_cover
        ON documents(dup_status, id, source_id, lang, label_count, pii_count, quality_pass, code_mixed);
    `);
  },
};
