import type { Db } from '../store/open';

export interface UndoableEntry {
  actor: string;
  /** A kind registered in `undo-kinds.ts`. */
  kind: string;
  documentId: number | null;
  key: string;
  before: unknown;
  after: unknown;
  /** The audit entry that recorded the action (written first, in the same transaction). */
  auditId: number;
}

/**
 * Pushes an action on its actor's undo stack, in the caller's transaction. One stack per actor across every
 * feature: the rows live in `label_actions` (named for its first user, the annotation screen). A new action
 * ends the actor's redo chain, as in any editor. Returns the stack row id.
 */
export function recordUndoable(db: Db, e: UndoableEntry): number {
  db.prepare(`UPDATE label_actions SET state = 'dead' WHERE actor = ? AND state = 'undone'`).run(e.actor);
  const info = db
    .prepare(`INSERT INTO label_actions(actor, document_id, question, kind, before, after, audit_id, state) VALUES (?, ?, ?, ?, ?, ?, ?, 'done')`)
    .run(e.actor, e.documentId ?? 0, e.key, e.kind, JSON.stringify(e.before ?? null), JSON.stringify(e.after ?? null), e.auditId);
  return Number(info.lastInsertRowid);
}
