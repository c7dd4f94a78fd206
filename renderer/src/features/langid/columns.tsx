import type { BrowserColumnDef } from '../types';
import { LANG_CODES } from './names';

/** Replaces the built-in language column: a select filter over the detected languages, confidence on hover. */
export const langColumn: BrowserColumnDef = (t) => ({
  id: 'lang',
  header: t('col.lang'),
  accessorFn: (r) => r.lang,
  cell: (c) => {
    const r = c.row.original;
    if (!r.lang) return <span className="muted">—</span>;
    const low = r.langConfidence !== null && r.langConfidence < 0.6;
    return (
      <span className={`chip lang-chip${low ? ' low' : ''}`} title={r.langConfidence !== null ? t('langid.confidence').replace('{p}', String(Math.round(r.langConfidence * 100))) : ''}>
        {r.lang}
        {r.codeMixed ? ' ⇄' : ''}
      </span>
    );
  },
  meta: {
    width: 90,
    sort: 'lang',
    filter: {
      key: 'lang',
      kind: 'select',
      label: 'filter.lang',
      // documents.list reads '-' as "no language yet" (what the languages screen's unlabelled count opens).
      options: [...LANG_CODES.map((code) => ({ value: code, label: `langname.${code}` })), { value: '-', label: 'langid.filterNone' }],
    },
  },
});

/** Code-mixing flag with its own filter. */
export const codeMixedColumn: BrowserColumnDef = (t) => ({
  id: 'codeMixed',
  header: t('langid.col.mixed'),
  accessorFn: (r) => r.codeMixed,
  cell: (c) => (c.row.original.codeMixed ? <span className="badge">⇄</span> : <span className="muted">—</span>),
  meta: {
    width: 90,
    align: 'center',
    filter: {
      key: 'codeMixed',
      kind: 'boolean',
      label: 'langid.filterMixed',
      options: [
        { value: 'true', label: 'langid.mixed' },
        { value: 'false', label: 'langid.notMixed' },
      ],
    },
  },
});
