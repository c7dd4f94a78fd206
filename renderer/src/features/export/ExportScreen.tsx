import { useState } from 'react';
import type { ExportFilters, ExportFormat, ExportOptionsInput, ExportPreview, ExportResult } from '../../../../shared/contract/export';
import { api } from '../../api/client';
import { Spinner } from '../../components/States';
import { useI18n } from '../../i18n';
import { JobRow } from '../jobs/JobRow';
import { useJobs } from '../jobs/useJobs';
import './export.css';
import { describeEngineMessage } from '../../i18n/engine-messages';
import { canonicalLangCode } from '../../../../shared/langid/codes';

interface Form {
  out: string;
  format: ExportFormat;
  name: string;
  langs: string;
  dedupe: 'keep-only' | 'all';
  license: 'cleared' | 'commercial';
  quality: 'any' | 'pass';
  labels: string;
  redactPii: boolean;
  overrideReason: string;
  maxDocs: string;
  maxMb: string;
  meta: string;
}

const initial: Form = {
  out: '',
  format: 'jsonl',
  name: 'kurasi-export',
  langs: '',
  dedupe: 'keep-only',
  license: 'cleared',
  quality: 'any',
  labels: '',
  redactPii: false,
  overrideReason: '',
  maxDocs: '0',
  maxMb: '256',
  meta: '',
};

const list = (s: string) => s.split(/[,\n]/).map((x) => x.trim()).filter(Boolean);

function labelLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** "question=value", both sides non-empty; null otherwise (the form points such lines out, the export skips them). */
function parseLabelLine(line: string): { question: string; value: string } | null {
  const at = line.indexOf('=');
  const question = line.slice(0, at).trim();
  const value = line.slice(at + 1).trim();
  return at > 0 && question && value ? { question, value } : null;
}

function toFilters(f: Form): ExportFilters {
  return {
    langs: list(f.langs),
    dedupe: f.dedupe,
    labels: labelLines(f.labels).flatMap((l) => parseLabelLine(l) ?? []),
    license: f.license,
    quality: f.quality,
    redactPii: f.redactPii,
    ...(f.overrideReason.trim() ? { overrideReason: f.overrideReason.trim() } : {}),
  };
}

function toOptions(f: Form): ExportOptionsInput {
  const whole = (s: string) => Math.max(0, Math.floor(Number(s) || 0));
  return {
    ...toFilters(f),
    out: f.out.trim(),
    format: f.format,
    name: f.name.trim() || 'kurasi-export',
    maxDocs: whole(f.maxDocs),
    maxBytes: Math.round(Math.max(0, Number(f.maxMb) || 0) * 1024 * 1024),
    meta: list(f.meta),
  };
}

function isPreview(v: unknown): v is ExportPreview {
  return typeof v === 'object' && v !== null && 'byLanguage' in v && 'included' in v;
}

function isResult(v: unknown): v is ExportResult {
  return typeof v === 'object' && v !== null && 'shards' in v && 'snapshotId' in v;
}

