import { useEffect, useRef, useState } from 'react';
import type { ImportFormat, ImportResult } from '../../../../shared/contract/import';
import type { RejectRecord } from '../../../../shared/contract/corpus';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { describeEngineError } from '../../i18n/engine-messages';
import { JobRow } from '../jobs/JobRow';
import { useJobs } from '../jobs/useJobs';
import { describeImportReason } from './reasons';

const TXT_MODES = ['file', 'line', 'paragraph'] as const;
type TxtMode = (typeof TXT_MODES)[number];

type Mode = 'upload' | 'path';

/** A 1-based column number typed in the dialog: the number, undefined when left empty, null when it is not one. */
function columnNumber(v: string): number | undefined | null {
  if (v.trim() === '') return undefined;
  const n = Number(v.trim());
  return Number.isInteger(n) && n >= 1 ? n : null;
}

function isImportResult(v: unknown): v is ImportResult {
  return typeof v === 'object' && v !== null && 'imported' in v && 'rejected' in v;
}

/** Import: a file picker (Electron) or an upload / server path (browser mode), then live progress and rejects. */
export function ImportDialog({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const browserMode = api.transport === 'http';
  const [mode, setMode] = useState<Mode>(browserMode ? 'upload' : 'path');
  const [file, setFile] = useState<File | null>(null);
  const [paths, setPaths] = useState('');
  const [sourceName, setSourceName] = useState('');
  const [license, setLicense] = useState('');
  const [format, setFormat] = useState<ImportFormat>('auto');
  const [textField, setTextField] = useState('');
  const [idField, setIdField] = useState('');
  const [txtMode, setTxtMode] = useState<TxtMode>('file');
  const [noHeader, setNoHeader] = useState(false);
  const [uploadPct, setUploadPct] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<number | null>(null);
  const [rejects, setRejects] = useState<RejectRecord[] | null>(null);
  const { jobs } = useJobs(20);
  const job = jobs.find((j) => j.id === jobId) ?? null;
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('input, textarea, button')?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const finished = job && !['running', 'queued'].includes(job.state);
  useEffect(() => {
    if (!finished || jobId === null) return;
    api.call('rejects.list', { jobId, limit: 200 }).then((r) => setRejects(r.rows), () => setRejects([]));
  }, [finished, jobId]);

  // Only CSV/TSV files have a header row to go without; with "auto" a folder may hold some.
  const tabular = format === 'csv' || format === 'tsv' || format === 'auto';
  const numbered = noHeader && tabular;

  const start = async () => {
    setError(null);
    const textColumn = numbered ? columnNumber(textField) : undefined;
    const idColumn = numbered ? columnNumber(idField) : undefined;
    if (textColumn === null || idColumn === null) return setError(t('import.needColumnNumber'));
    try {
      let list: string[];
      if (mode === 'upload') {
        if (!file || !api.upload) return setError(t('import.needFile'));
        setUploadPct(0);
        const saved = await api.upload(file, (sent, total) => setUploadPct(total > 0 ? Math.round((sent / total) * 100) : 0));
        setUploadPct(null);
        list = [saved];
      } else {
        list = paths.split('\n').map((p) => p.trim()).filter(Boolean);
        if (list.length === 0) return setError(t('import.needFile'));
      }
      const defaultSource = mode === 'upload' && file ? file.name.replace(/\.(gz)$/i, '').replace(/\.[^.]+$/, '') : undefined;
      const { jobId: id } = await api.call('import.start', {
        paths: list,
        format,
        ...(sourceName.trim() ? { source: sourceName.trim() } : defaultSource ? { source: defaultSource } : {}),
        ...(license.trim() ? { license: license.trim() } : {}),
        ...(numbered
          ? { header: false, ...(textColumn ? { textColumn } : {}), ...(idColumn ? { idColumn } : {}) }
          : {
              ...(textField.trim() && format !== 'txt' ? { textField: textField.trim() } : {}),
              ...(idField.trim() && format !== 'txt' ? { idField: idField.trim() } : {}),
            }),
        txtMode,
      });
      setJobId(id);
    } catch (e) {
      setUploadPct(null);
      // The engine's refusals in the UI language; what it said about the files (no files to import…) as on the job row.
      setError(describeImportReason(t, describeEngineError(t, e)));
    }
  };

  const pick = async () => {
    const r = await api.request('app.pickFiles', { multiple: true });
    if (r.ok && r.value.paths.length > 0) setPaths(r.value.paths.join('\n'));
  };

  const result = job && isImportResult(job.result) ? job.result : null;
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={dialog} className="modal" role="dialog" aria-modal="true" aria-labelledby="import-title" data-testid="import-dialog">
        <header>
          <h2 id="import-title">{t('import.title')}</h2>
          <button type="button" className="icon" onClick={onClose} aria-label={t('app.close')}>
            ✕
          </button>
        </header>
        {jobId === null ? (
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              void start();
            }}
          >
            {browserMode && (
              <div className="tabs" role="tablist">
                <button type="button" role="tab" aria-selected={mode === 'upload'} onClick={() => setMode('upload')}>
                  {t('import.upload')}
                </button>
                <button type="button" role="tab" aria-selected={mode === 'path'} onClick={() => setMode('path')}>
                  {t('import.serverPath')}
                </button>
              </div>
            )}
            {mode === 'upload' ? (
              <label>
                <span>{t('import.upload')}</span>
                <input type="file" data-testid="import-file" accept=".csv,.tsv,.jsonl,.json,.txt,.gz" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
              </label>
            ) : (
              <label>
                <span>{browserMode ? t('import.serverPath') : t('import.localPath')}</span>
                <textarea rows={3} value={paths} onChange={(e) => setPaths(e.target.value)} placeholder="/data/korpus.jsonl" data-testid="import-paths" />
                <small className="muted">{t('import.pathHint')}</small>
                {!browserMode && (
                  <button type="button" onClick={() => void pick()}>
                    {t('import.pick')}
                  </button>
                )}
              </label>
            )}
            <div className="row">
              <label>
                <span>{t('import.source')}</span>
                <input type="text" value={sourceName} onChange={(e) => setSourceName(e.target.value)} data-testid="import-source" />
              </label>
              <label>
                <span>{t('import.license')}</span>
                <input type="text" value={license} onChange={(e) => setLicense(e.target.value)} placeholder="CC-BY-SA-4.0" />
              </label>
            </div>
            <div className="row">
              <label>
                <span>{t('import.format')}</span>
                <select value={format} onChange={(e) => setFormat(e.target.value as ImportFormat)}>
                  {(['auto', 'jsonl', 'csv', 'tsv', 'txt'] as const).map((f) => (
                    <option key={f} value={f}>
                      {f}
                    </option>
                  ))}
                </select>
              </label>
              {format !== 'txt' && (
                <FieldInput
                  label={numbered ? t('import.textColumnNumber') : t('import.textField')}
                  numbered={numbered}
                  value={textField}
                  onChange={setTextField}
                  placeholder={numbered ? '1' : 'text'}
                  testId="import-text-field"
                />
              )}
            </div>
            <div className="row">
              {format !== 'txt' && (
                <FieldInput
                  label={numbered ? t('import.idColumnNumber') : t('import.idField')}
                  numbered={numbered}
                  value={idField}
                  onChange={setIdField}
                  placeholder={numbered ? '' : 'id'}
                  testId="import-id-field"
                />
              )}
              {/* Only .txt files are cut this way; with "auto" a folder may hold some. */}
              {(format === 'txt' || format === 'auto') && (
                <label>
                  <span>{t('import.txtMode')}</span>
                  <select value={txtMode} onChange={(e) => setTxtMode(TXT_MODES.find((m) => m === e.target.value) ?? 'file')} data-testid="import-txt-mode">
                    {TXT_MODES.map((m) => (
                      <option key={m} value={m}>
                        {t(`import.txtMode.${m}`)}
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </div>
            {tabular && (
              <label className="check">
                <input
                  type="checkbox"
                  checked={noHeader}
                  onChange={(e) => {
                    // Names become numbers (and back): what was typed for the other kind would not fit.
                    setNoHeader(e.target.checked);
                    setTextField('');
                    setIdField('');
                  }}
                  data-testid="import-no-header"
                />
                <span>{t('import.noHeader')}</span>
              </label>
            )}
            {uploadPct !== null && <p>{t('import.uploading', { p: uploadPct })}</p>}
            {error && (
              <p className="bad" role="alert">
                {error}
              </p>
            )}
            <footer>
              <button type="submit" className="primary" disabled={uploadPct !== null} data-testid="import-start">
                {t('import.start')}
              </button>
            </footer>
          </form>
        ) : (
          <div className="import-progress" data-testid="import-progress">
            {job ? <JobRow job={job} /> : <p>{t('import.progress')}</p>}
            {job?.state === 'done' && result && (
              <p className="ok" data-testid="import-summary">
                {t('import.done', { imported: result.imported, skipped: result.skipped, rejected: result.rejected })}
              </p>
            )}
            {job?.state === 'done' && result?.emptyFiles && result.emptyFiles.count > 0 && (
              <FilesNote testId="import-empty" title={t('import.emptyFiles', { n: result.emptyFiles.count })} files={result.emptyFiles} />
            )}
            {job?.state === 'done' && result?.ignoredFiles && result.ignoredFiles.count > 0 && (
              <FilesNote testId="import-ignored" title={t('import.ignoredFiles', { n: result.ignoredFiles.count })} files={result.ignoredFiles} hint={t('import.ignoredHint')} />
            )}
            {/* The job row above already shows the error, translated; a failed import wrote nothing, so no rejects list either. */}
            {job?.state === 'failed' && <p className="bad">{t('import.failedNothing')}</p>}
            {job?.state === 'cancelled' && <p className="muted">{t('import.cancelled')}</p>}
            {finished && rejects && job?.state !== 'failed' && (
              <section>
                <h3>{t('import.rejects')}</h3>
                {rejects.length === 0 ? (
                  <p className="muted">{t('import.noRejects')}</p>
                ) : (
                  <ul className="rejects" data-testid="import-rejects">
                    {rejects.map((r) => (
                      <li key={r.id}>
                        <span className="mono">
                          {r.file}
                          {r.line !== null ? `:${r.line}` : ''}
                        </span>{' '}
                        — {describeImportReason(t, r.reason)}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            )}
            <footer>
              <button type="button" onClick={onClose}>
                {t('app.close')}
              </button>
            </footer>
          </div>
        )}
      </div>
    </div>
  );
}

/** Files the import says something about as a whole (empty, not read): how many, and the first names (capped by the engine). */
function FilesNote(props: { testId: string; title: string; files: { count: number; names: string[] }; hint?: string }) {
  const { t } = useI18n();
  const more = props.files.count - props.files.names.length;
  return (
    <div className="import-note" role="note" data-testid={props.testId}>
      <p>{props.title}</p>
      <p className="mono">
        {props.files.names.join(', ')}
        {more > 0 && ` ${t('import.moreFiles', { n: more })}`}
      </p>
      {props.hint && <p className="muted">{props.hint}</p>}
    </div>
  );
}

/** A field name, or a 1-based column number when the file has no header row. */
function FieldInput(props: { label: string; numbered: boolean; value: string; onChange(v: string): void; placeholder: string; testId: string }) {
  return (
    <label>
      <span>{props.label}</span>
      <input
        type={props.numbered ? 'number' : 'text'}
        min={props.numbered ? 1 : undefined}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        placeholder={props.placeholder}
        data-testid={props.testId}
      />
    </label>
  );
}
