import { toAuditRow, type AuditDbRow } from '../store/audit';
import type { Db } from '../store/open';
import { isBlind } from '../labels/settings';

const COLUMNS = 'id, at, actor, action, entity, entity_id, before, after, note';

/**
 * A document's history, newest first: its own entries (labels, spans, language override, PII decisions, its
 * own licence), the duplicate-cluster decisions that named it, and its source's licence decisions. Undo and
 * redo entries sit under the same entity as what they undid. In blind mode other annotators' label entries
 * stay hidden.
 */
export function documentHistory(db: Db, documentId: number, viewer: string, limit: number) {
  const blind = isBlind(db);
  const source = db.prepare('SELECT source_id FROM documents WHERE id = ?').pluck().get(documentId) as number | undefined;
  const id = String(documentId);
  // Duplicate decisions are few (one per click) and name their documents in JSON: a substring test of the id
  // skips most of them before any JSON is parsed.
  const rows = db
    .prepare(
      `SELECT * FROM (
         SELECT ${COLUMNS} FROM audit_log WHERE entity = 'document' AND entity_id = @id
         UNION ALL
         SELECT ${COLUMNS} FROM audit_log WHERE entity = 'source' AND entity_id = @source AND action LIKE 'license.%'
         UNION ALL
         SELECT ${COLUMNS} FROM audit_log WHERE entity = 'dedupe-cluster' AND (instr(after, @id) > 0 OR instr(before, @id) > 0) AND (
           EXISTS (SELECT 1 FROM json_each(audit_log.after, '$.documentIds') WHERE value = @doc)
           OR EXISTS (SELECT 1 FROM json_each(audit_log.before, '$.documentIds') WHERE value = @doc)
           OR EXISTS (SELECT 1 FROM json_each(audit_log.before) WHERE json_valid(value) AND json_extract(value, '$.documentId') = @doc))
       ) ORDER BY id DESC LIMIT @limit`,
    )
    .all({ id, doc: documentId, source: source === undefined ? null : String(source), limit }) as AuditDbRow[];
  return rows
    .map(toAuditRow)
    .filter((r) => !blind || r.actor === viewer || !/^(label|span)\./.test(r.action))
    .map((r) => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entityId, before: r.before, after: r.after, note: r.note }));
}
