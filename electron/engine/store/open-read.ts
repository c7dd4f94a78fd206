import Database from 'better-sqlite3';
import { accessSync, chmodSync, constants, copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { NewerDatabaseError, OlderDatabaseError } from './migrate';
import { migrations } from './migrations';
import { nativeBindingPath } from './native-binding';
import type { Db } from './open';

/** How openCorpusForReading reached the corpus (tests check it; nothing else depends on it). */
export type ReadAccess = 'shared' | 'query-only' | 'private-copy';

const access = new WeakMap<Db, ReadAccess>();

export function readAccessOf(db: Db): ReadAccess | undefined {
  return access.get(db);
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function connect(path: string, readonly: boolean): Db {
  const binding = nativeBindingPath();
  return new Database(path, { readonly, fileMustExist: true, ...(binding ? { nativeBinding: binding } : {}) });
}

/**
 * Opens an existing corpus for a command that only reads (stats, lists, previews). It works on a corpus the user
 * may not write to (a read-only file or folder, a read-only mount), and it writes nothing in any case: no
 * migration (a corpus at an older schema is refused with OlderDatabaseError), no meta rows, no job rows, and no
 * -wal/-shm files left next to the corpus that were not there before.
 *
 * - A -wal and a -shm are there (the app or a job has the corpus open): a read-only connection uses them.
 * - No -wal, and the file and its folder are writable: a normal connection under `PRAGMA query_only`, on which
 *   SQLite refuses every write. WAL mode makes it create the -wal/-shm, and as the last connection it removes them
 *   on close, as every other open of the corpus does.
 * - Otherwise (a read-only file or folder): SQLite cannot read a WAL-mode database without a -shm next to it (only
 *   the `immutable` URI parameter avoids that, and better-sqlite3 is built without URI file names: its
 *   deps/defines.gypi sets SQLITE_USE_URI=0 and it opens without SQLITE_OPEN_URI, so a `file:...` name is taken as
 *   a plain path. `PRAGMA compile_options` still lists USE_URI, because SQLite reports that option whenever the
 *   symbol is defined, whatever its value. `locking_mode = EXCLUSIVE`, which avoids the -shm, needs a write lock the
 *   read-only file cannot take, and a symlink in a temp folder does not help: SQLite resolves it). Created next to
 *   a read-only file, the -wal/-shm would stay behind with its read-only mode and block the next writer; in a
 *   read-only folder they cannot be created at all. So the corpus (with its -wal, if any) is copied into a private
 *   temporary folder and read there; close() deletes the copy. No one can be writing to it meanwhile: a writer
 *   would have left a -shm.
 */
export function openCorpusForReading(path: string): Db {
  const abs = resolve(path);
  const wal = `${abs}-wal`;
  const shm = `${abs}-shm`;
  let db: Db | null = null;
  let how: ReadAccess = 'private-copy';
  if (existsSync(wal) && existsSync(shm)) {
    try {
      db = connect(abs, true);
      // The connection is lazy: the first read opens the -wal/-shm, so a failure to share them shows here.
      db.pragma('user_version', { simple: true });
      how = 'shared';
    } catch {
      db?.close();
      db = null;
    }
  } else if (!existsSync(wal) && writable(abs) && writable(dirname(abs))) {
    db = connect(abs, false);
    how = 'query-only';
  }
  if (db === null) db = privateCopy(abs);
  access.set(db, how);
  try {
    db.pragma('query_only = ON');
    db.pragma('busy_timeout = 10000');
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > migrations.length) throw new NewerDatabaseError(path, version, migrations.length);
    if (version < migrations.length) throw new OlderDatabaseError(path, version, migrations.length);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * A connection to a copy of the corpus in a temporary folder of its own, removed when it is closed.
 * The copy is writable (it keeps the original's mode otherwise), so SQLite can replay a copied -wal into it.
 */
function privateCopy(abs: string): Db {
  const dir = mkdtempSync(join(tmpdir(), 'kurasi-read-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const copy = join(dir, basename(abs));
    copyFileSync(abs, copy);
    chmodSync(copy, 0o600);
    if (existsSync(`${abs}-wal`)) {
      copyFileSync(`${abs}-wal`, `${copy}-wal`);
      chmodSync(`${copy}-wal`, 0o600);
    }
    const db = connect(copy, false);
    const close = db.close.bind(db);
    process.once('exit', remove);
    db.close = () => {
      try {
        return close();
      } finally {
        process.off('exit', remove);
        remove();
      }
    };
    return db;
  } catch (e) {
    remove();
    throw e;
  }
}
