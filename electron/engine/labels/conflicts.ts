import type { AdjudicationRecord, ConflictRecord, LabelValue } from '../../../shared/contract/labels';
import { KurasiError } from '../errors';
import { recordUndoable } from '../audit/undo-stack';
import { appendAudit } from '../store/audit';
import type { Db } from '../store/open';
import { requireDocument } from './labels';
import { getSchema } from './settings';
import { canonicalValue, findQuestion, valueProblem } from './values';

/** Questions whose answers can conflict (notes are free text and spans are not one answer). */
function comparable(db: Db): string[] {
  return getSchema(db).questions.filter((q) => q.kind !== 'note' && q.kind !== 'span').map((q) => q.key);
}

function conflictSql(questions: string[]): string {
  return `SELECT x.document_id AS doc, x.question AS question FROM label_disagreements x
    WHERE x.question IN (${questions.map(() => '?').join(',')})
      AND NOT EXISTS (SELECT 1 FROM adjudications a WHERE a.document_id = x.document_id AND a.question = x.question)`;
}

export function countConflicts(db: Db): number {
  const qs = comparable(db);
  if (qs.length === 0) return 0;
  return (db.prepare(`SELECT count(*) AS n FROM (${conflictSql(qs)})`).get(...qs) as { n: number }).n;
}

/** Same document and question, different answers, not adjudicated yet: everyone's votes are shown here. */
export function listConflicts(db: Db, offset: number, limit: number): { rows: ConflictRecord[]; total: number } {
  const qs = comparable(db);
  if (qs.length === 0) return { rows: [], total: 0 };
  const keys = db.prepare(`${conflictSql(qs)} ORDER BY x.document_id, x.question LIMIT ? OFFSET ?`).all(...qs, limit, offset) as { doc: number; question: string }[];
  const votes = db.prepare('SELECT annotator, value, at FROM labels WHERE document_id = ? AND question = ? ORDER BY annotator');
  const doc = db.prepare('SELECT external_id AS externalId, substr(text, 1, 240) AS excerpt FROM documents WHERE id = ?');
  const rows = keys.map((k): ConflictRecord => {
    const d = doc.get(k.doc) as { externalId: string; excerpt: string };
    return {
      documentId: k.doc,
      externalId: d.externalId,
      excerpt: d.excerpt,
      question: k.question,
      votes: (votes.all(k.doc, k.question) as { annotator: string; value: string; at: string }[]).map((v) => ({
        annotator: v.annotator,
        value: JSON.parse(v.value) as LabelValue,
        at: v.at,
      })),
    };
  });
  return { rows, total: countConflicts(db) };
}

/** An adjudication as the undo stack keeps it (null: the question was not adjudicated). */
export type AdjudicationState = { value: LabelValue; reason: string; adjudicator: string; at: string } | null;

export function readAdjudication(db: Db, documentId: number, question: string): AdjudicationState {
  const r = db.prepare('SELECT value, reason, adjudicator, at FROM adjudications WHERE document_id = ? AND question = ?').get(documentId, question) as
    | { value: string; reason: string; adjudicator: string; at: string }
    | undefined;
  return r ? { value: JSON.parse(r.value) as LabelValue, reason: r.reason, adjudicator: r.adjudicator, at: r.at } : null;
}

/** Writes an adjudication state (null removes it, which opens the conflict again). Used by adjudicate, undo and redo. */
export function writeAdjudication(db: Db, documentId: number, question: string, state: AdjudicationState): void {
  if (state === null) {
    db.prepare('DELETE FROM adjudications WHERE document_id = ? AND question = ?').run(documentId, question);
    return;
  }
  db.prepare(
    `INSERT INTO adjudications(document_id, question, value, reason, adjudicator, at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(document_id, question) DO UPDATE SET value = excluded.value, reason = excluded.reason, adjudicator = excluded.adjudicator, at = excluded.at`,
  ).run(documentId, question, JSON.stringify(state.value), state.reason, state.adjudicator, state.at);
}

/**
 * Records the curator's final answer with the reason, in the audit log too, and on the curator's undo stack.
 * Annotators' own labels stay as they were.
 */
export function adjudicate(db: Db, adjudicator: string, documentId: number, question: string, value: LabelValue, reason: string): AdjudicationRecord {
  const q = findQuestion(getSchema(db), question);
  if (!q) throw new KurasiError('bad-request', `unknown question '${question}'`);
  const problem = valueProblem(q, value);
  if (problem) throw new KurasiError('bad-request', problem);
  const clean = reason.trim();
  if (!clean) throw new KurasiError('bad-request', 'an adjudication needs a reason');
  return db.transaction(() => {
    requireDocument(db, documentId);
    const prev = readAdjudication(db, documentId, question);
    const votes = db.prepare('SELECT annotator, value FROM labels WHERE document_id = ? AND question = ? ORDER BY annotator').all(documentId, question) as { annotator: string; value: string }[];
    const next: NonNullable<AdjudicationState> = { value: canonicalValue(q, value), reason: clean, adjudicator, at: new Date().toISOString() };
    writeAdjudication(db, documentId, question, next);
    const auditId = appendAudit(db, {
      actor: adjudicator,
      action: 'label.adjudicate',
      entity: 'document',
      entityId: documentId,
      before: { question, adjudication: prev ? prev.value : null, votes: votes.map((v) => ({ annotator: v.annotator, value: JSON.parse(v.value) as unknown })) },
      after: { question, value: next.value },
      note: clean,
    });
    recordUndoable(db, { actor: adjudicator, kind: 'adjudication', documentId, key: question, before: prev, after: next, auditId });
    return { documentId, question, value: next.value, reason: clean, adjudicator, at: next.at };
  }).immediate();
}
