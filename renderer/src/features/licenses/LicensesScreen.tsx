import { useMemo, useState } from 'react';
import { REVIEW_STATES, USE_CLASSES, resolveLicense, type ReviewState, type UseClass } from '../../../../shared/license';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import { useI18n } from '../../i18n';
import { BulkBar } from './BulkBar';
import { LicenseDetail } from './LicenseDetail';
import { LicenseFlags } from './LicenseFlags';
import { RecentDecisions } from './RecentDecisions';
import { useLicenses, type LicenseFilter } from './useLicenses';
import './licenses.css';

/** The data leads' view: every source, its licences, review state, reviewer and age of decision. */
export function LicensesScreen() {
  const { t, n } = useI18n();
  const [filter, setFilter] = useState<LicenseFilter>({ states: [], use: '', search: '' });
  const { rows, summary, error, reload } = useLicenses(filter);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [open, setOpen] = useState<number | null>(null);
  const visibleIds = useMemo(() => rows?.map((r) => r.id) ?? [], [rows]);
  const allSelected = visibleIds.length > 0 && visibleIds.every((id) => selected.has(id));

  const toggleState = (s: ReviewState) =>
    setFilter((f) => ({ ...f, states: f.states.includes(s) ? f.states.filter((x) => x !== s) : [...f.states, s] }));
  const toggle = (id: number) =>
    setSelected((cur) => {
      const next = new Set(cur);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const pct = (x: number) => n(Math.round(x * 1000) / 10);
  return (
    <div className="screen licenses-screen" data-testid="licenses-screen">
      <header className="lic-header">
        <div>
          <h1>{t('lic.title')}</h1>
          <p className="muted">{t('lic.subtitle')}</p>
        </div>
        {summary && summary.documents > 0 && (
          <div className="lic-share" data-testid="lic-share">
            <strong>{t('lic.share', { p: pct(summary.commercialClearedShare) })}</strong>
            <span className="muted">
              {t('lic.shareDetail', { c: summary.clearedCommercialDocuments, n: summary.documents })} ·{' '}
              {t('lic.shareChars', { p: pct(summary.commercialClearedCharShare) })}
            </span>
            <div className="lic-states">
              {REVIEW_STATES.filter((s) => summary.byState[s]).map((s) => (
                <span key={s} className={`lic-state lic-state-${s}`}>
                  {t(`lic.state.${s}`)}: {n(summary.byState[s]!.sources)}
                </span>
              ))}
            </div>
          </div>
        )}
      </header>

      <div className="lic-filters" role="search">
        <span className="muted">{t('lic.filter.state')}</span>
        {REVIEW_STATES.map((s) => (
          <button
            key={s}
            type="button"
            className={`chip${filter.states.includes(s) ? ' active' : ''}`}
            aria-pressed={filter.states.includes(s)}
            onClick={() => toggleState(s)}
          >
            {t(`lic.state.${s}`)}
          </button>
        ))}
        <label>
          <span className="muted">{t('lic.filter.use')}</span>{' '}
          <select value={filter.use} onChange={(e) => setFilter((f) => ({ ...f, use: e.target.value as UseClass | '' }))}>
            <option value="">{t('lic.filter.any')}</option>
            {USE_CLASSES.map((u) => (
              <option key={u} value={u}>
                {t(`lic.use.${u}`)}
              </option>
            ))}
          </select>
        </label>
        <input
          type="search"
          placeholder={t('lic.filter.search')}
          aria-label={t('lic.filter.search')}
          value={filter.search}
          onChange={(e) => setFilter((f) => ({ ...f, search: e.target.value }))}
        />
      </div>

      {selected.size > 0 && (
        <BulkBar
          ids={[...selected]}
          onDone={() => {
            reload();
          }}
          onClear={() => setSelected(new Set())}
        />
      )}

      {error ? (
        <ErrorState title={t('app.error')} message={error} onRetry={reload} retryLabel={t('app.retry')} />
      ) : !rows || !summary ? (
        <Spinner label={t('app.loading')} />
      ) : summary.sources === 0 ? (
        <EmptyState icon="⚖" title={t('lic.empty.title')} body={t('lic.empty.body')} />
      ) : (
        <div className={`lic-body${open !== null ? ' with-detail' : ''}`}>
          <table className="lic-table" data-testid="lic-table">
            <thead>
              <tr>
                <th>
                  <input
                    type="checkbox"
                    aria-label={t('lic.selectAll')}
                    checked={allSelected}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(visibleIds))}
                  />
                </th>
                <th>{t('lic.col.source')}</th>
                <th className="num">{t('lic.col.docs')}</th>
                <th>{t('lic.col.declared')}</th>
                <th>{t('lic.col.concluded')}</th>
                <th>{t('lic.col.flags')}</th>
                <th>{t('lic.col.state')}</th>
                <th>{t('lic.col.reviewer')}</th>
                <th>{t('lic.col.age')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 && (
                <tr>
                  <td colSpan={9} className="muted">
                    {t('lic.noMatch')}
                  </td>
                </tr>
              )}
              {rows.map((r) => (
                <tr
                  key={r.id}
                  className={open === r.id ? 'selected' : undefined}
                  data-testid={`lic-row-${r.name}`}
                  onClick={() => setOpen(r.id)}
                >
                  <td onClick={(e) => e.stopPropagation()}>
                    <input type="checkbox" aria-label={r.name} checked={selected.has(r.id)} onChange={() => toggle(r.id)} />
                  </td>
                  <td className="lic-wrap lic-source">
                    <button type="button" className="link" onClick={() => setOpen(r.id)}>
                      {r.name}
                    </button>
                  </td>
                  <td className="num">{n(r.documentCount)}</td>
                  <td className="mono lic-wrap">
                    {r.declaredLicense ?? t('lic.none')}
                    {/* What a source declares is kept as written; one no SPDX reading fits is flagged for the reviewer. */}
                    {r.declaredLicense !== null && !resolveLicense(r.declaredLicense).ok && (
                      <span className="lic-unknown" title={t('lic.det.invalid')} data-testid="lic-declared-invalid">
                        {' '}
                        ?
                      </span>
                    )}
                  </td>
                  <td className="mono lic-wrap">{r.concludedLicense ?? t('lic.none')}</td>
                  <td className="lic-flags-cell" title={r.flagsFrom === 'declared' ? t('lic.fromDeclared') : undefined}>
                    <LicenseFlags flags={r.flags} dim={r.flagsFrom !== 'concluded'} />
                  </td>
                  <td className="lic-state-cell">
                    <span className={`lic-state lic-state-${r.reviewState}`}>{t(`lic.state.${r.reviewState}`)}</span>
                  </td>
                  <td className="lic-wrap">{r.reviewer ?? t('lic.none')}</td>
                  <td>{r.ageDays === null ? t('lic.none') : r.ageDays === 0 ? t('lic.age.today') : t('lic.age.days', { n: r.ageDays })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {open !== null && <LicenseDetail sourceId={open} onClose={() => setOpen(null)} onChanged={reload} />}
        </div>
      )}
      {summary && summary.sources > 0 && <RecentDecisions refreshKey={summary} />}
    </div>
  );
}
