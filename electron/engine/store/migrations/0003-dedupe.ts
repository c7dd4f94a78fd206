import type { Migration } from '../migration';

/**
 * Deduplication. Fingerprints (exact key + LSH band keys per document) are kept so a later run only
 * fingerprints new documents (and never re-reads the old texts); clusters and members are rewritten in one transaction at the end of a
 * run, so a cancelled run leaves the previous result whole. Overrides are stated in document ids and
 * re-applied after every run. `documents.dup_status` ('kept' | 'duplicate', NULL = no duplicate
 * found) and `documents.dup_cluster` mirror the members table for the corpus browser.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'dedupe',
  up(db) {
    db.exec(`
      -- Fingerprints in chunks of a few thousand documents (typed arrays as little-endian blobs), so a
      -- million documents are a few hundred rows to write and to read back. seq = the run attempt that
      -- wrote the chunk; chunks with seq <= meta 'dedupe.clustered_seq' were clustered by a finished run.
      CREATE TABLE dedupe_chunks (
        id INTEGER PRIMARY KEY,
        seq INTEGER NOT NULL,
        count INTEGER NOT NULL,
        ids BLOB NOT NULL,        -- float64 document ids
        exact BLOB NOT NULL,      -- uint32 × 2 per document: the 64-bit exact key
        shingles BLOB NOT NULL,   -- uint32 per document: shingle count (0 = nothing to compare)
        keys BLOB NOT NULL,       -- uint32 × bands per document: LSH band keys
        info BLOB NOT NULL        -- uint32 × 2 per document: char_count, source_id (for the keep rule)
      ) STRICT;

      CREATE TABLE dedupe_runs (
        id INTEGER PRIMARY KEY,
        job_id INTEGER,
        params TEXT NOT NULL,
        incremental INTEGER NOT NULL,
        documents INTEGER NOT NULL,
        fingerprinted INTEGER NOT NULL,
        clusters INTEGER NOT NULL,
        duplicates INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE dedupe_clusters (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES dedupe_runs(id),
        kind TEXT NOT NULL CHECK (kind IN ('exact','near')),
        size INTEGER NOT NULL,
        kept_count INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX dedupe_clusters_size ON dedupe_clusters(size DESC, id);

      CREATE TABLE dedupe_members (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id),
        cluster_id INTEGER NOT NULL REFERENCES dedupe_clusters(id),
        status TEXT NOT NULL CHECK (status IN ('kept','duplicate')),
        exact_group INTEGER NOT NULL,
        overridden INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX dedupe_members_cluster ON dedupe_members(cluster_id);

      -- action: keep | drop (documents), split (documents leave the others), merge (documents together).
      CREATE TABLE dedupe_overrides (
        id INTEGER PRIMARY KEY,
        action TEXT NOT NULL CHECK (action IN ('keep','drop','split','merge')),
        document_ids TEXT NOT NULL,
        others TEXT,
        actor TEXT NOT NULL,
        created_at TEXT NOT NULL,
        note TEXT
      ) STRICT;

      CREATE INDEX documents_dup_status ON documents(dup_status);
    `);
  },
};
