import { useEffect, useState } from 'react';
import { formatDuration } from '../../../../shared/jobs/progress';
import { ProgressBar } from '../../components/States';
import { translateOr, useI18n } from '../../i18n';
import { api } from '../../api/client';
import type { LiveJob } from './useJobs';
import { describeImportReason } from '../import/reasons';
import { describeEngineMessage } from '../../i18n/engine-messages';

/** Job kinds whose progress counts bytes read rather than items. */
const bytesKinds = new Set(['import']);

export function formatBytes(v: number): string {
  if (v < 1024) return `${Math.round(v)} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let x = v / 1024;
  let i = 0;
  while (x >= 1024 && i < units.length - 1) {
    x /= 1024;
    i++;
  }
  return `${x.toFixed(x < 10 ? 1 : 0)} ${units[i]}`;
}

/** One job: kind, state, a live progress bar with rate and ETA, and cancel / resume. */
export function JobRow({ job, compact = false }: { job: LiveJob; compact?: boolean }) {
  const { t, n } = useI18n();
  const kindName = translateOr(t, `jobs.kind.${job.kind}`, job.kind);
  const [actionError, setActionError] = useState<string | null>(null);
  const active = job.state === 'running' || job.state === 'queued';
  // A running job stops at the end of its batch, which can take seconds (an import puts its indexes back first):
  // until its state changes the row says the cancel was heard, instead of looking as if nothing happened.
  const [cancelAsked, setCancelAsked] = useState(false);
  const cancelling = cancelAsked && active;
  // Once it has stopped, a resumed run is a new chance to cancel.
  useEffect(() => {
    if (!active) setCancelAsked(false);
  }, [active]);
  // A job whose work a later finished run did again has nothing left to resume: the row says which run, without a button.
  const resumable = ['interrupted', 'cancelled', 'failed'].includes(job.state) && job.supersededBy === null;
  const amount = (v: number) => (bytesKinds.has(job.kind) ? formatBytes(v) : n(Math.round(v)));
  return (
    <div className={`job job-${job.state}${compact ? ' compact' : ''}`} data-testid={`job-${job.id}`} data-state={job.state}>
      <div className="job-head">
        <strong>{kindName}</strong>
        <span className="mono muted">#{job.id}</span>
        <span className={`chip state-${job.state}`}>{t(`jobs.state.${job.state}`)}</span>
        <span className="spacer" />
        {active && (
          <button
            type="button"
            disabled={cancelling}
            data-testid="job-cancel"
            onClick={() => {
              setCancelAsked(true);
              void api.request('jobs.cancel', { id: job.id }).then((r) => {
                if (r.ok) return;
                setCancelAsked(false);
                setActionError(describeEngineMessage(t, r.error.message));
              });
            }}
          >
            {t(cancelling ? 'jobs.cancelling' : 'jobs.cancel')}
          </button>
        )}
        {resumable && !compact && (
          // A failed job starts over from its checkpoint: "try again" says what happens; it may fail the same way.
          <button
            type="button"
            onClick={() =>
              void api.request('jobs.resume', { id: job.id }).then((r) => setActionError(r.ok ? null : describeEngineMessage(t, r.error.message)))
            }
          >
            {t(job.state === 'failed' ? 'jobs.retry' : 'jobs.resume')}
          </button>
        )}
      </div>
      {(active || job.state === 'done') && (
        <ProgressBar done={job.state === 'done' ? 1 : job.done} total={job.state === 'done' ? 1 : job.total} label={kindName} />
      )}
      <div className="job-meta muted">
        {/* A job that stopped before counting anything has no amount to show: a bare "0 B" beside its error is noise. */}
        {(active || job.state === 'done' || job.done > 0 || job.total !== null) && (
          <span className="mono" data-testid="job-amount">
            {/* A finished job did all of it, whatever its last phase counted. */}
            {amount(job.state === 'done' && job.total !== null ? job.total : job.done)}
            {job.total !== null ? ` / ${amount(job.total)}` : ''}
          </span>
        )}
        {job.state === 'running' && job.rate > 0 && <span>{t('jobs.rate', { r: amount(job.rate) })}</span>}
        {job.state === 'running' && job.etaMs !== null && <span>{t('jobs.eta', { t: formatDuration(job.etaMs) })}</span>}
        {/* The phase is news only while the job runs: a finished job's last phase ("reading files") would mislead. */}
        {active && job.message && <span>{translateOr(t, `jobs.phase.${job.message}`, job.message)}</span>}
        {job.supersededBy !== null && <span data-testid="job-superseded">{t('jobs.superseded', { id: job.supersededBy })}</span>}
        {actionError && <span className="bad">{actionError}</span>}
        {job.error && <span className="bad">{job.kind === 'import' ? describeImportReason(t, job.error) : describeEngineMessage(t, job.error)}</span>}
      </div>
    </div>
  );
}
