import type { Database } from 'better-sqlite3';
import type { Migration } from './migration';

export class NewerDatabaseError extends Error {
  constructor(path: string, found: number, known: number) {
    super(
      `${path} was written by a newer version of Kurasi (schema ${found}; this version knows up to ${known}). ` +
        'Update Kurasi to open it; the file was not changed.',
    );
    this.name = 'NewerDatabaseError';
  }
}

/** A corpus at an older schema, met by a read-only open: migrating it would be a write, so it is refused instead. */
export class OlderDatabaseError extends Error {
  constructor(path: string, found: number, known: number) {
    super(
      found === 0
        ? `${path} is not a Kurasi corpus (it has no Kurasi schema); the file was not changed.`
        : `${path} needs a migration (corpus schema ${found}; this version of Kurasi uses ${known}), which a read-only command ` +
            'does not do. Open it once, with write access to the file and its folder, in the Kurasi app or with a command that ' +
            'writes to it (e.g. kurasi serve --db <file>); the file was not changed.',
    );
    this.name = 'OlderDatabaseError';
  }
}

export function checkMigrationOrder(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
}

/** Brings the schema to the latest version, one migration per transaction. Returns the final version. */
export function migrate(db: Database, list: readonly Migration[], path: string): number {
  checkMigrationOrder(list);
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > list.length) throw new NewerDatabaseError(path, current, list.length);
  for (const m of list.slice(current)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return list.length;
}
