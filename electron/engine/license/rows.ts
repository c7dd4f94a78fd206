// Reading the licence side of sources: one row per source, as the data leads' view shows it.
import type { LicenseSourceRow } from '../../../shared/contract/license';
import type { ReviewState, RobotsStatus, TdmStatus } from '../../../shared/license';
import { isReviewState, licenseFlags } from '../../../shared/license';
import type { Db } from '../store/open';
import { notFound } from '../errors';
import { loadLicenseRefs } from './refs';

export interface SourceLicenseDbRow {
  id: number;
  name: string;
  origin: string;
  document_count: number;
  char_count: number;
  declared_license: string | null;
  concluded_license: string | null;
  review_state: string;
  reviewer: string | null;
  decided_at: string | null;
  terms_url: string | null;
  tdm_status: string;
  robots_status: string;
  evidence_count: number;
}

const SELECT = `SELECT s.id, s.name, s.origin, s.document_count, s.char_count, s.declared_license, s.concluded_license,
  s.review_state, s.reviewer, s.decided_at, s.terms_url, s.tdm_status, s.robots_status,
  (SELECT count(*) FROM license_evidence e WHERE e.source_id = s.id AND e.removed_at IS NULL) AS evidence_count
  FROM sources s`;

export function selectSourceRows(db: Db): SourceLicenseDbRow[] {
  return db.prepare(`${SELECT} ORDER BY s.name`).all() as SourceLicenseDbRow[];
}

/** A source by id or by name. */
export function findSourceRow(db: Db, source: number | string): SourceLicenseDbRow {
  const row = (
    typeof source === 'number'
      ? db.prepare(`${SELECT} WHERE s.id = ?`).get(source)
      : db.prepare(`${SELECT} WHERE s.name = ?`).get(source)
  ) as SourceLicenseDbRow | undefined;
  if (!row) throw notFound(`source '${source}'`);
  return row;
}

export function reviewStateOf(row: { review_state: string }): ReviewState {
  return isReviewState(row.review_state) ? row.review_state : 'unreviewed';
}

const DAY = 86_400_000;

export function toLicenseRow(db: Db, r: SourceLicenseDbRow, now = Date.now(), refs = loadLicenseRefs(db)): LicenseSourceRow {
  const expr = r.concluded_license ?? r.declared_license;
  const f = licenseFlags(expr, refs);
  return {
    id: r.id,
    name: r.name,
    origin: r.origin,
    documentCount: r.document_count,
    charCount: r.char_count,
    declaredLicense: r.declared_license,
    concludedLicense: r.concluded_license,
    flags: {
      use: f.use,
      attribution: f.attribution,
      shareAlike: f.shareAlike,
      noDerivatives: f.noDerivatives,
      unclassified: [...f.unclassified],
      conflicts: [...f.conflicts],
    },
    flagsFrom: r.concluded_license ? 'concluded' : r.declared_license ? 'declared' : 'none',
    reviewState: reviewStateOf(r),
    reviewer: r.reviewer,
    decidedAt: r.decided_at,
    ageDays: r.decided_at ? Math.max(0, Math.floor((now - Date.parse(r.decided_at)) / DAY)) : null,
    termsUrl: r.terms_url,
    tdm: r.tdm_status as TdmStatus,
    robots: r.robots_status as RobotsStatus,
    evidenceCount: r.evidence_count,
  };
}
