import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BULK_META_KEY, dropIndexesForBulkLoad, droppableDocumentIndexes } from '../../../electron/engine/import/bulk-load';
import { REBUILDING_INDEXES } from '../../../electron/engine/import/import-job';
import { openCorpus, type Db } from '../../../electron/engine/store/open';
import { CLI, runKurasi } from '../../helpers/cli';
import { tempDbPath, tempDir } from '../../helpers/temp';
import { docs, importInThread } from './helpers';

/** Every index on documents (unique or not) as name → SQL, to compare before and after a bulk load. */
function documentIndexes(db: Database.Database): Record<string, string> {
  const rows = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'documents' AND sql IS NOT NULL`).all() as { name: string; sql: string }[];
  return Object.fromEntries(rows.map((r) => [r.name, r.sql]));
}

function freshIndexes(): Record<string, string> {
  const db = openCorpus(tempDbPath('reference.db'));
  try {
    return documentIndexes(db);
  } finally {
    db.close();
  }
}

function writeJsonl(path: string, n: number, from = 1): void {
  const lines: string[] = [];
  for (let i = from; i < from + n; i++) lines.push(JSON.stringify({ id: `d${i}`, text: `Dokumen nomor ${i} tentang kota ${i % 97} dan desa ${i % 13}.`, topik: i % 3 }));
  writeFileSync(path, lines.join('\n') + '\n');
}

async function writeBigJsonl(path: string, n: number): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 1; i <= n; i++) {
    const line = JSON.stringify({ id: `doc-${i}`, text: `Dokumen ke-${i} membahas irigasi sawah ${i % 101} dan sekolah dasar di kecamatan ${i % 37}. `.repeat(3) }) + '\n';
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function metaRow(db: Database.Database): string | undefined {
  return db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(BULK_META_KEY) as string | undefined;
}

describe('bulk-load mode', () => {
  beforeEach(() => {
    process.env.KURASI_IMPORT_BULK_BYTES = '0';
  });
  afterEach(() => {
    delete process.env.KURASI_IMPORT_BULK_BYTES;
  });

  it('a large first import drops the non-unique indexes, rebuilds every one of them, and imports the same rows', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.jsonl');
    writeJsonl(file, 25_000);
    const expected = freshIndexes();
    expect(Object.keys(expected).length).toBeGreaterThan(1);

    const messages: (string | null)[] = [];
    const bulkDb = join(dir, 'bulk.db');
    const run = await importInThread(bulkDb, { paths: [file], source: 's', idField: 'id' }, undefined, undefined, (m) => {
      if (m.type === 'progress') messages.push(m.message);
    });
    expect(run.state).toBe('done');
    expect(run.result).toMatchObject({ imported: 25_000, skipped: 0, rejected: 0 });
    expect(messages).toContain(REBUILDING_INDEXES);

    // The same file without bulk mode gives the same documents.
    process.env.KURASI_IMPORT_BULK_BYTES = String(Number.MAX_SAFE_INTEGER);
    const plainDb = join(dir, 'plain.db');
    const plainMessages: (string | null)[] = [];
    await importInThread(plainDb, { paths: [file], source: 's', idField: 'id' }, undefined, undefined, (m) => {
      if (m.type === 'progress') plainMessages.push(m.message);
    });
    expect(plainMessages).not.toContain(REBUILDING_INDEXES);

    const a = openCorpus(bulkDb);
    const b = openCorpus(plainDb);
    expect(documentIndexes(a)).toEqual(expected);
    expect(metaRow(a)).toBeUndefined();
    expect(a.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(docs(a)).toEqual(docs(b));
    expect(a.prepare(`SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'desa'`).pluck().get()).toBe(25_000);
    // The planner uses the rebuilt indexes.
    const plan = a.prepare('EXPLAIN QUERY PLAN SELECT id FROM documents WHERE text_hash = ?').all('x') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX/u);
    a.close();
    b.close();
  });

  it('re-importing into the same source adds nothing; bulk mode stays off when the corpus is large next to the import', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.jsonl');
    writeJsonl(file, 5_000);
    const path = join(dir, 'c.db');
    await importInThread(path, { paths: [file], source: 's', idField: 'id' });
    // A second, small file: the corpus already holds far more documents than 1 KB each of it would bring.
    const small = join(dir, 'b.jsonl');
    writeJsonl(small, 10, 1);
    const messages: (string | null)[] = [];
    const again = await importInThread(path, { paths: [small], source: 's', idField: 'id' }, undefined, undefined, (m) => {
      if (m.type === 'progress') messages.push(m.message);
    });
    expect(again.result).toMatchObject({ imported: 0, skipped: 10, rejected: 0 });
    expect(messages).not.toContain(REBUILDING_INDEXES);
    const db = openCorpus(path);
    expect(db.prepare('SELECT count(*), count(DISTINCT external_id) FROM documents').raw().get()).toEqual([5_000, 5_000]);
    expect(documentIndexes(db)).toEqual(freshIndexes());
    db.close();
  });

  it('a cancelled bulk import keeps its whole batches and gets its indexes back', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.jsonl');
    writeJsonl(file, 60_000);
    const path = join(dir, 'c.db');
    const ac = new AbortController();
    const run = await importInThread(path, { paths: [file], source: 's', idField: 'id' }, ac.signal, undefined, (m) => {
      if (m.type === 'progress' && m.done > 0 && m.message !== REBUILDING_INDEXES) ac.abort();
    });
    expect(run.state).toBe('cancelled');
    const db = openCorpus(path);
    expect(metaRow(db)).toBeUndefined();
    expect(documentIndexes(db)).toEqual(freshIndexes());
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const n = db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    expect(n).toBeLessThan(60_000);
    expect(n).toBeGreaterThan(0);
    expect(db.prepare('SELECT document_count FROM sources').pluck().get()).toBe(n);
    db.close();
  });

  it('indexes left dropped by a dead job come back on the next open; a live job is left alone', () => {
    const path = tempDbPath();
    const expected = freshIndexes();
    let db: Db = openCorpus(path);
    const now = new Date().toISOString();
    const live = Number(db.prepare(`INSERT INTO jobs(kind, state, params, created_at, started_at, heartbeat_at) VALUES ('import', 'running', '{}', ?, ?, ?)`).run(now, now, now).lastInsertRowid);
    const droppable = droppableDocumentIndexes(db).map((d) => d.name);
    const dropped = dropIndexesForBulkLoad(db, live);
    expect(dropped.map((d) => d.name)).toEqual(droppable);
    expect(droppable).toContain('documents_text_hash');
    expect(Object.keys(documentIndexes(db)).length).toBe(Object.keys(expected).length - dropped.length);
    // UNIQUE indexes are constraints: never dropped.
    expect(documentIndexes(db).documents_source_external).toBeDefined();
    // A second bulk load while the first one's indexes are missing drops nothing more.
    expect(dropIndexesForBulkLoad(db, live)).toEqual([]);
    db.close();

    db = openCorpus(path);
    expect(Object.keys(documentIndexes(db)).length).toBe(Object.keys(expected).length - dropped.length);
    expect(metaRow(db)).toBeDefined();
    // The job's process died: its heartbeat stops.
    db.prepare(`UPDATE jobs SET heartbeat_at = ? WHERE id = ?`).run(new Date(Date.now() - 60_000).toISOString(), live);
    db.close();

    db = openCorpus(path);
    expect(documentIndexes(db)).toEqual(expected);
    expect(metaRow(db)).toBeUndefined();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('SIGKILL during bulk mode: reopen restores the indexes; a re-run finds every document exactly once', async () => {
    const dir = tempDir();
    const file = join(dir, 'besar.jsonl');
    const N = 150_000;
    await writeBigJsonl(file, N);
    const db = join(dir, 'corpus.db');
    const expected = freshIndexes();
    const child = spawn(process.execPath, [CLI, 'import', file, '--db', db, '--json'], { stdio: 'ignore', env: { ...process.env, KURASI_IMPORT_BULK_BYTES: '0' } });
    const exited = once(child, 'exit');
    let committed = 0;
    let bulk = false;
    const started = Date.now();
    while ((committed === 0 || !bulk) && Date.now() - started < 60_000) {
      await new Promise((r) => setTimeout(r, 25));
      try {
        const peek = new Database(db, { readonly: true, fileMustExist: true });
        try {
          committed = peek.prepare('SELECT count(*) FROM documents').pluck().get() as number;
          bulk = metaRow(peek) !== undefined;
        } finally {
          peek.close();
        }
      } catch {
        // not created or not migrated yet
      }
    }
    child.kill('SIGKILL');
    const [, signal] = await exited;
    expect(signal).toBe('SIGKILL');
    expect(bulk).toBe(true);
    expect(committed).toBeGreaterThan(0);

    const raw = new Database(db);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(metaRow(raw)).toBeDefined();
    expect(Object.keys(documentIndexes(raw)).length).toBeLessThan(Object.keys(expected).length);
    const [docsAfterKill, counted] = raw.prepare('SELECT (SELECT count(*) FROM documents), (SELECT document_count FROM sources)').raw().get() as [number, number];
    expect(docsAfterKill).toBeLessThan(N);
    expect(counted).toBe(docsAfterKill);
    // Some time later (the killed job's heartbeat is stale), on a copy: opening the corpus is enough.
    raw.prepare(`UPDATE jobs SET heartbeat_at = ? WHERE state = 'running'`).run(new Date(Date.now() - 60_000).toISOString());
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const copy = join(dir, 'copy.db');
    copyFileSync(db, copy);
    if (existsSync(db + '-wal')) copyFileSync(db + '-wal', copy + '-wal');
    const reopened = openCorpus(copy);
    expect(documentIndexes(reopened)).toEqual(expected);
    expect(metaRow(reopened)).toBeUndefined();
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.close();

    // Re-running the import (as the user would) on the killed corpus.
    const rerun = await runKurasi(['import', file, '--db', db, '--json'], { env: { KURASI_IMPORT_BULK_BYTES: '0' } });
    expect(rerun.code).toBe(0);
    const out = JSON.parse(rerun.stdout) as { imported: number; skipped: number; rejected: number };
    expect(out.imported + out.skipped).toBe(N);
    expect(out.skipped).toBe(docsAfterKill);
    expect(out.rejected).toBe(0);

    const after = new Database(db, { readonly: true });
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(after.prepare('SELECT count(*), count(DISTINCT external_id) FROM documents').raw().get()).toEqual([N, N]);
    expect(after.prepare(`SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'irigasi'`).pluck().get()).toBe(N);
    expect(after.prepare('SELECT document_count FROM sources').pluck().get()).toBe(N);
    expect(documentIndexes(after)).toEqual(expected);
    expect(metaRow(after)).toBeUndefined();
    after.close();
  }, 240_000);
});
