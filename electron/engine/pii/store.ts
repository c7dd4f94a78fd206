/** SQL of the pii feature: job results, decisions (confirm / dismiss), summary, reads for the UI and export. */
import type { Db } from '../store/open';
import { appendAudit } from '../store/audit';
import { recordUndoable } from '../audit/undo-stack';
import { KurasiError, notFound } from '../errors';
import { HIGH_CONFIDENCE, PII_CATEGORY, isPiiType, type PiiCategory, type PiiType } from './types';
import { redactWithCounts } from './redact';
import { detectPii } from './detect';

export type PiiDecision = 'confirmed' | 'dismissed';

export interface StoredFinding {
  type: PiiType;
  start: number;
  end: number;
  /** null: no detector finding (any more) — only a decision recorded for this span. */
  confidence: number | null;
  category: PiiCategory;
  decision: PiiDecision | null;
}

/** One document's findings as the job writes them: [documentId, start, end, typeIndex, confidence]. */
export type PackedFinding = [number, number, number, string, number];

/** Replaces the findings of documents lo < id <= hi and refreshes their pii_count. */
export function writeFindings(db: Db, lo: number, hi: number, findings: readonly PackedFinding[]): void {
  db.prepare('DELETE FROM pii_findings WHERE document_id > ? AND document_id <= ?').run(lo, hi);
  const insert = db.prepare('INSERT OR IGNORE INTO pii_findings(document_id, start, end, type, confidence, category) VALUES (?, ?, ?, ?, ?, ?)');
  for (const [doc, start, end, type, conf] of findings) {
    if (!isPiiType(type)) continue;
    insert.run(doc, start, end, type, conf, PII_CATEGORY[type]);
  }
  // Most documents have no findings and no decisions: one range UPDATE sets them to 0 (skipping rows already
  // at 0, which SQLite would otherwise rewrite with their whole text); only the rest are recounted.
  db.prepare('UPDATE documents SET pii_count = 0 WHERE id > ? AND id <= ? AND pii_count IS NOT 0').run(lo, hi);
  const touched = new Set<number>(findings.map((f) => f[0]));
  for (const r of db.prepare('SELECT DISTINCT document_id AS id FROM pii_decisions WHERE document_id > ? AND document_id <= ?').all(lo, hi) as { id: number }[])
    touched.add(r.id);
  const count = db.prepare(`UPDATE documents SET pii_count = (${PII_COUNT_SQL}) WHERE id = @doc`);
  for (const id of touched) count.run({ doc: id });
}

/** Findings not dismissed, plus confirmed spans the detector no longer reports. Parameter @doc: the document id. */
const PII_COUNT_SQL = `
  SELECT (SELECT count(*) FROM pii_findings f WHERE f.document_id = @doc AND NOT EXISTS (
            SELECT 1 FROM pii_decisions d WHERE d.document_id = f.document_id AND d.start = f.start AND d.end = f.end
              AND d.type = f.type AND d.decision = 'dismissed'))
       + (SELECT count(*) FROM pii_decisions d WHERE d.document_id = @doc AND d.decision = 'confirmed' AND NOT EXISTS (
            SELECT 1 FROM pii_findings f WHERE f.document_id = d.document_id AND f.start = d.start AND f.end = d.end AND f.type = d.type))`;

/** Recounts findings per type (one scan of pii_findings; run in the job thread). */
export function rebuildPiiSummary(db: Db): void {
  db.transaction(() => {
    db.exec(`DELETE FROM pii_summary;
      INSERT INTO pii_summary(type, findings, documents, confirmed, dismissed)
        SELECT t.type,
          (SELECT count(*) FROM pii_findings f WHERE f.type = t.type),
          (SELECT count(DISTINCT document_id) FROM pii_findings f WHERE f.type = t.type),
          (SELECT count(*) FROM pii_decisions d WHERE d.type = t.type AND d.decision = 'confirmed'),
          (SELECT count(*) FROM pii_decisions d WHERE d.type = t.type AND d.decision = 'dismissed')
        FROM (SELECT DISTINCT type FROM pii_findings UNION SELECT DISTINCT type FROM pii_decisions) t;`);
  })();
}

