import type { DocumentLabels, LabelRecord, LabelValue, SpanRecord, AdjudicationRecord } from '../../../shared/contract/labels';
import { KurasiError, notFound } from '../errors';
import { appendAudit } from '../store/audit';
import { cached } from './statements';
import { groupUndoable, recordUndoable } from '../audit/undo-stack';
import type { Db } from '../store/open';
import { getSchema, isBlind } from './settings';
import { canonicalValue, findQuestion, sameValue, valueProblem } from './values';

interface LabelRow { id: number; document_id: number; annotator: string; question: string; value: string; at: string }
interface SpanRow { id: number; document_id: number; annotator: string; question: string; label: string; start: number; end: number; at: string }
interface AdjRow { document_id: number; question: string; value: string; reason: string; adjudicator: string; at: string }

/** What one undoable action changed: a label (value + time) or a span, before and after. */
export type LabelState = { value: LabelValue; at: string } | null;
export type SpanState = { label: string; start: number; end: number; at: string } | null;

export function toLabel(r: LabelRow): LabelRecord {
  return { id: r.id, documentId: r.document_id, annotator: r.annotator, question: r.question, value: JSON.parse(r.value) as LabelValue, at: r.at };
}
export function toSpan(r: SpanRow): SpanRecord {
  return { id: r.id, documentId: r.document_id, annotator: r.annotator, question: r.question, label: r.label, start: r.start, end: r.end, at: r.at };
}
export function toAdjudication(r: AdjRow): AdjudicationRecord {
  return { documentId: r.document_id, question: r.question, value: JSON.parse(r.value) as LabelValue, reason: r.reason, adjudicator: r.adjudicator, at: r.at };
}

export function requireDocument(db: Db, id: number): { id: number; chars: number } {
  const row = db.prepare('SELECT id, char_count AS chars FROM documents WHERE id = ?').get(id) as { id: number; chars: number } | undefined;
  if (!row) throw notFound(`document ${id}`);
  return row;
}

/**
 * The labels an annotator sees on a document. In blind mode others' labels stay hidden until the question
 * is adjudicated; the adjudication view (conflicts) is where a curator sees everyone's.
 */
export function labelsForDocument(db: Db, documentId: number, annotator: string): DocumentLabels {
  requireDocument(db, documentId);
  const blind = isBlind(db);
  const adjudications = (db.prepare('SELECT * FROM adjudications WHERE document_id = ? ORDER BY question').all(documentId) as AdjRow[]).map(toAdjudication);
  const decided = new Set(adjudications.map((a) => a.question));
  const visible = (who: string, question: string): boolean => !blind || who === annotator || decided.has(question);
  const labels = (db.prepare('SELECT * FROM labels WHERE document_id = ? ORDER BY annotator, question').all(documentId) as LabelRow[])
    .filter((r) => visible(r.annotator, r.question))
    .map(toLabel);
  const spans = (db.prepare('SELECT * FROM label_spans WHERE document_id = ? ORDER BY start, end, id').all(documentId) as SpanRow[])
    .filter((r) => visible(r.annotator, r.question))
    .map(toSpan);
  return { documentId, annotator, labels, spans, adjudications, blind };
}

function readLabel(db: Db, documentId: number, annotator: string, question: string): LabelState {
  const r = cached(db, 'SELECT value, at FROM labels WHERE document_id = ? AND annotator = ? AND question = ?').get(documentId, annotator, question) as
    | { value: string; at: string }
    | undefined;
  return r ? { value: JSON.parse(r.value) as LabelValue, at: r.at } : null;
}

/** Writes a label state (null removes it). Used by set, undo, redo and pack import. */
export function writeLabel(db: Db, documentId: number, annotator: string, question: string, state: LabelState): void {
  if (state === null) {
    cached(db, 'DELETE FROM labels WHERE document_id = ? AND annotator = ? AND question = ?').run(documentId, annotator, question);
    return;
  }
  cached(
    db,
    `INSERT INTO labels(document_id, annotator, question, value, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(document_id, annotator, question) DO UPDATE SET value = excluded.value, at = excluded.at`,
  ).run(documentId, annotator, question, JSON.stringify(state.value), state.at);
}

function recordAction(db: Db, actor: string, documentId: number, question: string, kind: 'label' | 'span', before: unknown, after: unknown, auditAction: string): number {
  const auditId = appendAudit(db, { actor, action: auditAction, entity: 'document', entityId: documentId, before: { question, state: before }, after: { question, state: after } });
  return recordUndoable(db, { actor, kind, documentId, key: question, before, after, auditId });
}

