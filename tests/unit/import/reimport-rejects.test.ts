import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRejects } from '../../../electron/engine/corpus/rejects';
import { openCorpus, type Db } from '../../../electron/engine/store/open';
import { tempDbPath, tempDir } from '../../helpers/temp';
import { fixture, importInThread, lateFailure, lateFailureError, NOT_GZIP, snapshot } from './helpers';

/** A folder with a plain file and a "*.gz" that is plain text: the second is one reject without a line. */
function folderWithNotGzip(): string {
  const dir = join(tempDir(), 'unduhan');
  mkdirSync(dir);
  writeFileSync(join(dir, 'a.jsonl'), '{"text":"Kemarin saya pergi ke pasar."}\n');
  writeFileSync(join(dir, 'b.jsonl.gz'), '{"text":"Ini teks biasa, bukan gzip."}\n');
  return dir;
}

/** The same files copied into a fresh folder, as an upload through the browser does each time. */
function uploadCopy(...files: string[]): string[] {
  const dir = tempDir('kurasi-upload-');
  return files.map((f) => {
    const to = join(dir, f.split(/[\\/]/u).pop()!);
    copyFileSync(f, to);
    return to;
  });
}

function rejectRows(db: Db): { job_id: number; file: string; line: number | null; reason: string }[] {
  return db.prepare('SELECT job_id, file, line, reason FROM rejects ORDER BY id').all() as { job_id: number; file: string; line: number | null; reason: string }[];
}

function counts(db: Db): { document_count: number; reject_count: number } {
  return db.prepare('SELECT document_count, reject_count FROM sources').get() as { document_count: number; reject_count: number };
}

describe('re-importing the same input does not add its rejects again', () => {
  it('a file named .gz that is not gzip data: one reject however often the folder is imported', async () => {
    const path = tempDbPath();
    const params = { paths: [folderWithNotGzip()], source: 'unduhan' };
    const first = await importInThread(path, params);
    expect(first.result).toMatchObject({ imported: 1, rejected: 1 });
    for (let i = 0; i < 2; i++) {
      const again = await importInThread(path, params);
      expect(again.state).toBe('done');
      // What this run found is reported as found: the file was refused again.
      expect(again.result).toMatchObject({ imported: 0, skipped: 1, rejected: 1, rejects: [{ file: 'b.jsonl.gz', line: null, reason: NOT_GZIP }] });
      const db = openCorpus(path);
      expect(rejectRows(db)).toEqual([{ job_id: again.jobId, file: 'b.jsonl.gz', line: null, reason: NOT_GZIP }]);
      expect(counts(db)).toEqual({ document_count: 1, reject_count: 1 });
      // The rejects list of the latest import shows it; the earlier import's list no longer holds a copy.
      expect(listRejects(db, { jobId: again.jobId, offset: 0, limit: 10 }).total).toBe(1);
      expect(listRejects(db, { jobId: first.jobId, offset: 0, limit: 10 }).total).toBe(0);
      expect(listRejects(db, { offset: 0, limit: 10 }).total).toBe(1);
      db.close();
    }
  });

  it('line rejects (bad JSON line, wrong column count) of a file read again are kept once', async () => {
    const path = tempDbPath();
    const bad = [fixture('bad', 'malformed.jsonl'), fixture('bad', 'malformed.csv')];
    // Each upload puts the file in a new folder: the path differs, so it is read again (ids are found present).
    const first = await importInThread(path, { paths: uploadCopy(...bad), source: 'unggahan' });
    expect(first.result).toMatchObject({ imported: 4, skipped: 0, rejected: 4 });
    const db = openCorpus(path);
    const once = rejectRows(db).map((r) => ({ ...r, job_id: 0 }));
    expect(once.map((r) => `${r.file}:${r.line}`)).toEqual(['malformed.jsonl:2', 'malformed.jsonl:4', 'malformed.csv:3', 'malformed.csv:4']);
    const again = await importInThread(path, { paths: uploadCopy(...bad), source: 'unggahan' });
    expect(again.result).toMatchObject({ imported: 0, skipped: 4, rejected: 4 });
    expect((again.result.rejects as { file: string; line: number | null }[]).map((r) => `${r.file}:${r.line}`)).toEqual(once.map((r) => `${r.file}:${r.line}`));
    expect(rejectRows(db)).toEqual(once.map((r) => ({ ...r, job_id: again.jobId })));
    expect(counts(db)).toEqual({ document_count: 4, reject_count: 4 });
    // Each file's import_files row counts what its own read found.
    expect(db.prepare(`SELECT rejected FROM import_files WHERE job_id = ? ORDER BY id`).pluck().all(again.jobId)).toEqual([2, 2]);
    db.close();
  });

  it('a file read another way and then the first way again keeps each line reject once', async () => {
    const path = tempDbPath();
    const file = fixture('bad', 'malformed.jsonl');
    const runs = [{}, { maxRecordBytes: 500_000 }, {}];
    for (const extra of runs) {
      const run = await importInThread(path, { paths: [file], source: 's', ...extra });
      // Read every time: the latest finished read of the file used other options.
      expect(run.result).toMatchObject({ rejected: 2 });
    }
    const db = openCorpus(path);
    expect(rejectRows(db).map((r) => `${r.file}:${r.line}`)).toEqual(['malformed.jsonl:2', 'malformed.jsonl:4']);
    expect(counts(db)).toEqual({ document_count: 2, reject_count: 2 });
    db.close();
  });

  it('a re-import that fails gives the rejects it found again back to the import that found them first', async () => {
    const path = tempDbPath();
    const dir = folderWithNotGzip();
    await importInThread(path, { paths: [dir], source: 'unduhan' });
    const db = openCorpus(path);
    const before = snapshot(db);
    // A file that fails after the probe, so only after b.jsonl.gz's reject was committed again.
    const run = await importInThread(path, { paths: [dir, lateFailure(tempDir(), 'z-terlambat.jsonl')], source: 'unduhan' });
    expect(run.state).toBe('failed');
    expect(run.error).toMatch(lateFailureError('z-terlambat.jsonl'));
    expect(snapshot(db)).toBe(before);
    expect(counts(db)).toEqual({ document_count: 1, reject_count: 1 });
    db.close();
  });
});
