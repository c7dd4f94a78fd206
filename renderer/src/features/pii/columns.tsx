import { PII_TYPES, type PiiType } from '../../../../shared/contract/pii';
import type { DocumentFilters } from '../../../../shared/contract/browse';
import { useI18n } from '../../i18n';
import type { FilterControlProps } from '../browser/ColumnMenu';
import { CountFilter } from '../browser/FilterBar';
import type { BrowserColumnDef } from '../types';
import './pii.css';

function withPii(filters: DocumentFilters, patch: { piiMin?: number; piiType?: PiiType }): DocumentFilters {
  const next: DocumentFilters = { ...filters, ...patch };
  if (next.piiMin === undefined) delete next.piiMin;
  if (next.piiType === undefined) delete next.piiType;
  return next;
}

/** "At least N findings" and "holds this kind" (what a row of the personal-data screen opens the browser with). */
function PiiFilter({ id, filters, onChange }: FilterControlProps) {
  const { t } = useI18n();
  return (
    <span className="pii-filter">
      <CountFilter id={id} value={filters.piiMin} onChange={(v) => onChange(withPii(filters, { piiMin: v }))} invalidText={t('filter.countInvalid')} />
      <select
        aria-label={t('pii.filter.type')}
        data-testid="filter-pii-type"
        value={filters.piiType ?? ''}
        onChange={(e) => onChange(withPii(filters, { piiType: (e.target.value || undefined) as PiiType | undefined }))}
      >
        <option value="">{t('pii.filter.anyType')}</option>
        {PII_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`piitype.${type}`)}
          </option>
        ))}
      </select>
    </span>
  );
}

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
  meta: { width: 80, align: 'end', sort: 'pii', filter: { key: 'piiMin', kind: 'number', label: 'filter.pii', Control: PiiFilter, alsoKeys: ['piiType'] } },
});
