import { flexRender, type Column, type Header, type Row } from '@tanstack/react-table';
import { memo, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode, type Ref, type UIEvent, type MouseEvent } from 'react';
import type { DataTableState } from './useDataTable';
import { scrollTopFor, virtualLayout, type Viewport } from './virtual';
import './DataTable.css';

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

/** Rows fetched beyond the drawn ones, so a slow scroll finds its rows already there. */
const FETCH_AHEAD = 60;

function widthStyle(meta: { width?: number; grow?: boolean } | undefined): CSSProperties {
  if (meta?.grow) return { flex: '1 1 0', minWidth: 160 };
  return { flex: `0 0 ${meta?.width ?? 120}px` };
}

function SortMark({ header }: { header: Header<object, unknown> }) {
  const s = header.column.getIsSorted();
  return <span className="sort-mark" aria-hidden>{s === 'asc' ? '▲' : s === 'desc' ? '▼' : ''}</span>;
}

interface RowProps<T> {
  index: number;
  row: Row<T> | undefined;
  /** The row's data: a drawn row is only redrawn when its data, selection or columns change. */
  original: T | undefined;
  selected: boolean;
  columns: Column<T, unknown>[];
  rowHeight: number;
  loadingLabel: string;
}

function RowViewImpl<T>({ index, row, selected, rowHeight, loadingLabel }: RowProps<T>) {
  const style = { height: rowHeight };
  if (!row)
    return (
      <div role="row" aria-rowindex={index + 2} aria-busy data-index={index} className={`dt-row skeleton${selected ? ' selected' : ''}`} style={style}>
        {/* One bar per row, not per cell: a jump draws a screenful of these before its page arrives. */}
        <span className="skeleton-bar dt-skeleton-bar" style={{ width: `${40 + ((index * 37) % 45)}%` }} aria-label={loadingLabel} />
      </div>
    );
  return (
    <div role="row" aria-rowindex={index + 2} aria-selected={selected} data-index={index} className={`dt-row${selected ? ' selected' : ''}`} style={style}>
      {row.getVisibleCells().map((cell) => (
        <div key={cell.id} role="gridcell" className={`dt-cell align-${cell.column.columnDef.meta?.align ?? 'start'}`} style={widthStyle(cell.column.columnDef.meta)}>
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </div>
      ))}
    </div>
  );
}

const RowView = memo(
  RowViewImpl,
  (a, b) => a.index === b.index && a.original === b.original && a.selected === b.selected && a.columns === b.columns && a.rowHeight === b.rowHeight && a.loadingLabel === b.loadingLabel,
) as typeof RowViewImpl;

function initialViewport(): Viewport {
  // Until the element is measured, assume it is as tall as the window: the first rows are drawn in the very first
  // render instead of after a measuring pass (a few extra rows at worst).
  return { scrollTop: 0, height: typeof window === 'undefined' ? 800 : window.innerHeight };
}

/**
 * Draws what it is given: header from the table's columns, a virtualized body over `source.total` rows where
 * only the rows in view exist in the DOM (fixed row height, scaled scrollbar past a few million pixels), a
 * skeleton bar for rows whose page is on its way. Rows are memoized on their data, so scrolling by a few rows
 * only draws the rows that came into view.
 */
