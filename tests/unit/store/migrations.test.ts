import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCorpus } from '../../../electron/engine/store/open';
import { checkMigrationOrder, migrate, NewerDatabaseError } from '../../../electron/engine/store/migrate';
import { migrations } from '../../../electron/engine/store/migrations';
import type { Migration } from '../../../electron/engine/store/migration';
import { tempDbPath } from '../../helpers/temp';

describe('corpus store', () => {
  it('creates a WAL database with foreign keys on, at the latest schema version', () => {
    const path = tempDbPath();
    const db = openCorpus(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
    for (const t of ['sources', 'documents', 'jobs', 'audit_log', 'rejects', 'import_files', 'documents_fts'])
      expect(tables).toContain(t);
    db.close();
  });

  it('refuses a database written by a newer version and leaves it unchanged', () => {
    const path = tempDbPath();
    openCorpus(path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${migrations.length + 5}`);
    raw.close();
    expect(() => openCorpus(path)).toThrow(NewerDatabaseError);
    expect(() => openCorpus(path)).toThrow(/newer version of Kurasi/);
    const check = new Database(path);
    expect(check.pragma('user_version', { simple: true })).toBe(migrations.length + 5);
    check.close();
  });

  it('runs each migration in a transaction: a failing one leaves the previous version', () => {
    const db = new Database(tempDbPath());
    const list: Migration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE a(x)') },
      {
        version: 2,
        name: 'broken',
        up: (d) => {
          d.exec('CREATE TABLE b(x)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, list, 'test.db')).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'b'`).get()).toEqual({ n: 0 });
    db.close();
  });

  it('checks that migration versions increase one by one', () => {
    expect(() => checkMigrationOrder(migrations)).not.toThrow();
    const bad: Migration[] = [
      { version: 1, name: 'a', up: () => {} },
      { version: 3, name: 'c', up: () => {} },
    ];
    expect(() => checkMigrationOrder(bad)).toThrow(/expected 2/);
  });

  it('migrating twice is a no-op', () => {
    const path = tempDbPath();
    openCorpus(path).close();
    const db = openCorpus(path);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
  });
});
