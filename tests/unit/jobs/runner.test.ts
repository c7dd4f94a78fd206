import { afterEach, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../../electron/engine/engine';
import { openCorpus } from '../../../electron/engine/store/open';
import { InvalidParamsError } from '../../../electron/engine/errors';
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

  it('refuses an unknown kind or bad parameters when a job is started, queuing nothing', () => {
    engine = openEngine({ dbPath: tempDbPath() });
    expect(() => engine!.jobs.start('no-such-kind', {})).toThrow("unknown job kind 'no-such-kind'");
    let refused: unknown = null;
    try {
      engine.jobs.start('import', { paths: ['x.jsonl'], source: '' });
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(InvalidParamsError);
    expect(refused).toMatchObject({ code: 'bad-request', kind: 'import', issues: [expect.objectContaining({ field: 'source' })] });
    expect(engine.jobs.list()).toEqual([]);
  });

  it('fails a stored job of an unknown kind (written by another version) without crashing the engine', async () => {
    const path = tempDbPath();
    const db = openCorpus(path);
    db.prepare(`INSERT INTO jobs(kind, state, params, created_at) VALUES ('no-such-kind', 'interrupted', '{}', ?)`).run(new Date().toISOString());
    db.close();
    engine = openEngine({ dbPath: path });
    const job = await engine.jobs.wait(engine.jobs.resume(1));
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
    const id = engine.jobs.start('import', { paths: [join(tempDir(), 'nothing-here')] });
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

describe('job progress between heartbeats', () => {
  it('jobs.list and jobs.get give a running job the progress of its last event, not the older stored heartbeat', async () => {
    const dir = tempDir();
    const file = join(dir, 'besar.jsonl');
    // Big enough for many progress events (every 100 ms) between the stored heartbeats (every second).
    writeFileSync(file, Array.from({ length: 100_000 }, (_, i) => JSON.stringify({ text: `Kalimat nomor ${i} tentang pasar di desa.` })).join('\n'));
    engine = openEngine({ dbPath: join(dir, 'c.db') });
    const e = engine;
    const seen: { event: number; listed: number | undefined; got: number }[] = [];
    e.events.on('job-progress', (p) => {
      if (p.state !== 'running') return;
      seen.push({ event: p.done, listed: e.jobs.list().find((j) => j.id === p.jobId)?.done, got: e.jobs.get(p.jobId).done });
    });
    const job = await e.jobs.wait(e.jobs.start('import', { paths: [file] }));
    expect(job.state).toBe('done');
    expect(seen.length).toBeGreaterThan(2);
    for (const s of seen) expect(s).toEqual({ event: s.event, listed: s.event, got: s.event });
    // Ended, the stored record is the whole truth again.
    expect(e.jobs.list()[0]).toMatchObject({ state: 'done', done: job.total });
  });
});
