import type { Feature } from '../types';
import { LicenseDocSection } from './LicenseDocSection';
import { LicensesScreen } from './LicensesScreen';

export const licensesFeature: Feature = {
  id: 'licenses',
  screens: [{ id: 'licenses', label: 'nav.licenses', icon: '⚖', order: 60, Screen: LicensesScreen }],
  docSections: [{ id: 'license', title: 'lic.doc', order: 70, Component: LicenseDocSection }],
};
