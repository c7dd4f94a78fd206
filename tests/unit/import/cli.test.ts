import Database from 'better-sqlite3';
import { execSync, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, runKurasi } from '../../helpers/cli';
import { tempDbPath, tempDir } from '../../helpers/temp';
import { fixture } from './helpers';

beforeAll(() => {
  execSync('npm run build:node --silent');
});

async function writeBigJsonl(path: string, n: number): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 1; i <= n; i++) {
    const line = JSON.stringify({ id: `doc-${i}`, text: `Dokumen ke-${i} membahas pembangunan daerah ${i % 101} dan pendidikan anak di desa ${i % 37}. `.repeat(3) }) + '\n';
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

describe('kurasi import (CLI)', () => {
  it('--json prints imported, skipped and rejected with file:line and reason; exit 0', async () => {
    const db = tempDbPath();
    const run = await runKurasi(['import', fixture('good.jsonl'), fixture('bad', 'malformed.jsonl'), '--db', db, '--source', 'uji', '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({
      source: 'uji',
      files: 2,
      imported: 5,
      skipped: 0,
      rejected: 2,
      rejects: [
        { file: 'malformed.jsonl', line: 2, reason: expect.stringMatching(/^malformed JSON/) },
        { file: 'malformed.jsonl', line: 4, reason: 'not a JSON object' },
      ],
    });
    const again = await runKurasi(['import', fixture('good.jsonl'), fixture('bad', 'malformed.jsonl'), '--db', db, '--source', 'uji', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 0, skipped: 5, rejected: 0 });
    const stats = await runKurasi(['stats', '--db', db, '--json']);
    expect(JSON.parse(stats.stdout)).toMatchObject({ documents: 5, sources: 1, rejects: 2 });
  });

  it('without --json prints a summary and the rejects', async () => {
    const run = await runKurasi(['import', fixture('bad', 'empty-text.csv'), '--db', tempDbPath()]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("imported 2 documents into 'empty-text' (0 already present, 2 rejected)");
    expect(run.stdout).toContain('rejected empty-text.csv:3: empty text');
  });

  it('exit 1 with a one-line reason naming the file when a file cannot be parsed', async () => {
    const db = tempDbPath();
    const run = await runKurasi(['import', fixture('bad', 'no-text-column.csv'), '--db', db, '--json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^kurasi import: no-text-column\.csv: no text field/);
    const stats = await runKurasi(['stats', '--db', db, '--json']);
    expect(JSON.parse(stats.stdout)).toMatchObject({ documents: 0, sources: 0 });
  });

  it('exit 2 on bad usage', async () => {
    expect((await runKurasi(['import', '--db', tempDbPath()])).code).toBe(2);
    expect((await runKurasi(['import', fixture('good.jsonl')])).code).toBe(2);
    const bad = await runKurasi(['import', fixture('good.jsonl'), '--db', tempDbPath(), '--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--format must be one of/);
    expect((await runKurasi(['import', fixture('good.jsonl'), '--db', tempDbPath(), '--no-such-option'])).code).toBe(2);
  });

  it('SIGKILL mid-import leaves whole batches and an intact database; a re-run finds every document exactly once', async () => {
    const dir = tempDir();
    const file = join(dir, 'besar.jsonl');
    const N = 200_000;
    await writeBigJsonl(file, N);
    const db = join(dir, 'corpus.db');
    const child = spawn(process.execPath, [CLI, 'import', file, '--db', db, '--json'], { stdio: 'ignore' });
    const exited = once(child, 'exit');
    let committed = 0;
    const started = Date.now();
    while (committed === 0 && Date.now() - started < 50_000) {
      await new Promise((r) => setTimeout(r, 25));
      try {
        const peek = new Database(db, { readonly: true, fileMustExist: true });
        try {
          committed = peek.prepare('SELECT count(*) FROM documents').pluck().get() as number;
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
    expect(committed).toBeGreaterThan(0);

    const check = new Database(db);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    const [docsAfterKill, counted] = check.prepare('SELECT (SELECT count(*) FROM documents), (SELECT document_count FROM sources)').raw().get() as [number, number];
    expect(docsAfterKill).toBeLessThan(N);
    // The source's running counter was written in the same transactions as the rows.
    expect(counted).toBe(docsAfterKill);
    check.close();

    const rerun = await runKurasi(['import', file, '--db', db, '--json']);
    expect(rerun.code).toBe(0);
    const out = JSON.parse(rerun.stdout) as { imported: number; skipped: number; rejected: number };
    expect(out.imported + out.skipped).toBe(N);
    expect(out.skipped).toBe(docsAfterKill);
    expect(out.rejected).toBe(0);

    const after = new Database(db, { readonly: true });
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(after.prepare('SELECT count(*), count(DISTINCT external_id) FROM documents').raw().get()).toEqual([N, N]);
    expect(after.prepare(`SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'pembangunan'`).pluck().get()).toBe(N);
    expect(after.prepare('SELECT document_count FROM sources').pluck().get()).toBe(N);
    after.close();
  }, 180_000);
});
