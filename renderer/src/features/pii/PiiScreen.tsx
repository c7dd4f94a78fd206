import { useCallback, useEffect, useState } from 'react';
import { PII_CATEGORY, PII_TYPES } from '../../../../shared/contract/pii';
import type { Output } from '../../../../shared/contract';
import { api } from '../../api/client';
import { CountLink } from '../../components/CountLink';
import { EmptyState, ErrorState } from '../../components/States';
import { useI18n } from '../../i18n';
import { describeEngineMessage } from '../../i18n/engine-messages';
import { useShell } from '../../shell/context';
import './pii.css';

interface Running {
  jobId: number;
  done: number;
  total: number | null;
}

/** Findings per type across the corpus and the button that runs the pii job. */
export function PiiScreen() {
  const { t, n } = useI18n();
  const shell = useShell();
  const [data, setData] = useState<Output<'pii.summary'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState<Running | null>(null);

  const load = useCallback(() => {
    api.call('pii.summary', {}).then(setData, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  useEffect(load, [load, shell.corpusVersion]);
  useEffect(
    () =>
      api.on('job-progress', (p) => {
        if (p.kind !== 'pii') return;
        if (p.state === 'running' || p.state === 'queued') setRunning({ jobId: p.jobId, done: p.done, total: p.total });
        else {
          setRunning(null);
          load();
        }
      }),
    [load],
  );

  const start = async () => {
    try {
      const r = await api.call('pii.start', {});
      setRunning({ jobId: r.jobId, done: 0, total: null });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const byType = new Map((data?.types ?? []).map((r) => [r.type, r]));

  return (
    <div className="screen pii-screen">
      <header className="screen-header">
        <div>
          <h1>{t('pii.title')}</h1>
          <p className="muted">{t('pii.subtitle')}</p>
        </div>
        <div className="actions">
          {running ? (
            <>
              <span role="status" className="muted">
                {t('pii.running', { done: running.done, total: running.total ?? 0 })}
              </span>
              <progress max={running.total ?? 1} value={running.total ? running.done : undefined} />
              <button type="button" onClick={() => void api.call('jobs.cancel', { id: running.jobId })}>
                {t('pii.cancel')}
              </button>
            </>
          ) : (
            <button type="button" className="primary" onClick={() => void start()}>
              {t('pii.run')}
            </button>
          )}
        </div>
      </header>
      {/* Scanning looks like it cleans the data; it does not, and export keeps personal data unless told otherwise. */}
      <p className="pii-export-note" data-testid="pii-export-note">
        {t('pii.exportNote')}{' '}
        <button type="button" className="link" onClick={() => shell.navigate('export')}>
          {t('pii.openExport')}
        </button>
      </p>
      {error && <ErrorState title={t('pii.error', { m: '' })} message={describeEngineMessage(t, error)} onRetry={() => { setError(null); load(); }} retryLabel="↻" />}
      {data && data.scanned === 0 && !error && <EmptyState icon="⚠" title={t('pii.empty.title')} body={t('pii.empty.body')} />}
      {data && data.scanned > 0 && (
        <>
          <p className="muted">{t('pii.scanned', { n: data.scanned, m: data.withPii })}</p>
          <table className="pii-table" data-testid="pii-summary">
            <thead>
              <tr>
                <th>{t('pii.col.type')}</th>
                <th>{t('pii.col.category')}</th>
                <th className="num">{t('pii.col.findings')}</th>
                <th className="num">{t('pii.col.documents')}</th>
                <th className="num">{t('pii.col.confirmed')}</th>
                <th className="num">{t('pii.col.dismissed')}</th>
              </tr>
            </thead>
            <tbody>
              {PII_TYPES.map((type) => {
                const r = byType.get(type);
                return (
                  <tr key={type} data-type={type}>
                    <td>
                      {t(`piitype.${type}`)} <span className="mono muted">&lt;{type}&gt;</span>
                    </td>
                    <td>{t(`pii.category.${PII_CATEGORY[type]}`)}</td>
                    <td className="num">{n(r?.findings ?? 0)}</td>
                    <td className="num">
                      <CountLink
                        count={r?.documents ?? 0}
                        label={t('pii.openDocuments', { n: r?.documents ?? 0, type: t(`piitype.${type}`) })}
                        testId="pii-open-documents"
                        onOpen={() => shell.openDocuments({ piiType: type })}
                      />
                    </td>
                    <td className="num">{n(r?.confirmed ?? 0)}</td>
                    <td className="num">{n(r?.dismissed ?? 0)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
