import type { z } from 'zod';
import type { Db } from '../store/open';

export interface JobContext<P> {
  db: Db;
  dbPath: string;
  jobId: number;
  params: P;
  /** Aborted when the user cancels. */
  signal: AbortSignal;
  /** Throws CancelledError once cancel was asked for; call between batches. */
  throwIfCancelled(): void;
  /** Report progress; cheap to call often (throttled). */
  progress(done: number, total: number | null, message?: string): void;
  /** What the previous run of this job saved, if it is being resumed. */
  checkpoint: unknown;
  /** Save resume state; call it in the same transaction as the batch it describes when possible. */
  saveCheckpoint(value: unknown): void;
}

/** A kind of long work. `run` executes inside a worker thread with its own database connection. */
export interface JobImpl<S extends z.ZodType = z.ZodType, R = unknown> {
  kind: string;
  params: S;
  run(ctx: JobContext<z.output<S>>): Promise<R>;
  /**
   * Whether `later`, a run that finished, did all an unfinished `earlier` run would still do (so resuming `earlier`
   * would only repeat work): the jobs list then offers no resume for it. Kinds without it are always resumable.
   */
  coveredBy?(earlier: z.output<S>, later: z.output<S>): boolean;
  /** The run settings this kind takes: a resume may give them anew, since they change how the work runs, not its results. */
  runSettings?: readonly (keyof RunSettings)[];
  /** Scope of the corpus-changed event sent when the job ends. */
  changes?: 'documents' | 'sources' | 'labels' | 'languages' | 'duplicates' | 'licenses' | 'pii' | 'quality' | 'all';
}

/**
 * Parameters that say how a job's work runs, not what it computes. A resume may set them for that run only: the job
 * keeps the parameters it was started with, so a later resume without them runs as it was started.
 */
export interface RunSettings {
  /** Worker threads of the job's pool. */
  workers?: number;
}

/** The stored parameters with the settings given for this run laid over them (settings left undefined change nothing). */
export function withRunSettings(params: unknown, settings: RunSettings): unknown {
  const given = Object.entries(settings).filter(([, v]) => v !== undefined);
  if (given.length === 0 || typeof params !== 'object' || params === null) return params;
  return { ...params, ...Object.fromEntries(given) };
}

export function defineJob<S extends z.ZodType, R>(job: JobImpl<S, R>): JobImpl<S, R> {
  return job;
}

/** Messages between the runner (engine thread) and a job worker. */
export type ToJobWorker = { type: 'cancel' };
export type FromJobWorker =
  | { type: 'progress'; done: number; total: number | null; message: string | null }
  | { type: 'finished'; state: 'done' | 'failed' | 'cancelled'; result: unknown; error: string | null };
