import { KurasiError } from '../errors';
import { appendAudit } from '../store/audit';
import type { Db } from '../store/open';
import type { StackedAction } from './undo-kind';
import { findUndoKind } from './undo-kinds';

interface StackRow {
  id: number;
  actor: string;
  state: string;
  document_id: number;
  question: string;
  kind: string;
  before: string;
  after: string;
  audit_id: number;
  group_id: number | null;
  audit_action: string | null;
  entity: string | null;
  entity_id: string | null;
}

export interface UndoOutcome {
  actionId: number | null;
  documentId: number | null;
  /** The kind of the undone/redone action (label, span, adjudication, langid, dedupe, license, pii) and its audit action. */
  kind: string | null;
  action: string | null;
  description: string | null;
  /** The label questions the step changed (labels, spans, adjudications), in the order they were answered. */
  questions: string[];
}

const none: UndoOutcome = { actionId: null, documentId: null, kind: null, action: null, description: null, questions: [] };

/** Kinds whose stack key is a label question: their audit entries name it, and their notes the stack row. */
const QUESTION_KINDS = new Set(['label', 'span', 'adjudication']);

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

function describe(steps: StackedAction[], verb: 'undid' | 'redid'): string {
  const a = steps[0]!;
  const where = a.documentId !== null ? `document ${a.documentId}` : `${a.entity} ${a.entityId ?? ''}`.trim();
  return QUESTION_KINDS.has(a.kind) ? `${verb} ${a.kind} ${steps.map((s) => `'${s.key}'`).join(', ')} on ${where}` : `${verb} ${a.auditAction} on ${where}`;
}

/** Moves one stack row; `seq` orders undone rows for redo (a gesture's rows share one). */
function move(db: Db, r: StackRow, direction: 'undo' | 'redo', seq: number): StackedAction {
  const a = stacked(r);
  const kind = findUndoKind(a.kind);
  if (!kind) throw new KurasiError('conflict', `no undo is registered for '${a.kind}' actions`);
  const before = JSON.parse(r.before) as unknown;
  const after = JSON.parse(r.after) as unknown;
  const [from, to] = direction === 'undo' ? [after, before] : [before, after];
  kind.apply(db, a, from, to);
  if (direction === 'undo') {
    db.prepare(`UPDATE label_actions SET state = 'undone', undone_at = ? WHERE id = ?`).run(seq, a.id);
  } else {
    db.prepare(`UPDATE label_actions SET state = 'done', undone_at = NULL WHERE id = ?`).run(a.id);
  }
  // Undo and redo are decisions too: the append-only log gets an entry under the same entity as the original.
  const byQuestion = QUESTION_KINDS.has(a.kind);
  const tag = byQuestion ? { question: a.key } : { action: a.auditAction };
  appendAudit(db, {
    actor: a.actor,
    action: `${kind.auditPrefix}.${direction}`,
    entity: a.entity,
    entityId: a.entityId,
    before: { ...tag, ...kind.auditView(a, from) },
    after: { ...tag, ...kind.auditView(a, to) },
    note: `${direction} of ${byQuestion ? `action ${a.id}` : `audit entry ${a.auditId}`}`,
  });
  return a;
}

/**
 * Moves a whole step: the row alone, or every row of its gesture still in the state `r` is in. Undo goes newest
 * first and redo oldest first, so each row meets the state its neighbour left. A conflict in any row throws, and
 * the caller's transaction writes none of them.
 */
function step(db: Db, r: StackRow, direction: 'undo' | 'redo'): UndoOutcome {
  const rows =
    r.group_id === null
      ? [r]
      : (db
          .prepare(`${SELECT} WHERE s.actor = ? AND s.group_id = ? AND s.state = ? ORDER BY s.id ${direction === 'undo' ? 'DESC' : 'ASC'}`)
          .all(r.actor, r.group_id, r.state) as StackRow[]);
  const seq = direction === 'undo' ? (db.prepare(`SELECT coalesce(max(undone_at), 0) + 1 AS n FROM label_actions WHERE actor = ?`).get(r.actor) as { n: number }).n : 0;
  const moved = rows.map((x) => move(db, x, direction, seq)).sort((x, y) => x.id - y.id);
  const first = moved[0]!;
  const last = moved[moved.length - 1]!;
  return {
    actionId: last.id,
    documentId: first.documentId,
    kind: first.kind,
    action: first.auditAction,
    description: describe(moved, direction === 'undo' ? 'undid' : 'redid'),
    questions: QUESTION_KINDS.has(first.kind) ? moved.map((x) => x.key) : [],
  };
}

/** Undoes the actor's most recent action that is still done, whatever feature it came from. */
export function undo(db: Db, actor: string): UndoOutcome {
  return db.transaction((): UndoOutcome => {
    const r = db.prepare(`${SELECT} WHERE s.actor = ? AND s.state = 'done' ORDER BY s.id DESC LIMIT 1`).get(actor) as StackRow | undefined;
    return r ? step(db, r, 'undo') : none;
  }).immediate();
}

/** Redoes the actor's most recently undone action (until a new action ends the redo chain). */
export function redo(db: Db, actor: string): UndoOutcome {
  return db.transaction((): UndoOutcome => {
    const r = db.prepare(`${SELECT} WHERE s.actor = ? AND s.state = 'undone' ORDER BY s.undone_at DESC LIMIT 1`).get(actor) as StackRow | undefined;
    return r ? step(db, r, 'redo') : none;
  }).immediate();
}
