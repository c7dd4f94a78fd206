import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { migrate } from './migrate';
import { migrations } from './migrations';
import { nativeBindingPath } from './native-binding';
import { recoverDroppedIndexes } from '../import/bulk-load';

export type Db = Database.Database;

export interface OpenOptions {
  /** Open an existing corpus without creating or migrating it. */
  readonly?: boolean;
  /** Fail instead of creating a new file. */
  mustExist?: boolean;
}

/**
 * Opens (creating and migrating if needed) a corpus file. WAL lets the UI read while a job writes;
 * busy_timeout makes the one-writer rule wait instead of failing.
 */
export function openCorpus(path: string, options: OpenOptions = {}): Db {
  const binding = nativeBindingPath();
  const db = new Database(path, {
    readonly: options.readonly ?? false,
    fileMustExist: options.mustExist ?? options.readonly ?? false,
    ...(binding ? { nativeBinding: binding } : {}),
  });
  try {
    db.pragma('busy_timeout = 10000');
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    if (options.readonly) {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > migrations.length) migrate(db, migrations, path);
    } else {
      recoverDroppedIndexes(db, migrations.length);
      migrate(db, migrations, path);
      db.prepare(`INSERT OR IGNORE INTO meta(key, value) VALUES ('corpus_id', ?), ('created_at', ?)`).run(
        randomUUID(),
        new Date().toISOString(),
      );
    }
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export function schemaVersion(): number {
  return migrations.length;
}

export function getMeta(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}
