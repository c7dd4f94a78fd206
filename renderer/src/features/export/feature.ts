import type { Feature } from '../types';
import { ExportScreen } from './ExportScreen';

export const exportFeature: Feature = {
  id: 'export',
  screens: [{ id: 'export', label: 'nav.export', icon: '⇪', order: 90, Screen: ExportScreen }],
};
