import type { Feature } from '../types';
import { QualityScreen } from './QualityScreen';
import { QualitySection } from './QualitySection';

export const qualityFeature: Feature = {
  id: 'quality',
  screens: [{ id: 'quality', label: 'nav.quality', icon: '✓', order: 45, Screen: QualityScreen }],
  docSections: [{ id: 'quality', title: 'quality.section', order: 25, Component: QualitySection }],
};
