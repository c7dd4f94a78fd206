// May a document go into an export? The per-source (or per-document) part of the export gate.
import type { LicenseFlags, LicenseRefFlags } from './flags';
import { licenseFlags } from './flags';
import { shardKey } from './combine';
import type { ReviewState } from './review';

/** Text-and-data-mining reservation (opt-out) found for a source. `permitted`: reserved, but permission obtained. */
export const TDM_STATUSES = ['unknown', 'none', 'reserved', 'permitted'] as const;
export type TdmStatus = (typeof TDM_STATUSES)[number];
export const ROBOTS_STATUSES = ['unknown', 'allowed', 'disallowed', 'not-applicable'] as const;
export type RobotsStatus = (typeof ROBOTS_STATUSES)[number];

export interface SourceLicenseState {
  reviewState: ReviewState;
  concludedLicense: string | null;
  tdm?: TdmStatus;
  robots?: RobotsStatus;
}

export interface GateOptions {
  /** A document's own concluded licence; replaces the source's when set. */
  documentLicense?: string | null;
  /** `cleared`: any cleared licence; `commercial`: cleared and commercial use allowed. */
  require?: 'cleared' | 'commercial';
  /** Export despite the review state (not rejected): the reason must be recorded in the audit log by the caller. */
  override?: { reason: string } | null;
  /** The export changes text (normalisation, redaction…): no-derivatives documents are left out. */
  changesText?: boolean;
  refs?: LicenseRefFlags;
}

export type GateReason =
  | 'not-cleared'
  | 'stale'
  | 'rejected'
  | 'no-licence'
  | 'unknown-use'
  | 'not-commercial'
  | 'no-derivatives'
  | 'licence-conflict'
  | 'tdm-reserved'
  | 'robots-disallowed';

export interface GateDecision {
  exportable: boolean;
  /** Why not (empty when exportable). */
  refused: GateReason[];
  /** Refusals an override lifted, and soft concerns (robots.txt), to show beside the export. */
  warnings: GateReason[];
  overridden: boolean;
  flags: LicenseFlags;
  /** Documents with different keys never share a shard. */
  shardKey: string;
}

/**
 * Rules: the source must be cleared, unless overridden with a reason (a rejected source never passes);
 * a TDM reservation without permission refuses (overridable); with `require: 'commercial'` the licence must
 * allow commercial use (unknown never does); a changing export leaves out no-derivatives material; two
 * share-alike families in one document's licence refuse. Licence refusals cannot be overridden.
 */
export function isExportable(source: SourceLicenseState, opts: GateOptions = {}): GateDecision {
  const expr = opts.documentLicense?.trim() ? opts.documentLicense : source.concludedLicense;
  const flags = licenseFlags(expr, opts.refs);
  const reviewRefusals: GateReason[] = [];
  const hard: GateReason[] = [];
  const warnings: GateReason[] = [];

  if (source.reviewState === 'rejected') hard.push('rejected');
  else if (source.reviewState === 'stale') reviewRefusals.push('stale');
  else if (source.reviewState !== 'cleared') reviewRefusals.push('not-cleared');
  if (source.tdm === 'reserved') reviewRefusals.push('tdm-reserved');
  if (!flags.expression || flags.expression === 'NOASSERTION' || flags.expression === 'NONE') {
    (opts.require === 'commercial' ? hard : reviewRefusals).push('no-licence');
  }
  if (opts.require === 'commercial' && flags.use !== 'commercial') hard.push(flags.use === 'unknown' ? 'unknown-use' : 'not-commercial');
  if (opts.changesText && flags.noDerivatives) hard.push('no-derivatives');
  if (flags.conflicts.length) hard.push('licence-conflict');
  if (source.robots === 'disallowed') warnings.push('robots-disallowed');

  const overridden = reviewRefusals.length > 0 && hard.length === 0 && !!opts.override?.reason.trim();
  const refused = overridden ? hard : [...reviewRefusals, ...hard];
  return {
    exportable: refused.length === 0,
    refused: [...new Set(refused)],
    warnings: overridden ? [...reviewRefusals, ...warnings] : warnings,
    overridden,
    flags,
    shardKey: shardKey(flags),
  };
}
