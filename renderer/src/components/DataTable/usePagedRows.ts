import { useCallback, useEffect, useRef, useState } from 'react';

export interface Page<T> {
  rows: T[];
  total: number;
  totalExact: boolean;
}

/** A server-paged dataset seen through a small page cache: rows are fetched when they come into view. */
export interface PagedRows<T> {
  /** null until the first page answered. */
  total: number | null;
  totalExact: boolean;
  getRow(index: number): T | undefined;
  /**
   * Ask for the rows in [start, end] (fetches the missing pages). Pages nearest `focus` (the first row in view)
   * go first; pages asked for earlier that are no longer wanted and not yet sent are dropped.
   */
  ensure(start: number, end: number, focus?: number): void;
  loading: boolean;
  error: string | null;
  /** Changes whenever rows arrive, so memoized views recompute. */
  version: number;
  reload(): void;
}

export interface PagedRowsOptions<T> {
  pageSize?: number;
  /** Pages kept in memory; the ones farthest from the last request are dropped first. */
  maxPages?: number;
  /** Requests in flight at once (the engine answers one at a time; more would only queue there). */
  maxInFlight?: number;
  /** The first page (offset 0), already at hand for the initial key: drawn in the first render, not fetched. */
  initialPage?: Page<T> | null;
}

/**
 * Never holds the whole dataset: a million-row corpus is a few cached pages of 100 rows. `key` identifies the
 * query (filters + sort); when it changes the cache is dropped and stale answers are ignored.
 */
export function usePagedRows<T>(
  fetchPage: (offset: number, limit: number) => Promise<Page<T>>,
  key: string,
  options: PagedRowsOptions<T> = {},
): PagedRows<T> {
  const pageSize = options.pageSize ?? 100;
  const maxPages = options.maxPages ?? 40;
  const maxInFlight = options.maxInFlight ?? 2;
  const initial = useRef(options.initialPage ? { key, page: options.initialPage } : null);
  const pages = useRef(new Map<number, T[]>(initial.current ? [[0, initial.current.page.rows]] : []));
  const inflight = useRef(new Set<number>());
  const queue = useRef<number[]>([]);
  const generation = useRef(0);
  const lastPage = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const [state, setState] = useState(() => {
    const p = initial.current?.page;
    return { total: p ? p.total : (null as number | null), totalExact: p ? p.totalExact : true, loading: !p, error: null as string | null, version: 0 };
  });

  const pump = useCallback(() => {
    while (inflight.current.size < maxInFlight && queue.current.length > 0) {
      const page = queue.current.shift() as number;
      if (pages.current.has(page) || inflight.current.has(page)) continue;
      const gen = generation.current;
      inflight.current.add(page);
      fetchRef
        .current(page * pageSize, pageSize)
        .then((result) => {
          if (gen !== generation.current) return;
          inflight.current.delete(page);
          pages.current.set(page, result.rows);
          if (pages.current.size > maxPages) {
            const far = [...pages.current.keys()].sort((a, b) => Math.abs(b - lastPage.current) - Math.abs(a - lastPage.current));
            for (const p of far.slice(0, pages.current.size - maxPages)) pages.current.delete(p);
          }
          setState((s) => ({ total: result.total, totalExact: result.totalExact, loading: inflight.current.size > 0, error: null, version: s.version + 1 }));
          pump();
        })
        .catch((e: unknown) => {
          if (gen !== generation.current) return;
          inflight.current.delete(page);
          setState((s) => ({ ...s, loading: inflight.current.size > 0, error: e instanceof Error ? e.message : String(e), version: s.version + 1 }));
          pump();
        });
    }
  }, [pageSize, maxPages, maxInFlight]);

  const reset = useCallback(() => {
    const seeded = initial.current;
    initial.current = null;
    // The first render already drew the page handed in for this key: nothing to drop or fetch.
    if (seeded && seeded.key === key) return;
    generation.current += 1;
    pages.current.clear();
    inflight.current.clear();
    queue.current = [0];
    setState((s) => ({ total: null, totalExact: true, loading: true, error: null, version: s.version + 1 }));
    pump();
  }, [key, pump]);

  useEffect(reset, [reset]);

  const ensure = useCallback(
    (start: number, end: number, focus?: number) => {
      const first = Math.max(0, Math.floor(start / pageSize));
      const last = Math.max(first, Math.floor(end / pageSize));
      const center = Math.min(last, Math.max(first, Math.floor((focus ?? start) / pageSize)));
      lastPage.current = center;
      const wanted: number[] = [];
      for (let p = first; p <= last; p++) if (!pages.current.has(p) && !inflight.current.has(p)) wanted.push(p);
      wanted.sort((a, b) => Math.abs(a - center) - Math.abs(b - center) || a - b);
      queue.current = wanted;
      pump();
    },
    [pageSize, pump],
  );

  const getRow = useCallback(
    (index: number) => pages.current.get(Math.floor(index / pageSize))?.[index % pageSize],
    // state.version is a deliberate extra dependency: rows arrived, so callers holding getRow must re-read.
    [pageSize, state.version],
  );

  return { ...state, getRow, ensure, reload: reset };
}
