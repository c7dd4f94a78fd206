import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCorpus } from '../../../electron/engine/store/open';
import { openCorpusForReading, readAccessOf } from '../../../electron/engine/store/open-read';
import { OlderDatabaseError } from '../../../electron/engine/store/migrate';
import { migrations } from '../../../electron/engine/store/migrations';
import { corpusFingerprint, seedCorpus } from '../../helpers/corpus';
import { tempDbPath } from '../../helpers/temp';

function corpusOnDisk(): string {
  const { path, db } = seedCorpus([{ text: 'Kemarin saya pergi ke pasar.' }, { text: 'Hari ini hujan deras sekali.' }]);
  db.close();
  return path;
}

const count = (db: Database.Database) => (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;

describe('opening a corpus for a command that only reads', () => {
  it('reads a writable corpus, refuses writes, and leaves the file and its folder exactly as they were', () => {
    const path = corpusOnDisk();
    const before = corpusFingerprint(path);
    expect(before.folder).toEqual(['corpus.db']);
    const db = openCorpusForReading(path);
    expect(readAccessOf(db)).toBe('query-only');
    expect(count(db)).toBe(2);
    expect(() => db.prepare(`INSERT INTO meta(key, value) VALUES ('x', 'y')`).run()).toThrow(/readonly/);
    db.close();
    expect(corpusFingerprint(path)).toEqual(before);
  });

  it('reads a read-only corpus in a read-only folder without writing anything there', () => {
    const path = corpusOnDisk();
    const before = corpusFingerprint(path);
    chmodSync(path, 0o444);
    chmodSync(dirname(path), 0o555);
    try {
      const db = openCorpusForReading(path);
      // Root may write anyway (permissions do not bind it) and gets the query-only connection; anyone else a private copy.
      expect(readAccessOf(db)).toBe(process.getuid?.() === 0 ? 'query-only' : 'private-copy');
      expect(count(db)).toBe(2);
      expect(() => db.prepare(`INSERT INTO meta(key, value) VALUES ('x', 'y')`).run()).toThrow(/readonly/);
      db.close();
    } finally {
      chmodSync(dirname(path), 0o755);
      chmodSync(path, 0o644);
    }
    expect(corpusFingerprint(path)).toEqual(before);
  });

  it('shares the -wal of a corpus another connection has open, and sees what it committed', () => {
    const path = corpusOnDisk();
    const writer = openCorpus(path);
    writer.pragma('wal_autocheckpoint = 0');
    writer.prepare(`UPDATE documents SET text = 'diubah' WHERE id = 1`).run();
    const db = openCorpusForReading(path);
    expect(readAccessOf(db)).toBe('shared');
    expect(db.prepare('SELECT text FROM documents WHERE id = 1').pluck().get()).toBe('diubah');
    db.close();
    writer.close();
  });

  it('reads a corpus left with a -wal but no -shm (a copied or crashed corpus) from a private copy, WAL included', () => {
    const path = corpusOnDisk();
    const writer = openCorpus(path);
    writer.pragma('wal_autocheckpoint = 0');
    writer.prepare(`UPDATE documents SET text = 'hanya di WAL' WHERE id = 2`).run();
    // The corpus as a backup tool would copy it while the app had it open: the file and its -wal, no -shm.
    const copied = tempDbPath();
    copyFileSync(path, copied);
    copyFileSync(`${path}-wal`, `${copied}-wal`);
    writer.close();
    const before = corpusFingerprint(copied);
    const walBefore = readFileSync(`${copied}-wal`);
    const db = openCorpusForReading(copied);
    expect(readAccessOf(db)).toBe('private-copy');
    expect(db.prepare('SELECT text FROM documents WHERE id = 2').pluck().get()).toBe('hanya di WAL');
    db.close();
    expect(corpusFingerprint(copied)).toEqual(before);
    expect(readFileSync(`${copied}-wal`).equals(walBefore)).toBe(true);
    expect(before.folder).toEqual(['corpus.db', 'corpus.db-wal']);
  });

  it('does not migrate a corpus at an older schema: it says the corpus needs a migration and leaves it unchanged', () => {
    const path = corpusOnDisk();
    const raw = new Database(path);
    raw.pragma(`user_version = ${migrations.length - 1}`);
    raw.close();
    const before = corpusFingerprint(path);
    expect(() => openCorpusForReading(path)).toThrow(OlderDatabaseError);
    expect(() => openCorpusForReading(path)).toThrow(
      new RegExp(`needs a migration \\(corpus schema ${migrations.length - 1}; this version of Kurasi uses ${migrations.length}\\)`),
    );
    expect(corpusFingerprint(path)).toEqual(before);
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(migrations.length - 1);
    check.close();
  });

  it('says a file without a Kurasi schema is not a corpus', () => {
    const path = tempDbPath('leer.db');
    new Database(path).close();
    expect(() => openCorpusForReading(path)).toThrow(/is not a Kurasi corpus/);
  });
});
