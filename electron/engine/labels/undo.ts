import { KurasiError } from '../errors';
import { appendAudit, listAudit } from '../store/audit';
import type { Db } from '../store/open';
import { readLabel, spanExists, writeLabel, writeSpan, type LabelState, type SpanState } from './labels';
import { isBlind } from './settings';
import { sameValue } from './values';

interface ActionRow { id: number; actor: string; document_id: number; question: string; kind: 'label' | 'span'; before: string; after: string }

export interface UndoOutcome {
  actionId: number | null;
  documentId: number | null;
  description: string | null;
}

const none: UndoOutcome = { actionId: null, documentId: null, description: null };

/** Moves one action of this annotator from `from` state to `to` state; refuses if someone changed it since. */
function apply(db: Db, a: ActionRow, from: unknown, to: unknown): void {
  if (a.kind === 'label') {
    const current = readLabel(db, a.document_id, a.actor, a.question);
    const expected = from as LabelState;
    if (!sameValue(current?.value ?? null, expected?.value ?? null))
      throw new KurasiError('conflict', `the label '${a.question}' on document ${a.document_id} changed since; nothing was undone`);
    writeLabel(db, a.document_id, a.actor, a.question, to as LabelState);
  } else {
    const expected = from as SpanState;
    const target = to as SpanState;
    if (expected && !spanExists(db, a.document_id, a.actor, a.question, expected))
      throw new KurasiError('conflict', `the span on document ${a.document_id} changed since; nothing was undone`);
    writeSpan(db, a.document_id, a.actor, a.question, expected, target);
  }
}

function describe(a: ActionRow, verb: string): string {
  return `${verb} ${a.kind} '${a.question}' on document ${a.document_id}`;
}

/** Undoes the annotator's most recent action that is still done. */
export function undo(db: Db, actor: string): UndoOutcome {
  return db.transaction((): UndoOutcome => {
    const a = db.prepare(`SELECT * FROM label_actions WHERE actor = ? AND state = 'done' ORDER BY id DESC LIMIT 1`).get(actor) as ActionRow | undefined;
    if (!a) return none;
    const before = JSON.parse(a.before) as unknown;
    const after = JSON.parse(a.after) as unknown;
    apply(db, a, after, before);
    const seq = (db.prepare(`SELECT coalesce(max(undone_at), 0) + 1 AS n FROM label_actions WHERE actor = ?`).get(actor) as { n: number }).n;
    db.prepare(`UPDATE label_actions SET state = 'undone', undone_at = ? WHERE id = ?`).run(seq, a.id);
    appendAudit(db, { actor, action: 'label.undo', entity: 'document', entityId: a.document_id, before: { question: a.question, state: after }, after: { question: a.question, state: before }, note: `undo of action ${a.id}` });
    return { actionId: a.id, documentId: a.document_id, description: describe(a, 'undid') };
  }).immediate();
}

/** Redoes the annotator's most recently undone action (until a new action ends the redo chain). */
export function redo(db: Db, actor: string): UndoOutcome {
  return db.transaction((): UndoOutcome => {
    const a = db.prepare(`SELECT * FROM label_actions WHERE actor = ? AND state = 'undone' ORDER BY undone_at DESC LIMIT 1`).get(actor) as ActionRow | undefined;
    if (!a) return none;
    const before = JSON.parse(a.before) as unknown;
    const after = JSON.parse(a.after) as unknown;
    apply(db, a, before, after);
    db.prepare(`UPDATE label_actions SET state = 'done', undone_at = NULL WHERE id = ?`).run(a.id);
    appendAudit(db, { actor, action: 'label.redo', entity: 'document', entityId: a.document_id, before: { question: a.question, state: before }, after: { question: a.question, state: after }, note: `redo of action ${a.id}` });
    return { actionId: a.id, documentId: a.document_id, description: describe(a, 'redid') };
  }).immediate();
}

/** A document's history, newest first. In blind mode other annotators' label entries stay hidden. */
export function documentHistory(db: Db, documentId: number, viewer: string, limit: number) {
  const blind = isBlind(db);
  return listAudit(db, 'document', documentId, limit)
    .filter((r) => !blind || r.actor === viewer || !/^(label|span)\./.test(r.action))
    .map((r) => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, before: r.before, after: r.after, note: r.note }));
}
