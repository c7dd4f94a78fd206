// Licence decisions on sources and documents. Every change goes through one transaction and one audit entry.
import type { LicenseSourceRow } from '../../../shared/contract/license';
import type { RobotsStatus, SettableReviewState, TdmStatus } from '../../../shared/license';
import { checkTransition, licenseFlags, resolveLicense } from '../../../shared/license';
import type { Db } from '../store/open';
import { appendAudit } from '../store/audit';
import { recordUndoable } from '../audit/undo-stack';
import { licenseUndoState } from './undo-kind';
import { KurasiError, notFound } from '../errors';
import { addEvidence, type EvidenceInput } from './evidence';
import { findSourceRow, reviewStateOf, toLicenseRow, type SourceLicenseDbRow } from './rows';
import { loadLicenseRefs } from './refs';
import { readDocumentLicense, writeDocumentLicense } from './document-license';

export interface SetLicenseInput {
  source: number | string;
  declared?: string | null;
  concluded?: string | null;
  state?: SettableReviewState;
  termsUrl?: string | null;
  tdm?: TdmStatus;
  robots?: RobotsStatus;
  evidence?: EvidenceInput[];
  note?: string;
  /** Store a spdx-correct guess as the concluded licence (otherwise a guess is refused with a suggestion). */
  acceptGuess?: boolean;
}

/** The canonical SPDX text to store for a concluded licence; refuses what is not a licence. */
export function normalizeConcluded(text: string, acceptGuess = false): string {
  const r = resolveLicense(text);
  if (!r.ok) throw new KurasiError('bad-request', r.error);
  if (r.via === 'guess' && !acceptGuess) {
    throw new KurasiError('bad-request', `"${text}" is not a known licence; did you mean ${r.spdx}?`);
  }
  return r.spdx;
}

/**
 * Declared licences record what the source says, verbatim (as the importer stores them): rewriting them would
 * make a re-import of the same text look like a change and turn a cleared decision stale.
 */
function normalizeDeclared(text: string): string {
  return text.trim();
}

function snapshot(r: SourceLicenseDbRow) {
  return {
    declaredLicense: r.declared_license,
    concludedLicense: r.concluded_license,
    reviewState: r.review_state,
    reviewer: r.reviewer,
    termsUrl: r.terms_url,
    tdm: r.tdm_status,
    robots: r.robots_status,
  };
}

/**
 * Set a source's licences, review facts, evidence and/or review state. Licence and evidence changes are
 * applied first (a cleared decision turns stale), then the state change is checked against the review rules.
 * Everything is undone when any part is refused.
 */
export function setSourceLicense(db: Db, actor: string, input: SetLicenseInput): LicenseSourceRow {
  return db.transaction(() => {
    const before = findSourceRow(db, input.source);
    const id = before.id;
    const changes: Record<string, string | null> = {};
    if (input.declared !== undefined) changes.declared_license = input.declared?.trim() ? normalizeDeclared(input.declared) : null;
    if (input.concluded !== undefined) {
      changes.concluded_license = input.concluded?.trim() ? normalizeConcluded(input.concluded, input.acceptGuess) : null;
    }
    if (input.termsUrl !== undefined) changes.terms_url = input.termsUrl?.trim() || null;
    if (input.tdm !== undefined) changes.tdm_status = input.tdm;
    if (input.robots !== undefined) changes.robots_status = input.robots;
    const changed = Object.entries(changes).filter(([k, v]) => before[k as keyof SourceLicenseDbRow] !== v);
    if (changed.length) {
      // Column names come from the fixed keys above, never from input.
      db.prepare(`UPDATE sources SET ${changed.map(([k]) => `${k} = ?`).join(', ')} WHERE id = ?`).run(...changed.map(([, v]) => v), id);
    }
    // The call's note says what the evidence is when an item has none of its own (the CLI's `--evidence F --note N`):
    // without it a note given with evidence alone would be recorded nowhere.
    const callNote = input.note?.trim() || undefined;
    let noteOnEvidence = false;
    for (const ev of input.evidence ?? []) {
      const own = Boolean(ev.note?.trim());
      noteOnEvidence ||= !own && callNote !== undefined;
      addEvidence(db, actor, id, own ? ev : { ...ev, note: callNote });
    }

    const mid = findSourceRow(db, id);
    const from = reviewStateOf(mid);
    let stateChanged = false;
    if (input.state && input.state !== from) {
      // A cleared source that went stale in this very call is still being overturned when it is now rejected.
      const ruleFrom = from === 'stale' && before.review_state === 'cleared' && input.state === 'rejected' ? 'cleared' : from;
      const check = checkTransition(ruleFrom, input.state, { concludedLicense: mid.concluded_license, note: input.note });
      if (!check.ok) throw new KurasiError(check.code === 'not-allowed' ? 'conflict' : 'bad-request', `${mid.name}: ${check.message}`);
      db.prepare('UPDATE sources SET review_state = ?, reviewer = ?, decided_at = ? WHERE id = ?').run(
        input.state,
        actor,
        new Date().toISOString(),
        id,
      );
      stateChanged = true;
    }
    const after = findSourceRow(db, id);
    if (changed.length || stateChanged) {
      const auditId = appendAudit(db, {
        actor,
        action: 'license.set',
        entity: 'source',
        entityId: id,
        before: snapshot(before),
        after: snapshot(after),
        note: input.note?.trim() || null,
      });
      recordUndoable(db, { actor, kind: 'license', documentId: null, key: String(id), before: licenseUndoState(before), after: licenseUndoState(after), auditId });
    } else if (callNote && !noteOnEvidence) {
      // A comment on its own is still part of the review's history.
      appendAudit(db, { actor, action: 'license.note', entity: 'source', entityId: id, note: callNote });
    }
    return toLicenseRow(db, after);
  })();
}

