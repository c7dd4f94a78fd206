import { Worker } from 'node:worker_threads';
import type { z } from 'zod';
import type { JobProgress, JobRecord, JobState } from '../../../shared/contract/jobs';
import { createProgressMeter, type ProgressMeter } from '../../../shared/jobs/progress';
import type { EngineEvents } from '../events';
import { InvalidParamsError, KurasiError, notFound } from '../errors';
import { jobRegistry } from './registry';
import type { Db } from '../store/open';
import { withRunSettings, type FromJobWorker, type RunSettings } from './types';
import { workerPath } from './worker-path';
import { readJob, listJobs, RESUMABLE_STATES, type CoveredBy } from './job-rows';
import { ownerJson, ownerLiveness } from './owner';

/** SQLite's default: checkpoint after a commit leaves the WAL over this many pages. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

/** A running job whose owner this process cannot check (another host, no /proc) is taken as dead after this long without a heartbeat. */
const STALE_HEARTBEAT_MS = 15_000;

/** Whether a later, finished job did all an earlier unfinished one of the same kind would still do (the kind's own rule). */
const coveredBy: CoveredBy = (kind, earlier, later) => {
  const impl = jobRegistry[kind];
  if (!impl?.coveredBy) return false;
  const e = impl.params.safeParse(earlier);
  const l = impl.params.safeParse(later);
  return e.success && l.success && impl.coveredBy(e.data, l.data);
};

/** Every run setting a resume may give (each kind lists those it takes in its `runSettings`). */
const RUN_SETTING_NAMES: readonly (keyof RunSettings)[] = ['workers'];

function invalidParams(kind: string, issues: readonly z.core.$ZodIssue[]): InvalidParamsError {
  return new InvalidParamsError(
    kind,
    issues.map((i) => ({ field: i.path.filter((p) => typeof p === 'string').join('.'), message: i.message })),
  );
}

interface Running {
  worker: Worker;
  meter: ProgressMeter;
  /** Shared with the worker: set to 1 on cancel (seen even while the job never yields to its event loop). */
  cancelFlag: Int32Array;
  /** The last progress the worker reported: ahead of the job's row, which the worker writes about once a second. */
  live: { done: number; total: number | null; message: string | null } | null;
}

/**
 * Runs jobs one at a time (they all write to the same corpus) in worker threads. State lives in the jobs
 * table, so a restart finds interrupted work and can resume it.
 */
