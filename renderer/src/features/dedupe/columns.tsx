import type { BrowserColumnDef } from '../types';

/** Replaces the built-in duplicate column: a status chip and a kept/duplicate filter. */
export const dupColumn: BrowserColumnDef = (t) => ({
  id: 'dup',
  header: t('dedupe.col'),
  accessorFn: (r) => r.dupStatus,
  cell: (c) => {
    const s = c.row.original.dupStatus;
    if (!s) return <span className="muted">—</span>;
    return (
      <span className={`chip dup-${s}`} title={c.row.original.dupCluster !== null ? `#${c.row.original.dupCluster}` : undefined}>
        {t(s === 'kept' ? 'dedupe.kept' : 'dedupe.duplicate')}
      </span>
    );
  },
  meta: {
    width: 110,
    sort: 'dupStatus',
    filter: {
      key: 'dupStatus',
      kind: 'select',
      label: 'filter.dup',
      options: [
        { value: 'kept', label: 'dedupe.filter.kept' },
        { value: 'duplicate', label: 'dedupe.filter.duplicate' },
      ],
    },
  },
});
