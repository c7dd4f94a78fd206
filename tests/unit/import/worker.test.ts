import { execSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCorpus } from '../../../electron/engine/store/open';
import { tempDbPath, tempDir } from '../../helpers/temp';
import { docs, fixture, importInThread, lateFailure, lateFailureError, snapshot } from './helpers';

// The same imports with every file parsed in the prepare worker thread (normally only files of 8 MB and up).
beforeAll(() => {
  execSync('npm run build:node --silent');
  process.env.KURASI_IMPORT_WORKER_BYTES = '0';
});
afterAll(() => {
  delete process.env.KURASI_IMPORT_WORKER_BYTES;
});

describe('import through the prepare worker', () => {
  it('imports CSV, folders and gz with the same ids, texts and rejects as in-thread', async () => {
    const path = tempDbPath();
    const run = await importInThread(path, { paths: [fixture('folder'), fixture('bad', 'malformed.jsonl')], source: 'w' });
    expect(run.state).toBe('done');
    expect(run.result).toMatchObject({ files: 5, imported: 7, rejected: 2 });
    expect(run.result.rejects.map((r) => `${r.file}:${r.line}`)).toEqual(['malformed.jsonl:2', 'malformed.jsonl:4']);
    const db = openCorpus(path);
    expect(docs(db).map((r) => r.external_id)).toEqual(['a.jsonl:1', 'b.txt:1', 'sub/c.csv:2', 'sub/d.jsonl:1', 'sub/d.jsonl:2', 'malformed.jsonl:1', 'malformed.jsonl:3']);
    const again = await importInThread(path, { paths: [fixture('good.csv')], textField: 'teks', idField: 'kode' });
    expect(again.result).toMatchObject({ imported: 3 });
    expect(docs(db).slice(-3).map((r) => r.text)).toEqual(['Baris pertama\nbaris kedua', 'Dia berkata "halo", lalu pergi.', 'Kalimat tanpa tanda kutip']);
    db.close();
  });

  it('a file that breaks inside the worker fails the job and leaves the corpus unchanged', async () => {
    const path = tempDbPath();
    await importInThread(path, { paths: [fixture('good.jsonl')], source: 'same' });
    const db = openCorpus(path);
    const before = snapshot(db);
    const run = await importInThread(path, { paths: [fixture('good.tsv'), lateFailure(tempDir())], source: 'same' });
    expect(run.state).toBe('failed');
    expect(run.error).toMatch(lateFailureError());
    expect(snapshot(db)).toBe(before);
    db.close();
  });
});
