import type { Output } from '../../../../shared/contract';
import { api } from '../../api/client';
import { translateOr, type Translate } from '../../i18n';

export type UndoResult = Output<'audit.undo'>;
export type UndoDirection = 'undo' | 'redo';

/** Ctrl/⌘+Z undoes; Ctrl/⌘+Shift+Z and Ctrl+Y redo. */
export function undoShortcut(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): UndoDirection | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const k = e.key.toLowerCase();
  if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (k === 'y' && !e.shiftKey) return 'redo';
  return null;
}

/** An audit action's readable name ("language override"), or the action itself when it has none. */
export function actionName(t: Translate, action: string): string {
  return translateOr(t, `audit.action.${action}`, action);
}

/** Notes the engine itself writes into the audit log (in English), by their translation keys. */
const SYSTEM_NOTES: Record<string, string> = {
  'licence or evidence changed after clearing': 'audit.note.staleChanged',
  'evidence added after clearing': 'audit.note.staleEvidenceAdded',
  'evidence added by the reviewer who cleared it, within an hour of clearing': 'audit.note.keptEvidenceAdded',
  'evidence removed after clearing': 'audit.note.staleEvidenceRemoved',
  'documents imported after clearing': 'audit.note.staleImported',
  'declared licence given at import': 'audit.note.declaredAtImport',
};

/** An audit note in the UI language when Kurasi wrote it (undo/redo, a decision turned stale); people's own words as they are. */
export function auditNote(t: Translate, note: string): string {
  const m = /^(undo|redo) of (?:action|audit entry) (\d+)$/.exec(note);
  if (m) return t(m[1] === 'undo' ? 'audit.note.undoOf' : 'audit.note.redoOf', { id: m[2]! });
  const key = SYSTEM_NOTES[note];
  return key ? t(key) : note;
}

/**
 * The toast text for an undo/redo result: what was undone, and where. `question` names a label question for
 * people (its title in the schema); the key itself when not given.
 */
export function undoMessage(t: Translate, direction: UndoDirection, r: UndoResult, question: (key: string) => string = (k) => k): string {
  if (r.actionId === null) return t(direction === 'undo' ? 'audit.nothingToUndo' : 'audit.nothingToRedo');
  const action = actionName(t, r.action ?? r.kind ?? '');
  const name = r.questions.length > 0 ? `${action} ${r.questions.map(question).join(', ')}` : action;
  const what = r.documentId !== null ? t('audit.onDocument', { what: name, id: String(r.documentId) }) : name;
  return t(direction === 'undo' ? 'audit.undone' : 'audit.redone', { what });
}

/**
 * A screen that handles undo itself (the annotation screen goes to the document) registers here while mounted;
 * otherwise the global shortcut calls the engine and shows a toast.
 */
let screenHandler: ((direction: UndoDirection) => void) | null = null;

export function setScreenUndoHandler(h: ((direction: UndoDirection) => void) | null): void {
  screenHandler = h;
}

export function screenUndoHandler(): ((direction: UndoDirection) => void) | null {
  return screenHandler;
}

export function callUndo(direction: UndoDirection): Promise<UndoResult> {
  return api.call(direction === 'undo' ? 'audit.undo' : 'audit.redo', {});
}
