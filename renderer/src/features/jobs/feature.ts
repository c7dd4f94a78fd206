import type { Feature } from '../types';
import { JobsScreen } from './JobsScreen';

export const jobsFeature: Feature = {
  id: 'jobs',
  screens: [{ id: 'jobs', label: 'nav.jobs', icon: '≡', order: 90, Screen: JobsScreen }],
};
