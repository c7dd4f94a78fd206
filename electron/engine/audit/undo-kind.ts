import type { z } from 'zod';
import type { Db } from '../store/open';

/** One undoable action as the stack holds it (the stack row plus the audit entry it belongs to). */
export interface StackedAction {
  id: number;
  actor: string;
  kind: string;
  /** The document the action was on, or null (a source's licence decision). */
  documentId: number | null;
  /** What the kind needs to find the thing again (a question, a source id, a span key…). */
  key: string;
  auditId: number;
  /** The original audit entry's action, entity and entity id; undo/redo entries are appended under the same entity. */
  auditAction: string;
  entity: string;
  entityId: string | null;
}

/**
 * How one feature reverts and re-applies its own actions. `before`/`after` are the states the feature recorded
 * with the action (parsed by `state`); `apply(db, a, from, to)` moves the thing from `from` to `to` and must
 * throw `KurasiError('conflict')` when it is no longer at `from` (someone changed it since), writing nothing.
 */
export interface UndoKind<S> {
  kind: string;
  /** Prefix of the audit actions written for undo and redo (`<prefix>.undo`, `<prefix>.redo`). */
  auditPrefix: string;
  state: z.ZodType<S>;
  apply(db: Db, a: StackedAction, from: S, to: S): void;
  /** What the undo/redo audit entry shows of a state (default `{ state }`; dedupe names its documents, not every member). */
  auditView?: (a: StackedAction, state: S) => Record<string, unknown>;
}

/** A kind with its state type erased, as the registry holds it. */
export interface RegisteredUndoKind {
  kind: string;
  auditPrefix: string;
  apply(db: Db, a: StackedAction, from: unknown, to: unknown): void;
  auditView(a: StackedAction, state: unknown): Record<string, unknown>;
}

export function undoKind<S>(k: UndoKind<S>): RegisteredUndoKind {
  return {
    kind: k.kind,
    auditPrefix: k.auditPrefix,
    apply: (db, a, from, to) => k.apply(db, a, k.state.parse(from), k.state.parse(to)),
    auditView: (a, state) => (k.auditView ? k.auditView(a, k.state.parse(state)) : { state }),
  };
}
