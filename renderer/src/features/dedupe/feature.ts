import type { Feature } from '../types';
import { lazyScreen } from '../lazy-screen';
import { dupColumn } from './columns';
import { DuplicateSection } from './DuplicateSection';

export const dedupeFeature: Feature = {
  id: 'dedupe',
  screens: [{ id: 'dedupe', label: 'nav.dedupe', icon: '◫', order: 30, Screen: lazyScreen(() => import('./DuplicatesScreen'), (m) => m.DuplicatesScreen) }],
  docSections: [{ id: 'dedupe', title: 'dedupe.section', order: 15, Component: DuplicateSection }],
  columns: [dupColumn],
};
