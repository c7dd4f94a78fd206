// Which documents may leave the corpus, under which licence, into which shard family. The rules live in
// shared/license (isExportable) behind the licensing feature's corpus gate (openLicenseGate); this file adds
// what an export needs on top: source names and origins for the card, the reason to report, and a per-source
// fast path so a million documents cost one map lookup each.
import type { ExportFilters } from '../../../shared/contract/export';
import type { GateDecision, LicenseRefFlags, ReviewState, RobotsStatus, TdmStatus } from '../../../shared/license';
import { isReviewState, NOASSERTION } from '../../../shared/license';
import { openLicenseGate, type CorpusLicenseGate } from '../license/gate';
import type { Db } from '../store/open';
import { columnExists } from './schema';

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
  private readonly license: CorpusLicenseGate;
  private readonly gateOptions: Parameters<typeof openLicenseGate>[1];
  private readonly bySource = new Map<number, DocDecision>();
  private readonly wrapped = new Map<GateDecision, DocDecision>();

  constructor(
    db: Db,
    private readonly filters: Pick<ExportFilters, 'license' | 'redactPii' | 'overrideReason'>,
  ) {
    this.sources = loadSources(db);
    this.gateOptions = {
      require: filters.license,
      override: filters.overrideReason ? { reason: filters.overrideReason } : null,
      changesText: filters.redactPii,
    };
    this.license = openLicenseGate(db, this.gateOptions);
    this.refs = this.license.refs;
    this.documentLicenses = this.license.documentLicenses;
  }

  private wrap(decision: GateDecision): DocDecision {
    let d = this.wrapped.get(decision);
    if (!d) {
      d = {
        exportable: decision.exportable,
        reason: mainReason(decision, !!this.filters.overrideReason),
        license: decision.flags.expression ?? NOASSERTION,
        shardKey: decision.shardKey,
        overridden: decision.overridden,
        decision,
      };
      this.wrapped.set(decision, d);
    }
    return d;
  }

  forSource(sourceId: number): DocDecision {
    let d = this.bySource.get(sourceId);
    if (!d) {
      if (!this.sources.has(sourceId)) throw new Error(`document refers to unknown source ${sourceId}`);
      d = this.wrap(this.license.check(sourceId, null));
      this.bySource.set(sourceId, d);
    }
    return d;
  }

  /** O(1): the per-source decision unless the document has a licence of its own (rare). */
  forDocument(docId: number, sourceId: number): DocDecision {
    if (this.documentLicenses.size === 0 || !this.documentLicenses.has(docId)) return this.forSource(sourceId);
    return this.wrap(this.license.check(sourceId, docId));
  }

  /**
   * What was let out under a licence decision that no longer holds: the decisions are read once when the export
   * starts, so a source rejected (or turned stale by an import) while it runs would otherwise keep going out.
   * Decisions that became more permissive do not count (the export keeps what it chose at the start).
   */
  revokedSince(db: Db): string[] {
    const now = openLicenseGate(db, this.gateOptions);
    const same = (was: DocDecision, d: GateDecision) =>
      d.exportable && d.shardKey === was.shardKey && (d.flags.expression ?? NOASSERTION) === was.license;
    const lost: string[] = [];
    for (const s of this.sources.values()) {
      const was = this.forSource(s.id);
      if (was.exportable && !same(was, now.check(s.id, null))) lost.push(`source '${s.name}' is now ${now.sources.get(s.id)?.reviewState ?? 'gone'}`);
    }
    const sourceOf = db.prepare('SELECT source_id FROM documents WHERE id = ?').pluck();
    for (const id of new Set([...this.documentLicenses.keys(), ...now.documentLicenses.keys()])) {
      if (this.documentLicenses.get(id) === now.documentLicenses.get(id)) continue;
      const sourceId = sourceOf.get(id) as number | undefined;
      if (sourceId === undefined || !this.sources.has(sourceId)) continue;
      const was = this.forDocument(id, sourceId);
      if (was.exportable && !same(was, now.check(sourceId, id))) lost.push(`document ${id} has the licence ${now.documentLicenses.get(id) ?? 'of its source'} now`);
    }
    return lost;
  }

  /** Sources whose documents can pass only thanks to the override (for the audit log and the card). */
  overriddenSources(): ExportSource[] {
    return [...this.sources.values()].filter((s) => this.forSource(s.id).overridden);
  }
}
