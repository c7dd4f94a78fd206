import { Suspense, useEffect, useMemo, useState } from 'react';
import { Spinner } from '../components/States';
import { api } from '../api/client';
import { ImportDialog } from '../features/import/ImportDialog';
import { UndoToaster } from '../features/audit/UndoToaster';
import { useJobs } from '../features/jobs/useJobs';
import { allScreens } from '../features/registry';
import { languages, useI18n, type Lang } from '../i18n';
import type { DocumentFilters } from '../../../shared/contract/browse';
import { ShellContext, type Shell } from './context';

const SCREEN_KEY = 'kurasi-screen';

/** The frame every screen lives in: header, navigation from the feature registry, the import dialog. */
export function App() {
  const { t, lang, setLang } = useI18n();
  const screens = allScreens();
  const [screen, setScreen] = useState(() => sessionStorage.getItem(SCREEN_KEY) ?? 'browser');
  const [browserFilters, setBrowserFilters] = useState<DocumentFilters | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  const [corpusVersion, setCorpusVersion] = useState(0);
  const [corpusName, setCorpusName] = useState('');
  const { jobs } = useJobs(20);
  const running = jobs.filter((j) => j.state === 'running' || j.state === 'queued').length;

  useEffect(() => api.on('corpus-changed', () => setCorpusVersion((v) => v + 1)), []);
  useEffect(() => {
    api.call('corpus.info', {}).then((i) => setCorpusName(i.path.split(/[\\/]/).pop() ?? i.path), () => setCorpusName(''));
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const shell = useMemo<Shell>(
    () => ({
      screen,
      navigate: (id) => {
        sessionStorage.setItem(SCREEN_KEY, id);
        setBrowserFilters(null);
        setScreen(id);
      },
      openDocuments: (filters) => {
        sessionStorage.setItem(SCREEN_KEY, 'browser');
        setBrowserFilters(filters);
        setScreen('browser');
      },
      browserFilters,
      openImport: () => setImportOpen(true),
      corpusVersion,
    }),
    [screen, corpusVersion, browserFilters],
  );
  const current = screens.find((s) => s.id === screen) ?? screens[0];

  return (
    <ShellContext.Provider value={shell}>
      <div className="app">
        <header className="topbar">
          <div className="brand">
            <span className="logo" aria-hidden>
              ◆
            </span>
            <strong>{t('app.title')}</strong>
            <span className="muted corpus-name" title={corpusName}>
              {corpusName}
            </span>
          </div>
          <nav aria-label="screens">
            {screens.map((s) => (
              <button key={s.id} type="button" className={`nav${s.id === current?.id ? ' active' : ''}`} aria-current={s.id === current?.id ? 'page' : undefined} data-nav={s.id} onClick={() => shell.navigate(s.id)}>
                {s.icon && <span aria-hidden>{s.icon} </span>}
                {t(s.label)}
                {s.id === 'jobs' && running > 0 && <span className="badge live">{running}</span>}
              </button>
            ))}
          </nav>
          <span className="spacer" />
          <button type="button" className="primary" data-testid="open-import" onClick={() => setImportOpen(true)}>
            + {t('nav.import')}
          </button>
          <label className="lang-switch">
            <span className="sr-only">{t('app.language')}</span>
            <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} aria-label={t('app.language')} data-testid="lang-switch">
              {languages.map((l) => (
                <option key={l.code} value={l.code}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
          <span className="muted mode">{t(`app.mode.${api.transport}`)}</span>
        </header>
        <main className="content">
          <Suspense fallback={<Spinner label={t('app.loading')} />}>{current && <current.Screen key={current.id} />}</Suspense>
        </main>
        {importOpen && <ImportDialog onClose={() => setImportOpen(false)} />}
        <UndoToaster />
      </div>
    </ShellContext.Provider>
  );
}
