import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runKurasi } from '../../helpers/cli';
import { seedCorpus } from '../../helpers/corpus';
import { tempDir } from '../../helpers/temp';


describe('kurasi CLI', () => {
  it('lists its commands on --help and exits 0', async () => {
    const r = await runKurasi(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/import/);
    expect(r.stdout).toMatch(/stats/);
  });

  it('exits 2 with usage on an unknown command, a missing option or an unknown flag', async () => {
    const unknown = await runKurasi(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'/);
    const missing = await runKurasi(['stats']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--db is required/);
    const flag = await runKurasi(['stats', '--db', 'x.db', '--bogus']);
    expect(flag.code).toBe(2);
  });

  it('exits 1 with a one-line reason when the corpus file does not exist', async () => {
    const r = await runKurasi(['stats', '--db', join(tempDir(), 'missing.db')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/missing\.db: no such corpus file/);
  });

  it('prints stats as one JSON object', async () => {
    const { path, db } = seedCorpus([{ text: 'Apa kabar?' }, { text: 'Baik-baik saja.', source: 'lain' }]);
    db.close();
    const r = await runKurasi(['stats', '--db', path, '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { documents: number; sources: number; rejects: number };
    expect(s).toMatchObject({ documents: 2, sources: 2, rejects: 0 });
  });
});
