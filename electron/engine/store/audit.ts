import type { Db } from './open';

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  note?: string | null;
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  note: string | null;
}

/** Appends one decision to the audit log (the table refuses updates and deletes). Returns its id. */
export function appendAudit(db: Db, e: AuditEntry): number {
  const info = db
    .prepare(
      'INSERT INTO audit_log(at, actor, action, entity, entity_id, before, after, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      new Date().toISOString(),
      e.actor,
      e.action,
      e.entity,
      e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
      e.note ?? null,
    );
  return Number(info.lastInsertRowid);
}

/** An audit_log row as SQLite returns it. */
export interface AuditDbRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  note: string | null;
}

export function toAuditRow(r: AuditDbRow): AuditRow {
  return {
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
    note: r.note,
  };
}

export function listAudit(db: Db, entity: string, entityId: string | number, limit = 200): AuditRow[] {
  const rows = db
    .prepare(
      'SELECT id, at, actor, action, entity, entity_id, before, after, note FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT ?',
    )
    .all(entity, String(entityId), limit) as AuditDbRow[];
  return rows.map(toAuditRow);
}
