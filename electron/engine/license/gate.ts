// The export gate over a whole corpus: load the licence facts once, then answer per document in O(1).
import type { GateDecision, GateOptions, LicenseRefFlags, RobotsStatus, SourceLicenseState, TdmStatus } from '../../../shared/license';
import { isExportable } from '../../../shared/license';
import type { Db } from '../store/open';
import { reviewStateOf } from './rows';
import { loadLicenseRefs } from './refs';
import { documentLicenseMap } from './store';

export interface CorpusLicenseGate {
  refs: LicenseRefFlags;
  sources: Map<number, SourceLicenseState & { id: number; name: string }>;
  /** Document-level licences (documentId → expression); usually few. */
  documentLicenses: Map<number, string>;
  /** The gate's decision for one document; decisions are cached per (source, document licence). */
  check(sourceId: number, documentId?: number | null): GateDecision;
}

/** Snapshot of every source's review facts for an export run (options fixed for the run). */
export function openLicenseGate(db: Db, options: Omit<GateOptions, 'documentLicense' | 'refs'> = {}): CorpusLicenseGate {
  const refs = loadLicenseRefs(db);
  const rows = db
    .prepare('SELECT id, name, review_state, concluded_license, tdm_status, robots_status FROM sources')
    .all() as { id: number; name: string; review_state: string; concluded_license: string | null; tdm_status: string; robots_status: string }[];
  const sources = new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        reviewState: reviewStateOf(r),
        concludedLicense: r.concluded_license,
        tdm: r.tdm_status as TdmStatus,
        robots: r.robots_status as RobotsStatus,
      },
    ]),
  );
  const documentLicenses = documentLicenseMap(db);
  const cache = new Map<string, GateDecision>();
  return {
    refs,
    sources,
    documentLicenses,
    check(sourceId, documentId) {
      const docLicense = documentId == null ? undefined : documentLicenses.get(documentId);
      const key = `${sourceId}\u0000${docLicense ?? ''}`;
      let d = cache.get(key);
      if (!d) {
        const source = sources.get(sourceId) ?? { reviewState: 'unreviewed' as const, concludedLicense: null };
        d = isExportable(source, { ...options, documentLicense: docLicense ?? null, refs });
        cache.set(key, d);
      }
      return d;
    },
  };
}
