import { formatDuration } from '../../../../shared/jobs/progress';
import { ProgressBar } from '../../components/States';
import { useI18n } from '../../i18n';
import { api } from '../../api/client';
import type { LiveJob } from './useJobs';

/** One job: kind, state, a live progress bar with rate and ETA, and cancel / resume. */
export function JobRow({ job, compact = false }: { job: LiveJob; compact?: boolean }) {
  const { t, n } = useI18n();
  const active = job.state === 'running' || job.state === 'queued';
  const resumable = ['interrupted', 'cancelled', 'failed'].includes(job.state);
  return (
    <div className={`job job-${job.state}${compact ? ' compact' : ''}`} data-testid={`job-${job.id}`} data-state={job.state}>
      <div className="job-head">
        <strong>{job.kind}</strong>
        <span className="mono muted">#{job.id}</span>
        <span className={`chip state-${job.state}`}>{t(`jobs.state.${job.state}`)}</span>
        <span className="spacer" />
        {active && (
          <button type="button" onClick={() => void api.request('jobs.cancel', { id: job.id })}>
            {t('jobs.cancel')}
          </button>
        )}
        {resumable && !compact && (
          <button type="button" onClick={() => void api.request('jobs.resume', { id: job.id })}>
            {t('jobs.resume')}
          </button>
        )}
      </div>
      {(active || job.state === 'done') && <ProgressBar done={job.state === 'done' && job.total === null ? 1 : job.done} total={job.state === 'done' && job.total === null ? 1 : job.total} label={job.kind} />}
      <div className="job-meta muted">
        <span className="mono">
          {n(job.done)}
          {job.total !== null ? ` / ${n(job.total)}` : ''}
        </span>
        {job.state === 'running' && job.rate > 0 && <span>{t('jobs.rate', { r: Math.round(job.rate) })}</span>}
        {job.state === 'running' && job.etaMs !== null && <span>{t('jobs.eta', { t: formatDuration(job.etaMs) })}</span>}
        {job.message && <span>{job.message}</span>}
        {job.error && <span className="bad">{job.error}</span>}
      </div>
    </div>
  );
}
