import type { Db } from '../store/open';

/** Passed / failed / not assessed yet, in one pass over the documents_quality_pass index. */
export function qualityStatsSection(db: Db): { passed: number; failed: number; unchecked: number } {
  const rows = db.prepare('SELECT quality_pass AS pass, count(*) AS n FROM documents INDEXED BY documents_quality_pass GROUP BY quality_pass').all() as {
    pass: number | null;
    n: number;
  }[];
  const count = (pass: number | null) => rows.find((r) => r.pass === pass)?.n ?? 0;
  return { passed: count(1), failed: count(0), unchecked: count(null) };
}
