import { openCorpus, type Db } from '../store/open';
import { CancelledError } from '../errors';
import { jobRegistry } from './registry';
import { withRunSettings, type FromJobWorker, type JobContext, type RunSettings } from './types';

const PROGRESS_EVERY_MS = 100;
const HEARTBEAT_EVERY_MS = 1000;

interface JobRow {
  kind: string;
  params: string;
  checkpoint: string | null;
}

/**
 * Runs a job to its end in the current thread; the job worker calls this, so do tests of job bodies. `settings` are
 * the run settings a resume gave for this run, laid over the stored parameters.
 */
export async function runJobInThisThread(
  dbPath: string,
  jobId: number,
  signal: AbortSignal,
  send: (m: FromJobWorker) => void,
  cancelRequested: () => boolean = () => signal.aborted,
  settings: RunSettings = {},
): Promise<Extract<FromJobWorker, { type: 'finished' }>> {
  let db: Db | null = null;
  // The latest progress, written when the job ends too: the heartbeat writes it only once a second.
  let latest: { done: number; total: number | null } = { done: 0, total: null };
  try {
    db = openCorpus(dbPath, { mustExist: true });
    const row = db.prepare('SELECT kind, params, checkpoint FROM jobs WHERE id = ?').get(jobId) as JobRow | undefined;
    if (!row) throw new Error(`job ${jobId} not found`);
    const impl = jobRegistry[row.kind];
    if (!impl) throw new Error(`unknown job kind '${row.kind}'`);
    const params: unknown = impl.params.parse(withRunSettings(JSON.parse(row.params), settings));
    const now = () => new Date().toISOString();
    db.prepare(`UPDATE jobs SET state = 'running', started_at = coalesce(started_at, ?), heartbeat_at = ?, error = NULL WHERE id = ?`).run(
      now(),
      now(),
      jobId,
    );

    const conn = db;
    const setProgress = conn.prepare('UPDATE jobs SET done = ?, total = ?, message = ?, heartbeat_at = ? WHERE id = ?');
    let lastSent = 0;
    let lastBeat = 0;
    const ctx: JobContext<unknown> = {
      db: conn,
      dbPath,
      jobId,
      params,
      signal,
      checkpoint: row.checkpoint === null ? null : (JSON.parse(row.checkpoint) as unknown),
      throwIfCancelled() {
        if (cancelRequested()) throw new CancelledError();
      },
      progress(done, total, message) {
        cancelRequested();
        latest = { done, total };
        const t = Date.now();
        if (t - lastSent >= PROGRESS_EVERY_MS || (total !== null && done >= total)) {
          lastSent = t;
          send({ type: 'progress', done, total, message: message ?? null });
        }
        if (t - lastBeat >= HEARTBEAT_EVERY_MS) {
          lastBeat = t;
          setProgress.run(done, total, message ?? null, now(), jobId);
        }
      },
      saveCheckpoint(value) {
        conn.prepare('UPDATE jobs SET checkpoint = ? WHERE id = ?').run(JSON.stringify(value), jobId);
      },
    };
    const result = await impl.run(ctx);
    conn
      .prepare(`UPDATE jobs SET state = 'done', result = ?, finished_at = ?, done = max(done, ?), total = coalesce(?, total, ?) WHERE id = ?`)
      .run(JSON.stringify(result ?? null), now(), latest.done, latest.total, latest.done, jobId);
    return { type: 'finished', state: 'done', result: result ?? null, error: null };
  } catch (e) {
    const cancelled = e instanceof CancelledError || signal.aborted;
    const message = e instanceof Error ? e.message : String(e);
    try {
      db?.prepare('UPDATE jobs SET state = ?, error = ?, finished_at = ?, done = max(done, ?) WHERE id = ?').run(
        cancelled ? 'cancelled' : 'failed',
        cancelled ? null : message,
        new Date().toISOString(),
        latest.done,
        jobId,
      );
    } catch {
      // the runner records the failure if the database itself is the problem
    }
    return cancelled
      ? { type: 'finished', state: 'cancelled', result: null, error: null }
      : { type: 'finished', state: 'failed', result: null, error: message };
  } finally {
    try {
      // Whatever the job left in the WAL is copied back here, in the job's thread, not by the main thread's next commit.
      db?.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // a busy or broken database: the next checkpoint does it
    }
    db?.close();
  }
}
