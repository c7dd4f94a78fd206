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
  CREATE INDEX IF NOT EXISTS documents_browse_cover ON documents(id, source_id, lang, dup_status, label_count, pii_count, quality_pass, code_mixed);
`;

/** Creates the browse indexes that are missing; returns how many it made (0 once migration 0009 ran). */
export function ensureBrowseIndexes(db: Db): number {
  const wanted = [...browseIndexSql.matchAll(/IF NOT EXISTS (\w+)/g)].map((m) => m[1] ?? '');
  const have = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index'`).all() as { name: string }[]).map((r) => r.name));
  const missing = wanted.filter((n) => !have.has(n)).length;
  if (missing === 0) return 0;
  db.exec(browseIndexSql);
  // Fresh statistics let the planner pick these indexes for ORDER BY on a large corpus.
  db.exec('ANALYZE documents');
  return missing;
}
