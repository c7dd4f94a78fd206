import type { Migration } from '../migration';

/** Seconds after a clearing during which its own reviewer may still attach evidence without undoing it. */
export const EVIDENCE_GRACE_SECONDS = 3600;

export const CLEARED_KEPT_NOTE = 'evidence added by the reviewer who cleared it, within an hour of clearing';

/**
 * Evidence added after a clearing no longer always undoes it. The natural order is to clear and then attach the proof
 * the decision rests on; turning the source stale at once made every such clearing need a second one. The clearing
 * still covers only what its reviewer saw, so the exception is narrow: the evidence is added by the very reviewer
 * who cleared the source (`sources.reviewer`), within an hour of `decided_at`. Evidence by anyone else, or later,
 * turns the source stale as before; removing evidence always does. Each time the exception applies, a
 * `license.cleared-kept` audit entry (actor `kurasi`) says so, next to the reviewer's `license.evidence.add`.
 */
const KEPT = `EXISTS (SELECT 1 FROM sources s WHERE s.id = NEW.source_id AND s.review_state = 'cleared'
  AND s.reviewer = NEW.added_by AND s.decided_at IS NOT NULL
  AND julianday(NEW.added_at) >= julianday(s.decided_at)
  AND (julianday(NEW.added_at) - julianday(s.decided_at)) * 86400 <= ${EVIDENCE_GRACE_SECONDS})`;

export const migration0017: Migration = {
  version: 17,
  name: 'evidence-keeps-clearing',
  up(db) {
    db.exec(`
      DROP TRIGGER license_evidence_added_stale;

      CREATE TRIGGER license_evidence_added_stale AFTER INSERT ON license_evidence
      WHEN (SELECT review_state FROM sources WHERE id = NEW.source_id) = 'cleared' AND NOT ${KEPT}
      BEGIN
        UPDATE sources SET review_state = 'stale' WHERE id = NEW.source_id;
        INSERT INTO audit_log(at, actor, action, entity, entity_id, before, after, note)
        VALUES (strftime('%Y-%m-%dT%H:%M:%fZ','now'), 'kurasi', 'license.stale', 'source', CAST(NEW.source_id AS TEXT),
          json_object('reviewState','cleared'), json_object('reviewState','stale'), 'evidence added after clearing');
      END;

      CREATE TRIGGER license_evidence_added_kept AFTER INSERT ON license_evidence
      WHEN ${KEPT}
      BEGIN
        INSERT INTO audit_log(at, actor, action, entity, entity_id, before, after, note)
        VALUES (strftime('%Y-%m-%dT%H:%M:%fZ','now'), 'kurasi', 'license.cleared-kept', 'source', CAST(NEW.source_id AS TEXT),
          json_object('reviewState','cleared'), json_object('reviewState','cleared', 'evidenceId', NEW.id), '${CLEARED_KEPT_NOTE}');
      END;
    `);
  },
};
