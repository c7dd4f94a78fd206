import { flexRender, type Header, type Row } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useImperativeHandle, useMemo, useRef, type CSSProperties, type ReactNode, type Ref } from 'react';
import type { DataTableState } from './useDataTable';

export interface DataTableHandle {
  scrollToIndex(index: number): void;
  focus(): void;
}

export interface DataTableProps<T> {
  state: DataTableState<T>;
  rowHeight?: number;
  selectedIndex: number | null;
  onSelect(index: number): void;
  onOpen(index: number): void;
  /** Shown instead of the body when the source has no rows (after loading). */
  empty: ReactNode;
  /** Shown when the first page failed. */
  error: (message: string) => ReactNode;
  loadingLabel: string;
  ariaLabel: string;
  handle?: Ref<DataTableHandle>;
}

function widthStyle(meta: { width?: number; grow?: boolean } | undefined): CSSProperties {
  if (meta?.grow) return { flex: '1 1 0', minWidth: 160 };
  return { flex: `0 0 ${meta?.width ?? 120}px` };
}

function SortMark({ header }: { header: Header<object, unknown> }) {
  const s = header.column.getIsSorted();
  return <span className="sort-mark" aria-hidden>{s === 'asc' ? '▲' : s === 'desc' ? '▼' : ''}</span>;
}

/**
 * Draws what it is given: header from the table's columns, a virtualized body over `source.total` rows where
 * only the rows in view exist in the DOM, skeleton rows while their page is on its way.
 */
export function DataTable<T extends object>(props: DataTableProps<T>) {
  const { state, selectedIndex } = props;
  const rowHeight = props.rowHeight ?? 30;
  const total = state.source.total ?? 0;
  const scrollRef = useRef<HTMLDivElement>(null);
  const { source: pagedSource } = state;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    // Ask for the rows in view straight from the scroll event, a frame before React has rendered the new range.
    onChange: (v) => {
      const r = v.range;
      if (r && total > 0) pagedSource.ensure(Math.max(0, r.startIndex - 10), r.endIndex + 10);
    },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { setRange, range, source } = state;

  useEffect(() => {
    if (range.start !== first || range.end !== last) setRange({ start: first, end: last });
    if (total > 0) source.ensure(first, last);
  }, [first, last, total, range.start, range.end, setRange, source]);

  useImperativeHandle(props.handle, () => ({
    scrollToIndex: (index: number) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    focus: () => scrollRef.current?.focus(),
  }));

  const rowsByIndex = useMemo(() => {
    const m = new Map<number, Row<T>>();
    for (const r of state.table.getRowModel().rows) {
      const i = state.indexOf(r.original);
      if (i !== undefined) m.set(i, r);
    }
    return m;
  }, [state]);

  const columns = state.table.getVisibleLeafColumns();
  const headerGroups = state.table.getHeaderGroups();

  let body: ReactNode;
  if (state.source.error && state.source.total === null) body = props.error(state.source.error);
  else if (state.source.total === 0) body = props.empty;
  else
    body = (
      <div className="dt-body-inner" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rowsByIndex.get(item.index);
          const selected = item.index === selectedIndex;
          return (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={selected}
              data-index={item.index}
              className={`dt-row${selected ? ' selected' : ''}${row ? '' : ' skeleton'}`}
              style={{ height: rowHeight, transform: `translateY(${item.start}px)` }}
              onClick={() => props.onSelect(item.index)}
              onDoubleClick={() => props.onOpen(item.index)}
            >
              {row
                ? row.getVisibleCells().map((cell) => (
                    <div key={cell.id} role="gridcell" className={`dt-cell align-${cell.column.columnDef.meta?.align ?? 'start'}`} style={widthStyle(cell.column.columnDef.meta)}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </div>
                  ))
                : columns.map((c) => (
                    <div key={c.id} role="gridcell" className="dt-cell" style={widthStyle(c.columnDef.meta)}>
                      <span className="skeleton-bar" aria-label={props.loadingLabel} />
                    </div>
                  ))}
            </div>
          );
        })}
      </div>
    );

  return (
    <div className="dt" role="grid" aria-label={props.ariaLabel} aria-rowcount={total + 1}>
      {headerGroups.map((hg) => (
        <div key={hg.id} role="row" className="dt-head">
          {hg.headers.map((h) => {
            const sortable = Boolean(h.column.columnDef.meta?.sort);
            return (
              <div
                key={h.id}
                role="columnheader"
                className={`dt-cell dt-th${sortable ? ' sortable' : ''} align-${h.column.columnDef.meta?.align ?? 'start'}`}
                style={widthStyle(h.column.columnDef.meta)}
                aria-sort={h.column.getIsSorted() === 'asc' ? 'ascending' : h.column.getIsSorted() === 'desc' ? 'descending' : 'none'}
                onClick={sortable ? h.column.getToggleSortingHandler() : undefined}
              >
                {flexRender(h.column.columnDef.header, h.getContext())}
                {sortable && <SortMark header={h as unknown as Header<object, unknown>} />}
              </div>
            );
          })}
        </div>
      ))}
      <div ref={scrollRef} className="dt-scroll" tabIndex={0} data-testid="dt-scroll">
        {body}
      </div>
    </div>
  );
}
