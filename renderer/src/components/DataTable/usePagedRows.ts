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
  /** Ask for the rows in [start, end] (fetches the missing pages). */
  ensure(start: number, end: number): void;
  loading: boolean;
  error: string | null;
  /** Changes whenever rows arrive, so memoized views recompute. */
  version: number;
  reload(): void;
}

export interface PagedRowsOptions {
  pageSize?: number;
  /** Pages kept in memory; the ones farthest from the last request are dropped first. */
  maxPages?: number;
}

/**
 * Never holds the whole dataset: a million-row corpus is a few cached pages of 100 rows. `key` identifies the
 * query (filters + sort); when it changes the cache is dropped and stale answers are ignored.
 */
export function usePagedRows<T>(
  fetchPage: (offset: number, limit: number) => Promise<Page<T>>,
  key: string,
  options: PagedRowsOptions = {},
): PagedRows<T> {
  const pageSize = options.pageSize ?? 100;
  const maxPages = options.maxPages ?? 40;
  const pages = useRef(new Map<number, T[]>());
  const inflight = useRef(new Set<number>());
  const generation = useRef(0);
  const lastPage = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const [state, setState] = useState({ total: null as number | null, totalExact: true, loading: true, error: null as string | null, version: 0 });

  const load = useCallback(
    (page: number) => {
      if (pages.current.has(page) || inflight.current.has(page)) return;
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
        })
        .catch((e: unknown) => {
          if (gen !== generation.current) return;
          inflight.current.delete(page);
          setState((s) => ({ ...s, loading: inflight.current.size > 0, error: e instanceof Error ? e.message : String(e), version: s.version + 1 }));
        });
    },
    [pageSize, maxPages],
  );

  const reset = useCallback(() => {
    generation.current += 1;
    pages.current.clear();
    inflight.current.clear();
    setState((s) => ({ total: null, totalExact: true, loading: true, error: null, version: s.version + 1 }));
    load(0);
  }, [load]);

  useEffect(reset, [key, reset]);

  const ensure = useCallback(
    (start: number, end: number) => {
      const first = Math.max(0, Math.floor(start / pageSize));
      const last = Math.max(first, Math.floor(end / pageSize));
      lastPage.current = first;
      for (let p = first; p <= last; p++) load(p);
    },
    [load, pageSize],
  );

  const getRow = useCallback(
    (index: number) => pages.current.get(Math.floor(index / pageSize))?.[index % pageSize],
    // state.version is a deliberate extra dependency: rows arrived, so callers holding getRow must re-read.
    [pageSize, state.version],
  );

  return { ...state, getRow, ensure, reload: reset };
}
