import type { Feature } from '../types';
import { lazyScreen } from '../lazy-screen';
import { LicenseDocSection } from './LicenseDocSection';

export const licensesFeature: Feature = {
  id: 'licenses',
  screens: [{ id: 'licenses', label: 'nav.licenses', icon: '⚖', order: 60, Screen: lazyScreen(() => import('./LicensesScreen'), (m) => m.LicensesScreen) }],
  docSections: [{ id: 'license', title: 'lic.doc', order: 70, Component: LicenseDocSection }],
};
