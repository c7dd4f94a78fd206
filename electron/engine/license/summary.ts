// Corpus-wide licence figures: per review state, per use class, and the share cleared for commercial use.
import type { LicenseSummary } from '../../../shared/contract/license';
import { licenseFlags } from '../../../shared/license';
import type { Db } from '../store/open';
import { loadLicenseRefs } from './refs';

interface SourceRow {
  id: number;
  review_state: string;
  concluded_license: string | null;
  document_count: number;
  char_count: number;
}

/**
 * Cheap: one pass over sources plus the (few) document-level licences, so it can answer on the engine thread.
 * A document-level licence replaces its source's for the use counts.
 */
export function licenseSummary(db: Db): LicenseSummary {
  const refs = loadLicenseRefs(db);
  const sources = db.prepare('SELECT id, review_state, concluded_license, document_count, char_count FROM sources').all() as SourceRow[];
  const overrides = db
    .prepare(
      `SELECT d.source_id AS source_id, dl.concluded_license AS lic, count(*) AS n, sum(d.char_count) AS chars
       FROM document_licenses dl JOIN documents d ON d.id = dl.document_id GROUP BY d.source_id, dl.concluded_license`,
    )
    .all() as { source_id: number; lic: string; n: number; chars: number }[];
  const bySource = new Map<number, typeof overrides>();
  for (const o of overrides) bySource.set(o.source_id, [...(bySource.get(o.source_id) ?? []), o]);

  const byState: LicenseSummary['byState'] = {};
  const byUse: Record<string, number> = { commercial: 0, 'non-commercial': 0, 'research-only': 0, unknown: 0 };
  const byLicense: Record<string, number> = {};
  let documents = 0;
  let chars = 0;
  let cleared = 0;
  let clearedCommercial = 0;
  let clearedCommercialChars = 0;
  for (const s of sources) {
    const st = (byState[s.review_state] ??= { sources: 0, documents: 0 });
    st.sources += 1;
    st.documents += s.document_count;
    documents += s.document_count;
    chars += s.char_count;
    const parts: Array<{ lic: string | null; n: number; chars: number }> = [];
    let restN = s.document_count;
    let restChars = s.char_count;
    for (const o of bySource.get(s.id) ?? []) {
      parts.push({ lic: o.lic, n: o.n, chars: o.chars });
      restN -= o.n;
      restChars -= o.chars;
    }
    parts.push({ lic: s.concluded_license, n: restN, chars: restChars });
    for (const p of parts) {
      if (p.n <= 0) continue;
      const use = licenseFlags(p.lic, refs).use;
      byUse[use] = (byUse[use] ?? 0) + p.n;
      byLicense[p.lic ?? ''] = (byLicense[p.lic ?? ''] ?? 0) + p.n;
      if (s.review_state === 'cleared') {
        cleared += p.n;
        if (use === 'commercial') {
          clearedCommercial += p.n;
          clearedCommercialChars += p.chars;
        }
      }
    }
  }
  return {
    sources: sources.length,
    documents,
    byState,
    byUse,
    byLicense,
    clearedDocuments: cleared,
    clearedCommercialDocuments: clearedCommercial,
    commercialClearedShare: documents ? clearedCommercial / documents : 0,
    commercialClearedCharShare: chars ? clearedCommercialChars / chars : 0,
  };
}

/** The `licenses` section of `corpus.stats` / `kurasi stats`. */
export function licenseStatsSection(db: Db) {
  const s = licenseSummary(db);
  const states = Object.fromEntries(Object.entries(s.byState).map(([k, v]) => [k, v.sources]));
  return {
    sourcesByState: states,
    documentsByUse: s.byUse,
    clearedDocuments: s.clearedDocuments,
    commercialClearedShare: Math.round(s.commercialClearedShare * 10_000) / 10_000,
  };
}