export interface BulkResult {
  updated: LicenseSourceRow[];
  failed: { source: string; message: string }[];
}

/** The same change on many sources; each source succeeds or fails on its own. */
export function bulkSetSourceLicense(
  db: Db,
  actor: string,
  sources: Array<number | string>,
  change: Omit<SetLicenseInput, 'source' | 'evidence'>,
): BulkResult {
  const result: BulkResult = { updated: [], failed: [] };
  db.transaction(() => {
    for (const source of sources) {
      try {
        result.updated.push(setSourceLicense(db, actor, { ...change, source }));
      } catch (e) {
        result.failed.push({ source: String(source), message: e instanceof Error ? e.message : String(e) });
      }
    }
  })();
  return result;
}

/** A single document's own concluded licence (null removes it, so the source's applies again). */
export function setDocumentLicense(db: Db, actor: string, documentId: number, concluded: string | null, note?: string) {
  return db.transaction(() => {
    const doc = db.prepare('SELECT id FROM documents WHERE id = ?').get(documentId);
    if (!doc) throw notFound(`document ${documentId}`);
    const before = readDocumentLicense(db, documentId);
    const value = concluded?.trim() ? normalizeConcluded(concluded) : null;
    if (value === before) return { documentId, concludedLicense: value };
    writeDocumentLicense(db, documentId, value, actor, note ?? null);
    const auditId = appendAudit(db, {
      actor,
      action: 'license.document',
      entity: 'document',
      entityId: documentId,
      before: { concludedLicense: before },
      after: { concludedLicense: value },
      note: note ?? null,
    });
    recordUndoable(db, { actor, kind: 'license-document', documentId, key: '', before: { concludedLicense: before }, after: { concludedLicense: value }, auditId });
    return { documentId, concludedLicense: value };
  })();
}

/** Every document-level licence (few in practice): documentId → concluded expression. */
export function documentLicenseMap(db: Db): Map<number, string> {
  const rows = db.prepare('SELECT document_id, concluded_license FROM document_licenses').all() as {
    document_id: number;
    concluded_license: string;
  }[];
  return new Map(rows.map((r) => [r.document_id, r.concluded_license]));
}

/** The licence facts that apply to one document (its own licence, else its source's). */
export function documentLicenseInfo(db: Db, documentId: number) {
  const row = db
    .prepare(
      `SELECT d.id AS document_id, s.id AS source_id, s.name AS source_name, s.concluded_license AS source_license,
         s.review_state AS source_state, dl.concluded_license AS document_license
       FROM documents d JOIN sources s ON s.id = d.source_id LEFT JOIN document_licenses dl ON dl.document_id = d.id
       WHERE d.id = ?`,
    )
    .get(documentId) as
    | { document_id: number; source_id: number; source_name: string; source_license: string | null; source_state: string; document_license: string | null }
    | undefined;
  if (!row) throw notFound(`document ${documentId}`);
  const f = licenseFlags(row.document_license ?? row.source_license, loadLicenseRefs(db));
  return {
    documentId: row.document_id,
    sourceId: row.source_id,
    sourceName: row.source_name,
    sourceLicense: row.source_license,
    sourceState: reviewStateOf({ review_state: row.source_state }),
    documentLicense: row.document_license,
    flags: { use: f.use, attribution: f.attribution, shareAlike: f.shareAlike, noDerivatives: f.noDerivatives, unclassified: [...f.unclassified], conflicts: [...f.conflicts] },
  };
}
