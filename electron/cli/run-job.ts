import type { JobRecord } from '../../shared/contract/jobs';
import type { Engine } from '../engine/engine';
import { maxPoolWorkers } from '../engine/jobs/range-pool';
import type { RunSettings } from '../engine/jobs/types';
import { counted, type CliIo } from './command';
import { createProgressBar } from './progress-bar';

/**
 * Starts a job through the engine's runner (the same path the app uses) and waits for it, drawing a progress
 * bar on a terminal. Ctrl-C cancels the job cleanly instead of killing it mid-batch; a second Ctrl-C quits at once.
 */
export async function runJobFromCli(engine: Engine, kind: string, params: unknown, io: CliIo): Promise<JobRecord> {
  noteResumable(engine, kind, io);
  return followJob(engine, engine.jobs.start(kind, params), io);
}

/** Kinds whose unfinished jobs are carried on with `--resume` (the others continue by running the same command again). */
const RESUMED_WITH_FLAG = new Set(['langid', 'pii', 'quality']);

/**
 * A new run while an earlier one of the same kind stopped part-way (cancelled, interrupted by a dead process,
 * failed) and no later run finished its work: says so on stderr, with the command that would carry it on instead.
 */
function noteResumable(engine: Engine, kind: string, io: CliIo): void {
  if (!RESUMED_WITH_FLAG.has(kind)) return;
  const open = engine.jobs.list().find((j) => j.kind === kind && ['interrupted', 'cancelled', 'failed'].includes(j.state) && j.supersededBy === null);
  if (!open) return;
  const progress = open.total === null ? '' : ` at ${open.done.toLocaleString('en')} of ${open.total.toLocaleString('en')}`;
  io.stderr.write(
    `kurasi ${kind}: job ${open.id} ${open.state === 'failed' ? 'failed' : `was ${open.state}`}${progress}; this is a new run. ` +
      `To carry that job on instead: kurasi ${kind} --db ${shellQuote(engine.dbPath)} --resume ${open.id}\n`,
  );
}

/**
 * Resumes a cancelled, interrupted or failed job of `kind` the same way: progress bar, Ctrl-C cancels cleanly.
 * `settings` (--workers) apply to this run; the job's other parameters stay as it was started.
 * A job id this corpus cannot resume (no such job, one of another kind, one still running) is a failure, exit 1,
 * like a missing corpus file: the command line itself was well-formed (exit 2 is kept for that).
 */
export async function resumeJobFromCli(engine: Engine, kind: string, jobId: number, io: CliIo, settings: RunSettings = {}): Promise<JobRecord> {
  const job = engine.jobs.get(jobId);
  if (job.kind !== kind) throw new Error(`job ${jobId} is ${withArticle(job.kind)} job, not ${kind}`);
  return followJob(engine, engine.jobs.resume(jobId, settings), io);
}

/** Says on stderr when --workers asks for more than the cores here: a job's pool starts no more than one worker per core. */
export function noteWorkersCap(io: CliIo, command: string, workers: number | undefined): void {
  const cores = maxPoolWorkers();
  if (workers !== undefined && workers > cores) io.stderr.write(`kurasi ${command}: --workers ${workers} is more than the ${counted(cores, 'core')} here; using ${cores}\n`);
}

/** "an import", "a langid". */
function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

/** A path as it can be pasted into a POSIX shell: quoted when it holds anything but plain path characters. */
export function shellQuote(path: string): string {
  return /^[\w./:@%+=,-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

const CANCEL_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The shell's exit status for a command stopped by Ctrl-C (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;

async function followJob(engine: Engine, id: number, io: CliIo): Promise<JobRecord> {
  const bar = createProgressBar(io.stderr, io.isTty);
  const kind = engine.jobs.get(id).kind;
  const off = engine.events.on('job-progress', (p) => {
    if (p.jobId === id) bar.update(p);
  });
  // Ctrl-C, a plain `kill` and a closed terminal all cancel cleanly: the job ends between batches, cancelled and resumable.
  // A batch can take a while, so a second signal quits at once: the batch's transaction is lost, never half-written, and
  // the job's owner (this process) being gone makes it interrupted and resumable for the next run.
  let signalled = false;
  const onSignal = () => {
    if (signalled) {
      bar.note(`kurasi ${kind}: quit at once; job ${id}'s unfinished batch is not written; ${continueHint(kind, id, engine.dbPath)}`);
      process.exit(EXIT_INTERRUPTED);
    }
    signalled = true;
    bar.note(`kurasi ${kind}: cancelling job ${id} at the end of its batch… (Ctrl-C again to quit at once)`);
    engine.jobs.cancel(id);
  };
  for (const signal of CANCEL_SIGNALS) process.on(signal, onSignal);
  try {
    return await engine.jobs.wait(id);
  } finally {
    for (const signal of CANCEL_SIGNALS) process.off(signal, onSignal);
    off();
    bar.end();
  }
}

/** How to carry on after a cancel, per command: some resume a job, the others pick up where they were when run again. */
const CONTINUE_HINT: Record<string, (id: number, db: string) => string> = {
  import: () => 'run the same import again to continue (committed documents are kept and skipped)',
  export: () => 'run the same export again to continue (finished shards are kept)',
  dedupe: () => 'run dedupe again',
  langid: (id, db) => `continue with: kurasi langid --db ${db} --resume ${id}`,
  pii: (id, db) => `continue with: kurasi pii --db ${db} --resume ${id}`,
  quality: (id, db) => `continue with: kurasi quality --db ${db} --resume ${id}`,
};

function continueHint(kind: string, id: number, dbPath: string | undefined): string {
  const hint = CONTINUE_HINT[kind] ?? (() => 'resume it to continue');
  return hint(id, dbPath === undefined ? '<file>' : shellQuote(dbPath));
}

/**
 * The job's outcome as the CLI reports it: throws (exit 1) unless it is done. `dbPath` is the corpus as given to
 * --db, so the resume hint is a command that can be pasted as is.
 */
export function requireDone(job: Pick<JobRecord, 'id' | 'kind' | 'state' | 'error'>, dbPath?: string): void {
  if (job.state === 'done') return;
  if (job.state === 'cancelled') throw new Error(`${job.kind} cancelled (job ${job.id}); ${continueHint(job.kind, job.id, dbPath)}`);
  throw new Error(job.error ?? `${job.kind} ended ${job.state}`);
}
