import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setLabel } from '../../../electron/engine/labels/labels';
import { setSourceLicense } from '../../../electron/engine/license';
import { migrations } from '../../../electron/engine/store/migrations';
import { CLI, runKurasi } from '../../helpers/cli';
import { corpusFingerprint, seedCorpus } from '../../helpers/corpus';
import { tempDir } from '../../helpers/temp';

/**
 * Root ignores file permissions, so a chmod alone proves less when the tests run as root: the CLI is then run as
 * `nobody`, for whom the corpus really is read-only, whenever `nobody` can reach this checkout. A checkout under a
 * private folder (CI clones into `mktemp -d`, mode 0700) is out of its reach; the CLI then runs as root, and the
 * fingerprint checks below (same bytes, same mtime, no -wal/-shm, nothing left in TMPDIR) still fail if a command
 * writes. Its temporary files go to a folder of their own, to check that nothing is left behind.
 */
const NOBODY = 65534;
const asNobody =
  process.getuid?.() === 0 &&
  spawnSync(process.execPath, ['-e', `require('node:fs').accessSync(${JSON.stringify(CLI)})`], { uid: NOBODY, gid: NOBODY }).status === 0;

function corpusWithEverything(): string {
  const { path, db, ids } = seedCorpus([
    { text: 'Kemarin saya pergi ke pasar untuk membeli sayur.', source: 'berita' },
    { text: 'Hari ini hujan deras sekali di Jakarta.', source: 'berita' },
    { text: 'Anak-anak bermain bola di lapangan desa.', source: 'berita' },
  ]);
  setSourceLicense(db, 'ayu', { source: 'berita', concluded: 'CC-BY-4.0', state: 'cleared', evidence: [], acceptGuess: false });
  // Two annotators who disagree on the first document: one conflict.
  setLabel(db, 'ani', ids[0]!, 'decision', 'keep');
  setLabel(db, 'budi', ids[0]!, 'decision', 'drop');
  setLabel(db, 'ani', ids[1]!, 'decision', 'keep');
  setLabel(db, 'budi', ids[1]!, 'decision', 'keep');
  db.close();
  return path;
}

/** Makes the corpus file 0444 and its folder 0555 for the duration of `body`. */
async function readOnly<T>(path: string, body: () => Promise<T>): Promise<T> {
  chmodSync(path, 0o444);
  chmodSync(dirname(path), 0o555);
  try {
    return await body();
  } finally {
    chmodSync(dirname(path), 0o755);
    chmodSync(path, 0o644);
  }
}

describe('kurasi commands that only read, on a read-only corpus', () => {
  it('stats, license list/show, labels conflicts, agreement and export --preview work and write nothing', async () => {
    const path = corpusWithEverything();
    const scratch = tempDir('kurasi-scratch-');
    chmodSync(scratch, 0o777);
    const user = asNobody ? { uid: NOBODY, gid: NOBODY } : {};
    const run = (args: string[]) => runKurasi([...args, '--db', path], { ...user, env: { TMPDIR: scratch } });
    const before = corpusFingerprint(path);
    expect(before.folder).toEqual(['corpus.db']);

    const out = await readOnly(path, async () => {
      const results: Record<string, { code: number | null; stdout: string; stderr: string }> = {};
      for (const [name, args] of [
        ['stats', ['stats', '--json']],
        ['licenseList', ['license', 'list', '--json']],
        ['licenseShow', ['license', 'show', '--source', 'berita', '--json']],
        ['conflicts', ['labels', 'conflicts', '--json']],
        ['agreement', ['agreement', '--json']],
        ['preview', ['export', '--preview', '--json']],
        ['statsText', ['stats']],
      ] as const) {
        results[name] = await run([...args]);
        // Nothing left in the temporary folder either (a private copy is deleted on close).
        expect([name, readdirSync(scratch)]).toEqual([name, []]);
      }
      return results;
    });

    for (const [name, r] of Object.entries(out)) expect([name, r.code, r.stderr]).toEqual([name, 0, '']);
    expect(JSON.parse(out.stats!.stdout)).toMatchObject({ documents: 3, sources: 1, sections: { labels: { conflicts: 1 } } });
    expect(JSON.parse(out.licenseList!.stdout)).toMatchObject({ sources: [{ name: 'berita', concludedLicense: 'CC-BY-4.0', reviewState: 'cleared' }] });
    expect(JSON.parse(out.licenseShow!.stdout)).toMatchObject({ source: { name: 'berita' }, history: [{ actor: 'ayu' }] });
    expect(JSON.parse(out.conflicts!.stdout)).toMatchObject({ total: 1, rows: [{ question: 'decision' }] });
    expect(JSON.parse(out.agreement!.stdout).questions).toContainEqual(expect.objectContaining({ question: 'decision', items: 2 }));
    expect(JSON.parse(out.preview!.stdout)).toMatchObject({ included: { documents: 3 } });
    expect(out.statsText!.stdout).toMatch(/^documents {2}3$/m);

    // Not a byte, not the modification time, no -wal/-shm beside it.
    expect(corpusFingerprint(path)).toEqual(before);
  }, 120_000);

  it('a corpus that needs a migration is refused with a message saying so, and left unchanged', async () => {
    const path = corpusWithEverything();
    const raw = new Database(path);
    raw.pragma(`user_version = ${migrations.length - 1}`);
    raw.close();
    const before = corpusFingerprint(path);
    const r = await runKurasi(['stats', '--db', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path} needs a migration (corpus schema ${migrations.length - 1}; this version of Kurasi uses ${migrations.length})`);
    expect(corpusFingerprint(path)).toEqual(before);
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(migrations.length - 1);
    check.close();
  }, 60_000);
});
