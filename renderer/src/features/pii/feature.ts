import type { Feature } from '../types';
import { piiColumn } from './columns';
import { PiiScreen } from './PiiScreen';
import { PiiSection } from './PiiSection';

export const piiFeature: Feature = {
  id: 'pii',
  screens: [{ id: 'pii', label: 'nav.pii', icon: '⚠', order: 40, Screen: PiiScreen }],
  docSections: [{ id: 'pii', title: 'pii.section', order: 20, Component: PiiSection }],
  columns: [piiColumn],
};
