import type { SortingState } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentFilters, DocumentSortColumn, DocumentSummary, SearchOutput } from '../../../../shared/contract/browse';
import type { SourceRecord } from '../../../../shared/contract/corpus';
import { api } from '../../api/client';
import { DataTable, type DataTableHandle } from '../../components/DataTable/DataTable';
import { useDataTable } from '../../components/DataTable/useDataTable';
import { usePagedRows } from '../../components/DataTable/usePagedRows';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import { useI18n } from '../../i18n';
import { describeEngineMessage } from '../../i18n/engine-messages';
import { useShell } from '../../shell/context';
import { allColumns } from '../registry';
import { baseColumns, buildColumns } from './columns';
import { DocumentPane } from './DocumentPane';
import { FilterBar } from './FilterBar';
import { ColumnMenu, filterIsSet, useColumnVisibility } from './ColumnMenu';
import { SIGNAL_NAMES } from '../../../../shared/contract/quality';
import { SearchResults } from './SearchResults';
import { takeInlineFirstPage, takePrefetchedFirstPage } from './prefetch';
import { useBrowserKeys } from './useBrowserKeys';

type SearchState = { q: string; status: 'loading' } | { q: string; status: 'done'; result: SearchOutput } | { q: string; status: 'error'; message: string };

/** The corpus browser: filters, a virtualized table over the whole corpus, full-text search and the document pane. */
export function BrowserScreen() {
  const { t, n } = useI18n();
  const shell = useShell();
  // Another screen may open the browser on a subset (shell.openDocuments); the screen is mounted anew for it.
  const [filters, setFilters] = useState<DocumentFilters>(() => shell.browserFilters ?? {});
  useEffect(() => {
    if (shell.browserFilters) setFilters(shell.browserFilters);
  }, [shell.browserFilters]);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState<SearchState | null>(null);
  const [hitSelected, setHitSelected] = useState<number | null>(null);
  const [sources, setSources] = useState<SourceRecord[]>([]);
  const tableRef = useRef<DataTableHandle>(null);
  // Opened from another screen (a chart bar, a count), the button that had focus is gone: the keyboard carries on in
  // the table it opened, not from the top of the page.
  useEffect(() => {
    if (!shell.browserFilters) return;
    const frame = requestAnimationFrame(() => tableRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [shell.browserFilters]);
  const searchRef = useRef<HTMLInputElement>(null);

  const allCols = useMemo(() => buildColumns([...baseColumns, ...allColumns()], t), [t]);
  const visibility = useColumnVisibility(allCols);
  const columns = visibility.visible;
  // Visible quality-signal columns ask documents.list for their values.
  const withSignals = useMemo(() => SIGNAL_NAMES.filter((s) => columns.some((c) => c.meta?.withSignal === s)), [columns]);
  // A hidden column's filter stays in the bar while it is set, so it can be seen and cleared.
  const filterColumns = useMemo(
    () => allCols.filter((c) => visibility.isVisible(c) || [c.meta?.filter?.key, ...(c.meta?.filter?.alsoKeys ?? [])].some((k) => filterIsSet(filters, k))),
    [allCols, visibility, filters],
  );
  const sort = useMemo(() => {
    const s = sorting[0];
    const key = s ? columns.find((c) => c.id === s.id)?.meta?.sort : undefined;
    return { column: (key ?? 'id') as DocumentSortColumn, dir: s?.desc ? ('desc' as const) : ('asc' as const) };
  }, [sorting, columns]);

  const queryKey = JSON.stringify({ filters, sort, v: shell.corpusVersion, withSignals });
  const fetchPage = useCallback(
    (offset: number, limit: number) => {
      const isDefault = offset === 0 && limit === 100 && sort.column === 'id' && sort.dir === 'asc' && Object.keys(filters).length === 0 && withSignals.length === 0;
      return (isDefault ? takePrefetchedFirstPage() : null) ?? api.call('documents.list', { offset, limit, sort, filters, ...(withSignals.length ? { withSignals } : {}) });
    },
    [sort, filters, withSignals],
  );
  // The page written into index.html is the default view's (no signals asked for, no filters given by another screen).
  const [initialPage] = useState(() => (withSignals.length === 0 && Object.keys(filters).length === 0 ? takeInlineFirstPage() : null));
  const source = usePagedRows<DocumentSummary>(fetchPage, queryKey, { pageSize: 100, initialPage });
  const state = useDataTable({ columns, source, sorting, onSortingChange: setSorting });

  useEffect(() => {
    api.call('sources.list', {}).then(setSources, () => setSources([]));
  }, [shell.corpusVersion]);
  useEffect(() => setSelected(null), [queryKey]);

  const runSearch = useCallback((q: string) => {
    const query = q.trim();
    if (!query) return setSearch(null);
    setSearch({ q: query, status: 'loading' });
    setHitSelected(null);
    api.call('search', { q: query, limit: 50 }).then(
      (result) => setSearch((s) => (s?.q === query ? { q: query, status: 'done', result } : s)),
      (e: unknown) => setSearch((s) => (s?.q === query ? { q: query, status: 'error', message: e instanceof Error ? e.message : String(e) } : s)),
    );
  }, []);

  const hits = search?.status === 'done' ? search.result.hits : null;
  const moveBy = (delta: number) => {
    if (hits) {
      if (hits.length === 0) return;
      setHitSelected((i) => Math.max(0, Math.min(hits.length - 1, (i ?? -1) + delta)));
      return;
    }
    const total = source.total ?? 0;
    if (total === 0) return;
    const next = Math.max(0, Math.min(total - 1, (selected ?? -1) + delta));
    setSelected(next);
    tableRef.current?.scrollToIndex(next);
  };
  const openAt = (index: number | null) => {
    if (index === null) return;
    if (hits) {
      const h = hits[index];
      if (h) setOpenId(h.id);
      return;
    }
    const row = source.getRow(index);
    if (row) setOpenId(row.id);
  };

  useBrowserKeys({
    move: moveBy,
    open: () => openAt(hits ? hitSelected : selected),
    focusSearch: () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    },
    escape: () => {
      if (openId !== null) setOpenId(null);
      else if (search) setSearch(null);
    },
  });

  const total = source.total;
  const hasFilters = Object.keys(filters).length > 0;
  const countLabel = total === null ? t('app.loading') : source.totalExact ? t('browser.documents', { n: total }) : t('browser.documentsApprox', { n: total });

  return (
    <div className={`browser${openId !== null ? ' with-pane' : ''}`}>
      <div className="browser-main">
        <div className="toolbar">
          <form
            className="search-form"
            role="search"
            onSubmit={(e) => {
              e.preventDefault();
              // Out of the box, so j/k and Enter go through the hits (typed into it, they would change the query).
              searchRef.current?.blur();
              runSearch(searchText);
            }}
          >
            <input
              ref={searchRef}
              type="search"
              value={searchText}
              placeholder={t('search.placeholder')}
              aria-label={t('search.button')}
              data-testid="search-input"
              onChange={(e) => setSearchText(e.target.value)}
            />
            <button type="submit">{t('search.button')}</button>
          </form>
          <span className="count" data-testid="doc-count">
            {countLabel}
          </span>
          <ColumnMenu columns={allCols} isVisible={visibility.isVisible} onToggle={visibility.toggle} />
        </div>
        <FilterBar columns={filterColumns} filters={filters} sources={sources} onChange={setFilters} />
        {filters.q && (
          <div className="active-query">
            {t('filter.q')}: <strong>{filters.q}</strong>{' '}
            <button type="button" className="link" onClick={() => setFilters(({ q: _q, ...rest }) => rest)}>
              ✕
            </button>
          </div>
        )}
        {search ? (
          search.status === 'loading' ? (
            <Spinner label={t('app.loading')} />
          ) : search.status === 'error' ? (
            <ErrorState title={t('app.error')} message={describeEngineMessage(t, search.message)} onRetry={() => runSearch(search.q)} retryLabel={t('app.retry')} />
          ) : (
            <SearchResults
              q={search.q}
              result={search.result}
              selected={hitSelected}
              onSelect={setHitSelected}
              onOpen={(i) => openAt(i)}
              onShowInTable={() => {
                setFilters((f) => ({ ...f, q: search.q }));
                setSearch(null);
              }}
              onBack={() => setSearch(null)}
            />
          )
        ) : (
          <DataTable
            state={state}
            handle={tableRef}
            selectedIndex={selected}
            onSelect={setSelected}
            onOpen={(i) => {
              setSelected(i);
              openAt(i);
            }}
            ariaLabel={t('nav.browser')}
            loadingLabel={t('browser.rowLoading')}
            error={(message) => <ErrorState title={t('browser.error.title')} message={describeEngineMessage(t, message)} onRetry={source.reload} retryLabel={t('app.retry')} />}
            empty={
              hasFilters ? (
                <EmptyState icon="⌀" title={t('browser.noMatch.title')} body={t('browser.noMatch.body')} action={<button type="button" onClick={() => setFilters({})}>{t('browser.clearFilters')}</button>} />
              ) : (
                <EmptyState icon="⇩" title={t('browser.empty.title')} body={t('browser.empty.body')} action={<button type="button" className="primary" onClick={shell.openImport}>{t('import.title')}</button>} />
              )
            }
          />
        )}
        <footer className="keys-hint muted">
          {t('browser.keys')}
          {selected !== null && !search && total ? ` · ${n(selected + 1)} / ${n(total)}` : ''}
        </footer>
      </div>
      {openId !== null && (
        <DocumentPane
          id={openId}
          query={search?.q ?? filters.q ?? ''}
          onClose={() => setOpenId(null)}
          onShowDocuments={(f) => {
            // Other filters (or a search) would hide some of the asked-for documents, so they are replaced.
            setSearch(null);
            setFilters(f);
          }}
        />
      )}
    </div>
  );
}
