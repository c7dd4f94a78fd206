import type { Db } from '../store/open';
import { ownerLiveness } from '../jobs/owner';

/**
 * Bulk-load mode for a large first import: the non-unique indexes on `documents` are dropped while the rows go in
 * and built again in one pass each afterwards. UNIQUE indexes stay — `documents_source_external` is what makes a
 * re-import add nothing — so dropping never changes what a query or an insert returns, only how fast.
 *
 * Crash safety: the CREATE statements of the dropped indexes are written to `meta` in the same transaction as the
 * DROPs. Whoever finds that row later with its job no longer alive (openCorpus, the next import) creates the
 * missing indexes again and deletes the row in the transaction that creates the last of them.
 */
export const BULK_META_KEY = 'import_bulk_dropped_indexes';

/** As the job runner: a running job whose owner cannot be checked, without a heartbeat for this long, belonged to a process that died. */
const STALE_HEARTBEAT_MS = 15_000;

export interface IndexDef {
  name: string;
  sql: string;
}

interface DroppedIndexes {
  jobId: number;
  indexes: IndexDef[];
}

/** The indexes bulk mode may drop: every non-unique index on `documents`, read from the schema as it is now. */
export function droppableDocumentIndexes(db: Db): IndexDef[] {
  const all = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'documents' AND sql IS NOT NULL ORDER BY name`)
    .all() as IndexDef[];
  return all.filter((i) => !/^\s*CREATE\s+UNIQUE\s/iu.test(i.sql));
}

function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** sqlite_master keeps `CREATE [UNIQUE] INDEX name ON …`; the copy made again must not fail if it exists. */
function ifNotExists(sql: string): string {
  return sql.replace(/^\s*CREATE\s+(UNIQUE\s+)?INDEX\s+(?!IF\s+NOT\s+EXISTS\s)/iu, (_m, u: string | undefined) => `CREATE ${u ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS `);
}

export function pendingDroppedIndexes(db: Db): DroppedIndexes | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(BULK_META_KEY) as string | undefined;
  if (row === undefined) return null;
  try {
    const v = JSON.parse(row) as DroppedIndexes;
    return Array.isArray(v.indexes) ? v : { jobId: Number(v.jobId) || 0, indexes: [] };
  } catch {
    return { jobId: 0, indexes: [] };
  }
}

/**
 * Drops the droppable indexes and records them, atomically. Returns the dropped definitions (empty when there
 * was nothing to drop, or another bulk load's indexes are still missing).
 */
export function dropIndexesForBulkLoad(db: Db, jobId: number): IndexDef[] {
  return db.transaction(() => {
    if (pendingDroppedIndexes(db) !== null) return [];
    const indexes = droppableDocumentIndexes(db);
    if (indexes.length === 0) return [];
    db.prepare('INSERT INTO meta(key, value) VALUES (?, ?)').run(BULK_META_KEY, JSON.stringify({ jobId, indexes } satisfies DroppedIndexes));
    for (const i of indexes) db.exec(`DROP INDEX IF EXISTS ${quoteName(i.name)}`);
    return indexes;
  })();
}

/**
 * Creates every index a bulk load dropped (those that exist already are left alone) and clears the record.
 * Each index is its own transaction so `onIndex` can report progress (and keep a job's heartbeat fresh) between
 * them; the record goes with the last one, so a kill part-way leaves it for the next attempt.
 */
export function restoreDroppedIndexes(db: Db, onIndex: (done: number, total: number) => void = () => {}): number {
  const pending = pendingDroppedIndexes(db);
  if (pending === null) return 0;
  const { indexes } = pending;
  // CREATE INDEX sorts every row. With temp_store = MEMORY its spill files would be heap (the whole sorted key set,
  // tens of MB for a million rows, on top of the page cache); as files they stay in the OS page cache, outside RSS.
  const temp = db.pragma('temp_store', { simple: true }) as number;
  db.pragma('temp_store = FILE');
  try {
    for (let k = 0; k < indexes.length; k++) {
      const last = k === indexes.length - 1;
      db.transaction(() => {
        db.exec(ifNotExists(indexes[k]!.sql));
        if (last) db.prepare('DELETE FROM meta WHERE key = ?').run(BULK_META_KEY);
      })();
      onIndex(k + 1, indexes.length);
    }
    if (indexes.length === 0) db.prepare('DELETE FROM meta WHERE key = ?').run(BULK_META_KEY);
  } finally {
    db.pragma(`temp_store = ${temp}`);
  }
  return indexes.length;
}

/** Whether the job that dropped the indexes is still at work: running, in a live process (or with a recent heartbeat). */
function ownerAlive(db: Db, jobId: number): boolean {
  // `SELECT *`: this runs before migrations, on a corpus whose jobs table may not have the owner column yet.
  const job = db.prepare('SELECT *, coalesce(heartbeat_at, started_at, created_at) AS beat FROM jobs WHERE id = ?').get(jobId) as
    | { state: string; beat: string | null; owner?: string | null }
    | undefined;
  if (!job || job.state !== 'running') return false;
  const owner = ownerLiveness(job.owner);
  if (owner !== 'unknown') return owner === 'alive';
  if (job.beat === null) return false;
  return Date.now() - Date.parse(job.beat) < STALE_HEARTBEAT_MS;
}

/**
 * On opening a corpus, before its migrations: indexes left dropped by a bulk load whose job died (SIGKILL, power loss) are created again.
 * A live bulk load is left alone. Never fails the open: if the corpus is busy, the next open or import does it.
 */
export function recoverDroppedIndexes(db: Db, schemaVersion: number): void {
  try {
    // Before migrations run (a later one may change the indexes these statements recreate); never on a newer file.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < 1 || version > schemaVersion) return;
    const pending = pendingDroppedIndexes(db);
    if (pending === null || ownerAlive(db, pending.jobId)) return;
    restoreDroppedIndexes(db);
  } catch {
    // busy or read-only: left for the next writer that opens the corpus
  }
}
