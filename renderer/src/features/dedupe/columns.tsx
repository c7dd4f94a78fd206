import type { DocumentSummary } from '../../../../shared/contract/browse';
import { useI18n } from '../../i18n';
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

/** Replaces the built-in duplicate column: a status chip and a kept / duplicate / not-a-duplicate filter. */
export const dupColumn: BrowserColumnDef = (t) => ({
  id: 'dup',
  header: t('dedupe.col'),
  accessorFn: (r) => r.dupStatus,
  cell: (c) => <DupCell row={c.row.original} />,
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
        // documents.list reads '-' as "no duplicate status" (dup_status IS NULL).
        { value: '-', label: 'dedupe.filter.unique' },
      ],
    },
  },
});
