import type { Db } from './open';

/**
 * After a bulk change (an import), the query planner needs fresh statistics to pick the browse indexes for
 * ORDER BY … LIMIT on a large corpus. `optimize = 0x10002` analyses every table whose statistics are stale, and
 * analysis_limit keeps that to a sample, so it costs well under a second even on a million documents.
 */
export function refreshPlannerStatistics(db: Db): void {
  db.pragma('analysis_limit = 1000');
  db.pragma('optimize = 0x10002');
}