/** Sets (or with null clears) one answer of one annotator, in one small transaction with its audit entry. */
export function setLabel(db: Db, annotator: string, documentId: number, question: string, value: LabelValue | null): number {
  return setLabels(db, annotator, documentId, [{ question, value }]);
}

/**
 * Sets several answers of one gesture in one transaction (a drop-reason key also answers "drop"). Each change is
 * its own audit entry, as if answered one by one, but they are one undo step: the person pressed one key.
 * Answers already there are not changes. Every value is checked before anything is written. Returns the last
 * stack row (0 when nothing changed).
 */
export function setLabels(db: Db, annotator: string, documentId: number, steps: readonly { question: string; value: LabelValue | null }[]): number {
  const schema = getSchema(db);
  const checked = steps.map(({ question, value }) => {
    const q = findQuestion(schema, question);
    if (!q) throw new KurasiError('bad-request', `unknown question '${question}'`);
    if (value !== null) {
      const problem = valueProblem(q, value);
      if (problem) throw new KurasiError('bad-request', problem);
    }
    return { q, value };
  });
  return db.transaction(() => {
    requireDocument(db, documentId);
    const recorded: number[] = [];
    for (const { q, value } of checked) {
      const before = readLabel(db, documentId, annotator, q.key);
      const after: LabelState = value === null ? null : { value: canonicalValue(q, value), at: new Date().toISOString() };
      // Answering what is already there changes nothing, so it is not an action to undo.
      if ((before === null && after === null) || (before !== null && after !== null && sameValue(before.value, after.value))) continue;
      writeLabel(db, documentId, annotator, q.key, after);
      recorded.push(recordAction(db, annotator, documentId, q.key, 'label', before, after, after === null ? 'label.clear' : 'label.set'));
    }
    groupUndoable(db, recorded);
    return recorded.at(-1) ?? 0;
  }).immediate();
}

export function addSpan(db: Db, annotator: string, documentId: number, question: string, label: string, start: number, end: number): number {
  const q = findQuestion(getSchema(db), question);
  if (!q || q.kind !== 'span') throw new KurasiError('bad-request', `'${question}' is not a span question`);
  if (!q.options.some((o) => o.value === label)) throw new KurasiError('bad-request', `'${label}' is not a label of '${question}'`);
  if (end <= start) throw new KurasiError('bad-request', 'a span must end after it starts');
  return db.transaction(() => {
    const doc = requireDocument(db, documentId);
    if (end > doc.chars) throw new KurasiError('bad-request', `span ends at ${end}, the document has ${doc.chars} characters`);
    const after: SpanState = { label, start, end, at: new Date().toISOString() };
    writeSpan(db, documentId, annotator, question, null, after);
    return recordAction(db, annotator, documentId, question, 'span', null, after, 'span.add');
  }).immediate();
}

export function removeSpan(db: Db, annotator: string, spanId: number): { actionId: number; documentId: number } {
  return db.transaction(() => {
    const r = db.prepare('SELECT * FROM label_spans WHERE id = ?').get(spanId) as SpanRow | undefined;
    if (!r) throw notFound(`span ${spanId}`);
    if (r.annotator !== annotator) throw new KurasiError('conflict', `span ${spanId} belongs to ${r.annotator}`);
    const before: SpanState = { label: r.label, start: r.start, end: r.end, at: r.at };
    writeSpan(db, r.document_id, annotator, r.question, before, null);
    return { actionId: recordAction(db, annotator, r.document_id, r.question, 'span', before, null, 'span.remove'), documentId: r.document_id };
  }).immediate();
}

/** Replaces span `from` by span `to` (either may be null). */
export function writeSpan(db: Db, documentId: number, annotator: string, question: string, from: SpanState, to: SpanState): void {
  if (from) {
    cached(db, 'DELETE FROM label_spans WHERE document_id = ? AND annotator = ? AND question = ? AND label = ? AND start = ? AND end = ?').run(
      documentId, annotator, question, from.label, from.start, from.end,
    );
  }
  if (to) {
    cached(db, 'INSERT OR IGNORE INTO label_spans(document_id, annotator, question, label, start, end, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      documentId, annotator, question, to.label, to.start, to.end, to.at,
    );
  }
}

export function spanExists(db: Db, documentId: number, annotator: string, question: string, s: NonNullable<SpanState>): boolean {
  return (
    db
      .prepare('SELECT 1 FROM label_spans WHERE document_id = ? AND annotator = ? AND question = ? AND label = ? AND start = ? AND end = ?')
      .get(documentId, annotator, question, s.label, s.start, s.end) !== undefined
  );
}

export { readLabel };
