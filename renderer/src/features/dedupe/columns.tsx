import type { DocumentFilters, DocumentSummary } from '../../../../shared/contract/browse';
import { useI18n } from '../../i18n';
import type { FilterControlProps } from '../browser/ColumnMenu';
import type { BrowserColumnDef } from '../types';
import { useCheckedThrough } from './checked';
import './dedupe.css';

/** Kept / duplicate from the last run; otherwise "unique" when the last run saw the document, else "not checked". */
export function DupCell({ row }: { row: Pick<DocumentSummary, 'id' | 'dupStatus' | 'dupCluster'> }) {
  const { t } = useI18n();
  const checked = useCheckedThrough();
  const s = row.dupStatus;
  if (s === 'kept' || s === 'duplicate') {
    return (
      <span className={`chip dup-${s}`} title={row.dupCluster !== null ? `#${row.dupCluster}` : undefined}>
        {t(s === 'kept' ? 'dedupe.kept' : 'dedupe.duplicate')}
      </span>
    );
  }
  if (checked === undefined) return <span className="muted">…</span>;
  if (checked !== null && row.id <= checked) return <span className="chip dup-unique">{t('dedupe.unique')}</span>;
  return <span className="muted">{t('dedupe.unchecked')}</span>;
}

/** From the document pane: lists the members of the document's cluster in the table (the filter chip clears it). */
export function OpenClusterButton({ cluster, onOpen }: { cluster: number; onOpen(cluster: number): void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="link" data-testid="doc-open-cluster" title={t('dedupe.openClusterHint', { id: String(cluster) })} onClick={() => onOpen(cluster)}>
      {t('dedupe.openCluster', { id: String(cluster) })}
    </button>
  );
}

const STATUS_OPTIONS = [
  { value: 'kept', label: 'dedupe.filter.kept' },
  { value: 'duplicate', label: 'dedupe.filter.duplicate' },
  // documents.list reads '-' as "no duplicate status" (dup_status IS NULL).
  { value: '-', label: 'dedupe.filter.unique' },
];

function withDup(filters: DocumentFilters, patch: { dupStatus?: string; dupCluster?: number }): DocumentFilters {
  const next: DocumentFilters = { ...filters, ...patch };
  if (next.dupStatus === undefined) delete next.dupStatus;
  if (next.dupCluster === undefined) delete next.dupCluster;
  return next;
}

/** Kept / duplicate / neither, and the cluster the duplicates screen opened the browser on (shown until removed). */
function DupFilter({ id, filters, onChange }: FilterControlProps) {
  const { t } = useI18n();
  const cluster = filters.dupCluster;
  return (
    <span className="dup-filter">
      <select id={id} value={filters.dupStatus ?? ''} onChange={(e) => onChange(withDup(filters, { dupStatus: e.target.value || undefined }))}>
        <option value="">{t('filter.any')}</option>
        {STATUS_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {t(o.label)}
          </option>
        ))}
      </select>
      {cluster !== undefined && (
        <span className="chip dup-cluster-chip" data-testid="filter-dup-cluster">
          {t('dedupe.filter.cluster', { id: String(cluster) })}{' '}
          <button type="button" className="link" aria-label={t('dedupe.filter.clusterClear', { id: String(cluster) })} onClick={() => onChange(withDup(filters, { dupCluster: undefined }))}>
            ✕
          </button>
        </span>
      )}
    </span>
  );
}

/** Replaces the built-in duplicate column: a status chip and a kept / duplicate / not-a-duplicate filter. */
export const dupColumn: BrowserColumnDef = (t) => ({
  id: 'dup',
  header: t('dedupe.col'),
  accessorFn: (r) => r.dupStatus,
  cell: (c) => <DupCell row={c.row.original} />,
  meta: {
    width: 110,
    sort: 'dupStatus',
    filter: { key: 'dupStatus', kind: 'select', label: 'filter.dup', Control: DupFilter, alsoKeys: ['dupCluster'] },
  },
});
