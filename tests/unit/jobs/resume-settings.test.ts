import { availableParallelism } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { openEngine, type Engine } from '../../../electron/engine/engine';
import { InvalidParamsError } from '../../../electron/engine/errors';
import { addCancelledJob, seedCorpus } from '../../helpers/corpus';

let engine: Engine | null = null;
afterEach(async () => {
  await engine?.close();
  engine = null;
});

/** A corpus of 40 documents holding one cancelled job of `kind` that did nothing yet, with the given parameters. */
function corpusWithCancelledJob(kind: string, params: Record<string, unknown>): { path: string; id: number } {
  const { path, db } = seedCorpus(
    Array.from({ length: 40 }, (_, i) => ({
      text: `Dokumen nomor ${i}: hubungi 0812-3456-78${String(i).padStart(2, '0')} besok.`,
    })),
  );
  db.close();
  return { path, id: addCancelledJob(path, kind, params) };
}

function workersUsed(result: unknown): number {
  return result !== null &&
    typeof result === 'object' &&
    'workers' in result &&
    typeof result.workers === 'number'
    ? result.workers
    : NaN;
}

/** Two workers where this machine has two cores, else one: what a pool of 2 gets here. */
const TWO = Math.min(2, availableParallelism());

describe('resume with run settings', () => {
  it('a worker count given with a resume runs that resume; the job keeps the one it was started with', async () => {
    const started = { workers: 2, batchSize: 5 };
    const { path, id } = corpusWithCancelledJob('pii', started);
    engine = openEngine({ dbPath: path });
    const resumed = await engine.jobs.wait(engine.jobs.resume(id, { workers: 1 }));
    expect(resumed.state).toBe('done');
    expect(workersUsed(resumed.result)).toBe(1);
    // The stored parameters are still those it was started with.
    expect(resumed.params).toEqual(started);

    // Left unfinished again, a resume without settings runs as the job was started, not as the last resume did.
    engine.db
      .prepare(`UPDATE jobs SET state = 'cancelled', checkpoint = NULL, done = 0 WHERE id = ?`)
      .run(id);
    const again = await engine.jobs.wait(engine.jobs.resume(id));
    expect(again.state).toBe('done');
    expect(workersUsed(again.result)).toBe(TWO);
  });

  it('jobs.resume takes an optional worker count, validated at the boundary; a kind without workers refuses one', async () => {
    const { path, id } = corpusWithCancelledJob('quality', { workers: 2, batchSize: 5 });
    engine = openEngine({ dbPath: path });
    const e = engine;
    for (const workers of [0, 65, 1.5, '2']) {
      const r = await dispatch(e, 'jobs.resume', { id, workers });
      expect(r, String(workers)).toMatchObject({
        ok: false,
        error: { code: 'bad-request', message: 'invalid input for jobs.resume' },
      });
    }
    expect(e.jobs.get(id).state).toBe('cancelled');

    const importId = Number(
      e.db
        .prepare(`INSERT INTO jobs(kind, state, params, created_at) VALUES ('import', 'cancelled', ?, ?)`)
        .run(JSON.stringify({ paths: ['x.jsonl'] }), new Date().toISOString()).lastInsertRowid,
    );
    expect(await dispatch(e, 'jobs.resume', { id: importId, workers: 1 })).toEqual({
      ok: false,
      error: { code: 'bad-request', message: "import jobs have no 'workers' setting" },
    });
    // Refused before anything was queued: the job is as it was.
    expect(e.jobs.get(importId).state).toBe('cancelled');

    const r = await dispatch(e, 'jobs.resume', { id, workers: 1 });
    expect(r).toEqual({ ok: true, value: { id } });
    const done = await e.jobs.wait(id);
    expect(done.state).toBe('done');
    expect(workersUsed(done.result)).toBe(1);
  });

  it('a worker count the kind refuses is a parameter error, as when the job is started', () => {
    const { path, id } = corpusWithCancelledJob('langid', { workers: 1, onlyMissing: false });
    engine = openEngine({ dbPath: path });
    let refused: unknown = null;
    try {
      engine.jobs.resume(id, { workers: 65 });
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(InvalidParamsError);
    expect(refused).toMatchObject({
      code: 'bad-request',
      kind: 'langid',
      issues: [expect.objectContaining({ field: 'workers' })],
    });
    expect(engine.jobs.get(id).state).toBe('cancelled');
  });
});
