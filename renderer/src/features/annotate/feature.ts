import type { Feature } from '../types';
import { AnnotateScreen } from './AnnotateScreen';
import { ReviewScreen } from './ReviewScreen';

export const annotateFeature: Feature = {
  id: 'annotate',
  screens: [
    { id: 'annotate', label: 'nav.annotate', icon: '✎', order: 20, Screen: AnnotateScreen },
    { id: 'review', label: 'nav.review', icon: '⚖', order: 25, Screen: ReviewScreen },
  ],
};
