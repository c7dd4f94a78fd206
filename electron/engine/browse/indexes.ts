import type { Db } from '../store/open';

/**
 * Indexes the browser pages through (each ends in the rowid, so `ORDER BY col, id` is an index walk).
 * Used by migration 0009 and, until the migration list reaches 0009, created on start-up by the front doors
 * (`kurasi serve`, Electron main) so a large corpus never sorts in memory.
 */
export const browseIndexSql = `
  CREATE INDEX IF NOT EXISTS documents_browse_source ON documents(source_id);
  CREATE INDEX IF NOT EXISTS documents_browse_length ON documents(char_count);
  CREATE INDEX IF NOT EXISTS documents_browse_lang ON documents(lang);
  CREATE INDEX IF NOT EXISTS documents_browse_dup ON documents(dup_status);
  CREATE INDEX IF NOT EXISTS documents_browse_labels ON documents(label_count);
  CREATE INDEX IF NOT EXISTS documents_browse_pii ON documents(pii_count);
  CREATE INDEX IF NOT EXISTS documents_browse_quality ON documents(quality_pass);
`;

export function ensureBrowseIndexes(db: Db): void {
  db.exec(browseIndexSql);
  db.exec('ANALYZE documents');
}
