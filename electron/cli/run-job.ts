import type { JobRecord } from '../../shared/contract/jobs';
import type { Engine } from '../engine/engine';
import { UsageError, type CliIo } from './command';
import { createProgressBar } from './progress-bar';

/**
 * Starts a job through the engine's runner (the same path the app uses) and waits for it, drawing a progress
 * bar on a terminal. Ctrl-C cancels the job cleanly instead of killing it mid-batch.
 */
export async function runJobFromCli(engine: Engine, kind: string, params: unknown, io: CliIo): Promise<JobRecord> {
  return followJob(engine, engine.jobs.start(kind, params), io);
}

/** Resumes a cancelled, interrupted or failed job of `kind` the same way: progress bar, Ctrl-C cancels cleanly. */
export async function resumeJobFromCli(engine: Engine, kind: string, jobId: number, io: CliIo): Promise<JobRecord> {
  const job = engine.jobs.get(jobId);
  if (job.kind !== kind) throw new UsageError(`job ${jobId} is a ${job.kind} job, not ${kind}`);
  return followJob(engine, engine.jobs.resume(jobId), io);
}

async function followJob(engine: Engine, id: number, io: CliIo): Promise<JobRecord> {
  const bar = createProgressBar(io.stderr, io.isTty);
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

/** How to carry on after a cancel, per command: some resume a job, the others pick up where they were when run again. */
const CONTINUE_HINT: Record<string, (id: number) => string> = {
  import: () => 'run the same import again to continue (committed documents are kept and skipped)',
  export: () => 'run the same export again to continue (finished shards are kept)',
  dedupe: () => 'run dedupe again',
  langid: (id) => `continue with: kurasi langid --resume ${id}`,
  pii: (id) => `continue with: kurasi pii --resume ${id}`,
  quality: (id) => `continue with: kurasi quality --resume ${id}`,
};

/** The job's outcome as the CLI reports it: throws (exit 1) unless it is done. */
export function requireDone(job: JobRecord): void {
  if (job.state === 'done') return;
  if (job.state === 'cancelled') throw new Error(`${job.kind} cancelled (job ${job.id}); ${(CONTINUE_HINT[job.kind] ?? (() => 'resume it to continue'))(job.id)}`);
  throw new Error(job.error ?? `${job.kind} ended ${job.state}`);
}
