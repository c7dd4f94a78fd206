import type { ColumnDef } from '@tanstack/react-table';
import type { DocumentSummary } from '../../../../shared/contract/browse';
import { useI18n } from '../../i18n';
import type { BrowserColumnDef } from '../types';

const dash = <span className="muted">—</span>;

/** A number in the UI language's digit grouping (toLocaleString would build a formatter per cell). */
function Num({ value }: { value: number }) {
  const { n } = useI18n();
  return <span className="mono">{n(value)}</span>;
}

function text(v: string | number | null | undefined) {
  return v === null || v === undefined || v === '' ? dash : <span>{String(v)}</span>;
}

/** The built-in columns; later features replace one by giving a column the same id. */
export const baseColumns: BrowserColumnDef[] = [
  (t) => ({ id: 'id', header: t('col.id'), accessorFn: (r) => r.id, cell: (c) => <span className="mono muted">{c.row.original.id}</span>, meta: { width: 84, align: 'end', sort: 'id' } }),
  (t) => ({
    id: 'source',
    header: t('col.source'),
    accessorFn: (r) => r.sourceName,
    cell: (c) => <span className="chip" title={c.row.original.externalId}>{c.row.original.sourceName}</span>,
    meta: { width: 150, sort: 'source', filter: { key: 'sourceId', kind: 'select', label: 'filter.source' } },
  }),
  (t) => ({ id: 'text', header: t('col.text'), accessorFn: (r) => r.preview, cell: (c) => <span className="preview">{c.row.original.preview}</span>, meta: { grow: true } }),
  (t) => ({
    id: 'lang',
    header: t('col.lang'),
    accessorFn: (r) => r.lang,
    cell: (c) => text(c.row.original.lang),
    meta: { width: 90, sort: 'lang', filter: { key: 'lang', kind: 'text', label: 'filter.lang' } },
  }),
  (t) => ({ id: 'length', header: t('col.length'), accessorFn: (r) => r.charCount, cell: (c) => <Num value={c.row.original.charCount} />, meta: { width: 90, align: 'end', sort: 'length' } }),
  (t) => ({
    id: 'dup',
    header: t('col.dup'),
    accessorFn: (r) => r.dupStatus,
    cell: (c) => text(c.row.original.dupStatus),
    meta: { width: 100, sort: 'dupStatus', filter: { key: 'dupStatus', kind: 'text', label: 'filter.dup' } },
  }),
  (t) => ({
    id: 'labels',
    header: t('col.labels'),
    accessorFn: (r) => r.labelCount,
    cell: (c) => (c.row.original.labelCount > 0 ? <span className="badge">{c.row.original.labelCount}</span> : dash),
    meta: { width: 70, align: 'end', sort: 'labels', filter: { key: 'hasLabels', kind: 'boolean', label: 'filter.labels', options: [{ value: 'true', label: 'filter.hasLabels' }, { value: 'false', label: 'filter.noLabels' }] } },
  }),
  (t) => ({
    id: 'license',
    header: t('col.license'),
    accessorFn: (r) => r.licenseState,
    cell: (c) => <span className={`chip state-${c.row.original.licenseState}`} title={c.row.original.licenseState}>{c.row.original.license ?? '?'}</span>,
    meta: { width: 120 },
  }),
  (t) => ({
    id: 'pii',
    header: t('col.pii'),
    accessorFn: (r) => r.piiCount,
    cell: (c) => text(c.row.original.piiCount),
    meta: { width: 60, align: 'end', sort: 'pii', filter: { key: 'piiMin', kind: 'number', label: 'filter.pii' } },
  }),
  (t) => ({
    id: 'quality',
    header: t('col.quality'),
    accessorFn: (r) => r.qualityPass,
    cell: (c) => (c.row.original.qualityPass === null ? dash : c.row.original.qualityPass ? <span className="ok">✓</span> : <span className="bad">✗</span>),
    meta: { width: 80, align: 'center', sort: 'quality', filter: { key: 'qualityPass', kind: 'boolean', label: 'filter.quality', options: [{ value: 'true', label: 'filter.pass' }, { value: 'false', label: 'filter.fail' }] } },
  }),
];

/** Built-ins then features' columns; a feature column with a built-in's id takes its place. */
export function buildColumns(defs: BrowserColumnDef[], t: (key: string) => string): ColumnDef<DocumentSummary>[] {
  const out: ColumnDef<DocumentSummary>[] = [];
  for (const def of defs) {
    const col = def(t);
    const at = out.findIndex((c) => c.id === col.id);
    const withSort = { ...col, enableSorting: Boolean(col.meta?.sort) };
    if (at >= 0) out[at] = withSort;
    else out.push(withSort);
  }
  return out;
}
