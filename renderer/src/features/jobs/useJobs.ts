import { useCallback, useEffect, useState } from 'react';
import type { JobProgress, JobRecord } from '../../../../shared/contract/jobs';
import { api } from '../../api/client';

export interface LiveJob extends JobRecord {
  rate: number;
  etaMs: number | null;
}

/** The recent jobs, kept live by job-progress events (rate and ETA come only from events). */
export function useJobs(limit = 50): { jobs: LiveJob[]; error: string | null; loading: boolean; reload(): void } {
  const [jobs, setJobs] = useState<LiveJob[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const reload = useCallback(() => {
    api.call('jobs.list', { limit }).then(
      (list) => {
        setJobs((prev) => list.map((j) => ({ ...j, rate: prev.find((p) => p.id === j.id)?.rate ?? 0, etaMs: prev.find((p) => p.id === j.id)?.etaMs ?? null })));
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        setError(e instanceof Error ? e.message : String(e));
        setLoading(false);
      },
    );
  }, [limit]);
  useEffect(() => {
    reload();
    return api.on('job-progress', (p: JobProgress) => {
      let known = false;
      setJobs((prev) =>
        prev.map((j) => {
          if (j.id !== p.jobId) return j;
          known = true;
          return { ...j, state: p.state, done: p.done, total: p.total, message: p.message, error: p.error, rate: p.rate, etaMs: p.etaMs };
        }),
      );
      // A job we have not seen (started elsewhere) or one that ended: refresh the list for its full record.
      if (!known || !['running', 'queued'].includes(p.state)) reload();
    });
  }, [reload]);
  // Events can be missed (an SSE reconnect, a sleeping laptop): while something runs, also poll now and then.
  const active = jobs.some((j) => j.state === 'running' || j.state === 'queued');
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(reload, 3000);
    return () => clearInterval(timer);
  }, [active, reload]);
  return { jobs, error, loading, reload };
}