function CountTable({ title, rows }: { title: string; rows: Record<string, { documents: number; characters: number }> }) {
  const { t, n } = useI18n();
  const entries = Object.entries(rows).sort((a, b) => b[1].documents - a[1].documents || a[0].localeCompare(b[0]));
  return (
    <section className="exp-table">
      <h3>{title}</h3>
      <table>
        <thead>
          <tr>
            <th>{t('exp.col.key')}</th>
            <th className="num">{t('exp.col.docs')}</th>
            <th className="num">{t('exp.col.chars')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map(([k, c]) => (
            <tr key={k}>
              <td className="mono">{k}</td>
              <td className="num">{n(c.documents)}</td>
              <td className="num">{n(c.characters)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Export: options, a preview of counts per language and licence before anything is written, then progress. */
export function ExportScreen() {
  const { t, n } = useI18n();
  const [form, setForm] = useState<Form>(initial);
  // Said while typing: an unknown code or a label line without "=" would otherwise just select nothing.
  // Any ISO 639-3 code may have been set by hand (Betawi, say), so only the form is checked here (as the engine
  // reads it: ZSM and ms are zlm); a code no document has is a warning of the preview.
  const unknownLangs = list(form.langs).filter((c) => canonicalLangCode(c) === null);
  const badLabelLines = labelLines(form.labels).filter((l) => parseLabelLine(l) === null);
  const [previewJob, setPreviewJob] = useState<number | null>(null);
  const [previewed, setPreviewed] = useState<string | null>(null);
  const [exportJob, setExportJob] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { jobs } = useJobs(30);
  const pj = jobs.find((j) => j.id === previewJob) ?? null;
  const ej = jobs.find((j) => j.id === exportJob) ?? null;
  const preview = pj?.state === 'done' && isPreview(pj.result) ? pj.result : null;
  const result = ej?.state === 'done' && isResult(ej.result) ? ej.result : null;
  const filtersKey = JSON.stringify(toFilters(form));
  const previewCurrent = preview !== null && previewed === filtersKey;
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));

  const runPreview = async () => {
    setError(null);
    try {
      const { jobId } = await api.call('export.preview', toFilters(form));
      setPreviewed(filtersKey);
      setPreviewJob(jobId);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const runExport = async () => {
    setError(null);
    if (!form.out.trim()) return setError(t('exp.needOut'));
    try {
      const { jobId } = await api.call('export.start', toOptions(form));
      setExportJob(jobId);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  if (exportJob !== null) {
    return (
      <div className="screen export-screen" data-testid="export-screen">
        <h1>{t('exp.title')}</h1>
        {ej ? <JobRow job={ej} /> : <Spinner label={t('exp.previewing')} />}
        {result && (
          <section data-testid="export-result">
            <p className="ok">{t('exp.done', { n: result.documents, s: result.shards.length, out: result.out })}</p>
            {result.resumedShards > 0 && <p className="muted">{t('exp.resumed', { n: result.resumedShards })}</p>}
            <h3>{t('exp.shards')}</h3>
            <table className="exp-shards">
              <thead>
                <tr>
                  <th>{t('exp.col.file')}</th>
                  <th className="num">{t('exp.col.docs')}</th>
                  <th>{t('exp.col.license')}</th>
                </tr>
              </thead>
              <tbody>
                {result.shards.map((s) => (
                  <tr key={s.file}>
                    <td className="mono">{s.file}</td>
                    <td className="num">{n(s.documents)}</td>
                    <td className="mono">{s.license}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        {ej?.state === 'failed' && <p className="bad">{t('exp.failed', { e: describeEngineMessage(t, ej.error ?? '') })}</p>}
        {ej?.state === 'cancelled' && <p className="muted">{t('exp.cancelled')}</p>}
        {ej && !['running', 'queued'].includes(ej.state) && (
          <button type="button" onClick={() => setExportJob(null)}>
            {t('exp.again')}
          </button>
        )}
      </div>
    );
  }

  return (
    <div className="screen export-screen" data-testid="export-screen">
      <h1>{t('exp.title')}</h1>
      <p className="muted">{t('exp.subtitle')}</p>
      <div className="exp-layout">
        <form
          className="form exp-form"
          onSubmit={(e) => {
            e.preventDefault();
            void runPreview();
          }}
        >
          <label>
            <span>{t('exp.out')}</span>
            <input type="text" value={form.out} onChange={(e) => set('out', e.target.value)} placeholder="/data/rilis/korpus-v1" data-testid="export-out" />
            <small className="muted">{t('exp.outHint')}</small>
          </label>
          <div className="row">
            <label>
              <span>{t('exp.format')}</span>
              <select value={form.format} onChange={(e) => set('format', e.target.value as ExportFormat)} data-testid="export-format">
                {(['jsonl', 'jsonl.gz', 'parquet', 'csv'] as const).map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>{t('exp.name')}</span>
              <input type="text" value={form.name} onChange={(e) => set('name', e.target.value)} />
            </label>
          </div>
          <div className="row">
            <label>
              <span>{t('exp.license')}</span>
              <select value={form.license} onChange={(e) => set('license', e.target.value as Form['license'])} data-testid="export-license">
                <option value="cleared">{t('exp.license.cleared')}</option>
                <option value="commercial">{t('exp.license.commercial')}</option>
              </select>
            </label>
            <label>
              <span>{t('exp.dedupe')}</span>
              <select value={form.dedupe} onChange={(e) => set('dedupe', e.target.value as Form['dedupe'])}>
                <option value="keep-only">{t('exp.dedupe.keep-only')}</option>
                <option value="all">{t('exp.dedupe.all')}</option>
              </select>
            </label>
            <label>
              <span>{t('exp.quality')}</span>
              <select value={form.quality} onChange={(e) => set('quality', e.target.value as Form['quality'])}>
                <option value="any">{t('exp.quality.any')}</option>
                <option value="pass">{t('exp.quality.pass')}</option>
              </select>
            </label>
          </div>
          <label>
            <span>{t('exp.langs')}</span>
            <input type="text" value={form.langs} onChange={(e) => set('langs', e.target.value)} placeholder="ind, jav, sun" data-testid="export-langs" />
            {unknownLangs.length > 0 && (
              <small className="bad" data-testid="export-langs-unknown">
                {t('exp.langsUnknown', { codes: unknownLangs.join(', ') })}
              </small>
            )}
          </label>
          <label>
            <span>{t('exp.labels')}</span>
            <textarea rows={2} value={form.labels} onChange={(e) => set('labels', e.target.value)} placeholder="topik=berita" />
            {badLabelLines.length > 0 && (
              <small className="bad" data-testid="export-labels-bad">
                {t('exp.labelsBad', { lines: badLabelLines.join(', ') })}
              </small>
            )}
          </label>
          <label className="check">
            <input type="checkbox" checked={form.redactPii} onChange={(e) => set('redactPii', e.target.checked)} data-testid="export-redact" />
            <span>{t('exp.redact')}</span>
          </label>
          <label>
            <span>{t('exp.override')}</span>
            <input type="text" value={form.overrideReason} onChange={(e) => set('overrideReason', e.target.value)} data-testid="export-override" />
            <small className="muted">{t('exp.overrideHint')}</small>
          </label>
          <div className="row">
            <label>
              <span>{t('exp.maxDocs')}</span>
              <input type="number" min={0} value={form.maxDocs} onChange={(e) => set('maxDocs', e.target.value)} />
            </label>
            <label>
              <span>{t('exp.maxMb')}</span>
              <input type="number" min={0} value={form.maxMb} onChange={(e) => set('maxMb', e.target.value)} />
            </label>
          </div>
          <label>
            <span>{t('exp.meta')}</span>
            <input type="text" value={form.meta} onChange={(e) => set('meta', e.target.value)} placeholder="external_id, url" />
          </label>
          {error && (
            <p className="bad" role="alert">
              {describeEngineMessage(t, error)}
            </p>
          )}
          <footer>
            <button type="submit" data-testid="export-preview">
              {t('exp.preview')}
            </button>
            <button type="button" className="primary" disabled={!previewCurrent || preview.included.documents === 0} onClick={() => void runExport()} title={t('exp.startHint')} data-testid="export-start">
              {t('exp.start')}
            </button>
          </footer>
        </form>

        <div className="exp-preview" data-testid="export-preview-panel" aria-live="polite">
          {pj && ['running', 'queued'].includes(pj.state) && <Spinner label={t('exp.previewing')} />}
          {pj?.state === 'failed' && <p className="bad">{describeEngineMessage(t, pj.error ?? '')}</p>}
          {preview && (
            <div className={previewCurrent ? '' : 'exp-stale'}>
              <p className="exp-included" data-testid="export-included">
                <strong>{t('exp.included', { n: preview.included.documents, c: preview.included.characters })}</strong>
              </p>
              {preview.included.documents === 0 && <p className="muted">{t('exp.nothing')}</p>}
              <CountTable title={t('exp.byLanguage')} rows={preview.byLanguage} />
              <CountTable title={t('exp.byLicense')} rows={preview.byLicense} />
              <CountTable title={t('exp.byShardKey')} rows={preview.byShardKey} />
              {Object.keys(preview.excluded).length > 0 && (
                <section>
                  <h3>{t('exp.excluded')}</h3>
                  <ul className="exp-excluded">
                    {Object.entries(preview.excluded).map(([reason, count]) => (
                      <li key={reason}>
                        {n(count)} — {t(`exp.reason.${reason}`)}
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              {preview.warnings.length > 0 && (
                <section>
                  <h3>{t('exp.warnings')}</h3>
                  <ul className="bad">
                    {preview.warnings.map((w) => (
                      <li key={w}>{describeEngineMessage(t, w)}</li>
                    ))}
                  </ul>
                </section>
              )}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
