import type { BrowserColumnDef } from '../types';

/** Replaces the built-in PII column: the count stands out when a document holds personal data. */
export const piiColumn: BrowserColumnDef = (t) => ({
  id: 'pii',
  header: t('pii.col.count'),
  accessorFn: (r) => r.piiCount,
  cell: (c) => {
    const v = c.row.original.piiCount;
    if (v === null) return <span className="muted">—</span>;
    return <span className={`pii-count${v > 0 ? ' has' : ''}`}>{v > 0 ? `⚠ ${v}` : '0'}</span>;
  },
  meta: { width: 80, align: 'end', sort: 'pii', filter: { key: 'piiMin', kind: 'number', label: 'filter.pii' } },
});
