// The data leads' list: every source with its licence facts, filtered.
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
