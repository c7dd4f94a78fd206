import type { RegisteredUndoKind } from './undo-kind';
import { dedupeUndo } from '../dedupe/undo-kind';
import { labelsUndoKinds } from '../labels/undo-kind';
import { langidUndo } from '../langid/undo-kind';
import { licenseUndoKinds } from '../license/undo-kind';
import { piiUndo } from '../pii/undo-kind';

/** Every feature's undoable actions. One line per feature (its `<feature>/undo-kind.ts`). */
const kinds: RegisteredUndoKind[] = [
  ...labelsUndoKinds,
  dedupeUndo,
  langidUndo,
  ...licenseUndoKinds,
  piiUndo,
];

const byKind = new Map(kinds.map((k) => [k.kind, k]));

export function findUndoKind(kind: string): RegisteredUndoKind | undefined {
  return byKind.get(kind);
}
