import type { Feature } from '../types';
import { lazyScreen } from '../lazy-screen';
import { piiColumn } from './columns';
import { PiiSection } from './PiiSection';

export const piiFeature: Feature = {
  id: 'pii',
  screens: [{ id: 'pii', label: 'nav.pii', icon: '⚠', order: 40, Screen: lazyScreen(() => import('./PiiScreen'), (m) => m.PiiScreen) }],
  docSections: [{ id: 'pii', title: 'pii.section', order: 20, Component: PiiSection }],
  columns: [piiColumn],
};
