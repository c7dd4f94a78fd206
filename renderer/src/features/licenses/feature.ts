import type { Feature } from '../types';
import { LicensesScreen } from './LicensesScreen';

export const licensesFeature: Feature = {
  id: 'licenses',
  screens: [{ id: 'licenses', label: 'nav.licenses', icon: '⚖', order: 60, Screen: LicensesScreen }],
};
