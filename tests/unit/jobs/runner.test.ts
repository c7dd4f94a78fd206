import { afterEach, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../../electron/engine/engine';
import { openCorpus } from '../../../electron/engine/store/open';
import type { JobProgress } from '../../../shared/contract/jobs';
import { tempDbPath, tempDir } from '../../helpers/temp';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

let engine: Engine | null = null;
afterEach(async () => {
  await engine?.close();
  engine = null;
});

describe('job runner', () => {
  it('runs a job in a worker, reports its end as an event, and records a failure with its reason', async () => {
    engine = openEngine({ dbPath: tempDbPath(), actor: 't' });
    const seen: JobProgress[] = [];
    engine.events.on('job-progress', (p) => seen.push(p));
    const id = engine.jobs.start('import', { paths: ['/definitely/not/here.jsonl'] });
    const job = await engine.jobs.wait(id);
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/not\/here\.jsonl/);
    expect(seen.at(-1)).toMatchObject({ jobId: id, state: 'failed' });
    expect(seen[0]).toMatchObject({ jobId: id, state: 'queued' });
  });

  it('fails a job of an unknown kind without crashing the engine', async () => {
    engine = openEngine({ dbPath: tempDbPath() });
    const job = await engine.jobs.wait(engine.jobs.start('no-such-kind', {}));
    expect(job).toMatchObject({ state: 'failed', error: "unknown job kind 'no-such-kind'" });
  });

  it('marks jobs left running by a dead process as interrupted when the corpus is reopened', async () => {
    const path = tempDbPath();
    const db = openCorpus(path);
    const old = new Date(Date.now() - 60_000).toISOString();
    db.prepare(`INSERT INTO jobs(kind, state, params, created_at, heartbeat_at) VALUES ('import', 'running', '{}', ?, ?)`).run(old, old);
    db.prepare(`INSERT INTO jobs(kind, state, params, created_at, heartbeat_at) VALUES ('import', 'queued', '{}', ?, NULL)`).run(old);
    db.close();
    engine = openEngine({ dbPath: path });
    expect(engine.jobs.list().map((j) => j.state)).toEqual(['interrupted', 'interrupted']);
    expect(() => engine!.jobs.resume(99)).toThrow(/not found/);
  });

  it('refuses to resume a job that already finished', async () => {
    engine = openEngine({ dbPath: tempDbPath() });
    const id = engine.jobs.start('no-such-kind', {});
    await engine.jobs.wait(id);
    engine.db.prepare(`UPDATE jobs SET state = 'done' WHERE id = ?`).run(id);
    expect(() => engine!.jobs.resume(id)).toThrow(/only interrupted, cancelled or failed/);
  });
});

describe('job progress on record', () => {
  it('stores the final progress of a finished job, not the last heartbeat', async () => {
    const dir = tempDir();
    const file = join(dir, 'kecil.jsonl');
    writeFileSync(file, Array.from({ length: 50 }, (_, i) => JSON.stringify({ text: `Kalimat nomor ${i} tentang desa.` })).join('\n'));
    engine = openEngine({ dbPath: join(dir, 'c.db') });
    const job = await engine.jobs.wait(engine.jobs.start('import', { paths: [file] }));
    expect(job.state).toBe('done');
    expect(job.total).not.toBeNull();
    expect(job.done).toBe(job.total);
  });
});