export interface PiiSummaryRow {
  type: PiiType;
  findings: number;
  documents: number;
  confirmed: number;
  dismissed: number;
}

export function piiSummary(db: Db): { types: PiiSummaryRow[]; scanned: number; withPii: number } {
  const types = (db.prepare('SELECT type, findings, documents, confirmed, dismissed FROM pii_summary ORDER BY findings DESC, type').all() as PiiSummaryRow[]).filter((r) =>
    isPiiType(r.type),
  );
  // Both counts use the documents_pii_count index.
  const scanned = (db.prepare('SELECT count(*) AS n FROM documents WHERE pii_count IS NOT NULL').get() as { n: number }).n;
  const withPii = (db.prepare('SELECT count(*) AS n FROM documents WHERE pii_count > 0').get() as { n: number }).n;
  return { types, scanned, withPii };
}

/** A document's findings with their decisions, in text order. */
export function documentFindings(db: Db, documentId: number): StoredFinding[] {
  const rows = db
    .prepare(
      `SELECT f.type, f.start, f.end, f.confidence, f.category, d.decision
         FROM pii_findings f LEFT JOIN pii_decisions d
           ON d.document_id = f.document_id AND d.start = f.start AND d.end = f.end AND d.type = f.type
        WHERE f.document_id = @doc
       UNION ALL
       SELECT d.type, d.start, d.end, NULL, '', d.decision FROM pii_decisions d
        WHERE d.document_id = @doc AND NOT EXISTS (SELECT 1 FROM pii_findings f WHERE f.document_id = d.document_id
              AND f.start = d.start AND f.end = d.end AND f.type = d.type)
       ORDER BY 2, 3`,
    )
    .all({ doc: documentId }) as { type: string; start: number; end: number; confidence: number | null; category: string; decision: PiiDecision | null }[];
  return rows.flatMap((r) =>
    isPiiType(r.type) ? [{ type: r.type, start: r.start, end: r.end, confidence: r.confidence, category: PII_CATEGORY[r.type], decision: r.decision }] : [],
  );
}

export interface DecideInput {
  documentId: number;
  type: PiiType;
  start: number;
  end: number;
  /** 'clear' removes an earlier decision. */
  decision: PiiDecision | 'clear';
  actor: string;
  note?: string | null;
}

/** The finding a decision is about: document, UTF-16 span, type. */
export type DecisionKey = readonly [documentId: number, start: number, end: number, type: string];

/** The stored decision on one finding, or null. */
export function readPiiDecision(db: Db, key: DecisionKey): PiiDecision | null {
  return (db.prepare('SELECT decision FROM pii_decisions WHERE document_id = ? AND start = ? AND end = ? AND type = ?').pluck().get(...key) as PiiDecision | undefined) ?? null;
}

/** Stores the decision on one finding (null removes it). */
export function writePiiDecision(db: Db, key: DecisionKey, decision: PiiDecision | null, actor: string): void {
  if (decision === null) db.prepare('DELETE FROM pii_decisions WHERE document_id = ? AND start = ? AND end = ? AND type = ?').run(...key);
  else
    db.prepare(
      `INSERT INTO pii_decisions(document_id, start, end, type, decision, actor, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(document_id, start, end, type) DO UPDATE SET decision = excluded.decision, actor = excluded.actor, decided_at = excluded.decided_at`,
    ).run(...key, decision, actor, new Date().toISOString());
}

