import { useCallback, useEffect, useState } from 'react';
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

  const load = useCallback(() => {
    api.call('langid.breakdown', {}).then(setData, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  useEffect(load, [load, shell.corpusVersion]);

  useEffect(
    () =>
      api.on('job-progress', (p) => {
        if (p.kind !== 'langid') return;
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
      const r = await api.call('langid.start', { onlyMissing });
      setRunning({ jobId: r.jobId, done: 0, total: null });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  // A bar or a count opens those documents in the corpus browser (documents.list: lang '-' = no language yet).
  const openLang = (code: string, codeMixed?: boolean) => shell.openDocuments({ lang: code, ...(codeMixed ? { codeMixed } : {}) });
  const cancel = () => {
    if (running) void api.call('jobs.cancel', { id: running.jobId });
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
                {t('langid.running', { done: running.done, total: running.total ?? 0 })}
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
      {error && <ErrorState title={t('langid.error', { m: '' })} message={describeEngineMessage(t, error)} onRetry={() => { setError(null); load(); }} retryLabel="↻" />}
      {data && data.labelled === 0 && !error && <EmptyState icon="¶" title={t('langid.empty.title')} body={t('langid.empty.body')} />}
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
                    {langName(r.lang, lang)} <span className="mono muted">{r.lang}</span>
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
