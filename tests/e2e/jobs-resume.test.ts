import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentOwner } from '../../electron/engine/jobs/owner';
import { startApp, type StartedApp } from './serve-helpers';

let app: StartedApp;
let page: Page;

/** The pid of a process that has exited, as a job's owner after a SIGKILL. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

describe('jobs screen: which unfinished jobs offer a resume (kurasi serve + headless Chromium)', () => {
  beforeAll(async () => {
    app = await startApp({
      name: 'jobs-resume',
      docs: [{ text: 'Warga desa pergi ke pasar membeli sayur dan beras.' }],
      prepare: (db) => {
        const at = new Date().toISOString();
        const insert = db.prepare(`INSERT INTO jobs(id, kind, state, params, done, total, created_at, heartbeat_at, owner) VALUES (?, 'langid', ?, ?, 0, 1, ?, ?, ?)`);
        const full = JSON.stringify({ onlyMissing: false });
        insert.run(1, 'cancelled', full, at, null, null); // its work was done again by job 2
        insert.run(2, 'done', full, at, null, null);
        insert.run(3, 'cancelled', full, at, null, null);
        // Left running by a process killed a moment ago: its heartbeat is fresh, its owner is gone.
        insert.run(4, 'running', full, at, at, JSON.stringify({ ...currentOwner(), pid: deadPid() }));
        // Failed before it read a byte.
        db.prepare(`INSERT INTO jobs(id, kind, state, params, done, total, error, created_at) VALUES (5, 'import', 'failed', '{}', 0, NULL, ?, ?)`).run(
          "ENOENT: no such file or directory, open '/data/hilang.jsonl'",
          at,
        );
      },
      width: 1280,
      screen: 'jobs',
    });
    ({ page } = app);
  }, 240_000);

  afterAll(() => app?.stop());

  it('a job a later finished run superseded says so, without Lanjutkan; others, and one a killed process left, keep it', async () => {
    const row = (id: number) => page.locator(`[data-testid="jobs-screen"] [data-testid="job-${id}"]`);
    await row(1).waitFor({ timeout: 30_000 });
    expect(await row(1).getByRole('button', { name: 'Lanjutkan' }).count()).toBe(0);
    expect(await row(1).locator('[data-testid="job-superseded"]').innerText()).toBe('digantikan oleh #2 yang sudah selesai');
    expect(await row(3).getByRole('button', { name: 'Lanjutkan' }).count()).toBe(1);
    expect(await row(3).locator('[data-testid="job-superseded"]').count()).toBe(0);
    expect(await row(4).getAttribute('data-state')).toBe('interrupted');
    expect(await row(4).getByRole('button', { name: 'Lanjutkan' }).count()).toBe(1);
    // A job that failed before counting anything shows its reason without a bare "0 B" in front; one that counted keeps its amount.
    const meta5 = await row(5).locator('.job-meta').innerText();
    expect(meta5).toContain('hilang.jsonl');
    expect(meta5).not.toMatch(/^0\b/);
    expect(await row(3).locator('[data-testid="job-amount"]').innerText()).toBe('0 / 1');
  });
});
