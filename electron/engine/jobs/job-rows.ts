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

/** States a job can be resumed from (unless a later run superseded it). */
export const RESUMABLE_STATES: readonly JobState[] = ['interrupted', 'cancelled', 'failed'];

/** Whether a later job of `kind` that finished did all an earlier, unfinished one would still do. */
export type CoveredBy = (kind: string, earlier: unknown, later: unknown) => boolean;

function toRecord(r: Row, supersededBy: number | null): JobRecord {
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
    supersededBy,
  };
}

const COLUMNS = 'id, kind, state, params, done, total, message, result, error, created_at, started_at, finished_at';

/**
 * The first job that supersedes `r`, among the earliest finished job of its kind per parameter text after it
 * (`later`). A list has hundreds of jobs but only a few distinct parameters: each pair is judged once (`memo`).
 */
function supersededBy(r: Row, later: Iterable<[string, number]>, coveredBy: CoveredBy, memo: Map<string, boolean>): number | null {
  if (!RESUMABLE_STATES.includes(r.state)) return null;
  let by: number | null = null;
  for (const [params, id] of later) {
    if (by !== null && id > by) continue;
    const key = `${r.kind}\u0000${r.params}\u0000${params}`;
    let covers = memo.get(key);
    if (covers === undefined) memo.set(key, (covers = coveredBy(r.kind, JSON.parse(r.params), JSON.parse(params))));
    if (covers) by = id;
  }
  return by;
}

export function readJob(db: Db, id: number, coveredBy: CoveredBy): JobRecord | null {
  const r = db.prepare(`SELECT ${COLUMNS} FROM jobs WHERE id = ?`).get(id) as Row | undefined;
  if (!r) return null;
  const later = RESUMABLE_STATES.includes(r.state)
    ? (db.prepare(`SELECT params, min(id) AS id FROM jobs WHERE kind = ? AND id > ? AND state = 'done' GROUP BY params`).all(r.kind, r.id) as {
        params: string;
        id: number;
      }[])
    : [];
  return toRecord(r, supersededBy(r, later.map((l): [string, number] => [l.params, l.id]), coveredBy, new Map()));
}

export function listJobs(db: Db, limit: number, coveredBy: CoveredBy): JobRecord[] {
  const rows = db.prepare(`SELECT ${COLUMNS} FROM jobs ORDER BY id DESC LIMIT ?`).all(limit) as Row[];
  // Newest first: per kind and parameter text, the finished job seen last is the earliest one after the rows still to come.
  const earliestLater = new Map<string, Map<string, number>>();
  const memo = new Map<string, boolean>();
  return rows.map((r) => {
    const record = toRecord(r, supersededBy(r, earliestLater.get(r.kind) ?? [], coveredBy, memo));
    if (r.state === 'done') {
      const byParams = earliestLater.get(r.kind) ?? new Map<string, number>();
      byParams.set(r.params, r.id);
      earliestLater.set(r.kind, byParams);
    }
    return record;
  });
}
