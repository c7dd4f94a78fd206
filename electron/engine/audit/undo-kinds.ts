import type { RegisteredUndoKind } from './undo-kind';
import { labelsUndoKinds } from '../labels/undo-kind';

/** Every feature's undoable actions. One line per feature (its `<feature>/undo-kind.ts`). */
const kinds: RegisteredUndoKind[] = [
  ...labelsUndoKinds,
];

const byKind = new Map(kinds.map((k) => [k.kind, k]));

export function findUndoKind(kind: string): RegisteredUndoKind | undefined {
  return byKind.get(kind);
}
