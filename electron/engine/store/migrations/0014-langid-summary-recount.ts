import type { Migration } from '../migration';

/**
 * The language summary is now kept right range by range, in each range's transaction (langid/store.ts writeRange).
 * Before, it was only recounted when a langid job finished, so a corpus whose last langid job was cancelled, failed
 * or killed may still hold a stale summary: it is recounted once here (one scan of the documents; the SQL is written
 * out, not imported, so this migration does the same thing whenever it runs).
 */
export const migration0014: Migration = {
  version: 14,
  name: 'langid-summary-recount',
  up(db) {
    db.exec(`
      DELETE FROM langid_summary;
      INSERT INTO langid_summary(lang, documents, characters, code_mixed, manual)
        SELECT lang, count(*), coalesce(sum(char_count), 0), coalesce(sum(code_mixed = 1), 0), coalesce(sum(lang_source = 'manual'), 0)
        FROM documents WHERE lang IS NOT NULL GROUP BY lang;
    `);
  },
};
