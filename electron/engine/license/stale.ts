// A clearing covers the documents a reviewer looked at. Documents imported into a cleared source later were never
// reviewed (another file, another crawl, perhaps another licence the import did not declare), so the source goes
// back to review, as it does when its licence or evidence changes (the triggers of migration 0005).
import type { Db } from '../store/open';
import { appendAudit } from '../store/audit';

export const NEW_DOCUMENTS_STALE_NOTE = 'documents imported after clearing';

/** Call in the transaction that added `added` documents to the source; returns whether the source went stale. */
export function staleAfterNewDocuments(db: Db, sourceId: number, added: number, jobId: number | null): boolean {
  if (added <= 0) return false;
  const changed = db.prepare(`UPDATE sources SET review_state = 'stale' WHERE id = ? AND review_state = 'cleared'`).run(sourceId).changes;
  if (changed === 0) return false;
  appendAudit(db, {
    actor: 'kurasi',
    action: 'license.stale',
    entity: 'source',
    entityId: sourceId,
    before: { reviewState: 'cleared' },
    after: { reviewState: 'stale', importJobId: jobId },
    note: NEW_DOCUMENTS_STALE_NOTE,
  });
  return true;
}