export function DataTable<T extends object>(props: DataTableProps<T>) {
  const { state, selectedIndex } = props;
  const rowHeight = props.rowHeight ?? 30;
  const total = state.source.total ?? 0;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [vp, setVp] = useState(initialViewport);
  const layout = virtualLayout(total, rowHeight, vp);
  const { setRange, range, source } = state;
  const latest = useRef({ props, layout, vp });
  latest.current = { props, layout, vp };

  // The visible height, measured after layout (no forced synchronous layout while the page is starting).
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setVp((v) => (v.height === el.clientHeight ? v : { ...v, height: el.clientHeight })));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // With a scaled scrollbar a wheel notch would move several times as many rows as usual: scroll by the
  // wheel's distance in rows instead (the scrollbar itself still spans the whole corpus).
  const scaled = layout.scale !== 1;
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || !scaled) return;
    // Small touchpad deltas become fractions of a real pixel: kept until they add up to one.
    let pending = 0;
    const onWheel = (e: WheelEvent) => {
      if (e.ctrlKey || e.deltaY === 0 || Math.abs(e.deltaX) > Math.abs(e.deltaY)) return;
      e.preventDefault();
      const px = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? e.deltaY * rowHeight : e.deltaMode === WheelEvent.DOM_DELTA_PAGE ? e.deltaY * el.clientHeight : e.deltaY;
      pending += px * latest.current.layout.scale;
      const step = Math.trunc(pending);
      if (step === 0) return;
      pending -= step;
      el.scrollTop += step;
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [scaled, rowHeight]);

  // Rows in view (and ahead) are asked for, and tanstack gets the drawn range; a scroll does this straight from
  // its event (below), this catches the other changes (first page, resize, a new query).
  useEffect(() => {
    if (layout.last < layout.first) return;
    if (range.start !== layout.first || range.end !== layout.last) setRange({ start: layout.first, end: layout.last });
    source.ensure(Math.max(0, layout.first - FETCH_AHEAD), layout.last + FETCH_AHEAD, layout.firstVisible);
  }, [layout.first, layout.last, layout.firstVisible, range.start, range.end, setRange, source]);

  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    const next = { scrollTop: el.scrollTop, height: el.clientHeight };
    const l = virtualLayout(total, rowHeight, next);
    // Ask for the rows now: the request leaves before React renders the skeleton rows.
    if (l.last >= l.first) {
      source.ensure(Math.max(0, l.first - FETCH_AHEAD), l.last + FETCH_AHEAD, l.firstVisible);
      setRange({ start: l.first, end: l.last });
    }
    setVp(next);
  };

  useImperativeHandle(props.handle, () => ({
    scrollToIndex: (index: number) => {
      const el = scrollRef.current;
      if (!el) return;
      const top = scrollTopFor(index, rowHeight, latest.current.layout, el.clientHeight);
      if (top !== null) el.scrollTop = top;
    },
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

  // One listener for every row (rows are memoized, so they carry no per-render closures).
  const indexAt = (e: MouseEvent) => {
    const rowEl = (e.target as HTMLElement).closest<HTMLElement>('.dt-row');
    const i = rowEl?.dataset.index;
    return i === undefined ? null : Number(i);
  };
  const onClick = (e: MouseEvent) => {
    const i = indexAt(e);
    if (i !== null) latest.current.props.onSelect(i);
  };
  const onDoubleClick = (e: MouseEvent) => {
    const i = indexAt(e);
    if (i !== null) latest.current.props.onOpen(i);
  };

  let body: ReactNode;
  if (state.source.error && state.source.total === null) body = props.error(state.source.error);
  else if (state.source.total === 0) body = props.empty;
  else {
    const drawn: ReactNode[] = [];
    for (let i = layout.first; i <= layout.last; i++) {
      const row = rowsByIndex.get(i);
      drawn.push(
        <RowView<T> key={i} index={i} row={row} original={row?.original} selected={i === selectedIndex} columns={columns} rowHeight={rowHeight} loadingLabel={props.loadingLabel} />,
      );
    }
    body = (
      <div className="dt-body-inner" style={{ height: layout.contentHeight }}>
        <div className="dt-window" style={{ transform: `translateY(${layout.windowTop}px)` }} onClick={onClick} onDoubleClick={onDoubleClick}>
          {drawn}
        </div>
      </div>
    );
  }

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
      <div
        ref={scrollRef}
        className="dt-scroll"
        tabIndex={0}
        data-testid="dt-scroll"
        data-row-height={rowHeight}
        data-scroll-scale={layout.scale}
        onScroll={onScroll}
      >
        {body}
      </div>
    </div>
  );
}
