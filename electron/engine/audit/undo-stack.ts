import { getMeta, type Db } from '../store/open';

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
 * Whose stack an action goes on: the identity chosen on first run (meta `labels.annotator`, the person at this
 * laptop) when there is one, else the engine's actor. `audit.undo` asks for the same identity, so a label and a
 * language override made in one session are one stack, in order.
 */
export function stackOwner(db: Db, actor: string): string {
  return getMeta(db, 'labels.annotator') ?? actor;
}

/**
 * Pushes an action on its owner's undo stack, in the caller's transaction. One stack per person across every
 * feature: the rows live in `label_actions` (named for its first user, the annotation screen). A new action
 * ends the owner's redo chain, as in any editor. Returns the stack row id.
 */
export function recordUndoable(db: Db, e: UndoableEntry): number {
  const owner = stackOwner(db, e.actor);
  db.prepare(`UPDATE label_actions SET state = 'dead' WHERE actor = ? AND state = 'undone'`).run(owner);
  const info = db
    .prepare(`INSERT INTO label_actions(actor, document_id, question, kind, before, after, audit_id, state) VALUES (?, ?, ?, ?, ?, ?, ?, 'done')`)
    .run(owner, e.documentId ?? 0, e.key, e.kind, JSON.stringify(e.before ?? null), JSON.stringify(e.after ?? null), e.auditId);
  return Number(info.lastInsertRowid);
}
