import Database from 'better-sqlite3';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../../electron/engine/engine';
import { openCorpus } from '../../../electron/engine/store/open';
import { tempDbPath, tempDir } from '../../helpers/temp';

let engine: Engine | null = null;
afterEach(async () => {
  await engine?.close();
  engine = null;
  delete process.env.KURASI_IMPORT_WAL_PAGES;
});

/** A 25 MB JSONL file: 40,000 documents of ~600 bytes. */
function bigFile(): { file: string; size: number } {
  const file = join(tempDir(), 'docs.jsonl');
  const lines: string[] = [];
  for (let i = 0; i < 40_000; i++) lines.push(JSON.stringify({ id: `d${i}`, text: `Dokumen ${i} tentang ${'kota dan desa di pesisir pantai '.repeat(18)}${i % 13}.` }));
  writeFileSync(file, lines.join('\n') + '\n');
  const size = statSync(file).size;
  expect(size).toBeGreaterThan(20 << 20);
  return { file, size };
}

describe('WAL checkpoints during an import', () => {
  it('the import checkpoints at its end, not per commit, and the main connection never checkpoints while a job runs', async () => {
    const { file, size } = bigFile();

    const dbPath = tempDbPath();
    engine = openEngine({ dbPath, actor: 't' });
    const e = engine;
    expect(e.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    const seen = new Set<unknown>();
    e.events.on('job-progress', (p) => {
      if (p.state === 'running') seen.add(e.db.pragma('wal_autocheckpoint', { simple: true }));
    });
    const job = await e.jobs.wait(e.jobs.start('import', { paths: [file], idField: 'id' }));
    expect(job.state).toBe('done');
    expect(seen).toEqual(new Set([0]));
    expect(e.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);

    // Every row went through the WAL without a checkpoint resetting it (with one per commit it would stay near
    // 1,000 pages + one batch, about 10 MB), and the job's own checkpoint at its end copied all of it back (nothing is
    // left for the next commit on the main connection to copy).
    expect(statSync(`${dbPath}-wal`).size).toBeGreaterThan(size);
    // A bare connection (openCorpus would write, and a write after a full checkpoint restarts the WAL).
    const bare = new Database(dbPath);
    const [r] = bare.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    bare.close();
    expect(r!.checkpointed).toBe(r!.log);
    const other = openCorpus(dbPath);
    expect(other.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(40_000);
    expect(other.pragma('integrity_check', { simple: true })).toBe('ok');
    other.close();
  });

  it('still checkpoints when the WAL reaches its bound, so a huge import does not double its disk use', async () => {
    const { file, size } = bigFile();
    // 2,000 pages (8 MB) instead of 256 MB: the WAL restarts after each checkpoint, so it never holds much more than
    // the bound plus one 10,000-row batch (about 6 MB), well under the 25 MB the rows take.
    process.env.KURASI_IMPORT_WAL_PAGES = '2000';
    const dbPath = tempDbPath();
    engine = openEngine({ dbPath, actor: 't' });
    const job = await engine.jobs.wait(engine.jobs.start('import', { paths: [file], idField: 'id' }));
    expect(job.state).toBe('done');
    const wal = statSync(`${dbPath}-wal`).size;
    expect(wal).toBeLessThan(size / 1.5);
    expect(wal).toBeGreaterThan(2000 * 4096);
  });
});
