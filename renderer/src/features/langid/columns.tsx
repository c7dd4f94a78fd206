import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { useShell } from '../../shell/context';
import type { FilterControlProps } from '../browser/ColumnMenu';
import type { BrowserColumnDef } from '../types';
import { filterLangCodes, LANG_CODES } from './names';

/**
 * The language filter: the detector's languages and every other one the corpus holds (the summary the languages
 * screen reads), so a code set by hand such as nld can be filtered on too. documents.list reads '-' as "no language
 * yet" (what the languages screen's unlabelled count opens).
 */
function LangFilter({ id, filters, onChange }: FilterControlProps) {
  const { t } = useI18n();
  const { corpusVersion } = useShell();
  const [present, setPresent] = useState<string[]>([]);
  useEffect(() => {
    // An override saved meanwhile changes the corpus (corpus-changed): its language is then offered at once.
    let live = true;
    api.call('langid.breakdown', {}).then(
      (b) => live && setPresent(b.languages.map((l) => l.lang)),
      () => live && setPresent([]),
    );
    return () => {
      live = false;
    };
  }, [corpusVersion]);
  const value = filters.lang ?? '';
  const codes = filterLangCodes(present);
  return (
    <select
      id={id}
      value={value}
      onChange={(e) => {
        const { lang: _old, ...rest } = filters;
        onChange(e.target.value ? { ...rest, lang: e.target.value } : rest);
      }}
    >
      <option value="">{t('filter.any')}</option>
      {codes.map((code) => (
        <option key={code} value={code}>
          {LANG_CODES.includes(code) ? t(`langname.${code}`) : code}
        </option>
      ))}
      <option value="-">{t('langid.filterNone')}</option>
      {/* A filter set from elsewhere on a language the summary has not listed (yet): shown as it is, not as "any". */}
      {value !== '' && value !== '-' && !codes.includes(value) && <option value={value}>{value}</option>}
    </select>
  );
}

/** Replaces the built-in language column: a select filter over the corpus's languages, confidence on hover. */
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
    filter: { key: 'lang', kind: 'select', label: 'filter.lang', Control: LangFilter },
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
