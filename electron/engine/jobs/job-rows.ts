import type { JobRecord, JobState } from '../../../shared/contract/jobs';
import type { Db } from '../store/open';

interface Row {
  id: number;
  kind: string;
  state: JobState;
  params: string;
  done: number;
  total: number | null;
  message: string | null;
  result: string | null;
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

function toRecord(r: Row): JobRecord {
  return {
    id: r.id,
    kind: r.kind,
    state: r.state,
    params: JSON.parse(r.params) as unknown,
    done: r.done,
    total: r.total,
    message: r.message,
    result: r.result === null ? null : (JSON.parse(r.result) as unknown),
    error: r.error,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

const COLUMNS = 'id, kind, state, params, done, total, message, result, error, created_at, started_at, finished_at';

export function readJob(db: Db, id: number): JobRecord | null {
  const r = db.prepare(`SELECT ${COLUMNS} FROM jobs WHERE id = ?`).get(id) as Row | undefined;
  return r ? toRecord(r) : null;
}

export function listJobs(db: Db, limit: number): JobRecord[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM jobs ORDER BY id DESC LIMIT ?`).all(limit) as Row[]).map(toRecord);
}
