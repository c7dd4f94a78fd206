import { EmptyState, ErrorState, Spinner } from '../../components/States';
import { useI18n } from '../../i18n';
import { JobRow } from './JobRow';
import { useJobs } from './useJobs';

export function JobsScreen() {
  const { t } = useI18n();
  const { jobs, error, loading, reload } = useJobs(100);
  return (
    <div className="screen jobs-screen" data-testid="jobs-screen">
      <h1>{t('jobs.title')}</h1>
      {error ? (
        <ErrorState title={t('app.error')} message={error} onRetry={reload} retryLabel={t('app.retry')} />
      ) : loading ? (
        <Spinner label={t('app.loading')} />
      ) : jobs.length === 0 ? (
        <EmptyState icon="≡" title={t('jobs.empty')} />
      ) : (
        <div className="job-list">
          {jobs.map((j) => (
            <JobRow key={j.id} job={j} />
          ))}
        </div>
      )}
    </div>
  );
}
