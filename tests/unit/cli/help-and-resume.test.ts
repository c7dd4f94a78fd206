import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobRecord } from '../../../shared/contract/jobs';
import { requireDone } from '../../../electron/cli/run-job';
import { openCorpus } from '../../../electron/engine/store/open';
import { CLI, runKurasi } from '../../helpers/cli';
import { addCancelledJob, seedCorpus } from '../../helpers/corpus';
import { tempDir } from '../../helpers/temp';

/** A corpus holding one job (langid by default) that was cancelled before it did anything, as Ctrl-C leaves it. */
function corpusWithCancelledLangid(
  path: string,
  docs: string[],
  kind = 'langid',
  params: Record<string, unknown> = { workers: 1, onlyMissing: false },
): number {
  seedCorpus(
    docs.map((text) => ({ text })),
    path,
  ).db.close();
  return addCancelledJob(path, kind, params);
}

function cancelled(kind: string, id: number): Pick<JobRecord, 'id' | 'kind' | 'state' | 'error'> {
  return { id, kind, state: 'cancelled', error: null };
}

/** Runs a shell command line, as a user pasting the hint would. */
function sh(command: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('kurasi help', () => {
  it("`kurasi help <command>` prints that command's help, like `<command> --help`", async () => {
    const help = await runKurasi(['help', 'detect']);
    const flag = await runKurasi(['detect', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(flag.stdout);
    expect(help.stdout).toMatch(/^detect the language/);
    const sub = await runKurasi(['help', 'license', 'set']);
    expect(sub.stdout).toBe((await runKurasi(['license', 'set', '--help'])).stdout);
    const group = await runKurasi(['help', 'licence']);
    expect(group.code).toBe(0);
    expect(group.stdout).toMatch(/kurasi license list/);
    const unknown = await runKurasi(['help', 'frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'/);
  });

  it('detect --help gives the --alternatives default and range, what und means and the output format', async () => {
    const r = await runKurasi(['detect', '--help']);
    expect(r.stdout).toMatch(/--alternatives N: how many alternatives to list, 0 to 10 \(default 3\)/);
    expect(r.stdout).toMatch(/"und".*its confidence is then the best language's/s);
    expect(r.stdout).toMatch(/\{"lang":"ind","confidence":0\.994,"alternatives":\[\.\.\.\]\}/);
    expect(r.stdout).toMatch(/--text-field/);
    expect(r.stdout).toMatch(/exit code is then 1/);
  });

  it('detect on a terminal says it is reading standard input; on a pipe it says nothing', async () => {
    // `script` gives the command a pseudo-terminal, and turns the end of its own stdin into Ctrl-D.
    const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const r = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
      const child = spawn(
        'script',
        ['-qec', `${quote(process.execPath)} ${quote(CLI)} detect`, '/dev/null'],
        { stdio: ['pipe', 'pipe', 'pipe'] },
      );
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, out }));
      child.stdin.end('Kemarin saya pergi ke pasar untuk membeli sayur.\n');
    });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/kurasi detect: reading texts from standard input, one per line; Ctrl-D to end/);
    expect(r.out).toMatch(/"lang":"ind"/);
    const piped = await runKurasi(['detect'], {
      input: 'Kemarin saya pergi ke pasar untuk membeli sayur.\n',
    });
    expect([piped.code, piped.stderr]).toEqual([0, '']);
  });
});

describe('kurasi --resume', () => {
  it('the hint after a cancel names --db, quoted so it can be pasted into a shell', async () => {
    const dir = tempDir();
    const path = join(dir, "my corpus's copy.db");
    expect(() => requireDone(cancelled('langid', 4), path)).toThrow(
      `langid cancelled (job 4); continue with: kurasi langid --db '${dir}/my corpus'\\''s copy.db' --resume 4`,
    );
    expect(() => requireDone(cancelled('pii', 2), '/data/c.db')).toThrow(
      'continue with: kurasi pii --db /data/c.db --resume 2',
    );
    expect(() => requireDone(cancelled('quality', 3), 'c.db')).toThrow(
      'continue with: kurasi quality --db c.db --resume 3',
    );

    const id = corpusWithCancelledLangid(path, ['Saya sangat kecewa dengan pelayanan restoran ini.']);
    let hint = '';
    try {
      requireDone(cancelled('langid', id), path);
    } catch (e) {
      hint = e instanceof Error ? e.message : '';
    }
    const command = hint.split('continue with: ')[1] ?? '';
    expect(command).toMatch(/^kurasi langid --db /);
    const r = await sh(command.replace(/^kurasi /, `${process.execPath} ${CLI} `));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^labelled 1 document in .* on 1 worker\n/);
  });

  it('refuses a missing job and a job of another kind alike (exit 1), with "an import job"', async () => {
    const path = join(tempDir(), 'c.db');
    corpusWithCancelledLangid(path, ['Apa kabar hari ini?']);
    const corpus = openCorpus(path);
    const importId = Number(
      corpus
        .prepare(`INSERT INTO jobs(kind, state, params, created_at) VALUES ('import', 'cancelled', '{}', ?)`)
        .run(new Date().toISOString()).lastInsertRowid,
    );
    corpus.close();
    const other = await runKurasi(['langid', '--db', path, '--resume', String(importId)]);
    expect([other.code, other.stderr]).toEqual([
      1,
      `kurasi langid: job ${importId} is an import job, not langid\n`,
    ]);
    const missing = await runKurasi(['langid', '--db', path, '--resume', '999']);
    expect([missing.code, missing.stderr]).toEqual([1, 'kurasi langid: job 999 not found\n']);
  });

  it('says that --only-missing is ignored when resuming (--workers is not)', async () => {
    const path = join(tempDir(), 'c.db');
    const id = corpusWithCancelledLangid(path, ['Apa kabar hari ini?', 'The weather is nice today.']);
    const r = await runKurasi([
      'langid',
      '--db',
      path,
      '--resume',
      String(id),
      '--workers',
      '2',
      '--only-missing',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(
      'kurasi langid: --only-missing is ignored with --resume: a resumed job keeps the settings it was started with, except --workers\n',
    );
    expect(r.stdout).toMatch(/^labelled 2 documents in .* on 1 worker\n/);
  });

  it('a resumed langid, pii or quality job runs on the --workers given, else on the workers it was started with', async () => {
    // 30 documents in ranges of 10: work for a pool of two, which this machine gives when it has two cores.
    const two = Math.min(2, availableParallelism());
    const docs = Array.from(
      { length: 30 },
      (_, i) =>
        `Warga desa ${i} pergi ke pasar membeli sayur, hubungi 0812-3456-78${String(i).padStart(2, '0')}.`,
    );
    for (const kind of ['langid', 'pii', 'quality']) {
      const path = join(tempDir(), 'c.db');
      const id = corpusWithCancelledLangid(path, docs, kind, { workers: 2, batchSize: 10 });
      const other = corpusWithCancelledLangid(path, [], kind, { workers: 2, batchSize: 10 });
      const r = await runKurasi([kind, '--db', path, '--resume', String(id), '--workers', '1', '--json']);
      expect([r.code, r.stderr], kind).toEqual([0, '']);
      expect(JSON.parse(r.stdout), kind).toMatchObject({ jobId: id, workers: 1 });
      // Without --workers, a resume runs as its job was started.
      const plain = await runKurasi([kind, '--db', path, '--resume', String(other), '--json']);
      expect([plain.code, plain.stderr], kind).toEqual([0, '']);
      expect(JSON.parse(plain.stdout), kind).toMatchObject({ jobId: other, workers: two });
    }
  });
});
