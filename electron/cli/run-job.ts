import type { JobRecord } from '../../shared/contract/jobs';
import type { Engine } from '../engine/engine';
import type { CliIo } from './command';
import { createProgressBar } from './progress-bar';

/**
 * Starts a job through the engine's runner (the same path the app uses) and waits for it, drawing a progress
 * bar on a terminal. Ctrl-C cancels the job cleanly instead of killing it mid-batch.
 */
export async function runJobFromCli(engine: Engine, kind: string, params: unknown, io: CliIo): Promise<JobRecord> {
  const bar = createProgressBar(io.stderr, io.isTty);
  const id = engine.jobs.start(kind, params);
  const off = engine.events.on('job-progress', (p) => {
    if (p.jobId === id) bar.update(p);
  });
  const onSigint = () => engine.jobs.cancel(id);
  process.on('SIGINT', onSigint);
  try {
    return await engine.jobs.wait(id);
  } finally {
    process.off('SIGINT', onSigint);
    off();
    bar.end();
  }
}

/** The job's outcome as the CLI reports it: throws (exit 1) unless it is done. */
export function requireDone(job: JobRecord): void {
  if (job.state === 'done') return;
  if (job.state === 'cancelled') throw new Error(`${job.kind} cancelled (job ${job.id}); resume it to continue`);
  throw new Error(job.error ?? `${job.kind} ended ${job.state}`);
}
