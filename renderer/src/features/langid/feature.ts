import type { Feature } from '../types';
import { lazyScreen } from '../lazy-screen';
import { codeMixedColumn, langColumn } from './columns';
import { LanguageSection } from './LanguageSection';

export const langidFeature: Feature = {
  id: 'langid',
  screens: [{ id: 'languages', label: 'nav.languages', icon: '¶', order: 30, Screen: lazyScreen(() => import('./LanguagesScreen'), (m) => m.LanguagesScreen) }],
  docSections: [{ id: 'langid', title: 'langid.section', order: 10, Component: LanguageSection }],
  columns: [langColumn, codeMixedColumn],
};
