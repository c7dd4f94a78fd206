import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { rebuildSummary } from '../../../electron/engine/langid/store';
import { openCorpus } from '../../../electron/engine/store/open';
import { CLI, runKurasi } from '../../helpers/cli';
import { tempDbPath } from '../../helpers/temp';
import { bulkSeed } from '../export/bulk';

const DOCS = 60_000;

/**
 * A corpus labelled by an "older model": every document has a language already (ind or jav, by number), so a langid
 * run both adds documents to languages and takes them out of others as its ranges commit.
 */
function labelledCorpus(): string {
  const path = tempDbPath();
  bulkSeed(path, DOCS);
  const db = openCorpus(path);
  rebuildSummary(db);
  db.close();
  return path;
}

interface JobRow {
  id: number;
  state: string;
  done: number;
  checkpoint: string | null;
}

function jobs(path: string): JobRow[] {
  const db = openCorpus(path, { readonly: true });
  try {
    return db.prepare('SELECT id, state, done, checkpoint FROM jobs ORDER BY id').all() as JobRow[];
  } finally {
    db.close();
  }
}

/** Documents per language as the documents themselves say. */
function truth(path: string): Record<string, number> {
  const db = openCorpus(path, { readonly: true });
  try {
    const rows = db.prepare('SELECT lang, count(*) AS n FROM documents WHERE lang IS NOT NULL GROUP BY lang').all() as { lang: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.lang, r.n]));
  } finally {
    db.close();
  }
}

/** What `kurasi stats` says about languages (it reads the summary). */
async function statsLanguages(path: string): Promise<Record<string, number>> {
  const r = await runKurasi(['stats', '--db', path, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { sections: { languages: { byLanguage: Record<string, number> } } }).sections.languages.byLanguage;
}

/** Starts `kurasi langid` and sends `signal` once it has committed a few ranges; resolves with how the process ended. */
async function interruptLangid(path: string, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, [CLI, 'langid', '--db', path, '--workers', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, sig) => resolve({ code, signal: sig })));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const job = jobs(path).at(-1);
    if (job?.checkpoint && job.done >= 8_000) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill(signal);
  return { ...(await ended), stderr };
}

describe('langid stopped part-way from outside', () => {
  it('SIGKILL: the summary agrees with the committed labels, and the job resumes at once', async () => {
    const path = labelledCorpus();
    const killed = await interruptLangid(path, 'SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    const [job] = jobs(path);
    expect(job, 'no job was started').toBeDefined();
    expect(job!.state, 'the job finished before it could be killed').toBe('running');
    expect(job!.done).toBeLessThan(DOCS);

    // Read-only `stats` does not mark the job; it reads a summary written range by range with the labels.
    const mid = truth(path);
    expect(await statsLanguages(path)).toEqual(mid);

    // The killed process's job is interrupted (not "running" for another 15 s) and carries on from its checkpoint.
    const resumed = await runKurasi(['langid', '--db', path, '--resume', String(job!.id), '--json']);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ jobId: job!.id, labelled: DOCS });
    expect(jobs(path)).toMatchObject([{ id: job!.id, state: 'done' }]);
    expect(await statsLanguages(path)).toEqual(truth(path));
  }, 300_000);

  it('SIGTERM cancels cleanly like Ctrl-C; a new run says the job could be carried on, and then supersedes it', async () => {
    const path = labelledCorpus();
    const stopped = await interruptLangid(path, 'SIGTERM');
    expect(stopped.signal).toBeNull();
    expect(stopped.code).toBe(1);
    const [job] = jobs(path);
    expect(job!.state).toBe('cancelled');
    expect(job!.done).toBeGreaterThanOrEqual(8_000);
    expect(job!.done).toBeLessThan(DOCS);
    expect(stopped.stderr).toContain(`langid cancelled (job ${job!.id}); continue with: kurasi langid --db ${path} --resume ${job!.id}`);
    expect(await statsLanguages(path)).toEqual(truth(path));

    const rerun = await runKurasi(['langid', '--db', path, '--json']);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).toContain(`kurasi langid: job ${job!.id} was cancelled at ${job!.done.toLocaleString('en')} of ${DOCS.toLocaleString('en')}; this is a new run.`);
    expect(rerun.stderr).toContain(`--db ${path} --resume ${job!.id}`);
    const later = JSON.parse(rerun.stdout) as { jobId: number };

    const again = await runKurasi(['langid', '--db', path, '--resume', String(job!.id)]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`job ${job!.id} was superseded by job ${later.jobId}, a later langid run that finished; there is nothing to resume`);
    // Nothing is left to offer: a further run says nothing about the old job.
    const third = await runKurasi(['langid', '--db', path, '--only-missing']);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stderr).toBe('');
  }, 300_000);

  it('a second Ctrl-C during a slow batch quits at once with exit 130; the corpus stays whole and the job resumes', async () => {
    // Long documents (48 sentences each): one range of 4,000 takes seconds, the wait a second Ctrl-C cuts short.
    const docs = 12_000;
    const path = tempDbPath();
    bulkSeed(path, docs, 48);
    const db = openCorpus(path);
    rebuildSummary(db);
    db.close();

    const child = spawn(process.execPath, [CLI, 'langid', '--db', path, '--workers', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let onStderr = () => {};
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      onStderr();
    });
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, sig) => resolve({ code, signal: sig })));
    // Progress first: a committed range (its checkpoint), so the job is running and the next range is under way.
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && child.exitCode === null && !jobs(path).at(-1)?.checkpoint) await new Promise((r) => setTimeout(r, 20));
    expect(child.exitCode, stderr).toBeNull();

    child.kill('SIGINT');
    // The first Ctrl-C says what it does, at once (the cancel itself waits for the batch).
    await Promise.race([ended, new Promise<void>((resolve) => (onStderr = () => stderr.includes('\n') && resolve()))]);
    expect(stderr).toBe('kurasi langid: cancelling job 1 at the end of its batch… (Ctrl-C again to quit at once)\n');
    child.kill('SIGINT');
    expect(await ended).toEqual({ code: 130, signal: null });
    expect(stderr.split('\n')[1]).toBe(`kurasi langid: quit at once; job 1's unfinished batch is not written; continue with: kurasi langid --db ${path} --resume 1`);

    // It did not wait for the batch: the job was neither cancelled nor finished, its process is gone.
    const [job] = jobs(path);
    expect(job).toMatchObject({ id: 1, state: 'running' });
    expect(job!.done).toBeLessThan(docs);
    const check = openCorpus(path, { readonly: true });
    try {
      expect(check.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    } finally {
      check.close();
    }
    // Whole ranges only: the summary agrees with the labels as committed.
    expect(await statsLanguages(path)).toEqual(truth(path));

    const resumed = await runKurasi(['langid', '--db', path, '--resume', '1', '--json']);
    expect([resumed.code, resumed.stderr]).toEqual([0, '']);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ jobId: 1, labelled: docs });
    expect(jobs(path)).toMatchObject([{ id: 1, state: 'done' }]);
    expect(await statsLanguages(path)).toEqual(truth(path));
  }, 300_000);

  it('--workers above the cores is capped, said once on stderr', async () => {
    const path = tempDbPath();
    bulkSeed(path, 20);
    const r = await runKurasi(['langid', '--db', path, '--workers', '64', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const cores = availableParallelism();
    if (cores < 64) expect(r.stderr.match(/--workers 64 is more than the [\d,]+ cores? here; using \d+/g)).toEqual([`--workers 64 is more than the ${cores} core${cores === 1 ? '' : 's'} here; using ${cores}`]);
    else expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ labelled: 20, workers: 1 });
  }, 60_000);
});
