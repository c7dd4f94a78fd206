// The data leads' list: every source with its licence facts, filtered.
import { toAuditRow, type AuditDbRow } from '../store/audit';
import type { LicenseSourceRow } from '../../../shared/contract/license';
import type { ReviewState, UseClass } from '../../../shared/license';
import type { Db } from '../store/open';
import { loadLicenseRefs } from './refs';
import { selectSourceRows, toLicenseRow } from './rows';

export interface LicenseListFilter {
  states?: ReviewState[];
  use?: UseClass;
  search?: string;
}

export function listLicenseSources(db: Db, filter: LicenseListFilter = {}): LicenseSourceRow[] {
  const refs = loadLicenseRefs(db);
  const now = Date.now();
  const q = filter.search?.trim().toLowerCase();
  return selectSourceRows(db)
    .map((r) => toLicenseRow(db, r, now, refs))
    .filter(
      (r) =>
        (!filter.states?.length || filter.states.includes(r.reviewState)) &&
        (!filter.use || r.flags.use === filter.use) &&
        (!q ||
          [r.name, r.origin, r.declaredLicense ?? '', r.concludedLicense ?? '', r.reviewer ?? ''].some((v) => v.toLowerCase().includes(q))),
    );
}

/**
 * Recent licence decisions across sources and LicenseRefs, newest first. Reads through the audit log's
 * (entity, entity_id) index, so other features' entries on documents never get scanned.
 */
export function recentLicenseDecisions(db: Db, limit = 50) {
  const rows = db
    .prepare(
      `SELECT a.id, a.at, a.actor, a.action, a.entity, a.entity_id, a.before, a.after, a.note, s.name AS source_name
       FROM audit_log a LEFT JOIN sources s ON a.entity = 'source' AND s.id = CAST(a.entity_id AS INTEGER)
       WHERE a.entity IN ('source', 'license-ref') AND a.action LIKE 'license.%'
       ORDER BY a.id DESC LIMIT ?`,
    )
    .all(limit) as (AuditDbRow & { source_name: string | null })[];
  return rows.map((r) => ({ ...toAuditRow(r), sourceName: r.source_name }));
}
