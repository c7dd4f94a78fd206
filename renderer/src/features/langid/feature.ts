import type { Feature } from '../types';
import { codeMixedColumn, langColumn } from './columns';
import { LanguageSection } from './LanguageSection';
import { LanguagesScreen } from './LanguagesScreen';

export const langidFeature: Feature = {
  id: 'langid',
  screens: [{ id: 'languages', label: 'nav.languages', icon: '¶', order: 30, Screen: LanguagesScreen }],
  docSections: [{ id: 'langid', title: 'langid.section', order: 10, Component: LanguageSection }],
  columns: [langColumn, codeMixedColumn],
};
