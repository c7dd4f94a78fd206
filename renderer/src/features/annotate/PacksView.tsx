import { useState, type FormEvent } from 'react';
import { exportSummary, importReport, type ImportReport } from '../../../../shared/contract/labels';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { describeEngineError } from '../../i18n/engine-messages';
import { waitForJob } from './waitForJob';

/** Merging packs from several annotators (upload in browser mode, paths in the desktop app) and exporting one. */
export function PacksView({ annotator }: { annotator: string }) {
  const { t } = useI18n();
  const [files, setFiles] = useState<File[]>([]);
  const [paths, setPaths] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [out, setOut] = useState('');
  const [who, setWho] = useState(annotator);
  const [exported, setExported] = useState<string | null>(null);

  const runImport = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setReport(null);
    setBusy(true);
    try {
      const list = paths.split('\n').map((p) => p.trim()).filter(Boolean);
      if (api.upload) for (const f of files) list.push(await api.upload(f));
      if (list.length === 0) return;
      setReport(await waitForJob((await api.call('labels.import', { paths: list })).jobId, importReport));
    } catch (err) {
      setError(describeEngineError(t, err));
    } finally {
      setBusy(false);
    }
  };
  const runExport = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const r = await waitForJob((await api.call('labels.export', { out, annotator: who })).jobId, exportSummary);
      setExported(t('packs.exported', { n: r.labels + r.spans, path: r.path }));
    } catch (err) {
      setError(describeEngineError(t, err));
    }
  };
  return (
    <div className="packs">
      <form onSubmit={runImport} className="review">
        <h2>{t('packs.import')}</h2>
        <p className="muted">{t('packs.importHint')}</p>
        {api.upload && (
          <label>
            {t('packs.files')} <input type="file" multiple data-testid="packs-files" onChange={(e) => setFiles([...(e.target.files ?? [])])} />
          </label>
        )}
        <label>
          {t('packs.paths')}
          <textarea rows={3} value={paths} onChange={(e) => setPaths(e.target.value)} data-testid="packs-paths" style={{ width: '100%' }} />
        </label>
        <div className="row">
          <button type="submit" className="primary" disabled={busy} data-testid="packs-import">
            {t('packs.start')}
          </button>
        </div>
      </form>
      {report && (
        <div className="pack-report" data-testid="packs-report">
          <p className={report.committed ? 'ok' : 'bad'}>{report.committed ? t('packs.committed', { n: report.conflicts }) : t('packs.notCommitted')}</p>
          <ul>
            {report.packs.map((p) => (
              <li key={p.path}>
                <strong>{p.annotator ?? '?'}</strong> <span className="mono">{p.path.split(/[\\/]/).pop()}</span>:{' '}
                {p.refused ? (
                  <span className="bad">
                    {t('packs.refused')} — {p.refused}
                  </span>
                ) : (
                  t('packs.line', { imported: p.imported, unchanged: p.unchanged, docs: p.unknownDocuments, labels: p.unknownLabels })
                )}
                {p.problems.length > 0 && (
                  <ul className="muted">
                    {p.problems.map((m, i) => (
                      <li key={i}>{m}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={runExport} className="review">
        <h2>{t('packs.export')}</h2>
        <div className="row">
          <label>
            {t('packs.exportAnnotator')} <input value={who} onChange={(e) => setWho(e.target.value)} />
          </label>
          <label>
            {t('packs.exportOut')} <input value={out} onChange={(e) => setOut(e.target.value)} placeholder="/home/ani/ani.kpack" size={36} />
          </label>
          <button type="submit" disabled={!out.trim() || !who.trim()}>
            {t('packs.exportStart')}
          </button>
        </div>
        {exported && <p className="ok">{exported}</p>}
      </form>
      {error && <p className="bad">{error}</p>}
    </div>
  );
}
