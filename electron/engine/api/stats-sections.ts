import type { Db } from '../store/open';
import { dedupeStatsSection } from '../dedupe/queries';
import { languagesStatsSection } from '../langid/stats-section';
import { labelStats } from '../labels/stats';
import { licenseStatsSection } from '../license/summary';
import { piiSummary } from '../pii/store';
import { qualityStatsSection } from '../quality/stats-section';

/**
 * Extra sections of `corpus.stats` / `kurasi stats`, one per feature (languages, duplicates, labels, licences…).
 * Each must be a cheap aggregate (indexed), since stats is answered on the engine thread. One line per feature.
 */
export const statsSections: Record<string, (db: Db) => unknown> = {
  duplicates: dedupeStatsSection,
  languages: languagesStatsSection,
  labels: labelStats,
  licenses: licenseStatsSection,
  pii: piiSummary,
  quality: qualityStatsSection,
};
