import type { Migration } from '../migration';

/**
 * Personal data. Findings are rewritten by every `pii` job run; decisions (confirm / dismiss) live in
 * their own table keyed by the span, so they survive re-runs (document text never changes after import).
 * documents.pii_count = findings not dismissed (NULL = not scanned yet).
 */
export const migration0006: Migration = {
  version: 6,
  name: 'pii',
  up(db) {
    db.exec(`
      CREATE TABLE pii_findings (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        type TEXT NOT NULL,
        confidence REAL NOT NULL,
        category TEXT NOT NULL CHECK (category IN ('general', 'specific')),
        PRIMARY KEY (document_id, start, end, type)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX pii_findings_type ON pii_findings(type, document_id);

      CREATE TABLE pii_decisions (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        type TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'dismissed')),
        actor TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        PRIMARY KEY (document_id, start, end, type)
      ) STRICT, WITHOUT ROWID;

      -- Findings per type, refreshed by the job and on every decision, so counts never scan the corpus.
      CREATE TABLE pii_summary (
        type TEXT PRIMARY KEY,
        findings INTEGER NOT NULL,
        documents INTEGER NOT NULL,
        confirmed INTEGER NOT NULL,
        dismissed INTEGER NOT NULL
      ) STRICT;

      CREATE INDEX documents_pii_count ON documents(pii_count, id);
    `);
  },
};
