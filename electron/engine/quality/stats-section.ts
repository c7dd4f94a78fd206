import type { Db } from '../store/open';

/** Passed / failed / not assessed yet: three counts on the documents_quality_pass index. */
export function qualityStatsSection(db: Db): { passed: number; failed: number; unchecked: number } {
  const count = (where: string) => (db.prepare(`SELECT count(*) AS n FROM documents INDEXED BY documents_quality_pass WHERE ${where}`).get() as { n: number }).n;
  return { passed: count('quality_pass = 1'), failed: count('quality_pass = 0'), unchecked: count('quality_pass IS NULL') };
}
