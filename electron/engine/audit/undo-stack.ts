import { userInfo } from 'node:os';
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

/** The engine's default actor (the OS user), as `openEngine` picks it when none is given. */
function osActor(): string {
  try {
    return process.env.KURASI_ACTOR ?? userInfo().username;
  } catch {
    return 'unknown';
  }
}

/**
 * Whose stack an action goes on. In the app the engine acts as the OS user while labels carry the identity
 * chosen on first run (meta `labels.annotator`): both are the person at this laptop, so the OS user's actions go
 * on the annotator's stack and one undo walks labels and language overrides in order. An explicit other actor
 * (`kurasi … --actor lead`) keeps its own stack: nobody else can undo it.
 */
export function stackOwner(db: Db, actor: string): string {
  return actor === osActor() ? (getMeta(db, 'labels.annotator') ?? actor) : actor;
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

/**
 * Makes stack rows recorded by one gesture (one key press that changed several answers) one undo step: undo and
 * redo take them back together. Each keeps its own audit entry. In the caller's transaction; fewer than two rows
 * need nothing.
 */
export function groupUndoable(db: Db, stackIds: readonly number[]): void {
  if (stackIds.length < 2) return;
  const set = db.prepare('UPDATE label_actions SET group_id = ? WHERE id = ?');
  for (const id of stackIds) set.run(stackIds[0], id);
}
