import { KurasiError } from '../errors';
import { appendAudit } from '../store/audit';
import type { Db } from '../store/open';
import type { StackedAction } from './undo-kind';
import { findUndoKind } from './undo-kinds';

interface StackRow {
  id: number;
  actor: string;
  document_id: number;
  question: string;
  kind: string;
  before: string;
  after: string;
  audit_id: number;
  audit_action: string | null;
  entity: string | null;
  entity_id: string | null;
}

export interface UndoOutcome {
  actionId: number | null;
  documentId: number | null;
  /** The kind of the undone/redone action (label, span, langid, dedupe, license, pii) and its audit action. */
  kind: string | null;
  action: string | null;
  description: string | null;
}

const none: UndoOutcome = { actionId: null, documentId: null, kind: null, action: null, description: null };

const SELECT = `SELECT s.*, a.action AS audit_action, a.entity, a.entity_id FROM label_actions s LEFT JOIN audit_log a ON a.id = s.audit_id`;

function stacked(r: StackRow): StackedAction {
  return {
    id: r.id,
    actor: r.actor,
    kind: r.kind,
    documentId: r.document_id > 0 ? r.document_id : null,
    key: r.question,
    auditId: r.audit_id,
    auditAction: r.audit_action ?? r.kind,
    entity: r.entity ?? 'document',
    entityId: r.entity_id ?? (r.document_id > 0 ? String(r.document_id) : null),
  };
}

function describe(a: StackedAction, verb: 'undid' | 'redid'): string {
  const where = a.documentId !== null ? `document ${a.documentId}` : `${a.entity} ${a.entityId ?? ''}`.trim();
  return a.kind === 'label' || a.kind === 'span' ? `${verb} ${a.kind} '${a.key}' on ${where}` : `${verb} ${a.auditAction} on ${where}`;
}

function move(db: Db, r: StackRow, direction: 'undo' | 'redo'): UndoOutcome {
  const a = stacked(r);
  const kind = findUndoKind(a.kind);
  if (!kind) throw new KurasiError('conflict', `no undo is registered for '${a.kind}' actions`);
  const before = JSON.parse(r.before) as unknown;
  const after = JSON.parse(r.after) as unknown;
  const [from, to] = direction === 'undo' ? [after, before] : [before, after];
  kind.apply(db, a, from, to);
  if (direction === 'undo') {
    const seq = (db.prepare(`SELECT coalesce(max(undone_at), 0) + 1 AS n FROM label_actions WHERE actor = ?`).get(a.actor) as { n: number }).n;
    db.prepare(`UPDATE label_actions SET state = 'undone', undone_at = ? WHERE id = ?`).run(seq, a.id);
  } else {
    db.prepare(`UPDATE label_actions SET state = 'done', undone_at = NULL WHERE id = ?`).run(a.id);
  }
  // Undo and redo are decisions too: the append-only log gets an entry under the same entity as the original.
  const tag = a.kind === 'label' || a.kind === 'span' ? { question: a.key } : { action: a.auditAction };
  appendAudit(db, {
    actor: a.actor,
    action: `${kind.auditPrefix}.${direction}`,
    entity: a.entity,
    entityId: a.entityId,
    before: { ...tag, ...kind.auditView(a, from) },
    after: { ...tag, ...kind.auditView(a, to) },
    note: `${direction} of ${a.kind === 'label' || a.kind === 'span' ? `action ${a.id}` : `audit entry ${a.auditId}`}`,
  });
  return { actionId: a.id, documentId: a.documentId, kind: a.kind, action: a.auditAction, description: describe(a, direction === 'undo' ? 'undid' : 'redid') };
}

/** Undoes the actor's most recent action that is still done, whatever feature it came from. */
export function undo(db: Db, actor: string): UndoOutcome {
  return db.transaction((): UndoOutcome => {
    const r = db.prepare(`${SELECT} WHERE s.actor = ? AND s.state = 'done' ORDER BY s.id DESC LIMIT 1`).get(actor) as StackRow | undefined;
    return r ? move(db, r, 'undo') : none;
  }).immediate();
}

/** Redoes the actor's most recently undone action (until a new action ends the redo chain). */
export function redo(db: Db, actor: string): UndoOutcome {
  return db.transaction((): UndoOutcome => {
    const r = db.prepare(`${SELECT} WHERE s.actor = ? AND s.state = 'undone' ORDER BY s.undone_at DESC LIMIT 1`).get(actor) as StackRow | undefined;
    return r ? move(db, r, 'redo') : none;
  }).immediate();
}
