import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import type { QualityRule } from '../../../../shared/contract/quality';
import { api } from '../../api/client';
import { EmptyState, ErrorState } from '../../components/States';
import { useI18n } from '../../i18n';
import { describeEngineMessage } from '../../i18n/engine-messages';
import { useShell } from '../../shell/context';
import { Histogram } from './Histogram';
import './quality.css';

interface Running {
  jobId: number;
  done: number;
  total: number | null;
}

/** Rule editor with live counts of what each rule drops, a histogram per signal, and the quality job. */
export function QualityScreen() {
  const { t, n } = useI18n();
  const shell = useShell();
  const [saved, setSaved] = useState<Output<'quality.rules.get'> | null>(null);
  const [rules, setRules] = useState<QualityRule[]>([]);
  const [preview, setPreview] = useState<Output<'quality.rules.preview'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [running, setRunning] = useState<Running | null>(null);
  const [version, setVersion] = useState(0);

  const load = useCallback(() => {
    api.call('quality.rules.get', {}).then(
      (r) => {
        setSaved(r);
        setRules(r.rules);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
    setVersion((v) => v + 1);
  }, []);
  useEffect(load, [load, shell.corpusVersion]);

  useEffect(
    () =>
      api.on('job-progress', (p) => {
        if (p.kind !== 'quality') return;
        if (p.state === 'running' || p.state === 'queued') setRunning({ jobId: p.jobId, done: p.done, total: p.total });
        else {
          setRunning(null);
          load();
        }
      }),
    [load],
  );

  // Live counts: re-ask after each edit settles.
  useEffect(() => {
    if (rules.length === 0) return;
    const timer = setTimeout(() => {
      api.call('quality.rules.preview', { rules }).then(setPreview, () => setPreview(null));
    }, 250);
    return () => clearTimeout(timer);
  }, [rules, version]);

  const edit = (i: number, patch: Partial<QualityRule>) => setRules((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const dirty = saved !== null && JSON.stringify(saved.rules) !== JSON.stringify(rules);
  const start = async () => {
    try {
      const r = await api.call('quality.start', {});
      setRunning({ jobId: r.jobId, done: 0, total: null });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const save = async (value: QualityRule[] | null) => {
    try {
      const r = await api.call('quality.rules.set', { rules: value });
      setMessage(t('quality.saved', { id: r.jobId }));
      load();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const drops = new Map((preview?.rules ?? []).map((r) => [r.id, r]));

  return (
    <div className="screen quality-screen">
      <header className="screen-header">
        <div>
          <h1>{t('quality.title')}</h1>
          <p className="muted">{t('quality.subtitle')}</p>
        </div>
        <div className="actions">
          {running ? (
            <>
              <span role="status" className="muted">
                {t('quality.running', { done: running.done, total: running.total ?? 0 })}
              </span>
              <progress max={running.total ?? 1} value={running.total ? running.done : undefined} />
              <button type="button" onClick={() => void api.call('jobs.cancel', { id: running.jobId })}>
                {t('quality.cancel')}
              </button>
            </>
          ) : (
            <button type="button" className="primary" onClick={() => void start()}>
              {t('quality.run')}
            </button>
          )}
        </div>
      </header>
      {error && <ErrorState title={t('quality.error', { m: '' })} message={describeEngineMessage(t, error)} onRetry={() => { setError(null); load(); }} retryLabel="↻" />}
      {preview && preview.total === 0 && !error && <EmptyState icon="✓" title={t('quality.empty.title')} body={t('quality.empty.body')} />}
      <section>
        <h2>
          {t('quality.rules')} <span className="muted">· {saved?.custom ? t('quality.rules.custom') : t('quality.rules.default')}</span>
        </h2>
        {preview && preview.total > 0 && (
          <p role="status" data-testid="quality-preview">
            {t('quality.preview', { pass: preview.pass, total: preview.total })} {preview.estimated ? t('quality.estimated') : ''}
          </p>
        )}
        <table className="quality-rules" data-testid="quality-rules">
          <thead>
            <tr>
              <th>{t('quality.col.on')}</th>
              <th>{t('quality.col.signal')}</th>
              <th>{t('quality.col.threshold')}</th>
              <th>{t('quality.col.applies')}</th>
              <th className="num">{t('quality.col.drops')}</th>
              <th className="num">{t('quality.col.only')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r, i) => (
              <tr key={r.id} data-rule={r.id} className={r.enabled ? '' : 'off'}>
                <td>
                  <input type="checkbox" aria-label={r.id} checked={r.enabled} onChange={(e) => edit(i, { enabled: e.target.checked })} />
                </td>
                <td title={r.id}>{t(`signal.${r.signal}`)}</td>
                <td>
                  {r.op === 'min' ? t('quality.min') : t('quality.max')}{' '}
                  <input
                    type="number"
                    step="any"
                    aria-label={`${r.id} ${t('quality.col.threshold')}`}
                    value={r.value}
                    onChange={(e) => {
                      const v = Number(e.target.value);
                      if (e.target.value !== '' && Number.isFinite(v)) edit(i, { value: v });
                    }}
                  />
                </td>
                <td className="muted">
                  {[r.minLines !== undefined ? t('quality.minLines', { n: r.minLines }) : '', r.minWords !== undefined ? t('quality.minWords', { n: r.minWords }) : '']
                    .filter(Boolean)
                    .join(', ')}
                </td>
                <td className="num">{n(drops.get(r.id)?.drops ?? 0)}</td>
                <td className="num">{n(drops.get(r.id)?.onlyThisRule ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="actions">
          <button type="button" className="primary" disabled={!dirty} onClick={() => void save(rules)}>
            {t('quality.save')}
          </button>
          <button type="button" disabled={!saved?.custom} onClick={() => void save(null)}>
            {t('quality.reset')}
          </button>
          {dirty && <span className="muted">{t('quality.dirty')}</span>}
          {message && <span role="status">{message}</span>}
        </div>
      </section>
      <Histogram rules={rules} version={version} />
    </div>
  );
}
