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
  if (filter.seed === undefined) {
    const row = db
      .prepare(`SELECT d.id FROM documents d WHERE d.id > ? ${where.map((w) => `AND ${w}`).join(' ')} AND ${unlabelled} ORDER BY d.id LIMIT 1`)
      .get(cursor, ...params, annotator) as { id: number } | undefined;
    if (!row) return { document: null, cursor, more: false };
    return { document: getDocument(db, row.id), cursor: row.id, more: false };
  }
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