/** Records a confirm / dismiss (or clears it), in the audit log too; returns the document's new pii_count. */
export function decideFinding(db: Db, input: DecideInput): { piiCount: number } {
  return db.transaction(() => {
    const doc = db.prepare('SELECT text FROM documents WHERE id = ?').get(input.documentId) as { text: string } | undefined;
    if (!doc) throw notFound(`document ${input.documentId}`);
    // Offsets are UTF-16 code units (JavaScript string indices), not SQLite's length().
    if (input.start < 0 || input.end > doc.text.length || input.start >= input.end) throw new KurasiError('bad-request', `span ${input.start}–${input.end} is outside the document`);
    const key = [input.documentId, input.start, input.end, input.type] as const;
    const before = readPiiDecision(db, key);
    writePiiDecision(db, key, input.decision === 'clear' ? null : input.decision, input.actor);
    const auditId = appendAudit(db, {
      actor: input.actor,
      action: `pii.${input.decision === 'clear' ? 'clear' : input.decision === 'confirmed' ? 'confirm' : 'dismiss'}`,
      entity: 'document',
      entityId: input.documentId,
      before: before ? { type: input.type, start: input.start, end: input.end, decision: before } : null,
      after: input.decision === 'clear' ? null : { type: input.type, start: input.start, end: input.end, decision: input.decision },
      note: input.note ?? null,
    });
    const state = (d: PiiDecision | 'clear' | undefined) => (d === undefined || d === 'clear' ? null : { type: input.type, start: input.start, end: input.end, decision: d });
    recordUndoable(db, { actor: input.actor, kind: 'pii', documentId: input.documentId, key: `${input.type}:${input.start}:${input.end}`, before: state(before ?? undefined), after: state(input.decision), auditId });
    return { piiCount: refreshDocumentPii(db, input.documentId, input.type) };
  })();
}

/** Recounts one document's pii_count and one type's summary after a decision (or its undo). */
export function refreshDocumentPii(db: Db, documentId: number, type: PiiType): number {
  const scanned = db.prepare('SELECT pii_count FROM documents WHERE id = ?').get(documentId) as { pii_count: number | null };
  const piiCount = (db.prepare(PII_COUNT_SQL).pluck().get({ doc: documentId }) as number) ?? 0;
  if (scanned.pii_count !== null || piiCount > 0) db.prepare('UPDATE documents SET pii_count = ? WHERE id = ?').run(piiCount, documentId);
  refreshSummaryType(db, type);
  return piiCount;
}

function refreshSummaryType(db: Db, type: PiiType): void {
  db.prepare(
    `INSERT OR REPLACE INTO pii_summary(type, findings, documents, confirmed, dismissed) VALUES (@type,
       (SELECT count(*) FROM pii_findings WHERE type = @type),
       (SELECT count(DISTINCT document_id) FROM pii_findings WHERE type = @type),
       (SELECT count(*) FROM pii_decisions WHERE type = @type AND decision = 'confirmed'),
       (SELECT count(*) FROM pii_decisions WHERE type = @type AND decision = 'dismissed'))`,
  ).run({ type });
}

export interface RedactedDocument {
  text: string;
  /** Replacements per type (only types that occurred). */
  counts: Partial<Record<PiiType, number>>;
  changed: boolean;
}

/**
 * What export writes for `--redact-pii`: confirmed findings and findings at or above `minConfidence`
 * (default HIGH_CONFIDENCE) that nobody dismissed, replaced with typed tokens. A document that was never
 * scanned is scanned on the fly, so redaction never silently skips text.
 */
export function redactDocument(db: Db, documentId: number, text: string, minConfidence = HIGH_CONFIDENCE): RedactedDocument {
  const scanned = db.prepare('SELECT pii_count FROM documents WHERE id = ?').get(documentId) as { pii_count: number | null } | undefined;
  let spans: { type: PiiType; start: number; end: number }[];
  if (scanned && scanned.pii_count !== null) {
    spans = documentFindings(db, documentId).filter(
      (f) => f.decision === 'confirmed' || (f.decision === null && f.confidence !== null && f.confidence >= minConfidence),
    );
  } else {
    const decisions = documentFindings(db, documentId);
    const dismissed = new Set(decisions.filter((d) => d.decision === 'dismissed').map((d) => `${d.start}:${d.end}:${d.type}`));
    spans = [
      ...decisions.filter((d) => d.decision === 'confirmed'),
      ...detectPii(text).filter((f) => f.confidence >= minConfidence && !dismissed.has(`${f.start}:${f.end}:${f.type}`)),
    ];
  }
  const r = redactWithCounts(text, spans);
  return { text: r.text, counts: r.counts, changed: r.text !== text };
}
