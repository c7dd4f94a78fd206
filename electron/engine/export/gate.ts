// Which documents may leave the corpus, under which licence, into which shard family. The rules live in
// shared/license (isExportable); this file feeds them the corpus's review state, one decision per source
// (and per distinct document-level licence), so a million documents cost a map lookup each.
import type { ExportFilters } from '../../../shared/contract/export';
import type { GateDecision, LicenseRefFlags, ReviewState, RobotsStatus, TdmStatus } from '../../../shared/license';
import { isExportable, isReviewState, NOASSERTION } from '../../../shared/license';
import type { Db } from '../store/open';
import { tableExists, columnExists } from './schema';

export interface ExportSource {
  id: number;
  name: string;
  origin: string;
  declaredLicense: string | null;
  concludedLicense: string | null;
  reviewState: ReviewState;
  termsUrl: string | null;
  tdm: TdmStatus;
  robots: RobotsStatus;
}

export interface DocDecision {
  exportable: boolean;
  /** First refusal reason, for tallies. */
  reason: string | null;
  /** SPDX expression written into records and combined per shard. */
  license: string;
  shardKey: string;
  overridden: boolean;
  decision: GateDecision;
}

export function loadSources(db: Db): Map<number, ExportSource> {
  const hasLicenseCols = columnExists(db, 'sources', 'tdm_status');
  const rows = db
    .prepare(
      `SELECT id, name, origin, declared_license, concluded_license, review_state,
        ${hasLicenseCols ? 'terms_url, tdm_status, robots_status' : "NULL AS terms_url, 'unknown' AS tdm_status, 'unknown' AS robots_status"}
       FROM sources ORDER BY id`,
    )
    .all() as {
    id: number;
    name: string;
    origin: string;
    declared_license: string | null;
    concluded_license: string | null;
    review_state: string;
    terms_url: string | null;
    tdm_status: string;
    robots_status: string;
  }[];
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        origin: r.origin,
        declaredLicense: r.declared_license,
        concludedLicense: r.concluded_license,
        reviewState: isReviewState(r.review_state) ? r.review_state : 'unreviewed',
        termsUrl: r.terms_url,
        tdm: r.tdm_status as TdmStatus,
        robots: r.robots_status as RobotsStatus,
      },
    ]),
  );
}

/** Flags reviewers declared for `LicenseRef-` ids (licensing feature's table, when present). */
export function loadRefs(db: Db): LicenseRefFlags {
  if (!tableExists(db, 'license_refs')) return {};
  const rows = db.prepare('SELECT ref, use_class, attribution, share_alike, no_derivatives FROM license_refs ORDER BY ref').all() as {
    ref: string;
    use_class: 'commercial' | 'non-commercial' | 'research-only' | 'unknown';
    attribution: number;
    share_alike: string | null;
    no_derivatives: number;
  }[];
  const refs: LicenseRefFlags = {};
  for (const r of rows) {
    refs[r.ref] = { use: r.use_class, attribution: r.attribution === 1, shareAlike: r.share_alike, noDerivatives: r.no_derivatives === 1 };
  }
  return refs;
}

/** Document-level concluded licences (few): documentId → expression. */
export function loadDocumentLicenses(db: Db): Map<number, string> {
  if (!tableExists(db, 'document_licenses')) return new Map();
  const rows = db.prepare('SELECT document_id, concluded_license FROM document_licenses ORDER BY document_id').all() as {
    document_id: number;
    concluded_license: string;
  }[];
  return new Map(rows.map((r) => [r.document_id, r.concluded_license]));
}

const REVIEW_REASONS = new Set(['not-cleared', 'stale', 'tdm-reserved']);

/** With an override given, the reason that still holds is the one worth reporting (the review ones were lifted). */
function mainReason(d: GateDecision, overrideGiven: boolean): string | null {
  if (!d.refused.length) return null;
  if (overrideGiven) return d.refused.find((r) => !REVIEW_REASONS.has(r)) ?? d.refused[0]!;
  return d.refused[0]!;
}

export class Gatekeeper {
  readonly sources: Map<number, ExportSource>;
  readonly refs: LicenseRefFlags;
  readonly documentLicenses: Map<number, string>;
  private readonly bySource = new Map<number, DocDecision>();
  private readonly byDocLicense = new Map<string, DocDecision>();

  constructor(
    db: Db,
    private readonly filters: Pick<ExportFilters, 'license' | 'redactPii' | 'overrideReason'>,
  ) {
    this.sources = loadSources(db);
    this.refs = loadRefs(db);
    this.documentLicenses = loadDocumentLicenses(db);
  }

  private compute(source: ExportSource, documentLicense: string | null): DocDecision {
    const decision = isExportable(
      { reviewState: source.reviewState, concludedLicense: source.concludedLicense, tdm: source.tdm, robots: source.robots },
      {
        documentLicense,
        require: this.filters.license,
        override: this.filters.overrideReason ? { reason: this.filters.overrideReason } : null,
        changesText: this.filters.redactPii,
        refs: this.refs,
      },
    );
    return {
      exportable: decision.exportable,
      reason: mainReason(decision, !!this.filters.overrideReason),
      license: decision.flags.expression ?? NOASSERTION,
      shardKey: decision.shardKey,
      overridden: decision.overridden,
      decision,
    };
  }

  forSource(sourceId: number): DocDecision {
    let d = this.bySource.get(sourceId);
    if (!d) {
      const s = this.sources.get(sourceId);
      if (!s) throw new Error(`document refers to unknown source ${sourceId}`);
      d = this.compute(s, null);
      this.bySource.set(sourceId, d);
    }
    return d;
  }

  forDocument(docId: number, sourceId: number): DocDecision {
    const own = this.documentLicenses.size ? this.documentLicenses.get(docId) : undefined;
    if (own === undefined) return this.forSource(sourceId);
    const key = `${sourceId}\u0000${own}`;
    let d = this.byDocLicense.get(key);
    if (!d) {
      d = this.compute(this.sources.get(sourceId)!, own);
      this.byDocLicense.set(key, d);
    }
    return d;
  }

  /** Sources whose documents can pass only thanks to the override (for the audit log and the card). */
  overriddenSources(): ExportSource[] {
    return [...this.sources.values()].filter((s) => this.forSource(s.id).overridden);
  }
}
