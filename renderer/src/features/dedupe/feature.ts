import type { Feature } from '../types';
import { dupColumn } from './columns';
import { DuplicatesScreen } from './DuplicatesScreen';
import { DuplicateSection } from './DuplicateSection';

export const dedupeFeature: Feature = {
  id: 'dedupe',
  screens: [{ id: 'dedupe', label: 'nav.dedupe', icon: '◫', order: 30, Screen: DuplicatesScreen }],
  docSections: [{ id: 'dedupe', title: 'dedupe.section', order: 15, Component: DuplicateSection }],
  columns: [dupColumn],
};
