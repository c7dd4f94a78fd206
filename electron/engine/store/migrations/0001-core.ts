import type { Migration } from '../migration';

/**
 * The core corpus. Per-document summary columns (lang…quality_pass) are filled by later features so the
 * browser can sort and filter on them in SQLite without joins; each feature keeps its details in its own tables.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'core',
  up(db) {
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

      CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        origin TEXT NOT NULL DEFAULT '',
        declared_license TEXT,
        concluded_license TEXT,
        review_state TEXT NOT NULL DEFAULT 'unreviewed',
        created_at TEXT NOT NULL,
        imported_at TEXT,
        document_count INTEGER NOT NULL DEFAULT 0,
        reject_count INTEGER NOT NULL DEFAULT 0,
        char_count INTEGER NOT NULL DEFAULT 0,
        word_count INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      -- id is the import order.
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        source_id INTEGER NOT NULL REFERENCES sources(id),
        external_id TEXT NOT NULL,
        text TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        char_count INTEGER NOT NULL,
        word_count INTEGER NOT NULL,
        metadata TEXT,
        import_job_id INTEGER,
        lang TEXT,
        lang_confidence REAL,
        lang_source TEXT,
        code_mixed INTEGER,
        dup_status TEXT,
        dup_cluster INTEGER,
        label_count INTEGER NOT NULL DEFAULT 0,
        pii_count INTEGER,
        quality_pass INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX documents_source_external ON documents(source_id, external_id);
      CREATE INDEX documents_text_hash ON documents(text_hash);

      -- Full-text index over documents.text, filled in bulk after each import (see store/fts.ts).
      CREATE VIRTUAL TABLE documents_fts USING fts5(
        text, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
      );

      CREATE TABLE import_files (
        id INTEGER PRIMARY KEY,
        job_id INTEGER,
        source_id INTEGER NOT NULL REFERENCES sources(id),
        path TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        state TEXT NOT NULL,
        imported INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0,
        rejected INTEGER NOT NULL DEFAULT 0,
        started_at TEXT NOT NULL,
        finished_at TEXT
      ) STRICT;
      CREATE INDEX import_files_source_sha ON import_files(source_id, sha256);

      CREATE TABLE rejects (
        id INTEGER PRIMARY KEY,
        job_id INTEGER,
        source_id INTEGER REFERENCES sources(id),
        file TEXT NOT NULL,
        line INTEGER,
        reason TEXT NOT NULL,
        excerpt TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX rejects_job ON rejects(job_id);

      CREATE TABLE jobs (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued','running','done','failed','cancelled','interrupted')),
        params TEXT NOT NULL,
        done INTEGER NOT NULL DEFAULT 0,
        total INTEGER,
        message TEXT,
        result TEXT,
        error TEXT,
        checkpoint TEXT,
        created_at TEXT NOT NULL,
        started_at TEXT,
        finished_at TEXT,
        heartbeat_at TEXT
      ) STRICT;

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT,
        before TEXT,
        after TEXT,
        note TEXT
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
