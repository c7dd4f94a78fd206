import type { Feature } from '../types';
import { lazyScreen } from '../lazy-screen';

export const exportFeature: Feature = {
  id: 'export',
  screens: [{ id: 'export', label: 'nav.export', icon: '⇪', order: 90, Screen: lazyScreen(() => import('./ExportScreen'), (m) => m.ExportScreen) }],
};
