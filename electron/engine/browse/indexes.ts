/**
 * Indexes the browser pages through (each ends in the rowid, so `ORDER BY col, id` is an index walk); migration 0008.
 * Migrations 0009 and 0010 (store/migrations/) replaced several of them: those files hold the current set.
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
