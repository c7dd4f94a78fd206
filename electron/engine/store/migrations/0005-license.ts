import type { Migration } from '../migration';

/**
 * Licensing review. Reuses `sources.declared_license / concluded_license / review_state` from 0001 and adds
 * what a data lead records per source, evidence items (files stored in the corpus so the proof travels with it),
 * optional per-document licences, and reviewer-declared flags for `LicenseRef-` ids.
 * Triggers turn a cleared decision stale when its licence or evidence changes, whoever writes it (an import
 * re-declaring a licence too), and log that in the audit log.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'license',
  up(db) {
    db.exec(`
      ALTER TABLE sources ADD COLUMN terms_url TEXT;
      ALTER TABLE sources ADD COLUMN tdm_status TEXT NOT NULL DEFAULT 'unknown'
        CHECK (tdm_status IN ('unknown','none','reserved','permitted'));
      ALTER TABLE sources ADD COLUMN robots_status TEXT NOT NULL DEFAULT 'unknown'
        CHECK (robots_status IN ('unknown','allowed','disallowed','not-applicable'));
      ALTER TABLE sources ADD COLUMN reviewer TEXT;
      ALTER TABLE sources ADD COLUMN decided_at TEXT;
      CREATE INDEX sources_review_state ON sources(review_state);

      CREATE TABLE license_evidence (
        id INTEGER PRIMARY KEY,
        source_id INTEGER NOT NULL REFERENCES sources(id),
        kind TEXT NOT NULL CHECK (kind IN ('url','file','note')),
        url TEXT,
        file_name TEXT,
        sha256 TEXT,
        size INTEGER,
        content BLOB,
        note TEXT,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL,
        removed_by TEXT,
        removed_at TEXT
      ) STRICT;
      CREATE INDEX license_evidence_source ON license_evidence(source_id);

      CREATE TABLE document_licenses (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id),
        concluded_license TEXT NOT NULL,
        set_by TEXT NOT NULL,
        set_at TEXT NOT NULL,
        note TEXT
      ) STRICT;

      CREATE TABLE license_refs (
        ref TEXT PRIMARY KEY,
        use_class TEXT NOT NULL CHECK (use_class IN ('commercial','non-commercial','research-only','unknown')),
        attribution INTEGER NOT NULL,
        share_alike TEXT,
        no_derivatives INTEGER NOT NULL,
        url TEXT,
        note TEXT,
        set_by TEXT NOT NULL,
        set_at TEXT NOT NULL
      ) STRICT;

      CREATE TRIGGER sources_license_stale
      AFTER UPDATE OF declared_license, concluded_license, terms_url, tdm_status, robots_status ON sources
      WHEN OLD.review_state = 'cleared' AND NEW.review_state = 'cleared' AND (
        OLD.declared_license IS NOT NEW.declared_license OR OLD.concluded_license IS NOT NEW.concluded_license OR
        OLD.terms_url IS NOT NEW.terms_url OR OLD.tdm_status IS NOT NEW.tdm_status OR
        OLD.robots_status IS NOT NEW.robots_status)
      BEGIN
        UPDATE sources SET review_state = 'stale' WHERE id = NEW.id;
        INSERT INTO audit_log(at, actor, action, entity, entity_id, before, after, note)
        VALUES (strftime('%Y-%m-%dT%H:%M:%fZ','now'), 'kurasi', 'license.stale', 'source', CAST(NEW.id AS TEXT),
          json_object('reviewState','cleared'), json_object('reviewState','stale'), 'licence or evidence changed after clearing');
      END;

      CREATE TRIGGER license_evidence_added_stale AFTER INSERT ON license_evidence
      WHEN (SELECT review_state FROM sources WHERE id = NEW.source_id) = 'cleared'
      BEGIN
        UPDATE sources SET review_state = 'stale' WHERE id = NEW.source_id;
        INSERT INTO audit_log(at, actor, action, entity, entity_id, before, after, note)
        VALUES (strftime('%Y-%m-%dT%H:%M:%fZ','now'), 'kurasi', 'license.stale', 'source', CAST(NEW.source_id AS TEXT),
          json_object('reviewState','cleared'), json_object('reviewState','stale'), 'evidence added after clearing');
      END;

      CREATE TRIGGER license_evidence_removed_stale AFTER UPDATE OF removed_at ON license_evidence
      WHEN OLD.removed_at IS NULL AND NEW.removed_at IS NOT NULL
        AND (SELECT review_state FROM sources WHERE id = NEW.source_id) = 'cleared'
      BEGIN
        UPDATE sources SET review_state = 'stale' WHERE id = NEW.source_id;
        INSERT INTO audit_log(at, actor, action, entity, entity_id, before, after, note)
        VALUES (strftime('%Y-%m-%dT%H:%M:%fZ','now'), 'kurasi', 'license.stale', 'source', CAST(NEW.source_id AS TEXT),
          json_object('reviewState','cleared'), json_object('reviewState','stale'), 'evidence removed after clearing');
      END;
    `);
  },
};
