import type { Feature } from './types';
import { browserFeature } from './browser/feature';
import { dedupeFeature } from './dedupe/feature';
import { jobsFeature } from './jobs/feature';
import { importFeature } from './import/feature';
import { licensesFeature } from './licenses/feature';
import { annotateFeature } from './annotate/feature';
import { langidFeature } from './langid/feature';
import { piiFeature } from './pii/feature';
import { qualityFeature } from './quality/feature';
import { exportFeature } from './export/feature';

/**
 * Every feature of the UI. One line per feature: its screens get navigation entries, its document-pane
 * sections and browser columns (with their filters) are added to the corpus browser. See docs/conventions.md.
 */
export const features: Feature[] = [
  browserFeature,
  dedupeFeature,
  importFeature,
  jobsFeature,
  langidFeature,
  licensesFeature,
  annotateFeature,
  piiFeature,
  qualityFeature,
  exportFeature,
];

export function allScreens() {
  return features.flatMap((f) => f.screens ?? []).sort((a, b) => (a.order ?? 50) - (b.order ?? 50));
}

export function allDocSections() {
  return features.flatMap((f) => f.docSections ?? []).sort((a, b) => (a.order ?? 50) - (b.order ?? 50));
}

export function allColumns() {
  return features.flatMap((f) => f.columns ?? []);
}
