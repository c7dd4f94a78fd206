import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKurasi } from '../../helpers/cli';
import { tempDbPath, tempDir } from '../../helpers/temp';
import { fixture } from '../import/helpers';
import { seedCorpus } from '../../helpers/corpus';

describe('kurasi CLI: option values and jobs from the command line', () => {
  it('an option value the engine refuses is bad usage (exit 2) named by its flag, not an internal error', async () => {
    const db = tempDbPath();
    const r = await runKurasi(['import', fixture('good.jsonl'), '--db', db, '--source=']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kurasi import: --source: /);
    const w = await runKurasi(['dedupe', '--db', db, '--workers', '1000']);
    expect(w.code).toBe(2);
    expect(w.stderr).toMatch(/--workers must be an integer from 1 to 64/);
    const p = await runKurasi(['serve', '--db', db, '--port', '99999']);
    expect(p.code).toBe(2);
    expect(p.stderr).toMatch(/--port must be an integer/);
  });

  it('dedupe on a mistyped --db fails and creates nothing', async () => {
    const missing = join(tempDir(), 'salah-ketik.db');
    const r = await runKurasi(['dedupe', '--db', missing]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${missing}: no such corpus file`);
    expect(existsSync(missing)).toBe(false);
  });

  it('--resume refuses a job of another kind instead of running it', async () => {
    const db = tempDbPath();
    const imported = await runKurasi(['import', fixture('good.jsonl'), '--db', db, '--json']);
    expect(imported.code).toBe(0);
    for (const cmd of ['langid', 'pii', 'quality']) {
      const r = await runKurasi([cmd, '--db', db, '--resume', '1']);
      expect([cmd, r.code, r.stderr]).toEqual([cmd, 1, expect.stringContaining(`job 1 is an import job, not ${cmd}`)]);
    }
    const { imported: count } = JSON.parse(imported.stdout) as { imported: number };
    expect(count).toBeGreaterThan(0);
    const stats = await runKurasi(['stats', '--db', db, '--json']);
    expect(JSON.parse(stats.stdout)).toMatchObject({ documents: count, sections: { languages: { labelled: 0 } } });
  });

  it('says "1 document", not "1 documents"', async () => {
    const file = join(tempDir(), 'satu.jsonl');
    writeFileSync(file, '{"text":"Satu dokumen saja."}\n');
    const r = await runKurasi(['import', file, '--db', tempDbPath(), '--source', 'satu']);
    expect(r.stdout).toContain("imported 1 document into 'satu'");
  });

  it('stats reports personal data and quality too, readable without --json', async () => {
    const db = tempDbPath();
    const imported = JSON.parse((await runKurasi(['import', fixture('good.jsonl'), '--db', db, '--json'])).stdout) as { imported: number };
    expect((await runKurasi(['pii', '--db', db])).code).toBe(0);
    expect((await runKurasi(['quality', '--db', db])).code).toBe(0);
    const json = JSON.parse((await runKurasi(['stats', '--db', db, '--json'])).stdout) as { sections: { pii: { scanned: number }; quality: Record<string, number> } };
    expect(json.sections.pii.scanned).toBe(imported.imported);
    const q = json.sections.quality;
    expect([q.passed! + q.failed!, q.unchecked]).toEqual([imported.imported, 0]);
    const human = (await runKurasi(['stats', '--db', db])).stdout;
    expect(human).toMatch(new RegExp(`^quality +passed ${q.passed}, failed ${q.failed}, unchecked 0$`, 'm'));
    expect(human).not.toMatch(/[{}"]/);
  });

  it('names the corpus file in SQLite errors that do not', async () => {
    const notDb = join(tempDir(), 'bukan-korpus.db');
    writeFileSync(notDb, 'ini bukan basis data SQLite, hanya teks biasa yang cukup panjang untuk dibaca sebagai header');
    const r = await runKurasi(['stats', '--db', notDb]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`kurasi stats: ${notDb}: file is not a database\n`);
  });

  it('labels conflicts refuses a --limit out of range (exit 2, naming the flag and the range) instead of clamping it', async () => {
    const { path, db } = seedCorpus([{ text: 'Satu dokumen untuk dilabeli.' }]);
    db.close();
    for (const limit of ['1000', '501', '0', '-3', '2.5', 'lima']) {
      const r = await runKurasi(['labels', 'conflicts', '--db', path, `--limit=${limit}`, '--json']);
      expect([limit, r.code, r.stdout]).toEqual([limit, 2, '']);
      expect(r.stderr).toContain(`kurasi labels conflicts: --limit must be an integer from 1 to 500, got '${limit}'`);
    }
    for (const limit of ['1', '500']) {
      const r = await runKurasi(['labels', 'conflicts', '--db', path, '--limit', limit, '--json']);
      expect([limit, r.code, r.stderr]).toEqual([limit, 0, '']);
      expect(JSON.parse(r.stdout)).toEqual({ rows: [], total: 0 });
    }
  });

  it('a command group alone lists its subcommands; "licence" is accepted for "license"', async () => {
    const alone = await runKurasi(['license']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/^kurasi: 'license' needs a subcommand:\n/);
    expect(alone.stderr).toMatch(/^ {2}kurasi license set +\S/m);
    const wrong = await runKurasi(['labels', 'bogus']);
    expect([wrong.code, wrong.stderr.split('\n')[0]]).toEqual([2, "kurasi: 'labels' has no subcommand 'bogus':"]);
    const british = await runKurasi(['licence', 'list', '--help']);
    expect(british.code).toBe(0);
    expect(british.stdout).toMatch(/^Usage: kurasi license list/m);
  });

  it('import keeps a declared licence that is not SPDX but warns; a valid one passes quietly', async () => {
    const bad = await runKurasi(['import', fixture('good.jsonl'), '--db', tempDbPath(), '--license', 'BEBAS-PAKAI']);
    expect(bad.code).toBe(0);
    expect(bad.stderr).toBe("kurasi import: warning: --license 'BEBAS-PAKAI' is not an SPDX expression; recorded as declared, to be reviewed\n");
    const good = await runKurasi(['import', fixture('good.jsonl'), '--db', tempDbPath(), '--license', 'CC-BY-SA-4.0']);
    expect([good.code, good.stderr]).toEqual([0, '']);
  });

  it('detect reads a JSON record without a text field as an error line (und), not as the text "{...}"', async () => {
    const r = await runKurasi(['detect'], { input: '{"judul":"Berita hari ini di kota"}\n{"text":"Kemarin saya pergi ke pasar untuk membeli sayur."}\n' });
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { lang: string; error?: string });
    expect(out.map((o) => o.lang)).toEqual(['und', 'ind']);
    expect(out[0]?.error).toMatch(/no "text" field/);
    expect(r.code).toBe(1);
  });
});
