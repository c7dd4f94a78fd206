import { getCoreRowModel, useReactTable, type ColumnDef, type SortingState, type Table } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { PagedRows } from './usePagedRows';

/** What a column may say about filtering; the filter bar is generated from it. */
export interface FilterMeta {
  /** The filter field this column filters on. */
  key: string;
  kind: 'select' | 'boolean' | 'number' | 'text';
  /** i18n key of the filter's label. */
  label: string;
  /** For select: the values (label is an i18n key or a literal). */
  options?: { value: string; label: string }[];
}

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData, TValue> {
    /** Fixed width in px (the text column takes the rest). */
    width?: number;
    grow?: boolean;
    align?: 'start' | 'end' | 'center';
    /** Server-side sort key; columns without one are not sortable. */
    sort?: string;
    filter?: FilterMeta;
  }
}

export interface DataTableState<T> {
  table: Table<T>;
  source: PagedRows<T>;
  /** The rows currently drawn, by absolute index. */
  range: { start: number; end: number };
  setRange(range: { start: number; end: number }): void;
  indexOf(row: T): number | undefined;
  sorting: SortingState;
}

/**
 * Table state for a server-paged source: tanstack only ever sees the rows in view (a few dozen), sorting is
 * manual (the server sorts), and each row keeps its absolute index so the virtualizer can place it.
 */
export function useDataTable<T extends object>(options: {
  columns: ColumnDef<T>[];
  source: PagedRows<T>;
  sorting: SortingState;
  onSortingChange(sorting: SortingState): void;
}): DataTableState<T> {
  const { source, columns, sorting, onSortingChange } = options;
  // A screenful from the start, so rows that are already at hand are drawn in the first render.
  const [range, setRange] = useState({ start: 0, end: 60 });
  const { data, indexes } = useMemo(() => {
    const indexes = new WeakMap<T, number>();
    const data: T[] = [];
    for (let i = range.start; i <= range.end; i++) {
      const row = source.getRow(i);
      if (row) {
        indexes.set(row, i);
        data.push(row);
      }
    }
    return { data, indexes };
  }, [range.start, range.end, source]);
  // tanstack picks a column's first sort direction from the first row in view, which changes with the sort itself
  // (a null first after ascending makes the cycle asc → none → asc). Fixed here instead: numbers (right-aligned)
  // start with the largest, everything else from A.
  const stableColumns = useMemo(() => columns.map((c) => ({ sortDescFirst: c.meta?.align === 'end', ...c })), [columns]);
  const table = useReactTable<T>({
    data,
    columns: stableColumns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row, i) => String(indexes.get(row) ?? `x${i}`),
    manualSorting: true,
    manualPagination: true,
    enableMultiSort: false,
    state: { sorting },
    onSortingChange: (updater) => onSortingChange(typeof updater === 'function' ? updater(sorting) : updater),
  });
  return { table, source, range, setRange, indexOf: (row) => indexes.get(row), sorting };
}
