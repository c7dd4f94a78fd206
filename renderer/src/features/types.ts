import type { ColumnDef } from '@tanstack/react-table';
import type { ComponentType } from 'react';
import type { DocumentRecord } from '../../../shared/contract/corpus';
import type { DocumentSummary } from '../../../shared/contract/browse';

/** A top-level screen with its entry in the navigation. */
export interface ScreenDef {
  id: string;
  /** i18n key of the navigation label. */
  label: string;
  /** A short symbol drawn before the label (emoji or text). */
  icon?: string;
  /** Lower comes first; the browser is 0. */
  order?: number;
  Screen: ComponentType;
}

/** A section of the document pane (e.g. languages, labels, PII findings for the open document). */
export interface DocSectionDef {
  id: string;
  /** i18n key of the section title. */
  title: string;
  order?: number;
  Component: ComponentType<{ doc: DocumentRecord; query: string; refresh(): void }>;
}

/**
 * A browser column. Add `meta.sort` (a documents.list sort key) to make it sortable and `meta.filter` to get a
 * filter in the filter bar; a column with the id of a built-in one replaces it.
 */
export type BrowserColumnDef = (t: (key: string) => string) => ColumnDef<DocumentSummary>;

export interface Feature {
  id: string;
  screens?: ScreenDef[];
  docSections?: DocSectionDef[];
  columns?: BrowserColumnDef[];
}
