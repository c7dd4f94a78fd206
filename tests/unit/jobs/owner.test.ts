import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../../electron/engine/engine';
import { currentOwner, ownerLiveness } from '../../../electron/engine/jobs/owner';
import { dropIndexesForBulkLoad, pendingDroppedIndexes } from '../../../electron/engine/import/bulk-load';
import { openCorpus } from '../../../electron/engine/store/open';
import { tempDbPath } from '../../helpers/temp';
import { translate } from '../../../renderer/src/i18n';
import { describeEngineMessage } from '../../../renderer/src/i18n/engine-messages';

let engine: Engine | null = null;
afterEach(async () => {
  await engine?.close();
  engine = null;
});

/** The pid of a process that has exited (a real child, waited for). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

const now = () => new Date().toISOString();

/** A corpus holding jobs as other processes left them: state, owner (JSON or null) and heartbeat. */
function corpusWithJobs(rows: { kind?: string; state: string; owner: string | null; heartbeat: string | null; params?: unknown }[]): string {
  const path = tempDbPath();
  const db = openCorpus(path);
  const insert = db.prepare(`INSERT INTO jobs(kind, state, params, created_at, started_at, heartbeat_at, owner) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  for (const r of rows) insert.run(r.kind ?? 'langid', r.state, JSON.stringify(r.params ?? {}), now(), r.heartbeat, r.heartbeat, r.owner);
  db.close();
  return path;
}

describe('job owners', () => {
  it('tells this process, a process that exited and a later process that got a dead owner’s pid apart', () => {
    const me = currentOwner();
    expect(me.pid).toBe(process.pid);
    expect(ownerLiveness(JSON.stringify(me))).toBe('alive');
    expect(ownerLiveness(JSON.stringify({ ...me, pid: deadPid() }))).toBe('dead');
    if (me.started !== null) expect(ownerLiveness(JSON.stringify({ ...me, started: `${me.started}0` }))).toBe('dead');
    // Another machine's pid says nothing here, nor does a row written before owners were recorded.
    expect(ownerLiveness(JSON.stringify({ ...me, host: 'elsewhere' }))).toBe('unknown');
    expect(ownerLiveness(null)).toBe('unknown');
    expect(ownerLiveness('not json')).toBe('unknown');
  });

  it('a job left running by a killed process is interrupted and resumable at once, whatever its heartbeat says', async () => {
    const me = currentOwner();
    const dead = JSON.stringify({ ...me, pid: deadPid() });
    const live = JSON.stringify(me);
    const longAgo = new Date(Date.now() - 600_000).toISOString();
    const path = corpusWithJobs([
      { state: 'running', owner: dead, heartbeat: now() },
      { state: 'queued', owner: dead, heartbeat: null },
      // A live owner's job is its own, even one without a heartbeat for a while (a long phase between progress calls).
      { state: 'running', owner: live, heartbeat: longAgo },
      { state: 'queued', owner: live, heartbeat: null },
      // Rows from before owners were recorded: the heartbeat decides, as it always did.
      { state: 'running', owner: null, heartbeat: now() },
      { state: 'running', owner: null, heartbeat: longAgo },
    ]);
    engine = openEngine({ dbPath: path });
    expect(engine.jobs.list().reverse().map((j) => [j.id, j.state])).toEqual([
      [1, 'interrupted'],
      [2, 'interrupted'],
      [3, 'running'],
      [4, 'queued'],
      [5, 'running'],
      [6, 'interrupted'],
    ]);
    const resumed = await engine.jobs.wait(engine.jobs.resume(1));
    expect(resumed.state).toBe('done');
    expect(() => engine!.jobs.resume(3)).toThrow('job 3 is running; only interrupted, cancelled or failed jobs can be resumed');
  });

  it('a job whose process dies while the corpus is open turns resumable without a reopen', async () => {
    const path = corpusWithJobs([]);
    engine = openEngine({ dbPath: path });
    engine.db
      .prepare(`INSERT INTO jobs(kind, state, params, created_at, heartbeat_at, owner) VALUES ('langid', 'running', '{}', ?, ?, ?)`)
      .run(now(), now(), JSON.stringify({ ...currentOwner(), pid: deadPid() }));
    expect(engine.jobs.list()[0]?.state).toBe('interrupted');
    expect((await engine.jobs.wait(engine.jobs.resume(1))).state).toBe('done');
  });
});

describe('indexes dropped by a bulk import', () => {
  it('come back on the next open when the importing process died, even with a fresh heartbeat; a live one keeps them dropped', () => {
    for (const [owner, heartbeat, restored] of [
      [JSON.stringify({ ...currentOwner(), pid: deadPid() }), now(), true],
      [JSON.stringify(currentOwner()), new Date(Date.now() - 600_000).toISOString(), false],
    ] as const) {
      const path = corpusWithJobs([{ kind: 'import', state: 'running', owner, heartbeat }]);
      let db = openCorpus(path);
      expect(dropIndexesForBulkLoad(db, 1).length).toBeGreaterThan(0);
      db.close();
      db = openCorpus(path);
      expect(pendingDroppedIndexes(db) === null).toBe(restored);
      db.close();
    }
  });
});

describe('superseded jobs', () => {
  it('an unfinished langid job that a later finished run covers offers no resume, and resuming it is refused', async () => {
    const full = { onlyMissing: false };
    const missing = { onlyMissing: true };
    const path = corpusWithJobs([
      { state: 'cancelled', owner: null, heartbeat: null, params: { ...full, workers: 2 } }, // 1: covered by 2
      { state: 'done', owner: null, heartbeat: null, params: full }, // 2
      { state: 'interrupted', owner: null, heartbeat: null, params: missing }, // 3: covered by 4
      { state: 'done', owner: null, heartbeat: null, params: missing }, // 4
      { state: 'failed', owner: null, heartbeat: null, params: full }, // 5: a later run of the missing ones does not cover a full one
      { state: 'done', owner: null, heartbeat: null, params: missing }, // 6
      { state: 'cancelled', owner: null, heartbeat: null, params: missing }, // 7: nothing finished after it
      { kind: 'pii', state: 'cancelled', owner: null, heartbeat: null }, // 8: a kind without the rule
      { kind: 'pii', state: 'done', owner: null, heartbeat: null }, // 9
    ]);
    engine = openEngine({ dbPath: path });
    const e = engine;
    const superseded = new Map(e.jobs.list().map((j) => [j.id, j.supersededBy]));
    expect(Object.fromEntries(superseded)).toEqual({ 1: 2, 2: null, 3: 4, 4: null, 5: null, 6: null, 7: null, 8: null, 9: null });
    for (const [id, by] of superseded) expect(e.jobs.get(id).supersededBy).toBe(by);
    expect(() => e.jobs.resume(1)).toThrow('job 1 was superseded by job 2, a later langid run that finished; there is nothing to resume');
    expect(() => e.jobs.resume(3)).toThrow(/superseded by job 4/);
    // The app shows the refusal in its language.
    let refusal = '';
    try {
      e.jobs.resume(1);
    } catch (err) {
      refusal = err instanceof Error ? err.message : String(err);
    }
    expect(describeEngineMessage((key, vars) => translate('id', key, vars), refusal)).toBe(
      'Pekerjaan 1 sudah digantikan oleh pekerjaan 2, deteksi bahasa yang lebih baru dan sudah selesai; tidak ada yang perlu dilanjutkan',
    );
    expect(describeEngineMessage((key, vars) => translate('en', key, vars), refusal)).toBe(
      'Job 1 was superseded by job 2, a later language ID run that finished; there is nothing to resume',
    );
    expect(e.jobs.get(1).state).toBe('cancelled');
    expect((await e.jobs.wait(e.jobs.resume(7))).state).toBe('done');
    // Job 7 is now the latest finished run, but of the missing documents only: the full job 5 keeps its resume.
    expect(e.jobs.get(5).supersededBy).toBeNull();
  });
});
