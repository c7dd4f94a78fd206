import type { ColumnDef } from '@tanstack/react-table';
import { useCallback, useMemo, useState, type ComponentType } from 'react';
import type { DocumentFilters, DocumentSummary } from '../../../../shared/contract/browse';
import { useI18n } from '../../i18n';
import './column-menu.css';

/** Props of a filter control a feature draws itself (e.g. a min–max range), instead of the generated one. */
export interface FilterControlProps {
  id: string;
  filters: DocumentFilters;
  onChange(filters: DocumentFilters): void;
}

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData, TValue> {
    /** Hidden until the user shows it from the column menu. */
    defaultHidden?: boolean;
    /** A quality signal this column shows: documents.list includes it in the rows while the column is visible. */
    withSignal?: string;
  }
}

declare module '../../components/DataTable/useDataTable' {
  interface FilterMeta {
    /** Draws the filter itself; `key` then only names it. */
    Control?: ComponentType<FilterControlProps>;
    /** Other filter fields the control sets: the filter stays in the bar while any of them is set. */
    alsoKeys?: string[];
  }
}

const STORAGE_KEY = 'kurasi.browser.columns';
/** The text column is what the browser is for; it cannot be hidden. */
const ALWAYS = new Set(['text']);

function load(): Record<string, boolean> {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return v && typeof v === 'object' ? (v as Record<string, boolean>) : {};
  } catch {
    return {};
  }
}

/** Which columns are shown: the user's choices (kept in local storage), else each column's default. */
export function useColumnVisibility(columns: ColumnDef<DocumentSummary>[]) {
  const [choices, setChoices] = useState<Record<string, boolean>>(load);
  const isVisible = useCallback((c: ColumnDef<DocumentSummary>) => ALWAYS.has(c.id ?? '') || (choices[c.id ?? ''] ?? !c.meta?.defaultHidden), [choices]);
  const visible = useMemo(() => columns.filter(isVisible), [columns, isVisible]);
  const toggle = useCallback((id: string, show: boolean) => {
    setChoices((prev) => {
      const next = { ...prev, [id]: show };
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // Storage may be unavailable (private mode): the choice then lasts for this session.
      }
      return next;
    });
  }, []);
  return { visible, isVisible, toggle };
}

/** "Columns" menu: a checkbox per column. */
export function ColumnMenu(props: { columns: ColumnDef<DocumentSummary>[]; isVisible(c: ColumnDef<DocumentSummary>): boolean; onToggle(id: string, show: boolean): void }) {
  const { t } = useI18n();
  return (
    <details className="column-menu" data-testid="column-menu">
      <summary>{t('columns.menu')}</summary>
      <div className="column-menu-list" role="group" aria-label={t('columns.menu')}>
        {props.columns
          .filter((c) => !ALWAYS.has(c.id ?? ''))
          .map((c) => {
            const id = c.id ?? '';
            const label = typeof c.header === 'string' ? c.header : id;
            return (
              <label key={id} title={label}>
                <input type="checkbox" data-testid={`column-toggle-${id}`} checked={props.isVisible(c)} onChange={(e) => props.onToggle(id, e.target.checked)} /> {label}
              </label>
            );
          })}
      </div>
    </details>
  );
}

/** Whether the filter named `key` (a filter field, or a dotted path such as `signals.word_count`) has a value. */
export function filterIsSet(filters: DocumentFilters, key: string | undefined): boolean {
  if (!key) return false;
  let v: unknown = filters;
  for (const part of key.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return v !== undefined;
}
