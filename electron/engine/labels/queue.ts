import type { QueueFilter } from '../../../shared/contract/labels';
import type { DocumentRecord } from '../../../shared/contract/corpus';
import { getDocument } from '../corpus/documents';
import type { Db } from '../store/open';
import { makePermutation } from './permute';

export interface QueueAnswer {
  document: DocumentRecord | null;
  cursor: number;
  more: boolean;
}

/** Stop a random walk before the engine-thread budget (50 ms); the caller continues from the cursor. */
const BUDGET_MS = 30;

function filterSql(filter: QueueFilter): { where: string[]; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.sourceId !== undefined) {
    where.push('d.source_id = ?');
    params.push(filter.sourceId);
  }
  if (filter.lang !== undefined) {
    where.push('d.lang = ?');
    params.push(filter.lang);
  }
  if (filter.dupCluster !== undefined) {
    where.push('d.dup_cluster = ?');
    params.push(filter.dupCluster);
  }
  return { where, params };
}

const unlabelled = 'NOT EXISTS (SELECT 1 FROM labels l WHERE l.annotator = ? AND l.document_id = d.id)';

/**
 * The next document this annotator has not labelled. In id order the cursor is the last id shown; with a seed
 * it is a position in the seeded permutation of ids. Skipping = asking again with the returned cursor.
 */
export function nextDocument(db: Db, annotator: string, filter: QueueFilter, cursor: number): QueueAnswer {
  const { where, params } = filterSql(filter);
  if (filter.seed === undefined) return nextInOrder(db, annotator, where, params, cursor);
  const maxId = (db.prepare('SELECT coalesce(max(id), 0) AS m FROM documents').get() as { m: number }).m;
  if (maxId === 0 || cursor >= maxId) return { document: null, cursor, more: false };
  const perm = makePermutation(maxId, filter.seed);
  const probe = db.prepare(`SELECT d.id FROM documents d WHERE d.id = ? ${where.map((w) => `AND ${w}`).join(' ')} AND ${unlabelled}`);
  const started = performance.now();
  for (let p = cursor; p < maxId; p++) {
    const id = perm(p) + 1;
    if (probe.get(id, ...params, annotator)) return { document: getDocument(db, id), cursor: p + 1, more: false };
    if ((p & 255) === 255 && performance.now() - started > BUDGET_MS) return { document: null, cursor: p + 1, more: true };
  }
  return { document: null, cursor: maxId, more: false };
}

/**
 * In id order: the next document matching the filter; when the annotator already labelled it, skip the whole run
 * of consecutive labelled ids at once by reading the labels index (index-only, 1024 ids per query) instead of
 * probing document by document. Still linear in the run, so the walk stops at the time budget (more: true).
 */
function nextInOrder(db: Db, annotator: string, where: string[], params: (string | number)[], cursor: number): QueueAnswer {
  const candidate = db.prepare(`SELECT d.id FROM documents d WHERE d.id > ? ${where.map((w) => `AND ${w}`).join(' ')} ORDER BY d.id LIMIT 1`);
  const labelled = db.prepare('SELECT 1 FROM labels WHERE annotator = ? AND document_id = ? LIMIT 1');
  // Several answers per document give repeated ids; they are skipped below (DISTINCT would sort the whole range).
  const run = db.prepare('SELECT document_id FROM labels WHERE annotator = ? AND document_id >= ? ORDER BY document_id LIMIT 1024').pluck();
  const started = performance.now();
  let after = cursor;
  for (;;) {
    const row = candidate.get(after, ...params) as { id: number } | undefined;
    if (!row) return { document: null, cursor, more: false };
    if (!labelled.get(annotator, row.id)) return { document: getDocument(db, row.id), cursor: row.id, more: false };
    // Find where the run of labelled ids starting at row.id ends: `end` is the first id not labelled.
    let end = row.id;
    let open = true;
    while (open) {
      const ids = run.all(annotator, end) as number[];
      for (const id of ids) {
        if (id === end) end++;
        else if (id !== end - 1) {
          open = false;
          break;
        }
      }
      if (ids.length < 1024) open = false;
      if (open && performance.now() - started > BUDGET_MS) return { document: null, cursor: end - 1, more: true };
    }
    after = end - 1;
    if (performance.now() - started > BUDGET_MS) return { document: null, cursor: after, more: true };
  }
}