export class JobRunner {
  private readonly running = new Map<number, Running>();
  private readonly queue: number[] = [];
  private readonly waiters = new Map<number, ((r: JobRecord) => void)[]>();
  /** Run settings given with a resume, for that run only (the job's stored parameters stay as it was started). */
  private readonly settings = new Map<number, RunSettings>();
  private active: number | null = null;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly dbPath: string,
    private readonly events: EngineEvents,
    private readonly onJobEnd: (job: JobRecord) => void = () => {},
  ) {
    this.markStaleInterrupted();
  }

  /**
   * Jobs left running or queued by a process that is gone are marked interrupted, ready to resume. The owner recorded
   * with the job says whether its process still runs; where it cannot (an older row, another host), a running job
   * counts as gone once its heartbeat is old, and a queued one at once (its queue lived in the memory of its process).
   */
  private markStaleInterrupted(): void {
    const rows = this.db
      .prepare(`SELECT id, state, owner, coalesce(heartbeat_at, created_at) AS beat FROM jobs WHERE state IN ('running', 'queued')`)
      .all() as { id: number; state: 'running' | 'queued'; owner: string | null; beat: string }[];
    const cutoff = Date.now() - STALE_HEARTBEAT_MS;
    const mark = this.db.prepare(`UPDATE jobs SET state = 'interrupted', finished_at = ? WHERE id = ? AND state = ?`);
    for (const r of rows) {
      if (this.running.has(r.id) || this.queue.includes(r.id)) continue;
      const owner = ownerLiveness(r.owner);
      const gone = owner === 'dead' || (owner === 'unknown' && (r.state === 'queued' || !(Date.parse(r.beat) >= cutoff)));
      if (gone) mark.run(new Date().toISOString(), r.id, r.state);
    }
  }

  start(kind: string, params: unknown): number {
    if (this.closed) throw new KurasiError('conflict', 'the corpus is closing');
    const impl = jobRegistry[kind];
    if (!impl) throw new KurasiError('bad-request', `unknown job kind '${kind}'`);
    // Checked here, so a bad value is refused at once instead of becoming a failed job in its worker.
    const checked = impl.params.safeParse(params ?? {});
    if (!checked.success) throw invalidParams(kind, checked.error.issues);
    const info = this.db
      .prepare(`INSERT INTO jobs(kind, state, params, created_at, owner) VALUES (?, 'queued', ?, ?, ?)`)
      .run(kind, JSON.stringify(params ?? {}), new Date().toISOString(), ownerJson());
    const id = Number(info.lastInsertRowid);
    this.enqueue(id);
    return id;
  }

  /**
   * Queues an unfinished job again, to carry on from its checkpoint with the parameters it was started with, except
   * for `settings` (how many workers, say), which apply to this run only.
   */
  resume(id: number, settings: RunSettings = {}): number {
    // A job whose process died after this corpus was opened is resumable now, not only after a reopen.
    this.markStaleInterrupted();
    const job = this.get(id);
    const notResumable = (state: JobState) => new KurasiError('conflict', `job ${id} is ${state}; only interrupted, cancelled or failed jobs can be resumed`);
    if (!RESUMABLE_STATES.includes(job.state)) throw notResumable(job.state);
    if (job.supersededBy !== null)
      throw new KurasiError('conflict', `job ${id} was superseded by job ${job.supersededBy}, a later ${job.kind} run that finished; there is nothing to resume`);
    const given = this.checkRunSettings(job, settings);
    // Guarded by the state, so two processes resuming the same job at once do not both run it.
    const claimed = this.db
      .prepare(`UPDATE jobs SET state = 'queued', error = NULL, finished_at = NULL, owner = ? WHERE id = ? AND state IN ('interrupted', 'cancelled', 'failed')`)
      .run(ownerJson(), id);
    if (claimed.changes !== 1) throw notResumable(this.get(id).state);
    if (given) this.settings.set(id, given);
    this.enqueue(id);
    return id;
  }

  /** The settings given, refused (before anything is queued) where the kind does not take one or a value is out of its range. */
  private checkRunSettings(job: JobRecord, settings: RunSettings): RunSettings | null {
    const given = RUN_SETTING_NAMES.filter((k) => settings[k] !== undefined);
    if (given.length === 0) return null;
    const impl = jobRegistry[job.kind];
    if (!impl) throw new KurasiError('bad-request', `unknown job kind '${job.kind}'`);
    for (const k of given) if (!impl.runSettings?.includes(k)) throw new KurasiError('bad-request', `${job.kind} jobs have no '${k}' setting`);
    const checked = impl.params.safeParse(withRunSettings(job.params, settings));
    if (!checked.success) throw invalidParams(job.kind, checked.error.issues);
    return settings;
  }

  cancel(id: number): boolean {
    const r = this.running.get(id);
    if (r) {
      Atomics.store(r.cancelFlag, 0, 1);
      r.worker.postMessage({ type: 'cancel' });
      return true;
    }
    const i = this.queue.indexOf(id);
    if (i >= 0) {
      this.queue.splice(i, 1);
      this.finish(id, 'cancelled', null);
      return true;
    }
    return false;
  }

  get(id: number): JobRecord {
    const job = readJob(this.db, id, coveredBy);
    if (!job) throw notFound(`job ${id}`);
    return this.withLiveProgress(job);
  }

  list(limit = 50): JobRecord[] {
    // The jobs screen polls this while a job runs: one whose process died meanwhile turns resumable there.
    this.markStaleInterrupted();
    return listJobs(this.db, limit, coveredBy).map((j) => this.withLiveProgress(j));
  }

  /**
   * A job this runner is running, with the progress its last event gave: the stored row lags behind it, and a
   * screen that reloads the list between events would otherwise see its bar step back.
   */
  private withLiveProgress(job: JobRecord): JobRecord {
    const live = job.state === 'running' ? this.running.get(job.id)?.live : null;
    if (!live || live.done < job.done) return job;
    return { ...job, done: live.done, total: live.total, message: live.message };
  }

  /** Resolves when the job has ended (done, failed, cancelled). */
  wait(id: number): Promise<JobRecord> {
    const job = this.get(id);
    if (!['queued', 'running'].includes(job.state) || (!this.running.has(id) && !this.queue.includes(id)))
      return Promise.resolve(job);
    return new Promise((resolve) => {
      const list = this.waiters.get(id) ?? [];
      list.push(resolve);
      this.waiters.set(id, list);
    });
  }

  isBusy(): boolean {
    return this.active !== null || this.queue.length > 0;
  }

  /** Cancels running work and waits for workers to stop; the database stays consistent (batches are whole). */
  async close(): Promise<void> {
    this.closed = true;
    for (const id of this.queue.splice(0)) this.finish(id, 'interrupted', null);
    const pending = [...this.running.entries()].map(([id, r]) => {
      Atomics.store(r.cancelFlag, 0, 1);
      r.worker.postMessage({ type: 'cancel' });
      return this.wait(id);
    });
    await Promise.all(pending);
  }

  private enqueue(id: number): void {
    this.queue.push(id);
    this.emitProgress(this.get(id), 0, null);
    this.pump();
  }

  private pump(): void {
    if (this.active !== null || this.closed) return;
    const id = this.queue.shift();
    if (id === undefined) return;
    this.active = id;
    this.spawn(id);
  }

  private spawn(id: number): void {
    const job = this.get(id);
    const meter = createProgressMeter(Date.now(), job.done);
    const cancelBuffer = new SharedArrayBuffer(4);
    // The job's own connection checkpoints the WAL (the import defers it to its end, see import-job.ts). A commit on
    // this connection meanwhile would otherwise make *this* thread copy whatever the job has written so far.
    this.db.pragma('wal_autocheckpoint = 0');
    const settings = this.settings.get(id) ?? {};
    this.settings.delete(id);
    const worker = new Worker(workerPath('job'), { workerData: { dbPath: this.dbPath, jobId: id, cancelFlag: cancelBuffer, settings } });
    let finished = false;
    const running: Running = { worker, meter, cancelFlag: new Int32Array(cancelBuffer), live: null };
    this.running.set(id, running);
    worker.on('message', (m: FromJobWorker) => {
      if (m.type === 'progress') {
        running.live = { done: m.done, total: m.total, message: m.message };
        const { rate, etaMs } = meter.update(m.done, m.total, Date.now());
        this.events.emit('job-progress', {
          jobId: id,
          kind: job.kind,
          state: 'running',
          done: m.done,
          total: m.total,
          rate,
          etaMs,
          message: m.message,
          error: null,
        });
      } else {
        finished = true;
      }
    });
    worker.on('error', (e) => {
      this.db.prepare(`UPDATE jobs SET state = 'failed', error = ?, finished_at = ? WHERE id = ? AND state IN ('queued','running')`).run(
        e.message,
        new Date().toISOString(),
        id,
      );
    });
    worker.on('exit', () => {
      if (!finished) {
        // The worker died without reporting (crash, or terminated): record it so the job can be resumed.
        this.db
          .prepare(`UPDATE jobs SET state = 'failed', error = coalesce(error, 'the job worker stopped unexpectedly'), finished_at = ? WHERE id = ? AND state IN ('queued','running')`)
          .run(new Date().toISOString(), id);
      }
      this.running.delete(id);
      this.active = null;
      const record = this.get(id);
      this.emitProgress(record, 0, null);
      this.onJobEnd(record);
      for (const w of this.waiters.get(id) ?? []) w(record);
      this.waiters.delete(id);
      this.db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
      this.pump();
    });
  }

  private finish(id: number, state: JobState, error: string | null): void {
    this.settings.delete(id);
    this.db.prepare('UPDATE jobs SET state = ?, error = ?, finished_at = ? WHERE id = ?').run(state, error, new Date().toISOString(), id);
    const record = this.get(id);
    this.emitProgress(record, 0, null);
    for (const w of this.waiters.get(id) ?? []) w(record);
    this.waiters.delete(id);
  }

  private emitProgress(job: JobRecord, rate: number, etaMs: number | null): void {
    const p: JobProgress = {
      jobId: job.id,
      kind: job.kind,
      state: job.state,
      done: job.done,
      total: job.total,
      rate,
      etaMs,
      message: job.message,
      error: job.error,
    };
    this.events.emit('job-progress', p);
  }
}
