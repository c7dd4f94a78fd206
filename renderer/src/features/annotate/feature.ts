import type { Feature } from '../types';
import { AnnotateScreen } from './AnnotateScreen';
import { ReviewScreen } from './ReviewScreen';
import { DocLabels } from './DocLabels';

export const annotateFeature: Feature = {
  id: 'annotate',
  screens: [
    { id: 'annotate', label: 'nav.annotate', icon: '✎', order: 20, Screen: AnnotateScreen },
    { id: 'review', label: 'nav.review', icon: '⇄', order: 25, Screen: ReviewScreen },
  ],
  docSections: [{ id: 'labels', title: 'annotate.docSection', order: 30, Component: DocLabels }],
};
