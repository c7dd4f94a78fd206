import type { Feature } from '../types';
import { BrowserScreen } from './BrowserScreen';

export const browserFeature: Feature = {
  id: 'browser',
  screens: [{ id: 'browser', label: 'nav.browser', icon: '▤', order: 0, Screen: BrowserScreen }],
};
