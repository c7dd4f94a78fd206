import type { Feature } from '../types';
import { lazyScreen } from '../lazy-screen';
import { DocLabels } from './DocLabels';
import { DocHistory } from './HistoryPane';

export const annotateFeature: Feature = {
  id: 'annotate',
  screens: [
    { id: 'annotate', label: 'nav.annotate', icon: '✎', order: 20, Screen: lazyScreen(() => import('./AnnotateScreen'), (m) => m.AnnotateScreen) },
    { id: 'review', label: 'nav.review', icon: '⇄', order: 25, Screen: lazyScreen(() => import('./ReviewScreen'), (m) => m.ReviewScreen) },
  ],
  docSections: [
    { id: 'labels', title: 'annotate.docSection', order: 30, Component: DocLabels },
    { id: 'history', title: 'audit.docSection', order: 90, Component: DocHistory },
  ],
};
