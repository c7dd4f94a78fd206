import { useCallback, useEffect, useRef, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import type { KeepRule } from '../../../../shared/contract/dedupe';
import { api } from '../../api/client';
import { EmptyState, ErrorState } from '../../components/States';
import { useI18n } from '../../i18n';
import { describeEngineError, describeEngineMessage } from '../../i18n/engine-messages';
import { useShell } from '../../shell/context';
import { ClusterView } from './ClusterView';
import './dedupe.css';

/** The Jaccard thresholds this screen offers (dedupe.start itself takes any in (0, 1)). */
const THRESHOLD = { min: 0.5, max: 0.99 };

type Summary = Output<'dedupe.summary'>;
type Row = Output<'dedupe.clusters'>['rows'][number];
const RULES: KeepRule[] = ['longest', 'earliest', 'preferred-source', 'best-license'];
const PAGE = 100;

/** Clusters by size on the left, the chosen cluster's members side by side on the right. */
export function DuplicatesScreen() {
  const { t, n } = useI18n();
  const shell = useShell();
  const [summary, setSummary] = useState<Summary | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [total, setTotal] = useState(0);
  const [kind, setKind] = useState<'exact' | 'near' | ''>('');
  const [selected, setSelected] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState<{ done: number; total: number | null } | null>(null);
  // As typed: only a number in the offered range starts a run.
  const [thresholdText, setThresholdText] = useState('0.8');
  const threshold = Number(thresholdText.replace(',', '.'));
  const thresholdOk = thresholdText.trim() !== '' && threshold >= THRESHOLD.min && threshold <= THRESHOLD.max;
  const [rule, setRule] = useState<KeepRule>('longest');
  const [version, setVersion] = useState(0);
  // Merge from the keyboard: M marks the selected cluster, M on another cluster merges the two, Esc forgets the mark.
  const [mergeFrom, setMergeFrom] = useState<Row | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const followRef = useRef<number | null>(null);
  const load = useCallback(() => {
    setError(null);
    api.call('dedupe.summary', {}).then(setSummary, (e: unknown) => setError(String(e instanceof Error ? e.message : e)));
    api.call('dedupe.clusters', { offset: 0, limit: PAGE, ...(kind ? { kind } : {}) }).then(
      (r) => {
        setRows(r.rows);
        setTotal(r.total);
        setSelected((s) => {
          // After a merge or a change to a cluster, follow it to its new place in the size order.
          const follow = followRef.current;
          followRef.current = null;
          const at = follow === null ? -1 : r.rows.findIndex((x) => x.id === follow);
          return at >= 0 ? at : Math.min(s, Math.max(0, r.rows.length - 1));
        });
      },
      (e: unknown) => setError(String(e instanceof Error ? e.message : e)),
    );
  }, [kind]);
  useEffect(load, [load, shell.corpusVersion, version]);
  useEffect(
    () =>
      api.on('job-progress', (p) => {
        if (p.kind !== 'dedupe') return;
        if (p.state === 'running' || p.state === 'queued') setRunning({ done: p.done, total: p.total });
        else {
          setRunning(null);
          load();
        }
      }),
    [load],
  );

  const more = () =>
    api.call('dedupe.clusters', { offset: rows.length, limit: PAGE, ...(kind ? { kind } : {}) }).then((r) => setRows((old) => [...old, ...r.rows]));

  const start = async () => {
    try {
      await api.call('dedupe.start', { threshold, keepRule: rule });
      setRunning({ done: 0, total: null });
    } catch (e) {
      setError(describeEngineError(t, e));
    }
  };

  const current = rows[selected];
  const merge = useCallback(async () => {
    if (!current) return;
    if (!mergeFrom || mergeFrom.id === current.id) {
      setMergeFrom(mergeFrom ? null : current);
      setNotice(null);
      return;
    }
    try {
      const r = await api.call('dedupe.override', { action: 'merge', documentIds: [mergeFrom.documentId, current.documentId] });
      followRef.current = r.clusterIds[0] ?? null;
      setNotice(t('dedupe.merged', { from: String(mergeFrom.id), to: String(current.id) }));
      setMergeFrom(null);
      setVersion((v) => v + 1);
    } catch (e) {
      setError(describeEngineError(t, e));
    }
  }, [current, mergeFrom, t]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLTextAreaElement) return;
      if (e.key === 'm' || e.key === 'M') {
        void merge();
        e.preventDefault();
      } else if (e.key === 'Escape' && mergeFrom) {
        setMergeFrom(null);
        e.preventDefault();
      } else if (e.key === 'ArrowDown') {
        setSelected((s) => Math.min(s + 1, rows.length - 1));
        e.preventDefault();
      } else if (e.key === 'ArrowUp') {
        setSelected((s) => Math.max(s - 1, 0));
        e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rows.length, merge, mergeFrom]);

  return (
    <div className="screen dedupe-screen">
      <header className="screen-header">
        <div>
          <h1>{t('dedupe.title')}</h1>
          <p className="muted">{t('dedupe.subtitle')}</p>
          {summary && summary.clusters > 0 && (
            <p data-testid="dedupe-summary">
              {t('dedupe.summary', { clusters: summary.clusters, exact: summary.exactClusters, near: summary.nearClusters, dups: summary.duplicates })}
            </p>
          )}
        </div>
        <div className="actions">
          <label>
            {t('dedupe.threshold')}{' '}
            <input
              type="number"
              min={THRESHOLD.min}
              max={THRESHOLD.max}
              step={0.05}
              value={thresholdText}
              aria-invalid={!thresholdOk}
              title={thresholdOk ? undefined : t('dedupe.thresholdRange')}
              onChange={(e) => setThresholdText(e.target.value)}
            />
          </label>
          <label>
            {t('dedupe.keepRule')}{' '}
            <select value={rule} onChange={(e) => setRule(e.target.value as KeepRule)}>
              {RULES.map((r) => (
                <option key={r} value={r}>
                  {t(`dedupe.rule.${r}`)}
                </option>
              ))}
            </select>
          </label>
          {running ? (
            <span className="muted" role="status">
              {t('dedupe.running', { done: running.done, total: running.total ?? '?' })}
            </span>
          ) : (
            <>
              {!thresholdOk && (
                <span className="bad" role="alert">
                  {t('dedupe.thresholdRange')}
                </span>
              )}
              <button type="button" className="primary" onClick={start} disabled={!thresholdOk}>
                {t('dedupe.run')}
              </button>
            </>
          )}
        </div>
      </header>
      {error && <ErrorState title={t('dedupe.error')} message={describeEngineMessage(t, error)} onRetry={load} retryLabel={t('dedupe.retry')} />}
      {!error && total === 0 && !kind && <EmptyState icon="⧉" title={t('dedupe.none')} body={t('dedupe.noneBody')} />}
      {!error && (total > 0 || kind) && (
        <div className="dedupe-body">
          <aside className="dedupe-list">
            <div className="dedupe-kinds" role="tablist">
              {(['', 'exact', 'near'] as const).map((k) => (
                <button key={k || 'all'} type="button" role="tab" aria-selected={kind === k} className={kind === k ? 'active' : ''} onClick={() => setKind(k)}>
                  {k ? t(`dedupe.kind.${k}`) : t('dedupe.all')}
                </button>
              ))}
            </div>
            <ul data-testid="dedupe-clusters">
              {rows.map((r, i) => (
                <li
                  key={r.id}
                  className={[i === selected ? 'selected' : '', mergeFrom?.id === r.id ? 'merge-marked' : ''].join(' ').trim()}
                  onClick={() => setSelected(i)}
                  aria-selected={i === selected}
                >
                  <span className={`chip kind-${r.kind}`}>{t(`dedupe.kind.${r.kind}`)}</span> <strong>{n(r.size)}</strong>{' '}
                  <span className="muted small">#{r.id}</span>
                  {mergeFrom?.id === r.id && <span className="chip merge-mark"> {t('dedupe.mergeChip')}</span>}
                  <div className="preview muted">{r.excerpt}</div>
                </li>
              ))}
            </ul>
            {rows.length < total && (
              <button type="button" onClick={more}>
                {t('dedupe.more')}
              </button>
            )}
          </aside>
          <section className="dedupe-detail">
            <p className="muted small">{t('dedupe.keys')}</p>
            {current && (
              <div className="dedupe-open">
                <button type="button" data-testid="dedupe-open-documents" onClick={() => shell.openDocuments({ dupCluster: current.id })}>
                  {t('dedupe.openDocuments', { n: current.size, id: String(current.id) })}
                </button>
              </div>
            )}
            {mergeFrom ? (
              <div className="dedupe-merge-bar" role="status" data-testid="dedupe-merge-bar">
                <span>{t('dedupe.mergeMarked', { id: String(mergeFrom.id) })}</span>
                {current && current.id !== mergeFrom.id && (
                  <button type="button" className="primary" onClick={() => void merge()}>
                    {t('dedupe.mergeInto', { from: mergeFrom.id, to: current.id })}
                  </button>
                )}
                <button type="button" onClick={() => setMergeFrom(null)}>
                  {t('dedupe.mergeCancel')}
                </button>
              </div>
            ) : (
              <div className="dedupe-merge-bar">
                {notice && (
                  <span role="status" data-testid="dedupe-notice">
                    {notice}
                  </span>
                )}
                <button type="button" disabled={!current} onClick={() => void merge()}>
                  {t('dedupe.merge')}
                </button>
              </div>
            )}
            {current && (
              <ClusterView
                clusterId={current.id}
                onChanged={() => {
                  // Stay on the cluster just changed: a split or a keep can move it in the size order.
                  followRef.current = current.id;
                  setVersion((v) => v + 1);
                }}
              />
            )}
          </section>
        </div>
      )}
    </div>
  );
}
