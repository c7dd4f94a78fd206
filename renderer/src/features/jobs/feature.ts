import type { Feature } from '../types';
import { lazyScreen } from '../lazy-screen';

export const jobsFeature: Feature = {
  id: 'jobs',
  screens: [{ id: 'jobs', label: 'nav.jobs', icon: '≡', order: 90, Screen: lazyScreen(() => import('./JobsScreen'), (m) => m.JobsScreen) }],
};
