import { useCallback, useEffect, useRef, useState } from 'react';
import type { LanguageBreakdown } from '../../../../shared/contract/langid';
import { api } from '../../api/client';
import { CountLink } from '../../components/CountLink';
import { EmptyState, ErrorState } from '../../components/States';
import { useI18n } from '../../i18n';
import { describeEngineMessage } from '../../i18n/engine-messages';
import { useShell } from '../../shell/context';
import { BreakdownChart } from './BreakdownChart';
import { langName } from './names';
import './langid.css';

interface Running {
  jobId: number;
  /** In the queue (one job runs at a time, so maybe behind another): no progress yet. */
  queued: boolean;
  done: number;
  total: number | null;
}

/** Language breakdown of the corpus (chart + table) and the button that runs the langid job. */
export function LanguagesScreen() {
  const { t, n, lang } = useI18n();
  const shell = useShell();
  const [data, setData] = useState<LanguageBreakdown | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState<Running | null>(null);
  const [onlyMissing, setOnlyMissing] = useState(false);
  // The latest run, cancelled or cut off before it finished, that can carry on from its checkpoint.
  const [stopped, setStopped] = useState<{ jobId: number; done: number } | null>(null);

  const load = useCallback(() => {
    api.call('langid.breakdown', {}).then(setData, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  useEffect(load, [load, shell.corpusVersion]);

  // Jobs whose end this screen has heard of: the job list asked for below may answer after that event.
  const ended = useRef(new Set<number>());
  useEffect(
    () =>
      api.on('job-progress', (p) => {
        if (p.kind !== 'langid') return;
        if (p.state === 'running' || p.state === 'queued') {
          setRunning({ jobId: p.jobId, queued: p.state === 'queued', done: p.done, total: p.total });
          setStopped(null);
        } else {
          ended.current.add(p.jobId);
          setRunning(null);
          setStopped(p.state === 'cancelled' || p.state === 'interrupted' ? { jobId: p.jobId, done: p.done } : null);
          load();
        }
      }),
    [load],
  );
  // A run started before this screen opened (from here, the CLI, or waiting behind another job, which sends no
  // progress until it starts): show it, so "Deteksi bahasa" does not queue the same work a second time.
  useEffect(() => {
    let live = true;
    api.call('jobs.list', { limit: 50 }).then(
      (jobs) => {
        if (!live) return;
        const job = jobs.find((j) => j.kind === 'langid' && (j.state === 'running' || j.state === 'queued') && !ended.current.has(j.id));
        if (job) setRunning((cur) => cur ?? { jobId: job.id, queued: job.state === 'queued', done: job.done, total: job.total });
        // Stopped here before, by Ctrl-C in the CLI, or by a closed app: offered again unless a later run redid it.
        const last = jobs.find((j) => j.kind === 'langid');
        if (!job && last && (last.state === 'cancelled' || last.state === 'interrupted') && last.supersededBy === null)
          setStopped((cur) => cur ?? { jobId: last.id, done: last.done });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  const start = async () => {
    try {
      const r = await api.call('langid.start', { onlyMissing });
      // Its progress may have come first, or (on a small corpus) its end.
      if (!ended.current.has(r.jobId)) setRunning((cur) => (cur?.jobId === r.jobId ? cur : { jobId: r.jobId, queued: false, done: 0, total: null }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  // A bar or a count opens those documents in the corpus browser (documents.list: lang '-' = no language yet).
  const openLang = (code: string, codeMixed?: boolean) => shell.openDocuments({ lang: code, ...(codeMixed ? { codeMixed } : {}) });
  const cancel = () => {
    if (running) void api.call('jobs.cancel', { id: running.jobId });
  };
  const resume = async (jobId: number) => {
    try {
      await api.call('jobs.resume', { id: jobId });
      setStopped(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="screen langid-screen">
      <header className="screen-header">
        <div>
          <h1>{t('langid.title')}</h1>
          <p className="muted">{t('langid.subtitle')}</p>
        </div>
        <div className="actions">
          <label className="check">
            <input type="checkbox" checked={onlyMissing} onChange={(e) => setOnlyMissing(e.target.checked)} /> {t('langid.runMissing')}
          </label>
          {running ? (
            <>
              <span role="status" className="muted">
                {running.queued ? t('langid.queued') : running.total === null ? t('langid.starting') : t('langid.running', { done: running.done, total: running.total })}
              </span>
              <progress max={running.total ?? 1} value={running.total ? running.done : undefined} />
              <button type="button" onClick={cancel}>
                {t('langid.cancel')}
              </button>
            </>
          ) : (
            <button type="button" className="primary" onClick={() => void start()}>
              {t('langid.run')}
            </button>
          )}
        </div>
      </header>
      {stopped && !running && (
        <p className="muted" data-testid="langid-stopped">
          {t('langid.stopped', { id: String(stopped.jobId), done: stopped.done })}{' '}
          <button type="button" onClick={() => void resume(stopped.jobId)}>
            {t('jobs.resume')}
          </button>
        </p>
      )}
      {error && <ErrorState title={t('langid.error', { m: '' })} message={describeEngineMessage(t, error)} onRetry={() => { setError(null); load(); }} retryLabel="↻" />}
      {data && data.labelled === 0 && !error && <EmptyState icon="¶" title={t('langid.empty.title')} body={t(running ? 'langid.empty.running' : 'langid.empty.body')} />}
      {data && data.labelled > 0 && (
        <>
          <p className="muted">
            {t('langid.labelled', { n: data.labelled })}
            {data.unlabelled > 0 && (
              <>
                {' · '}
                <button type="button" className="link" data-testid="langid-open-unlabelled" onClick={() => openLang('-')}>
                  {t('langid.unlabelled', { n: data.unlabelled })}
                </button>
              </>
            )}
          </p>
          <section>
            <h2>{t('langid.chart')}</h2>
            <BreakdownChart rows={data.languages} onOpen={(code) => openLang(code)} />
          </section>
          <table className="langid-table" data-testid="langid-table">
            <thead>
              <tr>
                <th>{t('langid.col.lang')}</th>
                <th className="num">{t('langid.col.docs')}</th>
                <th className="num">{t('langid.col.chars')}</th>
                <th className="num">{t('langid.col.mixed')}</th>
                <th className="num">{t('langid.col.manual')}</th>
              </tr>
            </thead>
            <tbody>
              {data.languages.map((r) => (
                <tr key={r.lang} data-lang={r.lang}>
                  <td>
                    {/* A code the detector has no name for (nld, set by hand) is its own name: shown once. */}
                    {langName(r.lang, lang)}
                    {langName(r.lang, lang) !== r.lang && <span className="mono muted"> {r.lang}</span>}
                  </td>
                  <td className="num">
                    <CountLink
                      count={r.documents}
                      label={t('langid.openDocuments', { n: r.documents, lang: langName(r.lang, lang) })}
                      testId="langid-open-documents"
                      onOpen={() => openLang(r.lang)}
                    />
                  </td>
                  <td className="num">{n(r.characters)}</td>
                  <td className="num">
                    <CountLink
                      count={r.codeMixed}
                      label={t('langid.openMixed', { n: r.codeMixed, lang: langName(r.lang, lang) })}
                      testId="langid-open-mixed"
                      onOpen={() => openLang(r.lang, true)}
                    />
                  </td>
                  <td className="num">{n(r.manual)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
