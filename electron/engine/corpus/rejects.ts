import type { RejectRecord } from '../../../shared/contract/corpus';
import type { Db } from '../store/open';

export function listRejects(db: Db, q: { jobId?: number | undefined; offset: number; limit: number }): { rows: RejectRecord[]; total: number } {
  const where = q.jobId === undefined ? '' : 'WHERE r.job_id = @jobId';
  const params = q.jobId === undefined ? { offset: q.offset, limit: q.limit } : { jobId: q.jobId, offset: q.offset, limit: q.limit };
  const total = (db.prepare(`SELECT count(*) AS n FROM rejects r ${where}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT r.id, r.job_id, s.name AS source, r.file, r.line, r.reason, r.excerpt, r.created_at
       FROM rejects r LEFT JOIN sources s ON s.id = r.source_id ${where} ORDER BY r.id LIMIT @limit OFFSET @offset`,
    )
    .all(params) as { id: number; job_id: number | null; source: string | null; file: string; line: number | null; reason: string; excerpt: string | null; created_at: string }[];
  return {
    total,
    rows: rows.map((r) => ({ id: r.id, jobId: r.job_id, source: r.source, file: r.file, line: r.line, reason: r.reason, excerpt: r.excerpt, createdAt: r.created_at })),
  };
}
