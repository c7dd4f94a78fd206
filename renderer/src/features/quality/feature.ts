import type { Feature } from '../types';
import { lazyScreen } from '../lazy-screen';
import { QualitySection } from './QualitySection';
import { reasonsColumn, signalColumns } from './columns';

export const qualityFeature: Feature = {
  id: 'quality',
  screens: [{ id: 'quality', label: 'nav.quality', icon: '✓', order: 45, Screen: lazyScreen(() => import('./QualityScreen'), (m) => m.QualityScreen) }],
  docSections: [{ id: 'quality', title: 'quality.section', order: 25, Component: QualitySection }],
  columns: [reasonsColumn, ...signalColumns],
};
