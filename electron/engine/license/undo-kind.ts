import { z } from 'zod';
import { undoKind } from '../audit/undo-kind';
import { KurasiError, notFound } from '../errors';
import type { Db } from '../store/open';
import type { SourceLicenseDbRow } from './rows';
import { readDocumentLicense, writeDocumentLicense } from './document-license';

/** Everything a licence decision on a source can change (`license.set`), as the undo stack keeps it. */
const sourceState = z.object({
  declared: z.string().nullable(),
  concluded: z.string().nullable(),
  state: z.string(),
  reviewer: z.string().nullable(),
  decidedAt: z.string().nullable(),
  termsUrl: z.string().nullable(),
  tdm: z.string(),
  robots: z.string(),
  /** Documents the source held when the decision was made; missing in entries recorded before it was kept. */
  documentCount: z.number().int().optional(),
});
type SourceState = z.infer<typeof sourceState>;

export function licenseUndoState(r: SourceLicenseDbRow): SourceState {
  return {
    declared: r.declared_license,
    concluded: r.concluded_license,
    state: r.review_state,
    reviewer: r.reviewer,
    decidedAt: r.decided_at,
    termsUrl: r.terms_url,
    tdm: r.tdm_status,
    robots: r.robots_status,
    documentCount: r.document_count,
  };
}

function readSource(db: Db, id: number): SourceState {
  const r = db
    .prepare(
      `SELECT declared_license AS declared, concluded_license AS concluded, review_state AS state, reviewer, decided_at AS decidedAt,
         terms_url AS termsUrl, tdm_status AS tdm, robots_status AS robots, document_count AS documentCount FROM sources WHERE id = ?`,
    )
    .get(id) as SourceState | undefined;
  if (!r) throw notFound(`source ${id}`);
  return r;
}

const same = (a: SourceState, b: SourceState) =>
  (Object.keys(a) as (keyof SourceState)[]).every((k) => k === 'decidedAt' || k === 'documentCount' || a[k] === b[k]);

/**
 * Undo/redo of a source's licence decision. The decision comes back exactly as it was (a cleared source stays
 * cleared with its old licence): the review rules apply to new decisions, not to taking one back. The review
 * state is parked while the licence columns change so the stale trigger (meant for edits after clearing) stays out.
 */
export const licenseUndo = undoKind<SourceState>({
  kind: 'license',
  auditPrefix: 'license',
  state: sourceState,
  apply(db, a, from, to) {
    const id = Number(a.key);
    const now = readSource(db, id);
    if (!same(now, from)) throw new KurasiError('conflict', `the licence of source ${id} was changed since; nothing was undone`);
    // A clearing covers the documents the reviewer saw; taking one back after an import would clear documents nobody reviewed.
    if (to.state === 'cleared' && to.documentCount !== undefined && now.documentCount !== to.documentCount) {
      throw new KurasiError('conflict', `source ${id} has had documents imported or removed since it was cleared; nothing was undone`);
    }
    db.prepare(`UPDATE sources SET review_state = 'unreviewed' WHERE id = ?`).run(id);
    db.prepare('UPDATE sources SET declared_license = ?, concluded_license = ?, terms_url = ?, tdm_status = ?, robots_status = ? WHERE id = ?').run(
      to.declared, to.concluded, to.termsUrl, to.tdm, to.robots, id,
    );
    db.prepare('UPDATE sources SET review_state = ?, reviewer = ?, decided_at = ? WHERE id = ?').run(to.state, to.reviewer, to.decidedAt, id);
  },
});

const documentState = z.object({ concludedLicense: z.string().nullable() });
type DocumentState = z.infer<typeof documentState>;

/** Undo/redo of a single document's own licence (`license.setDocument`). */
export const documentLicenseUndo = undoKind<DocumentState>({
  kind: 'license-document',
  auditPrefix: 'license',
  state: documentState,
  apply(db, a, from, to) {
    const id = a.documentId ?? 0;
    if (readDocumentLicense(db, id) !== from.concludedLicense) throw new KurasiError('conflict', `the licence of document ${id} was changed since; nothing was undone`);
    writeDocumentLicense(db, id, to.concludedLicense, a.actor);
  },
});

export const licenseUndoKinds = [licenseUndo, documentLicenseUndo];
